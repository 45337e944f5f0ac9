"""The validated catalogue kept on disk as data (checksummed JSON, never code), so the next start is fast.

Under $XDG_CACHE_HOME/gpguide/catalogues/ each catalogue directory has a folder of its own:
- manifest.json: what a start needs (service heads, kommuner, vocabulary, sources, glossary), valid for one scan
  digest (every file's name, size, times, inode and device) and a range of days (date checks depend on today);
- problems.json: the problems, read only when something asks for them;
- folder-*.json: per catalogue folder, each file's Record, reused while the file's stat, or else its content
  hash, is the same, so only changed files are validated again.
Every cache file starts with the SHA-256 of the rest. A file that cannot be read, fails its checksum or holds
something unexpected is ignored and rebuilt; nothing is ever executed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Mapping

from gpguide import __version__
from gpguide.catalogue.load import Assembled, Record, assemble, catalogue_of, load_catalogue, record_for, schema_of
from gpguide.catalogue.model import Catalogue, Head, Later, Problem
from gpguide.catalogue.scan import Found, Scan, scan
from gpguide.files import read_regular

FORMAT = 1
KEEP = 8  # catalogues kept side by side (another --catalog must not throw this one's cache away)
UNUSED_DAYS = 60  # a catalogue cache not used for this long is removed
MAX_BYTES = 512 << 20
_PACKAGE = Path(__file__).resolve().parents[1]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "gpguide" / "catalogues"


def load(root: Path, today: dt.date) -> Catalogue:
    found = scan(root)
    home = _home(root)
    digest = found.digest(_code_key())
    manifest = _read(home / "manifest.json") if home else None
    if home is not None and manifest is not None and manifest.get("digest") == digest:
        try:
            if manifest["built"] <= today.isoformat() < manifest["until"]:
                catalogue = _from_manifest(root, home, found, manifest)
                _touch(home / "manifest.json")
                return catalogue
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    return _rebuild(root, home, found, today, digest)


# ---------- reading ----------


def _from_manifest(root: Path, home: Path, found: Scan, manifest: dict[str, Any]) -> Catalogue:
    assembled = Assembled(
        root=root,
        heads=[Head(service_id, folder, name, kommune, tuple(areas), level)
               for folder, name, service_id, kommune, areas, level in manifest["heads"]],
        kommuner={kid: (folder, data) for kid, (folder, data) in manifest["kommuner"].items()},
        shared=manifest["shared"],
        problems=[],
        skipped=[root / rel for rel in manifest["skipped"]],
        valid_until=dt.date.fromisoformat(manifest["until"]),
    )
    shards: dict[str, str] = manifest["folders"]
    files = _by_folder(found)

    def problems() -> list[Problem]:
        rows = _read(home / "problems.json", manifest["problems"])
        if rows is not None:
            try:
                return [Problem(root / rel, line, col, severity, message) for rel, line, col, severity, message in rows]
            except (TypeError, ValueError):
                pass
        return list(load_catalogue(root, today=dt.date.fromisoformat(manifest["built"]), cache=False).problems)

    return catalogue_of(assembled, lambda folder: _folder_data(root, home, folder, shards.get(folder), files),
                        Later(problems))


def _folder_data(root: Path, home: Path, folder: str, checksum: str | None, files: dict[str, list[Found]]
                 ) -> Mapping[str, Any]:
    """The data of a folder's files, from its shard; from the files themselves should the shard be damaged."""
    shard = _read(home / _shard_name(folder), checksum) if checksum else None
    if shard is not None:
        try:
            return {name: entry[1]["data"] for name, entry in shard["files"].items()}
        except (KeyError, TypeError, IndexError):
            pass
    return {f.name: record_for(root / folder / f.name, schema_of(folder, f.name)).data for f in files.get(folder, [])}


# ---------- building ----------


def _rebuild(root: Path, home: Path | None, found: Scan, today: dt.date, digest: str) -> Catalogue:
    files = _by_folder(found)
    code = _code_key()
    written: dict[str, str] = {}  # folder → checksum of its shard
    in_memory: dict[str, dict[str, Any]] = {}  # folders whose shard could not be written

    def folder_records(folder: str) -> dict[str, Record]:
        old, checksum = _read_checked(home / _shard_name(folder)) if home else (None, None)
        cached = _records(old, code)
        records: dict[str, Record] = {}
        keys: dict[str, tuple[int, ...]] = {}
        changed = len(cached) != len(files.get(folder, []))
        for f in files.get(folder, []):
            key, record = cached.get(f.name, ((), None))
            if record is None or not f.key or key != f.key:
                record = record_for(root / folder / f.name, schema_of(folder, f.name), record)
                changed = True
            records[f.name], keys[f.name] = record, f.key
        if changed or checksum is None:
            shard = {"code": code, "folder": folder,
                     "files": {name: [keys[name], record.__dict__] for name, record in records.items()}}
            checksum = _write(home, _shard_name(folder), shard) if home else None
        if checksum is None:
            in_memory[folder] = {name: record.data for name, record in records.items()}
        else:
            written[folder] = checksum
        return records

    assembled = assemble(found, today, folder_records)

    def folder_data(folder: str) -> Mapping[str, Any]:
        if folder in in_memory:
            return in_memory[folder]
        return _folder_data(root, home, folder, written.get(folder), files)  # type: ignore[arg-type]

    catalogue = catalogue_of(assembled, folder_data)
    if home is None or len(written) < len(found.folders) + 1:
        return catalogue
    problems = [[_relative(p.path, root), p.line, p.col, p.severity, p.message] for p in assembled.problems]
    problems_sum = _write(home, "problems.json", problems)
    if problems_sum is None:
        return catalogue
    manifest = {
        "format": FORMAT, "version": __version__, "digest": digest, "root": str(root),
        "built": today.isoformat(), "until": assembled.valid_until.isoformat(),
        "heads": [[h.folder, h.file, h.id, h.kommune, list(h.service_areas), h.level] for h in assembled.heads],
        "kommuner": assembled.kommuner, "shared": assembled.shared,
        "skipped": [_relative(p, root) for p in assembled.skipped],
        "folders": written, "problems": problems_sum,
    }
    if _write(home, "manifest.json", manifest) is not None:
        _prune(home, {_shard_name(folder) for folder in written})
    return catalogue


