"""Read a catalogue directory into a Catalogue, collecting every problem as file:line instead of failing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Iterator

import yaml

from gpguide.catalogue import diskcache
from gpguide.catalogue import rules
from gpguide.catalogue import schema as schemas
from gpguide.catalogue.model import (
    Catalogue,
    Concept,
    Document,
    GlossaryTerm,
    Kommune,
    Problem,
    Service,
    build,
    is_stale,
)
from gpguide.catalogue.yamlpos import Path_, Positions, YamlTooComplex, parse

MAX_FILE_BYTES = 1_000_000
SHARED_FILES = {"sources.yaml": "sources", "vocabulary.yaml": "vocabulary", "glossary.yaml": "glossary"}


def default_catalog_dir() -> Path:
    """$GPGUIDE_CATALOG, or the catalogue bundled with the source tree."""
    env = os.environ.get("GPGUIDE_CATALOG")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "catalog"


def load_catalogue(root: Path | str | None = None, today: dt.date | None = None, cache: bool = True) -> Catalogue:
    """Load and validate a catalogue. A validated copy is cached on disk (catalogue data only, never questions)
    and reused until a file changes; set GPGUIDE_NO_CACHE=1 or cache=False to skip it."""
    root = Path(root) if root is not None else default_catalog_dir()
    today = today or dt.date.today()
    if not cache or os.environ.get("GPGUIDE_NO_CACHE"):
        return _Loader(root, today).load()
    return diskcache.cached(root, today, lambda: _Loader(root, today).load())


def check_file(path: Path | str, today: dt.date | None = None) -> Catalogue:
    """Validate one file on its own, outside a catalogue: schema, dates, sources and ages, but not the
    references that need the rest of the catalogue (concepts, documents, other services)."""
    path = Path(path)
    loader = _Loader(path.parent, today or dt.date.today())
    schema_name = SHARED_FILES.get(path.name) or ("kommune" if path.name == "kommune.yaml" else "service")
    if schema_name == "service":
        loader._load_service(path, None)
    else:
        parsed = loader.read(path, schema_name)
        if parsed is not None and schema_name == "kommune":
            loader._check_sources(path, *parsed)
    return loader.cat


class _Loader:
    def __init__(self, root: Path, today: dt.date):

        self.root = root
        self.today = today
        self.cat = Catalogue(root=root)

    def problem(self, path: Path, where: tuple[int, int], message: str, severity: str = "error") -> None:
        self.cat.problems.append(Problem(path, where[0], where[1], severity, message))  # type: ignore[arg-type]

    def load(self) -> Catalogue:
        if not self.root.is_dir():
            self.problem(self.root, (1, 1), "fant ikke katalogmappen; angi riktig mappe med --catalog eller GPGUIDE_CATALOG")
            return self.cat
        self._load_shared()
        for directory in sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            self._load_directory(directory)
        self._check_references()
        rules.check_catalogue(self.cat, self.problem)  # per-service rules across files: gpguide/catalogue/rules.py
        if not self.cat.services and not self.cat.errors:
            self.problem(self.root, (1, 1), "katalogen inneholder ingen tjenester")
        return self.cat

    # ---------- reading ----------

    def read(self, path: Path, schema_name: str) -> tuple[Any, Positions] | None:
        """Parse and schema-check one file. Returns None (file skipped) when it has errors."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return self._skip(path, (1, 1), f"kan ikke lese filen: {exc.strerror or exc}")
        if len(raw) > MAX_FILE_BYTES:
            return self._skip(path, (1, 1), f"filen er for stor ({len(raw) // 1024} kB; grensen er {MAX_FILE_BYTES // 1024} kB)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            return self._skip(path, (line, col), "filen er ikke UTF-8; lagre den som UTF-8")
        try:
            data, positions = parse(text)
        except YamlTooComplex as exc:
            return self._skip(path, (exc.line, exc.col), str(exc))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            if "end of stream" in (getattr(exc, "problem", None) or "") and getattr(exc, "context_mark", None):
                mark = exc.context_mark  # an unclosed quote: point at where it opens, not at the end of the file
            where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            return self._skip(path, where, f"YAML-syntaksfeil: {_yaml_reason(exc)}")
        if not isinstance(data, dict):
            return self._skip(path, (1, 1), "filen skal inneholde et oppslag med felt (nøkkel: verdi), men er tom eller noe annet")
        data = _without_blanks(_dates_to_text(data))
        # Repeated keys and future dates are errors to fix, but the file stays usable (YAML keeps the last value).
        for key_path, where, first in positions.duplicates:
            self.problem(path, where, f"feltet '{key_path[-1]}' står to ganger (første gang på linje {first[0]}); "
                                      "bare den siste verdien blir brukt")
        errors = 0
        for where, message in schemas.explain(schema_name, data):
            if message.startswith("mangler påkrevd felt") and tuple(where) in positions.marks:
                message = f"påkrevd felt '{where[-1]}' er tomt; fyll det ut"  # written, but left empty
            self.problem(path, positions.of(where), message)
            errors += 1
        if not errors:
            for where, message, breaks in _date_problems(data, self.today):
                self.problem(path, positions.of(where), message)
                errors += breaks
        if errors:
            self.cat.skipped.append(path)
            return None
        return data, positions

    def _skip(self, path: Path, where: tuple[int, int], message: str) -> None:
        self.problem(path, where, message)
        self.cat.skipped.append(path)
        return None

    # ---------- shared files ----------

    def _load_shared(self) -> None:
        for name, schema_name in SHARED_FILES.items():
            path = self.root / name
            if not path.exists():
                if name != "glossary.yaml":
                    self.problem(path, (1, 1), f"mangler {name}", "warning")
                continue
            parsed = self.read(path, schema_name)
            if parsed is None:
                continue
            data, positions = parsed
            if schema_name == "sources":
                self.cat.documents = {k: build(Document, v, id=k) for k, v in data["documents"].items()}
            elif schema_name == "vocabulary":
                self.cat.concepts = {k: build(Concept, v, id=k) for k, v in data["concepts"].items()}
                for concept in self.cat.concepts.values():
                    for i, parent in enumerate(concept.broader):
                        if parent not in self.cat.concepts:
                            hint = schemas.did_you_mean(parent, self.cat.concepts)
                            self.problem(path, positions.of(("concepts", concept.id, "broader", i)),
                                         f"begrepet '{concept.id}' har ukjent bredere begrep '{parent}'"
                                         + (f" ({hint}?)" if hint else ""))
            else:
                self.cat.glossary = tuple(build(GlossaryTerm, t) for t in data["terms"])

    # ---------- per directory ----------

    def _load_directory(self, directory: Path) -> None:
        kommune_file = directory / "kommune.yaml"
        is_kommune = kommune_file.exists()
        if is_kommune:
            parsed = self.read(kommune_file, "kommune")
            if parsed is not None:
                data, positions = parsed
                if data["id"] != directory.name:
                    self.problem(kommune_file, positions.of(("id",)), f"id '{data['id']}' skal være mappenavnet '{directory.name}'")
                elif self._check_sources(kommune_file, data, positions):
                    switchboard = data.get("switchboard", {})
                    if "source" not in switchboard and any(k in switchboard for k in ("name", "phone", "email")):
                        self.problem(kommune_file, positions.of(("switchboard",)), "navn, telefon eller e-post uten kilde",
                                     "warning")
                    self.cat.kommuner[data["id"]] = build(Kommune, data, path=kommune_file)
        for path in sorted(directory.glob("*.yaml")):
            if path.name != "kommune.yaml":
                self._load_service(path, directory.name if is_kommune else None)

    def _load_service(self, path: Path, kommune: str | None) -> None:
        parsed = self.read(path, "service")
        if parsed is None:
            return
        data, positions = parsed
        ok = self._check_sources(path, data, positions)
        ok &= self._check_service(path, data, positions, kommune)
        if not ok:
            self.cat.skipped.append(path)
            return
        if data["id"] in self.cat.services:
            other = self.cat.services[data["id"]].path
            self.problem(path, positions.of(("id",)), f"id '{data['id']}' er allerede brukt i {_relative(other, self.root)}")
            self.cat.skipped.append(path)
            return
        self._warn_service(path, data, positions)
        self.cat.services[data["id"]] = build(Service, data, path=path)

    def _check_sources(self, path: Path, data: dict, positions: Positions) -> bool:
        ok = True
        keys: set[str] = set()
        for i, source in enumerate(data.get("sources", [])):
            if source["key"] in keys:
                self.problem(path, positions.of(("sources", i, "key")), f"kildenøkkelen '{source['key']}' er brukt to ganger")
                ok = False
            keys.add(source["key"])
            if "doc" in source and self.cat.documents and source["doc"] not in self.cat.documents:
                hint = schemas.did_you_mean(source["doc"], self.cat.documents)
                self.problem(path, positions.of(("sources", i, "doc")),
                             f"ukjent kildedokument '{source['doc']}'" + (f" ({hint}?)" if hint else "") + "; se sources.yaml")
                ok = False
        for where, key in _source_refs(data):
            if key not in keys:
                hint = schemas.did_you_mean(key, keys)
                self.problem(path, positions.of(where), f"kilden '{key}' finnes ikke under sources" + (f" ({hint}?)" if hint else ""))
                ok = False
        return ok

    def _check_service(self, path: Path, data: dict, positions: Positions, kommune: str | None) -> bool:
        ok = True
        target = data.get("target", {})
        for field, concepts in (("offers", data.get("offers", [])), ("problems", target.get("problems", []))):
            where_base = ("offers",) if field == "offers" else ("target", "problems")
            for i, concept in enumerate(concepts):
                if self.cat.concepts and concept not in self.cat.concepts:
                    hint = schemas.did_you_mean(concept, self.cat.concepts)
                    self.problem(path, positions.of(where_base + (i,)),
                                 f"ukjent begrep '{concept}'" + (f" ({hint}?)" if hint else "") + "; se vocabulary.yaml")
                    ok = False
        low, high = target.get("min_age"), target.get("max_age")
        if low is not None and high is not None and low > high:
            self.problem(path, positions.of(("target", "max_age")), f"umulig aldersspenn: min_age {low} er høyere enn max_age {high}")
            ok = False
        if kommune is not None and data.get("kommune") != kommune and kommune not in data.get("service_areas", []):
            where = positions.of(("kommune",)) if "kommune" in data else positions.of(("id",))
            self.problem(path, where, f"tjenester i mappen '{kommune}' skal ha kommune: {kommune} (eller {kommune} i service_areas)")
            ok = False
        return ok

    def _warn_service(self, path: Path, data: dict, positions: Positions) -> None:
        def warn(where: Path_, message: str) -> None:
            self.problem(path, positions.of(where), message, "warning")

        if not data.get("sources"):
            warn(("id",), "ingen kilde: oppgi hvor opplysningene kommer fra under sources")
        for i, contact in enumerate(data.get("contacts", [])):
            if "source" not in contact and any(k in contact for k in ("name", "phone", "email")):
                warn(("contacts", i), "navn, telefon eller e-post uten kilde")
        assured = data.get("assured_date")
        if assured is None:
            warn(("id",), "assured_date mangler: ingen tjenesteeier har bekreftet opplysningene")
        else:
            if is_stale(assured, self.today):
                warn(("assured_date",), f"assured_date {assured} er eldre enn 12 måneder")
        access = data.get("access", {})
        if data.get("status") == "active" and not (data.get("contacts") or data.get("url") or data.get("address")
                                                    or access.get("referral_to") or access.get("application_to")):
            warn(("id",), "ingen kontaktvei: verken kontakt, adresse, url eller hvor henvisning/søknad sendes")

    # ---------- across files ----------

    def _check_references(self) -> None:
        for service in self.cat.services.values():
            positions = None
            for field in ("alternatives", "related"):
                for i, ref in enumerate(getattr(service, field)):
                    if ref not in self.cat.services:
                        positions = positions or _positions_of(service.path)
                        hint = schemas.did_you_mean(ref, self.cat.services)
                        where = positions.of((field, i)) if positions else (1, 1)
                        self.problem(service.path, where, f"ukjent tjeneste '{ref}' i {field}" + (f" ({hint}?)" if hint else ""))
            for area in service.service_areas:
                if self.cat.kommuner and area not in self.cat.kommuner:
                    positions = positions or _positions_of(service.path)
                    where = positions.of(("service_areas",)) if positions else (1, 1)
                    self.problem(service.path, where, f"ukjent kommune '{area}' i service_areas", "warning")


def _source_refs(data: dict) -> Iterator[tuple[Path_, str]]:
    """Every `source:` and `conflicts[].sources[]` reference outside the sources list itself."""

    def walk(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "source" and isinstance(child, str):
                    yield path + (key,), child
                elif key == "sources" and path and isinstance(child, list):
                    for i, ref in enumerate(child):
                        if isinstance(ref, str):
                            yield path + (key, i), ref
                elif not (key == "sources" and not path):
                    yield from walk(child, path + (key,))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                yield from walk(child, path + (i,))

    return walk(data, ())


_BLANK = object()


def _without_blanks(value: Any) -> Any:
    """A field left empty means «not known» (the scaffold says: la stå tom hvis ukjent – aldri gjett), so empty
    values are dropped, and so are objects and lists that held nothing else. A required field left empty is then
    reported as missing, on its own line."""

    def strip(item: Any) -> Any:
        if item is None:
            return _BLANK
        if isinstance(item, dict):
            kept = {k: v for k, v in ((k, strip(v)) for k, v in item.items()) if v is not _BLANK}
            return _BLANK if item and not kept else kept
        if isinstance(item, list):
            kept_items = [v for v in (strip(v) for v in item) if v is not _BLANK]
            return _BLANK if item and not kept_items else kept_items
        return item

    result = strip(value)
    return {} if result is _BLANK else result


def _dates_to_text(value: Any) -> Any:
    """YAML reads 2021-11-01 as a date; the schemas want text."""
    if isinstance(value, dict):
        return {k: _dates_to_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_to_text(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value


def _date_problems(data: Any, today: dt.date) -> Iterator[tuple[Path_, str, bool]]:
    """Dates the schema pattern lets through but the calendar does not (2024-02-30: the file is skipped),
    and dates in the future (a typo to fix; the file is still used)."""

    def walk(value: Any, path: Path_) -> Iterator[tuple[Path_, str, bool]]:
        if isinstance(value, dict):
            for key, child in value.items():
                if key in schemas.DATE_FIELDS and isinstance(child, str):
                    message = schemas.date_message(key, child)
                    if message:
                        yield path + (key,), message, True
                    elif _first_day(child) > today:
                        yield path + (key,), f"datoen '{child}' i '{key}' ligger i fremtiden (i dag er {today.isoformat()})", False
                else:
                    yield from walk(child, path + (key,))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                yield from walk(child, path + (i,))

    return walk(data, ())


def _first_day(text: str) -> dt.date:
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


YAML_REASONS = {  # libyaml's and PyYAML's wording, by the start of the problem text
    "mapping values are not allowed": "kolon på feil sted: står det et kolon inne i en tekst, sett teksten i "
                                      "anførselstegn; ellers er innrykket feil",
    "could not find expected ':'": "fant ikke forventet kolon etter feltnavnet (feil innrykk eller manglende anførselstegn?)",
    "did not find expected key": "fant ikke forventet felt; sjekk innrykket (like mange mellomrom som linjen over)",
    "did not find expected '-' indicator": "fant ikke forventet listestrek '-'; sjekk innrykket i listen",
    "did not find expected ',' or ']'": "fant ikke forventet komma eller ] i listen",
    "did not find expected ',' or '}'": "fant ikke forventet komma eller } i oppslaget",
    "did not find expected node content": "mangler en verdi her",
    "block sequence entries are not allowed": "listestrek på feil sted; sjekk innrykket",
    "found unexpected end of stream": "filen slutter før teksten er avsluttet (mangler et avsluttende anførselstegn?)",
    "found a tab character": "tabulator er ikke tillatt i YAML; bruk mellomrom",
    "found character '\\t' that cannot start any token": "tabulator er ikke tillatt i YAML; bruk mellomrom",
    "found character that cannot start any token": "tegnet kan ikke starte en verdi (tabulator, @ eller `?); sett "
                                                   "teksten i anførselstegn og bruk mellomrom i stedet for tabulator",
    "found undefined alias": "ukjent alias (*navn); skriv verdien helt ut",
    "found unknown escape character": "ugyldig escape-tegn etter \\ i tekst med doble anførselstegn; bruk enkle "
                                      "anførselstegn",
    "found duplicate anchor": "samme anker (&navn) er brukt to ganger",
    "expected <block end>": "feil innrykk: linjen passer ikke med innrykket til linjene rundt",
    "did not find expected <document start>": "filen skal inneholde ett dokument; fjern '---' og teksten etter",
    "expected a single document": "filen skal inneholde ett dokument; fjern '---' midt i filen",
    "but found another document": "filen skal inneholde ett dokument; fjern '---' midt i filen",
}


def _yaml_reason(exc: yaml.YAMLError) -> str:
    """PyYAML's reason in Norwegian where we know it, with the original for anything else."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    for english, norwegian in YAML_REASONS.items():
        if english in problem:
            return norwegian
    return f"{problem} ({context})" if context else problem


def _relative(path: Path | None, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root)) if path else "en annen fil"
    except ValueError:
        return str(path)


def _positions_of(path: Path | None) -> Positions | None:
    if path is None:
        return None
    try:
        return parse(path.read_text("utf-8"))[1]
    except (OSError, ValueError, yaml.YAMLError):
        return None
