"""Result cards: one focusable card per service in an answer, and a card for a service the kommune lacks.

A card is compact (name, one line of why, access, one contact line) until it has focus; then it shows every
reason, every contact, hours, fees and the source."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from gpguide.catalogue import Catalogue, Service
from gpguide.console import Packed, access_text, reach_lines
from gpguide.search import NotOffered, Result, Understanding
from gpguide.tui.keys import quiet, quiet_f5
from gpguide.tui.texts import NOT_REGISTERED, contact_block, place_name, referral_text, source_stamp

# Reasons that warn rather than explain; on a compact card they stand next to the name, where they are not cut.
CAUTIONS = ("aldersgrense ikke registrert",)


def _line(*parts: str | tuple[str, str]) -> Text:
    """One line that ends in «…» when it is too long."""
    text = Text.assemble(*parts)
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


class Card(Static, can_focus=True):
    """A focusable card in the conversation. Up/down move between cards, Enter opens the details."""

    BINDINGS = [
        Binding("enter", "open", "Detaljer"),
        Binding("up", "move(-1)", "Forrige", show=False),
        Binding("down", "move(1)", "Neste", show=False),
        Binding("escape", "leave", "Til spørsmålet", show=False),
        *quiet("f1", "f2", "f3", "f4"),
        *quiet_f5(),
    ]

    class Open(Message):
        def __init__(self, card: "Card") -> None:
            super().__init__()
            self.card = card

    class Leave(Message):
        """The GP wants to type again; the app focuses the input."""

    def __init__(self, service: Service, catalogue: Catalogue, query: Understanding | None = None,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.service = service
        self.catalogue = catalogue
        self.query = query

    def action_open(self) -> None:
        self.post_message(self.Open(self))

    def action_move(self, step: int) -> None:
        cards = list(self.screen.query(Card))
        if self not in cards:
            return
        index = cards.index(self) + step
        if 0 <= index < len(cards):
            cards[index].focus()
        elif step > 0:
            self.post_message(self.Leave())

    def action_leave(self) -> None:
        self.post_message(self.Leave())


class ResultCard(Card):
    BINDINGS = [
        Binding("ctrl+c", "copy_contact", "Kopier kontakt"),
        Binding("ctrl+r", "copy_referral", "Kopier henvisning"),
    ]

    def __init__(self, index: int, result: Result, catalogue: Catalogue, query: Understanding | None = None,
                 **kwargs) -> None:
        super().__init__(result.service, catalogue, query, **kwargs)
        self.index = index
        self.result = result
        self.add_class("result-card")

    def on_mount(self) -> None:
        self.update(self.body(expanded=False))

    def on_focus(self) -> None:
        self.update(self.body(expanded=True))
        self.call_after_refresh(self.scroll_visible, animate=False)

    def on_blur(self) -> None:
        self.update(self.body(expanded=False))

    def body(self, expanded: bool) -> Group:
        service, result = self.service, self.result
        cautions = [r for r in result.why if r.startswith(CAUTIONS)]
        reasons = [r for r in result.why if r not in cautions]
        org = " · ".join(p for p in (service.organization, place_name(service, self.catalogue))
                         if p and p != service.name)
        title = _line((f"{self.index}. {service.name}", "bold"), *((f" · {c}", "bold italic") for c in cautions))
        if not expanded:
            if org:
                title.append(f" · {org}", style="dim")
            return Group(
                title,
                _line(("Hvorfor: ", "bold"), "; ".join(reasons)),
                _line(("Tilgang: ", "bold"), access_text(result.access)),
                *reach_lines(service, self.catalogue, compact=True),
            )
        lines: list[RenderableType] = [title]
        if org:
            lines.append(Text(org, style="dim"))
        lines.append(Packed("Hvorfor: ", reasons, separator="; "))
        lines.append(Packed("Tilgang: ", access_text(result.access).split("; "), separator="; "))
        lines.extend(reach_lines(service, self.catalogue))
        lines.append(Packed("Åpningstid: ", [service.opening_hours.text if service.opening_hours else NOT_REGISTERED]))
        lines.append(Packed("Pris: ", [service.fees.text if service.fees else NOT_REGISTERED]))
        lines.append(Text(source_stamp(service, self.catalogue), style="dim italic"))
        return Group(*lines)

    def action_copy_contact(self) -> None:
        from gpguide.tui.screens import CopyScreen

        self.app.push_screen(CopyScreen(f"Kontaktinfo for {self.service.name}",
                                        contact_block(self.service, self.catalogue, self.result.access)))

    def action_copy_referral(self) -> None:
        from gpguide.tui.screens import CopyScreen

        self.app.push_screen(CopyScreen(f"Henvisningsutkast til {self.service.name}",
                                        referral_text(self.service, self.query, self.catalogue)))


class NotOfferedCard(Card):
    """'Strand har ikke Rask psykisk helsehjelp. Nærmeste alternativer: …' Enter shows the status and sources."""

    def __init__(self, item: NotOffered, catalogue: Catalogue, query: Understanding | None = None,
                 **kwargs) -> None:
        super().__init__(item.service, catalogue, query, **kwargs)
        self.item = item
        self.add_class("not-offered")

    def on_mount(self) -> None:
        self.update(self.body(expanded=False))

    def on_focus(self) -> None:
        self.update(self.body(expanded=True))

    def on_blur(self) -> None:
        self.update(self.body(expanded=False))

    def body(self, expanded: bool) -> Text:
        text = Text()
        text.append("Ikke tilbudt: ", style="bold")
        text.append(self.item.message)
        if self.item.alternatives:
            text.append(" Nærmeste alternativer: ")
            text.append(", ".join(a.name for a in self.item.alternatives), style="bold")
            text.append(".")
        if expanded and self.service.status_note:
            text.append("\n" + self.service.status_note.text, style="dim")
        return text
