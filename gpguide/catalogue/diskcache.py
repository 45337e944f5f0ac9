"""The validated catalogue kept on disk as data (checksummed marshal, never code), so the next start is fast.

Under $XDG_CACHE_HOME/gpguide/catalogues/ each catalogue directory has a folder of its own:
- manifest.marshal: what a start needs (where each service is, the index by kommune, kommuner, vocabulary,
  sources, glossary), valid for one scan digest (every file's name, size, times, inode and device) and a range
  of days (some checks depend on today's date);
- problems.marshal, names.marshal and kommuner.marshal: the problems, every service's names and every
  kommune's data, read only when asked for (the manifest has what tells the kommuner apart, and a kommune
  asked for on its own is built from its folder's shard);
- unplaced.marshal: the data of the services that belong to no kommune, which a question without a kommune needs
  from every folder;
- folder-*.marshal: per catalogue folder, each file's Record. A record is reused while its file's stat, or else
  its content hash, is unchanged, so only changed files are validated again;
- index-*.json: what the search builds from the catalogue (gpguide/search/kept.py), keyed by the catalogue's
  fingerprint (Kept) and dropped whenever the catalogue is validated again.
Every cache file starts with the SHA-256 of the rest. A file that cannot be read, fails its checksum or holds
something unexpected is ignored and rebuilt; nothing in it is ever executed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import os
import time
from pathlib import Path
from typing import Any, Callable, Mapping

from gpguide import __version__, cachefile
from gpguide.catalogue.load import (
    Assembled,
    Record,
    assemble,
    assemble_all,
    catalogue_of,
    examine_files,
    load_catalogue,
    record_for,
    schema_of,
    stand_in,
)
from gpguide.catalogue.model import Catalogue, Kept, KeysFirst, KommuneName, Later, Places, Problem, ServiceIndex
from gpguide.catalogue.scan import Key, Scan, scanning

FORMAT = 2
KEEP = 8  # catalogues kept side by side: another --catalog must not throw this one's cache away
UNUSED_DAYS = 60  # a catalogue's cache not used for this long is removed
_PACKAGE = Path(__file__).resolve().parents[1]


def cache_dir() -> Path:
    return cachefile.cache_root() / "catalogues"


def loading(root: Path, today: dt.date) -> Callable[[], Catalogue]:
    """Start the scan; the function returned loads the catalogue."""
    scanned = functools.cache(scanning(root))  # the scan, finished when first asked for
    return lambda: _load(root, today, scanned)


def _load(root: Path, today: dt.date, scanned: Callable[[], Scan]) -> Catalogue:
    home = _home(root)
    code = _code_key()
    # The manifest is read, and the catalogue it describes made, while the scan's helper may still work; that
    # catalogue is used only if the scan then agrees with the manifest.
    manifest = _read(home / "manifest.marshal") if home else None
    catalogue = None
    if home is not None and isinstance(manifest, dict):
        try:
            if manifest["built"] <= today.isoformat() < manifest["until"]:
                catalogue = _from_manifest(root, home, scanned, manifest)
                catalogue.kept = _kept(home, manifest)
        except (KeyError, TypeError, ValueError, AttributeError):
            catalogue = None
    found = scanned()
    digest = found.digest(code)
    if catalogue is not None and catalogue.kept is not None and manifest.get("digest") == digest:
        _touch(catalogue.kept.folder / "manifest.marshal")
        return catalogue
    old = manifest.get("folders") if isinstance(manifest, dict) and manifest.get("code") == code else None
    return _rebuild(root, home, found, today, code, digest, old if isinstance(old, dict) else {})


# ---------- reading ----------


def _from_manifest(root: Path, home: Path, scanned: Callable[[], Scan], manifest: dict[str, Any]) -> Catalogue:
    places = Places(manifest["ids"], manifest["files"], [tuple(span) for span in manifest["spans"]])
    if not (len(places.ids) == len(places.files) and set(map(type, places.ids)) <= {str}):
        raise ValueError("inconsistent manifest")
    # The problems and the services' names are kept in files of their own, read when first asked for; a damaged
    # one is worked out again from the catalogue itself.

    def problems() -> list[Problem]:
        try:
            return [Problem(root / rel, line, col, severity, message)
                    for rel, line, col, severity, message in _read(home / "problems.marshal", manifest["problems"])]
        except (TypeError, ValueError):
            return list(load_catalogue(root, dt.date.fromisoformat(manifest["built"]), cache=False).problems)

    def names() -> list[tuple[str, tuple[str, ...]]]:
        try:
            rows = [(name, tuple(others)) for name, others in _read(home / "names.marshal", manifest["names"])]
            if len(rows) == len(places.ids) and all(isinstance(n, str) for n, _ in rows):
                return rows
        except (TypeError, ValueError):
            pass
        return [(s.name, s.alternate_names) for s in services.values()]

    kommune_names = {kid: KommuneName(name, tuple(others), county)
                     for kid, (name, others, county) in manifest["kommune_names"].items()}
    kommuner_sum = manifest["kommuner"]
    own_files = frozenset(manifest["kommune_files"])
    shards = {folder: checksum for folder, (checksum, _) in manifest["folders"].items()}
    folder_data = functools.cache(lambda folder: _folder_data(root, home, folder, shards.get(folder), scanned()))

    def kommune(kid: str) -> tuple[str, dict[str, Any]] | None:
        """One kommune, from its folder (whose services a question about it reads anyway)."""
        data = folder_data(kid).get("kommune.yaml") if kid in own_files else stand_in(kid)
        return (kid, data) if isinstance(data, dict) else None

    def kommuner() -> Mapping[str, Any]:
        data = _read(home / "kommuner.marshal", kommuner_sum)
        if isinstance(data, dict) and data.keys() == kommune_names.keys():
            return data
        return assemble_all(root, dt.date.fromisoformat(manifest["built"]))[0].kommuner  # damaged: from the files

    assembled = Assembled(
        root=root,
        places=places,
        index=ServiceIndex(places.ids, **manifest["index"]),
        names=Later(names),
        kommuner=_Deferred(kommune_names, kommune, kommuner),
        kommune_names=kommune_names,
        shared=manifest["shared"],
        problems=Later(problems),  # type: ignore[arg-type]
        skipped=[root / rel for rel in manifest["skipped"]],
        valid_until=dt.date.fromisoformat(manifest["until"]),
    )
    unplaced_sum = manifest["unplaced"]

    def unplaced() -> Mapping[str, Any]:  # damaged: the services are built from their folders instead
        data = _read(home / "unplaced.marshal", unplaced_sum)
        return data if isinstance(data, dict) else {}

    together = (frozenset(places.ids[n] for n in assembled.index.unplaced), unplaced)
    catalogue = catalogue_of(assembled, folder_data, together)
    services = catalogue.services  # names() reads the services, not the catalogue: no cycle keeps it alive
    return catalogue


class _Deferred(KeysFirst):
    """A mapping whose keys are known at once. The first value asked for is read on its own (one); when another
    is asked for, all are read together (every)."""

    def __init__(self, keys: Mapping[str, Any], one: Callable[[str], Any], every: Callable[[], Mapping[str, Any]]):
        self._keys, self._one, self._every = keys, one, every
        self._first: tuple[str, Any] | None = None
        self._values: Mapping[str, Any] | None = None

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys:  # nothing is read to say so (a question without a kommune asks for "")
            raise KeyError(key)
        if self._values is None:
            if self._first is None:
                value = self._one(key)
                if value is not None:
                    self._first = (key, value)
                    return value
            elif self._first[0] == key:
                return self._first[1]
            self._values = self._every()
        return self._values[key]


def _folder_data(root: Path, home: Path, folder: str, checksum: str | None, found: Scan) -> Mapping[str, Any]:
    """The data of a folder's files, from its shard; from the files themselves should the shard be damaged."""
    records = _records(_read(home / _shard_name(folder), checksum), None) if checksum else None
    if records is None:
        records = {name: (key, record_for(root / folder / name, schema_of(folder, name)))
                   for name, key in found.files.get(folder, [])}
    return {name: record.data for name, (_, record) in records.items()}


