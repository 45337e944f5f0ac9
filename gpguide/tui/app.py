"""gpguide's chat-style terminal app: the GP types what they would say to a colleague and gets the few services
that fit, with why, how to get in, who to contact and the source behind every fact."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from gpguide.privacy import WARNING, guard
from gpguide.tui.commands import GPGuideCommands
from gpguide.tui.settings import Settings
from gpguide.tui.texts import chips, clear_chip
from gpguide.tui.widgets import (
    AnswerView,
    AssistantMessage,
    Card,
    ChipBar,
    Conversation,
    EmergencyBanner,
    QuestionInput,
    ResultCard,
    UserMessage,
)

if TYPE_CHECKING:
    from gpguide.catalogue import Catalogue
    from gpguide.search import Answer, Engine, Understanding

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
PLACEHOLDER = "Beskriv pasienten og behovet, f.eks. «gutt 17, angst og hasj»"
SHORT_REPLY_WORDS = 3  # a reply this short refines the current case ("17", "Strand", "også rus")

EXAMPLES = (
    "«kvinne 34 år, lett til moderat angst og søvnvansker»",
    "«gutt 17, angst og hasj, skulker»",
    "«rask psykisk helsehjelp Strand»",
)


class GPGuideApp(App[None]):
    """The assistant. Build with a loaded catalogue; kommune (id or name) overrides the remembered one."""

    TITLE = "gpguide"
    SUB_TITLE = "finn riktig tilbud innen psykisk helse og rus"
    CSS_PATH = ["app.tcss", "screens.tcss"]
    COMMANDS = App.COMMANDS | {GPGuideCommands}
    NOTIFICATION_TIMEOUT = 4

    BINDINGS = [
        Binding("f1", "help", "Hjelp"),
        Binding("f2", "change_kommune", "Kommune"),
        Binding("f3", "overview", "Oversikt"),
        Binding("f4", "glossary", "Ordliste"),
        Binding("ctrl+n", "new_conversation", "Ny samtale", priority=True),
        Binding("f9", "problems", "Katalogproblemer", show=False),
        Binding("ctrl+t", "toggle_theme", "Tema", show=False),
        Binding("ctrl+l", "clear_case", "Fjern forstått", show=False),
        Binding("pageup", "scroll_conversation(-1)", "Bla opp", show=False),
        Binding("pagedown", "scroll_conversation(1)", "Bla ned", show=False),
        Binding("ctrl+q", "quit", "Avslutt", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "Kommandoer", show=False, priority=True, key_display="Ctrl+P"),
    ]

    def __init__(self, catalogue: "Catalogue", kommune: str | None = None, *, settings: Settings | None = None,
                 remember: bool = True) -> None:
        self.started = time.perf_counter()
        self.catalogue = catalogue
        self.settings = settings if settings is not None else Settings.load()
        self.remember = remember  # write choices to the settings file
        super().__init__()
        self._engine: "Engine | None" = None
        self._engine_ready: asyncio.Future | None = None
        self.case: "Understanding | None" = None  # the current case, refined by short replies
        self.last_answer: "Answer | None" = None
        self.first_frame: float | None = None
        self._anchor: UserMessage | None = None
        place = catalogue.find_kommune(kommune) if kommune else None
        self._unknown_kommune = kommune if kommune and place is None else None
        if place is None:
            remembered = self.settings.kommune
            place = catalogue.kommuner.get(remembered or "") if remembered else None
        self.kommune: str | None = place.id if place else None
        self._no_fixed_kommune = self.settings.kommune == "-" and place is None
        self.theme = self.settings.theme if self.settings.theme in self.available_themes else DARK_THEME

    # ---------- layout ----------

    def compose(self) -> ComposeResult:
        yield Header(icon="?")
        yield EmergencyBanner(id="banner")
        yield Conversation(id="conversation")
        yield ChipBar(id="chips")
        yield QuestionInput(placeholder=PLACEHOLDER, id="question")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.query_one(EmergencyBanner).display = False
        self._update_subtitle()
        await self._welcome()
        await self._refresh_chips()
        self.query_one(QuestionInput).focus()
        self._engine_ready = asyncio.get_running_loop().create_future()
        self._build_engine()
        if self._unknown_kommune:
            known = ", ".join(k.name for k in self.catalogue.kommuner.values()) or "ingen"
            self.notify(f"Ukjent kommune «{self._unknown_kommune}». Katalogen har: {known}.", severity="warning")
        if self.kommune is None and not self._no_fixed_kommune and self.catalogue.kommuner:
            self.push_screen(self._picker(first_time=True), self._kommune_chosen)
        self.call_after_refresh(self._mark_first_frame)

    def _mark_first_frame(self) -> None:
        self.first_frame = time.perf_counter() - self.started

    @work(exclusive=True, group="engine")
    async def _build_engine(self) -> None:
        """Build the search engine once, off the event loop, while the GP reads the first screen."""
        from gpguide.search import Engine

        assert self._engine_ready is not None
        try:
            self._engine = await asyncio.to_thread(Engine, self.catalogue)
        except Exception as exc:  # shown with the first answer instead of crashing the start
            self._engine_ready.set_exception(exc)
            self._engine_ready.exception()  # retrieved: no "never retrieved" warning when nobody asks
            return
        self._engine_ready.set_result(self._engine)

    async def engine(self) -> "Engine":
        if self._engine is None:
            assert self._engine_ready is not None
            await asyncio.shield(self._engine_ready)
        assert self._engine is not None
        return self._engine

    async def _welcome(self) -> None:
        text = Text()
        text.append("Hei! ", style="bold")
        text.append("Beskriv pasienten slik du ville sagt det til en kollega: alder, plager og hva som trengs. "
                    "Ikke skriv navn eller personnummer.\nFor eksempel " + ", ".join(EXAMPLES) + ".")
        text.append("\nF1 hjelp · F2 bytt kommune · F3 oversikt · F4 ordliste · Ctrl+P kommandoer", style="dim")
        messages = [AssistantMessage(text, kind="welcome")]
        if self.catalogue.skipped:
            count = len(self.catalogue.skipped)
            messages.append(AssistantMessage(
                f"Merk: {count} katalogfil{'er' if count > 1 else ''} ble hoppet over på grunn av feil. "
                "Trykk F9 for å se problemene.", kind="notice"))
        await self.query_one(Conversation).add(*messages)

    def _update_subtitle(self) -> None:
        place = self.catalogue.kommuner.get(self.kommune or "")
        self.sub_title = f"Kommune: {place.name}" if place else "Ingen kommune valgt (F2)"

    async def _refresh_chips(self) -> None:
        place = self.catalogue.kommuner.get(self.kommune or "")
        idle = (f"Kommune: {place.name} · F2 bytter" if place else "Ingen kommune valgt · F2 velger")
        await self.query_one(ChipBar).show(chips(self.case, self.catalogue), idle)

    # ---------- asking ----------

    @on(QuestionInput.Submitted, "#question")
    async def _submitted(self, event: QuestionInput.Submitted) -> None:
        raw = event.value.strip()
        question = self.query_one(QuestionInput)
        question.clear()
        if not raw:
            return
        await self.ask(raw)

    async def ask(self, raw: str) -> None:
        """Guard the question, show it, and answer it in a worker."""
        guarded = guard(raw)
        text = guarded.text  # from here on, only the masked text exists
        if guarded.clean:  # a question that held an identity number never enters the history, even masked
            self.query_one(QuestionInput).remember(text)
        refining = self._refines(text)
        messages = [UserMessage(text, refining=refining)]
        self._anchor = messages[0]  # the answer scrolls so that its question is on top
        if guarded.found:
            messages.append(AssistantMessage(f"{WARNING} ({', '.join(guarded.found)} ble fjernet.)", kind="warning"))
        await self.query_one(Conversation).add(*messages)
        self._answer_text(guarded.searchable, self.case if refining else None)

    def _refines(self, text: str) -> bool:
        """A reply refines the current case when gpguide just asked a follow-up, or when it is very short."""
        if self.case is None or self.last_answer is None:
            return False
        if self.last_answer.follow_up_kind:
            return True
        return len(text.split()) <= SHORT_REPLY_WORDS

    @work(exclusive=True, group="ask")
    async def _answer_text(self, text: str, previous: "Understanding | None") -> None:
        kommune = self.kommune if previous is None else None
        try:
            engine = await self.engine()

            # The chosen kommune is a default: a kommune named in the text (or an earlier turn) wins.
            answer = await asyncio.to_thread(engine.ask, text, previous=previous, default_kommune=kommune)
        except Exception as exc:  # an engine bug must not take the conversation down with it
            await self._failed(exc)
            return
        await self.show_answer(answer)

    @work(exclusive=True, group="ask")
    async def _answer_query(self, query: "Understanding", note: str) -> None:
        try:
            engine = await self.engine()
            answer = await asyncio.to_thread(engine.answer, query)
        except Exception as exc:
            await self._failed(exc)
            return
        await self.show_answer(answer, note=note)

    async def _failed(self, exc: Exception) -> None:
        self.log.error("answer failed", exc)
        await self.query_one(Conversation).add(AssistantMessage(
            f"Beklager, noe gikk galt da svaret skulle lages ({type(exc).__name__}: {exc}). "
            "Prøv å formulere spørsmålet annerledes, eller start en ny samtale (Ctrl+N).", kind="warning"))

    async def show_answer(self, answer: "Answer", note: str | None = None) -> None:
        self.case = answer.query
        self.last_answer = answer
        view = AnswerView(answer, self.catalogue, note=note)
        anchor, self._anchor = self._anchor, None
        conversation = self.query_one(Conversation)
        if anchor is None or not anchor.is_attached or note:
            anchor = view
        await conversation.add(view, scroll_to=anchor)
        question = self.query_one(QuestionInput)
        question.placeholder = f"Svar: {answer.follow_up}" if answer.follow_up else PLACEHOLDER
        self.query_one(EmergencyBanner).show_for(answer)
        await self._refresh_chips()
        if not isinstance(self.focused, QuestionInput) and self.screen is self.screen_stack[0]:
            self.query_one(QuestionInput).focus()

    # ---------- chips ----------

    @on(ChipBar.Cleared)
    def _chip_cleared(self, event: ChipBar.Cleared) -> None:
        if self.case is None:
            return
        self.query_one(QuestionInput).focus()
        self._answer_query(clear_chip(self.case, event.chip.key), note=f"Fjernet «{event.chip.long}». Nytt svar:")

    @on(ChipBar.Leave)
    def _chips_left(self) -> None:
        self.query_one(QuestionInput).focus()

    def action_focus_chips(self) -> None:
        if not self.query_one(ChipBar).focus_first():
            self.notify("Ingenting er forstått ennå.", timeout=2)

    async def action_clear_case(self) -> None:
        if self.case is None:
            return
        self.case = None
        self.last_answer = None
        self.query_one(QuestionInput).placeholder = PLACEHOLDER
        self.query_one(EmergencyBanner).show_for(None)
        await self.query_one(Conversation).add(
            AssistantMessage("Saken er nullstilt. Neste spørsmål gjelder en ny sak.", kind="muted"))
        await self._refresh_chips()
        self.query_one(QuestionInput).focus()

    # ---------- cards ----------

    def action_focus_cards(self) -> None:
        views = list(self.query(AnswerView))
        for view in reversed(views):
            cards = list(view.query(Card))
            if cards:
                cards[0].focus()
                cards[0].scroll_visible(top=True)
                return
        self.notify("Ingen svar å gå til ennå.", timeout=2)

    @on(Card.Open)
    def _open_card(self, event: Card.Open) -> None:
        from gpguide.tui.screens import DetailScreen

        card = event.card
        result = card.result if isinstance(card, ResultCard) else None
        self.push_screen(DetailScreen(card.service, self.catalogue, result, card.query))

    @on(Card.Leave)
    def _card_left(self, event: Card.Leave) -> None:
        question = self.query_one(QuestionInput)
        question.focus()
        if event.character:
            question.insert_text_at_cursor(event.character)

    def action_scroll_conversation(self, step: int) -> None:
        conversation = self.query_one(Conversation)
        (conversation.scroll_page_down if step > 0 else conversation.scroll_page_up)(animate=False)

    # ---------- conversation ----------

    async def action_new_conversation(self) -> None:
        while len(self.screen_stack) > 1 and not self.screen.is_modal:
            self.pop_screen()
        self.workers.cancel_group(self, "ask")
        self.case = None
        self.last_answer = None
        question = self.query_one(QuestionInput)
        question.forget()
        question.clear()
        question.placeholder = PLACEHOLDER
        self.query_one(EmergencyBanner).show_for(None)
        await self.query_one(Conversation).clear()
        await self._welcome()
        await self._refresh_chips()
        question.focus()
        self.notify("Ny samtale. Forrige samtale og spørsmålshistorikk er slettet.", timeout=3)

    # ---------- kommune ----------

    def _picker(self, first_time: bool = False):
        from gpguide.tui.screens import KommunePicker

        return KommunePicker(self.catalogue, self.kommune, first_time=first_time)

    def action_change_kommune(self) -> None:
        from gpguide.tui.screens import KommunePicker

        if isinstance(self.screen, KommunePicker):
            return
        self.push_screen(self._picker(), self._kommune_chosen)

    async def _kommune_chosen(self, choice: str | None) -> None:
        from gpguide.tui.screens import NO_KOMMUNE

        if choice is None:  # cancelled
            return
        await self.set_kommune(None if choice == NO_KOMMUNE else choice)

    async def set_kommune(self, kommune: str | None) -> None:
        """Choose the kommune, remember it, and re-answer the current case for it."""
        self.kommune = kommune if kommune in self.catalogue.kommuner else None
        self._no_fixed_kommune = self.kommune is None
        self.settings.kommune = self.kommune or "-"
        self._save_settings()
        self._update_subtitle()
        place = self.catalogue.kommuner.get(self.kommune or "")
        if self.case is not None and self.kommune and self.case.kommune != self.kommune:
            from dataclasses import replace

            self._answer_query(replace(self.case, kommune=self.kommune, kommune_from="valg"),
                               note=f"Kommune endret til {place.name if place else self.kommune}. Nytt svar:")
        else:
            await self._refresh_chips()
        self.notify(f"Kommune: {place.name}" if place else "Ingen fast kommune: gpguide spør i hver sak.", timeout=3)
        self.query_one(QuestionInput).focus()

    def _save_settings(self) -> None:
        if self.remember and not self.settings.save():
            self.notify("Kunne ikke lagre innstillingene.", severity="warning", timeout=3)

    # ---------- screens ----------

    def _push_once(self, screen: Screen) -> None:
        if type(self.screen) is type(screen):
            self.pop_screen()
            return
        while len(self.screen_stack) > 1 and not self.screen.is_modal:
            self.pop_screen()
        self.push_screen(screen)

    def action_help(self) -> None:
        from gpguide.tui.screens import HelpScreen

        self._push_once(HelpScreen())

    def action_overview(self) -> None:
        from gpguide.tui.screens import OverviewScreen

        self._push_once(OverviewScreen(self.catalogue, self.kommune))

    def action_glossary(self) -> None:
        from gpguide.tui.screens import GlossaryScreen

        self._push_once(GlossaryScreen(self.catalogue))

    def action_problems(self) -> None:
        from gpguide.tui.screens import ProblemsScreen

        self._push_once(ProblemsScreen(self.catalogue))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME
        self.settings.theme = self.theme
        self._save_settings()

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="Søk etter kommandoer …", id="--command-palette"))

    def get_system_commands(self, screen: Screen):
        yield SystemCommand("Avslutt", "Lukk gpguide", self.exit)
        yield SystemCommand("Velg fargetema", "Velg blant alle fargetemaene", self.action_change_theme)
