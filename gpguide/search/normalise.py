"""Text normalisation for Norwegian GP shorthand: casefolding, æ/ø/å folding, tokens, stems."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

_TOKEN = re.compile(r"[a-z0-9]+")
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "ae", "ö": "o", "ü": "u"})
# GPs on foreign keyboards write "aa" for å and "oe" for ø; folding both sides the same way makes them meet.
_DIGRAPHS = (("aa", "a"), ("oe", "o"))

_stemmer = Stemmer.Stemmer("norwegian")

# Words that carry no clinical meaning in a GP's question. Snowball's list is too aggressive for us
# ("ikke", "uten", "mot" matter), so this is a short hand-made one for bokmål and nynorsk.
STOPWORDS = frozenset(
    """
    og i pa til med som er en et ei av for har hadde den det de han hun ho seg sin sitt sine at fra om
    var vil kan skal ma ble blir bli vaere vere eg jeg meg deg du vi oss dere dei dem noe noko hva kva
    hvem kven hvor kvar hvordan korleis nar kor sa da enn eller men ogsa ogso bare berre sa veldig mye
    litt mer meir mest nokre noen noe etter under over ved hos per pr ca bl.a evt mtp ift pga
    pasient pasienten pasientar pasienter pas pt fastlege fastlegen lege legen hjelp hjelpe trenger treng
    onsker onskjer ville gjerne tips rad forslag spor lurer finnes fins her hit der dette denne
    ar aring arig aringen arige gammel gamal
    kommune kommunen kommunens tilbud tilbudet tilbod tilboda eget egen eige hver kvar hvilket hvilken kva slags
    nummer info informasjon snart fort raskt gang ikke ikkje lenger lengre
    """.split()
)
# Common words that say nothing about what a service does: never matched in its text («klarer», «flere», «siste»).
FILLER = frozenset(
    """
    flere fleire fler mange alle alt andre annen anna annet helt heilt siste forste ingen inga ingenting
    klarer klarar klare greier far fatt fikk gjor gjore gjort sier seier sagt tror trur synes syns virker verkar tilbake
    ser gar kommer kjem kom tar tek tatt teke hatt vaert vore holder held
    na igjen alltid aldri ofte fortsatt framleis stadig allerede alt lenge tidligere tidlegare
    bra godt darleg darlig stor store liten sma ny nye fast faste person personer menneske folk fare
    dag dager dagar uke uker uka veke veker veka maned maneder manad manader tid oppstart oppstarten
    bruker brukar bruke brukt selv sjolv sjol ganger gonger gang
    henvisning henvise henviser henvist tilvising tilvise tilviser tilvist terskel vente venter ventar ventetid
    uten utan neste hele heile nesten star sitter komme kome bade sted kjent helst rundt slik slike slikt aktuelt
    aktuell aktuelle rett hvilke hvilken sammen saman mens hvis viss fordi svaert lyst gitt nytt verken
    kjenner fungerer ifolge nevner ulike bedre forstar samme klar mellom ligger begynne starte ferdig situasjon
    situasjonen sykdom sykdommen sykdommer sjukdom sjukdommen sjukdommar sykdoms sjukdoms
    apen apne open opne kommune kommunen kommunens kommunal kommunale kommunalt
    enhet enheten enheter einingar eining eininga enheiter
    """.split()
)


@lru_cache(maxsize=256)  # a question's text is folded by several steps
def fold(text: str) -> str:
    """Lowercase and fold Norwegian letters to ASCII so 'Pårørende', 'parorende' and 'paaroerende' meet."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    if not text.isascii():  # accents left after æ/ø/å: «é» in «idé» becomes «e»
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for pair, single in _DIGRAPHS:
        text = text.replace(pair, single)
    return text


_JOINED = re.compile(r"(?<=[^\W\d_])\s*[+&]\s*(?=[^\W\d_])")


_SLASHED = re.compile(r"(?<![^\W\d_])([mMuUvV])/\s*(?=[^\W\d_])")
_SLASHED_WORDS = {"m": "med", "u": "uten", "v": "ved"}


# A GP's shorthand for a word whose phrases the vocabulary knows («tett oppf hjemme»)
_SHORTHAND = re.compile(r"\b(?:oppf|oppfølg)\b\.?", re.IGNORECASE)


# «gt 15 m/ angst», «mor ringer om sønn gt 16», «Nes. gt 16 m/ mor»: a boy or a girl before a young age, first, after a
# word or after a sentence («GT 15» in capitals, or after a liver test, is a lab value)
_YOUNG_SHORTHAND = re.compile(r"(?:^\s*|(?<=[^\W\d_] )|(?<=[.,:;!?)] )|(?<=\n))(gt|Gt|jt|Jt|JT)\.?"
                              r"(?=\s*(?:1\d|2[0-4]|[2-9])\b(?!\s*(?:u/l|ukat|e/l)))")
_LAB_BEFORE = re.compile(r"\b(?:asat|alat|ggt|gt|alp|ldh|bilirubin|cdt|peth|lever\w*|lab\w*|prøve\w*|blodprøve\w*)\b",
                         re.IGNORECASE)
_YOUNG_WORDS = {"gt": "gutt", "jt": "jente"}


