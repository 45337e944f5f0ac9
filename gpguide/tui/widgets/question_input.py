"""The question input: always focused, with up/down recall of earlier questions (kept in memory only)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class QuestionInput(Input):
    BINDINGS = [
        Binding("up", "history(-1)", "Forrige spørsmål", show=False),
        Binding("down", "history(1)", "Neste spørsmål", show=False),
        Binding("tab", "app.focus_cards", "Til kortene", show=False),
        Binding("shift+tab", "app.focus_chips", "Til forståelsen", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(**kwargs)
        self.history: list[str] = []
        self._position: int = 0  # len(history) means "the draft"
        self._draft: str = ""

    def remember(self, question: str) -> None:
        if question and (not self.history or self.history[-1] != question):
            self.history.append(question)
        self._position = len(self.history)
        self._draft = ""

    def forget(self) -> None:
        self.history.clear()
        self._position = 0
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._position == len(self.history):
            self._draft = self.value
        position = max(0, min(len(self.history), self._position + step))
        if position == self._position:
            return
        self._position = position
        self.value = self.history[position] if position < len(self.history) else self._draft
        self.cursor_position = len(self.value)
