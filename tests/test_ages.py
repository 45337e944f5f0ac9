"""Ages and diagnosis codes, each from a table of the ways GPs write them."""

from datetime import date

import pytest

from gpguide.search.ages import mentions, number_words, patient_age
from gpguide.search.codes import find_codes
from gpguide.search.normalise import fold


def age_of(text: str):
    patient, relative = patient_age(mentions(fold(text)))
    return (patient.value if patient else None), (relative.value if relative else None)


@pytest.mark.parametrize(
    "text, age",
    [
        ("sykehjemsbeboer 91 er urolig om natta", 91),
        # the age an illness began is no age now; «i 30-årsalder» is
        ("F20.0 Paranoid schizofreni (kjent siden 30-årsalder). Kvinne 81 år, stabil på depot.", 81),
        ("pas i 30-årsalder med angst", 30),
        # an ICPC code in a list of codes is no sex and age
        ("Diagnoser: F20.0, I50.9. ICPC-2 P72, K77.\nKvinne 81 år, stabil på depot.", 81),
        ("K77 med angst", 77),
        ("Diagnose: F41.1. K34 med uro", 34),
        ("ICPC P15, M56, levercirrhose, ønsker avrusning", 56),
        # a unit word after the person it tells the age of; a woman called «frue»
        ("gutt, åtte år, uro og konsentrasjonsvansker", 8),
        ("sønnen på ni år, sover dårlig", 9),
        ("enkefrue 82, angst og ensomhet", 82),
        ("datter på sytten, spiseforstyrrelse", 17),
        ("Gamlekaren på 78 bur aleina og drikk kvar dag", 78),
        ("gamlingen på 80 har sluttet å spise", 80),
        # a girl in western dialects (d673)
        ("Mora te ei tøs på 14 ringte: jentå har begynt å drikka på fest", 14),
        ("tausa (15) har angst", 15),
        # typed without commas or the code's dot
        ("mann 45 4-5 pils hver kveld", 45),
        ("Pas 34  F10 2  vil ikke søke kommunen", 34),
        # a boy or a girl the patient has is the patient's child
        ("Gravid uke 24, 29 år, moderat depresjon (F32.1), har gutt på 4 år. Mye bekymring.", 29),
        ("Kvinne 35 med jente 3 år, sover dårlig", 35),
        # a school year is no age
        ("elev 9. kl, 14 år, mykje fråvær", 14),
        ("elev 9 klasse med angst, 14 år", 14),
        ("Voksen-ADHD (F90 0) kvinne 35", 35),
        ("17 år går på vgs moderat depresjon (F32 1)", 17),
        ("Løslatt fra soning forrige uke 28 år var rusfri", 28),
        ("flyktninggutt 13 med mareritt", 13),
        ("19 år med mistanke om begynnende psykose", 19),
        ("19 år med angst", 19),
        ("sønnen på 17 ruser seg", 17),
        ("sønnen, 17 år, røyker hasj", 17),
        ("jente på 15", 15),
        ("17 og et halvt år", 17),
        ("snart 18, angst", 17),
        ("jente snart 18 år, angst", 17),
        # a hedged duration is no age, and never beats an age stated outright
        ("23 år, sosial angst, AAP fra NAV snart 2 år, vil i jobb", 23),
        ("sykmeldt i nesten 3 år, mann 45", 45),
        ("Jente som fyller 18 om tre uker", 17),
        ("fyller 18 nå, trenger bolig", 18),
        ("gutten e 16, deppa", 16),
        ("gutt 10 forteller på helsestasjonen at far slår", 10),
        ("fjorten år gammel jente", 14),
        ("tjuefem år gammel mann", 25),
        ("Åtte år gammel jente, mor ruser seg", 8),
        ("ein fireåring som ikkje et", 4),
        ("Kåre e 62 og har vore nedfor lenge", 62),
        ("Line er 34, deprimert", 34),
        ("alkoholiker 52 år i Nes, kraftige abstinenser", 52),
        ("M29", 29),
        ("k 34", 34),
        ("M 45 ROP", 45),
        ("G17 hasj daglig", 17),
        ("hun er 17", 17),
        ("ho er 16 år", 16),
        ("mobbing 14 år psykolog", 14),
        ("ute av arbeid i 3 år, 45 år", 45),
        ("40 år, drukket tungt i 15 år", 40),
        ("sist innlagt for 2 år siden, nå 34 år", 34),
        ("14 uker gravid, 28 år", 28),
        ("løslatt etter 2 års soning, 31 år", 31),
        ("ein 17-års gut med angst", 17),
        ("foreldre vil ha råd om 16-åringens cannabisbruk", 16),
        ("Far (44) ringer om sønn 20 år, bodde i fosterhjem til han fylte 18", 20),
        ("Sønn (55) mistenker at faren på 84 blir utnyttet økonomisk", 84),
        ("J 7, mye vondt i magen før skolen", 7),
        ("G 9 med uro i timene", 9),
        ("K, 29, gravid i uke 20", 29),
        ("femtenåring med angst", 15),
        ("ein tjuetreåring som drikk", 23),
        ("gut 20 u/ jobb og skule, sit heime og gamer", 20),  # «u/» is «uten», not weeks
        ("F 34 m schizofreni, rotete leilighet", 34),
        ("F 69, tilbakevendende depr, P76", 69),
        ("F 41 kvinne 33", 33),
        ("pas med paranoid schizofreni i 40 år, nå 68, klarer seg ikke alene", 68),
        ("enkemainn 72, einsom ette kona døde i fjor", 72),  # dialect
    ],
)
def test_patient_age(text, age):
    assert age_of(text)[0] == age


