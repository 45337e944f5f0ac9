"""Reading a GP's question: ages, sex, kommune, severity, access wishes, ICPC, concepts, danger."""

import pytest

from gpguide.search.lexicon import Lexicon
from gpguide.search.normalise import fold, joined, stem, tokens
from gpguide.search.understand import _TOKEN_SPAN, context_positions, understand


@pytest.fixture(scope="module")
def lexicon(catalogue):
    return Lexicon.build(catalogue)


def concepts(lexicon, text):
    return {h.concept for h in understand(text, lexicon).concepts if h.primary}


def in_history(text, word):
    """Whether the first `word` of the folded text is told as the patient's history, not asked for."""
    return _TOKEN_SPAN.findall(fold(text)).index(word) in context_positions(text)[0]


@pytest.mark.parametrize(
    "text, age",
    [
        ("angst 17 år", 17),
        ("17-åring med angst", 17),
        ("17 åring med angst", 17),
        ("gutt 17, angst og hasj, skulker", 17),
        ("jente (15) mobbes", 15),
        ("72 år gammel kvinne", 72),
        ("kvinne 34 år, lett angst", 34),
        ("mann 52 drikker for mye", 52),
        ("P76 35 år", 35),
        ("einsam pensjonist på 81", 81),
        ("17", 17),
        ("angst", None),
        ("drikker 10 øl hver dag", None),
        ("mor til 2 barn, deprimert", None),
    ],
)
def test_age_forms(lexicon, text, age):
    assert understand(text, lexicon).age == age


@pytest.mark.parametrize("text, band", [("ungdom med angst", (13, 19)), ("ung voksen i aktiv rus", (18, 25)),
                                         ("eldre mann deprimert", (65, 110)), ("angst", None)])
def test_age_words_are_soft_hints(lexicon, text, band):
    query = understand(text, lexicon)
    assert query.age is None
    assert query.age_band == band


def test_sex_and_kommune_from_text(lexicon):
    query = understand("jente 15 år i Strand med lavt selvbilde", lexicon)
    assert query.sex == "kvinne"
    assert query.kommune == "strand"
    assert understand("angst, bor i Sandnes", lexicon).kommune == "sandnes"
    assert understand("Nes kommune, depresjon", lexicon).kommune == "nes"


@pytest.mark.parametrize(
    "text, tiers",
    [
        ("lett til moderat angst", {1, 2}),
        ("begynnende alkoholproblem, ikke avhengig", {1}),
        ("alvorlig langvarig depresjon", {3}),
        ("ROP-pasient med lavt funksjonsnivå", {3}),
        ("angst og rot med økonomien, trenger noen som følger tett opp", {3}),
        ("F10.2, trenger tett oppfølging over tid", {3}),
        ("angst", set()),
    ],
)
def test_severity(lexicon, text, tiers):
    assert understand(text, lexicon).severity == tiers


def test_access_wish(lexicon):
    assert understand("angst, ønsker hjelp uten henvisning", lexicon).self_referral
    assert understand("noe lavterskel for rus?", lexicon).self_referral
    assert understand("ønsker et dagtilbud, helst uten søknad og vedtak", lexicon).self_referral
    assert understand("et sted han kan bare komme innom", lexicon).self_referral
    assert understand("Hva har Sandnes med lav terskel?", lexicon).self_referral
    query = understand("F10.2, ønsker ikke å vente på henvisning", lexicon)
    assert query.self_referral and not query.referral
    assert not understand("angst", lexicon).self_referral
    assert understand("jente 13, angst, mor ber om henvisning", lexicon).referral
    assert understand("Kven kan eg tilvise til?", lexicon).referral
    assert not understand("angst, ønsker hjelp uten henvisning", lexicon).referral


def test_icpc_codes_expand_to_concepts(lexicon):
    query = understand("P76 35 år", lexicon)
    assert query.icpc == ("P76",)
    assert "depresjon" in {h.concept for h in query.concepts}


def test_folding_and_stemming():
    assert fold("Pårørende") == fold("parorende") == fold("paaroerende")
    assert tokens("ROP-pasient") == ["rop", "pasient"]
    assert stem("psykoser") == stem("psykose")
    assert stem("fastlegen") == stem("fastlege") == "fastlege"


def test_fastlege_is_not_a_clinical_word(lexicon):
    assert concepts(lexicon, "fastlegen lurer på") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("rusavhengighet", "rus"),
        ("angstlidelse", "angst"),
        ("selvmordstanker", "selvmordstanker"),
        ("angts og depresjn", "angst"),
        ("angts og depresjn", "depresjon"),
        ("røyker hasj", "cannabis"),
        ("vaksen kvinne med angst, treng nokon å snakke med", "samtaler"),
        ("pårørende til sønn", "parorende"),
        ("paaroerende", "parorende"),
        ("har ikke bolig", "bolig"),
        ("jente 14, BMI 15, trener tvangsmessig", "spiseforstyrrelse"),
        ("22 år, ikke vært i jobb eller skole på to år, sosial angst", "utenforskap"),
        ("gutt 19, trekker seg tilbake, rar tenkning, hører kanskje stemmer", "psykose_tidlig"),
        ("rusfri 8 mnd etter døgnbehandling, trenger nettverk", "utskrivning"),
        ("K 22, vokste opp med en far som drakk, sliter med angst", "barn_som_parorende"),
        ("M 40, bipolar, vil ha vanlig jobb med støtte", "ordinaert_arbeid"),
        ("Sykmeldt, vil tilbake i ordinært arbeid", "ordinaert_arbeid"),
        ("G 18, siste 2 mnd hører han kommentarer ingen andre hører", "psykose_tidlig"),
        ("Mistenker prodromalfase hos jente 16", "psykose_tidlig"),
        ("K 80, sønnen disponerer bankkortet hennes", "vold_overgrep"),
        ("Spilleavh. – nasjonal hjelpelinje?", "spill"),
        ("M 40, alkohol med avh. og depr. siste år", "depresjon"),
        ("K 48, F10.2, ønsker poliklinisk behandling for alkohol", "rusbehandling"),
        ("Far 40 med alkoholavhengighet, to born heime. Kven syter for at ungane blir sett?", "barn_som_parorende"),
        ("G 19, seier at tankane hans blir lesne, flat affekt", "psykose"),
        ("Han tror TV-en snakker til ham og at andre kan lese tankene", "psykose"),
        ("G 19, siste halvåret isolert, seier at tankane hans blir lesne", "psykose_tidlig"),
        ("M 37, husleiekontrakten går ut om 4 uker og han finner ikke noe sted å bo", "bolig"),
        ("Pasient 34 løslatt fra fengsel i dag, har ingen bolig i natt", "akutt_bolig"),
        ("gutt 16 slutta å gå på skolen, gamer hele natta", "utenforskap"),
        ("gutt 16 sitter på rommet hele dagen", "ensomhet"),
        ("eldre mann 84 bor alene, har falt to ganger. trenger noe hjemme", "hjemmetjenester"),
        ("M 61 alkohol, bur aleine, står i fare for å miste leiligheta", "bolig"),
        ("M 30, paranoid og mistenksom, første episode?", "psykose_tidlig"),
        ("M56 bipolar, stabil på litium, men klarer ikke bo alene", "hjemmetjenester"),
        ("K 30 schizofreni, klarer ikke å mestre egen leilighet", "bolig"),
        ("M 25 psykose, utskr fra Lurud i går", "utskrivning"),
        ("M 27 F20, flytter snart. trenger bo-oppfølging", "bolig"),
        ("K 40, bipolar, klarer ikke å holde orden i leiligheten", "bolig"),
    ],
)
def test_concepts(lexicon, text, expected):
    assert expected in concepts(lexicon, text)


@pytest.mark.parametrize("text, absent", [
    ("Diagn.: depresjon. Kons. i dag", "utredning"),  # a heading, not a word cut short
    ("Vil ha henv. til DPS", "informasjon"),  # «henv» begins one vocabulary word only: no guess
    ("Bor hjemme. Trenger bolig", "hjemmetjenester"),  # a sentence ends there
    ("M 50, alkohol, lavterskel først. ruskonsulent?", "psykose_tidlig"),  # a whole word, not «først(egangspsykose)»
    ("snakket med dem. angst", "demens"),
    ("kommer hjem sent. hasj", "sentralstimulerende"),
])
def test_a_word_cut_short_is_read_only_where_it_is_one(lexicon, text, absent):
    assert absent not in concepts(lexicon, text)


def test_compulsive_is_no_coercion_and_training_as_a_symptom_is_no_wish_for_activity(lexicon):
    found = concepts(lexicon, "jente 14, vekttap, trener tvangsmessig")
    assert "tvang" not in found and "aktivitet" not in found
    assert "tvang" not in concepts(lexicon, "tvangsmessige tanker om smitte")


def test_short_everyday_words_do_not_become_typos(lexicon):
    # "ingen" is one edit from "ringe", "russisk" starts with "rus"
    assert concepts(lexicon, "ingen") == set()
    assert "rus" not in concepts(lexicon, "russisk")


def test_negation_removes_problems_but_not_needs(lexicon):
    query = understand("ikke avhengig, drikker for mye", lexicon)
    assert "avhengig" in query.negated
    assert "alkohol" in {h.concept for h in query.concepts}
    assert "bolig" in concepts(lexicon, "uten bolig")


@pytest.mark.parametrize(
    "text",
    [
        "pasient med akutte selvmordstanker og konkret plan i kveld",
        "akutt psykotisk og truende mot familien",
        "sier han skal ta livet sitt i natt",
        "jente (16) har samla piller og seier ho vil ta sjølvmord i kveld",
        "funnet bevisstløs etter heroin, puster dårlig",
        "tatt overdose av paracetamol",
        "hører stemmer som sier han må skade kona",
        "selvmordstanker 16 år",
        "akutt forverring av depresjon, kan ikke vente til mandag",
    ],
)
def test_acute_danger_is_urgent(lexicon, text):
    assert understand(text, lexicon).urgent


@pytest.mark.parametrize(
    "text",
    ["lett eksamensangst, 17 år", "ingen selvmordstanker, lett depresjon", "ikke suicidal, sover dårlig",
     "tidligere psykose, nå stabil, trenger jobb"],
)
def test_not_urgent(lexicon, text):
    assert not understand(text, lexicon).urgent


def test_chronic_suicidal_thoughts_without_plan_give_a_reminder(lexicon):
    query = understand("har hatt selvmordstanker i mange år, ingen plan", lexicon)
    assert not query.urgent
    assert query.safety_reminders


def test_bereaved_after_a_relatives_suicide_is_a_reminder_not_an_alarm(lexicon):
    query = understand("trenger noen å snakke med etter at broren tok sitt eget liv for to år siden", lexicon)
    assert not query.urgent and query.safety_reminders
    assert understand("han sier han vil ta livet sitt", lexicon).urgent


def test_decade_gives_age_and_band(lexicon):
    query = understand("mann i 40-årene, drikker", lexicon)
    assert query.age == 40 and query.age_band == (40, 49)


def test_healthy_is_not_a_problem(lexicon):
    assert "psykiske_plager" not in concepts(lexicon, "røyker weed daglig, ellers psykisk frisk")


def test_relatives_illness_is_context_not_the_patients_problem(lexicon):
    query = understand("mor til sønn med rusproblemer trenger støtte", lexicon)
    primary = {h.concept for h in query.concepts if h.primary}
    assert "parorende" in primary and "rus" not in primary


def test_a_parent_writing_about_a_child_just_past_school_age_asks_for_the_child(lexicon):
    def primary(text):
        return understand(text, lexicon).primary_concepts

    son = primary("Melding frå mor til ein gut på 19: Han har slutta på vidaregåande, røyker hasj fleire gonger i veka.")
    assert {"cannabis", "parorende"} <= set(son)
    assert "cannabis" not in primary("Mor til sønn på 34 som røyker hasj daglig. Hva finnes?")
    assert "cannabis" not in primary("Mor til gut på 19 som røyker hasj, spør for egen del.")


@pytest.mark.parametrize("text", ["står på brua og truer med å hoppe", "har lagt ut avskjedsmelding og svarer ikke",
                                  "tatt GHB, nesten ikke mulig å vekke"])
def test_more_acute_signs(lexicon, text):
    assert understand(text, lexicon).urgent


def test_past_acute_admissions_are_history_not_an_emergency(lexicon):
    assert not understand("bipolar, 5 akuttinnleggelser i år, møter aldri på poliklinikken", lexicon).urgent


@pytest.mark.parametrize("text, age", [("M29 bipolar, ute av arbeidslivet 3 år", 29), ("K45, dep. ep.", 45),
                                        ("drukket i 10 år, nå 52 år", 52), ("12-åring med skolevegring", 12)])
def test_age_is_not_a_duration(lexicon, text, age):
    assert understand(text, lexicon).age == age


def test_five_letter_typos_are_only_swaps(lexicon):
    assert "angst" in concepts(lexicon, "angts")
    assert "okonomi" not in concepts(lexicon, "trygt sted")


def test_past_attempt_now_stable_is_a_reminder(lexicon):
    query = understand("selvmordsforsøk for to år siden, nå stabil, ønsker faste samtaler", lexicon)
    assert not query.urgent and query.safety_reminders


def test_misspelt_service_names(lexicon, engine):
    assert engine.understand("fakt teamet henvisning", kommune="sandnes").names.get("sandnes-fact-sandnes", 0) >= 0.8
    assert understand("fyller 18 nå, trenger bolig", lexicon).age == 18


@pytest.mark.parametrize("text", ["Ingen rus, ikke suicidal. Ønsker samtaler.", "ser ingen akutt fare i dag",
                                  "selvmordstanker om natta, men ingen plan og er avtaleklar. Ikke akutt nå."])
def test_ruled_out_danger_is_not_urgent(lexicon, text):
    assert not understand(text, lexicon).urgent


def test_violence_just_now_is_urgent(lexicon):
    assert understand("sier stefaren slo ham i går og at han ikke tør å gå hjem", lexicon).urgent
    assert understand("tok 30 paracetamol for en time siden", lexicon).urgent


def test_negated_severity_and_explicit_pathway(lexicon):
    assert 3 not in understand("ikke tung rus, røyker hasj", lexicon).severity
    assert understand("hva passer for hovedforløp 1?", lexicon).severity == {1}


def test_working_is_not_a_need_for_work_and_mother_of_two_is_not_a_relative(lexicon):
    assert "arbeid" not in concepts(lexicon, "fortsatt i full jobb, nedstemt")
    assert "parorende" not in concepts(lexicon, "mor til to barn har begynt med amfetamin")


