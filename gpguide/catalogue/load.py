"""Read a catalogue directory into a Catalogue, collecting every problem as file:line instead of failing.

A load has two steps. Each file is first examined on its own: read, parsed, checked against its schema and the
rules about one service (the slow part; the cache keeps the result per file as a Record). Then the records are put
together: references between files, kommune folders, duplicate ids, the units services belong to, and dates
against today."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import marshal
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from gpguide.catalogue import forked, rules
from gpguide.catalogue import schema as schemas
from gpguide.catalogue.model import (
    Catalogue,
    Concept,
    Document,
    GlossaryTerm,
    Head,
    Kommune,
    KommuneName,
    Lazy,
    Places,
    STALE_AFTER_DAYS,
    Problem,
    ServiceIndex,
    Services,
    build,
    is_stale,
    parse_date,
)
from gpguide.catalogue.scan import REQUIRED_FILES, SHARED_FILES, Scan, scan
from gpguide.files import read_regular, reason

if TYPE_CHECKING:
    from gpguide.catalogue.yamlpos import Path_

MAX_FILE_BYTES = 1_000_000
PARALLEL_FROM = 1500  # files to examine; for fewer, a helper process costs more than it saves
CHUNKS = 128  # the files to examine are taken in turns in this many chunks (at most 256)


def default_catalog_dir() -> Path:
    """$GPGUIDE_CATALOG, or the bundled catalogue: catalog/ at the top of the source tree, which the wheel ships
    as the package data of gpguide._catalog (see setup.py)."""
    env = os.environ.get("GPGUIDE_CATALOG")
    if env:
        return Path(env)
    installed = Path(__file__).parent.parent / "_catalog"  # importlib.resources would say the same, slower to import
    if installed.is_dir():
        return installed
    # An editable install or a checkout: setuptools' editable finder cannot expose a data-only subpackage that
    # lives outside the package directory, so the source tree's own catalog/ is used, as it should be.
    return Path(__file__).resolve().parents[2] / "catalog"


def load_catalogue(root: Path | str | None = None, today: dt.date | None = None, cache: bool = True) -> Catalogue:
    """Load and validate a catalogue. A validated copy is cached on disk (catalogue data only, never questions)
    and reused until a file changes; set GPGUIDE_NO_CACHE=1 or cache=False to skip it."""
    return loading(root, today, cache)()


def loading(root: Path | str | None = None, today: dt.date | None = None,
            cache: bool = True) -> Callable[[], Catalogue]:
    """load_catalogue in two steps: this call starts the load, the function returned finishes it. The caller may
    work in between, while a helper process looks at a national catalogue's files."""
    root = Path(root) if root is not None else default_catalog_dir()
    today = today or dt.date.today()
    if not root.is_dir():
        catalogue = Catalogue(root=root)
        catalogue.problems = [Problem(root, 1, 1, "error", "fant ikke katalogmappen; angi riktig mappe med --catalog "
                                                           "eller GPGUIDE_CATALOG")]
        return lambda: catalogue
    finish = functools.partial(_load, root, today)
    if cache and not os.environ.get("GPGUIDE_NO_CACHE"):
        from gpguide.catalogue import diskcache

        with _collector_paused():
            finish = diskcache.loading(root, today)

    def finished() -> Catalogue:
        with _collector_paused():
            return finish()

    return finished


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A load makes hundreds of thousands of lasting objects and next to no cycles, which the cyclic garbage
    collector would scan again and again; worker processes forked meanwhile inherit the pause."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _load(root: Path, today: dt.date) -> Catalogue:
    assembled, data = assemble_all(root, today)
    return catalogue_of(assembled, data.__getitem__)


