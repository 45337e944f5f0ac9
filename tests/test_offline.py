"""Nothing is sent: loading, asking and the command line open no internet socket."""

import pytest

from gpguide.catalogue import load_catalogue
from gpguide.cli import main
from gpguide.search import Engine
from tests.conftest import CATALOG, NetworkUsed


def test_guard_catches_network_use(no_network):
    import socket

    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))


def test_a_session_of_asking_opens_no_socket(no_network, capsys):
    engine = Engine(load_catalogue(CATALOG, cache=False))
    answer = engine.ask("angst og hasj", kommune="sandnes")
    engine.ask("17", previous=answer.query)
    engine.ask("akutte selvmordstanker", kommune="strand")
    assert main(["ask", "--json", "--kommune", "nes", "rusavhengig uten bolig"]) == 0
    assert main(["ask", "--kommune", "sandnes", "angst"]) == 0


def test_checking_reporting_and_exporting_open_no_socket(no_network, capsys, tmp_path):
    assert main(["check", "--errors-only", str(CATALOG)]) == 0
    assert main(["report", "--json"]) == 0
    for fmt in ("markdown", "html", "hsds"):
        assert main(["export", "--format", fmt, "--kommune", "strand", "-o", str(tmp_path / f"out.{fmt}")]) == 0
