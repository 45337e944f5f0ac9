"""A national catalogue made from the bundled one, and the index that keeps a question to one kommune's services."""

import os
import threading
import time

import pytest

import gpguide.catalogue.load as loader
import gpguide.catalogue.scan as scanner
from gpguide.catalogue import load_catalogue
from gpguide.catalogue.model import Services
from gpguide.search import Engine
from gpguide.synth import copy_name, synthesise_national
from tests.conftest import CATALOG
from tests.gold import load_cases
from tests.test_gold import GOLD_DIR, PUBLIC


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


def test_every_gold_question_has_the_same_top_3_at_national_scale(national, engine):
    """Adding kommuner changes no answer in another: each gold question with a kommune, asked of the bundled
    catalogue and of the national one made from it, gets the same three services in the same order."""
    _, big = national
    wide = Engine(big)
    cases = [c for c in load_cases(*sorted(GOLD_DIR.glob("*.yaml")), *([PUBLIC] if PUBLIC.exists() else []))
             if c.get("kommune")]
    assert len(cases) >= 300
    differ = []
    for case in cases:
        here, there = (tuple(r.service.id for r in e.ask(case["query"], kommune=case["kommune"]).results[:3])
                       for e in (engine, wide))
        if here != there:
            differ.append(f"{case['id']}: {here} ≠ {there}")
    assert not differ, "\n".join(differ)


def test_without_a_kommune_the_answer_does_not_grow_with_the_nation(national, engine):
    """A question without a kommune searches the national and specialist services, so a regional volunteer
    service copied into every kommune neither answers it nor changes its statistics. (A service named outright
    whose name the copies share is ambiguous across kommuner and is left out.)"""
    _, big = national
    wide = Engine(big)
    shared = {s.name for s in big.services.values() if s.kommune and s.kommune not in engine.catalogue.kommuner}
    cases = [c for c in load_cases(*sorted(GOLD_DIR.glob("*.yaml")), *([PUBLIC] if PUBLIC.exists() else []))
             if not c.get("kommune")]
    assert len(cases) >= 50
    differ = []
    for case in cases:
        answers = [e.ask(case["query"]) for e in (engine, wide)]
        if any(r.service.name in shared for a in answers for r in a.results[:3]):
            continue
        here, there = (tuple(r.service.id for r in a.results[:3]) for a in answers)
        if here != there:
            differ.append(f"{case['id']}: {here} ≠ {there}")
    assert not differ, "\n".join(differ)
    assert {s.level for s in wide.scope(None)[0].services} <= {"nasjonal", "spesialist"}


def test_a_question_without_a_kommune_reads_no_folder(national, tmp_path, monkeypatch):
    made, _ = national
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load_catalogue(made.root)
    big = load_catalogue(made.root)
    unplaced = big.services_for(None)
    assert len(unplaced) > 6 and big.services._folders == {}  # type: ignore[attr-defined]
    assert [s.id for s in unplaced] == [s.id for s in load_catalogue(made.root, cache=False).services_for(None)]


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="files are examined in worker processes only with 2 cores")
def test_worker_processes_examine_as_one_process_does(national, monkeypatch):
    made, alone = national
    assert threading.active_count() == 1  # otherwise the loader would not start worker processes
    monkeypatch.setattr(loader, "PARALLEL_FROM", 2)
    together = load_catalogue(made.root, cache=False)
    assert list(together.problems) == list(alone.problems) and together.skipped == alone.skipped
    assert list(together.services.values()) == list(alone.services.values())


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="files are examined in worker processes only with 2 cores")
def test_worker_processes_that_fail_leave_the_files_to_this_process(national, monkeypatch):
    """When the workers fail after some chunks (a process limit), this process examines the files itself, and
    the load is the same."""
    made, alone = national
    monkeypatch.setattr(loader, "PARALLEL_FROM", 2)
    monkeypatch.setattr(loader, "_examine_chunk", _fails_in_sandnes)
    together = load_catalogue(made.root, cache=False)
    assert list(together.problems) == list(alone.problems) and together.skipped == alone.skipped
    assert list(together.services.values()) == list(alone.services.values())


_examine_chunk = loader._examine_chunk


def _fails_in_sandnes(jobs):
    """A worker's task that fails from the chunk with Sandnes on (a worker runs it by name: no local function)."""
    if any("/sandnes/" in path for path, _, _ in jobs):
        raise OSError("no more processes")
    return _examine_chunk(jobs)


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="folders are scanned in a helper process only with 2 cores")
def test_a_scan_shared_with_a_helper_is_the_scan_of_one_process(national, monkeypatch):
    made, _ = national
    alone = scanner.scan(made.root)
    monkeypatch.setattr(scanner, "FORK_FROM", 1)
    monkeypatch.setattr(scanner, "CHUNKS", 4)
    together = scanner.scan(made.root)
    assert together.listed == alone.listed and together.files == alone.files and together.problems == alone.problems
    assert together.digest("x") == alone.digest("x")
    parent = os.getpid()
    real = scanner._scan_chunk

    def slow_in_the_parent(root, folders):
        if os.getpid() == parent:
            time.sleep(0.05)  # on a busy machine the helper might otherwise start after every chunk is taken
        return real(root, folders)

    monkeypatch.setattr(scanner, "_scan_chunk", slow_in_the_parent)
    digests_only = scanner.scanning(made.root)()  # what a cached start asks for
    assert len(digests_only.listed) < len(alone.listed) and digests_only.digest("x") == alone.digest("x")
    assert digests_only.files == alone.files and digests_only.problems == alone.problems

    def fails_in_the_helper(root, folders):
        if os.getpid() != parent:
            raise OSError("no more processes")
        return real(root, folders)

    monkeypatch.setattr(scanner, "_scan_chunk", fails_in_the_helper)
    assert scanner.scan(made.root).digest("x") == alone.digest("x")


def test_an_engine_builds_only_the_services_of_the_kommune_asked(national, tmp_path, monkeypatch):
    """Starting an engine and asking about one kommune reads that kommune's services, not the nation's."""
    made, _ = national
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load_catalogue(made.root)
    big = load_catalogue(made.root)
    Engine(big).ask("mann i 60-åra, drikker mye, vil henvise til ARA", kommune="strand")
    assert set(big.services._built) == {s.id for s in big.services_for("strand")}  # type: ignore[attr-defined]
