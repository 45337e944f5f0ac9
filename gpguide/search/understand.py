"""Read a GP's free-text question: age, sex, kommune, severity, access wishes, ICPC codes, concepts; danger comes
from the safety triage (gpguide.search.triage)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from gpguide.search import ages
from gpguide.search.codes import find_codes
from gpguide.search.lexicon import NOT_STEMMED, Lexicon
from gpguide.search.normalise import (FILLER, STOPWORDS, abbreviated, fold, joined, question_tokens, stem, surface,
                                      tokens)
from gpguide.search.triage import Triage, triage

_TOKEN_SPAN = re.compile(r"[a-z0-9]+")
PAST_WORDS = frozenset({"tidligere", "tidlegare", "tidl", "gjennomgatt", "gjennomgikk", "gjennomgjekk",
                        "innlagt", "innlagd", "ferdig"})  # had, or is in care for already («ferdig avrusning»)
WELL_WORDS = ("stabil", "frisk", "rusfri", "edru", "remisjon", "symptomfri", "restituert", "utskr")  # «utskr.»: the stay is over
_WRITTEN_OUT = frozenset({"skrevet", "skreve", "skriven"})  # «skrevet ut»: discharged
PAST_WEIGHT = 0.5
AMBIGUOUS_CODE = 0.6  # each meaning of a code that has several («P99»: other disorders, autism among them)
REPEATED = 1.25
_QUESTIONS = re.compile(r"[^.!?\n]*\?")  # the sentences that ask
SAID_IN_WORDS = frozenset({"exact", "stem", "phrase", "compound", "fuzzy", "abbreviation"})  # not a code restating a word
_OWN_HOME = re.compile(r"\b(?:egen|eget|eige|eiga|eigen) (?:leilighet|leilegheit|leil|bolig|bustad|hybel|hjem|heim|husvaere|hus)|"
                       r"\b(?:bor|bur) (?:alene |aleine |aleina |sjolv |selv )?i (?:kommunal|kommunalt) (?:leilighet|leilegheit|"
                       r"leil|bolig|bustad|hybel|husvaere)|"
                       # keeping one's flat in order («klarer ikke holde orden i leiligheten»)
                       r"\b(?:orden|rot|rydde|rydda|rydding|vaske|vasking) i (?:leiligheten|leilegheita|leiligheta|huset|"
                       r"boligen|bustaden|hybelen)\b")
# The patient is in LAR now: «i LAR», «LAR-pasient», a daily dose («metadon 90 mg»); not «ikke i LAR», «vil inn i LAR».
_IN_LAR = re.compile(r"(?<!ikke )(?<!ikkje )(?<!inn )\b(?:i|pa) lar\b|\blar[ -]?(?:pas|pasient|pasienten|brukar|bruker|"
                     r"brukaren|brukeren)\b|\b(?:metadon|subutex|buprenorfin|suboxone|buprenorfin/nalokson)\s*\d+(?:[.,]\d+)?"
                     r"(?:/\d+)?\s*mg\b")
# The home is told to be good («Gode forhold hjemme, foreldrene støtter ham»): no door for child protection.
_GOOD_HOME = re.compile(r"\b(?:gode|trygge|stabile|ordnede|ordna|ryddige) (?:forhold|rammer) (?:hjemme|heime)\b|"
                        r"\b(?:trygt|godt|stabilt) (?:hjem|heim)\b|\bforeldr\w* (?:stotter|stottar|er stottende|er stottande|"
                        r"er gode|er ressurssterke)\b|\b(?:stottende|stottande|ressurssterke) (?:foreldre|familie)\b|"
                        r"\bingen bekymring for (?:omsorg\w*|hjemmet|heimen|hjemmeforhold\w*)")
STABLE_WORDS = frozenset({"stabil", "stabilt", "stabile", "stabilisert", "velregulert", "velbehandlet"})
_BODILY = frozenset({"vitalt", "somatisk", "sirkulatorisk", "respiratorisk", "hemodynamisk", "medisinsk", "vekt", "vekta",
                     "vekten", "bmi", "puls", "blodtrykk", "bt"})  # «stabil vitalt», «stabil vekt»
PSYCHOSES = frozenset({"psykose", "psykose_tidlig"})  # an illness whose course takes jobs and schooling with it
PENSION_AGE = 67  # from here a patient is one of «eldre», and past working life
CHILD = 18  # below this age, what a parent named in the question does is the parent's, not the child's
CONDITION_AREAS = frozenset({"psykisk", "rus"})  # what a patient has or had, as against needs and roles
STRAIN = frozenset({"stress"})  # «foreldrene sliter»: parents under strain, not ill
# «foreldrene er redde for at han havner i feil miljø»: parents afraid for the child, not ill (folded stems)
WORRY_STEMS = ("redd", "livredd", "engstel", "urolig", "uroleg", "bekym", "fortvil")
# what the history or a relative's situation says without asking for it («innlagt akuttpsyk i går»)
CONTEXT_AREAS = CONDITION_AREAS | {"akutt"}
_CLAUSE_BREAK = re.compile(r"[,.;:!?\n–]")

AGE_WORDS: dict[str, tuple[int, int]] = {
    "spedbarn": (0, 1), "smabarn": (0, 5), "barn": (0, 12), "barnet": (0, 12), "skolebarn": (6, 13),
    "tenaring": (13, 19), "tenaringen": (13, 19), "tenaringer": (13, 19), "tenaringsjente": (13, 19),
    "tenaringsgutt": (13, 19), "ungdom": (13, 19),
    "ungdommen": (13, 19), "unge": (13, 25), "ungdomsskole": (13, 16), "ungdomsskoleelev": (13, 16), "videregaende": (16, 19),
    "vgs": (16, 19), "gutt": (0, 19), "jente": (0, 19), "jenta": (0, 19), "guten": (0, 19),
    "student": (19, 30), "veteran": (20, 110), "ufor": (18, 67), "uforetrygdet": (18, 67), "voksen": (18, 110), "vaksen": (18, 110), "eldre": (65, 110), "pensjonist": (65, 110),
    "gammel": (65, 110), "gamal": (65, 110), "alderdom": (65, 110), "vg1": (15, 17), "vg2": (16, 18), "vg3": (17, 19),
}
_SCHOOL_YEAR = frozenset({"klasse", "klassetrinn", "trinn", "steg"})
_UPPER_SECONDARY = frozenset({"vgs", "videregaende", "vidaregaande", "vg1", "vg2", "vg3", "gymnaset"})
_DIED_WORDS = frozenset({"dode", "doydde", "doyde", "dodde", "omkom", "omkommet"})
# A service the patient drops out of: history, and no door asked for (the door that reaches out comes first)
_DROPOUT = (("moter", "ikke"), ("moter", "ikkje"), ("mott", "ikke"), ("ikke", "moter"), ("ikkje", "moter"),
            ("ikke", "mott"), ("ikkje", "mott"), ("dropper",), ("droppar",), ("droppet",), ("droppa",), ("uteblir",),
            ("uteblitt",), ("moter", "verken"), ("moter", "aldri"), ("moter", "sjelden"), ("kommer", "ikke", "til"),
            ("kjem", "ikkje", "til"))
# «hva finnes i kommunen før BUP?»: what comes after «før» is a later step, not the door asked for now («før» folds
# to «for», so context_positions marks it first)
_BEFORE_WORD = re.compile(r"\bf(?:ø|oe)r\b", re.IGNORECASE)
_BEFORE_MARK = "xbeforex"
_AFTER_BEFORE = {_BEFORE_MARK: [(_BEFORE_MARK,)]}
# What the patient waits for («venter på plass på Lurud», «oppfølging fram til innlegging»): a step already under way,
# not the help asked for now
_PENDING: dict[str, list[tuple[str, ...]]] = {}
for _trigger in (("venter", "pa"), ("ventar", "pa"), ("venta", "pa"),
                 ("fram", "til"), ("frem", "til"), ("inntil",), ("i", "pavente", "av"), ("venteliste", "til"),
                 ("venteliste", "pa"), ("venteliste", "for"), ("ventetid", "pa"), ("ventetid", "til"),
                 # «Står på venteliste Rogaland A-senter»
                 ("venteliste",), ("ventelista",), ("ventelisten",)):
    _PENDING.setdefault(_trigger[0], []).append(_trigger)
_WAITING = frozenset({"venter", "ventar", "venteliste", "ventelista", "ventelisten", "ventetid", "ventetiden",
                      "ventetida", "mellomtiden", "mellomtida", "pavente"})
_REFERRED = {word: [(word,)] for word in ("henvist", "henviste", "tilvist", "tilviste")}
_HISTORY_TRIGGERS: dict[str, list[tuple[str, ...]]] = {}
for _trigger in (*_DROPOUT, ("innlagt",), ("innlagd",), ("innleggelser",), ("ferdig", "med"), ("ferdig",),
                 ("innleggingar",), ("utskrevet",), ("utskriven",), ("skrives", "ut"), ("skrivast", "ut"),
                 ("har", "vaert", "i"), ("har", "vaert", "pa"), ("har", "vaert", "hos"), ("har", "vore", "i"),
                 ("har", "vore", "pa"), ("gar", "til"), ("gar", "i"), ("gar", "pa"), ("folges", "av"), ("folges", "i"),
                 ("folges", "opp"), ("folges", "ved"), ("folges", "poliklinisk"), ("fulgt", "opp"), ("fulgt", "i"),
                 ("fulgt", "pa"), ("fulgt", "ved"), ("fulgt", "hos"), ("behandlet", "i"), ("behandlet", "pa"), ("behandla", "i"),
                 ("behandla", "pa"), ("behandlet", "ved"), ("behandla", "ved"), ("behandlet", "hos"), ("behandla", "hos"),
                 ("kjent", "for"), ("kjent", "i"), ("kjend", "i"), ("samtaler", "i"), ("samtalar", "i"),
                 *((ends, at) for ends in ("avsluttet", "avslutta", "avslutter", "avsluttar", "avsluttes", "avsluttast")
                   for at in ("i", "hos", "ved", "pa")),
                 ("fra",), ("fraa",), ("avbrutt",), ("avbrote",), ("avsl",), ("avsluttet",), ("avslutta",),
                 # a finding made there («hørsel/syn normalt hos helsesykepleier»)
                 ("normalt", "hos"), ("normal", "hos"), ("undersokt", "hos"), ("testet", "hos"), ("testa", "hos"),
                 ("sjekket", "hos"), ("sjekka", "hos"), ("kartlagt", "hos"), ("kartlagd", "hos"),
                 ("ferdigbehandlet",), ("ferdigbehandla",), ("ferdig", "behandlet"), ("ferdig", "behandla"),
                 # a later step, not the door asked for now («kommunalt tilbud før evt DPS?»)
                 ("for", "evt"), ("for", "ev"), ("for", "eventuelt"), ("for", "eventuell"), ("for", "en", "eventuell"),
                 ("for", "ein", "eventuell"), ("for", "man", "henviser", "til"), ("for", "henvisning", "til"),
                 ("for", "tilvising", "til"),
                 # the sender of a discharge letter («Epikrise SUS:», «epikrise Lurud Ahus:») is where the patient was
                 ("epikrise",), ("epikrisen",), ("epikrisa",),
                 # help already given («har fått kommunal bolig via boligkontoret»)
                 ("har", "fatt"), ("har", "fenge"), ("har", "fengi"), ("har", "hatt"), ("har", "hatt", "noen"),
                 ("har", "hatt", "nokre"), ("har", "hatt", "nokon"),
                 # what is not enough («treng meir enn helsesjukepleiar kan gi»)
                 ("mer", "enn"), ("meir", "enn"), ("mere", "enn"),
                 # where the patient lives («bor i kommunal bolig», «bur på bukollektivet»)
                 *((verb, at) for verb in ("bor", "bur", "bodde", "budde") for at in ("i", "pa"))):
    _HISTORY_TRIGGERS.setdefault(_trigger[0], []).append(_trigger)
    if _trigger[0] == "for" and len(_trigger) > 1:
        _HISTORY_TRIGGERS.setdefault(_BEFORE_MARK, []).append((_BEFORE_MARK, *_trigger[1:]))
    for _still in ("allerede", "allereie", "fortsatt", "framleis", "fremdeles"):  # «går allerede til DPS»
        if len(_trigger) > 1:
            _HISTORY_TRIGGERS[_trigger[0]].append((_trigger[0], _still, *_trigger[1:]))
# What a service named just before has done or asks («BUP har utgreidd og ber kommunen følgje opp»): the sender
_DONE_BY: dict[str, list[tuple[str, ...]]] = {}
for _trigger in (("har", "utredet"), ("har", "utreda"), ("har", "utgreidd"), ("har", "vurdert"), ("har", "henvist"),
                 ("har", "tilvist"), ("har", "behandlet"), ("har", "behandla"), ("har", "skrevet", "ut"),
                 ("har", "skrive", "ut"), ("henviser",), ("tilviser",), ("ber", "kommunen"), ("ber", "om", "at"),
                 ("avslutter",), ("avsluttar",), ("skriver", "ut"), ("skriv", "ut"), ("ber", "fastlege"),
                 ("ber", "fastlegen"), ("ber", "meg"), ("ber", "oss"), ("anbefaler",), ("tilrar",), ("foreslar",),
                 ("foreslo",), ("foreslatt",), ("gjer", "framlegg"), ("anbefalte",), ("tilradde",),
                 # a service that presses for something («NAV purrar») acts; it is not asked for
                 ("purrer",), ("purrar",), ("purret",), ("purra",), ("maser",), ("masar",), ("krever",), ("krev",),
                 ("etterlyser",), ("etterlyste",)):
    _DONE_BY.setdefault(_trigger[0], []).append(_trigger)
# The patient says no to a form of care («vil ikke på sykehjem», «nei til DPS»)
_DECLINING_TRIGGERS: dict[str, list[tuple[str, ...]]] = {}
for _trigger in (("nei", "til"), ("vil", "ikke", "ha"), ("vil", "ikkje", "ha"), ("onsker", "ikke"),
                 ("onskjer", "ikkje"), ("nekter", "a", "ga", "til"), ("nektar", "a", "ga", "til"), ("avviser",),
                 ("avviser", "henvisning", "til"), ("nekter", "henvisning", "til"), ("nektar", "tilvising", "til"),
                 ("vil", "ikke", "inn", "pa"), ("vil", "ikkje", "inn", "pa"),
                 # «vil ikke til DPS», «vil helst ikkje på sjukeheim», in dialect «vil helst kje te BUP»
                 *(("vil", *rather, no, to) for rather in ((), ("helst",)) for no in ("ikke", "ikkje", "kje", "itte")
                   for to in ("til", "te", "pa")),
                 # «helst ikke vente i BUP-kø»: a queue the patient would rather not stand in
                 *((*rather, no, wait, "i") for rather in ((), ("helst",)) for no in ("ikke", "ikkje")
                   for wait in ("vente", "venta", "sta"))):
    _DECLINING_TRIGGERS.setdefault(_trigger[0], []).append(_trigger)
_REFUSAL_TRIGGERS: dict[str, list[tuple[str, ...]]] = {}
for _trigger in (*(t for ts in _DECLINING_TRIGGERS.values() for t in ts),
                 ("ikke", "henvises"), ("ikke", "henvist"), ("ikkje", "henvisast"), ("ikkje", "tilvisast"),
                 ("ikkje", "tilvist"), *_DROPOUT, ("falt", "ut", "av"), ("fall", "ut", "av"), ("faller", "ut", "av"),
                 ("detter", "ut", "av"),
                 # a door the GP thinks not needed («trenger vel ikke DPS?»)
                 *((needs, *maybe, no) for needs in ("trenger", "treng", "tror", "trur", "mener", "meiner")
                   for maybe in ((), ("vel",), ("kanskje",)) for no in ("ikke", "ikkje"))):
    _REFUSAL_TRIGGERS.setdefault(_trigger[0], []).append(_trigger)
# a door that has said no («har søkt ARA før og fått avslag»): the words before, back to the clause's start
_TURNED_DOWN: dict[str, list[tuple[str, ...]]] = {}
for _trigger in (("fatt", "avslag"), ("fikk", "avslag"), ("fekk", "avslag"), ("avslag", "fra"), ("fatt", "nei"),
                 # «BUP-tilvising returnert», «henvisning til DPS avslått», «Henv DPS Ahus – avslag»
                 ("returnert",), ("avslatt",), ("avvist",), ("avslag",)):
    _TURNED_DOWN.setdefault(_trigger[0], []).append(_trigger)
# help tried without effect («KID-kurs i Psykiatritjenesten uten varig effekt»): the words before, back to the clause's
# start, tell what was had
_TRIED = {without: [(without, *lasting, effect) for lasting in ((), ("varig",), ("god",))
                     for effect in ("effekt", "nytte", "bedring", "betring")] for without in ("uten", "utan")}
# Words of time that make a clause history («forrige uke», «i fjor», «tidligere»)
_PAST_WORDS = frozenset({"tidligere", "tidlegare", "tidl", "ifjor", "igar"})
_PAST_PAIRS = frozenset({("forrige", "uke"), ("forrige", "maned"), ("forrige", "helg"), ("forre", "veke"),
                         ("forre", "helg"), ("forre", "manad"), ("i", "fjor"), ("i", "gar"), ("sist", "uke"),
                         ("siste", "innleggelse"), ("siste", "innlegging")})
# The same, for what the patient had: only a time well past (not «i går», which is mostly the episode asked about)
_EPISODE_WORDS = frozenset({"ifjor"})
_EPISODE_PAIRS = frozenset({("forrige", "uke"), ("forrige", "maned"), ("forre", "veke"), ("forre", "manad"),
                            ("i", "fjor"), ("siste", "innleggelse"), ("siste", "innlegging")})
_SINCE = frozenset({"siden", "sidan", "sia"})  # what goes on since a past time goes on now
PARENT_PREFIXES = ("foreld", "mor", "far", "mamma", "pappa")
BARE_PARENTS = frozenset({"foreldre", "foreldra", "foreldrene", "foreldre bekymret", "foreldre bekymra", "foreldra bekymra",
                          "foreldrene bekymret", "foreldrene bekymra"})
# A pregnancy or a birth: «barnet» is then the baby, not the patient.
_BIRTH_STEMS = ("gravid", "svanger", "fodsel", "fodde", "fodte", "barsel", "postpartum", "fosteret", "nybakt")
# «tre barn», «sine små barn»: children counted or owned are the patient's children (folded spellings)
_COUNTS = ("to", "tre", "fire", "fem", "seks", "mange")
_ALONG_KIN = ("mannen", "kona", "ektemannen", "samboer", "samboeren", "sambuaren", "kjaeresten", "kjaerasten", "partneren",
              "mor", "moren", "mora", "mamma", "far", "faren", "pappa", "foreldrene", "foreldra", "datteren", "dattera",
              "sonnen", "sonen", "soster", "sosteren", "bror", "broren")
_CHILDREN_COUNTED = frozenset({*_COUNTS, "sju", "syv", "atte", "flere", "fleire", "sine", "hennes", "hennar", "hans",
                               "egne", "eigne", "sma", "mine", "vare"})
LOOSE_AGE_WORDS = frozenset({"gutt", "gut", "guten", "jente", "jenta"})  # said of adults too
AGE_PHRASES = {("ung", "voksen"): (18, 25), ("unge", "voksne"): (18, 25), ("ung", "vaksen"): (18, 25)}

SEX_WORDS = {
    "gutt": "mann", "gut": "mann", "guten": "mann", "mann": "mann", "herre": "mann", "kar": "mann", "han": "mann",
    "jente": "kvinne", "jenta": "kvinne", "kvinne": "kvinne", "dame": "kvinne", "hun": "kvinne", "ho": "kvinne",
}

LOW_BMI = 17  # below it an eating disorder is at least moderate (DSM-5)
YOUNG_UNDERWEIGHT = 30  # below this age a low BMI is read as an eating disorder; later, illness explains it as often
SEVERITY_WORDS: dict[str, frozenset[int]] = {
    **dict.fromkeys(["lett", "lette", "lettere", "mild", "milde", "mildere", "begynnende", "kortvarig",
                     "kortvarige", "nyoppstatt", "forbigaende", "eksperimenterer", "eksperimentering"], frozenset({1})),
    **dict.fromkeys(["moderat", "moderate", "middels"], frozenset({1, 2})),
    **dict.fromkeys(["langvarig", "langvarige", "kronisk", "kroniske", "vedvarende"], frozenset({2, 3})),
    **dict.fromkeys(["alvorlig", "alvorlige", "alvorleg", "tung", "tungt", "tunge", "omfattende", "komplekse",
                     "sammensatte"], frozenset({3})),
}
SEVERITY_PHRASES: dict[tuple[str, ...], frozenset[int]] = {
    ("ikke", "avhengig"): frozenset({1}), ("ikkje", "avhengig"): frozenset({1}),
    # treatment that has not helped calls for the next level
    ("ingen", "bedring"): frozenset({3}), ("ikke", "bedring"): frozenset({3}), ("uten", "bedring"): frozenset({3}),
    ("ikkje", "betring"): frozenset({3}), ("inga", "betring"): frozenset({3}), ("utan", "betring"): frozenset({3}),
    ("uten", "effekt"): frozenset({3}), ("ingen", "effekt"): frozenset({3}), ("behandlingsresistent",): frozenset({3}),
    ("lavt", "funksjonsniva"): frozenset({3}), ("darlig", "fungering"): frozenset({3}),
    ("klarer", "seg", "darlig"): frozenset({3}), ("darlig", "funksjon"): frozenset({3}),
    ("darleg", "funksjon"): frozenset({3}), ("nedsatt", "funksjon"): frozenset({3}),
    # close follow-up over time is more than a short, low-threshold course of help
    ("tett", "oppfolging"): frozenset({3}), ("folger", "tett", "opp"): frozenset({3}),
    ("folge", "tett", "opp"): frozenset({3}), ("folgje", "tett", "opp"): frozenset({3}),
    ("folgjer", "tett", "opp"): frozenset({3}),
    # drinking oneself down and refusing treatment: the course that coercion is asked about
    ("drikker", "seg", "ned"): frozenset({3}), ("drikk", "seg", "ned"): frozenset({3}),
    ("ruser", "seg", "ned"): frozenset({3}), ("nekter", "behandling"): frozenset({3}),
    ("nektar", "behandling"): frozenset({3}), ("nekter", "all", "hjelp"): frozenset({3}),
}
_SEVERITY_BY_FIRST: dict[str, list[tuple[tuple[str, ...], frozenset[int]]]] = {}
for _phrase, _tiers in SEVERITY_PHRASES.items():
    _SEVERITY_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _tiers))
# Phrases that mention a problem word to say it is absent ("ellers psykisk frisk").
NEUTRAL_PHRASES = (("psykisk", "frisk"), ("ellers", "frisk"), ("somatisk", "frisk"), ("fysisk", "frisk"),
                   ("frisk", "ellers"),
                   # previous health («tidl. frisk», «stort sett frisk», «var frisk til i fjor»), not friskliv
                   *((before, "frisk") for before in ("tidligere", "tidlegare", "tidligare", "tidl", "hittil", "sett",
                                                      "var", "vore", "vært")),
                   # working is not a need for work
                   ("i", "full", "jobb"), ("full", "jobb"), ("i", "jobb"), ("i", "arbeid"), ("har", "jobb"),
                   ("i", "fast", "jobb"), ("full", "stilling"), ("jobber", "fullt"),
                   *((verb, still) for verb in ("jobber", "jobbar", "arbeider", "arbeidar")
                     for still in ("fortsatt", "framleis", "fremdeles", "enno", "stadig")),
                   # «sørge for» is to see to something, not grief; «ved innleggelse» is when, not a stay asked for
                   *((verb, "for") for verb in ("sorge", "sorger", "sorg", "sorga", "sorget")),
                   *((at, stay) for at in ("ved", "under", "for", "etter") for stay in ("innleggelse", "innleggelsen", "innlegging",
                                                                          "innlegginga", "innkomst", "inntak")),
                   # what he says on the phone is how he was heard, not a line asked for («sier i telefonen at …»)
                   *((said, "i", phone) for said in ("sier", "seier", "sa", "sei", "sagt", "fortel", "forteller",
                                                      "fortalte", "fortalde", "hores", "hoyres", "hørtes", "lat")
                     for phone in ("telefonen", "telefon", "tlf")),
                   # a phone that rings is what she dreads, not a line she asks for («redd når telefonen ringer»)
                   *((phone, rings) for phone in ("telefonen", "mobilen", "telefon", "mobil")
                     for rings in ("ringer", "ringjer", "ringte", "ringde", "piper", "plinger")),
                   # functioning at school or work is no need for help there («fungerer på skolen, men sliter»)
                   *((verb, *how, at, place) for verb in ("fungerer", "fungerar", "fungerte")
                     for how in ((), ("bra",), ("godt",), ("greit",), ("fint",), ("ok",), ("normalt",))
                     for at in ("pa", "i") for place in ("skolen", "skulen", "skole", "skule", "jobb", "jobben", "arbeid")),
                   # where the patient lives is no need for housing («bor i kommunal bolig»)
                   *((verb, "i", whose, home) for verb in ("bor", "bur", "bodde", "budde")
                     for whose in ("kommunal", "egen", "eiga", "eigen") for home in ("bolig", "bustad", "leilighet",
                                                                                     "leilegheit", "leil")),
                   # discharged to a home of one's own («utskriven til eigen bustad») is where one goes, not a need
                   *((out, "til", whose, home) for out in ("utskrevet", "utskriven", "utskreven", "ut", "hjem", "heim")
                     for whose in ("egen", "eiga", "eigen", "eget", "eige", "sin", "si", "sitt") for home in (
                         "bolig", "bustad", "leilighet", "leilegheit", "hybel", "hybelen", "bustaden", "boligen",
                         "leiligheten", "leilegheita")),
                   *(("i", house) for house in ("enebolig", "eneboligen", "einebustad", "einebustaden", "rekkehus",
                                                "rekkehuset", "tomannsbolig", "tomannsbustad")),
                   # «far som jobber skift» tells who someone is
                   ("som", "jobber"), ("som", "jobbar"), ("som", "arbeider"), ("som", "arbeidar"), ("jobber", "skift"),
                   # «far jobber offshore»: where a relative works tells who is at home, not a need for work
                   *((kin, verb) for kin in ("far", "faren", "mor", "mora", "moren", "pappa", "mamma", "mannen",
                                             "kona", "samboer", "samboeren", "sambuaren", "ektemannen")
                     for verb in ("jobber", "jobbar", "arbeider", "arbeidar", "jobbet", "jobba", "pendler", "pendlar")),
                   ("jobbar", "skift"),
                   # «Familien spør om tvang»: the family is who asks, not a need for family services
                   *((family, verb) for family in ("familien", "familia", "familjen")
                     for verb in ("spor", "sporr", "lurer", "lurar", "ber", "bed", "onsker", "onskjer", "ynskjer")),
                   # refusing treatment is no wish for it («nektar all behandling»)
                   *((refuses, *rest) for refuses in ("nekter", "nektar", "nekta", "nektet")
                     for rest in (("behandling",), ("all", "behandling"), ("hjelp",), ("all", "hjelp"),
                                  ("oppfolging",), ("all", "oppfolging"), ("all", "hjelp", "og", "behandling"),
                                  ("hjelp", "og", "behandling"), ("all", "behandling", "og", "hjelp"),
                                  ("behandling", "og", "hjelp"))),
                   # «slår av nettet»: switching off, not hitting («slår av og til» still hits)
                   *((verb, "av", thing) for verb in ("slar", "slo", "slatt", "sla", "skrur", "skrudde")
                     for thing in ("nettet", "internett", "wifi", "wifien", "ruteren", "routeren", "tv", "tven", "pc",
                                   "pcen", "skjermen", "spillet", "konsollen", "mobilen", "telefonen", "strommen",
                                   "lyset", "maskinen", "playstation", "xbox")),
                   # «sliter med regninger»: the verb of what follows, not strain of its own
                   ("sliter", "med"), ("slit", "med"), ("sleit", "med"), ("strever", "med"), ("strevar", "med"),
                   # not in treatment tells where the patient is, not what is asked («ikkje i behandling nokon stad»)
                   *((no, at, care) for no in ("ikke", "ikkje") for at in ("i", "under")
                     for care in ("behandling", "oppfolging", "oppfylging")),
                   # «hvem jobber med ungdom og rus?» asks who the staff are; «hvem i Strand jobber med
                   # flyktningbarn?», «jobbar med bil» too: working with something is no need for work
                   *((who, verb) for who in ("hvem", "kven", "kem", "hvilke", "kva", "hva")
                     for verb in ("jobber", "jobbar", "arbeider", "arbeidar")),
                   *((verb, "med") for verb in ("jobber", "jobbar", "arbeider", "arbeidar")),
                   # the police as the one who reports or brings someone in («Melding fra politiet», «hentet av
                   # politiet beruset»), no crime of the patient's
                   *((word, "fra", police) for word in ("melding", "brev", "beskjed", "rapport", "henvendelse", "kopi")
                     for police in ("politiet", "politi")),
                   *((verb, "av", police) for verb in ("hentet", "henta", "hentes", "plukket", "plukka", "brakt", "brakte",
                                                       "kjort", "kjorte", "funnet", "funne", "stoppet", "stoppa")
                     for police in ("politiet", "politi")),
                   # a concern someone has already reported («skolen har meldt bekymring») tells who raised it;
                   # the child's own problem decides the door
                   *(("meldt", *article, "bekymring") for article in ((), ("en",), ("ei",), ("ein",))),
                   # sober at the consultation is a state, not a need for a sober life
                   *((sober, "i", "dag") for sober in ("edru", "nykter", "rusfri")),
                   # threatening to leave is not violence
                   *(("truer", "med", "a", verb) for verb in ("ga", "dra", "flytte", "forlate", "skille", "kaste")),
                   *(("trugar", "med", "a", verb) for verb in ("ga", "dra", "flytte", "forlate", "skilje", "kaste")),
                   # a discharge letter is a document, not a crisis («epi|krise»)
                   ("epikrise",), ("epikrisen",), ("epikriser",), ("epikrisa",),
                   # the name of a diagnosis (ICD-10 F23), not an acute state now
                   *((acute, *kind) for acute in ("akutt", "akutte") for kind in (
                       ("polymorf",), ("polymorfe",), ("forbigaende",), ("forbigaaende",), ("og", "forbigaende"))),
                   # money stolen is theft, not a need for economic help
                   *((verb, money) for verb in ("stjeler", "stjal", "stjalet", "stjele")
                     for money in ("penger", "pengene", "pengane", "pengar")),
                   # a place the patient may seek out on their own is low threshold, not outreach
                   *((verb, who) for verb in ("oppsoke", "oppsokje", "oppsoker", "oppsokjer")
                     for who in ("selv", "sjolv", "sjol")),
                   # admitted as an emergency is where the patient is, not a call for acute help
                   ("innlagt", "akutt"), ("innlagd", "akutt"), ("lagt", "inn", "akutt"),
                   # drugs bought on the street say nothing about where the patient lives
                   *((verb, "pa", "gata") for verb in ("kjopt", "kjoper", "kjopte", "kjop", "kjept", "kjoyper", "skaffet",
                                                       "skaffa", "henta", "hentet")),
                   # a child who takes much responsibility at home needs no coordinator («eldste tar mye ansvar»)
                   *((takes, *much, "ansvar") for takes in ("tar", "tek", "tok", "tatt", "teke")
                     for much in ((), ("mye",), ("mykje",), ("stort",), ("masse",), ("for", "mye"), ("for", "mykje"))),
                   # who one eats with is no need for family help («et ikkje med familien»)
                   *((eats, *no, "med", whom) for eats in ("spiser", "spis", "et", "eter", "ete", "spise")
                     for no in ((), ("ikke",), ("ikkje",), ("ikkj",)) for whom in ("familien", "familia", "oss", "resten")),
                   # menstruation that has stopped (amenorrhoea) is no missed appointment
                   *((period, *has, gone) for period in ("menstruasjon", "menstruasjonen", "mens", "mensen", "menstruasjonane",
                                                          "menstruasjonene", "blodning", "blodningen", "blodninga")
                     for has in ((), ("har",), ("er",)) for gone in ("uteblitt", "uteblir", "uteblei", "uteble", "uteblitte")),
                   # eating and drinking is a sign of health, not of alcohol («spiser og drikker normalt»)
                   *((eats, "og", drinks) for eats in ("spiser", "spis", "et", "eter")
                     for drinks in ("drikker", "drikk", "drikke")),
                   # time off work is no need for work («tatt fri fra jobben», «sykmeldt fra jobb»)
                   *((off, away, work) for off in ("fri", "permisjon", "perm", "sykmeldt", "sykemeldt", "sjukmeld",
                                                   "sjukemeld", "sjukmeldt")
                     for away in ("fra", "fraa") for work in ("jobben", "jobb", "arbeidet", "arbeid")),
                   # pills taken for something are medicine, not substance use («bruker piller mot blodtrykket»)
                   *((verb, pills, purpose) for verb in ("bruker", "brukar", "tar", "tek")
                     for pills in ("piller", "pillar", "tabletter", "tablettar") for purpose in ("mot", "for")),
                   # "mor til to barn" says she is a mother, not that she is someone's relative in need
                   *((parent, "til", count) for parent in ("mor", "far", "mamma", "pappa", "forelder")
                     for count in (*_COUNTS, "2", "3", "4", "5", "6", "barn")),
                   # a relative who comes along to the consultation («Mannen hennar er med på timen») asks nothing
                   *((kin, *whose, verb, "med", *where) for kin in _ALONG_KIN
                     for whose in ((), ("hennes",), ("hennar",), ("hans",), ("sin",), ("si",))
                     for verb in ("er", "var", "kom", "kjem", "sitter", "sit", "satt")
                     for where in (("pa", "timen"), ("pa", "konsultasjonen"), ("til", "timen"), ("til", "konsultasjon"),
                                   ("pa", "kontoret"), ("i", "dag"), ("idag",), ("som", "stotte"), ("som", "tolk"))))
_BEEN = frozenset({"vaert", "vore", "voret"})  # «ikke vært i jobb»: a lack, like «ikke i jobb»
_NEUTRAL_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in NEUTRAL_PHRASES:
    _NEUTRAL_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
# «vil i jobb», «tilbake i arbeid», «verken i jobb»: a wish or a lack, not a state, so the neutral phrase does not apply.
WISHES = frozenset("vil ville onsker onskjer komme kome tilbake ut inn mal malet hjelp verken hverken korkje ikke ikkje "
                   "aldri prove prova prover provar seg".split())  # «vil prøva seg i arbeid att»
SOFTENERS = frozenset({"gjerne", "gjerna", "helst", "heller", "snart", "fort"})  # «vil gjerne i jobb»
NEGATORS = frozenset({"ikke", "ikkje", "ingen", "uten", "utan", "aldri", "neg", "benekter", "avkrefter", "ingenting",
                      "neppe", "inga", "ingi", "benektar", "avkreftar",
                      "itte", "ittj", "ittje", "ikkj", "ikk", "inte"})  # dialect: «hu itte er suicidal»
NEGATABLE_AREAS = frozenset({"psykisk", "rus", "akutt"})
# Outside those areas a negated need is still a need («ingen jobb», «ikke bolig»), but these are states that a
# negation rules out («ingen vold», «ikke gravid»).
FEAR_WORDS = frozenset({"redd", "frykter", "fryktar", "engstelig", "engsteleg", "skremt", "vegrer", "vegrar"})
AGENCY_PREFIXES = ("barnevern", "politi")
ONLY_FOR_THE_ILL = frozenset({"tvang", "hjemmetjenester"})  # what a relative may ask for, but never for themselves
TREATMENT_DECLINED = frozenset({"samtaler"})  # «ikke klar for behandling»: no treatment asked for
NOT_READY_FOR = frozenset({"arbeid", "ordinaert_arbeid"})  # «ikke klar for jobb», where «ikke i jobb» is a need
DECLINABLE = frozenset({"dognbehandling", "telefon"})  # forms of care a GP may rule out («ikkje ei telefonlinje»)
NEGATABLE_CONCEPTS = frozenset({"vold_overgrep", "omsorgssvikt", "graviditet", "kriminalitet", "tildeling", "oppsokende",
                                "dognbehandling", "telefon"})  # «men ikke innleggelse»: a form of care declined

_FOR_THEMSELVES = re.compile(r"\b(?<!farlig )(?<!farleg )(?<!fare )(?<!trussel )for (?:seg|meg) (?:selv|sjolv|sjol)\b|\bfor (?:sin |si |mi |min )?(?:egen|eiga|eigen|eige) del\b|"
                             # «for seg og barnet»: a parent asks for herself and the child
                             r"\bfor (?:seg|meg) (?:selv |sjolv |sjol )?og (?:for )?(?:barnet|barna|ungen|ungene|ungane|borna|babyen|den lille)\b|"
                             # not «komme hjem til henne»: a visit home is for the one who is ill; not «redd for ham»
                             r"\b(?:(?<!redd )(?<!bekymret )(?<!bekymra )(?<!urolig )(?<!uroleg )(?<!engstelig )(?<!engsteleg )for|(?<!hjem )(?<!heim )til) (?P<pronoun>henne|ham|ho|hen)(?: (?P<self>selv|sjolv|sjol))?"
                             # «for ho og borna»: a parent asks for herself and the children
                             r"(?: og (?:for |til )?(?:barnet|barna|ungen|ungene|ungane|borna|babyen|den lille))?"
                             r"(?: i \w+(?: kommune)?)?(?: som (?:parorende|parorande|mor|far|forelder|kone|ektefelle|soster|bror)"
                             r"(?: i \w+)?)?\s*(?:[?.!,;]|$)|"
                             r"\b(?:hva|kva) (?:kan|finnes|fins|finst) (?:for )?(?:mor|far|mora|moren|faren|(?P<pronoun2>henne|ham|ho|hun|han))"
                             r"(?: fa| faa| av|\s?\?)|"
                             r"\b(?:hjelp|stotte|noko|noe) til (?:seg|meg) (?:selv|sjolv|sjol)\b|"
                             # «råd om hva hun selv kan gjøre», «Hvor kan hun selv få støtte?»
                             r"\b(?:hva|kva|ka) (?:hun|ho|han|hen|jeg|eg) (?:selv|sjolv|sjol) (?:kan|kann) (?:gjore|gjere)\b|"
                             r"\b(?:hun|ho|han|hen) (?:selv|sjolv|sjol) (?:(?:kan|kann) )?(?:fa|faa) (?:stotte|hjelp|rad|"
                             r"samtale|samtaler|samtalar|avlastning|avlasting)\b|"
                             r"\b(?:onsker|onskjer|vil ha|trenger|treng|ber om) (?:selv|sjolv|sjol) (?:stotte|hjelp|rad|samtale|"
                             r"samtaler|samtalar|noen a snakke med|nokon a snakke med|a mote andre)\b|"
                             r"\b(?P<subject>hun|ho|han) (?:trenger|treng|onsker|onskjer|vil ha|ber om|soker|sokjer) "
                             r"(?:rad|stotte|hjelp|avlastning|samtale|samtalar|samtaler|noen a snakke med)\b"
                             # «ho vil ha hjelp til han»: help for someone else
                             r"(?!\s+(?:til|for|med)\s+(?:ham|han|henne|ho|hen|sonn\w*|son|sonen|datter\w*|dotter\w*|"
                             r"gutt\w*|gut|guten|jent\w*|barn\w*|born\w*|mannen|kona|kone)\b)")
# Asked about a son or daughter in a school year («om sønnen som går i 9. klasse», «for dattera hennar, 8. trinn»)
_CHILD_IN_SCHOOL = re.compile(r"\b(?:om|for|angaende|ang|vedrorende)\s+(?:" + "|".join(sorted(ages.CHILD_WORDS)) + r")\b(?:\s+(?:hennes|hennar|hans|deres|som|sin|si))*"
                              r"[\s,]+(?:(?:gar|er|begynte|begynner)\s+(?:i|pa)\s+)?\d{1,2}\.\s*(?:klasse|trinn|klassetrinn)\b")
_CALLS_ABOUT = re.compile(r"\b(?:ringer|ringte|ringde|ringjer|spor|spurte|kommer|kjem|kom|skriver|skreiv|skrev|"
                          r"tar kontakt|henvender seg) (?:hit |til meg |i dag )?(?:(?:bekymret|bekymra|urolig|uroleg) )?"
                          r"(?:om|for|angaende|ang|vedr|vedrorende|pa vegne av) (?:sin |si |sitt )?(\w+)")
_CALLER = re.compile(r"\b(" + "|".join(sorted(ages.PARENT_WORDS)) + r")\b,? (?:ringer|ringte|ringde|kommer|kjem|spor|"
                     r"tar kontakt)\b")
_FEMALE_KIN = frozenset("mor moren mora mamma kona kone datter dattera datteren dotter dottera soster sosteren syster "
                        "systera systra bestemor mormor farmor stemor svigermor tante".split())
_MALE_KIN = frozenset("far faren pappa mannen ektemann ektemannen sonn sonnen son sonen bror broren brori broderen "
                      "bestefar morfar farfar stefar svigerfar onkel".split())
_PRONOUN_SEX = {"henne": "f", "ho": "f", "hun": "f", "ham": "m", "han": "m"}
_ANY_KIN = "|".join(sorted(_FEMALE_KIN | _MALE_KIN))
_HELP_FOR_KIN = re.compile(r"\b(?:hjelp|behandling|tilbud|plass) (?:til|for) (" + _ANY_KIN + r")\b")
# The relative named as kin of the GP's patient («Moren til en av mine pasienter ringte»): the patient is the one asked
# about, unless the question asks for relatives
_KIN_OF_MY_PATIENT = re.compile(r"\b(?:" + _ANY_KIN + r") til (?:en av mine|ein av mine|min|mi) "
                                r"(?:pasienter|pasientar|pasient|pas)\b|"
                                # «jeg er mor til sønnen min (31) som er pasient hos deg»
                                r"\b(?:" + _ANY_KIN + r")\b[^.?!\n]{0,20}\bsom er "
                                r"(?:pasient|pasienten din|din pasient|fastlegepasient) hos (?:deg|dere|dykk)\b")
_FOR_RELATIVES = re.compile(r"\b(?:for|til) (?:parorende|parorande)\b")  # «Hva finnes for pårørende i Nes?»
# A door asked for the group the ill one is in («Finnes det noe i Nes for unge voksne utenfor skole og arbeid?», «for
# eldre med alkoholproblem»), not for relatives («for pårørende til unge voksne», «for unge pårørende», «for unge som
# har vokst opp med rus»); asked on their behalf is _CONCERNS
_FOR_THEIR_GROUP = re.compile(r"(?<!parorende )(?<!parorande )\b(?:for|til) (?:unge voksne|unge vaksne|ungdom|ungdommer|"
                              r"ungdomar|unge(?! v[oa]ksne)|eldre)\b"
                              r"(?! (?:som )?(?:parorende|parorande)| som (?:har )?(?:vokst|vokse|vakse))")
# A home or a job the relatives seek («Hvem skal vi snakke med for å få en bolig med litt oppfølging?»): the ill one's
_NEED_SOUGHT = re.compile(r"\bfor a fa (?:en|ei|et|ein|eit|ny|nytt) (?:bolig|bustad|leilighet|leilegheit|hybel|botilbud|"
                          r"omsorgsbolig|jobb|arbeid|arbeidsplass|praksisplass|dagtilbud|dagtilbod)\b")
# «hjelpen gjelder sønnen», «Gjelder ham, ikke naboen»: who the question is about
_CONCERNS = re.compile(r"\b(?:gjeld(?:er)?|pa vegner? av(?: sin| si| sitt)?) (?:(?P<pronoun>ham|henne|han|ho)|(?P<kin>"
                       + _ANY_KIN + r"))\b")  # «spør på vegne av sønnen», «på vegner av kona»
# What the kommune can offer the other one («Datteren ringer … Hva kan kommunen tilby ham?»), or the one the GP has
# seen («Fastlege: Sett ham i dag»): a pronoun of the other sex
_OFFER_TO = re.compile(r"\b(?:tilby|tilbi|tilbyr|hjelpe|hjelpa|gi|gje|sett|hatt) (?P<pronoun>ham|henne|han|ho)\b"
                       r"(?!,? og (?:til |for )?(?:ham|henne|han|ho|meg|seg)\b)")  # not «tilby ham, og henne»
# The GP asks where to refer («Hvor bør jeg henvise?»): relatives are not referred, the one who is ill is
_GP_REFERS = re.compile(r"\b(?:bor|skal|kan) (?:jeg|eg) (?:henvise|tilvise|henvisa|tilvisa)\b|"
                        r"\b(?:henviser|tilviser) (?:jeg|eg)\b")
# The one who is ill is open to help («Mor (52): sønnen … Han er ikke negativ til å snakke med noen»): their door.
_ILL_IS_WILLING = re.compile(r"\b(han|hun|ho) (?:er|e) (?:ikke|ikkje) (?:negativ|avvisande|avvisende|uvillig|imot)\b|"
                            r"\b(han|hun|ho) (?:er|e) (?:motivert|villig|apen|open|positiv) (?:for|til)\b")
_REFERRAL = re.compile(r"\b(?:henvis|henvise|henviser|henvises|henvisning|henvisningen|henvist|tilvis|tilvise|tilviser|"
                       r"tilvisar|tilvisast|tilvising|tilvisinga|tilvist|henvisast)\b")
_REFERRAL_TO_KOMMUNE = re.compile(r"\b(?:henvis|tilvis)\w* (?:\w+ )?(?:til|i) (?:den |det )?(?:kommunen|kommunal)|"
                                  # the help to refer to is placed in the kommune («tett oppfølging i kommunen»)
                                  r"\b(?:oppfolging|oppfylging|oppf|tilbud|tilbod|hjelp|behandling|stotte) (?:i|fra|fraa|av) "
                                  r"kommunen\b")
# The GP asks what the municipality has («Kven følgjer han opp i kommunen?», «kommunale tilbud»)
_MUNICIPAL = re.compile(r"\b(?:i|fra|fraa|av|hos) kommunen\b|\b(?:kommunal(?:e|t)?|komm\.?) (?:tilbud|tilbod|tjeneste|tjenester|"
                        r"teneste|tenester|oppfolging|oppf\b|hjelp|psykisk|rus)|"
                        r"\b(?:har|tilbyr|tilbyd) kommunen\b|\b(?:om|hva|kva|ka) kommunen (?:har|tilbyr|tilbyd)\b|"
                        r"\b(?:kan kommunen|om kommunen kan) (?:tilby|tilbi|hjelpe|hjelpa|bidra|gjore|gjere|gi|gje)\b")
# Coming of age («fyller 18 i mars», «når han blir myndig», «BUP avslutter ved 18») and asked what comes after
# («hvem tar over», «overgangen til voksentjenestene», «kven tek over etter barnevernet»)
ADULT_AGE = 18
_COMING_OF_AGE = re.compile(r"\b(?:fyller|fyll|blir|vert|snart|nesten)\s+18\b|\bmyndig|"
                            r"\b(?:etter|ved|over|innen|innan|for|frem til|fram til)\s+18\b|\b18\s*-?\s*ars\s*-?\s*(?:dag|alder)|"
                            r"\bvoksentjenest|\bvaksentenest|\bnar\s+(?:han|hun|ho|hen)\s+(?:blir|vert)\s+(?:voksen|vaksen)\b")
_WHAT_COMES_AFTER = re.compile(r"\b(?:tar|tek|ta|tok)\s+over\b|\bovertar\b|\bovertek\b|\better\s+18\b|\betterpa\b|"
                               r"\bvoksentjenest|\bvaksentenest|\bovergang|\bettervern|\bvidere\b|\bvidare\b")
_ASKED_FOR_NOW = re.compile(r"\b(?:na|no)\s*\?")  # «hvem koordinerer overgangen nå?»: who has him now
_SELF_REFERRAL = re.compile(
    r"uten henvis|utan tilvis|utan henvis|uten tilvis|lave? ?tersk|ta kontakt selv|selv ta kontakt|ringe selv|"
    r"selvhenvis|sjolvtilvis|direkte kontakt|drop.?in|uten vedtak|ikke henvisning|uten a vaere henvist|"
    r"lage? ?tersk|utan vedtak|ta kontakt sjol|kontakte sjol|ringe sjol|ikkje tilvis|"
    r"uten soknad|utan soknad|uten a soke|utan a sokje|uten henvisning|ingen soknad|ingen henvisning|"
    r"kan (?:bare )?(?:komme|droppe|stikke|ga) innom|"
    r"(?:vil|onsker|onskjer) (?:ikke|ikkje) (?:soke|sokje|sende soknad|a? ?vente pa (?:henvisning|tilvising))|"
    r"(?:vil|onsker|onskjer|ber) (?:selv|sjolv|sjol) (?:ha |om |fa )?hjelp|"
    r"(?:slippe|sleppe|slipper|slepp) (?:a )?(?:soke|sokje|sende soknad|soknad|vedtak|henvisning|tilvising|vente pa)"
)

# The GP's office is closed: at night, in the evening, at the weekend («kl 03», «lørdag kveld», «i helga»).
_NIGHT_WORDS = r"i natt|inatt|om natta|om natten|natt til"
_OUT_OF_HOURS = re.compile(r"\b(?:" + _NIGHT_WORDS + r"|i kveld|ikveld|i helga|i helgen|lordag|laurdag|"
                           r"sondag|sundag|utenfor kontortid|etter kontortid|utanfor kontortid|etter arbeidstid|"
                           r"kl\.?\s*(?:0?[0-6]|2[2-3])(?:[.:]\d{2})?)\b")
# Which closed time the question names, for doors whose opening hours are known («helg», «natt»).
_CLOSED_TIMES = (("helg", re.compile(r"\b(?:lordag|laurdag|sondag|sundag|helg|helga|helgen|helgar|helger|helgene)\b")),
                 ("natt", re.compile(r"\b(?:" + _NIGHT_WORDS + r")\b")))


_SPECIALIST_LEVEL = re.compile(r"\bspesialisthelset[ej]n")
_DEPENDENCE_CODE = re.compile(r"F1\d\.[2-9]\d?")


@dataclass(frozen=True)
class ConceptHit:
    concept: str
    weight: float
    matched: str
    how: str  # exact | stem | phrase | compound | fuzzy | abbreviation | icpc | icd10 | broader | named | relative | pattern | triage
    primary: bool = True


@dataclass(frozen=True)
class Understanding:
    text: str
    age: int | None = None
    age_from: str | None = None  # "tekst" or "valg"
    age_band: tuple[int, int] | None = None
    age_word: str | None = None
    relative_age: int | None = None  # a relative's age, kept apart from the patient's («sønnen på 17»)
    ill_age: int | None = None  # the ill parent's age when the help asked for is their children's (`age`)
    relative_word: str | None = None
    asker_age: int | None = None  # the relative who asks for themselves or about an adult: a relatives' door is theirs
    relatives_own: bool = False  # a relative, or a minor's parents, ask for support for themselves
    handover_age: int | None = None  # a minor about to come of age, asked who takes over: young adults' doors open too
    school_left: bool = False  # an adult who left school behind («jente 20, har droppa ut av vgs»)
    sex: str | None = None
    kommune: str | None = None
    kommune_from: str | None = None
    severity: frozenset[int] = frozenset()
    severity_words: tuple[str, ...] = ()
    self_referral: bool = False
    referral: bool = False  # the GP asks for a door to refer to («ber om henvisning»), not for low threshold
    municipal: bool = False  # the GP asks what the municipality has
    out_of_hours: bool = False  # the help is needed when the GP's office is closed
    closed_times: tuple[str, ...] = ()  # which: «helg», «natt»
    icpc: tuple[str, ...] = ()
    icd10: tuple[str, ...] = ()
    concepts: tuple[ConceptHit, ...] = ()
    negated: tuple[str, ...] = ()
    declined: tuple[str, ...] = ()  # forms of care the question rules out («men ikke innleggelse»)
    received: tuple[str, ...] = ()  # help the patient already gets («går allerede til behandling på DPS»)
    refused: tuple[str, ...] = ()  # services named as refused («sier blankt nei til DPS»)
    sent_by: tuple[str, ...] = ()  # the service that wrote the discharge letter («Epikrise frå SUS psykiatrisk divisjon:»)
    asked_if_offered: tuple[str, ...] = ()  # services named where the GP asks whether they are offered
    names: dict[str, float] = field(default_factory=dict)
    words: tuple[str, ...] = ()
    history_words: frozenset[str] = frozenset()  # said only where the question tells the history («innlagt på Lurud»)
    kin_told: frozenset[int] = frozenset()  # positions of the words that tell a relative's condition («far i LAR»)
    urgent: bool = False
    urgent_reasons: tuple[str, ...] = ()
    safety_reminders: tuple[str, ...] = ()

    @property
    def minor(self) -> bool | None:
        """Is the patient under 18? None when nothing in the question says either way."""
        if self.age is not None:
            return self.age < 18
        if self.age_band and self.age_word not in LOOSE_AGE_WORDS:
            return True if self.age_band[1] <= 19 else False if self.age_band[0] >= 18 else None
        return None

    @cached_property
    def dependent(self) -> bool:
        """An established dependence: an ICD-10 code F1x.2 (or a later stage) or «tung rus»."""
        return 3 in self.severity or any(_DEPENDENCE_CODE.fullmatch(code) for code in self.icd10)

    @cached_property
    def to_specialists(self) -> bool:
        """The GP refers to the specialist level by its name («vil tilvise til spesialisthelsetenesta»)."""
        return self.referral and bool(_SPECIALIST_LEVEL.search(fold(self.text)))

    @cached_property
    def stable(self) -> bool:
        """The question says the patient is stable («stabil på depot»): a condition to live with, not to assess."""
        words = self.words
        return any(w in STABLE_WORDS and _BODILY.isdisjoint(words[max(0, i - 1):i + 2]) for i, w in enumerate(words))

    @cached_property
    def good_home(self) -> bool:
        """The question says the home is good and tells no harm but an agency's name («burde de kontakte
        barnevernet?»)."""
        return bool(_GOOD_HOME.search(fold(self.text))) and not any(
            h.primary and h.concept in ("omsorgssvikt", "vold_overgrep") and not fold(h.matched).startswith(AGENCY_PREFIXES)
            for h in self.concepts)

    @cached_property
    def in_lar(self) -> bool:
        """The patient is in LAR now, so its municipal follow-up is the team that already knows them."""
        return "lar" in self.primary_concepts and bool(_IN_LAR.search(fold(self.text)))

    @cached_property
    def refers_within_kommune(self) -> bool:
        """The referral asked for is to the municipality's own services («henvise til kommunal psykisk helsetjeneste»)."""
        return self.referral and bool(_REFERRAL_TO_KOMMUNE.search(fold(self.text)))

    @cached_property
    def own_home(self) -> bool:
        """The patient lives, or is to live, in a home of their own («flytte i egen leilighet»)."""
        return bool(_OWN_HOME.search(fold(self.text)))

    @cached_property
    def primary_concepts(self) -> dict[str, ConceptHit]:
        return {h.concept: h for h in self.concepts if h.primary}

    @cached_property
    def weights(self) -> dict[str, float]:
        """Each concept's strongest hit. Computed once per question: every service is scored against it."""
        weights: dict[str, float] = {}
        said: dict[str, set[str]] = {}
        for hit in self.concepts:
            weights[hit.concept] = max(weights.get(hit.concept, 0.0), hit.weight)
            if hit.primary and hit.weight >= 0.5 and hit.how in SAID_IN_WORDS:
                said.setdefault(hit.concept, set()).add(hit.matched)
        # what the GP says twice in other words («droppet ut av skolen, ikke i jobb»), or asks for in the question
        # itself («… hvem hjelper med bolig?»), is the heart of the question
        asked = " ".join(fold(q) for q in _QUESTIONS.findall(self.text))
        return {c: w * REPEATED if len(said.get(c, ())) > 1 or asked and any(
            fold(m) in asked for m in said.get(c, ())) else w for c, w in weights.items()}

    def merged_with(self, earlier: "Understanding") -> "Understanding":
        """This reply on top of an earlier turn of the same case: new facts win, concepts add up."""
        seen = {h.concept for h in self.concepts}
        names = {**earlier.names, **self.names}
        return replace(
            self,
            text=f"{earlier.text} · {self.text}",
            age=self.age if self.age is not None else earlier.age,
            ill_age=self.ill_age if self.age is not None else earlier.ill_age,
            age_from=self.age_from if self.age is not None else earlier.age_from,
            age_band=self.age_band or earlier.age_band,
            age_word=self.age_word or earlier.age_word,
            sex=self.sex or earlier.sex,
            kommune=self.kommune or earlier.kommune,
            kommune_from=self.kommune_from if self.kommune else earlier.kommune_from,
            severity=self.severity or earlier.severity,
            severity_words=self.severity_words or earlier.severity_words,
            self_referral=self.self_referral or earlier.self_referral,
            referral=self.referral or earlier.referral,
            out_of_hours=self.out_of_hours or earlier.out_of_hours,
            closed_times=tuple(dict.fromkeys(earlier.closed_times + self.closed_times)),
            icpc=tuple(dict.fromkeys(earlier.icpc + self.icpc)),
            icd10=tuple(dict.fromkeys(earlier.icd10 + self.icd10)),
            relative_age=self.relative_age if self.relative_age is not None else earlier.relative_age,
            relative_word=self.relative_word or earlier.relative_word,
            asker_age=self.asker_age if self.asker_age is not None else earlier.asker_age,
            relatives_own=self.relatives_own or earlier.relatives_own,
            school_left=self.school_left or earlier.school_left,
            concepts=self.concepts + tuple(h for h in earlier.concepts if h.concept not in seen),
            negated=tuple(dict.fromkeys(earlier.negated + self.negated)),
            declined=tuple(dict.fromkeys(earlier.declined + self.declined)),
            received=tuple(dict.fromkeys(earlier.received + self.received)),
            refused=tuple(dict.fromkeys(earlier.refused + self.refused)),
            names=names,
            words=earlier.words + self.words,
            urgent=self.urgent or earlier.urgent,
            urgent_reasons=tuple(dict.fromkeys(earlier.urgent_reasons + self.urgent_reasons)),
            safety_reminders=tuple(dict.fromkeys(earlier.safety_reminders + self.safety_reminders)),
        )


