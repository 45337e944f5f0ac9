"""The conversation: a scrolling log of the GP's questions and gpguide's answers."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from gpguide.catalogue import Catalogue
from gpguide.search import Answer
from gpguide.tui.texts import chips, safety_reminders
from gpguide.tui.widgets.cards import NotOfferedCard, ResultCard


class Conversation(VerticalScroll, can_focus=False):
    """Questions and answers, newest at the bottom."""

    async def add(self, *widgets: Widget, scroll_to: Widget | None = None) -> None:
        await self.mount_all(widgets)
        target = scroll_to or widgets[-1]
        self.call_after_refresh(self._show, target)

    def _show(self, target: Widget) -> None:
        """Bring the start of the newest message into view (an answer is read from its top)."""
        self.scroll_to_widget(target, animate=False, top=True)

    async def clear(self) -> None:
        await self.remove_children()


class UserMessage(Static):
    """What the GP asked (already masked by the privacy guard)."""

    def __init__(self, text: str, refining: bool = False) -> None:
        label = Text()
        label.append("Du: ", style="bold")
        label.append(text)
        if refining:
            label.append("  (samme sak)", style="dim")
        super().__init__(label, classes="message user")


class AssistantMessage(Static):
    """A line from gpguide: a follow-up question, a privacy warning, a notice."""

    def __init__(self, text: str | Text, kind: str = "info") -> None:
        super().__init__(text, classes=f"message assistant -{kind}")


class UnderstoodLine(Static):
    """'Forstått: kommune: Sandnes · alder: 34 · …' kept in the log, so earlier turns read on their own."""

    def __init__(self, answer: Answer, catalogue: Catalogue) -> None:
        labels = [c.long for c in chips(answer.query, catalogue)]
        text = Text("Forstått: " + (" · ".join(labels) if labels else "lite"), style="dim")
        super().__init__(text, classes="understood")


class EmergencyBlock(Static):
    """The urgent routes (or the safety reminder) repeated at the top of the answer itself, for the record."""

    def __init__(self, answer: Answer) -> None:
        text = Text()
        if answer.urgent:
            text.append("AKUTT (" + ", ".join(answer.query.urgent_reasons) + "): ", style="bold")
        else:
            text.append("Sikkerhet (" + "; ".join(safety_reminders(answer)) + "). Ved akutt fare: ", style="bold")
        for i, route in enumerate(answer.emergency):
            if i:
                text.append(" · ")
            text.append(route.name)
            if route.phone and route.phone not in route.name:
                text.append(f" {route.phone}", style="bold")
        super().__init__(text, classes="emergency-block" + ("" if answer.urgent else " -reminder"))


class AnswerView(Vertical):
    """One answer: what was understood, emergency routes, not-offered notes, result cards, near misses."""

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
        if answer.emergency and (answer.urgent or safety_reminders(answer)):
            yield EmergencyBlock(answer)
        for item in answer.not_offered:
            yield NotOfferedCard(item, catalogue, answer.query)
        if answer.results:
            for i, result in enumerate(answer.results, 1):
                yield ResultCard(i, result, catalogue, answer.query)
        elif answer.follow_up_kind != "kommune":
            yield AssistantMessage("Ingen tjenester passet.", kind="muted")
        if answer.near_misses:
            text = Text()
            text.append("Nesten, men passer ikke:\n", style="bold")
            text.append("\n".join(f"• {miss}" for miss in answer.near_misses))
            yield Static(text, classes="near-misses")

    @property
    def cards(self) -> list[ResultCard]:
        return list(self.query(ResultCard))