def test_more_age_and_overdose_shorthand(lexicon):
    assert understand("kv 50, alkoholavhengig", lexicon).age == 50
    assert understand("har tatt ca 40 paracet for en time siden", lexicon).urgent


@pytest.mark.parametrize("text, age", [("Gutt som nettopp har fylt 18, flytter", 18), ("Hun er 38, bipolar", 38),
                                        ("Fjorten år gammel gutt tatt for tyveri", 14), ("Enke på 78 i Nes", 78)])
def test_ages_in_running_text(lexicon, text, age):
    assert understand(text, lexicon).age == age


@pytest.mark.parametrize("text", ["puster nesten ikke og er blå rundt munnen", "ringer fra brua og sier hun skal hoppe nå"])
def test_signs_of_life_danger(lexicon, text):
    assert understand(text, lexicon).urgent


def test_negation_stops_at_the_end_of_a_clause(lexicon):
    assert "depresjon" in concepts(lexicon, "passive selvmordstanker uten plan, depresjon")
    assert "depresjon" not in concepts(lexicon, "ikke depresjon")


def test_danger_comes_from_the_triage_of_the_whole_question(lexicon):
    from gpguide.search.triage import triage

    whole = "lett angst, ønsker samtaler. " * 200 + "I kveld sa hun at hun skal ta livet sitt."
    query = understand(whole[:4000], lexicon, safety=triage(whole))
    assert query.urgent and query.urgent_reasons == ("selvmordsfare",)
    assert not understand(whole[:4000], lexicon).urgent


@pytest.mark.parametrize(
    "text, concept, primary",
    [
        ("31 år, stabil etter psykose i 2022, vil ha ordinær jobb", "psykose", False),
        ("tidligere rusmisbruk, nå rusfri i to år, vil ha jobb", "rus", False),
        ("har hatt angst i mange år, vil ha samtaler", "angst", True),  # «har hatt» is still now
        ("tidligere frisk, nå psykotisk", "psykose", True),
        ("psykose etter hasjrøyking, fortsatt plaget", "psykose", True),  # nobody says the patient is well
        ("mor (35) innlagd akutt på Ahus med psykose, to born heime", "psykose", False),  # already in care
        # the period of «tidl.» ends no clause: what comes before it is no history
        ("K 57 år, paranoid schizofreni i mange år, tidl. innlagt SUS. Møter ikke.", "psykose", True),
        ("tidl. rusmisbruk, nå rusfri i to år, vil ha jobb", "rus", False),
    ],
)
def test_a_condition_the_patient_had_is_not_what_is_asked_for(lexicon, text, concept, primary):
    query = understand(text, lexicon)
    assert (concept in query.primary_concepts) is primary
    assert concept in query.weights


@pytest.mark.parametrize(
    "text, concept, primary",
    [
        ("mor på 80 blir slått av sønnen som ruser seg", "rus", False),  # the son's, not hers
        ("Far, 40 år, kona har bipolar lidelse og er innlagt", "bipolar", False),
        ("Mann 50, dottera hans har anoreksi, han treng noko for seg sjølv", "spiseforstyrrelse", False),
        ("sønnen ruser seg, hva finnes?", "rus", True),  # no age of anyone else: the son is the patient
        ("Mor (36) som ruser seg, redd for sønnen", "rus", True),  # her own
        ("sønnen på 17 som ruser seg", "rus", True),  # the son is the patient
        ("Gut 12 fortel at far slår han når han drikk", "alkohol", False),  # the father's drinking
        ("jente 15 drikker hver helg, mor er bekymret", "alkohol", True),  # her own
        ("far til barna (6 og 10) drikker mye, hva finnes for dem?", "alkohol", False),  # the children's father
        ("far til gutten på 14 ruser seg", "rus", False),
    ],
)
def test_a_relatives_condition_is_context_when_the_patient_is_someone_else(lexicon, text, concept, primary):
    query = understand(text, lexicon)
    assert (concept in query.primary_concepts) is primary


def test_admitted_as_an_emergency_is_no_call_for_acute_help(lexicon):
    assert "krise" not in concepts(lexicon, "mor innlagt akutt på Ahus, barna er heime")


def test_tonight_alone_is_no_need_for_a_bed(lexicon):
    assert "akutt_bolig" not in concepts(lexicon, "brå dødsfall i familien i natt")
    assert "bolig" not in concepts(lexicon, "jente 16, benso kjøpt på gata")
    assert "bolig" not in concepts(lexicon, "bruker Sobril over forskrevet dose, kjøper i tillegg på gata")
    assert "bolig" in concepts(lexicon, "mann 40 bor på gata")
    assert "akutt_bolig" in concepts(lexicon, "kastet ut, har ingen sted å sove i natt")


@pytest.mark.parametrize("text, band", [("mor til ungdom i rus", None), ("far til ein tenåring som ruser seg", None),
                                        ("ungdom i rus", (13, 19))])
def test_an_age_word_after_til_is_the_relatives(lexicon, text, band):
    assert understand(text, lexicon).age_band == band


def test_low_threshold_in_nynorsk_and_no_wish_to_apply(lexicon):
    query = understand("Kvinne 30, lett depresjon. Vil ikkje søkje om vedtak. Finst det noko lågterskel?", lexicon)
    assert query.self_referral and "tildeling" not in query.weights
    assert "tildeling" in understand("treng hjelp til å søkje om vedtak på bolig", lexicon).weights
    assert understand("pas 56, ensom, vil helst slippe å søke vedtak. dagsenter?", lexicon).self_referral
    assert understand("Ho vil sleppe å vente på tilvising", lexicon).self_referral


def test_a_relative_asking_for_themselves(lexicon):
    query = understand("kona (52) til en mann med alkoholavhengighet vil ha støtte for seg selv og vet ikke hva hun "
                       "skal si til barna på 10 og 13", lexicon)
    # the children are not the patient; her age is the only one given, and the help is for her
    assert query.age == 52 and query.relative_age is None and "parorende" in query.primary_concepts
    parent = understand("Far (50) spør for seg sjølv: sonen hans på 27 har schizofreni", lexicon)
    assert parent.age == 27 and "parorende" in parent.primary_concepts


def test_a_child_whose_parent_is_ill_is_a_relative(lexicon):
    query = understand("jente 8 år, mamma er alvorlig deprimert og har vært innlagt i 3 uker", lexicon)
    assert query.age == 8 and "barn_som_parorende" in query.primary_concepts
    assert "barn_som_parorende" not in understand("jente 8 år, alvorlig deprimert", lexicon).weights


def test_a_voice_that_comments_is_psychosis(lexicon):
    assert "psykose" in concepts(lexicon, "gutt 13, hører en stemme som kommenterer det han gjør")


def test_a_safety_reminder_tells_what_the_patient_has(lexicon):
    query = understand("Jente 17, har tankar om at det hadde vore lettare å ikkje vere her, men ingen planar og "
                       "ingen tidlegare forsøk. Har snakka med helsesjukepleiaren.", lexicon)
    assert not query.urgent and "selvmordstanker" in query.primary_concepts


def test_a_town_names_its_kommune(lexicon):
    assert understand("mann 40 på Jørpeland, angst", lexicon).kommune == "strand"
    assert understand("kvinne 30 fra Årnes, depresjon", lexicon).kommune == "nes"


def test_a_parent_here_for_herself_is_a_relative(lexicon):
    query = understand("Mor (47) er hos meg for egen del – datteren på 22 injiserer amfetamin, bor hjemme. Mor sover "
                       "ikke og er helt utslitt. Hvor kan mor få støtte?", lexicon)
    assert query.age == 47 and "parorende" in query.primary_concepts
    assert "sentralstimulerende" not in query.primary_concepts  # the daughter's, not hers
    assert "stress" in query.weights and "stress" not in query.negated  # «sover ikke og er utslitt»


def test_a_negated_phrase_is_declined_not_asked(lexicon):
    query = understand("rus, vil ikke legges inn", lexicon)
    assert "dognbehandling" not in concepts(lexicon, query.text)
    assert query.declined == ("dognbehandling",)


def test_the_child_of_a_pregnancy_is_not_the_patient(lexicon):
    assert understand("gravid uke 14, bruker amfetamin, redd for barnet", lexicon).age_band is None
    assert understand("bekymret for barnet, sover dårlig", lexicon).age_band == (0, 12)


def test_a_parents_drinking_told_twice_stays_the_parents(lexicon):
    query = understand("Jente 12, faren følges opp for alkohol. Hun er redd når han drikker.", lexicon)
    assert "barn_som_parorende" in concepts(lexicon, query.text)
    assert "alkohol" not in concepts(lexicon, query.text)


@pytest.mark.parametrize("text, out_of_hours", [("akutt angst kl 03", True), ("lørdag kveld, vil avruses", True),
                                                ("panikkanfall i natt", True), ("time kl 14 på fredag", False)])
def test_out_of_hours(lexicon, text, out_of_hours):
    assert understand(text, lexicon).out_of_hours is out_of_hours


def test_parents_who_drink_at_weekends_are_not_the_childs_use(lexicon):
    found = concepts(lexicon, "14-åring vil snakke anonymt om at foreldrene drikker og krangler hver helg")
    assert "barn_som_parorende" in found
    assert not {"alkohol", "rus_tidlig"} & found


@pytest.mark.parametrize("text", ["hun sitter igjen alene med tre barn og er utslitt", "mor til sine små barn, sliten"])
def test_children_counted_or_owned_are_not_the_patients_age(lexicon, text):
    assert understand(text, lexicon).age_band is None


def test_a_discharge_letter_is_not_a_crisis(lexicon):
    assert "krise" not in concepts(lexicon, "Epikrise fra Sandnes DPS: utskrivningsklar, trenger bolig")
    assert "krise" in concepts(lexicon, "familien er i krise etter dødsfallet")


def test_having_worked_is_no_need_for_work(lexicon):
    assert "utenforskap" not in concepts(lexicon, "har vært i jobb i 20 år, nå utbrent")


def test_an_application_to_nav_for_a_benefit_is_no_application_for_care(lexicon):
    assert "tildeling" not in concepts(lexicon, "mann 24, sosial angst, får AAP-søknad avslått")
    assert "tildeling" not in concepts(lexicon, "søknad om uføretrygd avslått, nå deprimert")
    assert "tildeling" in concepts(lexicon, "trenger hjelp med søknad om hjemmesykepleie")


def test_a_parent_admitted_makes_the_children_relatives(lexicon):
    assert "barn_som_parorende" in concepts(lexicon, "jente i 3. klasse, mor er akutt innlagt i psykiatrien")
    # the parent's age set off by commas, and what she has after it (d480)
    assert "barn_som_parorende" in concepts(lexicon, "Far til to barn (8 og 11). Mor, 36 år, innlagt Ahus med psykose.")


def test_the_law_on_holding_a_pregnant_woman_back_is_coercion(lexicon):
    assert "tvang" in concepts(lexicon, "gravid, drikker og avviser hjelp. Hvem vurderer §10-3?")


def test_abuse_told_in_lay_words_is_violence_and_abuse(lexicon):
    assert "vold_overgrep" in concepts(lexicon, "jente 15 fortel at stefar tek på ho om natta")
    assert "vold_overgrep" in concepts(lexicon, "jente 13 forteller at stefaren har beført henne seksuelt")


def test_a_word_that_folds_onto_a_term_it_is_not_stays_apart(lexicon):
    assert "lar" not in concepts(lexicon, "jente 14 risper seg på lårene")  # the thighs are no LAR
    assert "lar" in concepts(lexicon, "stabil i LAR, trenger oppfølging")
    assert "bor" not in understand("tolk bør brukes", lexicon).words  # «bør» (should) is no «bor» (lives)
    assert "bor" in understand("bor alene på hybel", lexicon).words


@pytest.mark.parametrize("text, band", [("Ensom mann i 50-årene, langvarig psykisk lidelse", (50, 59)),
                                        ("drikker ca 10 øl om dagen", None), ("ca 3 uker siden", None),
                                        ("Strand: barn i 3. klasse, far ber om hjelp", (8, 9)),
                                        ("elev i 10. klasse med angst", (15, 16)),
                                        ("en elev i 10. klasse døde i går, klassen er i sjokk", None)])
def test_about_an_age_is_a_band_of_ten_years(lexicon, text, band):
    assert understand(text, lexicon).age_band == band


@pytest.mark.parametrize("text, age", [("Ensom mann, ca 50, langvarig psykisk lidelse", 50),
                                       ("kvinne rundt 40 med angst", 40), ("mann ca. 40, drikker mye", 40)])
def test_an_approximate_age_after_the_person_is_the_age(lexicon, text, age):
    found = understand(text, lexicon)
    assert (found.age, found.age_band) == (age, None)


def test_what_a_relative_does_right_after_them_is_theirs(lexicon):
    query = understand("K 37, mor til to små, samboer ruser seg på amfetamin og har slått henne", lexicon)
    primary = {h.concept for h in query.concepts if h.primary}
    assert "vold_overgrep" in primary and "rus" not in primary


def test_only_a_relatives_trouble_told_makes_a_relatives_question(lexicon):
    assert "parorende" in concepts(lexicon, "kvinne 50, mannen drikker hver dag, hun vil ha et sted å ringe selv")


def test_sick_leave_is_a_state_not_a_request_for_work(lexicon):
    assert "arbeid" not in concepts(lexicon, "M 52, drikker daglig, sykmeldt 6 uker, vil kutte ned")
    assert "arbeid" in concepts(lexicon, "sykmeldt lenge, vil tilbake i jobb")


@pytest.mark.parametrize("text", ["bustadlaus i natt, rusar seg, Nes", "kvinne 29, blir bostedsløs fra i kveld",
                                  "19 år, kasta ut av mor i dag, hvor kan han sove?"])
def test_without_a_home_tonight_is_a_need_for_shelter_now(lexicon, text):
    assert "akutt_bolig" in concepts(lexicon, text)


def test_a_child_hit_at_home_is_a_concern_for_the_childs_care(lexicon):
    assert "omsorgssvikt" in concepts(lexicon, "jente på 9 forteller om slag hjemme")
    assert "omsorgssvikt" in concepts(lexicon, "gutt 9 forteller at far slår ham")
    # the child is the one who hits, or the parents switch off the net
    assert "omsorgssvikt" not in concepts(lexicon, "gutt 14 gamer, raseriutbrudd når foreldra slår av nettet")
    assert "omsorgssvikt" not in concepts(lexicon, "gutt 13 blir voldsom når mor tar mobilen")


def test_a_childs_disclosure_of_abuse_at_home_finds_its_doors(lexicon):
    found = concepts(lexicon, "jente 12 forteller at stefar har forgrepet seg på henne")
    assert {"vold_overgrep", "omsorgssvikt"} <= found


def test_in_acute_danger_the_relatives_own_support_comes_later(lexicon):
    assert "parorende" not in concepts(lexicon, "Pårørende ringer: broren er psykotisk og truer naboen med kniv nå")


def test_whom_a_relative_asks_for(lexicon):
    daughter = understand("Far (50) ringer: datteren 19 har nesten sluttet å spise, BMI 15. Hva finnes for henne?",
                          lexicon)
    assert daughter.age == 19 and "parorende" not in daughter.primary_concepts  # «henne» is the daughter
    mother = understand("Mor (52) ringer: sønnen 30 ruser seg. Hva finnes for henne selv?", lexicon)
    assert "parorende" in mother.primary_concepts
    husband = understand("kona (60) ber om hjelp til mannen (63) som drikker en flaske vin hver kveld", lexicon)
    assert husband.age == 63 and "parorende" not in husband.primary_concepts
    wife = understand("Kona (44) til ein alkoholikar vil ha støtte til seg sjølv. Kva finst?", lexicon)
    assert wife.age == 44 and "parorende" in wife.primary_concepts


def test_what_tells_who_the_patient_is_is_not_the_need(lexicon):
    job = understand("20 år, røyker hasj nesten daglig, vil slutte, jobber deltid", lexicon)
    assert "arbeid" not in job.primary_concepts and "cannabis" in job.primary_concepts
    assert "arbeid" in understand("20 år, hasj, jobber deltid men er sykmeldt og trenger hjelp tilbake", lexicon).weights
    adult = understand("K 24, ADHD, har ikke fullført vgs, bor hos mor", lexicon)
    assert "skole" not in adult.primary_concepts
    assert "skole" in understand("gutt 17, dropper ut av vgs", lexicon).primary_concepts
    strain = understand("gutt 10, F90 og atferdsvansker, skolen ber om utredning, foreldrene sliter", lexicon)
    assert "barn_som_parorende" not in strain.weights


@pytest.mark.parametrize("text, work_asked", [
    ("M 29, røyker hasj daglig, arbeidsledig og går på NAV. Vil prøve å slutte.", False),
    ("M 38 bruker amfetamin jevnlig, mister jobben snart, vil ha hjelp", False),
    ("Mann 22, røykjer hasj dagleg, ingen jobb, vil slutte", False),
    ("Mann 28 år, røykjer hasj dagleg sidan vgs. Vil slutte, går på AAP.", False),  # on a benefit: a state
    ("M 29, røyker hasj daglig, arbeidsledig, vil i jobb", True),  # work asked for in other words
    ("Mann 28, hasj dagleg, på AAP, vil tilbake i jobb", True),
    ("K 34, sosial angst, arbeidsledig i to år", True),  # no drug or alcohol problem: the work may be the need
    ("M 29, røyker hasj daglig, arbeidsledig, vil gjerne i jobb", True),  # a wish, softened, is still a wish
])
def test_a_job_lost_to_drugs_is_what_the_use_costs(lexicon, text, work_asked):
    assert ("arbeid" in understand(text, lexicon).primary_concepts) is work_asked


def test_suspiciousness_in_a_withdrawn_young_man_is_looked_at_as_early_psychosis(lexicon):
    assert "psykose_tidlig" in concepts(lexicon, "mor ringer om sønn 22 år, isolert på rommet ca 6 mnd, snakker lite, "
                                                 "mistenksom, vil ikke komme til time")


def test_the_police_who_report_or_bring_someone_in_are_no_crime(lexicon):
    found = concepts(lexicon, "Melding fra politiet (kopi til fastlege): mann 45 år hentet av politiet beruset på "
                              "offentlig sted 3 ganger. Kjent F10.2. Edru i dag på kontoret, ønsker hjelp til å slutte.")
    assert "kriminalitet" not in found and "rusfrihet" not in found and "alkohol" in found
    assert "kriminalitet" in concepts(lexicon, "gutt 17 tatt av politiet for innbrudd")


def test_sick_leave_beside_drinking_is_a_state_not_work_asked(lexicon):
    assert "arbeid" not in concepts(lexicon, "Kvinne 54 år, F10.2. Drukket daglig ca 10 år. Sykmeldt 3 mnd fra jobb i "
                                             "butikk. Ønsker selv å kutte ned.")


def test_a_birth_is_read_in_its_clinical_words(lexicon):
    assert "graviditet" in understand("K 29, 6 uker postpartum, nedstemt", lexicon).primary_concepts


def test_a_home_lost_tomorrow_is_a_need_for_shelter(lexicon):
    assert "akutt_bolig" in understand("M44, alkoholavhengig, står uten bolig fra i morgen. nav?", lexicon).primary_concepts


def test_children_asked_about_as_relatives_come_before_relatives_in_general(lexicon):
    query = understand("mor (35) innlagt med psykose, to barn på 6 og 9 år hjemme med mormor. Hvem i kommunen har "
                       "ansvar for barna som pårørende?", lexicon)
    assert "barn_som_parorende" in query.primary_concepts and "parorende" not in query.primary_concepts


def test_children_asked_about_keep_the_ill_parents_age_as_the_case(lexicon, engine):
    text = "Far 40 i Nes følges for alkohol og depresjon. Han har barn på 5 og 11. Hvem ivaretar barna som pårørende?"
    query = understand(text, lexicon)
    assert (query.age, query.ill_age) == (5, 40)  # services for the children; the case is the father's
    answer = engine.to_json(engine.ask(text, kommune="nes"))
    assert (answer["age"], answer["served_age"]) == (40, 5)
    one_child = understand("Mor (38) innlagt med psykose. Sønnen 12 år er redd. Hvem ivaretar barn som pårørende?", lexicon)
    assert one_child.age == 12 and one_child.ill_age is None


def test_a_relative_who_needs_help_herself_gives_her_own_age(lexicon):
    assert understand("Kona (63) til en mann med spilleavhengighet og gjeld. Hun trenger råd og støtte.", lexicon).age == 63
    assert understand("Mor (58) til en sønn på 30 med psykose. Han trenger hjelp.", lexicon).age == 30
    assert understand("Enkje 74, einsam etter at mannen døydde", lexicon).age == 74


def test_who_works_with_something_is_no_need_for_work(lexicon):
    assert "arbeid" not in concepts(lexicon, "jente 16 ruser seg i helgene – hvem jobber med ungdom og rus?")


def test_a_word_the_services_use_is_no_slip_of_a_name(engine):
    names = engine.understand("foreldrene har hørt om ruskontrakt for 16-åringen", kommune="nes").names
    assert "nes-ruskontaktene" not in names
    assert "nes-ruskontaktene" in engine.understand("ruskontaktne i Nes", kommune="nes").names


def test_what_follows_a_parent_who_asks_about_a_named_child_is_the_childs(lexicon):
    query = understand("Mor (44) til gut på 15 som spelar pengespel på nett heile natta. Kven kan hjelpe?", lexicon)
    assert query.weights.get("spill") == 1.0 and "barn_som_parorende" not in query.weights


def test_out_of_school_and_work_in_both_written_standards(lexicon):
    assert "utenforskap" in concepts(lexicon, "19 år, slutta på vidaregåande i fjor, sit heime og gamar")
    assert "utenforskap" in concepts(lexicon, "22-åring, ikke i jobb eller skole siden vgs")
    assert "risikomiljo" in concepts(lexicon, "gutt 14 henger i sentrum på kveldstid, lavterskel hjelp for risikoungdom?")


def test_a_service_for_patients_in_lar_is_for_questions_about_lar(engine):
    teen = engine.to_json(engine.ask("gutt 17 kjøper oxy på nett, bruker daglig. Hvem?", kommune="nes"))
    assert "nes-lar-oppfolging" not in [r["id"] for r in teen["results"][:3]]
    lar = engine.to_json(engine.ask("M 35 heroinavhengig, ønsker LAR", kommune="nes"))
    assert lar["results"][0]["id"] == "nes-lar-oppfolging"


def test_the_family_who_asks_is_no_need_for_family_services(lexicon):
    query = understand("K 40 drikk seg i hel og nektar all hjelp. Familien spør om tvang.", lexicon)
    assert "familie" not in query.weights and "tvang" in query.primary_concepts
    assert "samtaler" not in understand("Mann 45, nektar all behandling. Kven vurderer tvang?", lexicon).weights


def test_an_everyday_word_names_a_service_only_when_written_as_a_name(engine):
    assert "nes-fram" not in engine.understand("Hvordan går man fram med tvang etter kap. 10?", kommune="nes").names
    assert engine.understand("M 23 utenfor jobb, kan han gå på FRAM?", kommune="nes").names.get("nes-fram") == 1.0
    assert engine.understand("Hva er Fram i Nes?", kommune="nes").names.get("nes-fram") == 1.0


def test_a_person_named_by_the_dependence_gives_the_age(lexicon):
    assert understand("Rusavhengig 50, Strand, ensom, trenger et sted å være på dagtid.", lexicon).age == 50


def test_the_subject_after_the_verb_keeps_a_phrase(lexicon):
    assert "psykose" in concepts(lexicon, "siste 2 mnd hører hun stemmer og har trukket seg unna")


def test_a_door_shut_when_the_help_is_needed_comes_after_the_open_ones(engine):
    answer = engine.to_json(engine.ask("Lørdag kveld, Nes: mann 47 vil avruses, skjelver, drikker daglig", kommune="nes"))
    assert "ahus-ara-nordbyhagen" not in [r["id"] for r in answer["results"][:3]]
    weekday = engine.to_json(engine.ask("Tirsdag formiddag, Nes: mann 47 vil avruses i dag, drikker daglig",
                                        kommune="nes"))
    assert "ahus-ara-nordbyhagen" in [r["id"] for r in weekday["results"][:3]]


def test_a_suspected_first_psychosis_goes_to_early_intervention_first(engine):
    answer = engine.to_json(engine.ask("19 år, trekker seg unna, mor mistenker at han hører stemmer. Begynnende psykose?",
                                       kommune="nes"))
    assert answer["results"][0]["id"] == "ahus-tire"


@pytest.mark.parametrize(
    "text, concept, primary",
    [
        # a minor's own trouble, with the parents only named: no call for family support
        ("jente 16 drikker mye på fest i helgene, foreldrene er bekymret", "familie", False),
        ("gutt 9, foreldrene ønsker foreldreveiledning etter mye krangling hjemme", "familie", True),
        # parents afraid for their son are not ill: he is no child as relative
        ("gutt 15 røyker hasj, foreldrene er redde for at han havner i dårlig selskap", "barn_som_parorende", None),
        # a school named only as where a pupil goes, and a school with trouble at it
        ("jente 15 vgs, lett deprimert, vil snakke med noen", "skole", False),
        ("jente 15 har ikke vært på skolen på tre uker, lett deprimert", "skole", True),
        # voices begun lately in someone with no psychosis known: a first episode; a known one is no first episode
        ("mann 21 har begynt å høre stemmer de siste ukene, trekker seg unna", "psykose_tidlig", True),
        ("kjent schizofreni, hører stemmer igjen siste uker", "psykose_tidlig", None),
        # a job held is no wish for work
        ("G 19, festrus og hasj i helgene, fungerer ok på jobb", "arbeid", None),
        # the ill mother's code is hers, not her children's
        ("Mor 38, F33.2, følges av psykisk helse. Hun har to barn på 8 og 11. Hvem ivaretar barna som pårørende?",
         "depresjon", False),
        # what one is not motivated for is ruled out
        ("M 52 drikker hver kveld. ikke motivert for A-senter/institusjon.", "dognbehandling", None),
        # admissions told as history are not the care asked for
        ("K 29, bipolar, stabil på litium i ett år etter to innleggelser. Vil lære å mestre hverdagen.",
         "dognbehandling", False),
        # help asked for the children of an ill parent: the parent's illness is the case
        ("Pas K 38, bipolar (F31). Barna 7 og 11 har sett henne innlagt. Hva har Nes for barna?", "bipolar", False),
        ("Pas K 38, bipolar (F31). Barna 7 og 11 har sett henne innlagt. Hva har Nes for barna?",
         "barn_som_parorende", True),
        ("Pas K 38, bipolar (F31), og at barna 7 og 11 har sett det. Vil ha oppfølging selv.", "bipolar", True),
    ],
)
def test_what_is_context_and_what_is_asked_for(lexicon, text, concept, primary):
    found = {h.concept: h.primary for h in understand(text, lexicon).concepts if h.concept == concept}
    assert found.get(concept) is primary


def test_an_early_psychosis_makes_its_social_signs_context(lexicon):
    found = {h.concept: h for h in understand("G 19, isolert, slutta på skulen. Tidleg psykose – kvar tilviser eg?",
                                              lexicon).concepts}
    assert found["psykose_tidlig"].primary
    assert not found["ensomhet"].primary and not found["skole"].primary


@pytest.mark.parametrize("text, concept", [
    ("Gravid uke 12, K 26, opioider. Hvordan får jeg til både TSB og kommunal oppfølging?", "parorende"),  # «får» is no «far»
    ("Pasient 30 med schizofreni, vil ikkje ha heimebesøk", "oppsokende"),  # refused, not asked for
    ("Gutt 11 med sinne, ingen diagnose, foreldrene vil ha veiledning", "utredning"),  # no diagnosis is no request
])
def test_what_is_not_asked_for(lexicon, text, concept):
    assert concept not in concepts(lexicon, text)


def test_a_boy_who_cannot_sleep_has_the_sleep_problem_himself(lexicon):
    found = {h.concept: h for h in understand("Gutt 15 angst, får ikke sove", lexicon).concepts}
    assert found["sovnvansker"].primary


def test_a_relative_who_wants_support_for_themselves(lexicon):
    found = concepts(lexicon, "Far, 55 år, er min pasient. Voksen sønn ruser seg tungt. Far ønsker selv støtte.")
    assert "parorende" in found


@pytest.mark.parametrize("text, service", [
    ("M 40, ROP, nettopp ferdig med 6 mnd døgnbehandling på Rogaland A-senter. Trenger noe meningsfullt på dagtid.",
     "rogaland-a-senter"),
    ("Jente 19, autisme, mange instanser involvert (NAV, PPT, psykiatritjenesten). Ønsker koordinator.",
     "strand-pp-tjenesten"),
])
def test_a_service_already_involved_is_no_door_asked_for(engine, text, service):
    query = engine.understand(text, kommune="strand")
    assert query.names.get(service, 0.0) < 0.8


def test_a_first_psychosis_makes_its_loss_of_function_a_sign(lexicon):
    found = {h.concept: h for h in understand("Gut 19, mistenksam, rar tankegang, funksjonsfall. Mistanke om begynnande "
                                              "psykose.", lexicon).concepts}
    assert found["psykose_tidlig"].primary and not found["funksjonssvikt"].primary