def understand(text: str, lexicon: Lexicon, safety: Triage | None = None) -> Understanding:
    """`safety` is the triage of the whole question, when the caller reads only part of it here."""
    safety = safety or triage(text)
    written, text = text, joined(text)
    folded = fold(text)
    words = question_tokens(text)
    labels, noted = _note_sections(folded)  # noted: what a journal note's history section tells, help had
    for i in labels:
        words[i] = ""  # «Vurdering:», «Plan:» say what follows, not what the patient needs
    severity, severity_words = _severity(words)
    age_mentions = ages.mentions(folded)
    patient, relative = ages.patient_age(age_mentions)
    if patient is None and relative is not None and relative.who \
            and any(m.group(1) == relative.who for m in _CALLS_ABOUT.finditer(folded)):
        # «Datteren ringer om mor, 82 år»: the one called about is the patient
        patient, relative = replace(relative, asker=False), None
    elif patient is not None and relative is None and patient.who in ages.PARENT_WORDS \
            and _CHILD_IN_SCHOOL.search(folded, patient.start):
        # «Mor (42) her for egen rygg, men vil snakke om sønnen som går i 9. klasse»: the pupil is the case
        patient, relative = None, replace(patient, asker=True)
    ill_age = None
    # A relative who asks for help for themselves («Far (50) spør for seg sjølv: sonen hans på 27 …»): a relatives'
    # question about the one who is ill; their children named in passing («… og barna på 10 og 13») are not it.
    for_themselves = relative is not None and relative.asker and _for_themselves(folded, relative.who)
    if patient is not None and patient.who in ages.CHILDREN_PLURAL and not for_themselves \
            and (caller := _CALLER.search(folded)) and _for_themselves(folded, caller.group(1)):
        # «far ringer, kona innlagt …, to barn 7 og 10 år …, støtte til seg selv»: a parent of no stated age asks for
        # himself; the children's ages are not the patient's
        patient, relative, for_themselves, parent_asks = None, patient, True, caller.group(1)
    else:
        parent_asks = None
    if for_themselves and patient is not None and patient.who in ages.CHILDREN_PLURAL:
        patient = None
    starts = _clause_starts(folded)
    cut_short = abbreviated(text)
    shown = _surface(text, words)
    kin_words = ["faar" if said == "får" else word for word, said in zip(words, shown)]  # «får» is no «far»
    for i in range(2, len(kin_words)):
        if kin_words[i] in _PARTNER_NOUNS and (tuple(kin_words[i - 2:i]) in _PARTNERED or kin_words[i - 1] in _ARTICLES
                                               and tuple(kin_words[i - 3:i - 1]) in _PARTNERED):
            kin_words[i] = "partner"  # «gift med mann som drikker»
    relatives = _relatives_condition(kin_words, starts, patient)
    if patient is not None and patient.who in ages.CHILDREN_PLURAL and words and words[0] in _THE_PATIENT:
        # «pas med alkoholavhengigheit har to born (8 og 11)»: the patient named first is the children's parent
        relatives |= set(range(next(i for i, w in enumerate(words) if w in ages.CHILD_WORDS)))
    # where the patient comes from («fra TSB») and a step that may come later («før evt henv TSB»): not what is asked
    later = _later_steps(words, starts)
    heading = _letter_heading(words, folded)
    elsewhere = _after_triggers(words, starts, _CAME_FROM, reach=3) | later | heading | _dated_stays(folded, len(words))
    context = _past_positions(words, starts, cut_short) | relatives | elsewhere
    not_now = heading | _afterwards(words, starts)
    # help tried without effect («KID-kurs … uten varig effekt») is help had, not asked for; the illness stays
    had = noted | _before_triggers(words, starts, _TRIED, reach=8)
    concepts, negated, consumed, received = _concepts(words, lexicon, shown, starts, context, cut_short, had, not_now)
    # a parent admitted now, and the question asks for the children («… Hvem snakker med barna?»)
    admitted = patient is not None and patient.who in ages.PARENT_WORDS and _admitted_now(words) \
        and bool(_ASKED_FOR_THE_CHILDREN.search(folded))
    if patient is not None and (patient.who in ages.PARENT_WORDS or patient.who is None) \
            and relative is not None and relative.who in _CHILD_WORDS and relative.value < 18 \
            and (any(h.concept == "barn_som_parorende" and h.primary for h in concepts) or admitted
                 or patient.value >= CHILD and bool(_ASKS_FOR_THE_CHILD.search(folded))):
        # «Mor 36 med psykisk lidelse, to barn 6 og 9 år – hvem ivaretar barna?», «mor 41 innlagt m/ psykose, to barn
        # 8 og 11 år. Hvem snakker med barna?»: the help is for the children, and
        # the patient, whose age is told as the case's, is the mother (one child with an age of its own is the case,
        # unless the parent is named as the GP's patient, «Pas K 42 …, sønnen på 16», or admitted now)
        named_patient = patient.who is None or admitted
        patient, relative = relative, patient
        relatives = _relatives_condition(kin_words, starts, patient)
        if patient.who in ages.CHILDREN_PLURAL or named_patient:
            ill_age = relative.value
            # what is told before the children are named is the parent's illness («Mor 38, F33.2, følges av …»)
            relatives |= set(range(next((i for i, w in enumerate(words) if w in ages.CHILD_WORDS), 0)))
        context = _past_positions(words, starts, cut_short) | relatives | elsewhere
        concepts, negated, consumed, received = _concepts(words, lexicon, shown, starts, context, cut_short, had,
                                                          not_now)
    elif patient is not None and patient.value >= 18 and (relative is None or relative.value >= 18) \
            and any(h.concept == "barn_som_parorende" and h.primary for h in concepts) \
            and bool(_ASKED_FOR_THE_CHILDREN.search(folded)) and not for_themselves:
        # «Pas k 38 … Hun har to barn i barneskolealder … Hvem har ansvar for barna som pårørende?»: children of no
        # stated age are the case; what is told before they are named is the parent's illness
        ill_age, patient = patient.value, None
        relatives |= set(range(next((i for i, w in enumerate(words) if w in ages.CHILD_WORDS), 0)))
        context = _past_positions(words, starts, cut_short) | relatives | elsewhere
        concepts, negated, consumed, received = _concepts(words, lexicon, shown, starts, context, cut_short, had,
                                                          not_now)
    codes = find_codes(folded, age_mentions)
    parents_code = None
    for code in codes:
        table = lexicon.icpc if code.system == "icpc" else lexicon.icd10
        key = next((k for k in code.lookups if k.lower() in table), None)
        meanings = sorted(table.get(key.lower(), ())) if key else []
        for concept in meanings:
            hit = ConceptHit(concept, 1.0 if len(meanings) == 1 else AMBIGUOUS_CODE, code.code, code.system)
            # the ill parent's code, not the children's
            theirs = code.parents and patient is not None and patient.value < 18
            concepts.append(_aside(hit) if ill_age is not None or theirs else hit)
            if theirs and lexicon.concepts[concept].area in CONDITION_AREAS:
                parents_code = code.code
    age = patient.value if patient else None
    concepts = _children_of_the_patient(concepts, lexicon, patient, relative)
    concepts = _child_of_an_ill_parent(concepts, lexicon, patient, [words[i] for i in sorted(relatives)], parents_code)
    concepts = _hit_at_home(concepts, lexicon, age, words)
    concepts = _a_child_relatives_own_strain(concepts, lexicon, patient)
    concepts = _an_adults_family(concepts, patient, words)
    # «Mor spør om noen kan oppsøke ham – hjelpen gjelder sønnen»: the relative asks for the one who is ill
    for_the_ill = relative is not None and relative.asker and not for_themselves and _for_the_ill(folded, relative.who)
    asks = relative is not None and relative.asker and (for_themselves or (age is None or age >= 18) and not for_the_ill)
    themselves = _for_themselves(folded, relative.who if relative is not None else None)
    caller = next((fold(h.matched).split()[0] for h in concepts if h.concept == "parorende" and h.primary
                   and h.how != "relative" and h.matched), None)
    if caller and not _for_themselves(folded, caller) and (
            _for_the_ill(folded, caller) or any(h.primary and h.concept in ONLY_FOR_THE_ILL for h in concepts)):
        # «Mora til en pasient ringer … om noen kan komme hjem til ham», «Broren spør: kan kommunen vurdere tvang?»:
        # the relative asks for the one who is ill
        concepts = [_aside(h) if h.concept == "parorende" else h for h in concepts]
    only_for_the_ill = not for_themselves and any(h.primary and h.concept in ONLY_FOR_THE_ILL for h in concepts)
    if asks and not only_for_the_ill and not any(h.concept == "parorende" for h in concepts) \
            and "parorende" in lexicon.concepts:
        # A relative asks about an adult («Mor (60) til ein son (34) med schizofreni»), or for themselves: a
        # relatives' question.
        concepts.append(ConceptHit("parorende", 0.8, relative.who or "pårørende", "relative"))
    elif patient is not None and not for_the_ill and not (only_for_the_ill and relative is not None and relative.asker) \
            and not (relative is not None and _FOR_THEIR_GROUP.search(folded)) \
            and (
            (patient.who or _explicitly_for_themselves(folded)) and relative is not None and relative.who
            and (relative.value >= 18 or relative.who not in _CHILD_WORDS or patient.named) and (themselves or relatives)
            or (relative is None or relative.who in ages.CHILDREN_PLURAL and relative.value < 18)
            and relatives and themselves and (
                _explicitly_for_themselves(folded) or not _own_trouble(concepts, lexicon))
            or patient.named and _KIN_OF.match(folded, patient.start)
            # «mor ringer, sønnen på 24 ruser seg … noe for henne?»: the parent who calls asks for herself
            or relative is None and patient.who in ages.CHILD_WORDS and patient.value >= 18
            and (parent_calling := next((w for w in words if w in ages.PARENT_WORDS), None)) is not None
            and _for_themselves(folded, parent_calling)) \
            and "parorende" in lexicon.concepts \
            and not any(h.concept == "parorende" for h in concepts):
        # «Mor (47) er her for egen del – datteren på 22 injiserer», «Ektemann 60, kona har bipolar lidelse …, vil ha
        # støtte for egen del»: a relative is the patient.
        concepts.append(ConceptHit("parorende", 0.8, patient.who or "pårørende", "relative"))
    elif patient is not None and patient.value >= 18 and relatives and not for_the_ill \
            and "parorende" in lexicon.concepts \
            and not any(h.primary and lexicon.concepts[h.concept].area != "behov" for h in concepts):
        # «kvinne 50, mannen drikker hver dag, hun vil ha et sted å ringe»: only a relative's trouble is told
        concepts.append(ConceptHit("parorende", 0.8, next(words[i] for i in sorted(relatives)), "relative"))
    elif parent_asks and "barn_som_parorende" in lexicon.concepts \
            and not any(h.concept in ("parorende", "barn_som_parorende") for h in concepts):
        # the parent who asks for himself, with children at home while someone in the family is ill: the family's
        # and the children's help as relatives
        concepts += with_broader([ConceptHit("barn_som_parorende", 0.8, parent_asks, "relative")], lexicon)
    if themselves and any(h.concept == "parorende" for h in concepts) and "barn_som_parorende" in lexicon.concepts:
        # a relative who asks for herself and is worried for her children («bekymra for borna»): the children as
        # relatives, not a report of neglect
        concepts = [replace(h, concept="barn_som_parorende") if h.concept == "omsorgssvikt"
                    and fold(h.matched).startswith("bekymr") else h for h in concepts]
    band, band_word = (None, None)
    if patient is None:
        band, band_word = _age_band(words)
    elif patient.strength == 1 and ages.decade_band(folded):
        band, band_word = ages.decade_band(folded), ages.DECADE_WORD.search(folded).group(0)
    if age is None and band is not None and band_word.split()[-1] in _SCHOOL_YEAR:
        age = band[0]  # «jente i 7. klasse»: the age the year's pupils turn in its autumn
    parents_own = age is not None and age < 18 and bool(_PARENTS_OWN.search(folded))
    concepts = _pattern_of_use(concepts, words, lexicon, None if for_themselves or parents_own else age)
    concepts = _youth_at_risk(concepts, lexicon, age, band)
    concepts = _old_age(concepts, lexicon, age, band)
    concepts = _parents_asking(concepts, age, parents_own)
    concepts = _a_pupils_school(concepts, age, folded)
    concepts = _an_adult_student(concepts, age)
    concepts = _holds_a_job(concepts, folded)
    concepts = _out_of_work(concepts, folded, lexicon, age)
    concepts = _when_it_happens(concepts, folded)
    concepts = _moving_out_is_no_kin(concepts, folded)
    concepts = _underweight(concepts, lexicon, words, age)
    concepts = _exercise_in_an_eating_disorder(concepts)
    concepts = _homeless_tonight(concepts, lexicon, folded)
    concepts = _shelter_first(concepts, lexicon)
    concepts = _first_episode(concepts, folded)
    concepts = _withdrawn_in_psychosis(concepts)
    concepts = _as_relative(concepts, lexicon, age, themselves or patient is None
                            or patient.who is not None and patient.who not in ages.CHILD_WORDS)
    concepts = _from_reminders(concepts, lexicon, safety)
    # the ill parent, whose age is told, asks for herself too
    concepts = _asked_for_the_children(concepts, lexicon, folded, themselves and age is not None and age >= 18)
    concepts = _children_as_relatives(concepts, lexicon, folded)
    concepts = _calling_without_referral(concepts, folded)
    concepts = _a_benefits_application(concepts, folded)
    concepts = _school_outgrown(concepts, age, folded)
    concepts = _grown_up_in_care(concepts, age, folded)
    concepts = with_broader(concepts, lexicon)
    kommune = next((lexicon.kommune_names[w] for w in words if w in lexicon.kommune_names), None)
    denied = {fold(w) for w in negated}  # «ikke akutt»: not a word to find in a service's text
    benefits_only = _only_benefits_applied_for(folded)  # «på AAP-søknad»: no word to match an allocation office by
    asker_age = relative.value if asks and relative else None
    if ill_age is None and patient is not None and patient.who in _CARERS and patient.value >= CHILD \
            and relative is not None and relative.who in _CARED_FOR and relative.value >= CHILD and not relative.asker \
            and (patient.named or _explicitly_for_themselves(folded)) \
            and any(h.concept == "parorende" and h.primary for h in concepts):
        # «Mor 52 kommer for egen del. Sønnen 24 bruker heroin»: the doors are hers, the age of the one who is ill his
        ill_age = relative.value
    low_threshold = bool(_SELF_REFERRAL.search(folded))
    asks_relatives_help = relative is not None and relative.asker and any(
        h.concept == "parorende" and h.primary and h.how != "relative" for h in concepts)
    if (for_themselves or asks_relatives_help) and patient is None and relative is not None \
            and relative.who not in ages.CHILDREN_PLURAL:
        # «Kona (44) til ein alkoholikar vil ha støtte til seg sjølv», «mor 55 til son i tung rus … pårørandegruppe?»:
        # the one age given is hers, and the help is for her
        age, relative = relative.value, None
    elif age is None and band is None and relative is not None and relative.asker and relative.value >= 18 \
            and (relative.who in _SPOUSES or _A_DEATH.search(folded)):
        # «ektemann (45) ringer om kona»: a partner's age is the one given, and the couple's age is near enough; «Far
        # (52) ringde: sonen omkom i natt»: the bereaved who asks is the case
        age = relative.value
    return Understanding(
        text=written,
        age=age,
        age_from="tekst" if age is not None else None,
        age_band=band,
        age_word=band_word,
        relative_age=relative.value if relative else None,
        ill_age=ill_age,
        kin_told=frozenset(relatives),
        relative_word=relative.who if relative else None,
        asker_age=asker_age,
        handover_age=ADULT_AGE if age == ADULT_AGE - 1 and _COMING_OF_AGE.search(folded)
        and _WHAT_COMES_AFTER.search(folded) and not _ASKED_FOR_NOW.search(folded) else None,
        relatives_own=bool(for_themselves or parents_own) or relative is None and any(
            h.concept == "parorende" and h.primary for h in concepts) and _for_themselves(folded, None),
        sex=next((SEX_WORDS[w] for w in words if w in SEX_WORDS), None),
        kommune=kommune,
        kommune_from="tekst" if kommune else None,
        severity=severity,
        severity_words=severity_words,
        self_referral=low_threshold,
        referral=any(_REFERRAL.fullmatch(w) for i, w in enumerate(words) if i not in later) and not low_threshold,
        municipal=bool(_MUNICIPAL.search(folded)) or _asks_of_kommune(folded, lexicon),
        out_of_hours=bool(_OUT_OF_HOURS.search(folded)),
        closed_times=tuple(name for name, said in _CLOSED_TIMES if said.search(folded)),
        icpc=tuple(c.code for c in codes if c.system == "icpc"),
        icd10=tuple(c.code for c in codes if c.system == "icd10"),
        concepts=tuple(concepts),
        negated=tuple(negated),
        declined=tuple(dict.fromkeys(c for w in negated for c in sorted(_said_concepts(lexicon, w)) if c in DECLINABLE)),
        received=tuple(sorted(received)),
        words=tuple(w for i, w in enumerate(words) if w not in STOPWORDS and w not in FILLER
                    and w not in lexicon.kommune_names and not w.isdigit() and i not in consumed and w not in denied
                    and not (i and words[i - 1] in _FROM)  # «flytta frå Stavanger»: where the patient comes from
                    and not (w in _APPLICATION_WORDS and benefits_only)),
        urgent=safety.urgent,
        urgent_reasons=safety.reasons,
        safety_reminders=safety.reminders,
    )


