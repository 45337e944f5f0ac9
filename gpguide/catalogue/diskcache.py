"""A pickled copy of a validated catalogue, keyed by every file's size and mtime, to start fast."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from gpguide import __version__

if TYPE_CHECKING:
    from gpguide.catalogue.model import Catalogue


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gpguide"


def _fingerprint(root: Path, today: dt.date) -> str | None:
    digest = hashlib.sha256(f"{__version__}|{root.resolve()}|{today.isoformat()}".encode())
    try:
        schema_dir = Path(__file__).resolve().parents[1] / "schema"
        for path in sorted([*root.rglob("*.yaml"), *schema_dir.glob("*.json"), *Path(__file__).parent.glob("*.py")]):
            stat = path.stat()
            digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def cached(root: Path, today: dt.date, load: Callable[[], "Catalogue"]) -> "Catalogue":
    if not root.is_dir():
        return load()
    key = _fingerprint(root, today)
    if key is None:
        return load()
    path = cache_dir() / f"catalogue-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    catalogue = load()
    _write(path, catalogue)
    return catalogue


def _write(path: Path, catalogue: "Catalogue") -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("catalogue-*.pickle"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(catalogue, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass
