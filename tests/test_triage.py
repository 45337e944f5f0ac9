"""Safety triage, family by family and trap by trap (the blind corpus is in test_safety_corpus.py)."""

import ast
from pathlib import Path

import pytest

from gpguide.search.triage import Triage, triage
from gpguide.search.triage.table import load

ACUTE = {
    "suicide": [
        "vil ikke leve lenger", "orker ikke mer, vil bare dø", "sier hun bare vil forsvinne",
        "har sendt avskjedsmelding til kjæresten", "har gitt bort tingene sine til søsknene", "sier det er snart over",
        "har kjøpt tau og sett seg ut en bjelke i låven", "snakker om å hoppe foran toget", "står på brua nå",
        "sitter i bilen i garasjen med motoren i gang", "sier han skal kjøre i fjellveggen på vei hjem",
        "har hagle hjemme og sier han ikke ser poenget lenger", "har spart opp Sobril i flere måneder",
        "selvmordstanker med konkret plan i kveld", "M30 SI m/ plan", "pas truer med selvmord hvis kona går",
        "funnet hengende i kjelleren, lever", "skrev på snap at dette er siste gang dere ser meg",
        "Kona sier han har googlet dødelige doser av amitriptylin hele kvelden.",
        "Kvinne 45: «jeg orker ikke mer, jeg har tabletter klare».", "Har sagt til alle vennene at de ikke skal savne ham.",
        "Hun har stått på kanten av Lysefjorden i en time og ringer meg.",
        "Kjæresten sendte bilde av en løkke og skrev «nå er jeg ferdig».",
    ],
    "poisoning": [
        "har tatt 20 Paralgin forte", "tok 15 Sobril for en time siden", "har svelget alle Vival-tablettene",
        "tatt hele brettet med Sarotex", "drakk rødsprit i natt og ser dårlig", "3-åring har spist av mormors tabletter",
        "pas har tatt en overdose metadon", "tok resten av pakka med Paracet etter krangel",
        "fant tomme tablettesker ved senga", "har tatt GHB og puster nesten ikke", "Toåringen har svelget et knappebatteri.",
        "LAR-pasient fikk nalokson av ambulansen for en halvtime siden, vil ikke til sykehus.",
    ],
    "vital": ["funnet bevisstløs i trappa", "er blå i leppene og puster dårlig", "lar seg ikke vekke etter festen"],
    "selfharm": ["har kuttet seg og blør mye", "det pumper blod fra armen", "dype kutt i underarmen som må sys i kveld"],
    "psychosis": [
        "hører stemmer som sier han må drepe naboen", "psykotisk og har barrikadert seg i leiligheten",
        "sier at stemmene ber ham ofre seg selv", "akutt psykotisk og truende mot personalet",
    ],
    "violence": [
        "sier han skal drepe kona", "truer med å skyte naboen", "går rundt med kniv og truer folk på senteret",
        "kvinne slått av samboer i natt, tør ikke dra hjem",
    ],
    "child": [
        "tre små barn har vært alene hjemme i tre dager", "gutt 8 slått hjemme, skal hjem i dag",
        "baby 3 mnd, mor er ruset og alene med barnet",
        "7-åringen forteller at mamma har slått henne med beltet, og mamma henter i dag.",
    ],
    "other": ["akutt forverring av depresjon, kan ikke vente til mandag"],
}

REMINDER = [
    "kronisk suicidal i mange år, ingen plan, avtaleklar",
    "selvmordsforsøk for 10 år siden, nå stabil, ønsker samtaler",
    "etterlatt etter at broren tok livet sitt i fjor, trenger noen å snakke med",
    "passive dødsønsker, ingen plan og ingen tidligere forsøk",
    "jente 15 kutter seg for å dempe angsten, ikke suicidal",
    "tidligere overdose i 2019, nå rusfri",
    "har jakthagle hjemme og er deprimert",
    "Pasienten har periodevise selvmordstanker om natta, men tar avstand fra dem og er avtaleklar.",
]

ORDINARY = [
    # the false-alarm classes of issue 10
    "sorggruppe for etterlatte etter selvmord, faren døde for 15 år siden",
    "kurs i selvmordsforebygging for ansatte i hjemmetjenesten",
    "informasjon om nalokson til LAR-pasienter og pårørende",
    "tatt 2 paracet mot hodepine, ønsker time for angst",
    "kokk med kniv i hånda hele dagen, stresset, drikker for mye etter jobb",
    # ruled out, in the past, or not about danger
    "benekter selvmordstanker, ønsker samtaler for lett depresjon",
    "Ingen rus, psykose eller suicidalitet. Søvnvansker.",
    "tidligere psykose, nå stabil, trenger bolig",
    "det stemmer at han har søkt jobb",
    "vil hoppe av skolen og begynne å jobbe",
    "henger seg opp i detaljer, tvangstanker",
    "Sjefen kommer til å drepe meg hvis jeg er borte en uke til, sa hun og lo",
    "ungdommen er vanskelig å vekke om morgenen, ligger sent",
    "OD visus 0,8, OS 1,0, lett retinopati OD",
]


@pytest.mark.parametrize("family, text", [(f, t) for f, texts in ACUTE.items() for t in texts])
def test_acute_by_family(family, text):
    result = triage(text)
    assert result.urgent, (text, result)
    assert result.reasons


