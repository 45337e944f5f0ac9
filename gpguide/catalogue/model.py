"""The catalogue as data classes. Field names mirror the JSON Schemas in gpguide/schema/."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Status = Literal["active", "planned", "closed", "uncertain", "absent"]
Level = Literal["kommune", "spesialist", "nasjonal", "frivillig", "interkommunal"]
SourceKind = Literal["egen", "kommune", "helseforetak", "myndighet", "revisjon", "fagmiljo", "nyhet", "annen", "parti"]


STALE_AFTER_DAYS = 365


class UnknownKommune(ValueError):
    pass


def parse_date(text: str) -> dt.date | None:
    """A catalogue date (ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD); a partial date means the last day it can mean."""
    try:
        parts = [int(p) for p in str(text).split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
    except (ValueError, IndexError):
        return None


def is_stale(assured: str, today: dt.date) -> bool:
    when = parse_date(assured)
    return when is not None and (today - when).days > STALE_AFTER_DAYS


@dataclass(frozen=True)
class Source:
    key: str
    doc: str | None = None
    lines: str | None = None
    url: str | None = None
    title: str | None = None
    page_date: str | None = None
    seen: str | None = None
    quote: str | None = None
    kind: SourceKind | None = None  # what kind of source this is; orders the source stamp (reach.SOURCE_RANK)


@dataclass(frozen=True)
class Fact:
    text: str
    source: str


@dataclass(frozen=True)
class Contact:
    role: str
    source: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    note: str | None = None
    professionals_only: bool = False


@dataclass(frozen=True)
class Target:
    min_age: float | None = None
    max_age: float | None = None
    all_ages: bool = False  # a source says «alle aldre»; otherwise no limits means the age is not known
    problems: tuple[str, ...] = ()
    severity: tuple[int, ...] = ()
    description: str | None = None
    exclusions: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # the service only takes patients with at least one of these


@dataclass(frozen=True)
class Access:
    self_referral: bool | None = None
    gp_referral: Literal["required", "possible", "no"] | None = None
    application: bool | None = None
    application_to: str | None = None
    application_address: Fact | None = None  # how and where the application is sent, with its source: a way in
    referral_to: str | None = None
    referral_address: Fact | None = None  # electronic (Norsk helsenett) or postal address for referrals: a way in
    how: str | None = None
    referral_must_include: tuple[str, ...] = ()
    source: str | None = None


@dataclass(frozen=True)
class PartOf:
    """The unit a service belongs to, as a source says: its published contacts reach the service («via …»)."""

    service: str
    source: str


@dataclass(frozen=True)
class Conflict:
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    level: Level
    status: Status
    sources: tuple[Source, ...] = ()
    alternate_names: tuple[str, ...] = ()
    organization: str | None = None
    part_of: PartOf | None = None
    kommune: str | None = None
    service_areas: tuple[str, ...] = ()
    status_note: Fact | None = None
    emergency: bool = False
    description: str | None = None
    offers: tuple[str, ...] = ()
    target: Target = Target()
    access: Access = Access()
    contacts: tuple[Contact, ...] = ()
    opening_hours: Fact | None = None
    fees: Fact | None = None
    waiting_time: Fact | None = None
    address: Fact | None = None
    url: str | None = None
    alternatives: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    assured_date: str | None = None
    owner: str | None = None
    path: Path | None = field(default=None, compare=False, metadata={"internal": True})

    @property
    def available(self) -> bool:
        """Can it be offered? An uncertain record only when it says how to get in touch; otherwise it is a note
        ("the sources do not describe a kriseteam"), not a door."""
        return self.status == "active" or self.status == "uncertain" and self.actionable

    @property
    def actionable(self) -> bool:
        access = self.access
        return bool(self.contacts or self.url or self.address or access.referral_to or access.application_to
                    or access.referral_address or access.application_address
                    or access.self_referral is not None or access.gp_referral)

    def serves(self, kommune: str | None) -> bool:
        if kommune is None or self.level == "nasjonal":
            return True
        return self.kommune == kommune or kommune in self.service_areas

    def source(self, key: str | None) -> Source | None:
        return next((s for s in self.sources if s.key == key), None)


@dataclass(frozen=True)
class Kommune:
    id: str
    name: str
    sources: tuple[Source, ...]
    alternate_names: tuple[str, ...] = ()
    kommunenummer: str | None = None
    county: str | None = None
    health_trust: str | None = None
    description: str | None = None
    legevakt: Fact | None = None
    switchboard: Contact | None = None
    conflicts: tuple[Conflict, ...] = ()
    assured_date: str | None = None
    owner: str | None = None
    path: Path | None = field(default=None, compare=False, metadata={"internal": True})

    def source(self, key: str | None) -> Source | None:
        return next((s for s in self.sources if s.key == key), None)


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    area: str
    terms: tuple[str, ...]
    icpc: tuple[str, ...] = ()
    icd10: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    facet: str | None = None
    restricted: bool = False


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    title: str
    date: str
    short: str | None = None
    publisher: str | None = None
    kommune: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    sources: tuple[Source, ...]
    expansion: str | None = None
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One finding about a catalogue file, printed compiler-style."""

    path: Path
    line: int
    col: int
    severity: Literal["error", "warning"]
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"