# ---------- building ----------


def _rebuild(root: Path, home: Path | None, found: Scan, today: dt.date, code: str, digest: str,
             old: dict[str, Any]) -> Catalogue:
    folders = ["", *found.folders]
    keys = {folder: _folder_key(found.files.get(folder, [])) for folder in folders}
    # Folders whose files all kept their stat are read back from their shards as they are; in the others,
    # each file is reused by stat or content hash, and the rest examined, in worker processes if many.
    changed: dict[str, dict[str, Record | None]] = {}
    jobs: list[tuple[str, str]] = []
    for folder in folders:
        previous = old.get(folder)
        if home is not None and isinstance(previous, list) and len(previous) == 2 and previous[1] == keys[folder]:
            continue
        cached = (_records(_read(home / _shard_name(folder)), code) if home else None) or {}
        records: dict[str, Record | None] = {}
        changed[folder] = records
        for name, key in found.files.get(folder, []):
            cached_key, record = cached.get(name, ((), None))
            records[name] = record if record is not None and key and cached_key == key else None
            if records[name] is None:
                jobs.append((folder, name))
                records[name] = record  # the content hash may still match
    results = examine_files([(os.path.join(root, folder, name), schema_of(folder, name),
                              changed[folder][name].sha if changed[folder][name] else "")  # type: ignore[union-attr]
                             for folder, name in jobs])
    for (folder, name), record in zip(jobs, results):
        if record is not None:
            changed[folder][name] = record

    written: dict[str, list[str]] = {}  # folder → [checksum of its shard, key of its files]
    in_memory: dict[str, dict[str, Any]] = {}  # folders whose shard could not be written
    placeless: dict[tuple[str, str], dict[str, Any]] = {}  # (folder, file) → data of a service of no kommune

    def folder_records(folder: str) -> dict[str, Record]:
        records = _folder_records(folder)
        for name, record in records.items():
            if folder and name != "kommune.yaml" and record.data is not None and record.data.get("kommune") is None:
                placeless[(folder, name)] = record.data
        return records

    def _folder_records(folder: str) -> dict[str, Record]:
        entries = found.files.get(folder, [])
        if folder not in changed:
            checksum = old[folder][0]
            shard = _records(_read(home / _shard_name(folder), checksum), code)  # type: ignore[operator]
            if shard is not None and [(name, key) for name, (key, _) in shard.items()] == entries:
                written[folder] = [checksum, keys[folder]]
                return {name: record for name, (_, record) in shard.items()}
            changed[folder] = {name: record_for(root / folder / name, schema_of(folder, name)) for name, _ in entries}
        records: dict[str, Record] = changed.pop(folder)  # type: ignore[assignment]
        shard_data = {"code": code, "folder": folder,
                      "files": {name: [key, records[name].__dict__] for name, key in entries}}
        checksum = _write(home, _shard_name(folder), shard_data) if home else None
        if checksum is None:
            in_memory[folder] = {name: record.data for name, record in records.items()}
        else:
            written[folder] = [checksum, keys[folder]]
        return records

    assembled = assemble(found, today, folder_records)

    def folder_data(folder: str) -> Mapping[str, Any]:
        if folder in in_memory:
            return in_memory[folder]
        return _folder_data(root, home, folder, written[folder][0], found)  # type: ignore[arg-type]

    catalogue = catalogue_of(assembled, folder_data)
    if home is None or in_memory:
        return catalogue
    problems = [[os.path.relpath(p.path, root), p.line, p.col, p.severity, p.message] for p in assembled.problems]
    problems_sum = _write(home, "problems.marshal", problems)
    names_sum = _write(home, "names.marshal", assembled.names)
    places = assembled.places
    unplaced_sum = _write(home, "unplaced.marshal", {places.ids[n]: placeless[places.where(n)]
                                                     for n in assembled.index.unplaced})
    if problems_sum is None or names_sum is None or unplaced_sum is None:
        return catalogue
    kommuner_sum = _write(home, "kommuner.marshal", assembled.kommuner)
    if kommuner_sum is None:
        return catalogue
    index = dataclasses.asdict(assembled.index)
    del index["ids"]
    manifest = {
        "format": FORMAT, "version": __version__, "code": code, "digest": digest, "root": str(root),
        "built": today.isoformat(), "until": assembled.valid_until.isoformat(),
        "ids": assembled.places.ids, "files": assembled.places.files, "spans": assembled.places.spans,
        "index": index, "kommuner": kommuner_sum, "shared": assembled.shared,
        "kommune_names": {kid: tuple(k) for kid, k in assembled.kommune_names.items()},
        "kommune_files": [kid for kid, (folder, data) in assembled.kommuner.items() if data != stand_in(folder)],
        "skipped": [os.path.relpath(p, root) for p in assembled.skipped],
        "folders": written, "problems": problems_sum, "names": names_sum, "unplaced": unplaced_sum,
    }
    if _write(home, "manifest.marshal", manifest) is not None:
        _prune(home, {_shard_name(folder) for folder in written})
        catalogue.kept = _kept(home, manifest)
    return catalogue


