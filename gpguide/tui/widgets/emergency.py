"""The safety banner: shown above the conversation, so it can never scroll away. Red for urgent answers
(113, legevakt 116 117, the local legevakt); a quieter reminder when risk is mentioned but not acute."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from gpguide.search import Answer
from gpguide.tui.texts import safety_reminders


class EmergencyBanner(Static):
    def show_for(self, answer: Answer | None) -> None:
        reminders = safety_reminders(answer) if answer is not None else ()
        if answer is None or not (answer.urgent or reminders) or not answer.emergency:
            self.display = False
            self.update("")
            return
        urgent = answer.urgent
        self.set_class(urgent, "-urgent")
        self.set_class(not urgent, "-reminder")
        text = Text()
        if urgent:
            self.border_title = "AKUTT: " + ", ".join(answer.query.urgent_reasons)
            for i, route in enumerate(answer.emergency):
                text.append(f"{route.phone or '–':>7}  ", style="bold")
                text.append(route.name, style="bold" if route.phone == "113" else "")
                if not route.phone and route.note:
                    text.append(f" – {route.note}")
                if i < len(answer.emergency) - 1:
                    text.append("\n")
        else:
            self.border_title = "Sikkerhet"
            text.append("; ".join(reminders).capitalize() + ".\n", style="bold")
            text.append("Ved akutt fare: " + " · ".join(
                f"{route.name}" + (f" {route.phone}" if route.phone and route.phone not in route.name else "")
                for route in answer.emergency))
        self.update(text)
        self.display = True