@pytest.mark.parametrize("text, born", [("Pas. f. 2011, ADHD", 2011), ("jente født 09.03.2009, angst", 2009),
                                        ("mann født i 1950", 1950)])
def test_a_year_of_birth_gives_the_age_this_year(text, born):
    assert age_of(text)[0] == date.today().year - born


@pytest.mark.parametrize(
    "text",
    [
        "F41 angst",  # an ICD-10 code
        "gutten, to år med skolevegring",  # a duration after the person, in words
        "gutten på fjorten dager",
        "F32.1",
        "P76",
        "gravid uke 14, bruker amfetamin",
        "gravid i uke 20",
        "ute av arbeid 3 år",
        "drukket i 20 år",
        "har vært rusfri 2 år",
        "3 år siden",
        "tatt 20 mg",
        "brukt 15 tabletter",
        "fra 2019",
        "drikker 6-8 pils hver kveld",
        "innlagt 3 ganger siste år",
        "mor til 2 barn, deprimert",
        "BMI er 16, kaster opp",  # a measure «is» a number too
        "klokka er 12, han er full",
        "etter 3 års fengsel vil han ha rusbehandling",
        "10 års rusbruk bak seg",
    ],
)
def test_never_an_age(text):
    assert age_of(text)[0] is None


@pytest.mark.parametrize(
    "text, patient, relative",
    [
        ("F41 kvinne 33", 33, None),
        ("Jente 15, storebror (19) ruser seg på amfetamin", 15, 19),  # a sibling said as one word
        ("Kvinne 23 år, anoreksi siden 17 år. BMI nå 16,5, stabil vekt", 23, None),  # a decimal is no age
        # a count of children before their ages still says whose ages they are
        ("kvinne 35, har 2 barn på 4 og 9. hvem ivaretar barna?", 35, 4),
        ("F32.1 mann 50", 50, None),
        ("F10.2 mann 60", 60, None),
        ("mor 45 bekymret for sønnen på 17", 17, 45),  # the one asking keeps her own age
        ("Mamma (49) lurer på hva hun kan gjøre for sønnen (21)", 21, 49),
        ("Kona (57) til en av mine pasienter (59, F33.2)", 59, 57),
        ("far 61 til 27-åring med psykose", 27, 61),
        ("Mann (60) er pårørende til kona (58), trenger noen å prate med", 58, 60),
        ("Datter (35) ber om råd: mora (63) drikker mye", 63, 35),
        ("Mor (41): ungen på 13 har vore full", 13, 41),
        ("kvinne 45, sønnen (17) ruser seg", 45, 17),  # the patient is named first
        ("17 år gravid uke 20, bor med kjæresten (19)", 17, 19),  # a partner's age is a relative's
        ("mor (40) og far (42): sønnen 15 har begynt å drikke", 15, 42),  # parents who ask, ask about their child
        ("M24 hører stemmer, mistenksom. mor (50) er med", 24, 50),  # she comes along; he is the patient
        ("kvinne 45, broren (50) døde i fjor", 45, None),  # the age of someone who died is no one's to help
        ("Familie i sjokk etter at sonen (17) døydde brått i går", None, None),
        ("datter 19 år med anoreksi, mor spør", 19, None),
        ("mor (52) til datter med rus, mor trenger støtte", None, 52),
        ("84 år gammel kvinne, sønnen tar pengene hennes", 84, None),
        ("Mor (44) er med sønnen på 16: røyker hasj", 16, 44),
        ("Bestemor (70) har omsorga for barnebarnet (16)", 16, 70),
        ("Pasient 17 år lurer på om hasj er farleg", 17, None),  # asking for himself
        ("Mor (34) forteller at samboeren slår henne, barna på 6 og 9 har sett det", 34, 6),  # her own story
        ("Datter (55) forteller at mora på 82 blir presset for penger", 82, 55),
        ("Mor (55) på kontoret: sønnen på 24 ruser seg på amfetamin", 24, 55),
        ("Far (50) spør: sonen hans på 27 har schizofreni", 27, 50),
        ("K62, brukt Sobril i >10 år", 62, None),
        ("Kone (58) av pasient med depresjon ber om støtte til seg sjølv, mann 61", 61, 58),
        ("ektemann (42) ringer om kona 39 med alvorleg depresjon", 39, 42),
        ("Sønn (50) kontakter meg om mor 78: drikker vin hver dag", 78, 50),
        ("Dotter (52) tok kontakt om far 80, han drikk mykje", 80, 52),
        ("datter (25) av en mor med alvorlig psykisk lidelse, sliten", 25, None),
        ("mor (41) om sønnen på 13 - har begynt å drikke i helgene", 13, 41),  # «om» the son: she asks
        ("mor (47) fra Årnes spør om sønnen (20) som snuser kokain", 20, 47),
        ("far 52 og mor 49 spør hvor de kan ringe – sønnen 18 år spiller", 18, 52),  # both parents ask
        ("mor 26, ungar på 1 og 3 år, sliten, ber sjølv om foreldrerettleiing", 26, 1),  # the children's ages are theirs
        ("datter 48 til pas 80 med alvorlig depresjon, vil ha noen å snakke med", 80, 48),
        # An elder relative who goes straight on to one child's story brings it; their own story stays theirs.
        ("Far, 41, sier sønnen (14) har begynt å snuse", 14, 41),
        ("Mor, 48 år, sønn 23 i aktiv amfetaminrus", 23, 48),
        ("Mormor 70 år har hatt barnebarnet (9) boende hos seg", 9, 70),
        ("Pårørende 60 år, datteren (30) har ruset seg i mange år", 30, 60),
        ("Far 50 år bekymret: sønnen (15) er med i en gjeng", 15, 50),  # only the first is the one who asks
        ("Mor (47) er min pasient. Sønnen på 23 ruser seg", 47, 23),
        ("Min pasient, mor 58, har en sønn på 30 med schizofreni", 58, 30),  # the kin word names the patient
        ("Min pasient, mor 40, har en sønn på 15 som ruser seg", 15, 40),  # a minor's story is still the child's
        ("Kona (49) til en spillavhengig er pasienten min.", 49, None),  # named as the patient after the kin word
        ("Mor (62) ringer, sønnen (31) er min pas.", 31, 62),
        ("Mora, 48, er min pasient: får ikke sove etter at sønnen (19) døde.", 48, None),
        ("far 34, kokain i helgene, barn på 2 og 5", 34, 2),
        ("24 år, flyttet ut fra barnevernsinstitusjon som 18-åring", 24, None),  # an age then is not an age now
        ("jente 19, sliten sidan ho var 12 år", 19, None),
        ("Mor (52) kommer for egen del: sønnen på 24 bruker kokain", 52, 24),  # here as the patient
        ("far (45) kjem for eigen del, dottera på 19 drikk", 45, 19),
        # «har ein 3-åring» after the patient's own age: her child
        ("Gravid veke 22, 29 år, bruker benzodiazepinar utan resept. Har ein 3-åring.", 29, 3),
        ("Mor har en 15-åring som ruser seg", 15, None),
        # grandchildren are children, and their ages theirs
        ("bestemor 68 har hatt barnebarna (9 og 12 år) boende, ber om støtte til seg selv og barna", 68, 9),
        # a sex letter before a relative's age («Datter (k 34) ringer om far, 67 år»)
        ("Datter (k 34) ringer om far, 67 år, som drikker daglig", 67, 34),
        ("samboer 32 år på kontoret, bekymret for partner (m 35) med schizofreni", 35, 32),
        # a range before an amount: «ringer datteren 15-20 ganger om dagen» (d588)
        ("Datter (50) av en av mine pasienter. Moren er 80, har angst og ringer datteren 15-20 ganger om dagen. "
         "Datteren er utslitt", 50, 80),
        # a mother who comes «for egen del» is the patient, however far the words stand from her age (d651)
        ("Mor (52) til en av mine pasienter, kom for egen del: «Sønnen min på 26 går på amfetamin igjen»", 52, 26),
        # the one a daughter is worried about is the patient (d651)
        ("Datter er bekymret for mor (79): enke siden i fjor, bor alene, drikker vin hver dag", 79, None),
        # the wife «til en av mine pasienter» asks about the patient, her husband (d632)
        ("Kona (77) til en av mine pasienter ringer: mannen (80) har hatt alvorlig depresjon siden hjerneslaget", 80, 77),
        # the kin word after an age told as years old («en 70 år gammel mor») (d669)
        ("Sønnen (40) til en 70 år gammel mor med bipolar lidelse er hos meg selv for søvnvansker", 40, 70),
        ("Sonen (40) til ei 70 år gamal mor med bipolar liding er hos meg sjølv", 40, 70),
    ],
)
def test_relatives_ages_are_kept_apart(text, patient, relative):
    assert age_of(text) == (patient, relative)


