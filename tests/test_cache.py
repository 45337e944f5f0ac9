"""The on-disk cache holds data, not code; it never serves an old or damaged catalogue; it cleans up after itself."""

import dataclasses
import datetime as dt
import json
import marshal
import os
import pickle
import random
import shutil
import subprocess
import sys

import pytest

from gpguide.catalogue import diskcache, load_catalogue
from gpguide.catalogue import load as loader
from tests.conftest import CATALOG

TODAY = dt.date(2026, 6, 1)
FILES = sorted(CATALOG.rglob("*.yaml"))
FOLDERS = {p.parent for p in FILES}


@pytest.fixture(scope="module")
def services():
    return len(load_catalogue(CATALOG, TODAY, cache=False).services)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("GPGUIDE_NO_CACHE", raising=False)
    return home / "gpguide" / "catalogues"


@pytest.fixture
def examined(monkeypatch):
    """The files the loader parses and checks (the slow part the cache saves)."""
    seen = []
    real = loader.examine

    def spy(raw, schema_name, sha=""):
        seen.append(raw[:60])
        return real(raw, schema_name, sha)

    monkeypatch.setattr(loader, "examine", spy)
    return seen


def snapshot(catalogue):
    """Everything a catalogue serves, comparable."""
    return ([dataclasses.asdict(s) | {"path": str(s.path)} for s in catalogue.services.values()],
            sorted(str(p) for p in catalogue.problems), sorted(map(str, catalogue.skipped)),
            [dataclasses.asdict(k) for k in catalogue.kommuner.values()], catalogue.concepts, catalogue.documents,
            catalogue.glossary, {k: catalogue.services_for(k) for k in [None, *catalogue.kommuner]},
            catalogue.service_names())


def cache_files(cache):
    return sorted(p for p in cache.rglob("*") if p.is_file())


def test_the_cache_is_checksummed_data_and_reused(bundled, cache, examined):
    first = load_catalogue(bundled, today=TODAY)
    assert len(examined) == len(FILES)
    examined.clear()
    again = load_catalogue(bundled, today=TODAY)
    assert examined == [] and snapshot(again) == snapshot(first) == snapshot(load_catalogue(bundled, TODAY, cache=False))
    files = cache_files(cache)
    top = {"manifest.marshal", "problems.marshal", "names.marshal", "unplaced.marshal", "kommuner.marshal"}
    assert {p.name for p in files} >= top and len(files) == len(top) + len(FOLDERS)
    for path in files:
        head, _, body = path.read_bytes().partition(b"\n")
        assert len(head) == 64 and _plain(marshal.loads(body))
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def _plain(data):
    """Only what JSON could hold, and tuples."""
    if isinstance(data, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in data.items())
    if isinstance(data, (list, tuple)):
        return all(_plain(v) for v in data)
    return data is None or isinstance(data, (str, int, float))


class Trap:
    def __reduce__(self):
        return (os.mkdir, (TRAP_DIR,))


TRAP_DIR = "/tmp/gpguide-cache-trap-must-not-exist"


def test_a_planted_pickle_is_never_run(bundled, cache):
    reference = snapshot(load_catalogue(bundled, today=TODAY))
    body = pickle.dumps(Trap())
    import hashlib

    for path in cache_files(cache):
        path.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    assert snapshot(load_catalogue(bundled, today=TODAY)) == reference
    assert not os.path.exists(TRAP_DIR)


def test_damaged_cache_files_mean_a_silent_rebuild(bundled, cache):
    reference = snapshot(load_catalogue(bundled, today=TODAY, cache=False))
    load_catalogue(bundled, today=TODAY)
    originals = {path: path.read_bytes() for path in cache_files(cache)}
    rng = random.Random(13)
    for _ in range(30):
        for path, data in originals.items():
            path.write_bytes(data)
        victim = rng.choice(sorted(originals))
        data = bytearray(originals[victim])
        for _ in range(rng.choice((1, 1, 3))):
            position = rng.randrange(len(data))
            data[position] ^= 1 << rng.randrange(8)
        victim.write_bytes(bytes(data[: rng.choice((len(data), len(data), rng.randrange(len(data))))]))
        assert snapshot(load_catalogue(bundled, today=TODAY)) == reference, victim.name