@pytest.mark.parametrize("text, concept, not_concept", [
    # someone who comes by the home is home help, not a place to drop in
    ("M 30, schizofreni, trenger noen som kommer innom på kvelden", "hjemmetjenester", "aktivitet"),
    ("Vil lære å kjenne igjen varselsignaler og mestre sykdommen", "recovery", None),
    ("ønsker noen å gå på fotballkamp med", "aktivitet", None),
    ("K 45, depresjon, trenger oppfølging i kommunen – hvordan søker jeg?", "tildeling", None),
    ("jente 15 skjemmer seg over kroppen", "selvbilde", None),
])
def test_what_is_asked_for(lexicon, text, concept, not_concept):
    found = concepts(lexicon, text)
    assert concept in found and not_concept not in found


def test_a_need_said_twice_in_other_words_weighs_more_than_a_code_restating_a_word(lexicon):
    twice = understand("M 30, sitter hjemme, ingen venner, isolert", lexicon).weights
    once = understand("M 30, sitter hjemme", lexicon).weights
    assert twice["ensomhet"] > once["ensomhet"]
    coded = understand("K 45, F33 tilbakevendende depresjon", lexicon).weights
    assert coded["depresjon"] == understand("K 45, tilbakevendende depresjon", lexicon).weights["depresjon"]


def test_a_whole_name_in_everyday_words_names_its_service(engine):
    names = engine.understand("Trenger hun psykiatrisk hjemmesykepleie?", kommune="strand").names
    assert names["strand-psykiatrisk-hjemmesykepleie"] == 1.0
    assert names.get("strand-hjemmetjenesten", 0.0) < 0.8
    assert engine.understand("ambulerende team i Sandnes", kommune="sandnes").names["sandnes-ambulerende-team"] == 1.0


def test_married_to_someone_who_drinks_and_asking_for_oneself_is_a_relatives_question(lexicon):
    query = understand("Pasient (52) er gift med en mann som drikker. Hun er sliten og vil ha støtte for egen del.", lexicon)
    assert "parorende" in query.weights and query.age == 52
    assert "parorende" not in understand("Pasient (52) er gift, to barn. Sliten og vil ha støtte for egen del.", lexicon).weights


def test_a_drinker_who_wants_help_is_not_his_wifes_relative(lexicon):
    query = understand("mann i 40-åra, drikker 6-8 pils hver kveld, kona har gitt ultimatum. Han vil ha hjelp til å "
                       "kutte ned", lexicon)
    assert "parorende" not in query.primary_concepts and "alkohol" in query.primary_concepts
    assert "parorende" in understand("Mann 60, kona har bipolar lidelse. Han vil ha støtte.", lexicon).primary_concepts


def test_no_danger_to_oneself_is_not_asking_for_oneself(lexicon):
    query = understand("22 år, hører stemmer, ikke farlig for seg selv eller andre, foreldrene er bekymret.", lexicon)
    assert "parorende" not in query.weights


def test_a_wife_named_as_the_patient_is_a_relative(lexicon):
    query = understand("Kona (55) til en alkoholiker er min pasient. Hun sover dårlig og vil snakke med noen.", lexicon)
    assert query.age == 55 and "parorende" in query.weights


def test_what_the_question_sentence_asks_for_weighs_more(lexicon):
    asked = understand("K 33 ruser seg og mister hybelen. Hvem hjelper med bolig?", lexicon).weights
    told = understand("K 33 ruser seg og mister bolig. Hvem kan hjelpe?", lexicon).weights
    assert asked["bolig"] > told["bolig"] and asked["rus"] == told["rus"]


def test_a_psychologist_in_the_kommune_names_the_kommunepsykolog(engine):
    for text in ("Vil snakke med psykolog i kommunen.", "Kan hun få time hos en kommunal psykolog?"):
        assert engine.understand(text, kommune="strand").names.get("strand-kommunepsykolog") == 1.0, text


def test_functioning_at_school_is_no_school_problem(lexicon):
    assert "skole" not in concepts(lexicon, "G 16, fungerer greit på skolen, men sliter med tristhet")
    assert "skole" in concepts(lexicon, "G 16, sliter på skolen")


def test_not_ready_for_treatment_asks_for_none(lexicon):
    assert "samtaler" not in understand("M 50, aktiv rus, vil ha noe å gjøre. Ikke klar for behandling.", lexicon).weights
    assert "samtaler" in understand("M 50, aktiv rus, ønsker behandling.", lexicon).weights
    # «ikke motivert» is read as a need of its own (oppsøkende); the treatment after it is still ruled out
    for text in ("M 36, amfetamin, i aktiv rus og ikkje motivert for behandling no.",
                 "Mann 58, aktiv rus. Ikke motivert for behandling nå."):
        understood = understand(text, lexicon)
        assert "samtaler" not in understood.weights and "oppsokende" in understood.weights


def test_where_the_patient_lives_is_no_need_for_housing(lexicon):
    assert "bolig" not in understand("M 50, bor i kommunal bolig, vil ha noe å gjøre på dagtid.", lexicon).weights
    assert "bolig" in understand("M 50, trenger kommunal bolig.", lexicon).weights


def test_a_young_user_to_be_reached_by_outreach_is_youth_at_risk(lexicon):
    assert "risikomiljo" in concepts(lexicon, "Jente 15 drikker i helgene. Finnes det noen oppsøkende for ungdom?")
    assert "risikomiljo" in concepts(lexicon, "Gutt 16 henger på byen med eldre gutter.")
    assert "risikomiljo" not in concepts(lexicon, "Mann 45 drikker. Finnes det noe oppsøkende?")


def test_an_ill_parents_worry_for_the_children_is_no_sign_of_neglect(lexicon):
    query = understand("Mor 35, bipolar, utskrevet. Hun er bekymret for barna (6 og 9). Hvem kan snakke med barna?", lexicon)
    assert "omsorgssvikt" not in query.primary_concepts and "barn_som_parorende" in query.primary_concepts


def test_a_relative_who_asks_for_the_one_who_is_ill_is_no_relatives_question(lexicon):
    query = understand("Mora til en pasient ringer. Sønnen er 30, har schizofreni. Kan noen komme hjem til ham?", lexicon)
    assert "parorende" not in query.primary_concepts and query.weights["psykose"] == 1.0
    assert "parorende" in understand("Mora til en pasient med schizofreni vil ha støtte for egen del.", lexicon).primary_concepts
    coercion = understand("Broren til en pasient spør: M 40, tungt alkoholmisbruk, nekter all frivillig hjelp. Kan "
                          "kommunen vurdere tvang etter § 10-2?", lexicon)
    assert "parorende" not in coercion.primary_concepts and "tvang" in coercion.primary_concepts


def test_a_parent_who_wants_someone_to_talk_with_the_children_asks_for_them(lexicon):
    query = understand("Far 40 ruser seg. Barna 10 og 13 har det vanskelig, han vil at noen snakker med dem.", lexicon)
    assert query.primary_concepts["barn_som_parorende"].weight == 1.0


def test_treatment_declined_is_not_asked_for_but_a_lack_of_it_is(lexicon):
    assert "samtaler" not in understand("K 50, isolert. Treng ein dagstad med folk, ikkje behandling.", lexicon).weights
    assert "samtaler" not in understand("M 41 i aktiv rus. Vil ikkje ha behandling no.", lexicon).weights
    assert "aktivitet" in understand("K 50, isolert. Treng ein dagstad med folk.", lexicon).weights


def test_a_worry_for_the_children_asked_about_as_relatives_is_no_sign_of_neglect(lexicon):
    query = understand("Far 42 på LAR. Bekymret for barna på 7 og 12 – hvem har ansvar for barn som pårørende?", lexicon)
    assert "omsorgssvikt" not in query.primary_concepts
    assert "omsorgssvikt" in understand("Bekymret for barna, de er overlatt til seg selv.", lexicon).primary_concepts


def test_a_support_contact_is_its_own_need(lexicon):
    weights = understand("Trenger noen som følger ham på aktiviteter. Støttekontakt?", lexicon).weights
    assert "stottekontakt" in weights and "hjemmetjenester" not in weights and "aktivitet" in weights


def test_a_vocabulary_word_is_no_slip_of_a_name(engine):
    names = engine.understand("M 23, lite nettverk, sitter hjemme. Noe tilbud uten vedtak?", kommune="nes").names
    assert "nes-apen-dialog-nettverksmote" not in names
    assert engine.understand("Kan han få nettverksmøte?", kommune="nes").names.get("nes-apen-dialog-nettverksmote", 0) >= 0.6


def test_not_ready_for_work_asks_for_none_but_out_of_work_is_a_need(lexicon):
    assert "arbeid" not in understand("M 55, aktiv rus, ikke klar for behandling eller jobb.", lexicon).weights
    assert "arbeid" in understand("M 25, ikke i jobb, vil prøve noe.", lexicon).weights


@pytest.mark.parametrize("text, old", [
    ("kvinne 78, bur åleine, klarer seg dårleg heime", True),
    ("mann i 70-åra, ensom etter at kona døde", True),
    ("finnes det bolig for eldre med psykiske lidelser?", True),
    ("gutt 15 henger med eldre gutter og røyker hasj", False),  # «eldre» as «older»
    ("kvinne 60, ensom etter at hun ble uføretrygdet", False),
])
def test_a_patient_of_pensionable_age_is_one_of_the_elderly(lexicon, text, old):
    assert ("eldre" in understand(text, lexicon).weights) is old


def test_someone_who_can_come_home_is_help_at_home(lexicon):
    assert "hjemmetjenester" in concepts(lexicon, "K 72, deprimert, noen som kan komme hjem og ha samtaler?")
    assert "hjemmetjenester" in concepts(lexicon, "Treng nokon som kan kome heim til ho.")


def test_falling_out_of_appointments_asks_for_outreach(lexicon):
    assert "oppsokende" in concepts(lexicon, "M 41, rus, faller ut av alle avtaler. Trenger tett oppfølging.")
    assert "oppsokende" in concepts(lexicon, "Ho fell ut av avtalar hjå DPS.")


def test_where_the_admissions_were_is_history_not_a_need(lexicon):
    history = understand("29 år, psykose og amfetamin, mange innleggelser på akutten. Hvem bør ha ham?", lexicon)
    assert "krise" not in history.primary_concepts and "psykose" in history.primary_concepts
    assert "krise" in understand("29 år, psykose, trenger akutten nå.", lexicon).primary_concepts


def test_what_goes_on_since_last_year_is_now(lexicon):
    since = understand("Pensjonist 72 år, drukket en flaske vin daglig siden kona døde i fjor.", lexicon)
    assert "alkohol" in since.primary_concepts
    assert "avrusning" not in understand("Avrusning forrige uke, utskrevet hjem. Trenger oppfølging.",
                                         lexicon).primary_concepts


def test_the_health_station_named_as_a_door_is_no_pregnancy(lexicon):
    asked = understand("jente 14, nedstemt, blir mobba. Lavterskel via skolen/helsestasjonen?", lexicon)
    assert "graviditet" not in asked.primary_concepts
    assert "graviditet" in understand("gravid uke 20, angst", lexicon).primary_concepts


def test_asking_whether_one_must_apply_is_asking_for_the_allocation_office(lexicon):
    assert "tildeling" in understand("ønsker støttesamtaler i kommunen. Må pasienten søke, og til hvem?",
                                     lexicon).primary_concepts
    assert "tildeling" not in understand("ønsker støttesamtaler i kommunen.", lexicon).primary_concepts


def test_someone_to_have_a_chat_with_is_asking_for_talks(lexicon):
    assert "samtaler" in understand("Jente 13, mobba. Kven i Strand kan ta ein prat med henne?", lexicon).primary_concepts
    assert "samtaler" in understand("Hvem kan ta en prat med ham om hasjen?", lexicon).primary_concepts


def test_working_with_something_is_no_need_for_work(lexicon):
    asked = understand("Gutt 9 med mareritt etter krigen. Hvem i Strand jobber med flyktningbarn?", lexicon)
    assert "arbeid" not in asked.primary_concepts
    assert "arbeid" in understand("Mann 30, angst, vil tilbake i jobb.", lexicon).primary_concepts


def test_asking_what_a_named_kommune_has_asks_what_the_municipality_has(lexicon):
    assert understand("gutt 15 drikker i helgene. Finnes det noe lavterskel for ungdom i Nes?", lexicon).municipal
    assert understand("Kva har Strand for henne?", lexicon).municipal
    assert not understand("Mann 40 som bor i Nes, drikker for mye.", lexicon).municipal


def test_one_concept_said_in_overlapping_phrases_is_read_once(lexicon):
    query = understand("Mor innlagt for depresjon, to barn på 6 og 10. Hvem følger opp barna som pårørende?", lexicon)
    assert "barn_som_parorende" in query.primary_concepts and "parorende" not in query.primary_concepts
    assert "parorende" in understand("Hvem følger opp barna? Mor trenger støtte som pårørende.", lexicon).primary_concepts


def test_a_minor_who_gets_high_at_weekends_is_youth_at_risk(lexicon):
    asked = understand("Jente 15 som ruser seg i helgene, mor er bekymret. Hvem kan ta kontakt?", lexicon)
    assert {"rus_tidlig", "risikomiljo"} <= set(asked.weights)
    assert "risikomiljo" not in understand("Mann 35 som ruser seg i helgene.", lexicon).weights


def test_not_in_treatment_anywhere_is_where_the_patient_is_not_a_wish_for_talks(lexicon):
    assert "samtaler" not in understand("Gutt 16, hasj. Ikkje i behandling nokon stad.", lexicon).primary_concepts
    assert "samtaler" in understand("Gutt 16, hasj. Treng behandling.", lexicon).primary_concepts


def test_help_the_patient_already_gets_is_not_what_is_asked(lexicon):
    already = understand("K 29, går allerede til poliklinisk behandling på DPS, vil tilbake i jobb.", lexicon)
    assert "samtaler" not in already.primary_concepts and "arbeid" in already.primary_concepts
    assert "samtaler" in understand("K 29, vil ha poliklinisk behandling, og tilbake i jobb.", lexicon).primary_concepts


def test_a_minor_who_uses_is_early_use_unless_the_use_is_heavy(lexicon):
    assert "rus_tidlig" in understand("gutt 15 røyker hasj daglig, skulker", lexicon).weights
    assert "rus_tidlig" not in understand("gutt 17 injiserer amfetamin", lexicon).weights
    assert "rus_tidlig" not in understand("mann 30 røyker hasj daglig", lexicon).weights


def test_refusing_help_and_treatment_is_no_wish_for_either(lexicon):
    assert "samtaler" not in understand("Kvinne 40, drikk dagleg, nektar all hjelp og behandling.",
                                        lexicon).primary_concepts


