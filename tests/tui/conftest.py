"""Shared set-up for the TUI tests: an isolated config and cache directory, and the fixture catalogue."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything reads them at import time: never touch the real ~/.config or ~/.cache.
_HOME = tempfile.mkdtemp(prefix="gpguide-tui-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")
os.environ.pop("GPGUIDE_CATALOG", None)

from tui_helpers import FIXTURE_CATALOG  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own XDG_CONFIG_HOME and XDG_CACHE_HOME."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GPGUIDE_CATALOG", raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def catalogue():
    """A small, fixed catalogue copied from the bundled one (for deterministic answers and snapshots)."""
    from gpguide.catalogue import load_catalogue

    loaded = load_catalogue(FIXTURE_CATALOG, cache=False)
    assert loaded.services and not loaded.skipped, [str(p) for p in loaded.errors]
    return loaded


@pytest.fixture(scope="session")
def bundled_catalogue():
    """The real, bundled catalogue (others are still adding files: assert only on stable facts)."""
    from gpguide.catalogue import load_catalogue

    return load_catalogue(cache=False)
