"""Rules about what a service file says, beyond the schema: contradictions in `access`, ages, the unit a service
belongs to (`part_of`), and the bookkeeping a source stamp needs. The rules about one service run as its file is
examined (gpguide/catalogue/load.py), and their findings are cached with the file's record; the unit rule looks
across files and runs when the catalogue is put together. Each finding is reported at its file:line like any other
problem; errors make `gpguide check` exit 1, and the data stays loaded."""

from __future__ import annotations

from typing import Any, Callable, Mapping

At = Callable[..., None]  # (where: a path in the file, message, severity="error")
Data = Mapping[str, Any]  # a schema-valid service file, as parsed (a field left empty is absent)

MAX_UNIT_DEPTH = 5


def check_service(service: Data, at: At) -> None:
    """The rules that need nothing but the service itself. They read the data as parsed: building the Service
    for them would cost a cold load as much as all of them."""
    _access(service, at)
    _ages(service, at)
    _bookkeeping(service, at)


def _access(service: Data, at: At) -> None:
    access = service.get("access", {})
    if access.get("self_referral") is True and access.get("gp_referral") == "required":
        at(("access", "self_referral"),
           "self_referral: true betyr at pasienten eller en pårørende kan ta første kontakt selv; det motsier "
           "gp_referral: required (henvisning kreves). Rett det som er feil")
    for field in ("application_to", "application_address"):
        if access.get(field) and access.get("application") is not True:
            state = "false" if access.get("application") is False else "ikke satt"
            at(("access", field),
               f"{field} sier hvor søknaden sendes, men application er {state}; en søknad om vedtak er "
               "application: true (self_referral kan også være true når pasienten sender den selv)")


def _ages(service: Data, at: At) -> None:
    target = service.get("target", {})
    problems = target.get("problems", ())
    for i, concept in enumerate(target.get("requires", ())):
        if concept not in problems:
            at(("target", "requires", i), f"requires: '{concept}' står ikke i problems; en tjeneste som krever det, "
                                          "er også for det")
    if target.get("all_ages") and ("min_age" in target or "max_age" in target):
        at(("target", "all_ages"),
           "all_ages: true betyr at kilden sier «alle aldre»; fjern min_age/max_age eller all_ages")


def check_unit(service_id: str, units: Mapping[str, tuple[str | None, bool]], at: At) -> None:
    """The unit a service is part of, across files. units: every service's id → (the id of the unit it is part of,
    whether it has a published contact with a source)."""
    unit_id, reachable = units[service_id]
    if unit_id is None:
        return
    where = ("part_of", "service")
    if unit_id == service_id:
        at(where, "part_of viser til tjenesten selv; oppgi enheten den hører til")
        return
    if unit_id not in units:
        at(where, f"ukjent tjeneste '{unit_id}' i part_of")
        return
    chain = [service_id]
    unit: str | None = unit_id
    while unit is not None and len(chain) <= MAX_UNIT_DEPTH:
        if unit in chain:
            at(where, f"part_of går i ring ({' → '.join([*chain, unit])}); en enhet kan ikke være en del av seg selv")
            return
        chain.append(unit)
        parent, unit_reachable = units[unit]
        if unit_reachable:
            return
        unit = parent if parent in units else None
    if not reachable:
        at(where, f"ingen kontakt via enheten: '{unit_id}' har ingen publisert kontakt med kilde, så kortet kan ikke vise "
                  "en kontakt «via» den; legg inn enhetens kontakt med kilde når den finnes", "warning")


def check_unit_status(service_id: str, unit_id: str, statuses: Mapping[str, str], at: At) -> None:
    """A unit listed as active inside one that is uncertain, planned, closed or absent: the card would promise more
    than the sources say."""
    own, units = statuses.get(service_id), statuses.get(unit_id)
    if own == "active" and units not in (None, "active"):
        at(("part_of", "service"), f"enheten '{unit_id}' har status {units}, men denne tjenesten står som active; "
                                   "sett samme status med status_note, eller kilde for at den finnes", "warning")


def _bookkeeping(service: Data, at: At) -> None:
    status = service["status"]
    if status != "active" and "status_note" not in service:
        at(("status",), f"status_note mangler: status {status} trenger en forklaring med kilde", "warning")
    for i, source in enumerate(service.get("sources", ())):
        if source.get("url") and "kind" not in source:
            at(("sources", i, "key"),
               f"kildetype mangler: sett kind på kilden '{source['key']}' (egen, kommune, helseforetak, myndighet, "
               "revisjon, fagmiljo, nyhet, annen eller parti); kildestempelet ordner kildene etter den", "warning")


def has_sourced_contact(service: Data) -> bool:
    """A published way to reach it: a phone number or e-mail address with a source."""
    return any(c.get("source") and (c.get("phone") or c.get("email")) for c in service.get("contacts", ()))


def unit_of(service: Data) -> str | None:
    """The service it is part_of."""
    part_of = service.get("part_of")
    return part_of["service"] if part_of else None

