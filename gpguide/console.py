"""Rich rendering of an answer for the terminal (the `ask` command without --json)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from gpguide.catalogue import Catalogue, Service
from gpguide.catalogue.reach import NOT_REGISTERED, contact_text, reach, source_stamp
from gpguide.search import Answer, Result



def emergency_panel(answer: Answer) -> Panel:
    lines = Text()
    width = max((len(r.phone or "") for r in answer.emergency), default=0)
    for i, route in enumerate(answer.emergency):
        lines.append(f"{(route.phone or ''):>{width}}  ", style="bold")
        lines.append(route.name, style="bold")
        if route.note and not route.phone:
            lines.append(f" – {route.note}")
        if i < len(answer.emergency) - 1:
            lines.append("\n")
    reasons = ", ".join(answer.query.urgent_reasons)
    return Panel(lines, title=f"AKUTT: {reasons}", border_style="bold red", title_align="left")


def contact_lines(service: Service, catalogue: Catalogue) -> list[str]:
    lines = [contact_text(c) for c in reach(service, catalogue).contacts]
    return lines or [f"Kontakt: {NOT_REGISTERED}"]


def result_panel(index: int, result: Result, catalogue: Catalogue) -> Panel:
    service = result.service
    place = catalogue.kommuner.get(service.kommune or "")
    org = " · ".join(p for p in (service.organization, place.name if place else None) if p)
    body = Text()
    if org:
        body.append(org + "\n", style="dim")
    body.append("Hvorfor: ", style="bold")
    body.append("; ".join(result.why) + "\n")
    body.append("Tilgang: ", style="bold")
    body.append(result.access + "\n")
    for line in contact_lines(service, catalogue):
        body.append(line + "\n")
    body.append(f"Åpningstid: {service.opening_hours.text if service.opening_hours else NOT_REGISTERED}\n")
    body.append(f"Pris: {service.fees.text if service.fees else NOT_REGISTERED}\n")
    body.append(source_stamp(service, catalogue), style="dim italic")
    return Panel(body, title=f"{index}. {service.name}", title_align="left", border_style="cyan")


def render(answer: Answer, catalogue: Catalogue, console: Console) -> None:
    if answer.urgent:
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
    for item in answer.not_offered:
        alternatives = ", ".join(a.name for a in item.alternatives)
        console.print(Text(f"{item.message}" + (f" Nærmeste alternativer: {alternatives}." if alternatives else ""),
                           style="yellow"))
    routes = {r.service_id for r in answer.emergency} if answer.urgent else set()
    results = [r for r in answer.results if r.service.id not in routes]  # the banner already shows them
    if not results:
        console.print("Ingen tjenester passet.")
    console.print(Group(*(result_panel(i, r, catalogue) for i, r in enumerate(results, 1))))
    for miss in answer.near_misses:
        console.print(Text(f"Passer ikke: {miss}", style="dim"))
    if answer.follow_up:
        console.print(Text(answer.follow_up, style="bold"))