def test_children_of_ill_parents_in_shorthand_are_children_as_relatives(lexicon):
    asked = understand("Hvem snakker med barn av psyk syke foreldre i Nes?", lexicon)
    assert "barn_som_parorende" in asked.primary_concepts and "parorende" not in asked.primary_concepts


def test_struggling_with_something_is_that_thing_not_strain_of_its_own(lexicon):
    assert "stress" not in understand("K 45, alkohol, sliter med regninger og møter ikke.", lexicon).weights
    assert "stress" in understand("Mor sliter og er helt utslitt.", lexicon).weights
    assert "angst" in understand("Han sliter med angst.", lexicon).primary_concepts


def test_trying_oneself_at_work_again_is_a_need_for_work(lexicon):
    assert "arbeid" in understand("Ho vil prøva seg i arbeid att.", lexicon).primary_concepts
    assert "arbeid" not in understand("Ho er i arbeid og har det bra.", lexicon).primary_concepts


@pytest.mark.parametrize("text, meant, not_meant", [
    # dropping out of treatment asks for outreach; it is not leaving school
    ("M 35, schizofreni, dropper ut av DPS-oppfølging igjen og igjen", "oppsokende", "skole"),
    ("Sønnen er 24, har schizofreni, dropper alle timer på DPS", "oppsokende", "skole"),
    # a refugee family is who they are; the family is not the trouble
    ("Flyktningfamilie i Strand: gut 11 med sterke traumereaksjonar og mareritt.", "flyktning", "familie"),
    # a young adult from child protection needs aftercare, not a report of concern
    ("20 år, kommer rett fra barnevernet, skal bo for seg selv", "ettervern", "omsorgssvikt"),
    # help to get a referral is navigation, not treatment
    ("M 42, amfetamin i mange år. Treng hjelp med tilvising til behandling.", "koordinering", "samtaler"),
    # help to manage one's own flat is help with housing and daily routines, not a ward
    ("M 38, schizofreni, har fått egen leilighet. Trenger hjelp til å bo.", "bolig", "dognbehandling"),
    ("M 38, schizofreni, klarer ikke rutinene hjemme.", "hjemmetjenester", "dognbehandling"),
])
def test_a_phrase_is_read_as_the_need_it_names(lexicon, text, meant, not_meant):
    query = understand(text, lexicon)
    assert meant in query.primary_concepts and not_meant not in query.weights


def test_help_already_given_is_told_apart_and_is_no_free_word(lexicon):
    query = understand("K 29, F33.1, går allerede til poliklinisk behandling på DPS. Vil tilbake i jobb.", lexicon)
    assert "samtaler" in query.received and "behandling" not in query.words
    assert "arbeid" in query.primary_concepts and "samtaler" not in query.primary_concepts


def test_a_relative_asking_for_herself_keeps_her_age_whatever_follows(lexicon):
    for text in ("Kona (45) til en alkoholiker spør om det finnes noe for henne selv",
                 "Kona (45) til en pasient som drikker mye spør om det finnes noe for henne selv, hun orker ikke mer"):
        query = understand(text, lexicon)
        assert query.age == 45 and "parorende" in query.primary_concepts


@pytest.mark.parametrize("text, rop", [
    ("M 30, schizofreni og bruker amfetamin daglig", True),
    ("K 38, F20.0 + F19.2, møter ikke på DPS-timer", True),
    ("K 40, bipolar lidelse, drikker mye", True),
    ("gutt 19, hasj daglig, første psykose?", False),  # a first episode has its own door
    ("K 34, angst og hasj", False),  # not a severe illness
    ("M 30, schizofreni, ingen rus", False),
])
def test_a_severe_illness_told_with_a_drug_is_rop(lexicon, text, rop):
    assert ("rop" in understand(text, lexicon).weights) is rop


@pytest.mark.parametrize("text, concept, used", [
    ("M 30, schizofreni, ruser seg ikke", "rus", False),
    ("M 30, schizofreni, drikker ikke", "alkohol", False),
    ("far drikk ikkje, men sonen røykjer hasj", "alkohol", False),
    ("M 30, drikker ikke bare øl, også sprit", "alkohol", True),
    ("M 30 drikker mye", "alkohol", True),
])
def test_a_verb_of_using_negated_after_it(lexicon, text, concept, used):
    assert (concept in understand(text, lexicon).weights) is used


def test_where_the_patient_comes_from_is_no_free_word(lexicon):
    query = understand("LAR-pasient 55 år, har flytta til Strand frå Stavanger. Kven følgjer opp?", lexicon)
    assert "stavanger" not in query.words
    assert "stavanger" in understand("henvist til SUS i Stavanger", lexicon).words


@pytest.mark.parametrize("text", ["M 34, F10.2 + F32.1: hva har kommunen av oppfølging for rus+psyk?",
                                  "Kvinne 40, Rus & psykiatri, ønsker oppfølging"])
def test_a_plus_or_an_ampersand_between_words_reads_as_and(lexicon, text):
    assert "rop" in concepts(lexicon, text)
    assert understand(text, lexicon).text == text  # the question is echoed as written


def test_a_plus_after_a_code_or_at_the_end_is_no_and():
    assert joined("F10.2 + F32.1, si+") == "F10.2 + F32.1, si+"


def test_an_institution_abbreviated_is_declined(lexicon):
    assert understand("M 61 alkohol, miste leiligheta. ikkje inst", lexicon).declined == ("dognbehandling",)


def test_a_parents_use_alone_makes_the_child_a_relative_not_neglected(lexicon):
    found = concepts(lexicon, "gutt 10, far ruser seg. mor lurer på om det fins noe for barnet å snakke med noen")
    assert "barn_som_parorende" in found and "omsorgssvikt" not in found
    assert "omsorgssvikt" in concepts(lexicon, "gutt 10, far ruser seg og barnet er alene hjemme i dagevis")


def test_help_got_is_not_asked_for_unless_it_was_turned_down(lexicon):
    assert "bolig" not in concepts(lexicon, "K 41 i LAR, stabil, har fått kommunal bolig via boligkontoret. Hvem tar "
                                            "over utleveringen?")
    assert "bolig" in concepts(lexicon, "K 41 i LAR, har fått avslag på kommunal bolig, bor på hospits")
    assert "bolig" in concepts(lexicon, "M 40, har fått oppsigelse av leiligheten og trenger bolig")


def test_services_the_patient_has_involved_are_not_asked_for(lexicon):
    understood = understand("pas 50 bipolar + alkohol, har hjemmesykepleie, NAV, DPS og ROP inne – ingen har oversikt. "
                            "ønsker individuell plan og koordinator", lexicon)
    assert "hjemmetjenester" in understood.received
    assert "hjemmetjenester" not in {h.concept for h in understood.concepts if h.primary}


@pytest.mark.parametrize("text", ["M 52, drikker daglig, jobber fortsatt i full stilling, vil kutte ned",
                                  "K 40, jobbar framleis fulltid, drikk for mykje",
                                  "Mann 38, F10.2, ferdig avrusa, ønsker oppfølging i kommunen. Bor i egen leilighet, "
                                  "jobber delvis."])
def test_a_job_still_held_tells_who_the_patient_is_not_what_is_asked(lexicon, text):
    assert "arbeid" not in concepts(lexicon, text)


@pytest.mark.parametrize("text", ["pas med alkoholavhengigheit har to born (8 og 11). kven kan snakke med borna?",
                                  "Pasient i LAR har to barn på 8 og 11. Finnes det noe for barna?"])
def test_the_patient_named_first_is_the_parent_of_the_children_whose_ages_are_given(lexicon, text):
    found = concepts(lexicon, text)
    assert "barn_som_parorende" in found and "rus_tidlig" not in found


def test_a_suspected_first_psychosis_with_cannabis_is_no_rop_yet(lexicon):
    hits = {h.concept for h in understand("M 18, hører stemmer, røyker cannabis. mulig debuterende psykose", lexicon).concepts}
    assert "psykose_tidlig" in hits and "rop" not in hits
    assert "rop" in {h.concept for h in understand("M 30, schizofreni og røyker cannabis daglig", lexicon).concepts}


def test_a_parent_who_calls_about_an_adult_son_and_asks_for_herself_is_a_relative(lexicon):
    assert "parorende" in concepts(lexicon, "mor ringer, sønnen på 24 ruser seg på amfetamin, bor hjemme. hun er helt "
                                            "utslitt - noe for henne?")
    assert "parorende" not in concepts(lexicon, "Mor ringer om sønnen på 19: sier TV-en snakker til ham. Hvor henviser jeg?")


def test_a_parent_who_comes_for_his_own_sake_about_a_minor_child_asks_a_relatives_question(lexicon):
    query = understand("Far (48) vil ha hjelp for egen del: sønnen på 16 ruser seg, han er utslitt.", lexicon)
    assert query.age == 48 and "parorende" in query.primary_concepts


def test_a_call_the_patient_may_make_himself_is_a_question_of_referral_not_a_phone_line(lexicon):
    query = understand("kvinne 30, angst, vil snakke med noen. kan hun ringe selv?", lexicon)
    assert query.self_referral and "telefon" not in query.primary_concepts
    assert "telefon" in understand("kvinne 30, angst. kan hun ringe noen i natt?", lexicon).primary_concepts


def test_a_death_in_the_family_in_bokmal_and_nynorsk_is_a_strain(lexicon):
    for text in ("drikker mer etter at kona døde", "drikk meir etter at kona døydde"):
        assert "stress" in concepts(lexicon, text), text


def test_a_relative_with_her_age_who_asks_about_coercion_asks_for_the_ill_one(lexicon):
    query = understand("bror (35) drikker seg i hjel, nekter behandling. søster (40) spør om tvang etter §10-2",
                       lexicon)
    assert "tvang" in query.primary_concepts and "parorende" not in query.primary_concepts
    own = understand("søster (40) til en bror (35) som drikker, vil ha støtte for egen del", lexicon)
    assert "parorende" in own.primary_concepts


def test_the_illness_a_discharged_patient_was_treated_for_is_history(lexicon):
    understood = understand("pas 29 skrevet ut fra DPS etter psykose, trenger hjelp til å bo", lexicon)
    assert "psykose" not in {h.concept for h in understood.concepts if h.primary}
    assert "bolig" in {h.concept for h in understood.concepts if h.primary}


@pytest.mark.parametrize("text", ["gutten trist og innesluttet. hva har kommunen?", "Har kommunen noe for pårørende?",
                                  "spør om kommunen kan hjelpe med bolig", "kva kan kommunen tilby han?"])
def test_asking_what_the_kommune_has_asks_what_the_municipality_has(lexicon, text):
    assert understand(text, lexicon).municipal


def test_the_kommune_as_a_doer_in_the_history_asks_nothing(lexicon):
    assert not understand("kommunen har gitt henne bolig, men hun drikker mer", lexicon).municipal


def test_a_nynorsk_passive_asks_for_a_referral(lexicon):
    assert understand("Kva har kommunen, og kor bør ho tilvisast?", lexicon).referral


def test_a_calling_parent_who_asks_what_she_can_get_asks_for_herself(lexicon):
    query = understand("mor ringer ang sønnen på 24 som røyker hasj daglig. hun er utslitt, hva kan hun få av hjelp?",
                       lexicon)
    assert "parorende" in query.primary_concepts
    query = understand("mor ringer ang sønnen på 24 som røyker hasj daglig. hva kan han få av hjelp?", lexicon)
    assert "parorende" not in query.primary_concepts


def test_using_pills_is_substance_use_unless_they_are_taken_for_something(lexicon):
    assert "rus" in understand("mistenker ho brukar piller og festar mykje", lexicon).primary_concepts
    assert "rus" not in understand("kvinne 40 bruker piller mot blodtrykket, deprimert", lexicon).weights


def test_a_referral_that_may_come_later_is_not_the_help_asked_for(lexicon):
    query = understand("pas 40, alkohol, vil ha kommunal oppfølging før ev. henvisning til ARA", lexicon)
    assert not query.referral and query.municipal
    assert understand("alkohol, ønsker henvisning til ARA", lexicon).referral


def test_the_word_kommunal_is_no_text_to_match_services_by(lexicon):
    assert "kommunal" not in understand("vil ha kommunal oppfølging", lexicon).words


def test_a_calling_parent_who_asks_for_himself_is_not_his_childrens_age(lexicon):
    query = understand("far ringer, kona innlagt Ahus med psykose, to barn 7 og 10 år hjemme som er redde. Trenger råd "
                       "om hvordan snakke med barna og støtte til seg selv.", lexicon)
    assert query.age is None and query.relative_age == 7
    assert "barn_som_parorende" in query.primary_concepts
    assert understand("mor ringer, to barn 7 og 10 år er redde og sover dårlig", lexicon).age == 7


def test_work_with_relatives_is_no_job(lexicon):
    assert lexicon.concepts_in("Pårørendearbeid") == {"parorende"}
    assert "arbeid" in lexicon.concepts_in("Arbeidstrening")


@pytest.mark.parametrize("text, concept", [("Ikke suicidal, spiser og drikker. Mistenkt psykose.", "alkohol"),
                                           ("far har tatt fri fra jobben i 2 uker, kona er deprimert", "arbeid")])
def test_everyday_phrases_ask_for_nothing(lexicon, text, concept):
    assert concept not in understand(text, lexicon).weights


def test_being_open_about_it_is_no_text_to_match_services_by(lexicon):
    assert "apen" not in understand("ble åpen om drikkinga, vil ha noen å snakke med", lexicon).words


def test_a_slash_after_m_u_or_v_is_the_word_it_shortens(lexicon):
    assert joined("hjelp m/ medisiner, bor u/fast bolig, innlagt v/Ahus") == \
        "hjelp med medisiner, bor uten fast bolig, innlagt ved Ahus"
    assert joined("rus/psyk, km/t") == "rus/psyk, km/t"
    assert "hjemmetjenester" in understand("utskrevet, trenger hjelp m/ medisiner", lexicon).primary_concepts


def test_care_the_patient_comes_from_is_not_the_help_asked_for(lexicon):
    query = understand("pas 41 på LAR fra TSB, flytter hit neste mnd. hvem tar over utlevering?", lexicon)
    assert "rusbehandling" not in query.primary_concepts and "lar" in query.primary_concepts
    assert "rusbehandling" in understand("trenger rusbehandling, hvem tar imot?", lexicon).primary_concepts


def test_a_later_step_abbreviated_is_not_the_help_asked_for(lexicon):
    query = understand("K 38 alkohol F10.2, ønsker komm oppfølging før evt henv TSB", lexicon)
    assert query.municipal and not query.referral
    assert "rusbehandling" not in query.primary_concepts