def test_special_and_garbage_cache_files_neither_hang_nor_crash(bundled, cache, services):
    load_catalogue(bundled, today=TODAY)
    home = cache_files(cache)[0].parent
    (home / "manifest.marshal").unlink()
    os.mkfifo(home / "manifest.marshal")
    (home / "problems.marshal").write_bytes(b"\0" * 100)
    code = ("import datetime, sys; from gpguide.catalogue import load_catalogue; "
            f"c = load_catalogue({str(bundled)!r}, today=datetime.date(2026, 6, 1)); print(len(c.services), len(c.problems))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "XDG_CACHE_HOME": str(cache.parent.parent)})
    assert done.returncode == 0 and done.stdout.split()[0] == str(services), done.stderr


def test_an_edit_is_seen_whatever_the_timestamps_say(bundled, cache):
    path = bundled / "sandnes" / "rask-psykisk-helsehjelp.yaml"
    assert load_catalogue(bundled, today=TODAY).services["sandnes-rask-psykisk-helsehjelp"].name == "Rask psykisk helsehjelp"
    before = path.stat()
    text = path.read_text("utf-8")
    path.write_text(text.replace("name: Rask psykisk helsehjelp", "name: Rask psykisk hjelpetjen"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -r: same size, same mtime
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert load_catalogue(bundled, today=TODAY).services["sandnes-rask-psykisk-helsehjelp"].name == "Rask psykisk hjelpetjen"


def test_edits_in_a_symlinked_kommune_folder_are_seen(bundled, cache, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(bundled / "strand", elsewhere)
    (bundled / "strand").symlink_to(elsewhere, target_is_directory=True)
    first = load_catalogue(bundled, today=TODAY)
    assert "strand" in first.kommuner
    path = elsewhere / "kommune.yaml"
    path.write_text(path.read_text("utf-8").replace("name: Strand", "name: Strand by"), "utf-8")
    assert load_catalogue(bundled, today=TODAY).kommuner["strand"].name == "Strand by"


def test_only_changed_files_are_checked_again(bundled, cache, examined):
    load_catalogue(bundled, today=TODAY)
    examined.clear()
    for path in bundled.rglob("*.yaml"):  # new times, same content: nothing to check again
        os.utime(path)
    load_catalogue(bundled, today=TODAY)
    assert examined == []
    path = bundled / "nes" / "cafe.yaml"
    path.write_text(path.read_text("utf-8") + "\n# endret\n", "utf-8")
    changed = load_catalogue(bundled, today=TODAY)
    assert len(examined) == 1
    assert snapshot(changed) == snapshot(load_catalogue(bundled, today=TODAY, cache=False))


def test_date_checks_follow_the_calendar_not_the_cache(bundled, cache):
    path = bundled / "nes" / "cafe.yaml"
    path.write_text(path.read_text("utf-8") + "assured_date: 2025-06-01\n", "utf-8")

    def stale(today):
        return [p for p in load_catalogue(bundled, today=today).problems if p.path == path and "eldre enn" in p.message]

    assert stale(dt.date(2026, 6, 1)) == []
    assert stale(dt.date(2026, 6, 2))
    assert stale(dt.date(2026, 6, 1)) == []


def test_catalogues_keep_their_own_caches(bundled, cache, tmp_path, examined, monkeypatch):
    other = tmp_path / "other"
    shutil.copytree(CATALOG, other)
    load_catalogue(bundled, today=TODAY)
    load_catalogue(other, today=TODAY)
    examined.clear()
    load_catalogue(bundled, today=TODAY)
    load_catalogue(other, today=TODAY)
    assert examined == []
    monkeypatch.setattr(diskcache, "KEEP", 2)
    for n in range(3):
        shutil.copytree(CATALOG, tmp_path / f"more{n}", symlinks=True)
        load_catalogue(tmp_path / f"more{n}", today=TODAY)
    assert len(list(cache.iterdir())) == 2


def test_nothing_is_left_behind_when_writing_fails(bundled, cache, monkeypatch, services):
    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(diskcache.os, "replace", refuse)
    catalogue = load_catalogue(bundled, today=TODAY)
    assert len(catalogue.services) == services == len(list(catalogue.services.values()))
    assert [p for p in cache.rglob("*") if p.is_file()] == []
    monkeypatch.undo()
    load_catalogue(bundled, today=TODAY)
    assert not [p for p in cache.rglob(".tmp-*")]


def test_no_private_place_no_cache(bundled, cache, tmp_path, monkeypatch, services):
    cache.mkdir(parents=True)
    os.chmod(cache, 0o777)
    assert len(load_catalogue(bundled, today=TODAY).services) == services
    assert list(cache.iterdir()) == []
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert diskcache.cache_dir() == tmp_path / "home" / ".cache" / "gpguide" / "catalogues"


def _answers(catalogue, questions):
    from gpguide.search import Engine

    engine = Engine(catalogue)
    return [engine.to_json(engine.ask(q, kommune=k)) for k, q in questions]


QUESTIONS = [("sandnes", "angst 30 år"), ("nes", "gutt 17 hasj, skulker"), (None, "rask psykisk helsehjelp"),
             ("strand", "fakt teamet"), (None, "pårørende til mor med demens")]


def test_the_search_indexes_are_kept_and_give_the_same_answers(bundled, cache):
    reference = _answers(load_catalogue(bundled, TODAY, cache=False), QUESTIONS)
    assert _answers(load_catalogue(bundled, today=TODAY), QUESTIONS) == reference  # built and kept
    kept = [p for p in cache_files(cache) if p.name.startswith("index-")]
    assert {p.name.split("-")[1] for p in kept} == {"lexicon", "scope"} and len(kept) == 5  # 3 kommuner and none
    assert _answers(load_catalogue(bundled, today=TODAY), QUESTIONS) == reference  # read back
    for path in kept:  # damaged: built again, silently
        path.write_bytes(path.read_bytes()[:-5] + b"00000")
    assert _answers(load_catalogue(bundled, today=TODAY), QUESTIONS) == reference
    assert all(json.loads(p.read_bytes().partition(b"\n")[2]) for p in kept)


def test_kept_search_indexes_follow_the_catalogue(bundled, cache):
    question = [("sandnes", "rask psykisk helsehjelp")]
    _answers(load_catalogue(bundled, today=TODAY), question)
    old = {p.name for p in cache_files(cache) if p.name.startswith("index-")}
    path = bundled / "sandnes" / "rask-psykisk-helsehjelp.yaml"
    path.write_text(path.read_text("utf-8").replace("name: Rask psykisk helsehjelp", "name: Kvikk psykisk helsehjelp"),
                    "utf-8")
    assert _answers(load_catalogue(bundled, today=TODAY), question) == _answers(
        load_catalogue(bundled, TODAY, cache=False), question)
    assert old and not old & {p.name for p in cache_files(cache)}
