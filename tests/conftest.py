import os
import tempfile
from pathlib import Path

import pytest

# Keep the suite away from the user's cache and settings.
_HOME = tempfile.mkdtemp(prefix="gpguide-test-")
os.environ["XDG_CACHE_HOME"] = str(Path(_HOME) / "cache")
os.environ["XDG_CONFIG_HOME"] = str(Path(_HOME) / "config")
os.environ.pop("GPGUIDE_CATALOG", None)

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "catalog"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def catalogue():
    from gpguide.catalogue import load_catalogue

    return load_catalogue(CATALOG, cache=False)


@pytest.fixture(scope="session")
def engine(catalogue):
    from gpguide.search import Engine

    return Engine(catalogue)