@dataclass
class Catalogue:
    root: Path
    services: dict[str, Service] = field(default_factory=dict)
    kommuner: dict[str, Kommune] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    glossary: tuple[GlossaryTerm, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def source_label(self, source: Source) -> str:
        """Short human label for a source: 'Forvaltningsrevisjon Sandnes 2021, linje 783-788'."""
        if source.doc:
            doc = self.documents.get(source.doc)
            name = (doc.short or doc.title) if doc else source.doc
            return f"{name}, linje {source.lines}"
        date = source.page_date or source.seen
        return f"{source.title or source.url} ({source.url}, {date})" if source.title else f"{source.url} ({date})"

    def source_short(self, source: Source) -> str:
        """A stamp-sized name for a source: the document's short title, or a web page's site and date."""
        if source.doc:
            doc = self.documents.get(source.doc)
            return (doc.short or doc.title) if doc else source.doc
        site = (source.url or "").split("://", 1)[-1].split("/", 1)[0].removeprefix("www.")
        if source.page_date:
            return f"{site} {source.page_date}"
        return f"{site} (sett {source.seen})" if source.seen else site

    def source_date(self, source: Source) -> str | None:
        if source.doc:
            doc = self.documents.get(source.doc)
            return doc.date if doc else None
        return source.page_date or source.seen

    def services_for(self, kommune: str | None) -> tuple[Service, ...]:
        """A kommune's services with those that cover it and the national ones; for None, those with no kommune."""
        if kommune is None:
            return tuple(s for s in self.services.values() if s.kommune is None)
        return tuple(s for s in self.services.values() if s.serves(kommune))

    def require_kommune(self, text: str) -> Kommune:
        """Like find_kommune, but an unknown name is an error that says which kommuner there are."""
        kommune = self.find_kommune(text)
        if kommune is None:
            known = ", ".join(k.name for k in sorted(self.kommuner.values(), key=lambda k: k.name)) or "ingen"
            raise UnknownKommune(f"ukjent kommune '{text}'; katalogen har: {known}")
        return kommune

    def find_kommune(self, text: str | None) -> Kommune | None:
        """A kommune by id, name or alternate name, in any case; also as the assistant labels it, with its county
        in brackets («Nes (Akershus)»), which tells kommuner of the same name apart."""
        if not text:
            return None
        wanted = " ".join(text.split()).casefold()
        name, _, county = wanted.partition(" (")
        county = county.removesuffix(")") if county.endswith(")") else ""
        for candidate, in_county in ((wanted, ""), (name, county)) if county else ((wanted, ""),):
            candidate = candidate.removesuffix(" kommune")
            for kommune in self.kommuner.values():
                names = {kommune.id, kommune.name.casefold(), *(n.casefold() for n in kommune.alternate_names)}
                if in_county and (kommune.county or "").casefold() != in_county:
                    continue
                if candidate in names or candidate.replace(" ", "-") in names:
                    return kommune
        return None


def build(cls: type, data: dict[str, Any], **extra: Any) -> Any:
    """Build a frozen data class from schema-valid data, converting nested objects and lists."""
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    kwargs.update(extra)
    return cls(**kwargs)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(args[0], value) if value is not None and len(args) == 1 else value
    if origin is tuple and isinstance(value, list):
        (item,) = typing.get_args(hint)[:1]
        return tuple(_convert(item, v) for v in value)
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return build(hint, value)
    if hint is str and value is not None and not isinstance(value, str):
        return str(value)
    return value


def schema_fields(cls: type) -> set[str]:
    """The fields of a model class that the catalogue files hold (not the loader's own)."""
    return {f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