def _records(shard: dict[str, Any] | None, code: str) -> dict[str, tuple[tuple[int, ...], Record]]:
    if shard is None or shard.get("code") != code:
        return {}
    try:
        return {name: (tuple(key), Record(sha=record["sha"], data=record["data"], usable=record["usable"],
                                          problems=[tuple(p) for p in record["problems"]],  # type: ignore[misc]
                                          marks={k: tuple(v) for k, v in record["marks"].items()},  # type: ignore[misc]
                                          dates=[tuple(d) for d in record["dates"]]))  # type: ignore[misc]
                for name, (key, record) in shard["files"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return {}


def _by_folder(found: Scan) -> dict[str, list[Found]]:
    files: dict[str, list[Found]] = {}
    for f in found.files:
        files.setdefault(f.folder, []).append(f)
    return files


def _code_key() -> str:
    """Changes when the loader or the schemas change, so their old verdicts are not reused."""
    parts = [__version__, str(FORMAT)]
    for path in sorted([*(_PACKAGE / "catalogue").glob("*.py"), _PACKAGE / "files.py", *(_PACKAGE / "schema").glob("*.json")]):
        try:
            info = path.stat()
        except OSError:
            continue
        parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _shard_name(folder: str) -> str:
    return f"folder-{hashlib.sha256(folder.encode('utf-8', 'surrogateescape')).hexdigest()[:24]}.json"


def _relative(path: Path, root: Path) -> str:
    return os.path.relpath(path, root)


# ---------- files ----------


def _home(root: Path) -> Path | None:
    """This catalogue's cache folder, or None when there is no private place for it (then nothing is cached)."""
    base = cache_dir()
    try:
        base.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = base.stat()
        if (hasattr(os, "getuid") and info.st_uid != os.getuid()) or info.st_mode & 0o022:
            return None  # someone else could write what we read back
        home = base / hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
        home.mkdir(exist_ok=True, mode=0o700)
    except OSError:
        return None
    return home


def _read(path: Path, checksum: str | None = None) -> Any:
    """The JSON stored in a cache file, or None when it is missing, not a regular file, damaged, or not the
    version expected (checksum)."""
    data, found = _read_checked(path)
    return data if checksum is None or found == checksum else None


def _read_checked(path: Path) -> tuple[Any, str | None]:
    try:
        raw = read_regular(path, MAX_BYTES)
        head, _, body = raw.partition(b"\n")
        checksum = hashlib.sha256(body).hexdigest()
        if checksum.encode() != head:
            return None, None
        data = json.loads(body)
    except (OSError, ValueError):
        return None, None
    return (data, checksum) if isinstance(data, (dict, list)) else (None, None)


def _touch(path: Path) -> None:
    """Marks a cache as used, for pruning."""
    try:
        os.utime(path)
    except OSError:
        pass


def _write(home: Path, name: str, data: Any) -> str | None:
    """Write atomically; the checksum, or None (and nothing left behind) when it cannot be written."""
    tmp = None
    try:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogateescape")
        checksum = hashlib.sha256(body).hexdigest()
        fd, tmp = tempfile.mkstemp(dir=home, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "wb") as handle:
            handle.write(checksum.encode() + b"\n" + body)
        os.replace(tmp, home / name)
        tmp = None
        return checksum
    except (OSError, ValueError, TypeError):
        return None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(home: Path, shards: set[str]) -> None:
    """Drop this catalogue's files that the new manifest does not use, temporary files left by a process that
    was killed, and whole caches of catalogues that have not been used for long or are too many."""
    hour_ago = time.time() - 3600
    for path in home.iterdir():
        try:
            stale_tmp = path.name.startswith(".tmp-") and path.lstat().st_mtime < hour_ago
            if stale_tmp or (path.name.startswith("folder-") and path.name not in shards):
                path.unlink()
        except OSError:
            pass
    others = []
    for sibling in home.parent.iterdir():
        try:
            others.append(((sibling / "manifest.json").stat().st_mtime, sibling))
        except OSError:  # not finished yet, perhaps by another process right now
            others.append((sibling.lstat().st_mtime, sibling))
    others.sort(reverse=True)
    cutoff = time.time() - UNUSED_DAYS * 86400
    for n, (used, sibling) in enumerate(others):
        if sibling != home and (n >= KEEP or used < cutoff) and not sibling.is_symlink():
            shutil.rmtree(sibling, ignore_errors=True)
    for old in home.parent.parent.glob("catalogue-*.pickle"):  # the cache format before this one
        old.unlink(missing_ok=True)
