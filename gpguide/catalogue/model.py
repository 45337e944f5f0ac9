"""The catalogue as data classes. Field names mirror the JSON Schemas in gpguide/schema/."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from gpguide.files import printable

Status = Literal["active", "planned", "closed", "uncertain", "absent"]
Level = Literal["kommune", "spesialist", "nasjonal", "frivillig", "interkommunal"]


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


@dataclass(frozen=True)
class Access:
    self_referral: bool | None = None
    gp_referral: Literal["required", "possible", "no"] | None = None
    application: bool | None = None
    application_to: str | None = None
    referral_to: str | None = None
    how: str | None = None
    referral_must_include: tuple[str, ...] = ()
    source: str | None = None


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
    broader: tuple[str, ...] = ()
    facet: str | None = None


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
        return f"{printable(self.path)}:{self.line}:{self.col}: {self.severity}: {self.message}"


class Head(NamedTuple):
    """What the catalogue knows about a service without reading it: where it is and whom it serves."""

    id: str
    folder: str
    file: str
    kommune: str | None
    service_areas: tuple[str, ...]
    level: str


class Services(Mapping[str, Service]):
    """The catalogue's services by id, in catalogue order. A service is built when it is first asked for, from
    its folder's data (read once per folder), so a question about one kommune never builds the others."""

    def __init__(self, root: Path, heads: Sequence[Head], folder_data: Callable[[str], Mapping[str, dict]]):
        self._root = root
        self._heads = {head.id: head for head in heads}
        self._folder_data = folder_data
        self._folders: dict[str, Mapping[str, dict]] = {}
        self._built: dict[str, Service] = {}

    def __getitem__(self, service_id: str) -> Service:
        service = self._built.get(service_id)
        if service is None:
            head = self._heads[service_id]
            data = self._folders.get(head.folder)
            if data is None:
                data = self._folders[head.folder] = self._folder_data(head.folder)
            service = self._built[service_id] = build(Service, data[head.file], path=self._root / head.folder / head.file)
        return service

    def __contains__(self, service_id: object) -> bool:
        return service_id in self._heads

    def __iter__(self) -> Iterator[str]:
        return iter(self._heads)

    def __len__(self) -> int:
        return len(self._heads)

    def heads(self) -> Iterator[Head]:
        return iter(self._heads.values())


class Later(Sequence[Any]):
    """A list that is read when it is first used (the problems of a cached catalogue)."""

    def __init__(self, load: Callable[[], list[Any]]):
        self._load: Callable[[], list[Any]] | None = load
        self._items: list[Any] = []

    def _all(self) -> list[Any]:
        if self._load is not None:
            self._items, self._load = self._load(), None
        return self._items

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())


@dataclass
class Catalogue:
    root: Path
    services: Mapping[str, Service] = field(default_factory=dict)
    kommuner: dict[str, Kommune] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    glossary: tuple[GlossaryTerm, ...] = ()
    problems: Sequence[Problem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    _reach: _Reach | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def services_for(self, kommune: str | None) -> tuple[Service, ...]:
        """For a kommune id: the services whose kommune it is or whose service_areas include it, and every national
        service. For None: every service that belongs to no kommune (national, specialist, regional). In
        catalogue order; other kommuner's services are never built."""
        if self._reach is None:
            self._reach = _Reach.of(self.services)
        if kommune is None:
            ids = self._reach.unplaced
        else:
            ids = self._reach.local.get(kommune, self._reach.national)
        return tuple(self.services[i] for i in ids)


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

    def require_kommune(self, text: str) -> Kommune:
        """Like find_kommune, but an unknown name is an error that says which kommuner there are."""
        kommune = self.find_kommune(text)
        if kommune is None:
            known = ", ".join(k.name for k in sorted(self.kommuner.values(), key=lambda k: k.name)) or "ingen"
            raise UnknownKommune(f"ukjent kommune '{text}'; katalogen har: {known}")
        return kommune

    def find_kommune(self, text: str | None) -> Kommune | None:
        """A kommune by id, name or alternate name, in any case."""
        if not text:
            return None
        wanted = text.strip().casefold().removesuffix(" kommune")
        for kommune in self.kommuner.values():
            names = {kommune.id, kommune.name.casefold(), *(n.casefold() for n in kommune.alternate_names)}
            if wanted in names or wanted.replace(" ", "-") in names:
                return kommune
        return None


@dataclass(frozen=True)
class _Reach:
    local: dict[str, tuple[str, ...]]  # by kommune: its own and its service areas' services, and the national ones
    national: tuple[str, ...]
    unplaced: tuple[str, ...]  # no kommune: national, specialist, regional

    @classmethod
    def of(cls, services: Mapping[str, Service]) -> "_Reach":
        heads = services.heads() if isinstance(services, Services) else (
            Head(s.id, "", "", s.kommune, s.service_areas, s.level) for s in services.values())
        local: dict[str, list[str]] = {}
        national, unplaced = [], []
        for head in heads:
            for place in dict.fromkeys(((head.kommune,) if head.kommune else ()) + head.service_areas):
                local.setdefault(place, []).append(head.id)
            if head.level == "nasjonal":
                national.append(head.id)
            if head.kommune is None:
                unplaced.append(head.id)
        order = {service_id: n for n, service_id in enumerate(services)}
        return cls({place: tuple(sorted({*ids, *national}, key=order.__getitem__)) for place, ids in local.items()},
                   tuple(national), tuple(unplaced))


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
