"""Result cards: one focusable card per service in an answer, and a card for a service the kommune lacks."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from gpguide.catalogue import Catalogue, Service
from gpguide.search import NotOffered, Result, Understanding
from gpguide.tui.keys import quiet
from gpguide.tui.texts import NOT_REGISTERED, contact_block, contact_lines, place_name, referral_text, source_stamp

MAX_CONTACTS_ON_CARD = 2


class Card(Static, can_focus=True):
    """A focusable card in the conversation. Up/down move between cards, Enter opens the details."""

    BINDINGS = [
        Binding("enter", "open", "Detaljer"),
        Binding("up,k", "move(-1)", "Forrige", show=False),
        Binding("down,j", "move(1)", "Neste", show=False),
        Binding("escape", "leave", "Til spørsmålet", show=False),
        *quiet("f2", "f3", "f4"),
    ]

    class Open(Message):
        def __init__(self, card: "Card") -> None:
            super().__init__()
            self.card = card

    class Leave(Message):
        """The GP wants to type again; the app focuses the input (with the typed character, if any)."""

        def __init__(self, character: str | None = None) -> None:
            super().__init__()
            self.character = character

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
            cards[index].scroll_visible(top=step < 0 or cards[index].size.height > 12)
        elif step > 0:
            self.post_message(self.Leave())

    def action_leave(self) -> None:
        self.post_message(self.Leave())

    def on_key(self, event) -> None:
        """Typing a letter on a card goes to the question input, so the GP never types into nothing."""
        if event.is_printable and event.character and event.key not in self._own_keys():
            event.stop()
            event.prevent_default()
            self.post_message(self.Leave(event.character))

    def _own_keys(self) -> set[str]:
        keys: set[str] = set()
        for binding in self._bindings.key_to_bindings:
            keys.add(binding)
        return keys | {"space"}


class ResultCard(Card):
    """Name, organisation and kommune; why; access; contacts, hours and fees; the source stamp."""

    BINDINGS = [
        Binding("c", "copy_contact", "Kontakt"),
        Binding("h", "copy_referral", "Henvisning"),
    ]

    def __init__(self, index: int, result: Result, catalogue: Catalogue, query: Understanding | None = None,
                 **kwargs) -> None:
        super().__init__(result.service, catalogue, query, **kwargs)
        self.index = index
        self.result = result
        self.add_class("result-card")
        self.border_title = f"{index}. {result.service.name}"

    def on_focus(self) -> None:
        self.border_subtitle = "Enter detaljer · c kopier kontakt · h kopier henvisning"

    def on_blur(self) -> None:
        self.border_subtitle = ""

    def render_body(self) -> Text:
        service, result = self.service, self.result
        body = Text()
        org = " · ".join(p for p in (service.organization, place_name(service, self.catalogue)) if p)
        if org:
            body.append(org + "\n", style="dim")
        body.append("Hvorfor: ", style="bold")
        body.append("; ".join(result.why) + "\n")
        body.append("Tilgang: ", style="bold")
        access = result.access
        if access.casefold().startswith("tilgang "):  # "Tilgang ikke registrert"
            body.append(access[len("tilgang "):] + "\n", style="italic")
        else:
            body.append(access + "\n")
        lines = contact_lines(service, self.catalogue)
        if service.contacts:
            for i, line in enumerate(lines[:MAX_CONTACTS_ON_CARD]):
                body.append("Kontakt: " if i == 0 else "         ", style="bold")
                body.append(line + "\n")
            if len(lines) > MAX_CONTACTS_ON_CARD:
                body.append(f"         + {len(lines) - MAX_CONTACTS_ON_CARD} til (Enter for alle)\n", style="dim")
        else:
            body.append("Kontakt: ", style="bold")
            body.append(NOT_REGISTERED + "\n", style="italic")
        body.append("Åpningstid: ", style="bold")
        body.append(service.opening_hours.text if service.opening_hours else NOT_REGISTERED)
        body.append(" · ")
        body.append("Pris: ", style="bold")
        body.append((service.fees.text if service.fees else NOT_REGISTERED) + "\n")
        body.append(source_stamp(service, self.catalogue), style="dim italic")
        return body

    def on_mount(self) -> None:
        self.update(self.render_body())

    def contact_text(self) -> str:
        return contact_block(self.service, self.catalogue, self.result.access)

    def referral_text(self) -> str:
        return referral_text(self.service, self.query, self.catalogue)

    def action_copy_contact(self) -> None:
        self.app.copy_to_clipboard(self.contact_text())
        self.notify(f"Kontaktinfo for {self.service.name} er kopiert.", title="Kopiert")

    def action_copy_referral(self) -> None:
        self.app.copy_to_clipboard(self.referral_text())
        self.notify(f"Henvisningsutkast til {self.service.name} er kopiert.", title="Kopiert")


class NotOfferedCard(Card):
    """'Strand har ikke Rask psykisk helsehjelp. Nærmeste alternativer: …' Enter shows the status and sources."""

    def __init__(self, item: NotOffered, catalogue: Catalogue, query: Understanding | None = None,
                 **kwargs) -> None:
        super().__init__(item.service, catalogue, query, **kwargs)
        self.item = item
        self.add_class("not-offered")

    def on_mount(self) -> None:
        text = Text()
        text.append("Ikke tilbudt: ", style="bold")
        text.append(self.item.message)
        if self.item.alternatives:
            text.append(" Nærmeste alternativer: ")
            text.append(", ".join(a.name for a in self.item.alternatives), style="bold")
            text.append(".")
        if self.service.status_note:
            text.append("\n" + self.service.status_note.text, style="dim")
        self.update(text)
