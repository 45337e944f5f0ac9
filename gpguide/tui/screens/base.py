"""A full-page screen opened from the conversation."""

from __future__ import annotations

from textual.screen import Screen

from gpguide.tui.keys import quiet


class SubScreen(Screen):
    """The app's F-keys keep working here, but the footer shows only this screen's own keys. On a screen that is
    only read, typing goes back to the question (TYPING_RETURNS)."""

    TYPING_RETURNS = False
    BINDINGS = quiet("f1", "f2", "f3", "f4", "f9")