def test_a_school_year_alone_gives_the_age_its_pupils_turn(lexicon):
    assert understand("jente i 7. klasse, vondt i magen hver morgen", lexicon).age == 12
    query = understand("gutt droppa ut av vgs i 2. klasse, sitter hjemme", lexicon)
    assert query.age is None and query.age_band != (7, 8)


def test_a_mother_worried_for_her_son_of_fourteen_in_words(lexicon):
    assert understand("mor (45) på time, egentlig bekymra for sønnen hennes på fjorten: røyker hasj, skulker",
                      lexicon).age == 14


def test_work_a_pensioner_stopped_is_no_need_for_work(lexicon):
    query = understand("pensjonist, K 67, nedstemt siden hun slutta å jobbe", lexicon)
    assert "arbeid" not in query.primary_concepts and "depresjon" in query.primary_concepts
    assert "arbeid" in understand("K 45, nedstemt, vil tilbake i jobb", lexicon).primary_concepts


def test_detoxes_behind_the_patient_are_history(lexicon):
    query = understand("M 58 alkoholavhengig, flere avrusninger bak seg, ønsker nå døgnbehandling", lexicon)
    assert "avrusning" not in query.primary_concepts and "dognbehandling" in query.primary_concepts


def test_help_for_her_as_a_mother_is_a_relatives_question(lexicon):
    query = understand("kvinne 58, voksen sønn 28 med rusproblem bor hjemme, hun er helt utkjørt. hva finnes for henne "
                       "som mor?", lexicon)
    assert "parorende" in query.primary_concepts


def test_she_wants_help_for_him_is_not_help_for_herself(lexicon):
    query = understand("mor (44) ringer – sønnen på 16 røyker hasj, skulker. Hun vil ha hjelp til ham, hvor henviser jeg?",
                       lexicon)
    assert query.age == 16 and not query.relatives_own
    assert understand("mor (44): sønnen på 16 røyker hasj. Hun trenger hjelp.", lexicon).relatives_own


def test_a_service_the_patient_is_in_contact_with_is_involved_already(lexicon):
    query = understand("Søster (40) for egen del: broren 35 har schizofreni, bor hos mora. Broren er i kontakt med "
                       "ROP-teamet. Hva fins av hjelp for henne som pårørende i Strand?", lexicon)
    assert "parorende" in query.primary_concepts
    assert understand("kona til en pas med rusproblem spør om det finnes noe for henne som pårørende",
                      lexicon).relatives_own


@pytest.mark.parametrize("text, concept", [("vil ha jobb, men trenger støtte underveis", "spiseforstyrrelse"),
                                           ("bestemor passer barnebarnet, sliten", "omsorgssvikt"),
                                           ("drikker tre dager i strekk", "rusfrihet"),
                                           ("hoster mye, nedstemt", "krise")])
def test_an_everyday_word_is_no_typo_of_a_term(lexicon, text, concept):
    assert concept not in understand(text, lexicon).weights


def test_a_code_written_after_a_parent_is_the_parents(lexicon):
    query = understand("mor (F10.2) har to barn 9 og 12 år som har sett mye. hvem kan snakke med barna?", lexicon)
    assert query.age == 9 and "alkohol" not in query.primary_concepts
    assert "barn_som_parorende" in query.primary_concepts


def test_the_one_a_relative_calls_about_is_the_patient(lexicon):
    query = understand("Datteren ringer om mor, 82 år: drikker vin hver dag, har falt flere ganger, glemsk", lexicon)
    assert query.age == 82 and query.relative_age is None


def test_a_referral_for_help_placed_in_the_kommune_is_a_referral_within_it(lexicon):
    query = understand("Utskrives neste uke. Trenger oppsøkende, tett oppfølging i kommunen. Hvem henviser jeg til?",
                       lexicon)
    assert query.refers_within_kommune
    assert not understand("Kva har kommunen, og kor bør ho tilvisast?", lexicon).refers_within_kommune


def test_a_child_whose_parent_is_ill_has_strain_of_its_own(lexicon):
    query = understand("Gutt 9 år, far er innlagd på psykiatrisk. Mor spør kva hjelp guten kan få.", lexicon)
    assert "psykiske_plager" in query.primary_concepts
    for text in ("foreldre til 11-åring med mye utagering og konflikter hjemme ønsker foreldreveiledning",
                 "Mor har alkoholavhengighet. Sønnen på 16 trenger noen å snakke med. Tilbud for ungdom som pårørende?"):
        assert not any(h.how == "relative" and h.concept == "psykiske_plager"
                       for h in understand(text, lexicon).concepts), text


def test_an_ill_parent_who_asks_for_herself_too_keeps_her_own_trouble(lexicon):
    both = understand("K38, mannen døde brått. Sover ikke, gråter hele tiden. 2 barn 6 og 9 år som også sliter. Vil ha "
                      "samtaler for seg selv og hjelp til ungene", lexicon)
    assert "depresjon" in both.primary_concepts and "barn_som_parorende" in both.primary_concepts
    children = understand("Pas K 38, bipolar lidelse, barna 7 og 11 år. Hva har Nes for barna?", lexicon)
    assert "bipolar" not in children.primary_concepts and "barn_som_parorende" in children.primary_concepts


def test_what_a_parent_of_a_child_under_18_does_is_the_parents(lexicon):
    query = understand("ungdom 16 år, far i LAR og sprekker stadig. jenta bekymra, vil snakke med noen.", lexicon)
    assert "lar" not in query.primary_concepts and "barn_som_parorende" in query.primary_concepts


def test_living_alone_in_a_council_flat_is_a_home_of_ones_own(lexicon):
    assert understand("M 52, F20.0, utskrevet i går. Bor alene i kommunal leil. Trenger tett oppfølging hjemme",
                      lexicon).own_home
    assert not understand("M 52, F20.0, trenger kommunal leilighet", lexicon).own_home


def test_sleeping_on_a_friends_sofa_is_a_need_for_a_home(lexicon):
    assert "bolig" in understand("løslatt i går, bor på sofa hos kamerat", lexicon).primary_concepts
    assert "bolig" not in understand("ligger mye på sofaen og ser tv", lexicon).weights


def test_keeping_ones_flat_in_order_says_one_has_a_home(lexicon):
    assert understand("pas 29 bipolar, klarer ikke holde orden i leiligheten. hjelp i hjemmet?", lexicon).own_home
    assert not understand("pas 29 bipolar, kastet ut av leiligheten", lexicon).own_home


def test_a_history_section_of_a_journal_note_names_where_the_patient_was(lexicon):
    text = ("K 23. Anamnese: bo-veiledning siste år pga sosial angst, søkt boligkontoret. Funn: hører stemmer. Plan: hvor "
            "henviser jeg for tidlig utredning?")
    words = _TOKEN_SPAN.findall(fold(text))
    history = context_positions(text)[0]
    assert words.index("boligkontoret") in history and words.index("utredning") not in history
    asked = "Pas 40. Anamnese: depresjon i mange år, går til DPS. Kan hun få Rask psykisk helsehjelp?"
    assert _TOKEN_SPAN.findall(fold(asked)).index("rask") not in context_positions(asked)[0]


def test_the_labels_of_a_journal_note_are_no_needs(lexicon):
    query = understand("gutt 16. Siste halvår røyker hasj dagleg. Vurdering: cannabisbruk. Plan: lavterskel?", lexicon)
    assert "utredning" not in query.weights
    assert "utredning" in understand("gutt 16 røyker hasj, trenger vurdering", lexicon).weights


def test_help_told_in_a_history_section_or_as_received_is_no_need(lexicon):
    note = understand("M 52. Anamnese: alkoholavh, går på frisklivssentralen for vektnedgang. Siste 2 mnd drikker igjen. "
                      "Funn: GT 180. Plan: kommunal rusoppfølging?", lexicon)
    assert "aktivitet" not in note.primary_concepts and "alkohol" in note.primary_concepts
    asked = understand("M 52. Anamnese: alkoholavh, trenger noe meningsfullt å gjøre på dagtid.", lexicon)
    assert "aktivitet" in asked.primary_concepts


def test_someone_to_talk_with_the_children_of_an_ill_parent_is_for_children_as_relatives(lexicon):
    assert "barn_som_parorende" in understand("mor psyk syk, har småbarn. noen som snakker m barna?",
                                               lexicon).primary_concepts
    assert "barn_som_parorende" not in understand("far spør hvordan han skal snakke med barna om skilsmissen",
                                                   lexicon).weights


def test_oppf_is_shorthand_for_oppfolging(lexicon):
    query = understand("pas 41 paranoid schizofreni, trenger tett oppf hjemme", lexicon)
    assert "hjemmetjenester" in query.primary_concepts and query.severity == {3}


def test_drinking_since_a_death_last_year_goes_on_now(lexicon):
    query = understand("Dotter ringjer: far hennar, 68 år, drikk mykje etter at kona døydde i fjor, bur åleine.", lexicon)
    assert "alkohol" in query.primary_concepts and "stress" not in query.primary_concepts
    assert "alkohol" not in understand("mann 68, drakk mye i fjor, nå edru og i fin form", lexicon).primary_concepts


def test_help_from_the_kommune_with_a_referral_asked_is_a_referral_within_it(lexicon):
    query = understand("Pas 44, alkoholavhengnad. Ønskjer hjelp frå kommunen, ikkje innlegging no. Tilvising til?",
                       lexicon)
    assert query.refers_within_kommune and "dognbehandling" in query.declined


def test_what_the_father_of_a_count_of_children_does_is_his(lexicon):
    query = understand("far til 2 barn (6 og 9) ruser seg på piller og alkohol. mor spør hva som finnes for barna",
                       lexicon)
    assert "rus" not in query.primary_concepts and "barn_som_parorende" in query.primary_concepts


def test_still_working_is_a_state_not_a_need_for_work(lexicon):
    for text in ("mann 45, drikker 1 flaske vin daglig, vil kutte ned, jobber fortsatt",
                 "kvinne 50, nedstemt, jobbar framleis, søv dårleg"):
        assert "arbeid" not in concepts(lexicon, text), text
    assert "arbeid" in concepts(lexicon, "mann 45, drikker daglig, vil ha hjelp til å komme i jobb")


def test_a_woman_here_for_her_own_sake_because_of_her_sons_drug_use_is_a_relative(lexicon):
    text = ("kvinne 58, sønnen (31) har brukt amfetamin i mange år, hun sover dårlig, er utslitt. Ønsker hjelp for "
            "egen del, ikke for sønnen.")
    assert "parorende" in {h.concept for h in understand(text, lexicon).concepts}
    assert "parorende" not in {h.concept for h in understand(
        "kvinne 58, sønnen (31) har brukt amfetamin i mange år, hun sover dårlig og er nedstemt.", lexicon).concepts}


def test_a_relative_clause_tells_the_relatives_use_to_its_end(lexicon):
    text = "pas 42 m/ datter 20 som bruker mye piller og hasj, bor hjemme. pas selv sliten, sover dårlig"
    assert "cannabis" not in concepts(lexicon, text)
    assert "cannabis" in concepts(lexicon, "pas 42 bruker mye piller og hasj, bor hjemme")


def test_advice_on_how_to_deal_with_an_ill_child_is_a_relatives_question(lexicon):
    assert "parorende" in concepts(lexicon, "mor 50, sønnen ruser seg, hun ønsker råd om hvordan forholde seg")
    assert "parorende" in concepts(lexicon, "far lurer på korleis hjelpe sonen som røykjer hasj")


def test_a_parents_drug_use_makes_no_child_at_risk_in_a_youth_milieu(lexicon):
    assert "risikomiljo" not in concepts(lexicon, "Jente 14, mor bruker amfetamin, jenta skulker skolen")
    assert "risikomiljo" in concepts(lexicon, "Jente 15 røyker hasj og skulker skolen")


def test_children_as_relatives_is_a_role_not_what_a_relative_has(lexicon):
    text = "Jente 10, mor har bipolar lidelse. Hvem ivaretar barn som pårørende i Nes?"
    told = understand(text, lexicon).kin_told
    assert told and max(told) < 6


def test_a_phone_that_rings_is_dreaded_not_asked_for(lexicon):
    assert "telefon" not in concepts(lexicon, "Kvinne 52, sønnen ruser seg, hun er redd hver gang telefonen ringer")
    assert "telefon" in concepts(lexicon, "Kvinne 52, sønnen ruser seg, finnes det en telefon hun kan ringe?")


def test_a_partner_who_uses_drugs_is_the_partners_use_and_a_mother_asks_for_herself_and_the_baby(lexicon):
    text = ("Gravid uke 22, 29 år, samboer bruker GHB og kokain, hun er redd og vil ha råd om hva hun skal gjøre for seg "
            "og barnet.")
    found = understand(text, lexicon)
    assert "sentralstimulerende" not in {h.concept for h in found.concepts if h.primary}
    assert "parorende" in {h.concept for h in found.concepts}


def test_support_at_home_and_someone_for_the_children_to_talk_to(lexicon):
    text = ("Far 45 m/ schizofreni (F20.0), nylig utskrevet, alene m/ to barn 8 og 11 annenhver uke. Pas ønsker støtte "
            "hjemme, barna trenger noen å snakke med.")
    found = {h.concept for h in understand(text, lexicon).concepts}
    assert {"hjemmetjenester", "barn_som_parorende"} <= found


def test_a_discharge_letters_heading_names_its_ward_and_no_need(lexicon):
    text = "Epikrise Sandnes DPS, døgnenhet.\nMann 34 år, paranoid schizofreni og amfetamin. Trenger oppfølging i bolig."
    assert "dognbehandling" not in concepts(lexicon, text)
    assert "dognbehandling" in concepts(lexicon, "Mann 34 år, paranoid schizofreni, trenger plass på døgnenhet.")


def test_seeing_to_something_and_the_time_of_admission_are_no_needs(lexicon):
    text = "Leiligheten var sterkt forsøplet ved innleggelse. Ber fastlege sørge for kommunal oppfølging."
    found = concepts(lexicon, text)
    assert "dognbehandling" not in found and "stress" not in found
    assert "oppsokende" in concepts(lexicon, "mann 40, ROP, mange uteblivelser fra poliklinikken")


def test_gaming_late_into_the_night_tells_when_the_trouble_is_not_when_help_is_needed(lexicon):
    text = "jente 18, gaming til langt på natt, nesten ikkje på skulen sidan jul, isolert, litt nedstemt"
    assert "dognapent" not in concepts(lexicon, text)
    assert "dognapent" in concepts(lexicon, "jente 18, nedstemt, trenger noen å ringe på natt")