@pytest.mark.parametrize("text", REMINDER)
def test_reminder_without_alarm(text):
    result = triage(text)
    assert result.level == "reminder" and result.reminders and not result.urgent, (text, result)


@pytest.mark.parametrize("text", ORDINARY)
def test_no_alarm(text):
    assert not triage(text).urgent, text


@pytest.mark.parametrize("text, urgent", [
    # negation holds only in its own clause
    ("ingen SI, men har skrevet avskjedsbrev", True),
    ("ingen SI. Har tatt 30 Sobril i kveld.", True),
    ("ikke bare suicidal, men har en plan", True),
    ("kan ikke utelukke selvmordsfare", True),
    ("selvmordsfare kan ikke utelukkes", True),
    ("SI: neg. Ønsker samtaler.", False),
    ("neg for selvmordstanker, sover dårlig", False),
    ("han sier han ikke vil ta livet sitt", False),
    ("ingen venner og vil dø", True),
    # time: past in one sentence does not cancel danger in another; «fortsatt»/«nå» is now
    ("tidligere frisk, nå suicidal", True),
    ("forsøkte for to uker siden, fortsatt suicidal", True),
    ("Tidligere innlagt for depresjon. Nå sier han at han vil ta livet sitt.", True),
    ("For fem år siden, etter skilsmissen, forsøkte han å ta livet sitt. Nå stabil.", False),
    ("selvmordsforsøk i går kveld", True),
    ("kom hjem tidligere enn vanlig og fant ham hengende", True),
    # hypothetical
    ("hva gjør jeg hvis han blir suicidal?", False),
])
def test_negation_and_time_are_scoped(text, urgent):
    assert triage(text).urgent == urgent, (text, triage(text))


@pytest.mark.parametrize("text", [
    "sjølvmordstankar og plan om å henge seg i natt", "ho har teke ei heil pakke paracet",
    "eg vil ikkje leve meir", "han seier han skal ta livet sitt i kveld", "ho pustar nesten ikkje",
    "æ vil ittj leve lenger", "han har hengt sæ, men lever", "hon vill inte leva längre",
    "selvmorstanker med plan", "overdsoe nå", "tatt 40 paracte", "m/ selvmordsplaner",
])
def test_nynorsk_dialect_swedish_and_typos(text):
    assert triage(text).urgent, text


def test_a_long_note_with_danger_only_in_its_last_sentence():
    filler = ("Kontroll av blodtrykk og diabetes. Hun har hatt god effekt av metformin, HbA1c 52. Ingen nye plager. "
              "Hun trives i jobben og har god kontakt med familien. ")
    note = (filler * 100)[:10_000] + " I kveld sa hun at hun har samlet tabletter og skal ta dem i natt."
    assert len(note) > 10_000
    assert triage(note).urgent
    assert not triage(note[:10_000]).urgent


def test_every_character_is_read():
    assert triage("a " * 50_000 + "har tatt 30 Sobril").urgent


def test_the_result():
    result = triage("sier han skal ta livet sitt i natt")
    assert isinstance(result, Triage) and result.level == "acute" and result.urgent
    assert result.reasons == ("selvmordsfare",) and result.evidence
    assert triage("lett angst, ønsker samtaler") == Triage("none")


def test_the_triage_does_not_read_the_catalogue():
    for path in (Path(__file__).parents[1] / "gpguide" / "search" / "triage").glob("*.py"):
        imported = {node.module for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ImportFrom)}
        assert not {m for m in imported if m and ("catalogue" in m or "lexicon" in m)}, path


@pytest.mark.parametrize("data", [
    "context: {a: 1}\ncontext: {a: 2}\n",  # a key given twice
    "list: [ja, no, nei]\n",  # «no» would be read as false
])
def test_signals_yaml_is_read_strictly(data):
    with pytest.raises(ValueError):
        load(data)


def test_the_second_net_only_raises_the_level():
    from gpguide.search.triage.detect import by_rules
    from tests.test_safety_corpus import CASES

    rank = {"none": 0, "reminder": 1, "acute": 2}
    texts = [c["text"] for c in CASES[::5]] + ORDINARY + REMINDER
    assert all(rank[triage(t).level] >= rank[by_rules(t).level] for t in texts)


def test_the_second_net_raises_to_acute_with_its_own_reason(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import Model

    net = Model({"w:fjellstua": 12.0}, -6.0, 0.9)
    monkeypatch.setattr(detect, "model", lambda: net)
    result = triage("Han har gått opp til fjellstua alene i kveld.")
    assert result.urgent and result.reasons == (detect.SECOND_NET_REASON,)
    assert not triage("Han har gått tur i skogen i dag.").urgent


def test_the_second_net_does_not_read_history_or_courses(monkeypatch):
    from gpguide.search.triage import detect
    from gpguide.search.triage.classifier import Model

    monkeypatch.setattr(detect, "model", lambda: Model({"w:fjellstua": 12.0}, -6.0, 0.9))
    assert not triage("Sykehistorie: Gikk til fjellstua i 2019.\n\nAktuelt: ønsker samtaler.").urgent


def test_training_is_deterministic():
    from gpguide.search.triage import train

    data = train.examples()[::40]
    assert train.fit(data) == train.fit(data)
