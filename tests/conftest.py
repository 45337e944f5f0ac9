import os
import shutil
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


@pytest.fixture
def bundled(tmp_path):
    """A copy of the bundled catalogue, safe to break."""
    root = tmp_path / "catalog"
    shutil.copytree(CATALOG, root)
    return root


@pytest.fixture(scope="session")
def engine(catalogue):
    from gpguide.search import Engine

    return Engine(catalogue)


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test if anything opens an internet socket or resolves a host name (local socketpairs are fine)."""
    import socket

    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family in (socket.AF_INET, socket.AF_INET6):
                raise NetworkUsed(f"an internet socket was opened (family {family})")
            super().__init__(family, type, proto, fileno)

    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network look-up or connection attempted: {args[:2]}")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse)
    yield