def assemble_all(root: Path, today: dt.date) -> tuple[Assembled, dict[str, dict[str, Any]]]:
    """Every file examined, without a cache, and put together; with every folder's data ({file name: data})."""
    found = scan(root)
    jobs = [(folder, name) for folder, entries in found.files.items() for name, _ in entries]
    examined = examine_files([(os.path.join(root, folder, name), schema_of(folder, name), "") for folder, name in jobs])
    records: dict[str, dict[str, Record]] = {folder: {} for folder in found.files}
    for (folder, name), record in zip(jobs, examined):
        records[folder][name] = record  # type: ignore[assignment]
    assembled = assemble(found, today, lambda folder: records.get(folder, {}))
    return assembled, {folder: {name: r.data for name, r in entries.items()} for folder, entries in records.items()}


def check_file(path: Path | str, today: dt.date | None = None) -> Catalogue:
    """Validate one file on its own, outside a catalogue: schema, dates, sources and ages, but not the
    references that need the rest of the catalogue (concepts, documents, other services)."""
    path = Path(path)
    assembly = Assembly(path.parent, today or dt.date.today())
    schema_name = SHARED_FILES.get(path.name) or ("kommune" if path.name == "kommune.yaml" else "service")
    record = record_for(path, schema_name)
    if schema_name == "service":
        assembly.service("", path.name, record, kommune=None)
    else:
        assembly.file("", path.name, record, schema_name, kommune=None)
    assembled = assembly.finish(check_references=False)
    return catalogue_of(assembled, lambda folder: {path.name: record.data})


def schema_of(folder: str, name: str) -> str:
    if not folder:
        return SHARED_FILES[name]
    return "kommune" if name == "kommune.yaml" else "service"


# ---------- step 1: one file on its own ----------


@dataclass
class Record:
    """One file after the checks that need nothing but the file: what the cache keeps per file."""

    sha: str = ""  # of the bytes read; "" when the file could not be read
    data: dict[str, Any] | None = None  # None: not even the checks that need other files can be made
    usable: bool = False  # the file has no error of its own
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)  # line, col, severity, message
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)  # where later checks point ("offers/2")
    dates: list[tuple[str, str, int, int]] = field(default_factory=list)  # field, date, line, col
    # A usable service's findings by the rules about one service (rules.py), and what the unit rule needs:
    rules: list[tuple[int, int, str, str]] = field(default_factory=list)  # line, col, severity, message
    unit: str | None = None  # the service it is part_of
    reachable: bool = False  # it has a published contact with a source

    def problem(self, where: tuple[int, int], message: str, severity: str = "error") -> None:
        self.problems.append((where[0], where[1], severity, message))

    def at(self, *path: str | int) -> tuple[int, int]:
        return _at(self.marks, path)


def _at(marks: dict[str, tuple[int, int]], path: tuple[str | int, ...]) -> tuple[int, int]:
    """Where a marked field is; its parent's place when it was not marked."""
    return marks.get("/".join(map(str, path))) or marks.get("/".join(map(str, path[:-1]))) or (1, 1)


def record_for(path: Path | str, schema_name: str, cached: Record | None = None) -> Record:
    """Read and examine one file; a cached record of the same bytes is reused."""
    record = _record(path, schema_name, cached.sha if cached else "")
    return record or cached  # type: ignore[return-value]


