"""`gpguide export`: the printable overview (Markdown, HTML) and HSDS JSON validated against the shipped schemas."""

from __future__ import annotations

import copy
import json
import re
import uuid
from html.parser import HTMLParser

import pytest

from gpguide.catalogue import load_catalogue
from gpguide.cli import main
from gpguide.owner import export
from gpguide.owner.export import hsds
from owner_helpers import TODAY


@pytest.fixture
def loaded(catalog):
    return load_catalogue(catalog, today=TODAY, cache=False)


# ---------- Markdown ----------


def test_markdown_overview_groups_by_age_and_area(loaded):
    text = export.render(loaded, "markdown", kommune="testby", today=TODAY)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Oversikt for fastleger og turnusleger – Testby",
        "## Akutt",
        "## Barn og unge (under 18 år)",
        "### Psykisk helse",  # rus and angst: a tie goes to the first area
        "#### Ungdomsteamet",
        "## Voksne (18 år og eldre)",
        "### Psykisk helse",
        "#### Samtaletilbud for voksne",
        "## Alle aldre (ingen aldersgrense registrert)",
        "### Bolig, arbeid og sosiale forhold",
        "#### Boligkontoret",
        "## Spesialisthelsetjenesten",
        "### Testby DPS",
        "## Ikke i drift: planlagt, nedlagt eller finnes ikke",
        "### Rask rushjelp",
        "### Pårørendegruppe",
        "## Kildedokumenter",
    ]


def test_markdown_entry_has_access_contacts_and_sources(loaded):
    text = export.render(loaded, "markdown", kommune="testby", today=TODAY)
    entry = text.split("#### Samtaletilbud for voksne")[1].split("\n## ")[0]
    assert "- **Alder:** fra 18 år" in entry
    assert "- **Hovedforløp:** 1, 2" in entry
    assert "- **Plager:** angst, depresjon" in entry
    assert ("- **Tilgang:** Pasienten kan ta kontakt selv. Fastlegen kan henvise. Ingen søknad eller vedtak. "
            "Pasienten kan ringe selv, eller fastlegen kan henvise.") in entry
    assert "- **Kontakt:** Sentralbord: 51 00 00 00 · post@testby.kommune.no · Hverdager 08–15" in entry
    assert "- **Åpningstid:** Hverdager 08–15." in entry
    assert ("- **Kilder:** Forvaltningsrevisjon Testby 2024, linje 20-25; Samtaletilbud – Testby kommune "
            "(https://www.testby.kommune.no/samtaletilbud, 2026-01). *Bekreftet av tjenesteeier 2026-03-01.*") in entry


def test_markdown_unknowns_and_status_notes(loaded):
    text = export.render(loaded, "markdown", kommune="testby", today=TODAY)
    boligkontor = text.split("#### Boligkontoret")[1].split("\n## ")[0]
    assert "- **Kontakt:** ikke registrert" in boligkontor
    assert "- **Åpningstid:** ikke registrert" in boligkontor
    assert "- **Tilgang:** Krever søknad og vedtak (søknad til Tildelingskontoret)." in boligkontor
    absent = text.split("### Rask rushjelp")[1].split("\n### ")[0]
    assert "**Status:** Finnes ikke i kommunen. Testby har ikke Rask rushjelp." in absent
    assert "- **Alternativer:** Samtaletilbud for voksne" in absent
    planned = text.split("### Pårørendegruppe")[1].split("\n## ")[0]
    assert "**Status:** Planlagt, ikke i drift. Planlagt oppstart høsten 2025." in planned
    assert "> Legevakt i Testby: Testby legevakt er åpen hele døgnet. (Kilde: Forvaltningsrevisjon Testby 2024, linje 10-12)" in text
    assert "- Forvaltningsrevisjon Testby 2024, Psykisk helse og rus i Testby kommune, Kontrollutvalget i Testby, 2024-03" in text


def test_markdown_emergency_numbers_first(loaded):
    text = export.render(loaded, "markdown", kommune="testby", today=TODAY)
    akutt = text.split("## Akutt")[1].split("\n## ")[0]
    assert "- **Medisinsk nødtelefon 113:** Medisinsk nødtelefon: 113 · Hele døgnet; Legevakt: 116 117." in akutt