_FROM = frozenset({"fra", "fraa", "ifra", "ifraa"})
_ABOUT = frozenset({"ca", "cirka", "circa", "rundt", "omkring", "kring", "ikring"})
_AGE_UNITS = frozenset({"ar", "aar", "aring", "arig"})
# what may follow a number that is no age: «ca 50 mg», «rundt 10 øl», «ca 3 uker»
_LATER_UNIT = re.compile(r"(?:mg|g|ml|cl|dl|l|kg|km|cm|stk|tbl|tabl|tabletter|piller|pils|ol|enheter|einingar|kr|"
                         r"kroner|prosent|min|minutt|minutter|timer|timar|time|dager|dagar|dogn|uker|veker|mnd|"
                         r"maneder|manader|ganger|gonger|glass|flasker|halvlitere|boks|bokser|sigaretter|gram)$")


def _age_band(words: list[str]) -> tuple[tuple[int, int] | None, str | None]:
    for pair, band in AGE_PHRASES.items():
        if any(tuple(words[i:i + 2]) == pair for i in range(len(words) - 1)):
            return band, " ".join(pair)
    for i, word in enumerate(words[:-1]):
        # «i 3. klasse», «10. trinn»: a school year, the age of its pupils
        if word.isdigit() and 1 <= int(word) <= 10 and words[i + 1] in _SCHOOL_YEAR and _UPPER_SECONDARY.isdisjoint(words) \
                and not _DIED_WORDS.intersection(words[i + 2:i + 4]):  # «en elev i 10. klasse døde» is no patient
            return (int(word) + 5, int(word) + 6), f"{word}. {words[i + 1]}"
        # «ca 50», «rundt 40»: about that age, a band of ten years
        if word in _ABOUT and words[i + 1].isdigit() and 10 <= int(words[i + 1]) <= 99 and (
                i + 2 == len(words) or words[i + 2] in _AGE_UNITS or not _LATER_UNIT.match(words[i + 2])):
            middle = int(words[i + 1])
            return (middle - 5, middle + 5), f"{word} {middle}"
    expecting = any(w.startswith(_BIRTH_STEMS) for w in words)
    for i, word in enumerate(words):
        if word in AGE_WORDS and not _someone_elses(words, i) and not (expecting and AGE_WORDS[word][1] <= 12):
            return AGE_WORDS[word], word
    return None, None


