"""A national catalogue made from the bundled one, and the index that keeps a question to one kommune's services."""

import pytest

from gpguide.catalogue import load_catalogue
from gpguide.catalogue.model import Services
from gpguide.synth import copy_name, synthesise_national
from tests.conftest import CATALOG


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    root = tmp_path_factory.mktemp("national") / "catalog"
    made = synthesise_national(CATALOG, root, copies=3)
    return made, load_catalogue(root, cache=False)


def test_copies_have_unique_ids_and_valid_references(national, catalogue):
    made, big = national
    local = [s for s in catalogue.services.values() if s.path.parent.name in catalogue.kommuner]
    assert made.kommuner == 9 == len(big.kommuner)
    assert made.services == len(big.services) == len(catalogue.services) + 2 * len(local)
    assert big.errors == [] and not big.skipped
    assert {p.message.split(":")[0] for p in big.problems} == {p.message.split(":")[0] for p in catalogue.problems}
    names = {k.name for k in big.kommuner.values()}
    assert len(names) == 9 and {"Sandnes", "Strand", "Nes"} <= names


def test_a_copy_is_served_like_its_original(national, catalogue):
    _, big = national
    copies = [k for k in big.kommuner if k not in catalogue.kommuner]
    assert len(copies) == 6
    for copy in copies:
        (original,) = [k for k in catalogue.kommuner  # the same services; the folders sort differently
                       if sorted(s.name for s in big.services_for(copy))
                       == sorted(s.name for s in catalogue.services_for(k))]
        own = [s for s in big.services_for(copy) if s.kommune == copy]
        assert own and all(s.id.startswith(f"{copy}-") for s in own)
        assert all(r in big.services for s in own for r in (*s.alternatives, *s.related))
    for original in catalogue.kommuner:
        assert [s.id for s in big.services_for(original)] == [s.id for s in catalogue.services_for(original)]


def test_copy_names_are_distinct():
    assert len({copy_name(n) for n in range(1, 2000)}) == 1999


def test_services_for_matches_its_definition(catalogue):
    for kommune in [*catalogue.kommuner, "ukjent"]:
        expected = [s for s in catalogue.services.values()
                    if s.kommune == kommune or kommune in s.service_areas or s.level == "nasjonal"]
        assert list(catalogue.services_for(kommune)) == expected
    assert list(catalogue.services_for(None)) == [s for s in catalogue.services.values() if s.kommune is None]
    assert any(s.level == "spesialist" for s in catalogue.services_for("strand"))


def test_services_for_builds_only_what_it_returns(national, tmp_path, monkeypatch):
    made, _ = national
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load_catalogue(made.root)
    for cached in (False, True):
        big = load_catalogue(made.root, cache=cached)
        assert isinstance(big.services, Services)
        wanted = big.services_for("strand")
        built = big.services._built  # type: ignore[attr-defined]
        assert set(built) == {s.id for s in wanted}
        assert not any(s.kommune not in (None, "strand") for s in built.values())
        names = big.service_names()
        assert len(names) == len(big.services) == made.services and set(built) == {s.id for s in wanted}
        assert names["strand-ung-team"] == (big.services["strand-ung-team"].name,
                                            big.services["strand-ung-team"].alternate_names)
