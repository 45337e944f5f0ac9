"""Small helpers for driving the app with a Pilot."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.text import Text

from gpguide.tui.app import GPGuideApp
from gpguide.tui.settings import Settings
from gpguide.tui.widgets import AnswerView, AssistantMessage, QuestionInput, UserMessage

FIXTURE_CATALOG = Path(__file__).parent / "fixtures" / "catalog"
SIZE = (80, 24)  # the smallest terminal gpguide supports


def make_app(catalogue, kommune: str | None = "sandnes", remember: bool = True, settings: Settings | None = None):
    """An app with a kommune already chosen (no start-up picker) unless kommune is None."""
    if settings is None:
        settings = Settings(kommune=kommune) if kommune else Settings.load()
    return GPGuideApp(catalogue, kommune=kommune, settings=settings, remember=remember)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def ask(pilot, text: str, type_it: bool = False) -> None:
    """Ask like the GP would: into the focused input, then Enter; waits for the answer."""
    question = pilot.app.query_one(QuestionInput)
    assert pilot.app.focused is question
    if type_it:
        await pilot.press(*text)
    else:
        question.value = text
    await pilot.press("enter")
    await settle(pilot)


def plain(widget) -> str:
    """The text a Static shows, as laid out at its width (or the whole text, for a plain Text)."""
    content = widget.content if hasattr(widget, "content") else widget.render()
    if isinstance(content, Text):
        return content.plain
    if isinstance(content, str):
        return content
    console = Console(width=widget.content_size.width or 76, color_system=None, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text().rstrip("\n")


def answers(app) -> list[AnswerView]:
    return list(app.query(AnswerView))


def user_messages(app) -> list[str]:
    return [plain(m) for m in app.query(UserMessage)]


def assistant_messages(app, kind: str | None = None) -> list[str]:
    found = app.query(AssistantMessage)
    return [plain(m) for m in found if kind is None or m.has_class(f"-{kind}")]
