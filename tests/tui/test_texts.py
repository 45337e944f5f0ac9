"""The plain-text helpers behind chips, copying, the banner, the overview and the glossary."""

from __future__ import annotations

from dataclasses import replace

from gpguide.search import Engine
from gpguide.tui.texts import (
    age_bands,
    chips,
    clear_chip,
    contact_block,
    overview,
    referral_text,
    search_glossary,
)


def test_chips_and_clearing_each(catalogue):
    engine = Engine(catalogue)
    query = engine.ask("gutt 17 med lett angst og hasj, uten henvisning", kommune="sandnes").query
    found = {c.key: c for c in chips(query, catalogue)}
    assert found["kommune"].label == "Sandnes" and found["kommune"].long == "kommune: Sandnes"
    assert found["age"].label == "17 år" and found["sex"].label == "mann/gutt"
    assert found["severity"].label == "lett" and "self_referral" in found
    assert {"concept:angst", "concept:cannabis"} <= set(found)
    assert clear_chip(query, "kommune").kommune is None
    assert clear_chip(query, "age").age is None
    assert clear_chip(query, "sex").sex is None
    assert clear_chip(query, "severity").severity == frozenset()
    assert clear_chip(query, "self_referral").self_referral is False
    without = clear_chip(query, "concept:cannabis")
    assert "cannabis" not in {h.concept for h in without.concepts}
    assert "angst" in {h.concept for h in without.concepts}
    assert "hasj" not in without.words
    assert chips(None, catalogue) == []


def test_referral_text_has_no_question_text(catalogue):
    engine = Engine(catalogue)
    answer = engine.ask("Kari, kvinne 34 år fra Hommersåk, lett angst og søvnvansker", kommune="sandnes")
    service = answer.results[0].service
    text = referral_text(service, answer.query, catalogue)
    assert text.startswith(f"Henvisning til {service.name}")
    assert "Problemstilling: angst, søvnvansker" in text and "Alder: 34" in text and "Spørsmål:" in text
    assert "Kari" not in text and "Hommersåk" not in text
    assert referral_text(service, None, catalogue).count("…") >= 3


def test_contact_block_marks_what_is_unknown(catalogue):
    service = catalogue.services["sandnes-ungdomsteamet-12-18"] if "sandnes-ungdomsteamet-12-18" in catalogue.services \
        else next(s for s in catalogue.services.values() if not s.contacts)
    block = contact_block(service, catalogue)
    assert "ikke registrert" in block and block.splitlines()[-1].startswith("Kilde:")


def test_age_bands(catalogue):
    services = catalogue.services
    assert age_bands(services["sandnes-mestringsenheten"]) == ["voksne"]
    assert age_bands(services["sandnes-ungdomsteamet-12-18"]) == ["barn", "ungdom"]
    assert age_bands(services["nasjonal-113"]) == ["ukjent"]  # no limits registered is not «alle aldre»
    everyone = replace(services["nasjonal-113"], target=replace(services["nasjonal-113"].target, all_ages=True))
    assert age_bands(everyone) == ["alle"]


def test_overview_only_active_services_of_the_kommune(catalogue):
    groups = overview(catalogue, "strand")
    ids = {s.id for _, areas in groups for _, services in areas for s in services}
    assert "strand-kommunepsykolog" in ids
    assert "strand-rask-psykisk-helsehjelp" not in ids  # absent
    assert not any(i.startswith("sandnes-") for i in ids)


def test_glossary_search(catalogue):
    terms = catalogue.glossary
    assert [t.term for t in search_glossary(terms, "")] == sorted((t.term for t in terms), key=str.casefold)
    assert search_glossary(terms, "tsb")[0].term == "TSB"
    assert search_glossary(terms, "legemiddelassistert")[0].term == "LAR"
    assert search_glossary(terms, "distriktspsyk")[0].term == "DPS"
    assert search_glossary(terms, "qqqqzz") == []
