"""Rules about what a service file says, beyond the schema: contradictions in `access`, ages, the unit a service
belongs to (`part_of`), and the bookkeeping a source stamp needs. Called once from the loader, after every file is
read, so the rules can look across files. Each finding is reported at its file:line like any other problem."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import yaml

from gpguide.catalogue.model import Catalogue, Service
from gpguide.catalogue.yamlpos import Path_, Positions, parse

Report = Callable[[Path, tuple[int, int], str, str], None]  # (path, (line, col), message, severity)

MAX_UNIT_DEPTH = 5


def check_catalogue(catalogue: Catalogue, report: Report) -> None:
    """Report every rule broken by a loaded service. Errors make `gpguide check` exit 1; the data stays loaded."""
    for service in catalogue.services.values():
        if service.path is None:
            continue
        positions: list[Positions | None] = []

        def at(where: Path_, message: str, severity: str = "error", _service: Service = service) -> None:
            if not positions:
                positions.append(_positions(_service.path))
            found = positions[0]
            report(_service.path, found.of(where) if found else (1, 1), message, severity)  # type: ignore[arg-type]

        _access(service, at)
        _ages(service, at)
        _part_of(service, catalogue, at)
        _bookkeeping(service, at)


def _access(service: Service, at: Callable[..., None]) -> None:
    access = service.access
    if access.self_referral is True and access.gp_referral == "required":
        at(("access", "self_referral"),
           "self_referral: true betyr at pasienten eller en pårørende kan ta første kontakt selv; det motsier "
           "gp_referral: required (henvisning kreves). Rett det som er feil")
    for field in ("application_to", "application_address"):
        if getattr(access, field) and access.application is not True:
            state = "false" if access.application is False else "ikke satt"
            at(("access", field),
               f"{field} sier hvor søknaden sendes, men application er {state}; en søknad om vedtak er "
               "application: true (self_referral kan også være true når pasienten sender den selv)")


def _ages(service: Service, at: Callable[..., None]) -> None:
    target = service.target
    for i, concept in enumerate(target.requires):
        if concept not in target.problems:
            at(("target", "requires", i), f"requires: '{concept}' står ikke i problems; en tjeneste som krever det, "
                                          "er også for det")
    if target.all_ages and (target.min_age is not None or target.max_age is not None):
        at(("target", "all_ages"),
           "all_ages: true betyr at kilden sier «alle aldre»; fjern min_age/max_age eller all_ages")


def _part_of(service: Service, catalogue: Catalogue, at: Callable[..., None]) -> None:
    if service.part_of is None:
        return
    unit_id = service.part_of.service
    if unit_id == service.id:
        at(("part_of", "service"), "part_of viser til tjenesten selv; oppgi enheten den hører til")
        return
    if unit_id not in catalogue.services:
        at(("part_of", "service"), f"ukjent tjeneste '{unit_id}' i part_of")
        return
    chain = [service.id]
    unit: Service | None = catalogue.services[unit_id]
    while unit is not None and len(chain) <= MAX_UNIT_DEPTH:
        if unit.id in chain:
            at(("part_of", "service"), f"part_of går i ring ({' → '.join([*chain, unit.id])}); en enhet kan ikke "
                                       "være en del av seg selv")
            return
        chain.append(unit.id)
        if has_sourced_contact(unit):
            return
        unit = catalogue.services.get(unit.part_of.service) if unit.part_of else None
    if not has_sourced_contact(service):
        at(("part_of", "service"),
           f"ingen kontakt via enheten: '{unit_id}' har ingen publisert kontakt med kilde, så kortet kan ikke vise "
           "en kontakt «via» den; legg inn enhetens kontakt med kilde når den finnes", "warning")


def _bookkeeping(service: Service, at: Callable[..., None]) -> None:
    if service.status != "active" and service.status_note is None:
        at(("status",), f"status_note mangler: status {service.status} trenger en forklaring med kilde", "warning")
    for i, source in enumerate(service.sources):
        if source.url and source.kind is None:
            at(("sources", i, "key"),
               f"kildetype mangler: sett kind på kilden '{source.key}' (egen, kommune, helseforetak, myndighet, "
               "revisjon, fagmiljo, nyhet, annen eller parti); kildestempelet ordner kildene etter den", "warning")


def has_sourced_contact(service: Service) -> bool:
    """A published way to reach it: a phone number or e-mail address with a source."""
    return any(c.source and (c.phone or c.email) for c in service.contacts)


def _positions(path: Path | None) -> Positions | None:
    if path is None:
        return None
    try:
        return parse(path.read_text("utf-8"))[1]
    except (OSError, ValueError, yaml.YAMLError):
        return None
