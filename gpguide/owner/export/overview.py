"""The printable overview «Oversikt for fastleger og turnusleger» as plain data, shared by the Markdown and HTML
exports: which services a kommune's GPs need, grouped by age band and problem area, each with its access routes,
contacts and sources. Nothing is guessed: an unknown fact is shown as «ikke registrert»."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from gpguide.catalogue.model import Catalogue, Kommune, Service
from gpguide.console import NOT_REGISTERED
from gpguide.search.retrieve import age_range_text
TITLE = "Oversikt for fastleger og turnusleger"
ADULT_AGE = 18

BANDS = {
    "barn": "Barn og unge (under 18 år)",
    "voksne": "Voksne (18 år og eldre)",
    "alle": "Alle aldre (ingen aldersgrense registrert)",
}
AREAS = {
    "psykisk": "Psykisk helse",
    "rus": "Rus og avhengighet",
    "akutt": "Akutt og krise",
    "familie": "Familie, barn og pårørende",
    "sosial": "Bolig, arbeid og sosiale forhold",
    "annet": "Andre tilbud",
}
STATUS_TEXT = {
    "planned": "Planlagt, ikke i drift",
    "closed": "Nedlagt",
    "absent": "Finnes ikke i kommunen",
    "uncertain": "Usikkert om tilbudet fortsatt finnes",
}
REFERRAL_TEXT = {
    "required": "Henvisning fra lege kreves",
    "possible": "Fastlegen kan henvise",
    "no": "Henvisning brukes ikke",
}


@dataclass
class Entry:
    """One service, ready to print."""

    id: str
    name: str
    status: str
    subtitle: str = ""  # organisation and other names
    status_note: str | None = None  # for anything but active
    description: str | None = None
    who: list[tuple[str, str]] = field(default_factory=list)  # (label, text): alder, hovedforløp, målgruppe ...
    access: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)  # åpningstid, adresse, pris, ventetid, nettside
    alternatives: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # where sources disagree
    sources: list[str] = field(default_factory=list)
    assured: str = ""
    also_in: str | None = None  # the other age band a service spanning 18 is listed under
    url: str | None = None


@dataclass
class Section:
    title: str
    entries: list[Entry] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    intro: str | None = None
    compact: bool = False  # name, contacts, hours and sources only (the emergency box)

    def count(self) -> int:
        return len(self.entries) + sum(s.count() for s in self.subsections)


@dataclass
class KommuneOverview:
    kommune: Kommune
    title: str
    intro: str
    emergency_note: str | None  # the kommune's own legevakt fact, with source
    sections: list[Section]
    documents: list[str]  # the source documents cited, with title, publisher and date


@dataclass
class Overview:
    title: str
    date: str
    parts: list[KommuneOverview]


def build(catalogue: Catalogue, kommune: Kommune | None = None, today: dt.date | None = None) -> Overview:
    today = today or dt.date.today()
    kommuner = [kommune] if kommune else sorted(catalogue.kommuner.values(), key=lambda k: k.name)
    title = f"{TITLE} – {kommune.name}" if kommune else TITLE
    return Overview(title, today.isoformat(), [_part(catalogue, k) for k in kommuner])


def _part(catalogue: Catalogue, kommune: Kommune) -> KommuneOverview:
    serving = sorted((s for s in catalogue.services.values() if s.serves(kommune.id)), key=lambda s: s.name.casefold())
    emergency = [s for s in serving if s.emergency and s.available]
    rest = [s for s in serving if s not in emergency]
    local = [s for s in rest if s.level not in ("spesialist", "nasjonal")]
    specialist = [s for s in rest if s.level == "spesialist"]
    national = [s for s in rest if s.level == "nasjonal"]
    sections: list[Section] = []
    if emergency:
        emergency.sort(key=lambda s: (s.level != "nasjonal", all(c.phone != "113" for c in s.contacts),
                                      s.name.casefold()))
        sections.append(Section("Akutt", [entry(catalogue, s) for s in emergency],
                                intro="Ved akutt fare for liv og helse: ring 113. Når fastlegen ikke er tilgjengelig "
                                      "og hjelpen ikke kan vente: legevakt 116 117.", compact=True))
    for band, band_title in BANDS.items():
        section = Section(band_title)
        for area, area_title in AREAS.items():
            members = [s for s in local if s.available and band in bands(s) and primary_area(catalogue, s) == area]
            if members:
                section.subsections.append(Section(area_title, [entry(catalogue, s, band) for s in members]))
        if section.subsections:
            sections.append(section)
    running_specialist = [s for s in specialist if s.available]
    if running_specialist:
        sections.append(Section("Spesialisthelsetjenesten", [entry(catalogue, s) for s in running_specialist],
                                intro="Krever som regel henvisning fra lege."))
    running_national = [s for s in national if s.available]
    if running_national:
        sections.append(Section("Nasjonale telefoner og nettjenester", [entry(catalogue, s) for s in running_national]))
    not_running = [s for s in local + specialist + national if not s.available]
    if not_running:
        order = {"absent": 0, "planned": 1, "closed": 2}
        not_running.sort(key=lambda s: (order.get(s.status, 3), s.name.casefold()))
        sections.append(Section("Ikke i drift: planlagt, nedlagt eller finnes ikke",
                                [entry(catalogue, s) for s in not_running],
                                intro="Tilbud som kildene sier er planlagt, nedlagt eller ikke finnes her, med "
                                      "nærmeste alternativ der det er registrert."))
    note = None
    if kommune.legevakt:
        source = kommune.source(kommune.legevakt.source)
        label = catalogue.source_label(source) if source else kommune.legevakt.source
        note = f"Legevakt i {kommune.name}: {kommune.legevakt.text.strip()} (Kilde: {label})"
    intro = (f"Kommunale tilbud innen psykisk helse og rus i {kommune.name}, med spesialisthelsetjenesten og nasjonale "
             f"telefoner. «{NOT_REGISTERED.capitalize()}» betyr at ingen kilde oppgir opplysningen. Opplysninger som "
             "ikke er bekreftet av tjenesteeier, bør kontrolleres før de brukes.")
    return KommuneOverview(kommune, f"{TITLE} – {kommune.name}", intro, note, sections,
                           _documents(catalogue, serving, kommune))


def bands(service: Service) -> list[str]:
    """The age bands a service belongs to: one, or both barn and voksne when its range spans 18."""
    low, high = service.target.min_age, service.target.max_age
    if low is None and high is None:
        return ["alle"]
    result = []
    if low is None or low < ADULT_AGE:
        result.append("barn")
    if high is None or high >= ADULT_AGE:
        result.append("voksne")
    return result


def primary_area(catalogue: Catalogue, service: Service) -> str:
    """The problem area most of the service's target problems belong to (ties: the order of AREAS)."""
    order = list(AREAS)
    for concepts in (service.target.problems, service.offers):
        areas = Counter(catalogue.concepts[c].area for c in concepts if c in catalogue.concepts)
        areas = Counter({a: n for a, n in areas.items() if a in AREAS})
        if areas:
            return min(areas, key=lambda a: (-areas[a], order.index(a)))
    return "annet"


