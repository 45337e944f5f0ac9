"""Who to call and how to get in, as data for every front end: the service's own published contacts (or, where
the catalogue says so explicitly, its unit's), where referrals and applications go, and the source stamp."""

from __future__ import annotations

from dataclasses import dataclass

from gpguide.catalogue.model import Catalogue, Contact, Service

NOT_REGISTERED = "ikke registrert"


@dataclass(frozen=True)
class Reach:
    contacts: tuple[Contact, ...] = ()
    via: Service | None = None  # the unit whose published contacts these are («via Mestringsenheten»)
    routes: tuple[str, ...] = ()  # where a referral or an application is sent: also a way in

    @property
    def reachable(self) -> bool:
        return bool(self.contacts or self.routes)


def reach(service: Service, catalogue: Catalogue) -> Reach:
    access = service.access
    routes = []
    if access.referral_to:
        routes.append(f"Henvisning: {access.referral_to}")
    if access.application_to:
        routes.append(f"Søknad: {access.application_to}")
    return Reach(contacts=service.contacts, routes=tuple(routes))


def contact_text(contact: Contact) -> str:
    return " · ".join(p for p in (contact.role, contact.name, contact.phone, contact.email, contact.hours) if p)


def source_stamp(service: Service, catalogue: Catalogue) -> str:
    if not service.sources:
        return "Kilde: ikke oppgitt"
    labels = list(dict.fromkeys(catalogue.source_short(s) for s in service.sources))
    assured = f"bekreftet av tjenesteeier {service.assured_date}" if service.assured_date else "ikke verifisert av tjenesteeier"
    return f"Kilde: {'; '.join(labels)} · {assured}"
