"""The command line contract: `gpguide ask --json` and clear one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

from gpguide.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "gpguide", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_ask_json_contract(capsys):
    assert main(["ask", "--json", "--kommune", "Sandnes", "angst", "30", "år"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "angst 30 år"
    assert data["kommune"] == "sandnes" and data["age"] == 30
    assert data["results"][0]["id"]


def test_age_flag_wins_over_text(capsys):
    assert main(["ask", "--json", "--age", "40", "--kommune", "nes", "angst 17 år"]) == 0
    assert json.loads(capsys.readouterr().out)["age"] == 40


def test_no_results_still_exits_zero(capsys):
    assert main(["ask", "--json", "--kommune", "strand", "xyzzy"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"] == []
    assert data["follow_up"]


def test_human_output_shows_emergency_banner_first(capsys):
    assert main(["ask", "--kommune", "sandnes", "akutt psykotisk og truende"]) == 0
    out = capsys.readouterr().out
    assert out.index("113") < out.index("1. ")
    assert "AKUTT" in out


def test_unknown_kommune_is_one_line_and_exit_2():
    proc = run("ask", "--kommune", "Atlantis", "angst")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "ukjent kommune 'Atlantis'" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_catalog_dir_is_one_line(tmp_path):
    proc = run("ask", "--catalog", str(tmp_path / "missing"), "angst")
    assert proc.returncode == 2
    assert "fant ikke katalogmappen" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_usage_is_one_line():
    proc = run("ask", "--age", "tretti", "angst")
    assert proc.returncode == 2
    assert "alder må være et helt tall" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_identity_number_is_masked_and_warned(capsys):
    from tests.test_privacy import VALID

    assert main(["ask", "--json", "--kommune", "sandnes", f"angst, fnr {VALID}"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert VALID not in captured.out and VALID[:6] not in data["query"]
    assert data["privacy_warning"] and "personnummer" in captured.err


def test_identity_number_in_any_spelling_is_masked_in_the_json(capsys):
    from tests.test_privacy import D_NUMBER

    spelled = f"{D_NUMBER[:2]}.{D_NUMBER[2:4]}.{D_NUMBER[4:6]}\u200b–{D_NUMBER[6:]}"
    assert main(["ask", "--json", "--kommune", "sandnes", f"angst, d-nr {spelled}, f. 1/2/90"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "angst, d-nr , f." and data["privacy_warning"]


def test_json_is_utf8_when_argv_is_not():
    import os

    question = "søvnvansker og angst".encode("latin-1")
    for extra in ({}, {"PYTHONIOENCODING": "utf-8"}):
        proc = subprocess.run([sys.executable, "-m", "gpguide", "ask", "--json", "--kommune", "sandnes", question],
                              capture_output=True, cwd=ROOT, env={**os.environ, **extra})
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout.decode("utf-8"))["query"] == "søvnvansker og angst"


def test_catalog_from_environment(tmp_path):
    import os

    env = {**os.environ, "GPGUIDE_CATALOG": str(tmp_path / "elsewhere")}
    proc = run("ask", "--json", "angst", env=env)
    assert proc.returncode == 2 and str(tmp_path / "elsewhere") in proc.stderr


def test_human_output_does_not_repeat_the_emergency_routes_as_cards(capsys):
    assert main(["ask", "--kommune", "nes", "tatt overdose av paracetamol"]) == 0
    out = capsys.readouterr().out
    assert "1. Medisinsk nødtelefon" not in out
    assert "1. Giftinformasjonen" in out


def test_human_output_labels_access_and_contact_once(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["ask", "--kommune", "sandnes", "kvinne 34 år, lett til moderat angst og søvnvansker"]) == 0
    out = capsys.readouterr().out
    assert "Tilgang: Tilgang" not in out
    # Mestringsenheten's number on sandnes.kommune.no/sti/ (h14); the card shows it as the unit's («via»).
    assert "Kontakt via Mestringsenheten: Mestringsenheten, telefon · 51 33 51 00" in out
    for line in out.splitlines():
        assert not line.rstrip("│ ").endswith("·")  # a contact line breaks between items, keeping its parts whole
    assert main(["ask", "--kommune", "sandnes", "gutt 17 angst og hasj"]) == 0
    out = capsys.readouterr().out
    assert "Tilgang: ikke registrert" in out and "Tilgang: Tilgang" not in out


def test_argparse_speaks_norwegian():
    help_text = run("ask", "--help").stdout
    assert help_text.startswith("bruk: gpguide ask")
    assert "valg:" in help_text and "argumenter:" in help_text and "vis denne hjelpen og avslutt" in help_text
    for english in ("usage", "options:", "positional arguments", "show this help"):
        assert english not in help_text
    missing = run("ask")
    assert missing.returncode == 2 and "disse argumentene mangler: SPØRSMÅL" in missing.stderr
    assert "ukjente argumenter: --bogus" in run("ask", "--bogus", "angst").stderr
    assert "ugyldig valg: 'pdf'" in run("export", "--format", "pdf").stderr
    assert "kommandoer:" in run("--help").stdout


def test_kommune_as_the_assistant_labels_it(capsys):
    assert main(["ask", "--json", "--kommune", "Nes (Akershus)", "angst"]) == 0
    assert json.loads(capsys.readouterr().out)["kommune"] == "nes"
    proc = run("ask", "--kommune", "Nes (Rogaland)", "angst")  # the county must match
    assert proc.returncode == 2 and "ukjent kommune" in proc.stderr


def test_report_fits_80_columns():
    env = {**__import__("os").environ, "COLUMNS": "80"}
    out = run("report", env=env).stdout
    lines = out.splitlines()
    assert lines and all(len(line) <= 80 for line in lines)
    assert "…" not in out and "bekreftet" in lines[3]


def test_safety_reminder_shows_the_numbers_once(capsys):
    assert main(["ask", "--kommune", "sandnes", "kvinne 50, passive selvmordstanker uten plan, depresjon"]) == 0
    out = capsys.readouterr().out
    assert "Sikkerhet" in out and out.count("113") == 1 and "Ved akutt fare" in out


def test_urgent_output_shows_each_number_once_without_a_kommune(capsys):
    assert main(["ask", "mann 40 år, selvmordstanker med plan"]) == 0
    out = capsys.readouterr().out
    assert "AKUTT" in out and out.count("113") == 1 and out.count("116 117") == 1
