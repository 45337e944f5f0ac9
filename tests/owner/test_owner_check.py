"""`gpguide check`: one small broken file per kind of problem, and the exact line it must print."""

from __future__ import annotations

import pytest

from gpguide.catalogue import default_catalog_dir
from gpguide.cli import main
from owner_helpers import TODAY, add_broken, check_lines

PHONE_RULE = ("norske nummer har 8 sifre (f.eks. 51 68 50 00 eller +47 51 68 50 00), "
              "eller er kortnummer som 113 og 116 117")
COLON = "kolon på feil sted: står det et kolon inne i en tekst, sett teksten i anførselstegn; ellers er innrykket feil"

SELF_AND_REQUIRED = ("self_referral: true betyr at pasienten eller en pårørende kan ta første kontakt selv; det motsier "
                     "gp_referral: required (henvisning kreves). Rett det som er feil")
APPLICATION_RULE = ("en søknad om vedtak er application: true (self_referral kan også være true når pasienten sender "
                    "den selv)")
NO_ROUTE = "2:1: warning: ingen kontaktvei: verken kontakt, adresse, url eller hvor henvisning/søknad sendes"

# fixture file → the problems it must produce, as "line:col: severity: message"
CASES = {
    "yaml-syntax.yaml": [f"7:20: error: YAML-syntaksfeil: {COLON}"],
    "yaml-indent.yaml": [f"9:12: error: YAML-syntaksfeil: {COLON}"],
    "wrong-type.yaml": [
        "7:1: error: 'emergency' skal være true eller false, ikke tekst",
        "9:3: error: 'min_age' skal være et tall, ikke tekst",
    ],
    "missing-required.yaml": [
        "2:1: error: mangler påkrevd felt 'status'",
        "7:5: error: mangler påkrevd felt 'role'",
    ],
    "blank-fields.yaml": [
        "3:1: error: påkrevd felt 'name' er tomt; fyll det ut",
    ],
    "bad-enum.yaml": [
        "5:1: error: ugyldig verdi 'kommunal' for 'level' (kommunal → interkommunal?); "
        "tillatt: kommune, spesialist, nasjonal, frivillig, interkommunal",
        "6:1: error: ugyldig verdi 'aktiv' for 'status' (aktiv → active?); "
        "tillatt: active, planned, closed, uncertain, absent",
        "8:3: error: ugyldig verdi False for 'gp_referral' (YAML leser no/yes/on/off uten anførselstegn som "
        "sant/usant; skriv f.eks. \"no\"); tillatt: required, possible, no",
    ],
    "unknown-key.yaml": [
        "8:3: error: ukjent felt 'min_ag' (min_ag → min_age?)",
        "12:5: error: ukjent felt 'sorce' (sorce → source?)",
    ],
    "unknown-concept.yaml": [
        "8:21: error: ukjent begrep 'depresjonn' (depresjon?); se vocabulary.yaml",
        "9:20: error: ukjent begrep 'yoga'; se vocabulary.yaml",
    ],
    "unknown-reference.yaml": [
        "6:1: warning: status_note mangler: status absent trenger en forklaring med kilde",
        "9:5: error: ukjent tjeneste 'testby-samtaletilbu' i alternatives (testby-samtaletilbud?)",
        "10:11: error: ukjent tjeneste 'testby-finnes-ikke' i related",
    ],
    "unknown-source.yaml": [
        "9:3: error: kilden 'webb' finnes ikke under sources (web?)",
        "15:5: error: ukjent kildedokument 'testby-2042' (testby-2024?); se sources.yaml",
    ],
    "source-incomplete.yaml": [
        "8:5: error: kilden 'a' mangler 'lines' (linjene i dokumentet, f.eks. 783-788)",
        "10:5: error: kilden 'b' mangler 'seen' (datoen du leste nettsiden, f.eks. \"2026-11\")",
    ],
    "impossible-age.yaml": ["9:3: error: umulig aldersspenn: min_age 30 er høyere enn max_age 18"],
    "age-out-of-range.yaml": [
        "8:3: error: 'min_age' = -1 er utenfor gyldig område (skal være minst 0)",
        "9:3: error: 'max_age' = 200 er utenfor gyldig område (skal være høyst 120)",
    ],
    "bad-phone.yaml": [
        f"9:5: error: telefonnummeret '51 00 00' har 6 sifre; {PHONE_RULE}",
        f"12:5: error: telefonnummeret '+46 8 123 456 78' er ikke norsk (+47); {PHONE_RULE}",
        "15:5: error: telefonnummeret '51 00 00 0O' har tegn som ikke hører hjemme i et nummer; "
        f"skriv bare sifre og mellomrom: {PHONE_RULE}",
        "18:5: error: 'phone' skal være tekst, ikke et heltall; sett verdien i anførselstegn: \"51000000\"",
    ],
    "bad-email.yaml": [
        "9:5: error: ugyldig e-postadresse 'post.testby.kommune.no': skriv navn@domene.no, uten mellomrom eller æøå før @",
        "12:5: error: ugyldig e-postadresse 'post @testby.kommune.no': skriv navn@domene.no, uten mellomrom eller æøå før @",
        "15:5: error: ugyldig e-postadresse 'post@testby..no': skriv navn@domene.no, uten mellomrom eller æøå før @",
    ],
    "bad-url.yaml": [
        "7:1: error: ugyldig URL 'www.testby.kommune.no': skriv hele adressen med http:// eller https:// og et domene, "
        "uten mellomrom",
        "10:5: error: ugyldig URL 'https://testby kommune.no/side': skriv hele adressen med http:// eller https:// og et "
        "domene, uten mellomrom",
    ],
    "bad-date.yaml": [
        "10:5: error: ugyldig dato '2026-1-5' i 'seen': skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ (f.eks. 2024-05-31)",
        "11:1: error: umulig dato '2024-13-40' i 'assured_date': måned 13 finnes ikke",
    ],
    "impossible-date.yaml": ["10:5: error: umulig dato '2025-02-29' i 'page_date': februar 2025 har ikke dag 29"],
    "future-date.yaml": ["11:5: error: datoen '2099-01' i 'seen' ligger i fremtiden (i dag er 2026-06-01)"],
    "duplicate-key.yaml": [
        "8:1: error: feltet 'name' står to ganger (første gang på linje 3); bare den siste verdien blir brukt",
    ],
    "wrong-kommune.yaml": [
        "4:1: error: tjenester i mappen 'testby' skal ha kommune: testby (eller testby i service_areas)",
    ],
    "warnings.yaml": [
        "2:1: warning: ingen kilde: oppgi hvor opplysningene kommer fra under sources",
        "8:5: warning: navn, telefon eller e-post uten kilde",
        "11:1: warning: assured_date 2024-05-31 er eldre enn 12 måneder",
    ],
    "no-contact-route.yaml": [
        "2:1: warning: ingen kontaktvei: verken kontakt, adresse, url eller hvor henvisning/søknad sendes",
    ],
    "blank-optional.yaml": [],
    # Rules about what the fields say together (gpguide/catalogue/rules.py).
    "access-contradiction.yaml": [
        f"8:3: error: {SELF_AND_REQUIRED}",
        f"11:3: error: application_to sier hvor søknaden sendes, men application er false; {APPLICATION_RULE}",
        f"12:3: error: application_address sier hvor søknaden sendes, men application er false; {APPLICATION_RULE}",
    ],
    "application-not-set.yaml": [
        f"9:3: error: application_to sier hvor søknaden sendes, men application er ikke satt; {APPLICATION_RULE}",
    ],
    "all-ages-and-limits.yaml": [
        NO_ROUTE,
        "9:3: error: all_ages: true betyr at kilden sier «alle aldre»; fjern min_age/max_age eller all_ages",
    ],
    "requires-not-a-problem.yaml": [
        NO_ROUTE,
        "9:14: error: requires: 'psykose' står ikke i problems; en tjeneste som krever det, er også for det",
    ],
    "part-of-unknown.yaml": [NO_ROUTE, "8:3: error: ukjent tjeneste 'testby-finnes-ikke' i part_of"],
    "part-of-self.yaml": [NO_ROUTE, "8:3: error: part_of viser til tjenesten selv; oppgi enheten den hører til"],
    "part-of-unit-without-contact.yaml": [
        NO_ROUTE,
        "8:3: warning: ingen kontakt via enheten: 'testby-ungdomsteam' har ingen publisert kontakt med kilde, så "
        "kortet kan ikke vise en kontakt «via» den; legg inn enhetens kontakt med kilde når den finnes",
    ],
    "part-of-planned-unit.yaml": [
        NO_ROUTE,
        "8:3: warning: ingen kontakt via enheten: 'testby-parorendegruppe' har ingen publisert kontakt med kilde, så "
        "kortet kan ikke vise en kontakt «via» den; legg inn enhetens kontakt med kilde når den finnes",
        "8:3: warning: enheten 'testby-parorendegruppe' har status planned, men denne tjenesten står som active; sett "
        "samme status med status_note, eller kilde for at den finnes",
    ],
    "source-without-kind.yaml": [
        "11:5: warning: kildetype mangler: sett kind på kilden 'web' (egen, kommune, helseforetak, myndighet, "
        "revisjon, fagmiljo, nyhet, annen eller parti); kildestempelet ordner kildene etter den",
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_problem_is_reported_at_its_line(catalog, name):
    path = add_broken(catalog, name)
    code, lines = check_lines(catalog)
    found = [line for line in lines if line.startswith(f"{path}:")]
    assert found == [f"{path}:{expected}" for expected in CASES[name]]
    # The rest of the (clean) catalogue has only warnings; an error anywhere means exit code 1.
    assert code == (1 if any(": error: " in e for e in CASES[name]) else 0)


def test_a_ring_of_units_is_reported_in_both_files(catalog):
    first = add_broken(catalog, "part-of-ring-a.yaml")
    second = add_broken(catalog, "part-of-ring-b.yaml")
    code, lines = check_lines(catalog, errors_only=True)
    assert code == 1
    assert f"{first}:8:3: error: part_of går i ring (testby-part-of-ring-a → testby-part-of-ring-b → " \
           "testby-part-of-ring-a); en enhet kan ikke være en del av seg selv" in lines
    assert f"{second}:8:3: error: part_of går i ring (testby-part-of-ring-b → testby-part-of-ring-a → " \
           "testby-part-of-ring-b); en enhet kan ikke være en del av seg selv" in lines


def test_duplicate_id_is_reported_on_both_files(catalog):
    path = add_broken(catalog, "tilbud-med-samme-id.yaml")
    code, lines = check_lines(catalog)
    rule = "ingen av filene brukes før hver tjeneste har sin egen id"
    assert (f"{path}:2:1: error: id 'testby-samtaletilbud' er også brukt i testby/samtaletilbud.yaml; {rule}"
            in lines)
    assert (f"{catalog}/testby/samtaletilbud.yaml:2:1: error: id 'testby-samtaletilbud' er også brukt i "
            f"testby/tilbud-med-samme-id.yaml; {rule}" in lines)
    assert code == 1


def test_a_broken_file_is_skipped_but_the_rest_loads(catalog):
    from gpguide.catalogue import load_catalogue

    add_broken(catalog, "bad-phone.yaml")
    loaded = load_catalogue(catalog, today=TODAY, cache=False)
    assert "testby-bad-phone" not in loaded.services
    assert "testby-samtaletilbud" in loaded.services
    assert [p.name for p in loaded.skipped] == ["bad-phone.yaml"]


def test_short_codes_and_plus_47_are_norwegian_numbers(catalog):
    path = add_broken(catalog, "bad-phone.yaml")
    _, lines = check_lines(catalog)
    reported = {line.split(":")[1] for line in lines if line.startswith(f"{path}:")}
    assert reported == {"9", "12", "15", "18"}  # not 21 (113), 24 (116 117) or 27 (+47 51 00 00 00)


def test_clean_catalogue_exits_0_with_a_summary(catalog):
    code, lines = check_lines(catalog)
    assert code == 0
    assert lines[-1] == ("gpguide check: 7 tjenester og 1 kommune lest; 0 feil; "
                         "6 advarsler (6 uten assured_date)")


def test_errors_only_hides_warnings_but_counts_them(catalog):
    path = add_broken(catalog, "impossible-age.yaml")
    code, lines = check_lines(catalog, errors_only=True)
    assert code == 1
    assert lines[:-1] == [f"{path}:9:3: error: umulig aldersspenn: min_age 30 er høyere enn max_age 18"]
    assert lines[-1] == ("gpguide check: 7 tjenester og 1 kommune lest; 1 feil; 6 advarsler (6 uten assured_date); "
                         "1 fil hoppet over på grunn av feil; advarslene er skjult (kjør uten --errors-only for å se dem)")


def test_group_lists_each_kind_of_warning_once(catalog):
    add_broken(catalog, "warnings.yaml")
    code, lines = check_lines(catalog, group=True)
    assert code == 0
    assert "warning ×6: assured_date mangler: ingen tjenesteeier har bekreftet opplysningene" in lines
    assert f"  {catalog}/testby/ (4): boligkontor, parorendegruppe, rask-rushjelp, ungdomsteam" in lines
    assert "warning ×1: assured_date 2024-05-31 er eldre enn 12 måneder" in lines
    assert not any(": warning: " in line for line in lines)  # no ungrouped warnings


def test_a_single_file_is_checked_within_its_catalogue(catalog):
    path = add_broken(catalog, "unknown-concept.yaml")
    code, lines = check_lines(path)
    assert code == 1
    assert lines[0] == f"{path}:8:21: error: ukjent begrep 'depresjonn' (depresjon?); se vocabulary.yaml"
    assert all(line.startswith(str(path)) for line in lines[:-1])


def test_a_file_outside_a_catalogue_is_checked_on_its_own(tmp_path):
    from owner_helpers import FIXTURES

    path = tmp_path / "alene.yaml"
    path.write_text((FIXTURES / "broken" / "bad-url.yaml").read_text("utf-8"), "utf-8")
    code, lines = check_lines(path)
    assert code == 1
    assert lines[0].startswith(f"{path}:7:1: error: ugyldig URL 'www.testby.kommune.no'")


def test_cli_check_prints_compiler_style_and_exits_1(catalog, capsys):
    path = add_broken(catalog, "impossible-age.yaml")
    code = main(["check", str(catalog), "--errors-only"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == f"{path}:9:3: error: umulig aldersspenn: min_age 30 er høyere enn max_age 18"


def test_cli_check_uses_catalog_option(catalog, capsys):
    assert main(["--catalog", str(catalog), "check", "-e"]) == 0
    assert capsys.readouterr().out.startswith("gpguide check: 7 tjenester og 1 kommune lest; 0 feil;")


def test_bundled_catalogue_has_no_errors():
    """`gpguide check catalog/` as of today: warnings are expected (nothing is assured yet), errors are not."""
    import io

    from gpguide.owner import check

    out = io.StringIO()
    code = check.run(default_catalog_dir(), out, errors_only=True)
    assert [line for line in out.getvalue().splitlines() if ": error: " in line] == []
    assert code == 0


def test_a_kommune_directory_is_checked_within_its_catalogue(catalog):
    path = add_broken(catalog, "impossible-age.yaml")
    code, lines = check_lines(catalog / "testby", errors_only=True)
    assert code == 1
    assert lines[0] == f"{path}:9:3: error: umulig aldersspenn: min_age 30 er høyere enn max_age 18"
    code, lines = check_lines(catalog / "national")
    assert code == 0
    assert lines == [f"{catalog}/national/113.yaml:2:1: warning: assured_date mangler: ingen tjenesteeier har bekreftet "
                     "opplysningene", lines[-1]]