def _record(path: Path | str, schema_name: str, known_sha: str) -> Record | None:
    """The file's record, or None when its content hash is known_sha (nothing changed)."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except OSError as exc:
        record = Record()
        record.problem((1, 1), f"kan ikke lese filen: {reason(exc)}")
        return record
    sha = hashlib.sha256(raw).hexdigest()
    return None if sha == known_sha else examine(raw, schema_name, sha)


def examine_files(jobs: list[tuple[str, str, str]]) -> list[Record | None]:
    """_record for many (path, schema name, known sha) jobs; when there are many of them and a core to spare, this
    process and a forked helper take chunks of them in turn: parsing is most of a cold load."""
    if len(jobs) < PARALLEL_FROM or not forked.can_fork():
        return [_record(*job) for job in jobs]
    size = max(-(-len(jobs) // CHUNKS), 1)
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    tickets = forked.Tickets(len(chunks))

    def helper() -> dict[int, bytes]:
        done = {}
        try:
            for n in tickets:
                done[n] = _examine_chunk(chunks[n])
        except (OSError, RuntimeError):  # the chunk that failed is left to this process
            pass
        return done

    wait = forked.start(helper)
    try:
        mine = {n: [_record(*job) for job in chunks[n]] for n in tickets}
    finally:
        tickets.close()
        theirs = wait() if wait is not None else None
    records: list[Record | None] = []
    for n, chunk in enumerate(chunks):
        if n in mine:
            records.extend(mine[n])
        else:
            part = theirs.get(n) if isinstance(theirs, dict) else None
            fields = marshal.loads(part) if isinstance(part, bytes) else None
            if isinstance(fields, list) and len(fields) == len(chunk):
                records.extend(None if f is None else Record(*f) for f in fields)
            else:  # the helper failed
                records.extend(_record(*job) for job in chunk)
    return records


def _examine_chunk(jobs: list[tuple[str, str, str]]) -> bytes:
    """The helper's records, as their fields, marshalled chunk by chunk while the work is still shared: records
    hold only what JSON can (the cache keeps them as JSON), and marshal carries that at half the cost of pickling."""
    records = [_record(*job) for job in jobs]
    return marshal.dumps([None if r is None else tuple(r.__dict__.values()) for r in records])


def examine(raw: bytes, schema_name: str, sha: str = "") -> Record:
    from gpguide.catalogue.yamlpos import YamlProblem, parse  # here: a cached start needs no YAML

    record = Record(sha=sha)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1: exc.start].decode("utf-8", "replace")) + 1
        record.problem((line, col), "filen er ikke UTF-8; lagre den som UTF-8")
        return record
    try:
        data, positions = parse(text)
    except YamlProblem as exc:
        record.problem((exc.line, exc.col), str(exc))
        return record
    for line, col, message in positions.invalid:
        record.problem((line, col), message)
    if positions.invalid:
        return record
    if not isinstance(data, dict):
        record.problem((1, 1), "filen skal inneholde et oppslag med felt (nøkkel: verdi), men er tom eller noe annet")
        return record
    # Repeated keys are errors to fix, but the file stays usable (YAML keeps the last value).
    for key_path, where, first in positions.duplicates:
        record.problem(where, f"feltet '{key_path[-1]}' står to ganger (første gang på linje {first[0]}); "
                              "bare den siste verdien blir brukt")
    if not schemas.is_valid(schema_name, data):
        errors = list(schemas.explain(schema_name, data))
        for where, message in errors:
            if message.startswith("mangler påkrevd felt") and tuple(where) in positions.marks:
                message = f"påkrevd felt '{where[-1]}' er tomt; fyll det ut"  # written, but left empty
            record.problem(positions.of(where), message)
        if errors:
            return record
    usable = True
    source_refs, dates = _references_in(data)
    for where, key, value in dates:
        message = schemas.date_message(key, value)
        line, col = positions.of(where)
        if message:
            record.problem((line, col), message)
            usable = False
        else:
            record.dates.append((key, value, line, col))
    if not usable:
        return record

    def mark(*path: str | int) -> None:
        record.marks["/".join(map(str, path))] = positions.of(path)

    if schema_name in ("service", "kommune"):
        usable &= _check_sources(record, data, positions, source_refs)
        for i, source in enumerate(data.get("sources", [])):
            if "doc" in source:
                mark("sources", i, "doc")
        mark("id")
    if schema_name == "service":
        target = data.get("target", {})
        low, high = target.get("min_age"), target.get("max_age")
        if low is not None and high is not None and low > high:
            record.problem(positions.of(("target", "max_age")), f"umulig aldersspenn: min_age {low} er høyere enn max_age {high}")
            usable = False
        _warn_service(record, data, positions)
        for key in ("kommune", "service_areas"):
            mark(key)
        for key in ("offers", "alternatives", "related"):
            for i, _ in enumerate(data.get(key, [])):
                mark(key, i)
        for i, _ in enumerate(target.get("problems", [])):
            mark("target", "problems", i)
        if usable:
            _apply_rules(record, data, positions)
            if record.unit is not None:
                mark("part_of", "service")
    elif schema_name == "kommune":
        switchboard = data.get("switchboard", {})
        if "source" not in switchboard and any(k in switchboard for k in ("name", "phone", "email")):
            record.problem(positions.of(("switchboard",)), "navn, telefon eller e-post uten kilde", "warning")
    elif schema_name == "vocabulary":
        for concept_id, concept in data["concepts"].items():
            for i, parent in enumerate(concept.get("broader", [])):
                if parent not in data["concepts"]:
                    hint = schemas.did_you_mean(parent, data["concepts"])
                    record.problem(positions.of(("concepts", concept_id, "broader", i)),
                                   f"begrepet '{concept_id}' har ukjent bredere begrep '{parent}'" + (f" ({hint}?)" if hint else ""))
    record.data, record.usable = data, usable
    return record


def _apply_rules(record: Record, data: dict, positions: Any) -> None:
    def at(where: Path_, message: str, severity: str = "error") -> None:
        record.rules.append((*positions.of(where), severity, message))

    rules.check_service(data, at)
    record.unit = rules.unit_of(data)
    record.reachable = rules.has_sourced_contact(data)


def _check_sources(record: Record, data: dict, positions: Any, refs: list[tuple[Path_, str]]) -> bool:
    ok = True
    keys: set[str] = set()
    for i, source in enumerate(data.get("sources", [])):
        if source["key"] in keys:
            record.problem(positions.of(("sources", i, "key")), f"kildenøkkelen '{source['key']}' er brukt to ganger")
            ok = False
        keys.add(source["key"])
    for where, key in refs:
        if key not in keys:
            hint = schemas.did_you_mean(key, keys)
            record.problem(positions.of(where), f"kilden '{key}' finnes ikke under sources" + (f" ({hint}?)" if hint else ""))
            ok = False
    return ok


def _warn_service(record: Record, data: dict, positions: Any) -> None:
    def warn(where: Path_, message: str) -> None:
        record.problem(positions.of(where), message, "warning")

    if not data.get("sources"):
        warn(("id",), "ingen kilde: oppgi hvor opplysningene kommer fra under sources")
    for i, contact in enumerate(data.get("contacts", [])):
        if "source" not in contact and any(k in contact for k in ("name", "phone", "email")):
            warn(("contacts", i), "navn, telefon eller e-post uten kilde")
    if data.get("assured_date") is None:
        warn(("id",), "assured_date mangler: ingen tjenesteeier har bekreftet opplysningene")
    access = data.get("access", {})
    if data.get("status") == "active" and not (data.get("contacts") or data.get("url") or data.get("address")
                                                or access.get("referral_to") or access.get("application_to")):
        warn(("id",), "ingen kontaktvei: verken kontakt, adresse, url eller hvor henvisning/søknad sendes")


def _references_in(data: Any) -> tuple[list[tuple[Path_, str]], list[tuple[Path_, str, str]]]:
    """Every `source:` and `conflicts[].sources[]` reference outside the sources list itself, and every date
    field, as (path, key) and (path, field, text)."""
    refs: list[tuple[Path_, str]] = []
    dates: list[tuple[Path_, str, str]] = []

    def walk(value: Any, path: Path_) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "source" and isinstance(child, str):
                    refs.append((path + (key,), child))
                elif key in schemas.DATE_FIELDS and isinstance(child, str):
                    dates.append((path + (key,), key, child))
                elif key == "sources" and path and isinstance(child, list):
                    refs.extend((path + (key, i), ref) for i, ref in enumerate(child) if isinstance(ref, str))
                elif isinstance(child, (dict, list)):
                    walk(child, path + (key,))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    walk(child, path + (i,))

    walk(data, ())
    return refs, dates


# ---------- step 2: the records put together ----------


@dataclass
class Assembled:
    """A catalogue's contents apart from the services' own data, which stays in its folder until asked for."""

    root: Path
    places: Places
    index: ServiceIndex
    names: Sequence[tuple[str, Sequence[str]]]  # each service's name and alternate names, as in places
    kommuner: Mapping[str, tuple[str, dict[str, Any]]]  # id → (folder, data): the file's, or the folder's stand-in
    kommune_names: Mapping[str, KommuneName]  # id → what tells it apart, in the same order
    shared: dict[str, dict[str, Any]]  # schema name → validated data of vocabulary, sources, glossary
    problems: Sequence[Problem]
    skipped: list[Path]
    valid_until: dt.date  # the first day on which a date check would come out differently


def assemble(found: Scan, today: dt.date, folder_records: Any) -> Assembled:
    """Put a scanned catalogue's records together; folder_records(folder) gives {file name: Record}."""
    assembly = Assembly(found.root, today)
    assembly.problems.extend(found.problems)
    shared = folder_records("")
    for name in REQUIRED_FILES:
        if name not in shared:
            assembly.problem(found.root / name, (1, 1), f"mangler {name}; uten den kan katalogen ikke kontrolleres")
    for name, schema_name in SHARED_FILES.items():
        if name in shared:
            assembly.file("", name, shared[name], schema_name, kommune=None)
    for folder in found.folders:
        assembly.folder(folder, folder_records(folder))
    return assembly.finish()


