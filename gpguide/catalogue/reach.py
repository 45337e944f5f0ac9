"""Who to call and how to get in, as data for every front end: the service's own published contacts (or, where
the catalogue says so explicitly, its unit's), where referrals and applications go, and the source stamp."""

from __future__ import annotations

from dataclasses import dataclass

from gpguide.catalogue.model import Catalogue, Contact, Service, Source

NOT_REGISTERED = "ikke registrert"
MAX_UNIT_DEPTH = 5

# The source stamp shows the most authoritative source first: the service's or kommune's own page, a health trust,
# a directorate, an audit, then news. Political pages come last and are marked as claims.
SOURCE_RANK = {"egen": 0, "kommune": 1, "helseforetak": 2, "myndighet": 3, "revisjon": 4, "fagmiljo": 5,
               "nyhet": 6, "annen": 7, "parti": 8}
CLAIM_KINDS = {"parti"}
CLAIM = "påstand"


@dataclass(frozen=True)
class Reach:
    contacts: tuple[Contact, ...] = ()
    via: Service | None = None  # the unit whose published contacts these are («via Mestringsenheten»)
    routes: tuple[str, ...] = ()  # where a referral or an application is sent: also a way in

    @property
    def reachable(self) -> bool:
        """A GP can act on it: a phone number or e-mail address, or an address to send a referral or application."""
        return bool(self.routes or any(c.phone or c.email for c in self.contacts))


def reach(service: Service, catalogue: Catalogue) -> Reach:
    """The service's own contacts; without any, the published contacts of the unit the data says it belongs to
    (`part_of`, followed upwards), labelled by `via`. Routes are the referral and application addresses."""
    routes = tuple(route_texts(service))
    if service.contacts:
        return Reach(contacts=service.contacts, routes=routes)
    unit = contact_unit(service, catalogue)
    if unit is not None:
        return Reach(contacts=unit.contacts, via=unit, routes=routes)
    return Reach(routes=routes)


def contact_unit(service: Service, catalogue: Catalogue) -> Service | None:
    """The nearest unit above the service (by `part_of`) that has a published contact with a source."""
    seen = {service.id}
    current = service
    for _ in range(MAX_UNIT_DEPTH):
        if current.part_of is None:
            return None
        unit = catalogue.services.get(current.part_of.service)
        if unit is None or unit.id in seen:
            return None
        if any(c.source and (c.phone or c.email) for c in unit.contacts):
            return unit
        seen.add(unit.id)
        current = unit
    return None


def route_texts(service: Service) -> list[str]:
    access = service.access
    routes = []
    if access.referral_address:
        routes.append(f"Henvisning: {access.referral_address.text}")
    if access.application_address:
        routes.append(f"Søknad: {access.application_address.text}")
    return routes


def via_text(found: Reach) -> str | None:
    """«via Mestringsenheten» when the contacts are the unit's, for the label above them."""
    return f"via {found.via.name}" if found.via is not None else None


def reach_lines(service: Service, catalogue: Catalogue) -> list[str]:
    """Everything a card needs to say how to reach the service, as plain lines (contacts, «via», routes)."""
    found = reach(service, catalogue)
    lines = [contact_text(c) for c in found.contacts]
    if found.via is not None:
        lines = [f"{line} ({via_text(found)})" for line in lines]
    lines.extend(found.routes)
    return lines or [f"Kontakt: {NOT_REGISTERED}"]


def contact_text(contact: Contact) -> str:
    return " · ".join(p for p in (contact.role, contact.name, contact.phone, contact.email, contact.hours) if p)


def source_kind(source: Source, catalogue: Catalogue, service: Service | None = None) -> str:
    """What kind of source it is: the source's own `kind`, else the document's (an audit, a research report, the
    unit's own report or the kommune's), else «annen» for a web page."""
    if source.kind:
        return source.kind
    if not source.doc:
        return "annen"
    document = catalogue.documents.get(source.doc)
    if document is None:
        return "annen"
    text = f"{document.short or ''} {document.title} {document.publisher or ''}".casefold()
    if "revisjon" in text:
        return "revisjon"
    if "napha" in text or "høgskole" in text or "universitet" in text:
        return "fagmiljo"
    publisher = (document.publisher or "").split(",")[0].strip().casefold()
    if service is not None and publisher and publisher in " ".join(
            p for p in (service.organization, service.owner, service.name) if p).casefold():
        return "egen"
    return "kommune"


def ranked_sources(service: Service, catalogue: Catalogue) -> list[Source]:
    """The service's sources, most authoritative first; within a kind, in the order the file lists them."""
    return sorted(service.sources, key=lambda s: SOURCE_RANK.get(source_kind(s, catalogue, service), len(SOURCE_RANK)))


def source_stamp(service: Service, catalogue: Catalogue) -> str:
    if not service.sources:
        return "Kilde: ikke oppgitt"
    labels = []
    for source in ranked_sources(service, catalogue):
        label = catalogue.source_short(source)
        if source_kind(source, catalogue, service) in CLAIM_KINDS:
            label = f"{label} ({CLAIM})"
        labels.append(label)
    labels = list(dict.fromkeys(labels))
    assured = f"bekreftet av tjenesteeier {service.assured_date}" if service.assured_date else "ikke verifisert av tjenesteeier"
    # A no-break space after «·» keeps it with what follows, so a wrapped stamp never ends a line with «·».
    return f"Kilde: {'; '.join(labels)} ·\u00a0{assured}"