@pytest.mark.parametrize(
    "text, codes",
    [
        ("F41 kvinne 33", [("icd10", "F41")]),
        ("F32.1 mann 50", [("icd10", "F32.1")]),
        ("P76 35 år", [("icpc", "P76")]),
        ("p 74, z29", [("icpc", "P74"), ("icpc", "Z29")]),
        ("F43.1 og F10", [("icd10", "F43.1"), ("icd10", "F10")]),
        ("angst", []),
        ("F 34 m schizofreni", []),  # a woman of 34, as «K 34»
        ("F 32.1, kvinne 45", [("icd10", "F32.1")]),
        ("F 41 kvinne 33", [("icd10", "F41")]),  # another age given: «F 41» is the code
    ],
)
def test_codes(text, codes):
    assert [(c.system, c.code) for c in find_codes(fold(text))] == codes


def test_icd10_codes_mean_concepts(engine):
    query = engine.understand("F43.1 kvinne 33", kommune="sandnes")
    assert query.age == 33
    assert query.icd10 == ("F43.1",)
    assert "traume" in query.primary_concepts
    assert "alkohol" in engine.understand("F10.2 mann 60").primary_concepts


def test_the_other_parent_asks_for_the_children():
    assert age_of("Far (41) innlagt med psykose. Mor spør hva guttene på 9 og 11 kan få av hjelp")[0] == 9


