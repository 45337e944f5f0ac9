"""Who to call: reach() gives the service's own contacts, or the unit's when `part_of` says so (labelled «via»),
and referral/application addresses as routes; source_stamp() puts the most authoritative source first and marks
political pages as claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpguide.catalogue import load_catalogue
from gpguide.catalogue.reach import (NOT_REGISTERED, reach, reach_lines, ranked_sources, source_kind, source_stamp,
                                     via_text)
from owner_helpers import TODAY

HEADER = "# yaml-language-server: $schema=../../../../../gpguide/schema/service.schema.json\n"


def write(root: Path, name: str, text: str) -> None:
    (root / "testby" / name).write_text(HEADER + text.strip() + "\n", encoding="utf-8")


def load(root: Path):
    return load_catalogue(root, today=TODAY, cache=False)


SUB = """
id: testby-kurs
name: Kurs i samtaletilbudet
kommune: testby
level: kommune
status: active
part_of:
  service: testby-samtaletilbud
  source: a
target:
  problems: [angst]
sources:
  - key: a
    doc: testby-2024
    lines: 20-25
"""

SUBSUB = """
id: testby-kursgruppe
name: Kursgruppe
kommune: testby
level: kommune
status: active
part_of:
  service: testby-kurs
  source: a
target:
  problems: [angst]
sources:
  - key: a
    doc: testby-2024
    lines: 20-25
"""


def test_own_contacts_come_first(catalog: Path):
    cat = load(catalog)
    found = reach(cat.services["testby-samtaletilbud"], cat)
    assert found.via is None
    assert [c.phone for c in found.contacts] == ["51 00 00 00"]
    assert found.reachable


def test_unit_contacts_only_through_part_of_and_labelled_via(catalog: Path):
    write(catalog, "kurs.yaml", SUB)
    cat = load(catalog)
    found = reach(cat.services["testby-kurs"], cat)
    assert found.via is not None and found.via.id == "testby-samtaletilbud"
    assert found.reachable
    assert via_text(found) == "via Samtaletilbud for voksne"
    assert all("(via Samtaletilbud for voksne)" in line for line in reach_lines(cat.services["testby-kurs"], cat))


def test_part_of_is_followed_upwards(catalog: Path):
    write(catalog, "kurs.yaml", SUB)
    write(catalog, "kursgruppe.yaml", SUBSUB)
    cat = load(catalog)
    found = reach(cat.services["testby-kursgruppe"], cat)
    assert found.via is not None and found.via.id == "testby-samtaletilbud"


def test_no_contact_is_never_guessed_from_a_name(catalog: Path):
    """Ungdomsteamet has no contact and no part_of: nothing is borrowed, and the card says so plainly."""
    cat = load(catalog)
    service = cat.services["testby-ungdomsteam"]
    found = reach(service, cat)
    assert found.contacts == () and found.via is None and not found.reachable
    assert reach_lines(service, cat) == [f"Kontakt: {NOT_REGISTERED}"]


def test_unit_without_sourced_contact_gives_nothing(catalog: Path):
    write(catalog, "del.yaml", """
id: testby-del
name: Del av ungdomsteamet
kommune: testby
level: kommune
status: active
part_of:
  service: testby-ungdomsteam
  source: a
sources:
  - key: a
    doc: testby-2024
    lines: 30-34
""")
    cat = load(catalog)
    found = reach(cat.services["testby-del"], cat)
    assert found.via is None and not found.reachable


def test_referral_and_application_addresses_are_routes(catalog: Path):
    write(catalog, "poliklinikk.yaml", """
id: testby-poliklinikk
name: Poliklinikken
kommune: testby
level: kommune
status: active
access:
  gp_referral: required
  referral_address:
    text: Elektronisk via Norsk helsenett, eller Postboks 1, 9999 Testby
    source: a
  source: a
sources:
  - key: a
    doc: testby-2024
    lines: 40-41
""")
    write(catalog, "boligkontor.yaml", """
id: testby-boligkontor
name: Boligkontoret
kommune: testby
level: kommune
status: active
target:
  problems: [bolig]
access:
  application: true
  application_to: Tildelingskontoret
  application_address:
    text: Elektronisk skjema på kommunens side, eller papirskjema
    source: a
  source: a
sources:
  - key: a
    doc: testby-2024
    lines: 40-41
""")
    cat = load(catalog)
    polyclinic = reach(cat.services["testby-poliklinikk"], cat)
    assert polyclinic.reachable and polyclinic.routes == (
        "Henvisning: Elektronisk via Norsk helsenett, eller Postboks 1, 9999 Testby",)
    housing = reach(cat.services["testby-boligkontor"], cat)
    assert housing.reachable and housing.routes == ("Søknad: Elektronisk skjema på kommunens side, eller papirskjema",)
    assert reach_lines(cat.services["testby-boligkontor"], cat) == list(housing.routes)


STAMPED = """
id: testby-stemplet
name: Stemplet tjeneste
kommune: testby
level: kommune
status: active
sources:
  - key: parti
    url: https://parti.example/testby
    title: Partiet i Testby
    page_date: "2025-01-01"
    seen: "2026-01"
    kind: parti
  - key: avis
    url: https://avis.example/sak
    title: Lokalavisen
    page_date: "2025-06-01"
    seen: "2026-01"
    kind: nyhet
  - key: audit
    doc: testby-2024
    lines: 1-2
  - key: hf
    url: https://hf.example/side
    title: Helseforetaket
    seen: "2026-01"
    kind: helseforetak
  - key: egen
    url: https://www.testby.kommune.no/stemplet
    title: Egen side
    seen: "2026-01"
    kind: egen
  - key: dir
    url: https://direktorat.example/side
    title: Direktoratet
    seen: "2026-01"
    kind: myndighet
"""


def test_source_stamp_orders_by_authority_and_marks_claims(catalog: Path):
    write(catalog, "stemplet.yaml", STAMPED)
    cat = load(catalog)
    service = cat.services["testby-stemplet"]
    kinds = [source_kind(s, cat, service) for s in ranked_sources(service, cat)]
    assert kinds == ["egen", "helseforetak", "myndighet", "revisjon", "nyhet", "parti"]
    stamp = source_stamp(service, cat)
    order = ["testby.kommune.no", "hf.example", "direktorat.example", "Forvaltningsrevisjon Testby 2024",
             "avis.example 2025-06-01", "parti.example 2025-01-01"]
    positions = [stamp.index(label) for label in order]
    assert positions == sorted(positions), stamp
    assert "parti.example 2025-01-01 (påstand)" in stamp
    assert stamp.count("(påstand)") == 1


def test_audit_document_counts_as_revisjon(catalog: Path):
    cat = load(catalog)
    service = cat.services["testby-ungdomsteam"]
    assert source_kind(service.sources[0], cat, service) == "revisjon"


@pytest.mark.parametrize("kind", ["egen", "kommune", "helseforetak", "myndighet", "revisjon", "fagmiljo", "nyhet",
                                  "annen", "parti"])
def test_every_declared_kind_is_kept(catalog: Path, kind: str):
    write(catalog, "kind.yaml", f"""
id: testby-kind
name: Kind
kommune: testby
level: kommune
status: active
sources:
  - key: web
    url: https://example.org/side
    title: Side
    seen: "2026-01"
    kind: {kind}
""")
    cat = load(catalog)
    service = cat.services["testby-kind"]
    assert source_kind(service.sources[0], cat, service) == kind