def _young_word(found: re.Match) -> str:
    if found.start() and _LAB_BEFORE.search(found.string, max(0, found.start() - 40), found.start()):
        return found.group(0)  # «ALAT 40, gt 15»: a liver test
    return _YOUNG_WORDS[found.group(1).lower()]


def joined(text: str) -> str:
    """«rus+psyk», «angst & depresjon»: a plus or an ampersand between words reads as «og»; «m/», «u/» and «v/» are
    «med», «uten» and «ved» («hjelp m/ medisiner»); «oppf» is «oppfølging»; «gt 15» is «gutt 15»."""
    text = _YOUNG_SHORTHAND.sub(_young_word, text)
    text = _SLASHED.sub(lambda m: _SLASHED_WORDS[m.group(1).lower()] + " ", text)
    text = _SHORTHAND.sub("oppfølging", text)
    return _JOINED.sub(" og ", text)


def tokens(text: str) -> list[str]:
    """Folded word tokens, in order."""
    return _TOKEN.findall(fold(text))


_SURFACE = re.compile(r"[^\W_]+")


def surface(text: str) -> list[str]:
    """The words as written, lowercased but not folded: one per token when nothing odd stands between them."""
    return _SURFACE.findall(unicodedata.normalize("NFKC", text).casefold())


def as_written(text: str) -> list[str]:
    """The words as written, capitals kept («FRAM», «fram»)."""
    return _SURFACE.findall(unicodedata.normalize("NFKC", text))


_QUOTED = re.compile(r"«[^«»\n]{2,80}»|\"[^\"\n]{2,80}\"|“[^“”\n]{2,80}”|(?<![^\W_])'[^'\n]{2,80}'(?![^\W_])")


def quoted_words(text: str) -> set[int]:
    """The positions (as in as_written) of the words inside quotation marks («var det noe som het 'ta seg frem i
    livet'?»): words the GP typed as a name."""
    text = unicodedata.normalize("NFKC", text)
    spans = [m.span() for m in _QUOTED.finditer(text)]
    if not spans:
        return set()
    return {i for i, m in enumerate(_SURFACE.finditer(text)) if any(a < m.start() and m.end() < b for a, b in spans)}


_WRITTEN = re.compile(r"[^\W_]+")
_VOWELS = frozenset("aeiouyæøå")
# Whole words that end a clause as often as any cut-short one («lavterskel først. ruskonsulent?»)
_WHOLE_WORDS = frozenset({"forst", "fyrst", "sent", "seint", "sist"})
# Cut short, but for a word that names no problem: «Mor ringer ang. sønnen» is «angående», not «angst»
_REGARDING = frozenset({"ang", "vedr"})


ASKED_CUT = 8  # letters of a word cut short before a question mark


def abbreviated(text: str) -> set[int]:
    """Indexes of tokens written as an abbreviation: a period right after a word that ends in a consonant, and no
    new sentence after it («Spilleavh. – hjelpelinje?», «avh. av alkohol»), or a question mark after a long one
    («spiseforst?»). Empty when the tokens do not line up."""
    written = unicodedata.normalize("NFKC", text)
    matches = list(_WRITTEN.finditer(written))
    if len(matches) != len(tokens(text)):
        return set()
    found = set()
    for i, match in enumerate(matches):
        after = written[match.end():match.end() + 3]
        word = fold(match.group())
        asked = after.startswith("?") and len(word) >= ASKED_CUT  # «spiseforst?»: a long word cut short and asked
        if not (after.startswith(".") or asked) or after.startswith("..") or word[-1] in _VOWELS or word.isdigit() \
                or word in _WHOLE_WORDS | _REGARDING or word in STOPWORDS or word in FILLER:
            continue
        rest = after[1:].lstrip(" ")
        if not asked and (not rest or rest[0] in ":\n\r" or rest[0].isupper()):  # «Diagn.:» is a heading
            continue
        found.add(i)
    return found


# Words that fold onto a term they are not: «lårene» (the thighs) is no «LAR», «bør» (should) no «bor» (lives).
# A question keeps them apart.
_FALSE_FRIENDS = {"lår": "laar", "bør": "boer"}


def question_tokens(text: str) -> list[str]:
    """The tokens of a question, with the false friends kept apart from what they fold onto."""
    found = tokens(text)
    if not any(friend in text.casefold() for friend in _FALSE_FRIENDS):
        return found
    written = surface(text)
    if len(written) != len(found):
        return found
    for i, word in enumerate(written):
        for friend, kept in _FALSE_FRIENDS.items():
            if word.startswith(friend):
                found[i] = kept + found[i][len(fold(friend)):]
    return found


# Words Snowball over-stems into something else: "fastlege" would become "fast".
_PROTECTED = {"fastleg": "fastlege", "legevakt": "legevakt"}


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Snowball Norwegian stem of a folded token. Short tokens are left alone: stemming 'ung' helps nobody."""
    if len(token) <= 4 or token.isdigit():
        return token
    for prefix, kept in _PROTECTED.items():
        if token.startswith(prefix) and len(token) <= len(kept) + 3:
            return kept
    return _stemmer.stemWord(token)