def test_a_year_of_birth_is_placed_where_it_stands_after_an_age_in_words():
    folded = fold("fjorten år gammel jente, sønnen f. 2015")
    born = next(m for m in mentions(folded) if m.value == date.today().year - 2015)
    assert number_words(folded)[born.start:born.start + 4] == "2015"


def test_an_age_stated_outright_beside_a_year_of_birth_wins():
    assert age_of("Kvinne f. 1943 (81 år), enke siden i fjor. Trist, isolerer seg.")[0] == 81


def test_a_year_of_birth_after_a_kin_word_is_that_relatives():
    born = mentions(fold("Dotter (f. 1987) er uroa for mor si, 67 år, bipolar lidelse"))
    assert [(m.value, m.who) for m in born if m.who == "dotter"] == [(date.today().year - 1987, "dotter")]
    assert age_of("Dotter (f. 1987) er uroa for mor si, 67 år, bipolar lidelse")[0] == 67


def test_a_boy_in_western_dialect_has_his_age():
    assert age_of("mora te ein gudd på 16 ringde meg, han røyke hasj")[0] == 16


def test_home_cares_word_for_the_one_it_serves_has_an_age_and_the_verb_none():
    assert age_of("Hjemmesykepleien ringte om en bruker på 79 som drikker")[0] == 79
    assert age_of("ein brukar (83) av heimetenesta")[0] == 83
    assert age_of("han bruker 2 tabletter om kvelden")[0] is None


