"""Helpers for the service-owner tooling tests: the small catalogue in fixtures/catalog is copied to a temporary
directory (the `catalog` fixture in conftest.py), and a test drops broken files from fixtures/broken into it."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 6, 1)


def add_broken(root: Path, name: str, kommune: str = "testby") -> Path:
    target = root / kommune / name
    shutil.copy(FIXTURES / "broken" / name, target)
    return target


def check_lines(path: Path, **options) -> tuple[int, list[str]]:
    """Run `gpguide check` on a path as of TODAY; the exit code and the printed lines."""
    from gpguide.owner import check

    out = io.StringIO()
    code = check.run(path, out, today=TODAY, **options)
    return code, out.getvalue().splitlines()
