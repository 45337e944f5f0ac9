"""`gpguide report`: counts and ids per kommune, plus national and specialist."""

from __future__ import annotations

import io
import json

from gpguide.catalogue import load_catalogue
from gpguide.cli import main
from gpguide.owner import report
from owner_helpers import TODAY, add_broken


def test_groups_counts_and_ids(catalog):
    add_broken(catalog, "warnings.yaml")  # stale assured_date, no source
    groups = report.build_report(load_catalogue(catalog, today=TODAY, cache=False), today=TODAY)
    assert [g.name for g in groups] == ["Testby", "Nasjonale tjenester", "Spesialisthelsetjenesten"]
    testby = groups[0]
    assert testby.entries == 6
    assert testby.status == {"active": 4, "planned": 1, "closed": 0, "uncertain": 0, "absent": 1}
    assert testby.status_ids == {"planned": ["testby-parorendegruppe"], "absent": ["testby-rask-rushjelp"]}
    assert testby.missing_contacts == ["testby-boligkontor", "testby-ungdomsteam"]
    assert testby.missing_hours == ["testby-boligkontor", "testby-ungdomsteam", "testby-warnings"]
    assert testby.missing_sources == ["testby-warnings"]
    assert testby.unassured == ["testby-boligkontor", "testby-parorendegruppe", "testby-rask-rushjelp",
                                "testby-ungdomsteam"]
    assert testby.stale == ["testby-warnings"]
    assert groups[1].entries == 1 and groups[1].missing_contacts == []
    assert groups[2].missing_hours == ["helse-test-dps"]


def test_rich_table_lists_the_ids(catalog):
    out = io.StringIO()
    report.run(load_catalogue(catalog, today=TODAY, cache=False), out, today=TODAY, width=140)
    text = out.getvalue()
    assert "Katalogen per 2026-06-01" in text
    assert "Testby: 5 oppføringer" in text
    assert "Nasjonale tjenester" in text and "Spesialisthelsetjenesten" in text
    assert "testby-boligkontor, testby-ungdomsteam" in text  # uten kontakt
    assert "testby-rask-rushjelp" in text


def test_json_for_one_kommune(catalog, capsys):
    assert main(["--catalog", str(catalog), "report", "--kommune", "Testby", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [g["id"] for g in data["groups"]] == ["testby"]
    assert data["groups"][0]["status"]["absent"] == 1
    assert data["groups"][0]["missing_contacts"] == ["testby-boligkontor", "testby-ungdomsteam"]
    assert data["skipped_files"] == []


def test_unknown_kommune(catalog, capsys):
    assert main(["--catalog", str(catalog), "report", "--kommune", "Oslo"]) == 2
    assert "ukjent kommune 'Oslo'" in capsys.readouterr().err


def test_bundled_catalogue_report_runs(capsys):
    assert main(["report", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [g["id"] for g in data["groups"]]
    assert {"national", "specialist"} <= set(names)
