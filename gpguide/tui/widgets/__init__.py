"""The app's widgets, one module per area."""

from gpguide.tui.widgets.cards import Card, NotOfferedCard, ResultCard
from gpguide.tui.widgets.chips import ChipBar, ChipView
from gpguide.tui.widgets.conversation import AnswerView, AssistantMessage, CaseView, Conversation, UserMessage
from gpguide.tui.widgets.emergency import EmergencyBanner
from gpguide.tui.widgets.question_input import QuestionInput

__all__ = [
    "AnswerView",
    "AssistantMessage",
    "Card",
    "CaseView",
    "ChipBar",
    "ChipView",
    "Conversation",
    "EmergencyBanner",
    "NotOfferedCard",
    "QuestionInput",
    "ResultCard",
    "UserMessage",
]