def test_the_boy_whose_father_died_keeps_his_age():
    assert age_of("Faren til ein gut på 12 døydde brått i ei ulukke på laurdag. Mor var innom med han i dag.")[0] == 12
    assert age_of("Mor (55) til en gutt på 26 som døde av overdose for 12 dager siden.") == (None, 55)


def test_a_son_who_lives_elsewhere_and_rings_about_his_mother_asks():
    assert age_of("Sønn (52) bor i Oslo og ringer om mor, 78, i Nes. Enke siden i fjor, har blitt deprimert.")[0] == 78


def test_a_son_lost_in_an_accident_is_no_patient():
    assert age_of("Ei mor (46) på Tau mista sonen sin på 17 i ei drukningsulykke i går kveld.")[0] == 46
    assert age_of("Gutt 15 har mistet motivasjonen, mor (44) er bekymret.")[0] == 15


def test_a_son_in_brackets_with_where_he_lives_rings_about_his_mother():
    assert age_of("Sønn (54, bur i Stavanger) ringjer om mora på 81 på Tau. Ho et lite.")[0] == 81


def test_a_girl_in_romerike_dialect_has_an_age():
    assert age_of("Mora te jinta på 17 ringte. Jinta kutter sæ på armene.")[0] == 17


def test_a_patients_decade_wins_over_the_age_of_his_wife_who_rings():
    assert age_of("Journal: en mann i 40-åra, alvorlig depresjon. Nå ringer kona (44) til kontoret.")[0] == 40
    assert age_of("Foreldre i 60-åra er utslitte – sønnen (33) har schizofreni.")[0] == 33


def test_a_worried_daughter_named_after_the_patients_story_asks_nothing():
    patient, relative = patient_age(mentions(fold("enke 81 år, depr etter at mannen døde i fjor, isolerer seg. datter 55 "
                                                  "bekymret. kommunalt tilbud?")))
    assert patient.value == 81 and not relative.asker
    assert patient_age(mentions(fold("Datter (55) bekymret for mor 82 som drikker.")))[0].value == 82


def test_the_child_the_question_is_about_is_the_patient():
    assert age_of("Mor (44) var inne i dag, men det er sønnen på 15 det gjelder. Han røyker hasj.")[0] == 15
    assert age_of("Mor 44 med GAD (P74) spør om sønnen 14: røyker hasj, tatt for nasking.")[0] == 14
    assert age_of("Mor (44) var inne i dag med angst og søvnvansker.")[0] == 44


def test_a_mother_who_came_with_her_girl_brings_the_girls_story():
    assert age_of("Mamma (41) kom med jenta si på 14, går i 9. klasse. Kutter seg på armene siden jul.")[0] == 14


def test_a_parent_worried_for_one_minor_asks_about_the_minor():
    assert age_of("Mor (44) var innom meg i dag, bekymret for sønnen på 15. Han røyker hasj.")[0] == 15
    assert age_of("Far 42 på LAR, stabil. Bekymret for barna på 7 og 12.")[0] == 42