def test_markdown_escapes_catalogue_text(catalog):
    path = catalog / "testby" / "ungdomsteam.yaml"
    path.write_text(path.read_text("utf-8").replace("name: Ungdomsteamet", "name: Ungdoms*teamet* [UT]"), "utf-8")
    text = export.render(load_catalogue(catalog, today=TODAY, cache=False), "markdown", kommune="testby", today=TODAY)
    assert r"#### Ungdoms\*teamet\* \[UT\]" in text


def test_spanning_service_is_listed_in_both_bands(catalog):
    path = catalog / "testby" / "ungdomsteam.yaml"
    path.write_text(path.read_text("utf-8").replace("max_age: 17", "max_age: 25"), "utf-8")
    text = export.render(load_catalogue(catalog, today=TODAY, cache=False), "markdown", kommune="testby", today=TODAY)
    assert text.count("#### Ungdomsteamet") == 2
    assert "*Står også under Voksne.*" in text and "*Står også under Barn og unge.*" in text


# ---------- HTML ----------


class _Assets(HTMLParser):
    """Collects anything that would load another file: scripts, stylesheets, images, frames, fonts."""

    def __init__(self):
        super().__init__()
        self.external: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "link", "object", "embed", "video", "audio", "source"):
            self.external.append(f"<{tag} {attrs}>")


def test_html_is_self_contained_and_printable(loaded):
    text = export.render(loaded, "html", kommune="testby", today=TODAY)
    parser = _Assets()
    parser.feed(text)
    assert parser.external == []
    assert "url(" not in text and "@import" not in text
    assert text.startswith("<!DOCTYPE html>") and '<html lang="nb">' in text
    assert "<title>Oversikt for fastleger og turnusleger – Testby</title>" in text
    assert "@page { size: A4;" in text
    assert "break-inside: avoid" in text and "page-break-inside: avoid" in text
    assert "break-after: avoid" in text


def test_html_content(loaded):
    text = export.render(loaded, "html", kommune="testby", today=TODAY)
    assert "<h1>Oversikt for fastleger og turnusleger – Testby</h1>" in text
    assert '<section class="akutt"' in text
    assert "<h2>Barn og unge (under 18 år)</h2>" in text and "<h3>Psykisk helse</h3>" in text
    assert '<article class="service status-active" id="svc-testby-samtaletilbud">' in text
    assert "<dt>Kontakt</dt><dd>Sentralbord: 51 00 00 00 · post@testby.kommune.no · Hverdager 08–15</dd>" in text
    assert '<dt>Kontakt</dt><dd><span class="missing">ikke registrert</span></dd>' in text
    assert '<p class="status"><strong>Status:</strong> Finnes ikke i kommunen. Testby har ikke Rask rushjelp.</p>' in text
    assert ('<dt>Nettside</dt><dd><a href="https://www.testby.kommune.no/samtaletilbud">'
            "https://www.testby.kommune.no/samtaletilbud</a></dd>") in text


def test_html_escapes_catalogue_text(catalog):
    path = catalog / "testby" / "ungdomsteam.yaml"
    path.write_text(path.read_text("utf-8").replace("name: Ungdomsteamet", 'name: "<script>alert(1)</script>"'), "utf-8")
    text = export.render(load_catalogue(catalog, today=TODAY, cache=False), "html", kommune="testby", today=TODAY)
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_all_kommuner_each_start_a_page(capsys):
    assert main(["export", "--format", "html"]) == 0
    text = capsys.readouterr().out
    assert text.count('<section class="kommune"') >= 3
    assert "section.kommune + section.kommune { break-before: page;" in text


def test_export_writes_a_file(catalog, tmp_path, capsys):
    target = tmp_path / "oversikt.md"
    assert main(["--catalog", str(catalog), "export", "--format", "markdown", "--kommune", "Testby", "-o", str(target)]) == 0
    assert target.read_text("utf-8").startswith("# Oversikt for fastleger og turnusleger – Testby")
    assert f"Skrev {target}" in capsys.readouterr().err