class Assembly:
    def __init__(self, root: Path, today: dt.date):
        self.root, self.today = root, today
        self.problems: list[Problem] = []
        self.skipped: list[Path] = []
        self.heads: list[Head] = []
        self.kommuner: dict[str, tuple[str, dict[str, Any]]] = {}
        self.shared: dict[str, dict[str, Any]] = {}
        self.links: dict[tuple[str, str], _Links] = {}
        self.until = dt.date.max
        self._bases: dict[str, Path] = {}
        self._paths: dict[tuple[str, str], Path] = {}

    def path(self, folder: str, name: str) -> Path:
        """The file's path, made once: the checks of a file, and those across files, report at it."""
        path = self._paths.get((folder, name))
        if path is None:
            base = self._bases.get(folder)
            if base is None:
                base = self._bases[folder] = self.root / folder
            path = self._paths[(folder, name)] = base / name
        return path

    def problem(self, path: Path, where: tuple[int, int], message: str, severity: str = "error") -> None:
        self.problems.append(Problem(path, where[0], where[1], severity, message))  # type: ignore[arg-type]

    def file(self, folder: str, name: str, record: Record, schema_name: str, kommune: str | None) -> bool:
        """Report a record's problems and the checks that need the rest of the catalogue; True when usable.
        Warnings are only given for files that are used."""
        path = self.path(folder, name)
        for line, col, severity, message in record.problems:
            if severity == "error":
                self.problem(path, (line, col), message)
        data = record.data
        ok = record.usable
        if data is not None and schema_name in ("service", "kommune"):
            ok &= self._references(path, record, data, schema_name, kommune)
        stale = None
        for key, value, line, col in record.dates:
            first = _first_day(value)
            if first > self.today:
                self.problem(path, (line, col), f"datoen '{value}' i '{key}' ligger i fremtiden (i dag er "
                                                f"{self.today.isoformat()})")
                self.until = min(self.until, first)
            elif key == "assured_date" and schema_name == "service":
                if is_stale(value, self.today):
                    stale = (line, col, f"assured_date {value} er eldre enn 12 måneder")
                else:
                    self.until = min(self.until, (parse_date(value) or first) + dt.timedelta(days=STALE_AFTER_DAYS + 1))
        if not ok:
            self.skipped.append(path)
            return False
        for line, col, severity, message in [*record.problems, *([(*stale[:2], "warning", stale[2])] if stale else [])]:
            if severity == "warning":
                self.problem(path, (line, col), message, "warning")
        if folder == "" and data is not None:
            self.shared[schema_name] = data
        return True

    def _references(self, path: Path, record: Record, data: dict, schema_name: str, kommune: str | None) -> bool:
        ok = True
        concepts = self.shared.get("vocabulary", {}).get("concepts", {})
        documents = self.shared.get("sources", {}).get("documents", {})
        if documents:
            for i, source in enumerate(data.get("sources", [])):
                if "doc" in source and source["doc"] not in documents:
                    hint = schemas.did_you_mean(source["doc"], documents)
                    self.problem(path, record.at("sources", i, "doc"), f"ukjent kildedokument '{source['doc']}'"
                                 + (f" ({hint}?)" if hint else "") + "; se sources.yaml")
                    ok = False
        if schema_name != "service":
            return ok
        if concepts:
            target = data.get("target", {})
            for where, listed in ((("offers",), data.get("offers", [])), (("target", "problems"), target.get("problems", []))):
                for i, concept in enumerate(listed):
                    if concept not in concepts:
                        hint = schemas.did_you_mean(concept, concepts)
                        self.problem(path, record.at(*where, i),
                                     f"ukjent begrep '{concept}'" + (f" ({hint}?)" if hint else "") + "; se vocabulary.yaml")
                        ok = False
        if kommune is not None and data.get("kommune") != kommune and kommune not in data.get("service_areas", []):
            where = record.at("kommune") if "kommune" in data else record.at("id")
            self.problem(path, where, f"tjenester i mappen '{kommune}' skal ha kommune: {kommune} (eller {kommune} i service_areas)")
            ok = False
        return ok

    def folder(self, folder: str, records: Mapping[str, Record]) -> None:
        kommune_file = self.root / folder / "kommune.yaml"
        own = records.get("kommune.yaml")
        is_kommune = own is not None or any(r.data is not None and r.data.get("kommune") == folder
                                            for r in records.values())
        if own is not None:
            usable = self.file(folder, "kommune.yaml", own, "kommune", kommune=None)
            if usable and own.data is not None and own.data["id"] != folder:
                self.problem(kommune_file, own.at("id"), f"id '{own.data['id']}' skal være mappenavnet '{folder}'")
                self.skipped.append(kommune_file)
                usable = False
            if usable and own.data is not None:
                self.kommuner[folder] = (folder, own.data)
            else:
                self.problem(kommune_file, (1, 1), f"kommune.yaml har feil og brukes ikke: tjenestene i mappen vises under "
                                                   f"kommunen «{stand_in(folder)['name']}», men uten legevakt og "
                                                   "sentralbord, til feilene er rettet")
        elif is_kommune:
            self.problem(kommune_file, (1, 1), f"mangler kommune.yaml: tjenestene i mappen har kommune: {folder}; lag "
                                               "filen (se docs/tjenesteeiere.md) så legevakt og sentralbord kommer med")
        if is_kommune and folder not in self.kommuner:
            self.kommuner[folder] = (folder, stand_in(folder))
        for name, record in records.items():
            if name != "kommune.yaml":
                self.service(folder, name, record, folder if is_kommune else None)

    def service(self, folder: str, name: str, record: Record, kommune: str | None) -> None:
        if self.file(folder, name, record, "service", kommune) and record.data is not None:
            data = record.data
            self.heads.append(Head(data["id"], folder, name, data.get("kommune"), tuple(data.get("service_areas", ())),
                                   data["level"], (data["name"], tuple(data.get("alternate_names", ())))))
            self.links[(folder, name)] = _Links(record.marks, tuple(data.get("alternatives", ())),
                                                tuple(data.get("related", ())), record.rules, record.unit,
                                                record.reachable, data.get("status", "active"))

    def finish(self, check_references: bool = True) -> Assembled:
        counts = Counter(head.id for head in self.heads)
        twins = {service_id for service_id, n in counts.items() if n > 1}
        for head in self.heads:
            if head.id in twins:
                others = [f"{h.folder}/{h.file}".lstrip("/") for h in self.heads if h.id == head.id and h is not head]
                path = self.root / head.folder / head.file
                self.problem(path, self.links[(head.folder, head.file)].at("id"),
                             f"id '{head.id}' er også brukt i {', '.join(others)}; ingen av filene brukes før hver "
                             "tjeneste har sin egen id")
                self.skipped.append(path)
        heads = [head for head in self.heads if head.id not in twins]
        if check_references:
            known = {head.id for head in heads} | twins
            for head in heads:
                self._cross_references(head, known)
        if not heads and not any(p.severity == "error" for p in self.problems):
            self.problem(self.root, (1, 1), "katalogen inneholder ingen tjenester")
        if check_references:
            self._rules(heads)
        return Assembled(self.root, Places.of(heads),
                         ServiceIndex.of((h.id, h.kommune, h.service_areas, h.level) for h in heads),
                         [h.names for h in heads], self.kommuner,
                         {kid: KommuneName(data["name"], tuple(data.get("alternate_names", ())), data.get("county"))
                          for kid, (_, data) in self.kommuner.items()},
                         self.shared, self.problems, self.skipped, self.until)

    def _rules(self, heads: list[Head]) -> None:
        """The findings of the rules about what services say (rules.py): each file's own, then the unit rule."""
        found = [(head, self.links[(head.folder, head.file)]) for head in heads]
        units = {head.id: (links.unit, links.reachable) for head, links in found}
        statuses = {head.id: links.status for head, links in found}
        for head, links in found:
            path = self.path(head.folder, head.file)
            for line, col, severity, message in links.rules:
                self.problem(path, (line, col), message, severity)
            if links.unit is not None:
                def at(where: Path_, message: str, severity: str = "error", path: Path = path, links: _Links = links) -> None:
                    self.problem(path, links.at(*where), message, severity)

                rules.check_unit(head.id, units, at)
                rules.check_unit_status(head.id, links.unit, statuses, at)

    def _cross_references(self, head: Head, known: set[str]) -> None:
        links = self.links[(head.folder, head.file)]
        for key, refs in (("alternatives", links.alternatives), ("related", links.related)):
            for i, ref in enumerate(refs):
                if ref in known:
                    continue
                hint = schemas.did_you_mean(ref, known)
                self.problem(self.path(head.folder, head.file), links.at(key, i),
                             f"ukjent tjeneste '{ref}' i {key}" + (f" ({hint}?)" if hint else ""))
        for area in head.service_areas:
            if self.kommuner and area not in self.kommuner:
                self.problem(self.path(head.folder, head.file), links.at("service_areas"),
                             f"ukjent kommune '{area}' i service_areas", "warning")


