"""Read a catalogue directory into a Catalogue, collecting every problem as file:line instead of failing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Iterator

import yaml

from gpguide.catalogue import diskcache
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
)
from gpguide.catalogue.yamlpos import Path_, Positions, YamlTooComplex, parse

MAX_FILE_BYTES = 1_000_000
STALE_AFTER_DAYS = 365
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
            where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            reason = getattr(exc, "problem", None) or str(exc)
            return self._skip(path, where, f"YAML-syntaksfeil: {reason}")
        if not isinstance(data, dict):
            return self._skip(path, (1, 1), "filen skal inneholde et oppslag med felt (nøkkel: verdi), men er tom eller noe annet")
        data = _dates_to_text(data)
        errors = 0
        for where, message in schemas.explain(schema_name, data):
            self.problem(path, positions.of(where), message)
            errors += 1
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
            data, _ = parsed
            if schema_name == "sources":
                self.cat.documents = {k: build(Document, v, id=k) for k, v in data["documents"].items()}
            elif schema_name == "vocabulary":
                self.cat.concepts = {k: build(Concept, v, id=k) for k, v in data["concepts"].items()}
            else:
                self.cat.glossary = tuple(build(GlossaryTerm, t) for t in data["terms"])
        for concept in self.cat.concepts.values():
            for parent in concept.broader:
                if parent not in self.cat.concepts:
                    self.problem(self.root / "vocabulary.yaml", (1, 1), f"begrepet '{concept.id}' har ukjent bredere begrep '{parent}'")

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
            self.problem(path, positions.of(("id",)), f"id '{data['id']}' er allerede brukt i {other}")
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
            when = _parse_date(assured)
            if when and (self.today - when).days > STALE_AFTER_DAYS:
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


def _dates_to_text(value: Any) -> Any:
    """YAML reads 2021-11-01 as a date; the schemas want text."""
    if isinstance(value, dict):
        return {k: _dates_to_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_to_text(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value


def _parse_date(text: str) -> dt.date | None:
    parts = [int(p) for p in str(text).split("-")]
    try:
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
    except (ValueError, IndexError):
        return None


def _positions_of(path: Path | None) -> Positions | None:
    if path is None:
        return None
    try:
        return parse(path.read_text("utf-8"))[1]
    except (OSError, ValueError, yaml.YAMLError):
        return None
