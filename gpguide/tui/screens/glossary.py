"""For turnus doctors: the catalogue's glossary, searchable with rapidfuzz."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from gpguide.catalogue import Catalogue, GlossaryTerm
from gpguide.tui.screens.base import SubScreen
from gpguide.tui.texts import search_glossary


def term_prompt(term: GlossaryTerm) -> Text:
    text = Text()
    text.append(term.term, style="bold")
    if term.expansion:  # a dash, not brackets: many expansions hold brackets of their own
        text.append(f" – {term.expansion}")
    text.append("\n")
    text.append(term.definition, style="dim")
    return text


class GlossaryScreen(SubScreen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Lukk"),
        Binding("f4", "app.pop_screen", "Lukk", show=False),
        Binding("down", "move(1)", "Neste", show=False),
        Binding("up", "move(-1)", "Forrige", show=False),
    ]

    def __init__(self, catalogue: Catalogue, query: str = "") -> None:
        super().__init__()
        self.catalogue = catalogue
        self.initial = query
        self.shown: list[GlossaryTerm] = []

    def compose(self) -> ComposeResult:
        yield Input(value=self.initial, placeholder="Søk i ordlisten, f.eks. «IP», «ROP» eller «vedtak»",
                    id="glossary-search")
        yield OptionList(id="glossary-list")
        yield Static(id="glossary-detail")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#glossary-list", OptionList).can_focus = False
        self._filter(self.initial)
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()

    def _filter(self, query: str) -> None:
        options = self.query_one("#glossary-list", OptionList)
        self.shown = search_glossary(self.catalogue.glossary, query)
        options.clear_options()
        options.add_options([Option(term_prompt(t), id=str(i)) for i, t in enumerate(self.shown)])
        if self.shown:
            options.highlighted = 0
        self._show_detail()

    def action_move(self, step: int) -> None:
        options = self.query_one("#glossary-list", OptionList)
        if not self.shown:
            return
        index = (options.highlighted or 0) + step
        options.highlighted = max(0, min(len(self.shown) - 1, index))
        self._show_detail()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#glossary-detail", Static)
        options = self.query_one("#glossary-list", OptionList)
        if not self.catalogue.glossary:
            detail.update(Text("Ordlisten er tom: katalogen har ingen glossary.yaml ennå.", style="italic"))
            return
        if not self.shown or options.highlighted is None:
            detail.update(Text("Ingen ord passet. Prøv et annet ord eller en forkortelse.", style="italic"))
            return
        term = self.shown[options.highlighted]
        text = Text()
        text.append(term.term, style="bold")
        if term.expansion:
            text.append(f" – {term.expansion}")
        if term.see_also:
            text.append("\nSe også: ", style="bold")
            text.append(", ".join(term.see_also))
        text.append("\nKilde: ", style="bold")
        text.append("; ".join(self.catalogue.source_label(s) for s in term.sources) or "ikke oppgitt", style="dim")
        detail.update(text)
