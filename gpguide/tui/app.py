"""gpguide's chat-style terminal app: the GP types what they would say to a colleague and gets the few services
that fit, with why, how to get in, who to contact and the source behind every fact."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header

from gpguide.case import Decision, decide
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

EXAMPLES = (
    "«kvinne 34 år, lett til moderat angst og søvnvansker»",
    "«gutt 17, angst og hasj, skulker»",
    "«rask psykisk helsehjelp Strand»",
)


@dataclass
class Turn:
    """One question, kept in memory only, so F5 can move it to the case it belongs to."""

    shown: str  # masked, as shown in the log
    searchable: str  # masked, as searched
    warning: str | None
    case_before: "Understanding | None"  # the case on screen when it was asked
    asked: str | None  # the follow-up gpguide had just asked
    continued: bool = False
    widgets: list[Widget] = field(default_factory=list)


class GPGuideApp(App[None]):
    """The assistant. Build with a loaded catalogue; kommune (id or name) overrides the remembered one."""

    TITLE = "gpguide"
    SUB_TITLE = "finn riktig tilbud innen psykisk helse og rus"
    CSS_PATH = ["app.tcss", "screens.tcss"]
    COMMANDS = {GPGuideCommands}
    NOTIFICATION_TIMEOUT = 4

    BINDINGS = [
        Binding("f1", "help", "Hjelp"),
        Binding("f2", "change_kommune", "Kommune"),
        Binding("f3", "overview", "Oversikt"),
        Binding("f4", "glossary", "Ordliste", show=False),
        Binding("f5", "same_patient", "Samme pasient"),
        Binding("f5", "new_patient", "Ny pasient"),
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
        self.case: "Understanding | None" = None  # the current case, refined by replies that continue it
        self.last_answer: "Answer | None" = None
        self.turn: Turn | None = None
        self.first_frame: float | None = None
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
        yield Footer(compact=True, show_command_palette=False)

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
        self.ask(raw)

    def ask(self, raw: str) -> None:
        """Guard the question, then decide its case and answer it in a worker."""
        guarded = guard(raw)  # from here on, only the masked text exists
        if guarded.clean:  # a question that held an identity number never enters the history, even masked
            self.query_one(QuestionInput).remember(guarded.text)
        warning = f"{WARNING} ({', '.join(guarded.found)} ble fjernet.)" if guarded.found else None
        asked = self.last_answer.follow_up_kind if self.last_answer else None
        self._answer_turn(Turn(guarded.text, guarded.searchable, warning, self.case, asked))

    @work(exclusive=True, group="ask")
    async def _answer_turn(self, turn: "Turn", continues: bool | None = None) -> None:
        """Answer a question as a new case or as part of the one on screen: as the case model decides, or as the
        GP corrected it (continues)."""
        try:
            engine = await self.engine()
            decision, answer = await asyncio.to_thread(self._decide_and_answer, engine, turn, continues)
        except Exception as exc:  # an engine bug must not take the conversation down with it
            await self._failed(exc)
            return
        conversation = self.query_one(Conversation)
        for widget in turn.widgets:  # a corrected turn moves to its right case
            await widget.remove()
        if continues is True:
            await conversation.reopen_previous()
        turn.continued = decision.continues
        turn.widgets = [UserMessage(turn.shown, decision if decision.continues else None)]
        if turn.warning:
            turn.widgets.append(AssistantMessage(turn.warning, kind="warning"))
        turn.widgets.append(AnswerView(answer, self.catalogue))
        if decision.continues:
            await conversation.add(*turn.widgets, scroll_to=turn.widgets[0])
        else:
            case = await conversation.start_case(decision.reason)
            await conversation.add(*turn.widgets, scroll_to=case)
        await self._answered(answer, turn)

    def _decide_and_answer(self, engine: "Engine", turn: "Turn", continues: bool | None) -> tuple[Decision, "Answer"]:
        if continues is None:
            decision = decide(engine.understand(turn.searchable), turn.case_before, turn.asked)
        else:
            decision = Decision(continues, "rettet med F5" if continues else "ny pasient (rettet med F5)")
        previous = turn.case_before if decision.continues else None
        # The chosen kommune is a default for a new case: a kommune named in the text (or the case) wins.
        answer = engine.ask(turn.searchable, previous=previous, default_kommune=None if previous else self.kommune)
        return decision, answer

    @work(exclusive=True, group="ask")
    async def _answer_query(self, query: "Understanding", note: str) -> None:
        try:
            engine = await self.engine()
            answer = await asyncio.to_thread(engine.answer, query)
        except Exception as exc:
            await self._failed(exc)
            return
        view = AnswerView(answer, self.catalogue, note=note)
        await self.query_one(Conversation).add(view, scroll_to=view)
        await self._answered(answer)

    async def _failed(self, exc: Exception) -> None:
        self.log.error("answer failed", exc)
        await self.query_one(Conversation).add_notice(AssistantMessage(
            f"Beklager, noe gikk galt da svaret skulle lages ({type(exc).__name__}: {exc}). "
            "Prøv å formulere spørsmålet annerledes, eller start en ny samtale (Ctrl+N).", kind="warning"))

    async def _answered(self, answer: "Answer", turn: "Turn | None" = None) -> None:
        """The answer is the case now: chips, banner and the input's hint follow it. Only a question just asked
        can be moved to another case (F5)."""
        self.case = answer.query
        self.last_answer = answer
        self.turn = turn
        question = self.query_one(QuestionInput)
        question.placeholder = f"Svar: {answer.follow_up}" if answer.follow_up else PLACEHOLDER
        self.query_one(EmergencyBanner).show_for(answer)
        await self._refresh_chips()
        self.refresh_bindings()
        if not isinstance(self.focused, QuestionInput) and self.screen is self.screen_stack[0]:
            question.focus()

    # ---------- which case ----------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "same_patient":
            return self.turn is not None and not self.turn.continued and self.turn.case_before is not None
        if action == "new_patient":
            return self.turn is not None and self.turn.continued
        return True

    def action_same_patient(self) -> None:
        """The last question was about the patient before it: join it to that case."""
        if self.turn is not None:
            self._answer_turn(self.turn, continues=True)

    def action_new_patient(self) -> None:
        """The last question was about a new patient: give it a case of its own."""
        if self.turn is not None:
            self._answer_turn(self.turn, continues=False)

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
        """Close the case on screen: the next question starts a new one."""
        if self.case is None:
            return
        self.case = None
        self.last_answer = None
        self.turn = None
        self.refresh_bindings()
        self.query_one(QuestionInput).placeholder = PLACEHOLDER
        self.query_one(EmergencyBanner).show_for(None)
        conversation = self.query_one(Conversation)
        if conversation.case is not None:
            conversation.case.close()
        await conversation.add_notice(
            AssistantMessage("Saken er avsluttet. Neste spørsmål blir en ny sak.", kind="muted"))
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
    def _card_left(self) -> None:
        self.query_one(QuestionInput).focus()

    async def on_key(self, event: events.Key) -> None:
        """Printable characters always go to the question, wherever focus is: typing starts a question. Screens
        that are only read close first; pickers and the glossary keep their own typing."""
        if not (event.is_printable and event.character):
            return
        if self.screen is not self.screen_stack[0]:
            if not getattr(self.screen, "TYPING_RETURNS", False):
                return
            while self.screen is not self.screen_stack[0] and getattr(self.screen, "TYPING_RETURNS", False):
                await self.pop_screen()
            if self.screen is not self.screen_stack[0]:
                return
        question = self.query_one(QuestionInput)
        event.stop()
        event.prevent_default()
        question.focus()
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
        self.turn = None
        self.refresh_bindings()
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

    def action_help_quit(self) -> None:
        """Ctrl+C outside a card: say how to quit and how to copy, in Norwegian."""
        self.notify("Ctrl+Q avslutter. Ctrl+C kopierer kontakten når et kort er valgt (Tab).", timeout=4)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="Søk etter kommandoer …", id="--command-palette"))