def _someone_elses(words: list[str], i: int) -> bool:
    """«mor til ungdom i rus», «far til ein tenåring», «alene med tre barn»: the age word is the relative's, not the
    patient's."""
    before = words[max(0, i - 2):i]
    return bool(before) and (before[-1] in ("til", "av") or before[-1] in _CHILDREN_COUNTED or before[-1].isdigit()
                             or len(before) == 2 and before[0] in ("til", "av")
                             and before[1] in ("en", "ei", "ein", "et", "eit", "sin", "si", "sitt"))


def _severity(words: list[str]) -> tuple[frozenset[int], tuple[str, ...]]:
    found: list[tuple[str, frozenset[int]]] = []
    for i in range(len(words)):
        for phrase, tiers in _SEVERITY_BY_FIRST.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                found.append((" ".join(phrase), tiers))
        if words[i] in SEVERITY_WORDS and not (i and words[i - 1] in NEGATORS):  # "ikke tung rus"
            found.append((words[i], SEVERITY_WORDS[words[i]]))
        if words[i] in ("hovedforlop", "forlop") and i + 1 < len(words) and words[i + 1] in ("1", "2", "3"):
            found.append((f"hovedforløp {words[i + 1]}", frozenset({int(words[i + 1])})))
    if low := _low_bmi(words):
        found.append((low, frozenset({3})))  # underweight enough for specialist care
    if not found:
        return frozenset(), ()
    tiers = frozenset().union(*(t for _, t in found))
    if {3} in [set(t) for _, t in found] and any(t == frozenset({2, 3}) for _, t in found):
        tiers = frozenset({3})
    return tiers, tuple(dict.fromkeys(w for w, _ in found))


def _surface(text: str, words: list[str]) -> list[str]:
    """The GP's own spelling of each token, for explanations ('søvnproblemer', not 'sovnproblemer')."""
    original = surface(text)
    return original if len(original) == len(words) else words


def _concepts(words: list[str], lexicon: Lexicon, shown: list[str], clause_starts: set[int],
              context: set[int] = frozenset(), cut_short: set[int] = frozenset(), had: set[int] = frozenset(),
              not_now: set[int] = frozenset()) -> tuple[list[ConceptHit], list[str], set[int], frozenset[str]]:
    """Concepts in the words. A condition at a `context` position (one the patient had, or a relative's) weighs
    half and is not what is asked for, nor is help the patient already gets («går allerede til behandling på DPS»),
    nor anything said `not_now`: what a letter's heading says of its sender («Epikrise ABUP poliklinikk») or help
    for later («vurderer kurs seinare»).
    Words at `cut_short` positions are abbreviations («avh.»)."""
    received = _after_triggers(words, clause_starts, _ALREADY, reach=7) | _involved(words) | had
    got = _got(words, clause_starts)
    stems = [stem(w) for w in words]
    consumed: set[int] = {i + k for i, word in enumerate(words) for phrase in _NEUTRAL_BY_FIRST.get(word, ())
                          if tuple(words[i:i + len(phrase)]) == phrase
                          and not (i and (words[i - 1] in WISHES or i > 1 and (
                              words[i - 1] in _BEEN and words[i - 2] in NEGATORS
                              or words[i - 1] in SOFTENERS and words[i - 2] in WISHES)) and i not in clause_starts)
                          for k in range(len(phrase))}
    hits: list[ConceptHit] = []
    negated: list[str] = []
    given: set[int] = set()
    received_concepts: set[str] = set()
    found = [(i, phrase, len(phrase)) for i, first in enumerate(stems)
             for phrase in lexicon.phrases_by_first.get(first, ()) if tuple(stems[i:i + len(phrase)]) == phrase]
    # the subject after the verb («siste månedene hører hun stemmer»): the phrase with the pronoun between
    # (a verb's, never a relative's: «får jeg til» is no «far til»)
    found += [(i, phrase, len(phrase) + 1) for i, first in enumerate(stems[:-2])
              if words[i + 1] in _SUBJECTS and words[i] not in ages.PARENT_WORDS and words[i] not in ages.CHILD_WORDS
              for phrase in lexicon.phrases_by_first.get(first, ())
              if len(phrase) >= 2 and (first, *stems[i + 2:i + 1 + len(phrase)]) == phrase]
    said_as: dict[int, frozenset[str]] = {}  # the concepts of the phrase that took each word
    for i, phrase, n in sorted(found, key=lambda f: (-len(f[1]), f[0])):  # longest phrases first
        overlap = consumed.intersection(range(i, i + n))
        phrase_concepts = frozenset(lexicon.phrases[phrase])
        if overlap and {said_as.get(k) for k in overlap} == {phrase_concepts}:
            # the same concept said on in an overlapping phrase («følger opp barna som pårørende»)
            consumed.update(range(i, i + n))
            said_as.update(dict.fromkeys(range(i, i + n), phrase_concepts))
        elif not overlap:
            is_negated = _negated(words, i, consumed, clause_starts) or _denied_after(words, i, n)  # «vil ikke legges inn»
            consumed.update(range(i, i + n))
            said_as.update(dict.fromkeys(range(i, i + n), phrase_concepts))
            aside = bool(context.intersection(range(i, i + n)))
            had = bool(received.intersection(range(i, i + n)))
            had_got = bool(got.intersection(range(i, i + n)))
            said = " ".join(shown[i:i + n])
            for c in sorted(phrase_concepts):
                gets = had and lexicon.concepts[c].area == NEED_AREA or had_got and lexicon.concepts[c].area in _GOT_AREAS
                if _concept_ruled_out(lexicon, c, is_negated, words, i, clause_starts):
                    negated.append(said)
                elif aside and (lexicon.concepts[c].area in CONTEXT_AREAS or c in PAST_CARE) \
                        or gets or not_now.intersection(range(i, i + n)):
                    hits.append(ConceptHit(c, PAST_WEIGHT, said, "phrase", primary=False))
                    if gets:
                        received_concepts.add(c)
                else:
                    hits.append(ConceptHit(c, 1.0, said, "phrase"))
    for i, word in enumerate(words):
        if i in consumed or word in STOPWORDS or word.isdigit() or len(word) < 2:
            continue
        if _fear_of_agency(words, i) or _none_other(words, i):
            continue
        found, how, weight, matched = _word_concepts(word, lexicon)
        if not found and i in cut_short and word not in NEGATORS:  # «Neg. for suicidalitet»: no «neglisjert»
            found, how, weight, matched = lexicon.abbreviation(word), "abbreviation", 0.9, word
        matched = matched.replace(word, shown[i], 1)
        if not found:
            continue
        is_negated = _negated(words, i, consumed, clause_starts) or _feared_agency(words, i) or _denied_after(words, i, 1)
        for concept in sorted(found):
            if _concept_ruled_out(lexicon, concept, is_negated, words, i, clause_starts):
                negated.append(shown[i])
                continue
            gets = i in received and lexicon.concepts[concept].area == NEED_AREA \
                or i in got and lexicon.concepts[concept].area in _GOT_AREAS
            if gets or i in not_now or (i in context or word in _ADMISSIONS) and (
                    lexicon.concepts[concept].area in CONTEXT_AREAS or concept in PAST_CARE):
                hits.append(ConceptHit(concept, weight * PAST_WEIGHT, matched, how, primary=False))
                if gets:
                    given.add(i)
                    received_concepts.add(concept)
            else:
                hits.append(ConceptHit(concept, weight, matched, how))
    # help already given is no word to match services by
    return hits, list(dict.fromkeys(negated)), consumed | given, frozenset(received_concepts)


def _got(words: list[str], starts: set[int]) -> set[int]:
    """The words after «har fått» in its clause (at most five), unless what was got is a refusal or a notice."""
    positions: set[int] = set()
    for _, end in _trigger_spans(words, _GOT):
        if end < len(words) and words[end] not in _NOT_GOT:
            positions.update(j for j in range(end, min(len(words), end + 5))
                             if not starts.intersection(range(end + 1, j + 1)))
    return positions


def _denied_after(words: list[str], i: int, n: int) -> bool:
    """«ruser seg ikke», «drikk ikkje», «det haster ikke»: a verb of using or of hurry, negated after it (not
    «drikker ikke bare øl»)."""
    j = i + n
    return (words[i] in _KIN_DOES or words[i] in _HURRIES) and j < len(words) and words[j] in _AFTER_NEGATORS \
        and (j + 1 == len(words) or words[j + 1] not in _NOT_ONLY)