def age_text(service: Service) -> str:
    target = service.target
    return NOT_REGISTERED if target.min_age is None and target.max_age is None else age_range_text(service)


def entry(catalogue: Catalogue, service: Service, band: str | None = None) -> Entry:
    e = Entry(service.id, service.name, service.status, url=service.url)
    subtitle = [service.organization] if service.organization else []
    if service.alternate_names:
        subtitle.append("også kalt " + ", ".join(service.alternate_names))
    e.subtitle = " · ".join(subtitle)
    if service.status != "active":
        note = service.status_note.text.strip() if service.status_note else None
        e.status_note = f"{STATUS_TEXT[service.status]}." + (f" {note}" if note else "")
    e.description = service.description.strip() if service.description else None
    target = service.target
    e.who.append(("Alder", age_text(service)))
    if target.severity:
        e.who.append(("Hovedforløp", ", ".join(str(n) for n in sorted(target.severity))))
    if target.problems:
        e.who.append(("Plager", ", ".join(_label(catalogue, c) for c in target.problems)))
    if target.description:
        e.who.append(("Målgruppe", target.description.strip()))
    if target.exclusions:
        e.who.append(("Ikke for", "; ".join(target.exclusions)))
    if service.offers:
        e.who.append(("Tilbyr", ", ".join(_label(catalogue, c) for c in service.offers)))
    e.access = access_lines(service)
    e.contacts = contact_lines(service)
    e.details.append(("Åpningstid", service.opening_hours.text.strip() if service.opening_hours else NOT_REGISTERED))
    for label, fact in (("Adresse", service.address), ("Pris", service.fees), ("Ventetid", service.waiting_time)):
        if fact:
            e.details.append((label, fact.text.strip()))
    if service.url:
        e.details.append(("Nettside", service.url))
    for ref in service.alternatives:
        other = catalogue.services.get(ref)
        if other:
            place = catalogue.kommuner.get(other.kommune or "")
            e.alternatives.append(other.name + (f" ({place.name})" if place and place.id != service.kommune else ""))
    e.notes = [c.note.strip() for c in service.conflicts]
    e.sources = source_labels(catalogue, service) or ["ingen kilde oppgitt"]
    e.assured = (f"Bekreftet av tjenesteeier {service.assured_date}" if service.assured_date
                 else "Ikke bekreftet av tjenesteeier")
    if band in ("barn", "voksne") and len(bands(service)) > 1:
        e.also_in = BANDS["voksne" if band == "barn" else "barn"].split(" (")[0]
    return e


