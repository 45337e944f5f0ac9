"""The safety banner above the conversation, so it can never scroll away: red for urgent answers, a quieter
reminder when risk is mentioned but not acute. The numbers stand here once (113, legevakt 116 117 and the local
legevakt), in at most three rows at 80×24: the heading, the numbers, the local routes that have no number."""

from __future__ import annotations

from rich.console import Group
from textual.widgets import Static

from gpguide.console import emergency_heading, emergency_lines
from gpguide.search import Answer


class EmergencyBanner(Static):
    def show_for(self, answer: Answer | None) -> None:
        if answer is None or not answer.emergency or not (answer.urgent or answer.query.safety_reminders):
            self.display = False
            self.update("")
            return
        self.set_class(answer.urgent, "-urgent")
        self.set_class(not answer.urgent, "-reminder")
        numbers, others = emergency_lines(answer)
        heading = emergency_heading(answer)
        for line in (heading, *others):
            line.no_wrap, line.overflow = True, "ellipsis"
        self.update(Group(heading, numbers, *others))
        self.display = True