_AFTER_NEGATORS = frozenset({"ikke", "ikkje", "ikkj", "aldri"})
_HURRIES = frozenset({"haster", "hastar", "hasta", "hastet"})
_NOT_ONLY = frozenset({"bare", "berre", "kun"})
_SUBJECTS = frozenset("hun han ho hen de dei jeg eg vi me du dere dokker".split())
# Care that was given («etter to innleggelser»), told as history: not the care asked for
PAST_CARE = frozenset({"dognbehandling", "avrusning"})
_ADMISSIONS = frozenset({"innleggelser", "innleggingar", "innleggelsar", "innleggelsene", "innleggingane", "avrusninger",
                         "avrusningar", "avrusingar", "avrusinger", "avrusningene", "avrusingane"})


def _said_concepts(lexicon: Lexicon, said: str) -> set[str]:
    """The concepts of a word or phrase as the GP wrote it («innlegges», «legges inn»)."""
    words = tokens(said)
    if len(words) == 1:
        return lexicon.lookup(words[0])
    return set(lexicon.phrases.get(tuple(stem(w) for w in words), ()))


def _concept_ruled_out(lexicon: Lexicon, concept: str, is_negated: bool, words: list[str], i: int,
                       clause_starts: set[int]) -> bool:
    """The question rules the concept out: negated where a negation can, declined treatment, or «ikke klar for jobb»
    and «ikke motivert for behandling» (ruled out, though «ikke motivert» alone is read as a need of its own)."""
    return is_negated and (_negatable(lexicon, concept) or concept in TREATMENT_DECLINED
                           and _declined(words, i, clause_starts)) \
        or concept in NOT_READY_FOR | TREATMENT_DECLINED and _not_ready_for(words, i, clause_starts)


def _negatable(lexicon: Lexicon, concept: str) -> bool:
    known = lexicon.concepts[concept]
    return known.area in NEGATABLE_AREAS or concept in NEGATABLE_CONCEPTS or known.restricted


_KIN = re.compile(ages.KIN_WORDS)
# «gift med (en) mann som …»: the noun after living together names a partner
_PARTNER_NOUNS = frozenset({"mann", "kvinne", "dame", "fyr", "kar"})
_ARTICLES = frozenset({"en", "ei", "ein", "eit", "et"})
_PARTNERED = frozenset({("gift", "med"), ("samboer", "med"), ("sambuar", "med"), ("bor", "med"), ("bur", "med"),
                        ("lever", "med"), ("sammen", "med"), ("saman", "med")})
# The kin words (ages.KIN_WORDS, folded) of a partner, whose age is near enough the couple's
_SPOUSES = frozenset({"ektemann", "ektemannen", "mannen", "kone", "kona", "samboer", "samboeren", "sambuar",
                      "sambuaren", "kjaereste", "kjaeresten", "partner", "partneren", "ektefelle", "ektefellen"})
# A parent or partner who is the patient, and the grown child or partner who is ill
_CARERS = ages.PARENT_WORDS | _SPOUSES
_CARED_FOR = (ages.CHILD_WORDS - ages.CHILDREN_PLURAL) | _SPOUSES
# A kin word, its age, and whose relative: «Kona (52) til en alkoholiker er pasienten min»
_KIN_OF = re.compile(r"\d+\s*(?:ar|aar)?\s*\)?\s*,?\s*(?:til|åt|aat)\s")
_KIN_HAS = frozenset({"som", "med", "har", "hadde", "er", "var"})
# What a relative has said or done about the patient («kona har sagt fra», «mora har ringt»)
_KIN_SAID = frozenset({"sagt", "sagd", "bedt", "mast", "maset", "masa", "klaget", "klaga", "gitt", "gjeve", "truet",
                       "truga", "kontaktet", "kontakta", "ringt", "ringd", "merket", "merka", "sett", "oppdaget",
                       "oppdaga", "foreslatt", "foreslege", "stilt", "reagert", "reagerte", "funnet", "funne"})
# What a relative does that is their own condition, said right after them («samboer ruser seg», «mannen drikker»)
_KIN_DOES = frozenset({"ruser", "rusar", "drikker", "drikk", "injiserer", "injiserar", "royker", "roykjer", "gambler",
                       "spiller", "spelar", "sniffer", "snuser", "bruker", "brukar", "misbruker", "misbrukar"})
# After a relative and their age, words that make them the one who asks («kona 34 til spilleavhengig mann»)
_ASKING = frozenset({"til", "av", "om", "og", "spor", "ringer", "ringte", "lurer", "ber", "er", "kommer"})
# A parent who asks, wonders or worries about the child («Mor lurer på om det er anoreksi») tells the child's condition.
_WONDERING = frozenset({"lurer", "lurar", "spor", "spurte", "tror", "trur", "undrer", "ringer", "ringte", "ringde",
                        "bekymret", "bekymra", "uroleg", "urolig", "frykter", "fryktar", "mistenker", "mistenkjer",
                        # or tells what she has seen («mor seie han røykjer hasj»)
                        "sier", "seier", "seie", "sa", "forteller", "fortel", "forteljer", "fortalte", "fortalde",
                        "melder", "meldar", "opplyser", "opplyste", "mener", "meiner", "merker", "merkar", "oppdaget",
                        "oppdaga", "fant", "fann"})


def _wonders(words: list[str], j: int) -> bool:
    """The words from j say that the one before them asks or worries («lurer på», «er bekymret»)."""
    return j < len(words) and (words[j] in _WONDERING
                               or words[j] in ("er", "e") and j + 1 < len(words) and words[j + 1] in _WONDERING)


# How an ill person withdraws («trekker seg unna») or is treated («mange innleggelser»): when the question is a
# relative's, it describes the one who is ill
_ABOUT_THE_ILL = frozenset({"ensomhet", "utenforskap", "dognbehandling"})
# Strain that any parent of small children may tell of («sliten», «sover dårlig»): not an illness that makes the
# children relatives in need
_STRAIN = frozenset({"stress", "sovnvansker", "ensomhet", "selvbilde", "psykiske_plager"})
_CHILD_WORDS = frozenset("sonn sonnen sonen son datter dattera datteren dotter dottera barnet barna borna barn born ungen ungane ungar ungan onga ongan "
                         "ungene gutten guten jenta jenten jinta jento barnebarn barnebarna barnebarnet".split())


def _children_of_the_patient(hits: list[ConceptHit], lexicon: Lexicon, patient: ages.AgeMention | None,
                             relative: ages.AgeMention | None) -> list[ConceptHit]:
    """A parent with a mental illness or a substance problem, and their child named with an age under 18
    («Mor (36) som går til behandling for rus …, sønnen på 8»): the child is a relative too (barn som pårørende)."""
    if (patient is None or patient.value < 18 or relative is None or relative.asker or relative.value >= 18
            or relative.who not in _CHILD_WORDS or "barn_som_parorende" not in lexicon.concepts
            or any(h.concept == "barn_som_parorende" for h in hits)):
        return hits
    ill = any(h.primary and lexicon.concepts[h.concept].area in CONDITION_AREAS and h.concept not in _STRAIN
              for h in hits)
    return [*hits, ConceptHit("barn_som_parorende", 0.8, relative.who, "relative")] if ill else hits


# the child is the one hit («blir slått», «far slår ham»), not the one who hits («blir voldsom», «slår av nettet»)
_HIT = frozenset(fold(w) for w in ("slått", "slegen", "slag hjemme", "slag heime", "slått heime", "slår ham", "slår henne",
                                   "mishandlet", "mishandla", "juling", "får juling", "får slag", "banket", "banka",
                                   "blåmerker", "utsatt for vold", "sparket", "kvelertak", "forgrepet seg", "forgrep seg",
                                   "forgriper seg", "overgrep", "seksuelle overgrep", "misbrukt seksuelt", "slag fra",
                                   "slag frå", "juling fra", "juling frå"))
_AT_HOME = frozenset({"hjemme", "heime", "far", "faren", "mor", "mora", "moren", "pappa", "mamma", "stefar", "stemor",
                      "foreldrene", "foreldra", "forelder"})


def _hit_at_home(hits: list[ConceptHit], lexicon: Lexicon, age: int | None, words: list[str]) -> list[ConceptHit]:
    """«jente på 9 forteller om slag hjemme»: violence against a child at home is a concern for the child's care,
    whose door the law names (a report to child protection)."""
    if age is None or age >= 18 or "omsorgssvikt" not in lexicon.concepts or not _AT_HOME & set(words) \
            or not any(h.concept == "vold_overgrep" and h.primary and fold(h.matched) in _HIT for h in hits) \
            or any(h.concept == "omsorgssvikt" for h in hits):
        return hits
    return [*hits, ConceptHit("omsorgssvikt", 0.8, next(w for w in words if w in _AT_HOME), "pattern")]


def _child_of_an_ill_parent(hits: list[ConceptHit], lexicon: Lexicon, patient: ages.AgeMention | None,
                            parents_words: list[str], parents_code: str | None = None) -> list[ConceptHit]:
    """«jente 8 år, mamma er alvorlig deprimert og innlagt», «mor (F10.2) har to barn»: a child whose parent is ill is
    a relative too (barn som pårørende), and the parent's drinking told again («er redd når han drikker») is still
    the parent's."""
    if patient is None or patient.value >= 18 or "barn_som_parorende" not in lexicon.concepts \
            or any(h.concept == "barn_som_parorende" for h in hits):
        return hits
    theirs = {w: c for w in parents_words if not w.startswith(WORRY_STEMS)
              for c in lexicon.lookup(w) or lexicon.split_compound(w)
              if lexicon.concepts[c].area in CONDITION_AREAS and c not in STRAIN}
    if not theirs:
        return [*hits, ConceptHit("barn_som_parorende", 0.8, parents_code, "relative")] if parents_code else hits
    drinking = {c for c in theirs.values() if lexicon.concepts[c].area == "rus"}  # a child's own use is rarely told so
    hits = [_aside(h) if h.primary and h.concept in drinking else h
            for h in hits]
    return [*hits, ConceptHit("barn_som_parorende", 0.8, next(iter(theirs)), "relative")]


CHILD_STRAIN = "psykiske_plager"
_NAMED_HELP = frozenset({"parorende", "familie"})


def _a_child_relatives_own_strain(hits: list[ConceptHit], lexicon: Lexicon,
                                  patient: ages.AgeMention | None) -> list[ConceptHit]:
    """«gutt 9 år, far er innlagd på psykiatrisk»: a child whose parent is ill has strain of their own, which the
    children's services take, when no trouble of the child's own is told and neither help for relatives nor for the
    family is asked by name."""
    if patient is None or patient.value >= 18 or not any(h.concept == "barn_som_parorende" for h in hits) \
            or any(h.primary and (lexicon.concepts[h.concept].area in CONDITION_AREAS or h.concept in _NAMED_HELP)
                   for h in hits):
        return hits
    return [*hits, ConceptHit(CHILD_STRAIN, 0.7, "barn som pårørende", "relative")]


def _for_themselves(folded: str, asker: str | None) -> bool:
    """The relative asks for their own sake («for seg selv», «for egen del», «hva kan mor få?»)."""
    return any(not _other_sex(found, asker) for found in _FOR_THEMSELVES.finditer(folded))


def _explicitly_for_themselves(folded: str) -> bool:
    """«for egen del», «støtte til seg selv»: not only a pronoun that wants help («han vil ha hjelp»)."""
    return any(not found.group("subject") for found in _FOR_THEMSELVES.finditer(folded))


def _own_trouble(hits: list[ConceptHit], lexicon: Lexicon) -> bool:
    """The patient's own illness or substance use is told («mann 40 drikker hver kveld, kona har gitt ultimatum»)."""
    return any(h.primary and lexicon.concepts[h.concept].area in ("psykisk", "rus") for h in hits)


def _for_the_ill(folded: str, asker: str | None) -> bool:
    """The relative asks for the one who is ill: «ber om hjelp til mannen», or a bare pronoun of the other sex
    («Far (50): datteren … Hva finnes for henne?»)."""
    sex = "f" if asker in _FEMALE_KIN else "m" if asker in _MALE_KIN else None
    return any(_other_sex(found, asker) for found in _FOR_THEMSELVES.finditer(folded)) \
        or sex is not None and any(_PRONOUN_SEX[found.group("pronoun")] != sex for found in _OFFER_TO.finditer(folded)) \
        or bool(_GP_REFERS.search(folded)) or bool(_NEED_SOUGHT.search(folded)) or bool(_FOR_THEIR_GROUP.search(folded)) \
        or bool(_KIN_OF_MY_PATIENT.search(folded)) and not _FOR_RELATIVES.search(folded) \
        or any(
        found.group(1) != asker for found in _HELP_FOR_KIN.finditer(folded)) or sex is not None and any(
        _PRONOUN_SEX[found.group(1) or found.group(2)] != sex for found in _ILL_IS_WILLING.finditer(folded)) or any(
        found.group("kin") not in (None, asker) or sex is not None and found.group("pronoun") is not None
        and _PRONOUN_SEX[found.group("pronoun")] != sex for found in _CONCERNS.finditer(folded))


def _other_sex(found: re.Match, asker: str | None) -> bool:
    pronoun = found.group("pronoun") or found.group("pronoun2") or found.group("subject")
    sex = "f" if asker in _FEMALE_KIN else "m" if asker in _MALE_KIN else None
    return bool(pronoun and not found.group("self") and sex and _PRONOUN_SEX.get(pronoun, sex) != sex)


_CHILD_NAMED = frozenset("gutt gut guten gutten jente jenta jenten jinta jinte jento ungdom ungdommen tenaring tenaringen".split())


# «datterens heroinbruk», «mannens drikking»: what follows is the relative's
_KIN_GENITIVES = frozenset("datterens dotterens dotteras datteras sonnens sonens morens moras farens mannens konas kones "
                           "samboerens sambuarens kjaerestens kjaerastens brorens sosterens systeras foreldrenes foreldras "
                           "ektemannens ektefellens partnerens".split())


_ABOUT_HIM = frozenset({"han", "hun", "ho", "hen"})


def _relatives_condition(words: list[str], clause_starts: set[int], patient: ages.AgeMention | None) -> set[int]:
    """Words that tell a relative's condition when the question is about someone else: «mor på 80 blir slått av
    sønnen som ruser seg», «Far, 40 år, kona har bipolar lidelse». Only when the patient's own age is given, so
    that «sønnen ruser seg» from a parent still is the son's question."""
    if patient is None:
        return set()
    found: set[int] = set()
    for i, word in enumerate(words):
        if word in _KIN_GENITIVES:
            found |= _in_clause(i + 1, min(len(words), i + 3), clause_starts)  # «pga datterens heroinbruk»
            continue
        if not (_KIN.fullmatch(word) or word in ages.PARENT_WORDS) \
                or patient.who and (word.startswith(patient.who) or patient.who.startswith(word)):
            continue
        j = i + 2 if i + 1 < len(words) and words[i + 1] in ("hans", "hennes", "hennar", "deira") else i + 1
        if words[j:j + 2] in (["som", "parorende"], ["som", "parorande"]):
            continue  # «barn som pårørende» names a role, not what a relative has
        if j < len(words) and words[j] in _DIED_WORDS:
            # «Sønnen døde av overdose …, han gikk i LAR»: what is told on about the dead relative is his (the death
            # itself is the patient's loss)
            end = max(_in_clause(j, len(words), clause_starts))
            while end + 1 < len(words) and words[end + 1] in _ABOUT_HIM:
                told = _in_clause(end + 1, len(words), clause_starts)
                found |= told
                end = max(told)
            continue
        counted = j + 2 < len(words) and (words[j + 1].isdigit() or words[j + 1] in _COUNTS)  # «far til 2 barn»
        if j + 1 < len(words) and words[j] == "til" and words[j + 1 + counted] in _CHILD_WORDS:
            k = j + 2 + counted  # «far til barna (6 og 10) drikker mye»: the children's father, and what he does
            while k < len(words) and (words[k].isdigit() or words[k] in ("og", "ar", "pa")):
                k += 1
            if k < len(words) and words[k] in _KIN_DOES:
                found |= _in_clause(k, min(len(words), k + 4), clause_starts)
                continue
        if j + 1 < len(words) and (words[j].isdigit() and words[j + 1] not in _ASKING
                                   or words[j] == "pa" and words[j + 1].isdigit()):
            j += 1 if words[j].isdigit() else 2  # «datteren på 22 injiserer amfetamin», «sønnen 30 i heroinrus»
            if j < len(words) and words[j] in _INFANT_UNITS:
                continue  # «Datter på 14 mnd»: a baby's age, and a baby has no condition of the kind asked about
            if j + 1 < len(words) and words[j] in _YEARS_WORDS and j + 1 in clause_starts:
                j += 1  # «Mor, 36 år, innlagt med psykose»: what follows the age set off by commas is hers
            if j < len(words) and words[j] not in _KIN_HAS:
                found |= _in_clause(j, min(len(words), j + 4), clause_starts)
                continue
        if j + 1 < len(words) and words[j] in ("har", "hadde") and words[j + 1] in _KIN_SAID:
            continue  # «Kona har sagt fra»: what a relative has said or done about it is no condition of theirs
        if j < len(words) and (words[j] in _KIN_DOES and j not in clause_starts
                               or words[j] in _KIN_HAS and j + 1 not in clause_starts):
            # «samboer ruser seg på amfetamin», «kona har bipolar lidelse»
            first = j if words[j] in _KIN_DOES else j + 1
            # a relative clause runs to the end of its clause («datter 20 som bruker mye piller og hasj»)
            found |= _in_clause(first, min(len(words), j + (9 if words[j] == "som" else 5)), clause_starts)
        elif patient.value < CHILD and word in ages.PARENT_WORDS and not _wonders(words, j):
            # A child's parent is the subject of what follows: «gut 12 … far slår han når han drikk», until the
            # child is named («pappa 40 lurer på om sønnen (14) gambler»)
            for k in range(i + 1, min(len(words), i + 9)):
                if k in clause_starts or _KIN.fullmatch(words[k]) or words[k] in _CHILD_NAMED:
                    break  # «Mor (44) til gut på 15 som spelar»: what follows is the boy's
                found.add(k)
    return found


_YEARS_WORDS = frozenset({"ar", "aar", "gammel", "gamal", "gml"})
_INFANT_UNITS = frozenset({"mnd", "maneder", "maned", "manader", "manad", "uker", "uke", "veker", "veke", "dager", "dagar"})
_ADMITTED = frozenset({"innlagt", "innlagd", "reinnlagt", "reinnlagd", "tvangsinnlagt", "tvangsinnlagd"})
_BEFORE_NOW = frozenset({"var", "vart", "vore", "vaert", "tidligere", "tidlegare", "tidl"})
_THE_CHILDREN = r"(?:barna|borna|ungane|ungene|ungan|barnet|ungen|guttene|gutane|jentene|jentane)"
# a death told («sonen omkom i natt»)
_A_DEATH = re.compile(r"\b(?:" + "|".join(sorted(_DIED_WORDS)) + r"|omkomne|tok livet sitt|tok sitt eget liv|gikk bort|gjekk bort)\b")
# what the question asks for is the children's («hva har kommunen for barna?», «kva ungane kan få»)
_ASKED_FOR_THE_CHILDREN = re.compile(r"\b(?:for|til|med|om) " + _THE_CHILDREN + r"\b|\b" + _THE_CHILDREN
                                     + r" (?:kan|trenger|treng|fa|far|faar|bor|burde)\b")

# the parent asks what there is for the one child («Hun spør hva som finnes for gutten», «noko til dottera?», «spør kven
# som kan hjelpe gutten»)
_ASKS_FOR_THE_CHILD = re.compile(r"\b(?:spor|spurte|lurer|undrar|hva|kva|hvem|kven|noe|noko|tilbud|tilbod)\b[^.?!\n]{0,40}?"
                                 r"\b(?:for|til|te|t|hjelpe|hjelpa|snakke med|snakka med|prate med|folge opp|folgje opp) "
                                 r"(?:gutten|guten|jenta|jenten|sonnen|sonen|dattera|datteren|dottera|barnet|ungen)\b")


def _admitted_now(words: list[str]) -> bool:
    """«innlagt», «er innlagd»; not «var innlagt», «tidligere innlagt»."""
    return any(w in _ADMITTED and not _BEFORE_NOW.intersection(words[max(0, i - 2):i]) for i, w in enumerate(words))


def _in_clause(start: int, end: int, clause_starts: set[int]) -> set[int]:
    """The positions from start up to end, or up to where the next clause begins."""
    found = set()
    for k in range(start, end):
        if k > start and k in clause_starts:
            break
        found.add(k)
    return found


# A stay with its dates («Avrusning 05.02–12.02.25», «Døgnopphold 2.1.2025–30.1.2025»): care the letter reports on
_DATE = r"\d{1,2}\.\s?\d{1,2}\.?(?:\s?\d{2,4})?"
_DATED_STAY = re.compile(r"\b[a-z]+(?=\s+(?:fra\s+)?" + _DATE + r"\s*(?:[–-]|til)\s*" + _DATE + r"|\s+\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b)"
                         # or with its length («avrusning 5 døgn, Librium nedtrappet»)
                         r"|\b(?:avrusning|avrusing|avgiftning|innleggelse|innlegging|opphold|dognopphold|innlagt|innlagd)"
                         r"(?=\s+(?:i\s+)?\d{1,3}\s+(?:dogn|dager|dagar|uker|uke|veker|veke)\b)")