def test_missed_appointments_and_falls_in_dialect(lexicon):
    found = concepts(lexicon, "Ho e 47, drikke tungt, møte ikkje te timane og vil ikkje ha hjelp. Bur åleina, har datt "
                              "fleire gonga.")
    assert {"oppsokende", "funksjonssvikt"} <= found


def test_a_letters_heading_ends_at_its_colon_and_before_admission_is_a_time(lexicon):
    text = ("Epikrise Sandnes DPS: Mann 27, paranoid schizofreni, innlagt 6 uker. Bostedsløs før innleggelse. "
            "Har tidligere ikke møtt til avtaler.")
    found = concepts(lexicon, text)
    assert "psykose" in found and "oppsokende" in found and "dognbehandling" not in found


def test_exercise_beside_anorexia_is_a_sign_not_a_wish_for_activity(lexicon):
    assert "aktivitet" not in concepts(lexicon, "jente 16, BMI 16,4, trener mye, amenoré. Mistenker anoreksi (F50.0).")
    assert "aktivitet" in concepts(lexicon, "mann 40, nedstemt, vil gjerne trene sammen med andre")


def test_a_time_word_said_last_in_its_clause_makes_the_clause_history(lexicon):
    text = "I LAR sidan 2015. Sidelengs bruk av benzodiazepinar tidlegare, no stabil. Ingen fast bustad."
    assert "vanedannende_legemidler" not in concepts(lexicon, text)
    assert "vanedannende_legemidler" in concepts(lexicon, "Sidelengs bruk av benzodiazepinar, ikkje stabil.")


def test_poor_attendance_is_non_attendance(lexicon):
    assert "oppsokende" in concepts(lexicon, "kvinne 29, schizofreni og amfetamin, dårlig til å møte til timer")
    assert "oppsokende" in concepts(lexicon, "mann 40, ROP, dårleg oppmøte på DPS")


def test_a_mother_worried_for_her_children_asking_for_herself_is_a_relative_not_a_report_of_neglect(lexicon):
    text = ("Kvinne, 38 år. Mannen har alkoholproblem. Ho er sliten, søv dårleg, bekymra for borna (6 og 9 år). "
            "Ønskjer støtte til seg sjølv og borna.")
    found = {h.concept for h in understand(text, lexicon).concepts}
    assert "parorende" in found and "barn_som_parorende" in found and "omsorgssvikt" not in found
    assert "omsorgssvikt" in concepts(lexicon, "Gutt 6, far drikker, helsesykepleier er bekymret for omsorgen")


@pytest.mark.parametrize("text", ["mann 68, drikker 6-8 pils dagleg. tidl. frisk. vil slutte",
                                  "kvinne 55. tidlegare frisk. sover dårlig", "mann 40. hittil frisk. drikker mye"])
def test_previous_health_is_no_wish_for_a_healthy_life_centre(lexicon, text):
    assert "aktivitet" not in concepts(lexicon, text)


@pytest.mark.parametrize("text", ["kvinne 79, bor alene i enebolig, nedstemt", "mann 70 bur i einebustad, drikk mykje",
                                  "mann 50, bipolar, utskriven til eigen bustad i går", "skrives ut til egen leilighet fredag"])
def test_the_house_a_patient_lives_in_is_no_need_for_housing(lexicon, text):
    assert "bolig" not in concepts(lexicon, text)


@pytest.mark.parametrize("text, service, history", [
    ("Anbefaler mer hjelp fra hjemmetjenesten og tilsyn.", "hjemmetjenesten", False),
    ("Pas har behov for hjelp fra NAV med økonomi.", "nav", False),
    ("Treng tett oppfølging frå psykiatritenesta no.", "psykiatritenesta", False),
    ("Fikk hjelp fra NAV i fjor, nå i jobb.", "nav", True),
    ("Kommer fra DPS, døgnavdeling.", "dps", True),
    # what is not enough is had, not asked for (d486)
    ("Treng meir enn helsesjukepleiar kan gi. Kven i kommunen?", "helsesjukepleiar", True),
    ("Trenger mer enn fastlegen kan tilby.", "fastlegen", True),
    ("bor i kommunal bolig, ønsker bo-oppfølging", "kommunal", True),
])
def test_help_asked_for_from_a_service_names_no_sender(text, service, history):
    assert in_history(text, service) is history


@pytest.mark.parametrize("text, condition", [
    ("gutt 15, mor sier han røyker hasj og henger med eldre gutter", "cannabis"),
    ("jente 14, far fortel at ho drikk kvar helg", "alkohol"),
])
def test_what_a_parent_tells_of_a_childs_habits_is_the_childs(lexicon, text, condition):
    query = understand(text, lexicon)
    assert condition in query.primary_concepts and "barn_som_parorende" not in query.primary_concepts


@pytest.mark.parametrize("text", ["jente 15, spiseforstyrring? BMI 16", "gut 14, et nesten ingenting, trenar mykje",
                                  "kvinne 19, låg bmi og trenar to gonger dagleg"])
def test_an_eating_disorder_named_in_nynorsk_or_told_by_how_little_one_eats(lexicon, text):
    assert "spiseforstyrrelse" in concepts(lexicon, text)


@pytest.mark.parametrize("text", ["mann 24, schizofreni, treng bu-trening", "kvinne 30, ROP, trenger bo-trening i egen leilighet"])
def test_training_to_live_on_ones_own_is_housing_not_exercise(lexicon, text):
    found = concepts(lexicon, text)
    assert "bolig" in found and "aktivitet" not in found


def test_help_one_has_had_names_no_door_asked_for(lexicon):
    text = "jente 14, trist, skulkar. Helsesykepleiar har hatt nokre samtalar med henne. Kva no?"
    assert in_history(text, "samtalar")


def test_a_service_put_first_and_said_to_be_had_is_had_already(lexicon):
    had = "mann 22, sosial angst, vil i jobb. NAV unge voksne har han. Kva finst for å kome i jobb?"
    assert in_history(had, "nav")
    assert not in_history("mann 22, sosial angst. Hvilken DPS har han? Og hva finnes i kommunen?", "dps")


def test_a_job_with_follow_up_is_ordinary_work_with_support(lexicon):
    assert "ordinaert_arbeid" in concepts(lexicon, "mann 30, angst, vil komme i jobb m/ oppfølging")


@pytest.mark.parametrize("text", ["far 40 ber om hjelp til seg sjølv som forelder", "alenemor 29, treng støtte i rolla som forelder"])
def test_help_in_being_a_parent_is_family_support(lexicon, text):
    assert "familie" in {h.concept for h in understand(text, lexicon).concepts if h.primary}


@pytest.mark.parametrize("text, age", [
    ("ektemann (45) ringer bekymret: kona har sluttet på medisinene og er mistenksom. Hva kan han gjøre?", 45),
    ("samboer 52 ringer om kona som drikk mykje. Kva kan ho få av hjelp?", 52),
    ("mor 45 ringer om sønnen som ruser seg, hva finnes?", None),
])
def test_a_partners_age_is_the_couples_when_it_is_the_one_given(lexicon, text, age):
    assert understand(text, lexicon).age == age


def test_what_a_relative_has_said_is_no_illness_of_theirs(lexicon):
    text = ("Anamnese: Mann 40, drikker 8-10 enheter daglig. Kona har sagt fra.\nAktuelt: Ønsker selv hjelp til å kutte "
            "ned.\nVurdering: F10.2.")
    query = understand(text, lexicon)
    assert not query.relatives_own and "parorende" not in query.primary_concepts


def test_a_pensioner_who_sits_at_home_is_alone_not_out_of_work(lexicon):
    assert "utenforskap" not in concepts(lexicon, "mann 84, kona døde i vinter, sitter hjemme, sover dårlig")
    assert "utenforskap" in concepts(lexicon, "mann 24, sitter hjemme, verken jobb eller skole")


def test_where_a_relative_works_is_no_need_for_work(lexicon):
    assert "arbeid" not in concepts(lexicon, "mor 38 innlagt, far jobber offshore. barna 7 og 10 år, kven kan snakke med dei?")
    assert "arbeid" in concepts(lexicon, "mann 30, angst, jobber ikke, vil gjerne tilbake i jobb")


def test_a_service_that_presses_for_something_is_not_asked_for(lexicon):
    assert in_history("mann 45, drikk kvar dag, sjukmeld, NAV purrar. ønskjer å kutte ned. kven i Strand?", "nav")


def test_care_reported_with_its_dates_is_not_asked_for(lexicon):
    letter = "Epikrise ARA, Ahus\nAvrusning 05.02–12.02.25. Dg F10.2.\nKvinne 57 år. Treng oppfølging i kommunen."
    assert "avrusning" not in concepts(lexicon, letter)
    assert "avrusning" in concepts(lexicon, "Kvinne 57 år, F10.2, ønsker avrusning. Hvem i kommunen?")


def test_what_the_patient_waits_for_is_not_asked_for(lexicon):
    assert "dognbehandling" not in concepts(lexicon, "Treng oppfølging fram til innlegging og hjelp med praktiske ting")
    assert "dognbehandling" in concepts(lexicon, "Treng innlegging og hjelp med praktiske ting")


def test_sick_leave_from_work_is_no_need_for_work(lexicon):
    assert "arbeid" not in concepts(lexicon, "Mann 34, F10.2, drikker daglig, sykmeldt fra jobb, vil ha hjelp til å slutte")
    assert "arbeid" in concepts(lexicon, "Mann 34, sykmeldt lenge, vil tilbake i jobb")


def test_a_letter_opening_with_utskriving_names_its_sender_as_history():
    letter = "Utskriving SUS psykiatrisk divisjon, akuttpsyk.\nGutt 19 år, bor hjå foreldra. Kva kan kommunen tilby no?"
    assert in_history(letter, "sus")
    assert not in_history("Treng oppfølging etter utskriving, SUS har ikkje plass", "sus")


def test_the_name_of_an_acute_polymorphic_psychosis_is_no_crisis(lexicon):
    found = concepts(lexicon, "Dg F23.1 akutt polymorf psykotisk lidelse. Gutt 19 år. Kva kan kommunen tilby?")
    assert "psykose" in found and "krise" not in found
    assert "krise" in concepts(lexicon, "akutt krise, gutt 19 år, kva kan kommunen tilby?")


def test_fear_of_a_relapse_is_about_staying_sober_not_anxiety(lexicon):
    found = concepts(lexicon, "14 mnd rusfri. Redd for tilbakefall, mangler rusfritt nettverk.")
    assert "rusfrihet" in found and "angst" not in found
    assert "angst" in concepts(lexicon, "14 mnd rusfri. Redd for alt, mye angst.")


def test_who_a_girl_eats_with_and_a_stopped_period_ask_for_no_family_help_or_outreach(lexicon):
    found = concepts(lexicon, "jente 17, et ikkje med familien, menstruasjon uteblitt, BMI 16,9. spiseforstyrrelse?")
    assert "spiseforstyrrelse" in found and not {"familie", "oppsokende"} & found
    assert "familie" in concepts(lexicon, "jente 17, mye konflikt, familien trenger hjelp")


def test_an_ill_parents_children_who_need_follow_up_as_relatives_are_the_relatives_asked_about(lexicon):
    note = ("Aktuelt: Kvinne 35 år, bipolar lidelse (F31.1), innlagt Ahus siden forrige uke. To barn, 6 og 9 år, bor nå "
            "hos far.\nVurdering: Barna trenger informasjon og oppfølging som pårørende.")
    found = concepts(lexicon, note)
    assert "barn_som_parorende" in found and "parorende" not in found
    assert "parorende" in concepts(lexicon, "Mor (40) til gutt 10 med ADHD vil ha støtte som pårørende for seg selv")


def test_a_child_who_takes_much_responsibility_needs_no_coordinator(lexicon):
    found = concepts(lexicon, "kvinne 41, depresjon, to barn 9 og 13 år. eldste tar mye ansvar. hva kan barna få?")
    assert "koordinering" not in found
    assert "koordinering" in concepts(lexicon, "kvinne 41, depresjon, trenger ansvarsgruppe og koordinator")


def test_a_place_to_go_if_violence_gets_worse_is_a_refuge_not_an_activity(lexicon):
    found = concepts(lexicon, "Kvinne 41, samboer utøver vold og kontroll. Vil ha råd og et sted å gå hvis det blir verre.")
    assert "vold_overgrep" in found and "aktivitet" not in found
    assert "aktivitet" in concepts(lexicon, "Kvinne 41, ensom, vil ha et sted å gå på dagtid")


def test_sitting_indoors_all_day_is_isolation_not_prison(lexicon):
    hits = understand("pas 55 m/ kronisk paranoid schizofreni, bor alene, sitter inne hele dagen.", lexicon).concepts
    found = {h.concept for h in hits}
    assert "ensomhet" in found and "kriminalitet" not in found
    assert "kriminalitet" in concepts(lexicon, "sønnen sitter inne for narkotikalovbrudd")


def test_ang_cut_short_is_regarding_not_anxiety(lexicon):
    assert "angst" not in concepts(lexicon, "Mor ringer ang. sønnen 24, alkohol daglig, vil ha hjelp")
    assert "angst" in concepts(lexicon, "Mor ringer, sønnen 24 har angst og drikker daglig")


def test_parents_who_drink_in_nynorsk_make_the_child_a_relative_and_a_child_who_comes_hungry_is_neglect(lexicon):
    found = concepts(lexicon, "barnehagen bekymra for jente 4 år, begge foreldra drikk mykje, ho kjem skitten og "
                              "svolten nokre dagar")
    assert {"barn_som_parorende", "omsorgssvikt"} <= found and not {"rus_tidlig", "alkohol"} & found
    assert "alkohol" in concepts(lexicon, "gutt 16 drikk mykje i helgane")


def test_a_low_bmi_is_severe(lexicon):
    assert understand("jente 15, slankar seg, BMI 16,5, amenoré 4 mnd", lexicon).severity == frozenset({3})
    assert understand("jente 15, slankar seg, BMI 19,5", lexicon).severity == frozenset()


def test_switching_off_the_internet_is_no_violence(lexicon):
    found = concepts(lexicon, "gutt 14, gamer 8-10 t/d, skulker, aggressiv når foreldra slår av nettet")
    assert "vold_overgrep" not in found and "atferd" in found
    assert "vold_overgrep" in concepts(lexicon, "gutt 14, far slår av og til når han drikker")


def test_a_stay_told_with_its_length_is_history_and_rusoppfolging_is_substance_use(lexicon):
    letter = ("Utskrivning ARA Nordbyhagen: Mann 46, F10.2, avrusning 5 døgn, Librium nedtrappet.\n"
              "Vurdering: trenger tett rusoppfølging lokalt.")
    assert "avrusning" not in concepts(lexicon, letter) and "rus" in concepts(lexicon, letter)
    assert "avrusning" in concepts(lexicon, "Mann 46, drikker daglig, trenger avrusning")


