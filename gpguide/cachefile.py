"""Data kept on disk between runs: checksummed JSON or marshal in a folder private to the user, never code.

A file starts with the SHA-256 of the rest. One that cannot be read, fails its checksum or is not what was
expected reads as None, and the caller builds the data again. Marshal (read_data, write_data) reads back at
about twice the speed of JSON and is used for the large files; what is written is plain data (dicts, lists,
strings, numbers), and nothing read is ever run. No patient text is ever written here."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gpguide.files import read_regular

MAX_BYTES = 512 << 20


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "gpguide"


def private_dir(*parts: str) -> Path | None:
    """A cache folder under cache_root(), or None when there is no private place for it (then nothing is
    cached): a folder someone else could write to would let them choose what we read back."""
    folder = cache_root().joinpath(*parts)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
        if (hasattr(os, "getuid") and info.st_uid != os.getuid()) or info.st_mode & 0o022:
            return None
    except OSError:
        return None
    return folder


def read_json(path: Path, checksum: str | None = None) -> Any:
    """The JSON in a cache file; None when it is missing, not a regular file, damaged, or not the version that
    was expected (checksum)."""
    return _read(path, checksum, json.loads)


def read_data(path: Path, checksum: str | None = None) -> Any:
    """read_json for a file written by write_data."""
    return _read(path, checksum, marshal.loads)


def _read(path: Path, checksum: str | None, decode: Callable[[bytes], Any]) -> Any:
    try:
        raw = read_regular(path, MAX_BYTES)
        head, _, body = raw.partition(b"\n")
        found = hashlib.sha256(body).hexdigest()
        if found.encode() != head or (checksum is not None and found != checksum):
            return None
        return decode(body)
    except (OSError, ValueError, TypeError, EOFError, RecursionError):
        return None


def write_json(folder: Path, name: str, data: Any) -> str | None:
    """Write atomically; the checksum, or None (and nothing left behind) when it cannot be written."""
    try:
        # ASCII: escapes parse faster than UTF-8 is decoded, and a name that is no UTF-8 comes back as it was.
        body = json.dumps(data, separators=(",", ":")).encode("ascii")
    except (ValueError, TypeError):
        return None
    return _write(folder, name, body)


def write_data(folder: Path, name: str, data: Any) -> str | None:
    """write_json in marshal's format, for plain data only (as JSON would take it, tuples aside)."""
    try:
        body = marshal.dumps(data)
    except ValueError:  # something that is not plain data
        return None
    return _write(folder, name, body)


def _write(folder: Path, name: str, body: bytes) -> str | None:
    import tempfile  # here, not at the top: a cached start writes nothing

    tmp = None
    try:
        checksum = hashlib.sha256(body).hexdigest()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(checksum.encode() + b"\n" + body)
        os.replace(tmp, folder / name)
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