def _dated_stays(folded: str, n: int) -> set[int]:
    """The word before a date or a stay's dates or length: what was done then, not what is asked for now."""
    starts = {m.start(): k for k, m in enumerate(_TOKEN_SPAN.finditer(folded))}
    if len(starts) != n:
        return set()
    return {starts[m.start()] for m in _DATED_STAY.finditer(folded) if m.start() in starts}


_AFTER_OR_SINCE = _SINCE | {"etter"}  # «rusfri etter behandling», «edru sidan avrusing»


def _past_positions(words: list[str], clause_starts: set[int], cut_short: set[int]) -> set[int]:
    """Words that name a condition the patient had, or is already in care for: after «tidligere», «gjennomgått»
    or «innlagt (med)», or after «etter» or «siden» in a question that says the patient is now well or discharged
    («stabil etter psykose», «rusfri etter behandling», «utskr. fra DPS etter psykose»). What is asked for is then the
    need beside it (work, housing, the children), not treatment of that condition. The period of an abbreviation
    («tidl. innlagt») ends no clause."""
    well = any(w.startswith(WELL_WORDS) or w in _WRITTEN_OUT and words[i + 1:i + 2] == ["ut"] for i, w in enumerate(words))
    past = _past_clauses(words, clause_starts, _EPISODE_WORDS, _EPISODE_PAIRS) | _counted_stays(words, clause_starts)
    for i, word in enumerate(words[:-2]):
        if word in _ADMISSIONS and words[i + 1] in ("pa", "paa", "i", "ved"):
            past.add(i + 2)  # where the admissions were («mange innleggelser på akutten»): history, not a need
    for i, word in enumerate(words):
        if word in PAST_WORDS or (well and word in _AFTER_OR_SINCE):
            for j in range(i + 1, min(len(words), i + 6)):
                if j in clause_starts and not (j == i + 1 and i in cut_short) or words[j] in ("men", "na", "no", "igjen"):
                    break
                past.add(j)
            if word in _PAST_WORDS and (i + 1 == len(words) or i + 1 in clause_starts and i not in cut_short
                                        or words[i + 1] in ("men", "na", "no")):
                # said last in its clause («bruk av benzodiazepinar tidlegare, no stabil»): the clause was then
                for j in range(i - 1, max(-1, i - 7), -1):
                    past.add(j)
                    if j in clause_starts:
                        break
    return past


NEED_AREA = "behov"
_CAME_FROM = {w: [(w,)] for w in ("fra", "fraa", "ifra", "ifraa")}
# Help asked for from a service is no sender («Anbefaler mer hjelp fra hjemmetjenesten», «treng oppfølging frå NAV»)
_ASKED_FROM: dict[str, list[tuple[str, ...]]] = {}
for _ask in ("mer", "meir", "okt", "auka", "aukt", "trenger", "treng", "behov", "onsker", "onskjer", "ynskjer",
             "anbefaler", "tilrar", "tett", "videre", "vidare"):
    for _help in ("hjelp", "oppfolging", "oppfylging", "stotte", "bistand", "tilsyn", "avlastning", "avlasting"):
        _ASKED_FROM.setdefault(_ask, []).extend((_ask, *(("for",) if _ask == "behov" else ()), _help, came)
                                                for came in _CAME_FROM)
# Followed up in a role («at barna blir fulgt opp som pårørende»): the role asked for, not where care was given
for _role in (("fulgt", "opp", "som"), ("folges", "opp", "som"), ("folgt", "opp", "som"), ("fylgt", "opp", "som")):
    _ASKED_FROM.setdefault(_role[0], []).append(_role)
# Help named after «allerede» in its clause is what the patient has, not what is asked
_ALREADY = {w: [(w,)] for w in ("allerede", "allereie", "fortsatt", "framleis", "fremdeles")}
# «har fått kommunal bolig via boligkontoret»: help got; not a refusal or a notice («har fått avslag på bolig»)
_GOT = {"har": [("har", "fatt")]}
_GOT_AREAS = frozenset({NEED_AREA, "sosial"})
_NOT_GOT = frozenset({"avslag", "nei", "beskjed", "vite", "brev", "varsel", "oppsigelse", "oppseiing", "utkastelse",
                      "frist", "melding", "ikke", "ikkje", "aldri", "lite", "for"})


def _word_concepts(word: str, lexicon: Lexicon) -> tuple[set[str], str, float, str]:
    if word in lexicon.exact:
        return lexicon.exact[word], "exact", 1.0, word
    if word in NOT_STEMMED:
        return set(), "", 0.0, word
    if len(word) >= 4 and stem(word) in lexicon.stems:
        return lexicon.stems[stem(word)], "stem", 1.0, word
    if len(word) >= 7:
        parts = lexicon.split_compound(word)
        if parts:
            return parts, "compound", 0.9, word
    typo = lexicon.fuzzy(word)
    if typo:
        return lexicon.exact[typo[0]], "fuzzy", 0.85 * typo[1], f"{word}→{typo[0]}"
    return set(), "", 0.0, word


def _clause_starts(folded: str) -> set[int]:
    """Indexes of tokens that begin a new clause (after , . ; : ! ? or a line break): negation stops there."""
    return _breaks(folded, _CLAUSE_BREAK)


def _rejecting(folded: str) -> set[int]:
    """The words of a referral's rejection to the end of its sentence («Ikke rett til nødvendig helsehjelp i DPS nå»)."""
    spans = [m.span() for m in _TOKEN_SPAN.finditer(folded)]
    found: set[int] = set()
    for rejection in _REJECTED.finditer(folded):
        end = _SENTENCE_BREAK.search(folded, rejection.end())
        stop = end.start() if end else len(folded)
        found.update(i for i, (a, b) in enumerate(spans) if rejection.start() <= a and b <= stop)
    return found


def _breaks(folded: str, marks: re.Pattern) -> set[int]:
    """Indexes of tokens with one of `marks` between them and the token before."""
    return {i for i, gap in _gaps(folded) if marks.search(gap)}


@lru_cache(maxsize=64)
def _gaps(folded: str) -> tuple[tuple[int, str], ...]:
    """Each token after the first, by index, with the characters before it, where these are more than one space."""
    found, previous_end = [], 0
    for i, match in enumerate(_TOKEN_SPAN.finditer(folded)):
        gap = folded[previous_end:match.start()]
        if i and gap != " ":
            found.append((i, gap))
        previous_end = match.end()
    return tuple(found)


NEW_PREDICATE = frozenset("er e har var blir ble vert vart kan vil skal sier seier gar gjer gjor".split())


def _fear_of_agency(words: list[str], index: int) -> bool:
    """«redd for barnevernet»: fear of what an agency may do tells no anxiety."""
    return words[index] in FEAR_WORDS and any(w.startswith(AGENCY_PREFIXES) for w in words[index + 1:index + 5])


def _feared_agency(words: list[str], index: int) -> bool:
    """«gravid, redd for at barnevernet blir koblet inn»: an agency the patient fears is a barrier to help, not a
    finding, when no child is in the story (with children who saw violence, the same fear still names their door)."""
    return words[index].startswith(AGENCY_PREFIXES) and any(
        words[j] in FEAR_WORDS for j in range(max(0, index - 6), index)) and not any(w in _CHILD_WORDS for w in words)


_RULED_OUT_AFTER = (("ikke", "aktuelt"), ("ikkje", "aktuelt"), ("er", "ikke", "aktuelt"), ("er", "ikkje", "aktuelt"),
                    ("uaktuelt",), ("ikke", "onskelig"), ("ikkje", "onskjeleg"), ("ikke", "onsket"))


def _negated(words: list[str], index: int, consumed: set[int], clause_starts: set[int]) -> bool:
    after = tuple(words[index + 1:index + 4])
    if any(after[:len(ruled)] == ruled for ruled in _RULED_OUT_AFTER):
        return True  # «innleggelse ikke aktuelt»
    for j in range(index - 1, max(0, index - UNSAID_REACH), -1):
        if j + 1 in clause_starts:
            break
        if words[j] in _SAID and words[j - 1] in NEGATORS:
            return True  # «har ikke sagt noe om å ville dø»: nothing said of it
    seen = 0
    for j in range(index - 1, max(-1, index - 5), -1):
        if j in consumed or j + 1 in clause_starts:
            return False
        if words[j] == "og" and words[j + 1] in NEW_PREDICATE:
            return False  # «sover ikke og er helt utslitt»: a new statement
        if words[j] in NEGATORS or words[j] in _NEGATIVE and words[j + 1] in _TESTS:
            return True  # «negativ urinprøve på rusmidler»: a test that found none
        if words[j] not in STOPWORDS:
            seen += 1
            if seen >= 2:
                return _not_ready_for(words, index, clause_starts)
    return False


_NEGATIVE = frozenset({"negativ", "negative"})
_TESTS = frozenset({"urinprove", "urinproven", "urinprover", "urinstix", "ustix", "rustest", "rustester", "test", "testen",
                    "prove", "proven", "prover", "screening", "ruskontroll", "ruskontroller", "blodprove", "blodprover",
                    "narkotikatest", "urinscreening"})


def _declined(words: list[str], index: int, clause_starts: set[int]) -> bool:
    """«ikkje behandling», «ikke klar for behandling»: declined, where «ingen behandling» is a lack."""
    before = [w for w in words[max(0, index - 3):index] if w not in _WANTING]
    return bool(before) and before[-1] in _NOT and index not in clause_starts or _not_ready_for(words, index, clause_starts)


_NOT = frozenset({"ikke", "ikkje", "ikkj", "itj", "inte"})
_SAID = frozenset({"sagt", "nevnt", "nemnt", "snakket", "snakka", "uttrykt", "fortalt", "fortalde", "uttalt", "antydet",
                   "antyda", "ytret", "ytra"})
UNSAID_REACH = 7  # words between «ikke sagt» and what was not said
_OTHER = frozenset({"andre", "anna", "annet", "annen", "anen", "fleire", "flere"})


def _none_other(words: list[str], index: int) -> bool:
    """«Ingen andre rusmidler», «ingen annen psykiatri»: what is said beside it is all there is; the word itself is
    neither had nor denied."""
    return index >= 2 and words[index - 1] in _OTHER and words[index - 2] in NEGATORS
_WANTING = frozenset({"ha", "fa", "faa", "ønske", "onske", "noe", "noko", "mer", "meir"})  # «vil ikkje ha behandling»


def _not_ready_for(words: list[str], index: int, clause_starts: set[int]) -> bool:
    """«ikke motivert for A-senter/institusjon»: all that follows in the clause is ruled out."""
    for j in range(index - 1, max(0, index - 8), -1):
        if j + 1 in clause_starts:
            return False
        if words[j] in _NOT_READY_FOR and words[j - 1] in NEGATORS:
            return True
    return False


# Those already involved, often listed after a colon or in parentheses («mange instanser involvert (NAV, PPT, …)»)
_INVOLVED_TRIGGERS: dict[str, list[tuple[str, ...]]] = {}
for _trigger in (("involvert",), ("involverte",), ("aktorer", "inne"), ("instanser", "inne"), ("tjenester", "inne"),
                 ("folges", "av"), ("fulgt", "av"), ("har", "kontakt", "med"), ("i", "kontakt", "med"),
                 ("har", "oppfolging", "fra"),
                 # «mange aktørar (DPS, NAV, psykiatritenesta, ROP)»
                 *((many, who) for many in ("mange", "flere", "fleire")
                   for who in ("aktorer", "aktorar", "instanser", "instansar", "hjelpere", "hjelparar", "tjenester",
                               "tenester"))):
    _INVOLVED_TRIGGERS.setdefault(_trigger[0], []).append(_trigger)
_SENTENCE_BREAK = re.compile(r"[.;!?\n)]")
_LETTER_TRIGGERS = {word: [(word,)] for word in ("epikrise", "epikrisen", "epikrisa")}
# words that open a discharge letter when they open the text or a line («Utskriving SUS psykiatrisk divisjon.»)
_LETTER_OPENERS = {word: [(word,)] for word in ("utskriving", "utskrivning", "utskrivelse", "utskrivingsnotat",
                                                "utskrivningsnotat", "utskrivingsbrev", "utskrivningsbrev",
                                                "utskrivingsrapport", "utskrivningsrapport", "brev", "svarbrev",
                                                "avslutningsbrev", "avslutningsnotat")}
# «Svar på henv. fra BUP: …»: a reply to a referral, headed by its sender
_LETTER_OPENERS["svar"] = [("svar", "pa", referral, *sender) for referral in
                           ("henv", "henvisning", "henvisningen", "tilvising", "tilvisinga", "tilvisning")
                           for sender in (("fra",), ())] + [("svar", "fra")]  # «Svar på henvisning – Sandnes DPS»
SENDER_LINE_WORDS = 12  # the most words of a letter's sender line
# a letter's «Fra:» line names its sender («Fra: Barneverntjenesten, Sandnes kommune»)
_SENDER_LINE = {"fra": [("fra",)], "fraa": [("fraa",)], "avsender": [("avsender",)]}
# a referral the service turned down («avslått – ikke rett til prioritert helsehjelp»): its sender is no door
_REJECTED = re.compile(r"\b(?:avsla{1,2}tt|avvist|avvises|avvisast|returnert|(?:ikke|ikkje) (?:a ha )?rett til "
                       r"(?:prioritert |nodvendig |nodv |naudsynt )?helsehjelp)\b")
_LINE_BREAK = re.compile(r"\n")
_HEADING_BREAK = re.compile(r"[.;:!?\n)]")  # a letter's heading ends where its text begins («Epikrise DPS: Mann 27 …»)


def _letter_heading(words: list[str], folded: str) -> set[int]:
    """The words of a discharge letter's heading, which names its sender and ward («Epikrise Sandnes DPS, døgnenhet.»)."""
    breaks = _breaks(folded, _HEADING_BREAK)
    lines = _breaks(folded, _LINE_BREAK)
    found = _after_triggers(words, breaks, _LETTER_TRIGGERS, reach=6) \
        | _after_triggers(words, breaks, _LETTER_OPENERS, reach=6, at={0} | lines) \
        | _after_triggers(words, lines, _SENDER_LINE, reach=6, at={0} | lines)
    for i, word in enumerate(words):
        if word in _LETTER_TRIGGERS and i + 1 in lines and (i == 0 or i in lines):
            # «EPIKRISE» alone on its line: the next line names the sender («Akuttpost TSB, Stavanger …»)
            end = min((k for k in lines if k > i + 1), default=len(words))
            found.update(range(i + 1, min(end, i + 1 + SENDER_LINE_WORDS)))
    return found


_HAS = frozenset({"har", "hadde", "fikk", "fekk"})
INVOLVED_REACH = 8


def _involved(words: list[str]) -> set[int]:
    """«har hjemmesykepleie, NAV, DPS og ROP inne»: the services between «har» and «inne» are involved already."""
    found: set[int] = set()
    for k, word in enumerate(words):
        if word == "inne":
            start = next((j for j in range(k - 1, max(-1, k - 1 - INVOLVED_REACH), -1) if words[j] in _HAS), None)
            if start is not None:
                found.update(range(start + 1, k))
    return found


def _asks_of_kommune(folded: str, lexicon: Lexicon) -> bool:
    """«Finnes det noe for ungdom i Nes?», «Kva har Strand?»: the GP asks what the kommune has, as «i kommunen»; not
    where the patient lives («bor i Nes»)."""
    return bool(_kommune_question(lexicon.one_word_kommuner).search(folded))


@lru_cache(maxsize=8)
def _kommune_question(names: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:finnes|finst|fins|no|noe|noko|tilbud|tilbod|hva|kva|ka|hvem|kven)\b(?: \w+){{0,5}}? "
                      rf"(?<!\bbor )(?<!\bbur )(?<!\bbodde )(?:i|hos) (?:{alternatives})\b"
                      rf"|\b(?:har|kan) (?:{alternatives})\b")


_QUESTION_BREAK = re.compile(r"[.!?\n]")


@lru_cache(maxsize=8)
def _asks_if_offered(names: frozenset[str]) -> re.Pattern[str]:
    places = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"\b(?:finnes|finst|fins) (?:det|der)\b|\b(?:tilbyr|tilbyd|tilbys|tilbydes)\b|"
                      rf"\bhar (?:kommunen|kommuna|dere|dykk|{places})\b")


def offer_asked_positions(text: str, lexicon: Lexicon) -> set[int]:
    """Token positions of the sentences that ask whether something is offered («Finst det hasjavvenningskurs i
    Strand?», «Tilbyr Nes KID-kurs?», «Har Sandnes …?»): a service named there is what the GP asks about."""
    folded = fold(text)
    asked: set[int] = set()
    found_all = list(_asks_if_offered(lexicon.one_word_kommuner).finditer(folded))
    if not found_all:
        return asked  # most questions: no sentence to find
    spans = [m.span() for m in _TOKEN_SPAN.finditer(folded)]
    starts = sorted({0} | _breaks(folded, _QUESTION_BREAK))
    for found in found_all:
        at = next((i for i, (_, end) in enumerate(spans) if end > found.start()), None)
        if at is None:
            continue
        first = max(s for s in starts if s <= at)
        last = min((s for s in starts if s > at), default=len(spans))
        asked.update(range(first, last))
    return asked


def context_positions(text: str) -> tuple[set[int], set[int], set[int], set[int]]:
    """Token positions that tell the patient's history rather than the request, those naming what the patient
    refuses, those of a step that comes later, and those of a discharge letter's heading (who wrote it). A service named in the history («innlagt på Ahus», «etter ti samtaler i RPH», «Avrusning ARA
    Nordbyhagen forrige uke») is where the patient is or was, not the door asked for; one named after a refusal or a
    dropout («sier blankt nei til DPS», «vil ikke til Ahus», «møter ikke på Sandnes DPS»), or that turned the patient
    down («har søkt ARA før og fått avslag»), is not a door either."""
    folded = fold(_BEFORE_WORD.sub(_BEFORE_MARK, text))  # «før» folds to «for»: marked first
    words = _TOKEN_SPAN.findall(folded)
    starts = _clause_starts(folded)
    history = (_after_triggers(words, starts, _HISTORY_TRIGGERS) - _after_triggers(words, starts, _ASKED_FROM)) \
        | _past_clauses(words, starts, _PAST_WORDS, _PAST_PAIRS)
    history |= _after_triggers(words, _breaks(folded, _SENTENCE_BREAK), _INVOLVED_TRIGGERS, reach=10)
    # a discharge letter's heading names its sender and ward («Epikrise Sandnes DPS, døgnenhet.»)
    heading = _letter_heading(words, folded)
    history |= heading
    history |= _before_triggers(words, starts, _DONE_BY) | _before_triggers(words, starts, _TRIED, reach=8) \
        | _involved(words) | _stays_after(words) \
        | _had_already(words, starts) | _counted_stays(words, starts)
    history |= _note_sections(folded)[1]
    # a refusal reaches a little further: «møter verken til timer hos meg eller på DPS»
    refusing = _after_triggers(words, starts, _REFUSAL_TRIGGERS, reach=8) | _ruled_out(words, starts) \
        | _before_triggers(words, _breaks(folded, _SENTENCE_BREAK), _TURNED_DOWN, reach=8) \
        | _after_triggers(words, starts, {"avslag": [("avslag", "fra")]})
    if _REJECTED.search(folded):
        refusing |= heading | _rejecting(folded)
    return history, refusing, _later_steps(words, starts) | _after_triggers(words, starts, _AFTER_BEFORE, reach=4) \
        | _afterwards(words, starts), \
        heading


_LEFT_SCHOOL: dict[str, list[tuple[str, ...]]] = {}
for _trigger in (("droppa", "ut"), ("droppet", "ut"), ("dropper", "ut"), ("droppar", "ut"), ("slutta", "pa"),
                 ("sluttet", "pa"), ("hoppa", "av"), ("hoppet", "av"), ("avbrutt",), ("avbrote",),
                 *((done, no) for done in ("fullforte", "fullfort") for no in ("ikke", "ikkje")),
                 *((no, done) for done in ("fullforte", "fullfort") for no in ("ikke", "ikkje"))):
    _LEFT_SCHOOL.setdefault(_trigger[0], []).append(_trigger)


def left_school_positions(text: str) -> set[int]:
    """Token positions that tell a school left behind («har droppa ut av vgs», «fullførte ikkje vgs»), the words
    that say so included."""
    folded = fold(text)
    words = _TOKEN_SPAN.findall(folded)
    spans = {j for first, end in _trigger_spans(words, _LEFT_SCHOOL) for j in range(first, end)}
    return spans | _after_triggers(words, _clause_starts(folded), _LEFT_SCHOOL, reach=4) if spans else set()


def declining_positions(text: str) -> set[int]:
    """Token positions of what the patient says no to («ønsker ikke sykehjem»): not a dropout or a door that said no,
    where what was left («droppet ut av vgs») may still be the need."""
    folded = fold(text)
    return _after_triggers(_TOKEN_SPAN.findall(folded), _clause_starts(folded), _DECLINING_TRIGGERS, reach=8)


# A journal note's sections open with a heading («Anamnese:», «Plan:»). A history section («Anamnese: … Funn: …»)
# names where the patient was, up to the next heading; a question in it («… Hva nå?») is asked now.
_HEADING = re.compile(r"(?:^|(?<=[\n.;!?]))\s*((?:[a-z]+ ){0,2}[a-z]+)\s*:")
_SENTENCE = re.compile(r"[^.;!?\n]+[.;!?\n]?")
_ASKS_NOW = re.compile(r"\b(?:trenger|treng|onsker|onskjer|vil ha|behov for|ber om|sporsmal)\b")
_HISTORY_HEADINGS = frozenset({"anamnese", "anamnesen", "sykehistorie", "sjukehistorie", "forhistorie", "tidligere",
                               "tidlegare", "tidl", "historikk", "rusanamnese", "bakgrunn", "forlop", "tidligere sykdommer",
                               "tidligere behandling", "tidlegare behandling", "tidligere kontakt"})
