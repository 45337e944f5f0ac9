"""Fixtures for the service-owner tooling tests (helpers live in owner_helpers.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from owner_helpers import FIXTURES


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A copy of the small test catalogue (one kommune, Testby), safe to change."""
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog", root)
    return root