def test_a_young_patients_low_bmi_is_an_eating_disorder(lexicon):
    assert "spiseforstyrrelse" in concepts(lexicon, "jente 15, spiser lite, gått ned 6 kg på 3 mnd, mor bekymret. "
                                                    "BMI 16,8.")
    assert "spiseforstyrrelse" not in concepts(lexicon, "kvinne 78, KOLS, BMI 16,8, ensom")


def test_kilos_lost_while_eating_little_is_an_eating_disorder_in_the_young(lexicon):
    assert "spiseforstyrrelse" in concepts(lexicon, "gutt 15, spiser lite, ned 6 kg siden jul, trener mye, mor bekymra")
    assert "spiseforstyrrelse" not in concepts(lexicon, "gutt 15, ned 6 kg siden jul etter omgangssyke, spiser normalt")
    assert "spiseforstyrrelse" not in concepts(lexicon, "mann 80, spiser lite, ned 6 kg, ensom")
    assert "spiseforstyrrelse" in concepts(lexicon, "jente 15, spiser lite, vil ikke til BUP")
    assert "spiseforstyrrelse" not in concepts(lexicon, "kvinne 45, spiser lite, sover dårlig")


def test_a_concern_someone_has_reported_is_no_neglect_of_its_own(lexicon):
    found = concepts(lexicon, "Far bekymret for dattera på 15, slanker seg hardt, amenoré. Skolen har også meldt "
                              "bekymring.")
    assert "omsorgssvikt" not in found and "spiseforstyrrelse" in found
    assert "omsorgssvikt" in concepts(lexicon, "jente 6 år, mor ruser seg. Bør jeg melde bekymring?")


def test_what_a_letters_heading_says_of_its_sender_is_not_asked_for(lexicon):
    found = concepts(lexicon, "Epikrise ABUP poliklinikk: Gutt 12 år, F90.0 ADHD. Avsluttes i ABUP. Foreldre trenger "
                              "veiledning, gutten ønsker fritidsaktivitet.")
    assert "samtaler" not in found and {"adhd", "aktivitet"} <= found


def test_an_apprenticeship_left_in_a_psychosis_is_its_course_not_work_asked(lexicon):
    assert "arbeid" not in concepts(lexicon, "Mann 23, isolert, sluttet i lærlingplass, fortel om tankar som ikkje er "
                                             "hans eigne. Vurdering: Mistanke om prodromal psykose.")
    assert "arbeid" in concepts(lexicon, "Mann 23 med psykose, stabil, vil tilbake i lærlingplass")


def test_a_relatives_trouble_told_in_the_genitive_is_theirs(lexicon):
    found = concepts(lexicon, "Mormor 70 år har barnebarnet (9) boende pga datterens heroinbruk, trenger støtte selv")
    assert "opioider" not in found


def test_help_for_later_is_not_asked_for_now(lexicon):
    found = concepts(lexicon, "Epikrise frå DPS. F33.2. Vi ber om tett oppfølging dei første vekene, gjerne heimebesøk, "
                              "og vurderer kurs i depresjonsmeistring seinare.")
    assert "kurs" not in found and "oppsokende" in found


def test_going_home_to_a_patient_who_will_not_come_is_help_at_home(lexicon):
    found = concepts(lexicon, "Enkje 81 år, depresjon, vil ikkje kome på kontoret. Kva kan gå heim til ho?")
    assert {"hjemmetjenester", "oppsokende"} <= found


def test_a_child_welfare_institution_shortened_is_aftercare_not_a_report_of_neglect(lexicon):
    query = understand("gt 19, nyss ut fra barnevernsinst., angs, trenger tett oppf", lexicon)
    assert "ettervern" in query.primary_concepts and "omsorgssvikt" not in query.primary_concepts


def test_moving_out_from_the_parents_to_a_flat_is_no_relatives_question(lexicon):
    moving = understand("K 26, autisme og angst, skal flytte ut fra foreldrene til egen leilighet for første gang. "
                        "Foreldrene ber meg søke «hjelp i hjemmet» for henne.", lexicon)
    assert "parorende" not in moving.primary_concepts
    assert "parorende" in understand("foreldrene til en gutt på 24 med psykose ber om råd", lexicon).primary_concepts


def test_children_followed_up_as_relatives_ask_for_the_childrens_door(lexicon):
    query = understand("Pasienten min (mor, 38) følges av psykisk helse i kommunen og er nå innlagt. Hun har to barn på "
                       "8 og 11 som bor hos mormor så lenge. Hvem i Nes sørger for at barna blir fulgt opp som "
                       "pårørende?", lexicon)
    assert "barn_som_parorende" in query.primary_concepts


def test_a_relative_who_says_the_help_is_for_the_ill_one_asks_no_relatives_question(lexicon):
    query = understand("Mor (60) bekymret for sønnen, m 24, F20.0 + amfetamin. Møter ikke på DPS, isolerer seg. Mor spør "
                       "om noen kan oppsøke ham hjemme – hjelpen gjelder sønnen.", lexicon)
    assert "parorende" not in query.primary_concepts and query.age == 24
    caller = understand("Datter (k 34) ringer om far, 67 år, som har drukket daglig siden mor døde. Hjelpen gjelder far – "
                        "hva finnes lavterskel for ham?", lexicon)
    assert "parorende" not in caller.primary_concepts and caller.age == 67
    assert "parorende" in understand("Mor (60) bekymret for sønnen, m 24, F20.0 + amfetamin. Hun vil ha støtte for "
                                     "egen del.", lexicon).primary_concepts


def test_the_one_a_relative_calls_worried_for_is_the_patient(lexicon):
    query = understand("Datter (bor i Oslo) ringer bekymret for mor 71 i Vormsund: drikker alene hver kveld.", lexicon)
    assert query.age == 71


def test_concerns_is_no_debt(lexicon):
    assert "okonomi" not in concepts(lexicon, "Hjelpen gjelder far, som drikker")
    assert "okonomi" in concepts(lexicon, "har mye gjeld og drikker")


def test_relief_for_a_carer_is_applied_for(lexicon):
    assert "tildeling" in concepts(lexicon, "mann 77 pleier kona med Alzheimer, trenger avlastning og dagplass til henne")


def test_a_detox_since_which_the_patient_is_sober_is_past(lexicon):
    query = understand("Pas 57 år, alkoholavhengig, edru sidan avrusing i april. Einsam, vil ha ei gruppe.", lexicon)
    assert "avrusning" not in query.primary_concepts
    assert "avrusning" in understand("Pas 57 år, alkoholavhengig, treng avrusing no.", lexicon).primary_concepts


def test_advice_on_what_she_herself_can_do_is_a_relatives_question(lexicon):
    query = understand("K 40. Mannen drikker daglig (alkohol), nekter behandling. Hun er redd for økonomien og ungene, "
                       "anspent, hodepine, P02. Vil ha råd om hva hun selv kan gjøre + et sted å snakke.", lexicon)
    assert "parorende" in query.primary_concepts


def test_a_lower_school_an_adult_went_to_is_history(lexicon):
    def weighs(text):
        return "skole" in understand(text, lexicon).weights

    assert not weighs("Jente 19 år, nedstemt. Mor spør om helsestasjonspsykologen ho gjekk til på ungdomsskulen kan ta "
                      "henne att.")
    assert weighs("Jente 14 år, nedstemt, mye fravær på ungdomsskulen.")
    assert weighs("Mor (41) med alvorleg depresjon, 2 born i barneskulealder. Hjelp til borna?")


def test_where_she_can_get_support_herself_is_a_relatives_question(lexicon):
    query = understand("Pasienten min, kvinne 44, er gift med en mann som drikker tungt. Han vil ikke ha hjelp. Hun er "
                       "sliten, barna er 8 og 11. Hvor kan hun selv få støtte?", lexicon)
    assert "parorende" in query.primary_concepts


def test_a_counted_stay_is_history(lexicon):
    found = understand("M 31, F20 + daglig cannabis. 4. innleggelse på akutten Ahus siste året, skrives ut fredag. Hvem "
                       "kan samle trådene rundt ham?", lexicon).primary_concepts
    assert "dognbehandling" not in found and "koordinering" in found


def test_a_finished_detox_is_history(lexicon):
    assert "avrusning" not in understand("kvinne 41, F15.2. Ferdig avrusning på akuttpost, trenger noe i kommunen.",
                                         lexicon).primary_concepts


def test_no_other_substances_denies_none_named_before(lexicon):
    query = understand("Mann 34. Drukket daglig siste 2 år. Ingen andre rusmidler. Vil kutte ut.", lexicon)
    assert "rusmidler" not in query.negated and "rus" not in query.primary_concepts
    assert "alkohol" in query.primary_concepts
    assert "rusmidler" in understand("Mann 34, sover dårlig. Ingen rusmidler.", lexicon).negated


def test_an_adult_who_grew_up_in_foster_care_is_no_child_in_need_of_care(lexicon):
    adult = understand("m 23, F20.0 + amfetamin. Vokst opp i fosterhjem/barnevern til 18. Trenger noen som oppsøker ham.",
                       lexicon)
    assert "omsorgssvikt" not in adult.primary_concepts
    assert "omsorgssvikt" in understand("Gutt 12, bekymring meldt til barnevern for omsorgssvikt hjemme.",
                                        lexicon).primary_concepts


def test_a_school_an_adult_has_finished_is_history(lexicon):
    def weighs(text):
        return "skole" in understand(text, lexicon).weights

    assert not weighs("Jente 19 år, flytta heimanfrå til hybel etter vgs, jobbar deltid. Nedstemt, søv dårleg.")
    assert not weighs("Gutt 20, ferdig med videregående i vår, angst og isolasjon.")
    assert weighs("Jente 19 år, går siste året på vgs, nedstemt, mye fravær.")
    assert weighs("Gutt 15, nedstemt etter skolen hver dag, mye fravær.")


def test_a_wife_who_asks_for_herself_and_the_children_is_the_patient(lexicon):
    query = understand("Kona (40) til alkoholiker er hos meg, sliten og lei seg, ungane på 8 og 11 merkar det. Mannen "
                       "vil ikkje søkje hjelp sjølv. Kva hjelp finst for ho og borna i Nes kommune?", lexicon)
    assert query.age == 40 and "parorende" in query.primary_concepts


def test_a_sister_who_writes_on_behalf_of_her_brother_asks_for_him(lexicon):
    query = understand("Søster (35) skriver på vegne av bror 33 i LAR, bor i Nes. Han har sprukket på benzo igjen, "
                       "mister avtaler. Hun ønsker et møte med alle involverte. Hva finnes av koordinering?", lexicon)
    assert query.age == 33 and "parorende" not in query.primary_concepts


def test_a_parent_admitted_now_and_what_the_children_may_get_is_asked_for_the_children(lexicon):
    query = understand("Mor 38 år, bipolar lidelse (F31.1), innlagt Ahus. Barna 8 og 11 år. Far spør hva barna kan få "
                       "av hjelp.", lexicon)
    # the help is the children's, and the age reported is the mother's
    assert query.age == 8 and query.ill_age == 38 and "barn_som_parorende" in query.primary_concepts


def test_a_mother_afraid_for_her_son_does_not_ask_for_him(lexicon):
    query = understand("mor 58 år (min pas, ikke sønnen) er helt utslitt. Sønnen hennes på 24 bruker amfetamin "
                       "daglig og bor hjemme, hun er redd for ham. Finnes det noe for pårørende?", lexicon)
    assert query.age == 58 and query.ill_age is None


def test_one_who_has_died_is_no_patient(lexicon):
    query = understand("Mor (55) til en gutt på 26 som døde av overdose for 12 dager siden. Hun sover lite, mye skyld. "
                       "Hva finnes for etterlatte?", lexicon)
    assert query.age == 55


def test_the_bereaved_who_asks_after_a_death_is_the_case(lexicon):
    query = understand("Far (52) frå Tau ringde i dag tidleg: eldste sonen omkom i ei trafikkulykke i natt. Mor er i "
                       "sjokk. Kven kan eg kontakte?", lexicon)
    assert query.age == 52
    assert understand("Far (52) ringer om sonen, som ruser seg.", lexicon).age is None


def test_what_a_relative_who_died_had_is_his(lexicon):
    query = understand("Notat: Kvinne 52. Sønnen døde av overdose for 3 uker siden, han gikk i LAR og hadde oppfølging "
                       "fra Mestringsenheten. Pas har sterk sorg, søvnvansker. Ønsker noen å snakke med.", lexicon)
    assert "lar" not in query.primary_concepts and "samtaler" in query.primary_concepts


def test_neg_cut_short_is_a_denial_not_neglect(lexicon):
    assert "omsorgssvikt" not in concepts(lexicon, "Pas har sterk sorg. Neg. for suicidalitet, ingen rus selv.")


def test_a_negative_drug_test_rules_the_drugs_out(lexicon):
    assert "rus" not in concepts(lexicon, "Gutt 19, mistenksom, hører stemmer. Ikke suicidal, negativ urinprøve på "
                                          "rusmidler. Hvor henviser jeg?")


@pytest.mark.parametrize("text", [
    "Jente 14, et lite og trenar to gonger dagleg, KMI 15,5. Ikkje suicidal. Inga rus.",
    "jinta på 17 kutter sæ, hu itte ruser sæ",
])
def test_negations_in_nynorsk_and_dialect_rule_out_substances(lexicon, text):
    assert not concepts(lexicon, text) & {"rus", "rusproblemer"}


def test_a_parent_who_asks_about_a_child_in_a_school_year_gives_the_childs_age(lexicon):
    assert understand("Mor (42) egentlig her for egen rygg, men vil snakke om sønnen som går i 9. klasse. Røyker hasj.",
                      lexicon).age == 14
    assert understand("Mor (45) har depresjon og vil ha samtaler. Sønnen går i 3. klasse.", lexicon).age == 45


def test_sick_leave_told_with_a_percentage_is_no_wish_for_work(lexicon):
    assert "arbeid" not in concepts(lexicon, "K 35, sykmeldt 100 % fra jobben, hasj daglig, vil slutte")


def test_a_name_word_its_phrase_explains_means_what_the_phrase_means(lexicon):
    assert lexicon.concepts_in("Akutten (akutt overnatting) Akutten") == {"akutt_bolig"}
    assert "krise" in lexicon.concepts_in("Psykososialt kriseteam")


def test_someone_to_talk_with_is_conversations_not_a_helpline(lexicon):
    found = concepts(lexicon, "Sønnen på 19 vil ikke til lege selv, men kan kanskje gå med på å prate med noen.")
    assert "samtaler" in found and "telefon" not in found
