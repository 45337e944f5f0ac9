"""Rich rendering of an answer for the terminal (`gpguide ask` without --json), and the display pieces the
assistant shares with it: lines that never break inside a phone number or an e-mail address, who to contact
(gpguide.catalogue.reach), the access line and the emergency numbers."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.text import Text

from gpguide.catalogue import Catalogue, Contact, Service
from gpguide.catalogue.reach import NOT_REGISTERED, contact_text, reach, source_stamp
from gpguide.search import Answer, NotOffered, Result

__all__ = [
    "NOT_REGISTERED",
    "Packed",
    "access_text",
    "contact_lines",
    "emergency_heading",
    "emergency_lines",
    "reach_lines",
    "render",
    "shown_not_offered",
    "shown_results",
    "source_stamp",
]

SEPARATOR = " · "


class Packed:
    """A label, then items laid out in lines that break only between items, never inside one (a phone number or
    an e-mail address stays whole); continuation lines are indented under the first item."""

    def __init__(self, label: str | Text, items: Sequence[str | Text], separator: str = SEPARATOR,
                 style: str = "") -> None:
        self.label = Text.assemble((label, "bold")) if isinstance(label, str) else label
        self.items = [Text(i, style=style) if isinstance(i, str) else i for i in items]
        self.separator = separator

    def text(self, width: int) -> Text:
        text = self.label.copy()
        indent = self.label.cell_len if self.label.cell_len <= width // 2 else 0
        column, first = text.cell_len, True
        for item in self.items:
            gap = 0 if first else len(self.separator)
            if not first and column + gap + item.cell_len > width:
                text.append("\n" + " " * indent)
                column, first, gap = indent, True, 0
            if gap:
                text.append(self.separator)
            text.append_text(item)
            column += gap + item.cell_len
            first = False
        return text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(options.max_width)  # an item wider than a whole line is the only thing that folds


def access_text(access: str) -> str:
    """The engine's access summary without a repeated label: «ikke registrert», not «Tilgang ikke registrert»."""
    return NOT_REGISTERED if access.casefold().startswith("tilgang ") else access


def contact_parts(contact: Contact) -> list[str]:
    return [p for p in (contact.role, contact.name, contact.phone, contact.email, contact.hours) if p]


def contact_lines(service: Service, catalogue: Catalogue) -> list[str]:
    """Every way to reach the service as plain lines (for the clipboard)."""
    found = reach(service, catalogue)
    via = f" (via {found.via.name})" if found.via else ""
    lines = [contact_text(c) + via for c in found.contacts]
    lines += list(found.routes)
    return lines or [f"Kontakt: {NOT_REGISTERED}"]


def reach_lines(service: Service, catalogue: Catalogue, compact: bool = False) -> list[RenderableType]:
    """Who to contact. Compact: one contact's phone and e-mail; else every contact. «via <unit>» says whose
    published contacts these are. With no contact, where a referral or application goes is the way in (the access
    line names it too when there are contacts)."""
    found = reach(service, catalogue)
    label = f"Kontakt via {found.via.name}: " if found.via else "Kontakt: "
    if not found.contacts:
        return [Packed("Kontakt: ", [Text(NOT_REGISTERED, style="italic"), *found.routes])]
    if compact:
        first = found.contacts[0]
        items: list[str | Text] = [p for p in (first.phone, first.email) if p] or contact_parts(first)
        if len(found.contacts) > 1:
            items.append(Text(f"+{len(found.contacts) - 1} til", style="dim"))
        return [Packed(label, items)]
    lines: list[RenderableType] = []
    for i, contact in enumerate(found.contacts):
        lines.append(Packed(label if i == 0 else Text(" " * len(label)), contact_parts(contact)))
    return lines


def shown_results(answer: Answer) -> list[Result]:
    """The services to show as cards: not the emergency routes, which the banner shows once."""
    routes = {r.service_id for r in answer.emergency if r.service_id}
    return [r for r in answer.results if r.service.id not in routes and not r.service.emergency]


