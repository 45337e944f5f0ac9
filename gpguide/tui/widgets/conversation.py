"""The conversation: a scrolling log of cases, one per patient, each with its questions and answers.

The newest case is in full colour; earlier cases are dimmed, so the boundary between patients is obvious."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from gpguide.case import Decision
from gpguide.catalogue import Catalogue
from gpguide.console import emergency_heading, shown_not_offered, shown_results
from gpguide.search import Answer
from gpguide.tui.texts import chips
from gpguide.tui.widgets.cards import NotOfferedCard, ResultCard

NEAR_MISSES_SHOWN = 3


class Conversation(VerticalScroll, can_focus=False):
    """Notices and cases, newest at the bottom."""

    @property
    def case(self) -> "CaseView | None":
        cases = list(self.query_children(CaseView))
        return cases[-1] if cases else None

    async def add(self, *widgets: Widget, scroll_to: Widget | None = None) -> None:
        """Add to the current case (or to the log itself when no case is open)."""
        case = self.case
        if case is not None and not case.closed:
            await case.mount_all(widgets)
        else:
            await self.mount_all(widgets)
        self.show(scroll_to or widgets[-1])

    async def add_notice(self, *widgets: Widget) -> None:
        await self.mount_all(widgets)
        self.show(widgets[-1])

    async def start_case(self, reason: str) -> "CaseView":
        """Close the current case (dimmed) and open a new one."""
        for case in self.query_children(CaseView):
            case.close()
        case = CaseView(len(self.query_children(CaseView)) + 1, reason)
        await self.mount(case)
        return case

    async def reopen_previous(self) -> "CaseView | None":
        """Undo the newest case: its turns belong to the case before it ("samme pasient")."""
        cases = list(self.query_children(CaseView))
        if len(cases) < 2:
            return None
        await cases[-1].remove()
        cases[-2].reopen()
        return cases[-2]

    def show(self, target: Widget) -> None:
        self.call_after_refresh(self._show, target)

    def _show(self, target: Widget) -> None:
        """Bring the start of the newest case or message to the top (an answer is read from its top); a new case
        starts exactly at its header, without the margin above it."""
        top, node = 0, target
        while node is not None and node is not self:
            top += node.virtual_region.y
            node = node.parent
        if not isinstance(target, CaseView):
            top -= target.styles.margin.top
        self.scroll_to(y=top, animate=False)

    async def clear(self) -> None:
        await self.remove_children()


class CaseHeader(Static):
    """«Sak 2 · ny pasient: alder 14, annet kjønn» at the top of each case."""

    def __init__(self, number: int, reason: str) -> None:
        text = Text.assemble((f" Sak {number} ", "bold reverse"), f" {reason}")
        text.no_wrap, text.overflow = True, "ellipsis"
        super().__init__(text, classes="case-header")


class CaseView(Vertical):
    """One patient: a header, then the questions and answers about them."""

    def __init__(self, number: int, reason: str) -> None:
        super().__init__(classes="case")
        self.header = CaseHeader(number, reason)
        self.closed = False

    def compose(self) -> ComposeResult:
        yield self.header

    def close(self) -> None:
        self.closed = True
        self.add_class("-past")

    def reopen(self) -> None:
        self.closed = False
        self.remove_class("-past")


class UserMessage(Static):
    """What the GP asked (already masked by the privacy guard); a reply that continues the case says so."""

    def __init__(self, text: str, continued: Decision | None = None) -> None:
        label = Text()
        label.append("Du: ", style="bold")
        label.append(text)
        if continued is not None:
            label.append(f"  ↳ samme pasient: {continued.reason}", style="italic")
        super().__init__(label, classes="message user" + (" -continued" if continued else ""))


class AssistantMessage(Static):
    """A line from gpguide: a follow-up question, a privacy warning, a notice."""

    def __init__(self, text: str | Text, kind: str = "info") -> None:
        super().__init__(text, classes=f"message assistant -{kind}")


class UnderstoodLine(Static):
    """'Forstått: kommune: Sandnes · alder: 34 · …' kept in the log, so earlier turns read on their own."""

    def __init__(self, answer: Answer, catalogue: Catalogue) -> None:
        labels = [c.long for c in chips(answer.query, catalogue)]
        text = Text("Forstått: " + (" · ".join(labels) if labels else "lite"), style="dim")
        text.no_wrap, text.overflow = True, "ellipsis"
        super().__init__(text, classes="understood")


class EmergencyNote(Static):
    """For the record in the log: this answer was urgent (or carried a safety reminder). The numbers themselves
    stand once, in the banner above the conversation."""

    def __init__(self, answer: Answer) -> None:
        text = emergency_heading(answer)
        text.append(" – nødnumrene står øverst", style="not bold")
        text.no_wrap, text.overflow = True, "ellipsis"
        super().__init__(text, classes="emergency-note" + ("" if answer.urgent else " -reminder"))


class AnswerView(Vertical):
    """One answer: what was understood, the follow-up, not-offered notes, result cards, what was left out."""

    def __init__(self, answer: Answer, catalogue: Catalogue, note: str | None = None) -> None:
        super().__init__(classes="answer")
        self.answer = answer
        self.catalogue = catalogue
        self.note = note

    def compose(self) -> ComposeResult:
        answer, catalogue = self.answer, self.catalogue
        if self.note:
            yield AssistantMessage(self.note, kind="muted")
        yield UnderstoodLine(answer, catalogue)
        if answer.follow_up:  # first, so it is seen at 80×24 without scrolling
            yield AssistantMessage(answer.follow_up, kind="follow-up")
        if answer.emergency and (answer.urgent or answer.query.safety_reminders):
            yield EmergencyNote(answer)
        for item in shown_not_offered(answer):
            yield NotOfferedCard(item, catalogue, answer.query)
        results = shown_results(answer)
        for i, result in enumerate(results, 1):
            yield ResultCard(i, result, catalogue, answer.query)
        if not results and not answer.follow_up:
            yield AssistantMessage("Ingen tjenester passet.", kind="muted")
        if answer.near_misses:
            misses = answer.near_misses
            text = Text()
            text.append("Ikke med i svaret:", style="bold")
            for miss in misses[:NEAR_MISSES_SHOWN]:
                text.append(f"\n• {miss}")
            if len(misses) > NEAR_MISSES_SHOWN:
                text.append(f"\n  og {len(misses) - NEAR_MISSES_SHOWN} til")
            yield Static(text, classes="near-misses")
