"""Open Referral HSDS 3.x JSON: organizations, services, contacts, phones, schedules and service_areas as flat lists
(one list per HSDS object, linked by *_id as in the tabular HSDS format). Every record is valid against the
published HSDS schema shipped in gpguide/schema/hsds/.

Ids are UUIDs (HSDS 3 requires them), derived with uuid5 from our own ids, so they stay the same between exports.
What HSDS cannot say is left out rather than guessed: services whose status is «absent» (the kommune does not have
them) are not exported, and HSDS has no field for our sources.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Any

from gpguide.catalogue.model import Catalogue, Kommune, Service
from gpguide.owner.export.markdown import sentences
from gpguide.owner.export.overview import STATUS_TEXT, access_lines

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://gpguide.invalid/hsds")
HSDS_SOURCE = "openreferral/specification@149f77cdef6e8a2d617114a0ad31d3861a3bfe8a (HSDS 3.x, schema/*.json)"
OBJECTS = ("organizations", "services", "contacts", "phones", "schedules", "service_areas")
# Our status → HSDS service.status. «absent» means the service does not exist, so it is not exported.
STATUS = {"active": "active", "uncertain": "active", "planned": "inactive", "closed": "defunct"}
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def hsds_id(kind: str, key: str) -> str:
    """A stable UUID for one of our objects: the same catalogue gives the same ids in every export."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def render(catalogue: Catalogue, kommune: Kommune | None, today: dt.date) -> str:
    return json.dumps(build(catalogue, kommune, today), ensure_ascii=False, indent=2) + "\n"


def build(catalogue: Catalogue, kommune: Kommune | None, today: dt.date) -> dict[str, Any]:
    data: dict[str, Any] = {
        "meta": {
            "generator": "gpguide export --format hsds",
            "date": today.isoformat(),
            "kommune": kommune.id if kommune else None,
            "hsds_schemas": HSDS_SOURCE,
            "id_namespace": str(NAMESPACE),
            "note": "Ids are uuid5(id_namespace, '<object>:<gpguide id>'). Services with status absent are left out.",
        },
        **{name: [] for name in OBJECTS},
    }
    organizations: dict[str, dict] = {}
    for service in sorted(catalogue.services.values(), key=lambda s: s.id):
        if service.status not in STATUS or (kommune and not service.serves(kommune.id)):
            continue
        org_id = _organization(catalogue, service, organizations)
        data["services"].append(_service(service, org_id))
        contacts, phones = _contacts(service)
        data["contacts"] += contacts
        data["phones"] += phones
        if service.opening_hours:
            data["schedules"].append({"id": hsds_id("schedule", service.id), "service_id": hsds_id("service", service.id),
                                      "description": service.opening_hours.text.strip()})
        data["service_areas"] += _areas(catalogue, service)
    data["organizations"] = sorted(organizations.values(), key=lambda o: o["name"])
    return data


def _organization(catalogue: Catalogue, service: Service, organizations: dict[str, dict]) -> str | None:
    """The unit that runs the service (its `organization`); a kommune's own units hang under the kommune."""
    place = catalogue.kommuner.get(service.kommune or "")
    kommune_org = None
    if place and service.level == "kommune":
        kommune_org = hsds_id("organization", f"kommune:{place.id}")
        if kommune_org not in organizations:
            organizations[kommune_org] = _drop_empty({
                "id": kommune_org, "name": f"{place.name} kommune",
                "description": " ".join((place.description or "").split()) or f"{place.name} kommune.",
            })
    if not service.organization:
        return kommune_org
    key = f"{place.id if place else '-'}:{service.level}:{service.organization}"
    org_id = hsds_id("organization", key)
    if org_id not in organizations:
        where = {"kommune": f"enhet i {place.name} kommune" if place else "kommunal enhet",
                 "frivillig": "frivillig organisasjon" + (f" med tilbud i {place.name}" if place else ""),
                 "interkommunal": "interkommunalt tilbud", "spesialist": "spesialisthelsetjenesten",
                 "nasjonal": "nasjonal tjeneste"}.get(service.level, service.level)
        organizations[org_id] = _drop_empty({
            "id": org_id, "name": service.organization, "description": f"{service.organization} – {where}.",
            "parent_organization_id": kommune_org,
        })
    return org_id