def shown_not_offered(answer: Answer) -> list[NotOffered]:
    """«X finnes ikke her» is worth a card when the GP named X, or when the answer shows its alternatives in the
    patient's kommune."""
    shown = {r.service.id for r in answer.results}
    return [item for item in answer.not_offered
            if answer.query.names.get(item.service.id, 0.0) >= 1.0
            or answer.query.kommune and shown & {a.id for a in item.alternatives}]


# ---------- emergency ----------


def emergency_heading(answer: Answer) -> Text:
    if answer.urgent:
        return Text("AKUTT: " + ", ".join(answer.query.urgent_reasons), style="bold")
    reminders = "; ".join(answer.query.safety_reminders)
    return Text("Sikkerhet: " + reminders[:1].upper() + reminders[1:], style="bold")


def emergency_lines(answer: Answer) -> tuple[Packed, list[Text]]:
    """(the numbers, each shown once: «113 Medisinsk nødtelefon · 116 117 Legevakt (Sandnes legevakt)»;
    the routes without a number of their own, each with its note)."""
    numbers: dict[str, list[str]] = {}
    others: list[Text] = []
    for route in answer.emergency:
        if route.phone:
            name = route.name.replace(route.phone, "").strip(" ,–-") or route.name
            numbers.setdefault(route.phone, []).append(name)
        else:
            others.append(Text.assemble((route.name, "bold"), f": {route.note}" if route.note else ""))
    items = [Text.assemble((phone, "bold"), " ", names[0] + (f" ({', '.join(names[1:])})" if names[1:] else ""))
             for phone, names in numbers.items()]
    label = "" if answer.urgent else "Ved akutt fare: "
    return Packed(label, items), others


def emergency_panel(answer: Answer) -> Panel:
    numbers, others = emergency_lines(answer)
    style = "bold red" if answer.urgent else "yellow"
    return Panel(Group(numbers, *others), title=emergency_heading(answer), border_style=style, title_align="left")


# ---------- one answer ----------


def result_panel(index: int, result: Result, catalogue: Catalogue) -> Panel:
    service = result.service
    place = catalogue.kommuner.get(service.kommune or "")
    org = " · ".join(p for p in (service.organization, place.name if place else None) if p)
    lines: list[RenderableType] = []
    if org:
        lines.append(Text(org, style="dim"))
    lines.append(Packed("Hvorfor: ", list(result.why), separator="; "))
    lines.append(Packed("Tilgang: ", access_text(result.access).split("; "), separator="; "))
    lines.extend(reach_lines(service, catalogue))
    lines.append(Packed("Åpningstid: ", [service.opening_hours.text if service.opening_hours else NOT_REGISTERED]))
    lines.append(Packed("Pris: ", [service.fees.text if service.fees else NOT_REGISTERED]))
    lines.append(Text(source_stamp(service, catalogue), style="dim italic"))
    return Panel(Group(*lines), title=f"{index}. {service.name}", title_align="left", border_style="cyan")


def render(answer: Answer, catalogue: Catalogue, console: Console) -> None:
    if answer.emergency and (answer.urgent or answer.query.safety_reminders):
        console.print(emergency_panel(answer))
    query = answer.query
    chips = []
    if answer.kommune:
        chips.append(f"kommune: {answer.kommune.name}")
    if query.age is not None:
        chips.append(f"alder: {query.age}")
    elif query.age_word:
        chips.append(f"alder: {query.age_word}")
    if query.severity_words:
        chips.append("alvorlighet: " + ", ".join(query.severity_words))
    if query.self_referral:
        chips.append("uten henvisning")
    if chips:
        console.print(Text("Forstått: " + " · ".join(chips), style="dim"))
    for item in shown_not_offered(answer):
        alternatives = ", ".join(a.name for a in item.alternatives)
        console.print(Text(f"{item.message}" + (f" Nærmeste alternativer: {alternatives}." if alternatives else ""),
                           style="yellow"))
    results = shown_results(answer)
    if not results and not answer.follow_up:
        console.print("Ingen tjenester passet.")
    console.print(Group(*(result_panel(i, r, catalogue) for i, r in enumerate(results, 1))))
    for miss in answer.near_misses:
        console.print(Text(f"Ikke med: {miss}", style="dim"))
    if answer.follow_up:
        console.print(Text(answer.follow_up, style="bold"))
