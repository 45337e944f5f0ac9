"""Every catalogue fault is reported once, compiler-style at the right line, and everything else is still served."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from gpguide.catalogue import load_catalogue
from gpguide.catalogue.yamlpos import REASONS, UNKNOWN_REASON
from gpguide.cli import main
from tests.conftest import CATALOG
from tests.test_loader import GOOD


@pytest.fixture
def root(tmp_path):
    """A small catalogue: the shared files and one kommune, Testby, with one service."""
    for name in ("vocabulary.yaml", "sources.yaml"):
        shutil.copy(CATALOG / name, tmp_path / name)
    (tmp_path / "testby").mkdir()
    (tmp_path / "testby" / "kommune.yaml").write_text(
        "id: testby\nname: Testby\nsources:\n  - key: a\n    doc: sandnes-2021\n    lines: '1'\n")
    (tmp_path / "testby" / "good.yaml").write_text(GOOD)
    return tmp_path


def load(root):
    return load_catalogue(root, cache=False)


def problems_for(catalogue, name):
    return [p for p in catalogue.problems if p.path.name == name]


def check(root, timeout=120):
    """`gpguide check` in its own process: a hang or a traceback cannot hide."""
    env = {**os.environ, "GPGUIDE_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-m", "gpguide", "check", str(root)], capture_output=True, text=True,
                          timeout=timeout, env=env)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def ask(root, capsys, kommune, question):
    assert main(["--catalog", str(root), "ask", "--json", "--kommune", kommune, question]) == 0
    return json.loads(capsys.readouterr().out)


# ---------- kommune.yaml ----------


def test_a_broken_kommune_file_keeps_the_kommune_and_its_services(bundled, capsys):
    path = bundled / "sandnes" / "kommune.yaml"
    path.write_text(path.read_text("utf-8").replace("name: Sandnes\n", "name: [Sandnes\n"))
    catalogue = load(bundled)
    assert "sandnes" in catalogue.kommuner and catalogue.kommuner["sandnes"].name == "Sandnes"
    assert sum(s.kommune == "sandnes" for s in catalogue.services.values()) > 50
    messages = [p.message for p in problems_for(catalogue, "kommune.yaml") if p.severity == "error"]
    assert any(m.startswith("YAML-syntaksfeil") for m in messages)
    assert any("kommune.yaml har feil og brukes ikke" in m and "uten legevakt" in m for m in messages)
    answer = ask(bundled, capsys, "sandnes", "angst 30 år")
    assert answer["kommune"] == "sandnes" and answer["results"]
    assert all(r["kommune"] in ("sandnes", None) for r in answer["results"])


def test_a_kommune_file_with_the_wrong_id_keeps_the_folder_name(root):
    (root / "testby" / "kommune.yaml").write_text(
        "id: annenby\nname: Testby\nsources:\n  - key: a\n    doc: sandnes-2021\n    lines: '1'\n")
    catalogue = load(root)
    assert list(catalogue.kommuner) == ["testby"] and "testby-samtaler" in catalogue.services
    wrong, loud = problems_for(catalogue, "kommune.yaml")
    assert (wrong.line, wrong.col, wrong.message) == (1, 1, "id 'annenby' skal være mappenavnet 'testby'")
    assert loud.severity == "error" and "brukes ikke" in loud.message


def test_a_missing_kommune_file_fails_check_but_keeps_the_services(root):
    (root / "testby" / "kommune.yaml").unlink()
    catalogue = load(root)
    (problem,) = problems_for(catalogue, "kommune.yaml")
    assert problem.severity == "error" and "mangler kommune.yaml" in problem.message
    assert "testby" in catalogue.kommuner and "testby-samtaler" in catalogue.services
    assert catalogue.services_for("testby")
    assert check(root).returncode == 1


@pytest.mark.parametrize("name", ["vocabulary.yaml", "sources.yaml"])
def test_a_missing_shared_file_fails_check(root, name):
    (root / name).unlink()
    done = check(root)
    assert done.returncode == 1
    assert f"{root / name}:1:1: error: mangler {name}" in done.stdout


# ---------- duplicates ----------


def test_a_duplicate_id_in_another_kommune_replaces_nothing(bundled, capsys):
    original = bundled / "sandnes" / "rask-psykisk-helsehjelp.yaml"
    intruder = bundled / "nes" / "rask-kopi.yaml"
    intruder.write_text(original.read_text("utf-8").replace("kommune: sandnes", "kommune: nes"))
    catalogue = load(bundled)
    for path, other in ((original, "nes/rask-kopi.yaml"), (intruder, "sandnes/rask-psykisk-helsehjelp.yaml")):
        (problem,) = [p for p in catalogue.errors if p.path == path]
        assert f"er også brukt i {other}" in problem.message and problem.line == 2
    assert "sandnes-rask-psykisk-helsehjelp" not in catalogue.services
    assert not [p for p in catalogue.errors if "ukjent tjeneste 'sandnes-rask-psykisk-helsehjelp'" in p.message]


# ---------- numbers ----------


@pytest.mark.parametrize("value, fragment", [
    (".nan", "ikke .nan eller .inf"), (".inf", "ikke .nan eller .inf"), ("-.Inf", "ikke .nan eller .inf"),
    ("1.0e+999", "ikke .nan eller .inf"), ("1" * 5000, "tallet har 5000 sifre"), ("0x" + "f" * 40, "sifre"),
])
def test_absurd_numbers_are_errors_at_their_line(root, value, fragment):
    (root / "testby" / "bad.yaml").write_text(GOOD.replace("testby-samtaler", "testby-bad").replace("min_age: 18", f"min_age: {value}"))
    catalogue = load(root)
    (problem,) = problems_for(catalogue, "bad.yaml")
    assert (problem.line, problem.col, problem.severity) == (7, 12, "error") and fragment in problem.message
    assert "testby-bad" not in catalogue.services and "testby-samtaler" in catalogue.services


def test_a_huge_number_as_a_key_is_no_traceback(root):
    (root / "testby" / "bad.yaml").write_text(GOOD.replace("testby-samtaler", "testby-bad") + "? " + "1" * 5000 + "\n: x\n")
    (problem,) = problems_for(load(root), "bad.yaml")
    assert problem.line == 13 and problem.message.startswith("ukjent felt '111")


# ---------- files that are not read ----------


def test_files_in_the_wrong_place_are_reported(root):
    (root / "testby" / "ny.yml").write_text(GOOD)
    (root / "testby" / "STOR.YAML").write_text(GOOD)
    (root / "testby" / "gammelt" / "eldre").mkdir(parents=True)
    (root / "testby" / "gammelt" / "eldre" / "arkiv.yaml").write_text(GOOD)
    (root / "tjeneste.yaml").write_text(GOOD)
    (root / "testby" / ".skjult.yaml").write_text(GOOD)  # hidden files are the editor's business
    catalogue = load(root)
    found = {p.path.relative_to(root).as_posix(): p.message for p in catalogue.errors}
    assert "endelsen .yaml" in found.pop("testby/ny.yml")
    assert "endelsen .yaml" in found.pop("testby/STOR.YAML")
    assert found.pop("testby/gammelt/eldre/arkiv.yaml").endswith("undermappe og blir ikke lest; flytt den til testby/")
    assert "katalogmappen" in found.pop("tjeneste.yaml")
    assert found == {}
    assert list(catalogue.services) == ["testby-samtaler"]


def test_special_files_neither_hang_nor_crash(root):
    folder = root / "testby"
    os.mkfifo(folder / "fifo.yaml")
    (folder / "random.yaml").symlink_to("/dev/urandom")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "broken.yaml").symlink_to(root / "nowhere")
    (folder / "folder.yaml").mkdir()
    with open(folder / "sparse.yaml", "wb") as handle:
        handle.truncate(3 << 30)  # 3 GB that take no disk space
    done = check(root, timeout=60)
    assert done.returncode == 1
    lines = done.stdout.splitlines()

    def line_for(name):
        (found,) = [line for line in lines if line.startswith(f"{folder / name}:")]
        return found

    assert "rør (FIFO)" in line_for("fifo.yaml")
    assert "enhet" in line_for("random.yaml") and "enhet" in line_for("zero.yaml")
    assert "finnes ikke" in line_for("broken.yaml")
    assert "er en mappe" in line_for("folder.yaml")
    assert "for stor (3.0 GB" in line_for("sparse.yaml")
    assert all(":1:1: error: kan ikke lese filen: " in line_for(n) for n in ("fifo.yaml", "sparse.yaml"))
    assert "1 tjeneste og 1 kommune lest" in lines[-1]


def test_unreadable_files_and_folders(root, monkeypatch):
    (root / "hemmelig").mkdir()
    (root / "hemmelig" / "x.yaml").write_text(GOOD)
    locked = root / "testby" / "locked.yaml"
    locked.write_text(GOOD.replace("testby-samtaler", "testby-locked"))
    if os.geteuid() != 0:  # as root, permissions do not stop reading: the failures are made below instead
        os.chmod(locked, 0)
        os.chmod(root / "hemmelig", 0)
    import gpguide.catalogue.scan as scan_module
    import gpguide.files as files_module

    real_open, real_listdir = os.open, os.listdir

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith("locked.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def refusing_listdir(path):
        if str(path).rstrip("/").endswith("hemmelig"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(files_module.os, "open", refusing_open)
    monkeypatch.setattr(scan_module.os, "listdir", refusing_listdir)
    try:
        catalogue = load(root)
    finally:
        os.chmod(locked, 0o644)
        os.chmod(root / "hemmelig", 0o755)
    (file_problem,) = problems_for(catalogue, "locked.yaml")
    assert file_problem.message == "kan ikke lese filen: ingen tilgang (mangler leserettighet)"
    (folder_problem,) = [p for p in catalogue.errors if p.path.name == "hemmelig"]
    assert folder_problem.message == "kan ikke lese mappen: ingen tilgang (mangler leserettighet)"
    assert "testby-samtaler" in catalogue.services


def test_names_that_are_not_utf8(root):
    folder = os.fsencode(root / "testby")
    with open(folder + b"/d\xf8gn.yaml", "wb") as handle:
        handle.write(GOOD.replace("testby-samtaler", "testby-dogn").encode())
    os.mkdir(os.fsencode(root) + b"/\xe6rlig")
    done = check(root)
    assert done.returncode == 1
    assert f"{root}/testby/d\ufffdgn.yaml:1:1: error: navnet er ikke gyldig UTF-8" in done.stdout
    assert f"{root}/\ufffdrlig:1:1: error: navnet er ikke gyldig UTF-8" in done.stdout
    catalogue = load(root)
    assert list(catalogue.services) == ["testby-samtaler"]
    assert all(str(p).encode("utf-8") for p in catalogue.problems)


# ---------- YAML mistakes at the right place, in Norwegian ----------


def test_an_unclosed_quote_is_reported_where_it_opens(bundled):
    path = bundled / "sandnes" / "rask-psykisk-helsehjelp.yaml"
    lines = path.read_text("utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("name: "))
    lines[n] = 'name: "Rask psykisk helsehjelp'
    path.write_text("\n".join(lines) + "\n", "utf-8")
    (problem,) = [p for p in load(bundled).problems if p.path == path]
    assert (problem.line, problem.col) == (n + 1, 7)
    assert "anførselstegnet som åpnes her, lukkes ikke" in problem.message


def test_an_unclosed_quote_at_the_end_of_the_file(root):
    (root / "testby" / "bad.yaml").write_text(GOOD + "description: 'slutter aldri\n")
    (problem,) = problems_for(load(root), "bad.yaml")
    assert (problem.line, problem.col) == (13, 14) and "avsluttende anførselstegn" in problem.message


def test_a_nul_byte_is_reported_where_it_is(root):
    (root / "testby" / "bad.yaml").write_text(GOOD.replace("name: Samtaletilbud", "name: Pårø\0rende"))
    (problem,) = problems_for(load(root), "bad.yaml")
    assert (problem.line, problem.col) == (2, 11) and "kontrolltegn" in problem.message and "#x0000" in problem.message


BROKEN_YAML = [
    "a: b: c\n", "a:\n  - b\n c: d\n", "a: [b, c\n", "a: {b: c\n", "a: 'b\n", "a: \"b\n", "a:\tb\n\tc: d\n",
    "a: *nope\n", 'a: "\\q"\n', 'a: "\\xZZ"\n', "a: &x 1\nb: &x 2\nc: !!binary 'not base64!'\n", "a: 1\n---\nb: 2\n",
    "a: !unknown x\n", "? [a, b]\n: c\n", "a: b\n- c\n", "a:\n  b\n c\n", "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "a: @b\n", "a: `b\n", "a: |0\n  b\n", "a: >x\n  b\n", "a: !<tag:x\n", "- a\nb: c\n", "a: [b]]\n",
    "a:\n  - b\n  c: d\n", "[a, b]: c\n", "a: b\n...\nc: d\n", "{a: b, c}\n: d\n", "a: !!set [1, 2]\n",
    "a: !!timestamp 2024-99-99\n", "a: !!int x\n", "a: 1\n  b: 2\n", "a: \x07\n", "\ufeffa: 1\n\ufeffb: 2\n",
]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_yaml_complaints_are_norwegian(root, text):
    (root / "testby" / "bad.yaml").write_text(text, "utf-8")
    errors = [p for p in problems_for(load(root), "bad.yaml") if p.severity == "error"]
    assert errors
    for problem in errors:
        if problem.message.startswith("YAML-syntaksfeil: "):
            reason = problem.message.removeprefix("YAML-syntaksfeil: ").split(" (tegn #x")[0]
            assert reason in REASONS.values() or reason.startswith(("anførselstegnet som åpnes her",
                                                                    "verdien passer ikke")), reason
            assert reason != UNKNOWN_REASON

