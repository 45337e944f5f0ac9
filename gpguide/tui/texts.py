"""Plain-text building blocks for the TUI, free of widgets so they are easy to test.

Chips (what gpguide understood, and how to clear each), the contact block and the referral skeleton that are
copied to the clipboard, the overview's grouping and the glossary search.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from gpguide.catalogue import Catalogue, GlossaryTerm, Service
from gpguide.console import NOT_REGISTERED, access_text, contact_lines, source_stamp
from gpguide.search import Understanding

__all__ = [
    "NOT_REGISTERED",
    "Chip",
    "chips",
    "clear_chip",
    "contact_block",
    "referral_text",
    "source_stamp",
]

SEX_LABEL = {"mann": "mann/gutt", "kvinne": "kvinne/jente"}


# ---------- chips ----------


@dataclass(frozen=True)
class Chip:
    key: str  # "kommune", "age", "severity", "self_referral", "sex" or "concept:<id>"
    label: str  # short, for the chip bar: "Sandnes", "34 år"
    long: str = ""  # with its name, for the log: "kommune: Sandnes", "alder: 34"

    def __post_init__(self) -> None:
        if not self.long:
            object.__setattr__(self, "long", self.label)


def chips(query: Understanding | None, catalogue: Catalogue) -> list[Chip]:
    """What gpguide understood about the current case, one clearable chip each."""
    if query is None:
        return []
    found: list[Chip] = []
    if query.kommune:
        place = catalogue.kommuner.get(query.kommune)
        name = place.name if place else query.kommune
        found.append(Chip("kommune", name, f"kommune: {name}"))
    if query.age is not None:
        found.append(Chip("age", f"{query.age} år", f"alder: {query.age}"))
    elif query.age_word:
        found.append(Chip("age", query.age_word, f"alder: {query.age_word}"))
    if query.sex:
        found.append(Chip("sex", SEX_LABEL.get(query.sex, query.sex)))
    if query.severity_words:
        words = ", ".join(query.severity_words)
        found.append(Chip("severity", words, f"alvorlighet: {words}"))
    if query.self_referral:
        found.append(Chip("self_referral", "uten henvisning"))
    for concept in problem_concepts(query):
        label = catalogue.concepts[concept].label if concept in catalogue.concepts else concept
        found.append(Chip(f"concept:{concept}", label))
    return found


def problem_concepts(query: Understanding) -> list[str]:
    """The concepts the question itself named (not the broader ones added for recall), in order."""
    return list(dict.fromkeys(h.concept for h in query.concepts if h.primary))


def clear_chip(query: Understanding, key: str) -> Understanding:
    """The same case with one understood fact removed."""
    if key == "kommune":
        return replace(query, kommune=None, kommune_from=None)
    if key == "age":
        return replace(query, age=None, age_from=None, age_band=None, age_word=None)
    if key == "sex":
        return replace(query, sex=None)
    if key == "severity":
        return replace(query, severity=frozenset(), severity_words=())
    if key == "self_referral":
        return replace(query, self_referral=False)
    if key.startswith("concept:"):
        concept = key.removeprefix("concept:")
        removed = [h for h in query.concepts if h.concept == concept and h.primary]
        matched = {h.matched for h in removed}
        spoken = {part.casefold() for m in matched for part in m.replace("→", " ").split()}
        kept = tuple(h for h in query.concepts
                     if h.concept != concept and not (not h.primary and h.matched in matched
                                                       and not _still_implied(h, query, concept)))
        return replace(query, concepts=kept, words=tuple(w for w in query.words if w not in spoken))
    return query


def _still_implied(hit, query: Understanding, removed: str) -> bool:
    """A broader hit stays when another remaining primary hit matched the same words."""
    return any(h.primary and h.concept != removed and h.matched == hit.matched for h in query.concepts)


# ---------- what is copied ----------


def place_name(service: Service, catalogue: Catalogue) -> str | None:
    place = catalogue.kommuner.get(service.kommune or "")
    return place.name if place else None


def contact_block(service: Service, catalogue: Catalogue, access: str | None = None) -> str:
    """Everything needed to get in touch, as plain text for the clipboard."""
    head = " · ".join(p for p in (service.organization, place_name(service, catalogue)) if p)
    lines = [service.name + (f" – {head}" if head else ""), *contact_lines(service, catalogue)]
    lines.append(f"Åpningstid: {service.opening_hours.text if service.opening_hours else NOT_REGISTERED}")
    if service.address:
        lines.append(f"Adresse: {service.address.text}")
    if service.url:
        lines.append(f"Nettside: {service.url}")
    if access:
        lines.append(f"Tilgang: {access_text(access)}")
    lines.append(source_stamp(service, catalogue))
    return "\n".join(lines)


def referral_text(service: Service, query: Understanding | None, catalogue: Catalogue) -> str:
    """A short referral skeleton. Built only from what was understood (concept labels, age, severity), never from
    the question text itself, so nothing that identifies the patient ends up in it."""
    where = " · ".join(p for p in (service.organization, place_name(service, catalogue)) if p)
    lines = [f"Henvisning til {service.name}" + (f" ({where})" if where else "")]
    access = service.access
    send_to = access.referral_to or access.application_to
    if send_to:
        lines.append(f"Sendes til: {send_to}")
    problems = ""
    if query is not None:
        labels = [catalogue.concepts[c].label if c in catalogue.concepts else c for c in problem_concepts(query)]
        problems = ", ".join(labels)
        if query.severity_words:
            problems += ("; " if problems else "") + "alvorlighet: " + ", ".join(query.severity_words)
    lines.append(f"Problemstilling: {problems + '. ' if problems else ''}…")
    age = ""
    if query is not None:
        age = str(query.age) if query.age is not None else (query.age_word or "")
    lines.append(f"Alder: {age or '…'}")
    lines.append("Tidligere tiltak og behandling: …")
    lines.append("Aktuelle medisiner: …")
    if access.referral_must_include:
        lines.append("Henvisningen skal også inneholde:")
        lines.extend(f"- {item}" for item in access.referral_must_include)
    lines.append("Spørsmål: …")
    return "\n".join(lines)


# ---------- overview ----------

AGE_BANDS: tuple[tuple[str, str, int, int], ...] = (
    ("barn", "Barn (0–12 år)", 0, 12),
    ("ungdom", "Ungdom (13–17 år)", 13, 17),
    ("voksne", "Voksne (18 år og eldre)", 18, 200),
)
ALL_AGES = ("alle", "Alle aldre")
AGE_UNKNOWN = ("ukjent", "Alder ikke registrert")  # no limits in the catalogue is not «alle aldre»
AREA_LABELS = {
    "psykisk": "Psykisk helse",
    "rus": "Rus og avhengighet",
    "familie": "Familie, barn og pårørende",
    "sosial": "Bolig, arbeid og sosialt",
    "akutt": "Akutt og krise",
    "behov": "Tjenester og oppfølging",
    "annet": "Annet",
}
AREA_ORDER = tuple(AREA_LABELS)


def age_bands(service: Service) -> list[str]:
    low, high = service.target.min_age, service.target.max_age
    if low is None and high is None:
        return [ALL_AGES[0] if service.target.all_ages else AGE_UNKNOWN[0]]
    low = 0 if low is None else low
    high = 200 if high is None else high
    bands = [key for key, _, start, end in AGE_BANDS if low <= end and high >= start]
    return [ALL_AGES[0]] if low <= 0 and high >= 110 or not bands else bands


def areas(service: Service, catalogue: Catalogue) -> list[str]:
    found = [catalogue.concepts[c].area for c in service.target.problems if c in catalogue.concepts]
    if not found:
        found = [catalogue.concepts[c].area for c in service.offers if c in catalogue.concepts]
    found = list(dict.fromkeys(found)) or ["annet"]
    return sorted(found, key=lambda a: AREA_ORDER.index(a) if a in AREA_ORDER else len(AREA_ORDER))


def services_in(catalogue: Catalogue, kommune: str | None) -> list[Service]:
    """Active services a patient in this kommune can use (all kommuner when None)."""
    chosen = [s for s in catalogue.services.values() if s.status == "active" and (kommune is None or s.serves(kommune))]
    return sorted(chosen, key=lambda s: s.name.casefold())


def overview(catalogue: Catalogue, kommune: str | None) -> list[tuple[str, list[tuple[str, list[Service]]]]]:
    """[(band label, [(area label, services)])], bands in age order, then «alle aldre» and «alder ikke
    registrert»; empty groups left out."""
    grouped: dict[str, dict[str, list[Service]]] = {}
    for service in services_in(catalogue, kommune):
        for band in age_bands(service):
            for area in areas(service, catalogue):
                grouped.setdefault(band, {}).setdefault(area, []).append(service)
    labels = [(key, label) for key, label, _, _ in AGE_BANDS] + [ALL_AGES, AGE_UNKNOWN]
    result = []
    for key, label in labels:
        if key not in grouped:
            continue
        by_area = grouped[key]
        ordered = sorted(by_area, key=lambda a: AREA_ORDER.index(a) if a in AREA_ORDER else len(AREA_ORDER))
        result.append((label, [(AREA_LABELS.get(a, a.capitalize()), by_area[a]) for a in ordered]))
    return result


# ---------- glossary ----------


def search_glossary(terms: Iterable[GlossaryTerm], query: str, limit: int = 200) -> list[GlossaryTerm]:
    """Terms matching the query best first (rapidfuzz); all terms alphabetically for an empty query."""
    terms = list(terms)
    query = query.strip().casefold()
    if not query:
        return sorted(terms, key=lambda t: t.term.casefold())
    from rapidfuzz import fuzz

    scored = []
    for term in terms:
        name = term.term.casefold()
        expansion = (term.expansion or "").casefold()
        score = max(
            100.0 if name == query else 0.0,
            98.0 if name.startswith(query) else 0.0,
            fuzz.WRatio(query, name),
            0.95 * fuzz.WRatio(query, expansion) if expansion else 0.0,
            0.75 * fuzz.partial_ratio(query, term.definition.casefold()) if len(query) >= 3 else 0.0,
        )
        if score >= 70:
            scored.append((score, term))
    scored.sort(key=lambda st: (-st[0], st[1].term.casefold()))
    return [t for _, t in scored[:limit]]