def _service(service: Service, org_id: str | None) -> dict:
    target = service.target
    alert = None
    if service.status != "active":
        note = service.status_note.text.strip() if service.status_note else ""
        alert = f"{STATUS_TEXT[service.status]}." + (f" {note}" if note else "")
    access = access_lines(service)
    return _drop_empty({
        "id": hsds_id("service", service.id),
        "organization_id": org_id,
        "name": service.name,
        "alternate_name": ", ".join(service.alternate_names) or None,
        "description": (service.description or "").strip() or None,
        "url": service.url,
        "status": STATUS[service.status],
        "application_process": sentences(access) if not access[0].startswith("Tilgang:") else None,
        "fees_description": service.fees.text.strip() if service.fees else None,
        "eligibility_description": (target.description or "").strip() or None,
        "minimum_age": target.min_age,
        "maximum_age": target.max_age,
        "assured_date": service.assured_date if service.assured_date and FULL_DATE.match(service.assured_date) else None,
        "alert": alert,
    })


def _contacts(service: Service) -> tuple[list[dict], list[dict]]:
    contacts, phones = [], []
    seen: dict[str, int] = {}
    for c in service.contacts:
        n = seen[c.role] = seen.get(c.role, 0) + 1
        key = f"{service.id}:{c.role}" + (f":{n}" if n > 1 else "")
        contact_id = hsds_id("contact", key)
        contacts.append(_drop_empty({
            "id": contact_id, "service_id": hsds_id("service", service.id),
            "name": c.name, "title": c.role, "email": c.email,
        }))
        if c.phone:
            details = [d for d in (c.hours, c.note, "bare for fagpersoner" if c.professionals_only else None) if d]
            phones.append(_drop_empty({
                "id": hsds_id("phone", key), "service_id": hsds_id("service", service.id), "contact_id": contact_id,
                "number": c.phone, "type": "voice", "description": "; ".join(details) or None,
            }))
    return contacts, phones


def _areas(catalogue: Catalogue, service: Service) -> list[dict]:
    if service.level == "nasjonal":
        names = [("norge", "Norge", "Hele landet")]
    else:
        ids = ([service.kommune] if service.kommune else []) + [a for a in service.service_areas if a != service.kommune]
        names = [(a, f"{catalogue.kommuner[a].name} kommune" if a in catalogue.kommuner else a, None) for a in ids]
    return [_drop_empty({"id": hsds_id("service_area", f"{service.id}:{key}"), "service_id": hsds_id("service", service.id),
                         "name": name, "description": description})
            for key, name, description in names]


def _drop_empty(record: dict) -> dict:
    return {k: v for k, v in record.items() if v is not None and v != ""}


# ---------- validation against the shipped HSDS schemas ----------

SCHEMA_FILES = {"organizations": "organization", "services": "service", "contacts": "contact", "phones": "phone",
                "schedules": "schedule", "service_areas": "service_area"}


def schemas() -> dict[str, dict]:
    from importlib import resources

    folder = resources.files("gpguide.schema").joinpath("hsds")
    return {name: json.loads(folder.joinpath(f"{name}.json").read_text("utf-8")) for name in SCHEMA_FILES.values()}


def validate(data: dict[str, Any]) -> list[str]:
    """Every way the export breaks the published HSDS schemas (with format checks) or its own links; [] when valid."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    loaded = schemas()
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012)) for schema in loaded.values())
    problems = []
    ids: dict[str, set[str]] = {}
    for key, name in SCHEMA_FILES.items():
        validator = jsonschema.Draft202012Validator(loaded[name], registry=registry,
                                                    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        for i, record in enumerate(data.get(key, [])):
            for error in validator.iter_errors(record):
                problems.append(f"{key}[{i}].{'.'.join(map(str, error.absolute_path))}: {error.message}")
        ids[key] = {r.get("id") for r in data.get(key, [])}
        if len(ids[key]) != len(data.get(key, [])):
            problems.append(f"{key}: ids are not unique")
    links = (("services", "organization_id", "organizations"), ("contacts", "service_id", "services"),
             ("phones", "service_id", "services"), ("phones", "contact_id", "contacts"),
             ("schedules", "service_id", "services"), ("service_areas", "service_id", "services"),
             ("organizations", "parent_organization_id", "organizations"))
    for key, field, target in links:
        for i, record in enumerate(data.get(key, [])):
            if field in record and record[field] not in ids.get(target, set()):
                problems.append(f"{key}[{i}].{field}: {record[field]} is not an id in {target}")
    return problems