def access_lines(service: Service) -> list[str]:
    access = service.access
    lines = []
    if access.self_referral is True:
        lines.append("Pasienten kan ta kontakt selv")
    elif access.self_referral is False:
        lines.append("Pasienten kan ikke ta kontakt selv")
    if access.gp_referral:
        lines.append(REFERRAL_TEXT[access.gp_referral] + (f" (til {access.referral_to})" if access.referral_to else ""))
    elif access.referral_to:
        lines.append(f"Henvisning sendes til {access.referral_to}")
    if access.application is True:
        lines.append("Krever søknad og vedtak" + (f" (søknad til {access.application_to})" if access.application_to else ""))
    elif access.application is False:
        lines.append("Ingen søknad eller vedtak")
    elif access.application_to:
        lines.append(f"Søknad sendes til {access.application_to}")
    if access.how:
        lines.append(access.how.strip())
    if access.referral_must_include:
        lines.append("Henvisningen må inneholde: " + "; ".join(access.referral_must_include))
    return lines or [f"Tilgang: {NOT_REGISTERED}"]


def contact_lines(service: Service) -> list[str]:
    lines = []
    for c in service.contacts:
        parts = [p for p in (c.name, c.phone, c.email, c.hours) if p]
        if c.professionals_only:
            parts.append("bare for fagpersoner")
        if c.note:
            parts.append(c.note.strip())
        lines.append(f"{c.role}: " + " · ".join(parts) if parts else c.role)
    return lines or [NOT_REGISTERED]


def source_labels(catalogue: Catalogue, service: Service) -> list[str]:
    """One label per document (all its line ranges together) and one per web page."""
    lines: dict[str, list[str]] = {}
    pages = set()
    for source in service.sources:
        if source.doc:
            doc = catalogue.documents.get(source.doc)
            name = (doc.short or doc.title) if doc else source.doc
            lines.setdefault(name, []).append(source.lines or "")
        else:
            pages.add(catalogue.source_label(source))
    docs = [f"{name}, linje {'; '.join(r for r in ranges if r)}" for name, ranges in lines.items()]
    return sorted(docs) + sorted(pages)


def _label(catalogue: Catalogue, concept: str) -> str:
    return catalogue.concepts[concept].label if concept in catalogue.concepts else concept


def _documents(catalogue: Catalogue, services: list[Service], kommune: Kommune) -> list[str]:
    cited = {s.doc for service in services for s in service.sources if s.doc}
    cited |= {s.doc for s in kommune.sources if s.doc}
    lines = []
    for doc_id in sorted(cited):
        doc = catalogue.documents.get(doc_id)
        if doc:
            lines.append(", ".join(p for p in ((doc.short or doc.title), doc.title if doc.short else None,
                                                doc.publisher, doc.date) if p))
    return lines