@dataclass(frozen=True)
class _Links:
    """A service's references to others, and where its fields are, for the checks that need every file first."""

    marks: dict[str, tuple[int, int]]
    alternatives: tuple[str, ...]
    related: tuple[str, ...]
    rules: list[tuple[int, int, str, str]]
    unit: str | None
    reachable: bool
    status: str

    def at(self, *path: str | int) -> tuple[int, int]:
        return _at(self.marks, path)


def stand_in(folder: str) -> dict[str, Any]:
    """A kommune known only by its folder: its services are still found under it."""
    return {"id": folder, "name": folder.replace("-", " ").title(), "sources": []}


def _first_day(text: str) -> dt.date:
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def catalogue_of(assembled: Assembled, folder_data: Any,
                 together: tuple[frozenset[str], Callable[[], Mapping[str, dict]]] | None = None) -> Catalogue:
    """The Catalogue; services are built from folder_data(folder) ({file name: data}) when first asked for (see
    Services for `together`)."""
    root = assembled.root
    shared = assembled.shared
    return Catalogue(
        root=root,
        services=Services(root, assembled.places, folder_data, together),
        kommuner=Lazy(assembled.kommuner, lambda entry: build(Kommune, entry[1], path=root / entry[0] / "kommune.yaml")),
        concepts={k: build(Concept, v, id=k) for k, v in shared.get("vocabulary", {}).get("concepts", {}).items()},
        documents={k: build(Document, v, id=k) for k, v in shared.get("sources", {}).get("documents", {}).items()},
        glossary=tuple(build(GlossaryTerm, t) for t in shared.get("glossary", {}).get("terms", [])),
        problems=assembled.problems,
        skipped=assembled.skipped,
        index=assembled.index,
        names=assembled.names,
        kommune_labels=assembled.kommune_names,
    )
