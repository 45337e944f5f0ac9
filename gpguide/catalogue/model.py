"""The catalogue as data classes. Field names mirror the JSON Schemas in gpguide/schema/."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from gpguide.files import printable

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
        return f"{printable(self.path)}:{self.line}:{self.col}: {self.severity}: {self.message}"


class KommuneName(NamedTuple):
    """What tells a kommune apart in a question or a list, without building it."""

    name: str
    alternate_names: tuple[str, ...]
    county: str | None


class Head(NamedTuple):
    """What the loader knows about a service without building it: where it is and whom it serves."""

    id: str
    folder: str
    file: str
    kommune: str | None
    service_areas: tuple[str, ...]
    level: str
    names: tuple[str, tuple[str, ...]]  # name, alternate names


@dataclass(frozen=True)
class Places:
    """Where each service is, in catalogue order: ids[n] is in file files[n] of the folder whose span covers n."""

    ids: Sequence[str] = ()
    files: Sequence[str] = ()
    spans: Sequence[tuple[str, int]] = ()  # (folder, position of its first service)

    @classmethod
    def of(cls, heads: Sequence[Head]) -> "Places":
        spans: list[tuple[str, int]] = []
        for n, head in enumerate(heads):
            if not spans or spans[-1][0] != head.folder:
                spans.append((head.folder, n))
        return cls([h.id for h in heads], [h.file for h in heads], spans)

    def where(self, n: int) -> tuple[str, str]:
        """The folder and file of service n."""
        return self.spans[bisect.bisect_right(self.spans, n, key=lambda span: span[1]) - 1][0], self.files[n]


class KeysFirst(Mapping[str, Any]):
    """A mapping whose keys are known before its values are read or built: membership, order and size come from
    `_keys` alone."""

    _keys: Collection[str]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class Services(KeysFirst):
    """The catalogue's services by id, in catalogue order. A service is built when it is first asked for, from
    its folder's data (read once per folder), so a question about one kommune never builds the others.
    `together`: the ids of services whose data is also kept in one place (those of no kommune, which every
    question without a kommune needs, from every folder), and a function that reads that data by id."""

    def __init__(self, root: Path, places: Places, folder_data: Callable[[str], Mapping[str, dict]],
                 together: tuple[frozenset[str], Callable[[], Mapping[str, dict]]] | None = None):
        self._root, self._places, self._folder_data = root, places, folder_data
        self._index = self._keys = dict(zip(places.ids, range(len(places.ids))))
        self._folders: dict[str, Mapping[str, dict]] = {}
        self._built: dict[str, Service] = {}
        self._together = together
        self._together_data: Mapping[str, dict] | None = None

    def __getitem__(self, service_id: str) -> Service:
        service = self._built.get(service_id)
        if service is None:
            folder, name = self._places.where(self._index[service_id])
            data = self._folders.get(folder)
            record = None
            if data is None and self._together is not None and service_id in self._together[0]:
                if self._together_data is None:
                    self._together_data = self._together[1]()
                record = self._together_data.get(service_id)
            if record is None:
                if data is None:
                    data = self._folders[folder] = self._folder_data(folder)
                record = data[name]
            service = self._built[service_id] = build(Service, record, path=self._root / folder / name)
        return service


class Lazy(KeysFirst):
    """A mapping whose values are built from their data when first asked for (the kommuner of a cached
    catalogue: a national one has hundreds)."""

    def __init__(self, data: Mapping[str, Any], make: Callable[[Any], Any]):
        self._data = self._keys = data
        self._make, self._built = make, {}  # type: ignore[var-annotated]

    def __getitem__(self, key: str) -> Any:
        if key not in self._built:
            self._built[key] = self._make(self._data[key])
        return self._built[key]


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


@dataclass(frozen=True)
class ServiceIndex:
    """Which services each kommune is offered, built once per catalogue. Services are numbered in catalogue
    order (ids[n]); the lists hold those numbers, in order."""

    ids: Sequence[str]
    local: Mapping[str, Sequence[int]]  # by kommune: its own services and those of its service areas
    national: Sequence[int]
    unplaced: Sequence[int]  # no kommune: national, specialist, regional

    @classmethod
    def of(cls, heads: Iterable[tuple[str, str | None, Sequence[str], str]]) -> "ServiceIndex":
        """From (id, kommune, service_areas, level) in catalogue order."""
        ids: list[str] = []
        local: dict[str, list[int]] = {}
        national: list[int] = []
        unplaced: list[int] = []
        for n, (service_id, kommune, areas, level) in enumerate(heads):
            ids.append(service_id)
            for place in dict.fromkeys([kommune, *areas] if kommune else areas):
                local.setdefault(place, []).append(n)
            if level == "nasjonal":
                national.append(n)
            if kommune is None:
                unplaced.append(n)
        return cls(ids, local, national, unplaced)

    def of_kommune(self, kommune: str | None) -> list[str]:
        if kommune is None:
            numbers: Iterable[int] = self.unplaced
        else:
            numbers = sorted({*self.local.get(kommune, ()), *self.national})
        return [self.ids[n] for n in numbers]


@dataclass(frozen=True)
class Kept:
    """Where data built from a cached catalogue may be kept (the catalogue's own cache folder), and the fingerprint
    of the catalogue as validated, which changes whenever it is validated again."""

    folder: Path
    fingerprint: str


@dataclass
class Catalogue:
    root: Path
    services: Mapping[str, Service] = field(default_factory=dict)
    kommuner: Mapping[str, Kommune] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    glossary: tuple[GlossaryTerm, ...] = ()
    problems: Sequence[Problem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    index: ServiceIndex | None = field(default=None, repr=False, compare=False)
    names: Sequence[tuple[str, Sequence[str]]] | None = field(default=None, repr=False, compare=False)
    kommune_labels: Mapping[str, KommuneName] | None = field(default=None, repr=False, compare=False)
    kept: Kept | None = field(default=None, repr=False, compare=False)  # None: nothing built from it is kept

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def services_for(self, kommune: str | None) -> tuple[Service, ...]:
        """For a kommune id: the services whose kommune it is or whose service_areas include it, and every national
        service. For None: every service that belongs to no kommune (national, specialist, regional). In
        catalogue order; other kommuner's services are never built."""
        if self.index is None:
            self.index = ServiceIndex.of((s.id, s.kommune, s.service_areas, s.level) for s in self.services.values())
        return tuple(self.services[i] for i in self.index.of_kommune(kommune))

    def service_names(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Every service's name and alternate names, by id in catalogue order, without building the services."""
        if self.names is None:
            return {s.id: (s.name, s.alternate_names) for s in self.services.values()}
        return {i: (name, tuple(others)) for i, (name, others) in zip(self.services, self.names)}

    def kommune_names(self) -> Mapping[str, KommuneName]:
        """Every kommune's name, alternate names and county, by id in catalogue order, without building them."""
        if self.kommune_labels is None:
            return {kid: KommuneName(k.name, k.alternate_names, k.county) for kid, k in self.kommuner.items()}
        return self.kommune_labels

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
        """A kommune by id, name or alternate name, in any case; also as the assistant labels it, with its county
        in brackets («Nes (Akershus)»), which tells kommuner of the same name apart."""
        if not text:
            return None
        wanted = " ".join(text.split()).casefold()
        if wanted.removesuffix(" kommune") in self.kommuner:  # the id: no need to build every kommune
            return self.kommuner[wanted.removesuffix(" kommune")]
        name, _, county = wanted.partition(" (")
        county = county.removesuffix(")") if county.endswith(")") else ""
        for candidate, in_county in ((wanted, ""), (name, county)) if county else ((wanted, ""),):
            candidate = candidate.removesuffix(" kommune")
            for kommune_id, known in self.kommune_names().items():
                names = {kommune_id, known.name.casefold(), *(n.casefold() for n in known.alternate_names)}
                if in_county and (known.county or "").casefold() != in_county:
                    continue
                if candidate in names or candidate.replace(" ", "-") in names:
                    return self.kommuner[kommune_id]
        return None


def build(cls: type, data: dict[str, Any], **extra: Any) -> Any:
    """Build a frozen data class from schema-valid data, converting nested objects and lists."""
    plan = _plan(cls)
    kwargs = {name: value if (convert := plan[name]) is None else convert(value)
              for name, value in data.items() if name in plan}
    kwargs.update(extra)
    return cls(**kwargs)


Convert = Callable[[Any], Any]


@functools.cache
def _plan(cls: type) -> dict[str, Convert | None]:
    """Each field with the conversion its type needs (None: the value is used as it is), worked out once."""
    hints = typing.get_type_hints(cls)
    return {f.name: _converter(hints[f.name]) for f in dataclasses.fields(cls)}


def _converter(hint: Any) -> Convert | None:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _converter(args[0]) if len(args) == 1 else None
        return None if inner is None else (lambda v: v if v is None else inner(v))
    if origin is tuple:
        if typing.get_args(hint)[0] is str:  # the most common kind, inlined
            return lambda v: tuple([x if x is None or isinstance(x, str) else str(x) for x in v]) \
                if isinstance(v, list) else v
        item = _converter(typing.get_args(hint)[0])
        if item is None:
            return lambda v: tuple(v) if isinstance(v, list) else v
        return lambda v: tuple([item(x) for x in v]) if isinstance(v, list) else v
    if dataclasses.is_dataclass(hint):
        return lambda v: build(hint, v) if isinstance(v, dict) else v  # type: ignore[arg-type]
    if hint is str:
        return lambda v: v if v is None or isinstance(v, str) else str(v)
    return None


def schema_fields(cls: type) -> set[str]:
    """The fields of a model class that the catalogue files hold (not the loader's own)."""
    return {f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
