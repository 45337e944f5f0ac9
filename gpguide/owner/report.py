"""`gpguide report`: per kommune (and national, specialist), how complete and how fresh the entries are."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import TextIO

from gpguide.catalogue.model import STALE_AFTER_DAYS, Catalogue, Service, is_stale

STATUSES = ("active", "planned", "closed", "uncertain", "absent")
STATUS_LABELS = {"active": "aktiv", "planned": "planlagt", "closed": "nedlagt", "uncertain": "uklar",
                 "absent": "finnes ikke"}
OTHER_GROUPS = {"national": "Nasjonale tjenester", "specialist": "Spesialisthelsetjenesten"}
# The lists of ids, in the order they are shown, with their Norwegian headings.
GAPS = {
    "missing_contacts": "Uten kontakt",
    "missing_hours": "Uten åpningstid",
    "missing_sources": "Uten kilde",
    "unassured": "Ikke bekreftet",
    "stale": "Utdatert",
}


@dataclass
class Group:
    id: str
    name: str
    entries: int = 0
    status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    # The ids of the entries that are not plainly active (planned, closed, uncertain, absent).
    status_ids: dict[str, list[str]] = field(default_factory=dict)
    # Contacts and opening hours are only expected of services that run (active or uncertain).
    missing_contacts: list[str] = field(default_factory=list)
    missing_hours: list[str] = field(default_factory=list)
    missing_sources: list[str] = field(default_factory=list)
    unassured: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    def add(self, service: Service, today: dt.date) -> None:
        self.entries += 1
        self.status[service.status] += 1
        if service.status != "active":
            self.status_ids.setdefault(service.status, []).append(service.id)
        if service.available and not service.contacts:
            self.missing_contacts.append(service.id)
        if service.available and not service.opening_hours:
            self.missing_hours.append(service.id)
        if not service.sources:
            self.missing_sources.append(service.id)
        if not service.assured_date:
            self.unassured.append(service.id)
        elif is_stale(service.assured_date, today):
            self.stale.append(service.id)


def build_report(catalogue: Catalogue, kommune: str | None = None, today: dt.date | None = None) -> list[Group]:
    """Groups in display order: the kommuner by name, then national, specialist and any other directory."""
    today = today or dt.date.today()
    wanted = None
    if kommune:
        found = catalogue.require_kommune(kommune)
        wanted = found.id
    groups: dict[str, Group] = {}
    for service in sorted(catalogue.services.values(), key=lambda s: s.id):
        key = group_key(service)
        if wanted and key != wanted:
            continue
        if key not in groups:
            groups[key] = Group(key, group_name(catalogue, key))
        groups[key].add(service, today)
    kommuner = sorted((g for g in groups.values() if g.id in catalogue.kommuner), key=lambda g: g.name)
    others = sorted((g for g in groups.values() if g.id not in catalogue.kommuner),
                    key=lambda g: (list(OTHER_GROUPS).index(g.id) if g.id in OTHER_GROUPS else 99, g.name))
    return kommuner + others


def group_key(service: Service) -> str:
    """The directory the entry lives in (a kommune, national or specialist)."""
    if service.path is not None:
        return service.path.parent.name
    return service.kommune or {"nasjonal": "national", "spesialist": "specialist"}.get(service.level, service.level)


def group_name(catalogue: Catalogue, key: str) -> str:
    if key in catalogue.kommuner:
        return catalogue.kommuner[key].name
    return OTHER_GROUPS.get(key, key)


def to_json(catalogue: Catalogue, groups: list[Group], today: dt.date) -> dict:
    return {
        "date": today.isoformat(),
        "stale_after_days": STALE_AFTER_DAYS,
        "groups": [asdict(g) for g in groups],
        "skipped_files": sorted(str(p) for p in set(catalogue.skipped)),
    }


def run(catalogue: Catalogue, out: TextIO, *, kommune: str | None = None, as_json: bool = False,
        today: dt.date | None = None, width: int | None = None) -> int:
    today = today or dt.date.today()
    groups = build_report(catalogue, kommune, today)
    if as_json:
        json.dump(to_json(catalogue, groups, today), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    from rich.console import Console

    render(Console(file=out, width=width, highlight=False), catalogue, groups, today)
    return 0


def render(console, catalogue: Catalogue, groups: list[Group], today: dt.date) -> None:
    """An overview table, then one table per group with the ids behind every count."""
    from rich.table import Table
    from rich.text import Text

    # Fits 80 columns: no outer edge, and headings wrap between words instead of ending in «…».
    overview = Table(title=f"Katalogen per {today.isoformat()}", title_justify="left", show_footer=len(groups) > 1,
                     show_edge=False, pad_edge=False)
    headings = ["Antall", "I drift", "Ikke i drift", "Uten kontakt", "Uten kilde", "Ikke bekreftet"]
    overview.add_column("Gruppe", footer="Sum", no_wrap=True)
    rows = [_overview_row(g) for g in groups]
    for i, heading in enumerate(headings):
        overview.add_column(heading, justify="right", footer=str(sum(r[i] for r in rows)),
                            width=max(len(word) for word in heading.split()))
    for g, row in zip(groups, rows):
        overview.add_row(g.name, *(str(v) for v in row))
    console.print(overview)
    console.print(Text("I drift = aktiv eller uklar. Kontakt og åpningstid telles bare for tilbud i drift. Bekreftet = "
                       "tjenesteeier har satt assured_date; utdatert = eldre enn 12 måneder.", style="dim"))
    for g in groups:
        console.print()
        table = Table(title=f"{g.name}: {g.entries} oppføringer", title_justify="left", expand=True)
        table.add_column("", no_wrap=True)
        table.add_column("Antall", justify="right", no_wrap=True)
        table.add_column("Id-er", overflow="fold", ratio=1)
        for status in STATUSES:
            ids = g.status_ids.get(status, [])
            table.add_row(STATUS_LABELS[status], str(g.status[status]), ", ".join(ids))
        for name, heading in GAPS.items():
            ids = getattr(g, name)
            table.add_row(Text(heading, style="bold" if ids else ""), str(len(ids)), ", ".join(ids))
        console.print(table)
    if catalogue.skipped:
        console.print()
        console.print(Text(f"{len(set(catalogue.skipped))} fil(er) ble hoppet over på grunn av feil og er ikke med; "
                           "kjør gpguide check.", style="yellow"))


def _overview_row(g: Group) -> list[int]:
    running = g.status["active"] + g.status["uncertain"]
    return [g.entries, running, g.entries - running, len(g.missing_contacts), len(g.missing_sources),
            len(g.unassured) + len(g.stale)]
