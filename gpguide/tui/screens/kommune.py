"""A small modal list to pick the patient's kommune."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpguide.catalogue import Catalogue

NO_KOMMUNE = "-"  # the option for "no fixed kommune": gpguide asks for it in each case


class KommunePicker(ModalScreen[str | None]):
    """Dismisses with a kommune id, NO_KOMMUNE for none, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Avbryt")]

    def __init__(self, catalogue: Catalogue, current: str | None = None, first_time: bool = False) -> None:
        super().__init__(classes="kommune-picker")
        self.catalogue = catalogue
        self.current = current
        self.first_time = first_time

    def compose(self) -> ComposeResult:
        kommuner = sorted(self.catalogue.kommuner.values(), key=lambda k: k.name)
        options = [Option(k.name + (f"  ({k.county})" if k.county else ""), id=k.id) for k in kommuner]
        options.append(Option("Ingen fast kommune (spør hver gang)", id=NO_KOMMUNE))
        with Vertical(id="kommune-box") as box:
            box.border_title = "Velg kommune"
            box.border_subtitle = "↑↓ velg · Enter · Esc avbryt"
            intro = "Hvilken kommune bor pasienten i? Valget huskes til neste gang"
            intro += (": velg den de fleste pasientene dine bor i, og bytt med F2." if self.first_time else ".")
            yield Static(intro, id="kommune-intro")
            yield OptionList(*options, id="kommune-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current:
            try:
                options.highlighted = options.get_option_index(self.current)
            except Exception:  # an id no longer in the catalogue
                options.highlighted = 0
        else:
            options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