# The one-word labels of sections («Vurdering:», «Plan:») say what follows, not what the patient needs
_NOTE_LABELS = frozenset({"vurdering", "vurderinger", "plan", "planen", "funn", "status", "tiltak", "konklusjon",
                          "undersokelse", "us", "problemstilling", "sporsmal", "aktuelt", "anamnese"})


def _note_sections(folded: str) -> tuple[set[int], set[int]]:
    """The token positions of a journal note's section labels, and those its history sections tell."""
    headings = list(_HEADING.finditer(folded))
    if not any(h.group(1) in _NOTE_LABELS or h.group(1) in _HISTORY_HEADINGS for h in headings):
        return set(), set()
    spans = [m.span() for m in _TOKEN_SPAN.finditer(folded)]
    label_starts = {h.start(1) for h in headings if h.group(1) in _NOTE_LABELS}
    labels = {i for i, (start, _) in enumerate(spans) if start in label_starts}
    history: set[int] = set()
    for k, heading in enumerate(headings):
        if heading.group(1) not in _HISTORY_HEADINGS:
            continue
        end = headings[k + 1].start(1) if k + 1 < len(headings) else len(folded)
        for sentence in _SENTENCE.finditer(folded, heading.end(), end):
            if sentence.group(0).rstrip().endswith("?") or _ASKS_NOW.search(sentence.group(0)):
                continue
            history.update(i for i, (a, b) in enumerate(spans) if sentence.start() <= a and b <= sentence.end())
    return labels, history


_STAYS = frozenset({"opphold", "oppholdet", "opphald", "opphaldet", "innleggelse", "innleggelsen", "innlegging",
                    "innlegginga", "innleggingen"})


_QUESTION_WORDS = frozenset({"hva", "kva", "hvilken", "hvilke", "hvilket", "kvar", "kor", "hvor", "kven",
                             "hvem", "kem"})
_FRONTED_HAS = frozenset({"han", "ho", "hun", "hen", "dei", "de", "dere", "pas", "pasienten"})


def _had_already(words: list[str], starts: set[int]) -> set[int]:
    """«NAV unge voksne har han.»: a service put first and then said to be had is what the patient has already (the
    clause ends right after the pronoun)."""
    positions: set[int] = set()
    for k in range(1, len(words) - 1):
        if words[k] in ("har", "hadde") and words[k + 1] in _FRONTED_HAS and (k + 2 == len(words) or k + 2 in starts) \
                and k not in starts:
            start = max((j for j in starts if j < k), default=0)
            if words[start] not in _QUESTION_WORDS:  # «Hvilken DPS har han?» asks for it
                positions.update(range(start, k))
    return positions


_STAYS_COUNTED = frozenset({"innleggelse", "innlegging", "innleggelsen", "innlegginga", "avrusning", "avrusing",
                            "opphold", "tvangsinnleggelse", "tvangsinnlegging"})
_COUNTS = frozenset({"andre", "tredje", "fjerde", "femte", "sjette", "sjuande", "sjuende", "siste", "mange", "flere",
                     "fleire", "gjentatte", "gjentekne", "ny", "nye"})


def _counted_stays(words: list[str], starts: set[int]) -> set[int]:
    """«4. innleggelse på akutten Ahus siste året»: a stay counted among others is the history, with its place."""
    positions: set[int] = set()
    for i in range(1, len(words)):
        if words[i] in _STAYS_COUNTED and (words[i - 1].isdigit() or words[i - 1] in _COUNTS):
            positions |= {i} | _in_clause(i + 1, min(len(words), i + 5), starts)
    return positions


def _stays_after(words: list[str]) -> set[int]:
    """«etter DPS-opphold», «etter Lurud-innleggelsen»: the place of a stay that is over."""
    positions: set[int] = set()
    for i, word in enumerate(words):
        if word in _STAYS:
            for k in range(i - 1, max(-1, i - 4), -1):
                if words[k] == "etter":
                    positions.update(range(k + 1, i))
                    break
    return positions


def _later_steps(words: list[str], starts: set[int]) -> set[int]:
    """«før ev. henvisning til ARA»: a step that may come later, not the door asked for now («før» folds to «for»:
    the «ev.» tells them apart); «venter på plass», «fram til innlegging»: one already under way."""
    positions = _after_triggers(words, starts, _PENDING, reach=6)
    if _WAITING.intersection(words):
        # «Henvist BUP i mars … Hva kan kommunen gi mens de venter?»: the referral made and its place are under way
        positions |= {i for i, word in enumerate(words) if word in _REFERRED} \
            | _after_triggers(words, starts, _REFERRED, reach=4)
    # «BUP har sikkert lang ventetid – kva finst lokalt?»: a door named for its wait, not the one asked for now
    positions |= _before_triggers(words, starts, _SLOW_DOOR)
    for i in range(len(words) - 2):
        if words[i] in ("for", _BEFORE_MARK) and words[i + 1] in _MAYBE and words[i + 2] in _LATER:
            positions |= {i + 1, i + 2} | _in_clause(i + 3, min(len(words), i + 7), starts)  # «ev.» ends no clause
    return positions


def _afterwards(words: list[str], starts: set[int]) -> set[int]:
    """«og vurderer kurs i depresjonsmeistring seinare»: the clause before a word for later asks for nothing now."""
    positions: set[int] = set()
    for i, word in enumerate(words):
        if word in _AFTERWARDS or tuple(words[i - 1:i + 1]) in _AFTERWARDS_PAIRS:
            start = max((s for s in starts if s <= i), default=0)
            positions.update(range(max(start, i - 7), i + 1))
    return positions


_SLOW_DOOR: dict[str, list[tuple[str, ...]]] = {"har": [
    ("har", *maybe, long, wait) for maybe in ((), ("sikkert",), ("nok",), ("vel",), ("kanskje",))
    for long in ("lang", "lange") for wait in ("ventetid", "ventetider", "venteliste", "ventelister")]}
_AFTERWARDS = frozenset({"seinare", "senere", "senare", "seinere"})
_AFTERWARDS_PAIRS = frozenset({("pa", "sikt"), ("etter", "hvert"), ("etter", "kvart")})
_MAYBE = frozenset({"ev", "evt", "evnt", "eventuell", "eventuelt", "eventuelle", "mulig", "mogleg"})
_LATER = frozenset({"henvisning", "henv", "tilvising", "tilv", "innleggelse", "innlegging", "soknad", "overforing"})


def _ruled_out(words: list[str], starts: set[int]) -> set[int]:
    """«vil snakke med psykolog, IKKE helsesykepleier», «DPS, men ikke innleggelse»: what a clause opening with «ikke»
    names."""
    positions: set[int] = set()
    for i, word in enumerate(words):
        if word in ("ikke", "ikkje") and (i in starts or i and words[i - 1] == "men") \
                and words[i + 1:i + 2] not in (["bare"], ["berre"], ["kun"], ["bara"]):  # «ikkje berre»: not only
            reach = 7 if words[i + 1:i + 2] and words[i + 1] in _NOT_READY_FOR else 4  # «ikke motivert for A-senter/institusjon»
            positions |= _in_clause(i + 1, min(len(words), i + reach), starts)
    return positions


_NOT_READY_FOR = frozenset({"motivert", "interessert", "klar", "villig", "aktuell", "aktuelt", "apen", "open",
                            "hore", "hoyre"})  # «vil ikke høre snakk om nedtrapping»


def _trigger_spans(words: list[str], triggers: dict[str, list[tuple[str, ...]]]) -> Iterator[tuple[int, int]]:
    """Where each trigger phrase stands in the words: (first position, position after it)."""
    for i, word in enumerate(words):
        for trigger in triggers.get(word, ()):
            if tuple(words[i:i + len(trigger)]) == trigger:
                yield i, i + len(trigger)


def _after_triggers(words: list[str], starts: set[int], triggers: dict[str, list[tuple[str, ...]]],
                    reach: int = 6, at: set[int] | None = None) -> set[int]:
    """The words after each trigger phrase (only one that begins at a position of `at`, if given), to the end of its
    clause and at most `reach`."""
    positions: set[int] = set()
    for first, end in _trigger_spans(words, triggers):
        if at is not None and first not in at:
            continue
        for j in range(end, min(len(words), end + reach)):
            if j in starts:
                break
            positions.add(j)
    return positions


def _before_triggers(words: list[str], starts: set[int], triggers: dict[str, list[tuple[str, ...]]],
                     reach: int = 4) -> set[int]:
    """The words before each trigger phrase, back to the start of its clause and at most `reach`."""
    positions: set[int] = set()
    for first, _ in _trigger_spans(words, triggers):
        for j in range(first - 1, max(-1, first - 1 - reach), -1):
            positions.add(j)
            if j in starts:
                break
    return positions


def _past_clauses(words: list[str], starts: set[int], singles: frozenset[str],
                  pairs: frozenset[tuple[str, str]]) -> set[int]:
    """The clauses that say when something happened in the past: «Avrusning ARA Nordbyhagen forrige uke, utskrevet
    hjem» tells what happened, not what is asked for."""
    bounds = sorted(starts | {0, len(words)})
    positions: set[int] = set()
    for i, word in enumerate(words):
        if word in singles or tuple(words[i:i + 2]) in pairs:
            k = bisect.bisect_right(bounds, i)
            before = words[bounds[k - 1]:i]
            if _SINCE.intersection(before):
                continue  # «drikker daglig siden kona døde i fjor»: ongoing
            # «drikk mykje etter at kona døydde i fjor»: only the death is past, the drinking goes on
            after = next((bounds[k - 1] + j for j, pair in enumerate(zip(before, before[1:])) if pair == ("etter", "at")),
                         bounds[k - 1])
            positions.update(range(after, bounds[k]))
    return positions


def _youth_at_risk(hits: list[ConceptHit], lexicon: Lexicon, age: int | None,
                   band: tuple[int, int] | None) -> list[ConceptHit]:
    """A young person who uses substances and skips school, is drawn into crime or is to be reached by outreach, or a
    minor who drinks or gets high at weekends, is what services call «risikoutsatt ungdom»: the outreach doors for
    them fit too (Utekontaktene)."""
    young = age is not None and age < 20 or age is None and band is not None and band[1] <= 25
    have = {h.concept for h in hits}
    using = any(h.primary and (h.concept == "rus" or lexicon.concepts[h.concept].facet == "rusmiddel")
                for h in hits if h.concept in lexicon.concepts)  # the young person's own use, not a parent's
    if not young or not using or "risikomiljo" in have or "risikomiljo" not in lexicon.concepts:
        return hits
    if have & {"skole", "kriminalitet", "utenforskap", "oppsokende"}:
        return [*hits, ConceptHit("risikomiljo", 0.7, "ung, rus og skulk", "pattern")]
    if age is not None and age < 18 and "rus_tidlig" in have:
        return [*hits, ConceptHit("risikomiljo", 0.7, "under 18 og rus", "pattern")]
    return hits


def _old_age(hits: list[ConceptHit], lexicon: Lexicon, age: int | None,
             band: tuple[int, int] | None) -> list[ConceptHit]:
    """A patient of pensionable age («kvinne 78», «mann i 70-åra») is one of «eldre»: the doors made for them fit
    (a bokollektiv for eldre, an eldresenter), if only a little more than those for every adult."""
    old = age is not None and age >= PENSION_AGE or age is None and band is not None and band[0] >= PENSION_AGE
    # an old relative who asks as one («Bestemor 67 har tatt over omsorgen …») needs a relative's help, not old age's
    carer = any(h.concept == "parorende" and h.how == "relative" for h in hits)
    if not old or carer or "eldre" not in lexicon.concepts:
        return hits
    # a pensioner who sits at home is alone, not out of school and work («mann 84 … sitter hjemme»)
    hits = [h for h in hits if h.concept != "utenforskap"]
    if any(h.concept == "eldre" for h in hits):
        return hits
    return [*hits, ConceptHit("eldre", 0.8, f"alder {age}" if age is not None else "eldre", "pattern")]


# Use that is past its beginning: heavy, injected, dependent, dealing («ruser seg tungt», «selger litt»)
_HEAVY_USE = ("tung", "injiser", "sproyt", "setter", "avheng", "misbruk", "selg", "langer")
OCCASION_REACH = 5  # words between a weekend or a party and the substance used then
_DEPENDENT_IN_WORD = re.compile(r"avheng|misbruk")  # «avhengig», «alkoholavhengig», «rusmisbruk»


def _pattern_of_use(hits: list[ConceptHit], words: list[str], lexicon: Lexicon,
                    minor_age: int | None) -> list[ConceptHit]:
    """A substance taken at weekends or parties («røyker weed hver helg», «drikk i helgane»), or by a minor, is early
    use: the doors for begynnende rusbruk fit (the early help for those under 18 who are developing a problem).
    `minor_age`: the patient's age, unless the parents ask for themselves."""
    if "rus_tidlig" not in lexicon.concepts or any(h.concept == "rus_tidlig" for h in hits):
        return hits
    substance = any((lexicon.concepts[h.concept].facet == "rusmiddel" or h.concept == "rus") and h.primary
                    for h in hits)  # not a parent's; «ruser seg i helgane» too
    dependent = any(_DEPENDENT_IN_WORD.search(w) and not (i and words[i - 1] in NEGATORS) for i, w in enumerate(words))

    def near_use(i: int) -> bool:  # «drikk i helgane», not «lagt inn i helgen … har drukket»
        return any(lexicon.concepts[c].facet == "rusmiddel" or c in ("rus", "rus_tidlig")
                   for w in words[max(0, i - OCCASION_REACH):i + OCCASION_REACH + 1] for c in lexicon.lookup(w)
                   if c in lexicon.concepts)
    occasion = next((w for i, w in enumerate(words) if w.startswith(("helg", "fest", "party")) and near_use(i)), None)
    if substance and occasion and not dependent:  # «alkoholavhengig … må ut før helga»: a deadline, not a habit
        return [*hits, ConceptHit("rus_tidlig", 0.8, occasion, "pattern")]
    if substance and minor_age is not None and minor_age < 18 and not any(w.startswith(_HEAVY_USE) for w in words):
        return [*hits, ConceptHit("rus_tidlig", 0.8, f"alder {minor_age}", "pattern")]
    return hits


_FAMILY_WORDS = frozenset({"familie", "familien", "familia"})


def _an_adults_family(hits: list[ConceptHit], patient: ages.AgeMention | None, words: list[str]) -> list[ConceptHit]:
    """«Mann 36 med schizofreni … familien vil ha ansvarsgruppe»: an adult's family are relatives around him, not a
    family with children asking for family support."""
    if patient is None or patient.value < 18 or not ages.CHILD_WORDS.isdisjoint(words):
        return hits
    return [_aside(h) if h.concept == "familie" and h.primary and fold(h.matched) in _FAMILY_WORDS else h for h in hits]


def _aside(hit: ConceptHit) -> ConceptHit:
    """What describes the patient or the situation, not what is asked for: half the weight, not primary."""
    return replace(hit, weight=hit.weight * PAST_WEIGHT, primary=False)


# Parents who ask for support for themselves («spør om veiledning for seg selv», «grupper med andre foreldre»)
_PARENTS_OWN = re.compile(r"\bfor (?:seg|oss) (?:selv|sjolv|sjol)\b|\bfor (?:egen|eigen|eiga|var|vaar) del\b|"
                          r"\b(?:andre|fleire|flere) (?:foreldre|foreldra|foresatte)\b|\bforeldregrupp")


def _parents_asking(hits: list[ConceptHit], age: int | None, parents_own: bool) -> list[ConceptHit]:
    """Parents named in the question: an adult's worried parents («M22 …, foreldre bekymret») are context, not a need
    for family support; parents asking about their child of 17 («foreldre til gutt som fyller 18») ask for the child's
    door, not for relatives' support, unless they ask for themselves («veiledning for seg selv»)."""
    if age is None or parents_own:
        return hits
    concept = "familie" if age >= 18 else "parorende"
    # «gut 17, hasj på fest, foreldra er uroa»: a minor's own trouble is asked about; the parents are only named
    own_trouble = age < 18 and any(h.primary and h.concept not in ("familie", "parorende") for h in hits)

    def context(hit: ConceptHit) -> bool:
        said = fold(hit.matched)
        return hit.how != "relative" and (hit.concept == concept and said.startswith(PARENT_PREFIXES)
                                          or own_trouble and hit.concept == "familie" and said in BARE_PARENTS)
    return [_aside(h) if context(h) else h for h in hits]


# Words that say an adult studies: what they do, not a problem at school («F41.1, 22 år, studerer på nett»).
STUDENT_WORDS = frozenset({"studerer", "studier", "studiet", "student", "studenten", "utdanning", "elev"})
PAST_SCHOOL_AGE = 21


# help asked for the children themselves («Hva har Nes for barna?», «noko til ungane?», «kva tilbod t ungane?»)
_FOR_THE_CHILDREN = re.compile(r"\b(?:for|til|te|t)\s+(?:barna|borna|ungane|ungene|ungan|barnet|ungen|"
                               r"(?:de|dei|begge|to|tre)\s+(?:barna|borna|ungane|ungene))\b|"
                               # «han vil at noen snakker med dem»
                               r"\b(?:snakk|prat|samtal)\w*\s+med\s+(?:dem|dei|barna|borna|ungane|ungene|ungan|barnet|ungen)\b")


_WORRY = ("bekym", "uro", "redd", "engst")
_THE_PATIENT = frozenset({"pas", "pasient", "pasienten", "pt", "pasientar", "pasienter"})
_PARENT_NAMES = frozenset({"far", "faren", "pappa", "pappaen", "mor", "moren", "mora", "mamma", "mammaen", "foreldre",
                           "foreldrene", "forelder"})


def _asked_for_the_children(hits: list[ConceptHit], lexicon: Lexicon, folded: str,
                            themselves: bool = False) -> list[ConceptHit]:
    """An ill parent, their children named, and help asked for the children («Pas K 38, bipolar … Barna 7 og 11 …
    Hva har Nes for barna?»): the children as relatives are what is asked for; the parent's illness is the case,
    unless the parent asks for help for herself too («vil ha samtaler for seg selv og hjelp til ungene»)."""
    if not any(h.concept == "barn_som_parorende" and h.how == "relative" for h in hits) \
            or not _FOR_THE_CHILDREN.search(folded):
        return hits
    if themselves:
        return [replace(h, weight=1.0, how="pattern") if h.concept == "barn_som_parorende" else h for h in hits]
    # the parent's worry for them («bekymra for barna») is a relative's worry, no sign of neglect
    return [replace(h, weight=1.0, how="pattern") if h.concept == "barn_som_parorende"
            else _aside(h) if h.primary and (lexicon.concepts[h.concept].area in CONDITION_AREAS or h.concept == "omsorgssvikt"
                                             and fold(h.matched).startswith(_WORRY)) else h for h in hits]


def _children_as_relatives(hits: list[ConceptHit], lexicon: Lexicon, folded: str) -> list[ConceptHit]:
    """«ansvar for barna som pårørende»: asked for the children as relatives, the relatives' door in general is
    the broader one, and a worry for the children («bekymret for barna») is a relative's, no sign of neglect; nor is
    a parent's use alone («far drikk mye, noe for ungen å snakke med?»). «Barna trenger oppfølging som pårørende»:
    the children are the relatives the role word names."""
    as_relatives = _CHILDREN_AS_RELATIVES.search(folded) is not None
    if as_relatives and "barn_som_parorende" in lexicon.concepts \
            and not any(h.concept == "barn_som_parorende" for h in hits):
        # «at barna blir fulgt opp som pårørende»: the role word names the children
        hits = [replace(h, concept="barn_som_parorende") if h.concept == "parorende" and h.primary
                and fold(h.matched) in _ROLE_WORDS else h for h in hits]
    if as_relatives and any(h.concept == "barn_som_parorende" and h.primary for h in hits):
        hits = [_aside(h) if h.concept == "parorende" and h.primary and fold(h.matched) in _ROLE_WORDS else h
                for h in hits]
    if not any(h.concept == "barn_som_parorende" and h.primary and h.how != "relative" for h in hits):
        return hits
    return [_aside(h) if h.concept == "parorende" and h.how == "relative" or h.primary and h.concept == "omsorgssvikt"
            and (fold(h.matched).startswith(_WORRY) or _a_parents_use(h.matched, lexicon)) else h for h in hits]


_ROLE_WORDS = frozenset({"parorende", "parorande", "som parorende", "som parorande"})
_CHILDREN_AS_RELATIVES = re.compile(r"\b(?:barna|barnet|borna|ungane|ungene|ungen|ungar|ungdommen)\b[^.?!\n]*\bsom (?:parorende|parorande)\b")


_BENEFITS = r"(?:a?ap|arbeidsavklaringspenger|ufore\w*|bostotte|sosialhjelp|sosialstonad|startlan|dagpenger|sykepenger|kvp)"
_BENEFITS_APPLICATION = re.compile(r"\b" + _BENEFITS + r"\s*-?\s*(?:soknad|soknaden)\b|\b(?:soknad|soknaden) (?:om|pa|til) "
                                   + _BENEFITS + r"\b")
_APPLICATION = re.compile(r"\b(?:soknad|soknaden)\b")
_APPLICATION_WORDS = frozenset({"soknad", "soknaden"})


def _only_benefits_applied_for(folded: str) -> bool:
    """Every application the text names is one to NAV for a benefit («på AAP-søknad»)."""
    return bool(_BENEFITS_APPLICATION.search(folded)) \
        and len(_APPLICATION.findall(folded)) <= len(_BENEFITS_APPLICATION.findall(folded))


