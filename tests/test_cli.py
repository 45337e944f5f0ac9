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
