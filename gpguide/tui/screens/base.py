"""A full-page screen opened from the conversation."""

from __future__ import annotations

from textual.screen import Screen

from gpguide.tui.keys import quiet


class SubScreen(Screen):
    """The app's F-keys keep working here, but the footer shows only this screen's own keys."""

    BINDINGS = quiet("f1", "f2", "f3", "f4", "f9")