def _a_benefits_application(hits: list[ConceptHit], folded: str) -> list[ConceptHit]:
    """«AAP-søknad avslått»: an application to NAV for a benefit is no application for health and care services."""
    if not _only_benefits_applied_for(folded):
        return hits
    return [h for h in hits if not (h.concept == "tildeling" and fold(h.matched).startswith("soknad"))]


# the schools a young adult has left behind («helsestasjonspsykologen ho gjekk til på ungdomsskulen», 19 år)
_LOWER_SCHOOLS = ("ungdomsskol", "ungdomsskul", "barneskol", "barneskul", "grunnskol", "grunnskul", "barnehag")
OUTGROWN_AGE = 18


def _grown_up_in_care(hits: list[ConceptHit], age: int | None, folded: str) -> list[ConceptHit]:
    """An adult who grew up in foster care or with the child protection service («Vokst opp i fosterhjem/barnevern til
    18»), or who is leaving it («18 år, barnevernet trappar ned, kven tek over etter barnevernet?»): his childhood
    and the aftercare his age may still give, not a child in need of care now."""
    if age is None or age < 18 or not (_GREW_UP.search(folded) or any(
            h.concept == "ettervern" and h.primary for h in hits)):
        return hits
    return [_aside(h) if h.primary and h.concept == "omsorgssvikt" and fold(h.matched).startswith(_CARE_WORDS) else h
            for h in hits]


_GREW_UP = re.compile(r"\b(?:vokst|vokste|vokse|vakse|vaks) opp\b|\boppvekst|\bi barndommen\b|\bsom barn\b")
_CARE_WORDS = ("barnevern", "fosterhjem", "beredskapshjem", "barnevernsinstitusjon")


# «flytta heimanfrå etter vgs», «ferdig med videregående»: a school an adult has finished
_FINISHED_SCHOOL = re.compile(r"\b(?:etter|ferdig med|ferdig pa|fullfort|fullforte)\s+(\w+)")


def _school_outgrown(hits: list[ConceptHit], age: int | None, folded: str) -> list[ConceptHit]:
    """A school an adult no longer goes to («på ungdomsskulen») or has finished («etter vgs») tells the history, not
    a school problem now."""
    if age is None or age < OUTGROWN_AGE:
        return hits
    finished = {m.group(1) for m in _FINISHED_SCHOOL.finditer(folded)}
    return [h for h in hits if not (h.concept == "skole" and (
        fold(h.matched).startswith(_LOWER_SCHOOLS) and "alder" not in fold(h.matched)  # «born i barneskulealder»
        or fold(h.matched) in finished))]


# «kan han ringe selv?»: may he call the service himself, without a referral; no wish for a phone line
_CALLS_THEMSELVES = re.compile(r"\bringj?e (?:selv|sjolv|sjol|direkte|dit selv|dit sjolv)\b")
_CALL_WORDS = ("ringe", "ringje")


def _calling_without_referral(hits: list[ConceptHit], folded: str) -> list[ConceptHit]:
    """A phone line named only by the verb of a call the patient may make himself is a question of referral."""
    if not _CALLS_THEMSELVES.search(folded):
        return hits
    return [_aside(h) if h.concept == "telefon" and h.primary and fold(h.matched).endswith(_CALL_WORDS) else h
            for h in hits]


def _a_parents_use(said: str, lexicon: Lexicon) -> bool:
    """«far drikker», «mor ruser seg»: a parent named, and what they use."""
    words = fold(said).split()
    return len(words) >= 2 and words[0] in _PARENT_NAMES and any(
        lexicon.concepts[c].area == "rus" for w in words[1:] for c in lexicon.lookup(w))


# A school named only as where a pupil goes («gutt 17 vgs»), and what a named school may be troubled by
_BARE_SCHOOL = frozenset({"vgs", "videregaende", "vidaregaande", "skole", "skolen", "skule", "skulen", "ungdomsskole",
                          "ungdomsskule", "barneskole", "barneskule", "elev", "vg1", "vg2", "vg3"})
_SCHOOL_TROUBLE = re.compile(r"\b(?:ikke|ikkje|ikkj)\s+(?:gatt|vaert|vore|moter|mott|klarer|klarar|orker|orkar|"
                             r"kommer|kjem)\b|slit|problem|vansk|dropp|slutt|fall|konflikt|larer|rektor|"
                             r"helsesykepleier|helsesjukepleiar|borte|hjemme fra|heime fra|karakter|prestasjon|presset|press\b")


def _a_pupils_school(hits: list[ConceptHit], age: int | None, folded: str) -> list[ConceptHit]:
    """For a pupil, a school named with no trouble at it is where they go («P76 gutt 17 vgs, moderat depr»)."""
    if age is None or age >= 18 or _SCHOOL_TROUBLE.search(folded) or any(
            fold(h.matched) not in _BARE_SCHOOL for h in hits if h.concept == "skole"):
        return hits
    return [_aside(h) if h.concept == "skole" else h for h in hits]


def _an_adult_student(hits: list[ConceptHit], age: int | None) -> list[ConceptHit]:
    """An adult's studies, and school for someone past school age («K 24, har ikke fullført vgs»), tell who the
    patient is: the school's services are for pupils."""
    if age is None or age < 18:
        return hits
    return [_aside(h) if h.concept == "skole" and (age >= PAST_SCHOOL_AGE or fold(h.matched) in STUDENT_WORDS) else h
            for h in hits]


# «jobber deltid», «jobbar som snekkar»: a job held tells who the patient is; help with work is asked for otherwise
_HOLDS_A_JOB = re.compile(r"\bjobb(?:er|ar) (?:(?:fortsatt|framleis|fremdeles|enno|enna|enda|stadig|na|no) )?(?:deltid|delvis|fulltid|heltid|\d+|som|i|pa|hos|turnus|skift|fast|litt|noe|noko|"
                          r"redusert|full|vanlig|vanleg)\b|"
                          r"\b(?:fungerer|fungerar|klarer seg|klarar seg|greier seg|gar det bra|gar bra)\s+(?:\w+\s+){0,2}"
                          r"(?:pa|i)\s+(?:jobb|jobben|arbeid|arbeidet)\b|\b(?:er i|har) (?:fast|full|fulltids?) ?(?:jobb|arbeid)\b")
_WORK_TROUBLE = re.compile(r"\b(?:sykmeld\w*|sjukmeld\w*|ufor\w*|miste jobben|mista jobben|tilbake i (?:jobb|arbeid)|"
                           r"arbeidsrett\w*|arbeidstrening|ips|jobbsok\w*|(?:klarer|klarar|greier|orker|orkar) ikke? jobben|"
                           r"(?:i|pa) jobben|pa arbeidsplassen|konflikt\w* pa jobb\w*|nav)\b")


def _holds_a_job(hits: list[ConceptHit], folded: str) -> list[ConceptHit]:
    held = list(_HOLDS_A_JOB.finditer(folded))
    rest = _HOLDS_A_JOB.sub(" ", folded)
    if not held or _WORK_TROUBLE.search(rest):
        return hits
    said = {w for m in held for w in m.group(0).split()}
    return [_aside(h) if h.concept == "arbeid" and fold(h.matched) in said else h for h in hits]


# «arbeidsledig», «mister jobben snart», «ingen jobb», «går på AAP»: a job lost or not had, told as the patient's state
_OUT_OF_WORK = re.compile(r"\b(?:arbeidsledig\w*|arbeidslos\w*|arbeidslaus\w*|permittert|oppsagt|a{1,2}p|uforetrygd\w*|"
                          r"(?:mist\w*|miss\w*)\s+(?:jobben|jobb|arbeidet|arbeid)|"
                          r"(?:ingen|uten|utan|ute av|ikke i|ikkje i)\s+(?:jobb|arbeid)|"
                          r"slutt\w*\s+(?:a\s+|aa\s+)?(?:jobbe|jobba|arbeide|arbeida|i\s+jobben|i\s+jobb)|"
                          r"slutt\w*\s+(?:i|pa)\s+(?:laerlingplass\w*|laereplass\w*|laerlingkontrakt\w*|laera)|"
                          # «sykmeldt 3 mnd fra jobb i butikk», «sykmeldt 100 % fra jobben»
                          r"(?:sykmeld\w*|sjukmeld\w*|sykemeld\w*)(?:\s+[\w%]+){0,3}?\s+(?:fra|fraa)\s+(?:jobben|jobb|arbeidet|arbeid))\b")


def _out_of_work(hits: list[ConceptHit], folded: str, lexicon: Lexicon, age: int | None) -> list[ConceptHit]:
    """A drug or alcohol problem or a psychosis with a job lost («M 29, hasj daglig, arbeidsledig, vil slutte», «isolert,
    sluttet i lærlingplass, … prodromal psykose»), or work a pensioner stopped («K 67, nedstemt siden hun slutta å
    jobbe»): the job tells what happened; the help asked for is with the use, the illness or the mood. Work stays asked
    for when any other word asks for it."""
    work = [h for h in hits if h.concept == "arbeid"]
    retired = age is not None and age >= PENSION_AGE
    if not work or not retired and not any(h.primary and (lexicon.concepts[h.concept].area == "rus"
                                                          or h.concept in PSYCHOSES) for h in hits):
        return hits
    said = {w for m in _OUT_OF_WORK.finditer(folded) for w in m.group(0).split()}
    if any(not set(fold(h.matched).split()) <= said for h in work):
        return hits
    return [_aside(h) if h.concept == "arbeid" else h for h in hits]


# «hele døgnet», «om natta»: a need for help around the clock only where it is about reaching someone («noen å
# ringe hele døgnet», «åpent om natta»); after anything else it tells when the trouble is («gamer hele døgnet»).
SPANS_OF_TIME = frozenset({"hele dognet", "heile dognet", "dognet rundt", "om natta", "om natten", "pa natta", "pa natten",
                           "om kvelden", "om nettene", "kveldstid", "pa kveldstid", "nattestid", "pa natt", "utover natta",
                           "utover natten", "hele natta", "heile natta", "hele natten", "heile natten"})
_REACHING = re.compile(r"\b(?:ring\w*|apen|apent|ope|open|opne|tilgjengelig\w*|hjelp\w*|kontakt\w*|noen|nokon|svarer|svarar|"
                       r"bemann\w*|vakt\w*|tilbud|tilbod|tjeneste\w*|teneste\w*|sted|stad|plass|snakke|prate|hvor|kor|kvar|akutt\w*)"
                       r"(?:\s+\w+){0,3}\s*$")


_EXERCISE = ("trener", "trenar", "trening", "trent", "trente", "trene", "jogger", "loper", "springer")  # folded


def _underweight(hits: list[ConceptHit], lexicon: Lexicon, words: list[str], age: int | None) -> list[ConceptHit]:
    """A young patient's BMI below 17 («jente 15, spiser lite, BMI 16,8»), or kilos lost while eating little («gutt 15,
    spiser lite, ned 6 kg siden jul»), or a child who eats little, speaks of an eating disorder, named or not."""
    if age is not None and age >= YOUNG_UNDERWEIGHT or "spiseforstyrrelse" not in lexicon.concepts \
            or any(h.concept == "spiseforstyrrelse" for h in hits):
        return hits
    low = _low_bmi(words)
    lost = next((f"ned {b} kg" for a, b, c in zip(words, words[1:], words[2:]) if a == "ned" and b.isdigit() and c == "kg"),
                None)
    eats_little = next((" ".join(pair) for pair in zip(words, words[1:]) if pair in _EATS_LITTLE), None)
    # a child who eats little («jente 15, spiser lite, vil ikke til BUP»): no one else's loss of appetite
    sign = low or (lost if eats_little else None) or (eats_little if age is not None and age < CHILD else None)
    return hits if sign is None else [*hits, ConceptHit("spiseforstyrrelse", 0.8, sign, "pattern")]


def _low_bmi(words: list[str]) -> str | None:
    """«BMI 16,8» with the number below LOW_BMI, as said («BMI 16»), else None."""
    return next((f"BMI {b}" for a, b in zip(words, words[1:]) if a == "bmi" and b.isdigit() and int(b) < LOW_BMI), None)


_EATS_LITTLE = frozenset((verb, "lite") for verb in ("spiser", "spis", "et", "eter", "ete"))


def _exercise_in_an_eating_disorder(hits: list[ConceptHit]) -> list[ConceptHit]:
    """«trener mye» beside anorexia is a sign of the disorder, not a wish for something to do: no help to match."""
    if not any(h.concept == "spiseforstyrrelse" and h.primary for h in hits):
        return hits
    return [h for h in hits if not (h.concept == "aktivitet" and fold(h.matched).startswith(_EXERCISE))]


def _when_it_happens(hits: list[ConceptHit], folded: str) -> list[ConceptHit]:
    def about_reaching(span: str) -> bool:
        return any(_REACHING.search(folded[:m.start()]) for m in re.finditer(r"\b" + re.escape(span) + r"\b", folded)) \
            or span not in folded
    return [replace(h, weight=h.weight * 0.3, primary=False)
            if h.concept == "dognapent" and fold(h.matched) in SPANS_OF_TIME and not about_reaching(fold(h.matched)) else h
            for h in hits]


_A_PLACE_OF_ONES_OWN = re.compile(r"\s+(?:egen|eiga|eigen|eget|eige|sin|si|sitt|sine|ny|nytt|hybel|hybelen|leilighet|"
                                  r"leiligheit|bolig|bustad)\b")


def _moving_out_is_no_kin(hits: list[ConceptHit], folded: str) -> list[ConceptHit]:
    """«flytte ut fra foreldrene til egen leilighet»: a move from the parents' home, not «foreldrene til» a patient."""
    def moving(hit: ConceptHit) -> bool:
        said = fold(hit.matched)
        places = [m.end() for m in re.finditer(r"\b" + re.escape(said) + r"\b", folded)] if said.endswith(" til") else []
        return bool(places) and all(_A_PLACE_OF_ONES_OWN.match(folded, end) for end in places)
    return [h for h in hits if not (h.concept == "parorende" and h.how == "phrase" and moving(h))]


_HOMELESS = re.compile(r"\b(?:bostedsl|bustadl|husl|uten bolig|utan bustad|uten sted a bo|utan stad a bu|kastet ut|kasta ut|"
                       r"satt pa gata|star pa gata|mistet boligen|mista bustaden|mister boligen|"
                       r"kast(?:et|a|er|ar) (?:henne|ham|han|ho|hu|meg|dem|dei|oss) ut|"
                       r"(?:ingen|ikke noe|ikkje noko|ikkje nokon) (?:steder|sted|stad|stader|plass) a (?:bo|bu))")
_TONIGHT = re.compile(r"\b(?:i natt|inatt|i kveld|ikveld|i dag|idag)\b")
_NOT_TONIGHT = re.compile(r"\b(?:ikke|ikkje|ikkj)\s+$")  # «det haster ikke i natt»


def _homeless_tonight(hits: list[ConceptHit], lexicon: Lexicon, folded: str) -> list[ConceptHit]:
    """«bustadlaus i natt», «blir bostedsløs fra i kveld»: without a home tonight is a need for shelter now."""
    if "akutt_bolig" not in lexicon.concepts or any(h.concept == "akutt_bolig" for h in hits):
        return hits
    homeless = _HOMELESS.search(folded)
    tonight = next((m for m in _TONIGHT.finditer(folded) if not _NOT_TONIGHT.search(folded, 0, m.start())), None)
    if homeless is None or tonight is None:
        return hits
    return [*hits, ConceptHit("akutt_bolig", 1.0, tonight.group(0), "pattern")]


def _shelter_first(hits: list[ConceptHit], lexicon: Lexicon) -> list[ConceptHit]:
    """Nowhere to sleep tonight is the need to meet first; the illness or the drinking beside it describes the
    patient («rusavhengig mann står uten tak over hodet i kveld»: NAV's emergency shelter before the rus team)."""
    if not any(h.concept == "akutt_bolig" and h.primary for h in hits):
        return hits
    return [replace(h, weight=h.weight * 0.6) if lexicon.concepts[h.concept].area in ("psykisk", "rus") else h
            for h in hits]


# What a psychosis does to a young life («trukket seg fra venner, sluttet på skolen»; in a first one also
# «funksjonsfall»): its signs, not needs of their own.
PSYCHOSIS_SIGNS = frozenset({"utenforskap", "ensomhet", "skole"})
FIRST_EPISODE_SIGNS = PSYCHOSIS_SIGNS | {"funksjonssvikt"}  # a known psychosis with low function is FACT's


# Signs of psychosis that began lately in someone with no psychosis known before: a first episode (TIRe's door).
_LATELY = re.compile(r"\b(?:siste|de siste|dei siste|den siste|i det siste|sidan|siden)\s+(?:(?:\d|to|tre|fire|par)\s+)?(?:mnd|maned|manaden|maneden|"
                     r"manedene|manadene|ukene|vekene|uker|veker|tida|tiden|par uker|par veker|halvaret|halvar|halvaaret|aret|"
                     r"vinteren|varen|sommeren|sommaren|hosten|hausten)\b|\bnylig\b|\bnyleg\b|"
                     r"\b(?:begynt|byrja|starta|startet)\s+(?:a|aa)\s+(?:hore|hoyre|se|sja)\b")
_KNOWN_PSYCHOSIS = re.compile(r"schizofren|skizofren|bipolar|kjent psykose|tidligere psykose|tidlegare psykose|"
                              r"psykoselidelse|antipsykot|f2\d|p72|innlagt|innlagd|tilbakefall|residiv")


def _first_episode(hits: list[ConceptHit], folded: str) -> list[ConceptHit]:
    if any(h.concept == "psykose_tidlig" for h in hits) or not any(h.concept == "psykose" and h.primary for h in hits) \
            or not _LATELY.search(folded) or _KNOWN_PSYCHOSIS.search(folded):
        return hits
    said = next(h.matched for h in hits if h.concept == "psykose" and h.primary)
    return [*hits, ConceptHit("psykose_tidlig", 0.8, said, "pattern")]


def _withdrawn_in_psychosis(hits: list[ConceptHit]) -> list[ConceptHit]:
    if not any(h.concept in ("psykose", "psykose_tidlig") and h.primary for h in hits):
        return hits
    signs = FIRST_EPISODE_SIGNS if any(h.concept == "psykose_tidlig" and h.primary for h in hits) else PSYCHOSIS_SIGNS
    return [_aside(h) if h.concept in signs else h for h in hits]


def _as_relative(hits: list[ConceptHit], lexicon: Lexicon, age: int | None, grown: bool) -> list[ConceptHit]:
    """When the patient is a relative, the illness named is the relative's: it describes the situation, while
    the need is support for the patient ('mor til sønn med rusproblemer'). Not when the age given is a child's:
    then the parents are asking about their child ('foreldra til ei jente på 15 år'); nor when a parent writes about a
    child just past school age ('melding frå mor til ein gut på 19: … røyker hasj'), unless the parent asks for their
    own sake or the age is not the child's (`grown`)."""
    parent = any(h.concept == "parorende" and h.primary and fold(h.matched).partition(" ")[0] in ages.PARENT_WORDS
                 for h in hits)
    if not any(h.concept == "parorende" and h.primary for h in hits) or age is not None and (
            age < 18 or age < PAST_SCHOOL_AGE and parent and not grown):
        return hits
    return [_aside(h) if lexicon.concepts[h.concept].area in ("psykisk", "rus") or h.concept in _ABOUT_THE_ILL else h
            for h in hits]


# What a safety reminder tells about the patient, when the words named no concept for it («tankar om at det hadde
# vore lettare å ikkje vere her»).
REMINDER_CONCEPTS = {"suicide": "selvmordstanker", "death_denied": "selvmordstanker", "selfharm": "selvskading"}


def _from_reminders(hits: list[ConceptHit], lexicon: Lexicon, safety: Triage) -> list[ConceptHit]:
    if safety.urgent:
        # «Pårørende ringer: broren er psykotisk og truer naboen med kniv nå»: the danger first, the relative's own
        # support later
        return [_aside(h) if h.concept == "parorende" else h for h in hits]
    have = {h.concept for h in hits}
    said = dict(zip(safety.families, safety.evidence))
    extra = {REMINDER_CONCEPTS[f]: said.get(f, "") for f in safety.families if f in REMINDER_CONCEPTS}
    return hits + [ConceptHit(c, 0.8, words, "triage") for c, words in extra.items()
                   if c not in have and c in lexicon.concepts]


def with_broader(hits: list[ConceptHit], lexicon: Lexicon) -> list[ConceptHit]:
    """Add each concept's broader concepts at lower weight, so a 'cannabis' question also reaches 'rus' services,
    and ROP where a severe illness and a drug are told together (derived here, so it is derived again wherever the
    broader concepts are), unless the illness is only suspected or beginning (a first episode has its own door)."""
    direct = {h.concept for h in hits}
    extra: dict[str, ConceptHit] = {}
    for hit in hits:
        for parent in lexicon.concepts[hit.concept].broader:
            if parent not in direct and (parent not in extra or extra[parent].weight < hit.weight * 0.7):
                extra[parent] = ConceptHit(parent, hit.weight * 0.7, hit.matched, "broader", primary=False)
    # A severe mental illness and a drug told together are ROP («schizofreni og bruker amfetamin»)
    severe = next((h for h in hits if h.primary and h.concept in SEVERE_ILLNESS), None)
    drug = next((h for h in hits if h.primary and (h.concept == "rus" or lexicon.concepts[h.concept].facet == "rusmiddel")),
                None)
    if severe and drug and "rop" not in direct and "psykose_tidlig" not in direct and "rop" in lexicon.concepts:
        extra["rop"] = ConceptHit("rop", 0.5, f"{severe.matched} + {drug.matched}", "broader", primary=False)
    return hits + list(extra.values())


SEVERE_ILLNESS = frozenset({"psykose", "bipolar", "alvorlig_psykisk_lidelse"})  # not a first episode: its own door
