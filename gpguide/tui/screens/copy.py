"""What was sent to the clipboard, shown so it can be selected by hand.

Textual copies through the terminal (OSC 52). Many terminals, tmux by default and many SSH set-ups ignore that,
and nothing reports back, so gpguide never claims that the text was copied."""

from __future__ import annotations

import os

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def clipboard_note(environ: dict[str, str] | os._Environ = os.environ) -> Text:
    text = Text.assemble(("Sendt til terminalens utklippstavle; fungerer ikke i alle terminaler.", "bold"), "\n")
    text.append("Kom ikke teksten med når du limer inn? Merk den under med musen (hold Shift i de fleste "
                "terminaler) og kopier den selv.")
    if environ.get("TMUX"):
        text.append(" I tmux trengs «set -g set-clipboard on», ellers kommer den ikke fram.")
    return text


class CopyScreen(ModalScreen[None]):
    """Sends the text to the clipboard and shows it; Esc or Enter closes, typing goes back to the question."""

    TYPING_RETURNS = True
    BINDINGS = [Binding("escape,enter", "app.pop_screen", "Lukk")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="copy-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = "Esc lukk"
            yield Static(clipboard_note(), id="copy-note")
            with VerticalScroll(id="copy-scroll"):
                yield Static(Text(self.text), id="copy-text")

    def on_mount(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.query_one("#copy-scroll").focus()