def _kept(home: Path, manifest: dict[str, Any]) -> Kept:
    """The catalogue's fingerprint: its scan digest (which covers the code that validates it) and the day it was
    validated (some checks depend on the date)."""
    fingerprint = hashlib.sha256(f"{manifest['digest']}|{manifest['built']}".encode()).hexdigest()[:32]
    return Kept(home, fingerprint)


def _records(shard: Any, code: str | None) -> dict[str, tuple[Key, Record]] | None:
    """A shard's records by file name, or None when it is missing, damaged or from other code (code None:
    whatever code made it, as the manifest that names its checksum vouches for it)."""
    if not isinstance(shard, dict) or (code is not None and shard.get("code") != code):
        return None
    try:
        return {name: (tuple(key), Record(sha=r["sha"], data=r["data"], usable=r["usable"],
                                          problems=[tuple(p) for p in r["problems"]],  # type: ignore[misc]
                                          marks={k: tuple(v) for k, v in r["marks"].items()},  # type: ignore[misc]
                                          dates=[tuple(d) for d in r["dates"]],  # type: ignore[misc]
                                          rules=[tuple(f) for f in r["rules"]],  # type: ignore[misc]
                                          unit=r["unit"], reachable=r["reachable"]))
                for name, (key, r) in shard["files"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _folder_key(entries: list[tuple[str, Key]]) -> str:
    return hashlib.sha256(repr(entries).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _code_key() -> str:
    """Changes when the loader or the schemas change, so that their old verdicts are not reused."""
    parts = [__version__, str(FORMAT)]
    for path in sorted([*(_PACKAGE / "catalogue").glob("*.py"), _PACKAGE / "files.py", _PACKAGE / "cachefile.py",
                        *(_PACKAGE / "schema").glob("*.json")]):
        try:
            info = path.stat()
        except OSError:
            continue
        parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _shard_name(folder: str) -> str:
    return f"folder-{hashlib.sha256(folder.encode('utf-8', 'surrogateescape')).hexdigest()[:24]}.marshal"


# ---------- files ----------


def _home(root: Path) -> Path | None:
    """This catalogue's cache folder, or None when there is no private place for it (then nothing is cached)."""
    base = cachefile.private_dir("catalogues")
    if base is None:
        return None
    home = base / hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    try:
        home.mkdir(exist_ok=True, mode=0o700)
    except OSError:
        return None
    return home


_read = cachefile.read_data
_write = cachefile.write_data


def _touch(path: Path) -> None:
    """Marks a catalogue's cache as used, for pruning."""
    try:
        os.utime(path)
    except OSError:
        pass


def _prune(home: Path, shards: set[str]) -> None:
    """Drop this catalogue's files that the new manifest does not use (and what the search built from the old
    one, and the JSON files of the format before), temporary files left by a process that was killed, and the
    caches of catalogues that have not been used for long or are too many."""
    import shutil

    hour_ago = time.time() - 3600
    for path in home.iterdir():
        try:
            stale_tmp = path.name.startswith(".tmp-") and path.lstat().st_mtime < hour_ago
            if stale_tmp or (path.name.startswith("folder-") and path.name not in shards) or path.suffix == ".json":
                path.unlink()
        except OSError:
            pass
    others = []
    for sibling in home.parent.iterdir():
        try:
            others.append(((sibling / "manifest.marshal").stat().st_mtime, sibling))
        except OSError:  # not finished yet, perhaps by another process right now
            others.append((sibling.lstat().st_mtime, sibling))
    others.sort(reverse=True)
    cutoff = time.time() - UNUSED_DAYS * 86400
    for n, (used, sibling) in enumerate(others):
        if sibling != home and (n >= KEEP or used < cutoff) and sibling.is_dir() and not sibling.is_symlink():
            shutil.rmtree(sibling, ignore_errors=True)
    for old in home.parent.parent.glob("catalogue-*.pickle"):  # the cache format before this one
        old.unlink(missing_ok=True)