def test_unknown_kommune(catalog, capsys):
    assert main(["--catalog", str(catalog), "export", "--format", "html", "--kommune", "Oslo"]) == 2
    assert "ukjent kommune 'Oslo'" in capsys.readouterr().err


# ---------- HSDS ----------


def test_hsds_export_is_valid_against_the_published_schemas(loaded):
    data = json.loads(export.render(loaded, "hsds", today=TODAY))
    assert hsds.validate(data) == []
    assert {k: len(v) for k, v in data.items() if isinstance(v, list)} == {
        "organizations": 4, "services": 6, "contacts": 4, "phones": 4, "schedules": 1, "service_areas": 6}


def test_hsds_bundled_catalogue_is_valid(capsys):
    assert main(["export", "--format", "hsds"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["services"]
    assert hsds.validate(data) == []


def test_hsds_ids_are_stable_uuid5(loaded):
    first = json.loads(export.render(loaded, "hsds", today=TODAY))
    second = json.loads(export.render(loaded, "hsds", today=TODAY))
    assert first == second
    service = next(s for s in first["services"] if s["name"] == "Samtaletilbud for voksne")
    assert service["id"] == str(uuid.uuid5(hsds.NAMESPACE, "service:testby-samtaletilbud"))
    assert uuid.UUID(service["id"]).version == 5


def test_hsds_mapping(loaded):
    data = json.loads(export.render(loaded, "hsds", kommune="testby", today=TODAY))
    by_name = {s["name"]: s for s in data["services"]}
    assert "Rask rushjelp" not in by_name  # absent: the kommune does not have it
    assert by_name["Pårørendegruppe"]["status"] == "inactive"
    assert by_name["Pårørendegruppe"]["alert"] == "Planlagt, ikke i drift. Planlagt oppstart høsten 2025."
    service = by_name["Samtaletilbud for voksne"]
    assert service["minimum_age"] == 18 and "maximum_age" not in service
    assert service["assured_date"] == "2026-03-01"
    assert service["eligibility_description"].startswith("Voksne fra 18 år")
    organization = next(o for o in data["organizations"] if o["id"] == service["organization_id"])
    assert organization["name"] == "Enhet for psykisk helse og rus"
    parent = next(o for o in data["organizations"] if o["id"] == organization["parent_organization_id"])
    assert parent["name"] == "Testby kommune"
    phone = next(p for p in data["phones"] if p["service_id"] == service["id"])
    assert phone["number"] == "51 00 00 00" and phone["description"] == "Hverdager 08–15"
    contact = next(c for c in data["contacts"] if c["id"] == phone["contact_id"])
    assert contact == {"id": contact["id"], "service_id": service["id"], "title": "Sentralbord",
                       "email": "post@testby.kommune.no"}
    areas = {a["name"] for a in data["service_areas"]}
    assert areas == {"Testby kommune", "Norge"}
    assert data["meta"]["kommune"] == "testby"


def test_hsds_validation_catches_broken_records(loaded):
    data = json.loads(export.render(loaded, "hsds", today=TODAY))
    broken = copy.deepcopy(data)
    broken["services"][0]["id"] = "not-a-uuid"
    broken["services"][1]["status"] = "absent"
    del broken["organizations"][0]["description"]
    broken["phones"][0]["contact_id"] = str(uuid.uuid4())
    problems = hsds.validate(broken)
    assert any(re.match(r"services\[0\]\.id: 'not-a-uuid' is not a 'uuid'", p) for p in problems)
    assert any(p.startswith("services[1].status: 'absent' is not one of") for p in problems)
    assert any(p.startswith("organizations[0].: 'description' is a required property") for p in problems)
    assert any(p.startswith("phones[0].contact_id:") for p in problems)


def test_hsds_schemas_are_the_published_ones():
    loaded = hsds.schemas()
    assert set(loaded) == {"organization", "service", "contact", "phone", "schedule", "service_area"}
    for name, schema in loaded.items():
        assert schema["$id"] == f"https://raw.githubusercontent.com/openreferral/specification/refs/heads/3.2/schema/{name}.json"
    assert loaded["service"]["required"] == ["id", "name", "status"]
    assert loaded["organization"]["required"] == ["id", "name", "description"]
