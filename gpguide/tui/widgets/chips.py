"""The chip bar: what gpguide understood about the current case. Each chip can be focused and cleared."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.widgets import Static

from gpguide.tui.keys import quiet
from gpguide.tui.texts import Chip


class ChipView(Static, can_focus=True):
    """One understood fact; Enter, Delete or Backspace clears it."""

    BINDINGS = [
        Binding("enter,delete,backspace", "clear", "Fjern"),
        Binding("left,shift+tab", "move(-1)", "Forrige", show=False),
        Binding("right,tab", "move(1)", "Neste", show=False),
        Binding("escape,up,down", "leave", "Til spørsmålet", show=False),
        *quiet("f3", "f4"),
    ]

    def __init__(self, chip: Chip) -> None:
        super().__init__(f"{chip.label} ×", classes="chip")
        self.chip = chip

    def action_clear(self) -> None:
        self.post_message(ChipBar.Cleared(self.chip))

    def action_move(self, step: int) -> None:
        chips = list(self.parent.query(ChipView)) if self.parent else []
        index = chips.index(self) + step
        if 0 <= index < len(chips):
            chips[index].focus()
        else:
            self.post_message(ChipBar.Leave())

    def action_leave(self) -> None:
        self.post_message(ChipBar.Leave())


class ChipBar(HorizontalScroll, can_focus=False):
    """'Forstått:' followed by the chips, or the chosen kommune before the first question."""

    class Cleared(Message):
        def __init__(self, chip: Chip) -> None:
            super().__init__()
            self.chip = chip

    class Leave(Message):
        pass

    async def show(self, chips: list[Chip], idle_text: str) -> None:
        await self.remove_children()
        if chips:
            await self.mount(Static("Forstått:", classes="chip-label"))
            await self.mount_all([ChipView(chip) for chip in chips])
        else:
            await self.mount(Static(idle_text, classes="chip-label"))

    def focus_first(self) -> bool:
        chips = list(self.query(ChipView))
        if chips:
            chips[0].focus()
        return bool(chips)
