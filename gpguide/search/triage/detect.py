"""Safety triage: acute danger, a safety reminder, or nothing, read from the whole question.

The phrases live in signals.yaml. A signal («selvmordstanker», «tatt 40 Paracet», «puster nesten ikke») is read
with the words around it: negation («ingen», «benekter») only in its own clause and right before it (or right after:
«SI: neg»); time («tidligere», «for 5 år siden», «fortsatt», «nå») from the nearest time word in its clause, else
from the journal section it stands in («Sykehistorie:»); what makes it worse («plan», «i kveld», «kan ikke
utelukke») or milder («kronisk», «avtaleklar») from nearby. Every step is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from gpguide.search.triage.classifier import model
from gpguide.search.triage.phrases import fold
from gpguide.search.triage.table import NEAR, OVERRIDING, Family, Index, Level, Rule, Signals, signals

_ASKING = frozenset("hvor hva hvordan hvilke hvilken hvilket kor kva korleis".split())
# words that put a person in a question: then it is about a patient, not general knowledge
_PEOPLE = frozenset("han hun ho hen de dei jeg eg meg deg du pas pt pasienten pasient pasientar pasienter mannen kona "
                    "sonnen datteren dattera gutten jenta mor far".split())
_RANK = {"none": 0, "reminder": 1, "acute": 2}
_NOW = frozenset({"na", "no", "naa"})
_THEN = frozenset({"da"})  # «då» and «da» fold alike
_RULED_OUT = frozenset({"utelukket", "utelukka", "utelukkes", "utelukkast", "avklart", "avkreftet", "avkrefta"})  # folded
_WHICH = frozenset({"hvor", "kor", "kvar", "hva", "kva", "hvilken", "hvilket", "hvilke", "nar", "naar", "hvem", "kven"})
# A sex and age («M48», «K 62»), a diagnosis code («F32», «P76», «F11.22») or a road («E16») is one token, so that its
# number is never read as a count of pills («M 51 (metadon 80 mg)», «F11.22 Opioidavhengighet»).
_GAP_AND_WORD = re.compile(r"([\W_]*)([mkgjfpzeMKGJFPZE]\d{1,3}(?:\.\d{1,2})?(?!\d)|[mkMK] \d{1,3}(?![\d.,]\d)|[^\W\d_]+|\d+)")
_TIME_COMPANIONS = frozenset("sist siste sista gang gangen gong gongen ca cirka omkring rundt begge og i pa for".split())
_ABOUT = frozenset("om about on".split())
_BACK = frozenset("det dette den denne slik sann".split())  # words that point back to what was just said
_DENYING = frozenset("avkrefter avkrefta avkreftet avkreftar benekter benekta benektet nekter nektar nekta avviser avvisar "
                     "avviste avvist".split())  # verbs that deny what follows them
_CLAUSE_LINKS = frozenset("men og but and".split())  # «…, men det er lenge siden»: a time clause may start so
_DATING_BACK = frozenset({("det", "var"), ("dette", "var"), ("det", "skjedde"), ("dette", "skjedde"), ("det", "hendte"),
                          ("det", "hende"), ("det", "er"), ("dette", "er")})  # «…, det var i 2015»
_COLON = re.compile(r"[)\]\s]*:")
_SENTENCE_END = frozenset(".!?;\n…")
_UNITS = frozenset({"mnd", "mndr", "md", "stk", "tbl", "tabl", "kg", "mg", "ml", "dgr", "t", "min", "sek", "cm", "km"})
_CLAUSE_BREAK = frozenset(",–—/|+")
_DASHES = frozenset({"-", "–", "—"})
_AFTERTHOUGHT_STARTS = frozenset({"i", "pa", "paa"})  # folded
_AFTERTHOUGHT = 4  # words at most in a tail after a dash that still belongs to the clause before it
_APOSTROPHES = frozenset("'’")
_QUOTE_END = frozenset("»”\"'’")  # after «!» and before a small letter: the quotation ended, not the sentence
_QUOTE_OPEN = frozenset("«“„")
_QUOTE_CLOSE = frozenset("»”")
MITIGATION_WINDOW = 20
LOOK_BACK = 25
SENTENCE_REACH = 120  # a sentence longer than this is read in parts, so that every step stays linear
_YEAR_MARKS = (" -", " '", " ’", " ‘")
_BEFORE_A_YEAR = frozenset({"i", "ar", "aret", "fra", "fraa", "til", "sommeren", "sommaren", "hosten", "hausten",
                            "varen", "vinteren", "julen", "jula"})
YEAR_PIVOT = 30  # «-98» is 1998, «-05» 2005
TITLE_WORDS = 16  # a longer first line is a sentence, not the title of a pasted document
_TITLE_STOPS = re.compile(r"[.!?:]")
HEADING_WORDS = 6  # «Vurdering av selvmordsrisiko i dag:» is a heading; a colon after more words is not
STATEMENT_WORDS = frozenset({"na", "no", "men"})  # words of a statement, not a heading, before a colon
TIME = frozenset({"past", "recent", "current"})
DIAGNOSES = frozenset({"psychosis"})  # families whose mentions name a diagnosis that may be in doubt
SAFE_APART = frozenset({"violence"})  # families whose danger a safe place now ends (a mitigation of 2)
_DOUBT_MODALS = frozenset({"kan", "kann", "klarer", "klarar", "greier", "greir", "er"})
# families whose acute phrases tell what was done or what the body does, not what was said
ACTS = frozenset({"poisoning", "selfharm", "vital"})
BEREAVED = "bereaved"
YEAR_FLOOR = 1950  # a heading of four digits from this year on is a year
STAY_DATE_REACH = 2  # words: how far after «innlagt på Ahus» a time may stand and tell when the stay began
TREATED_REACH = 10  # words: how far after «utskrevet … etter» what brought the stay may stand
WORSE = frozenset({"aggravate", "aggravate_here"})
_TURN = frozenset({"men", "but"})  # a turn in a sentence, away from what came before it
AFFIRMING = frozenset({"affirm", "uncertain"})
WORSE_OR_MILDER = frozenset({"aggravate", "aggravate_here", "mitigate"})  # never read from a heading («Plan:»)
_CACHE_LIMIT = 200_000
SECOND_NET_REASON = "mulig akutt fare"
# log-odds: on seven sets neither had seen, raising what the rules found worth a reminder at this margin caught 14 of
# their 45 misses (375 → 389 of 420 acute) and turned one reminder case into an alarm; with no margin it caught 22,
# but also raised reminders written to stay reminders («har levd lenge nok, ingen plan»)
REMINDER_MARGIN = 6.0
# context that may take in the first word of what it qualifies («ved akutt fare», «ikke akutt suicidal»)
_PREFIXES = ("negate", "soften", "affirm", "uncertain", "conditional", "claimed")
ASKED_REACH = 15  # words: how far after «Spurt om» the topics asked about may stand
# A note typed with no punctuation is one long clause, so a time, a denial or a calm word far from a sign of danger
# reads as its own. There a sign in a sentence this long is also judged in its own stretch of words, and danger found
# there stands: on the corpora with their punctuation removed, 30 more acute phrasings of 6 060 were caught, 5 of
# 2 188 ordinary ones raised and 31 of 2 217 reminders made acute.
UNPUNCTUATED_SENTENCE = 18
WINDOW_BEFORE, WINDOW_AFTER = 12, 10
_PUNCTUATED = re.compile(r"[.,;:!?]\s*\S")


@dataclass(frozen=True)
class Triage:
    level: Level
    reasons: tuple[str, ...] = ()  # why it is acute, short Norwegian («selvmordsfare»)
    reminders: tuple[str, ...] = ()  # what to keep in mind when it is not an emergency
    evidence: tuple[str, ...] = ()  # the words that decided, as the GP wrote them
    families: tuple[str, ...] = ()  # the families of what was found, acute or reminder («suicide», «selfharm»)

    @property
    def urgent(self) -> bool:
        return self.level == "acute"


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int
    end: int  # exclusive, in words


@dataclass(frozen=True)
class Mark:
    """Context words found in the text; one span can play several parts («i kveld»: a time and a worse sign)."""
    start: int
    end: int
    rules: tuple[Rule, ...]

    def has(self, *kinds: str) -> bool:
        return any(r.kind in kinds for r in self.rules)


@dataclass(frozen=True)
class _Word:
    """What the triage needs to know about one spelling, worked out once."""
    word: str  # folded, dialect read as standard
    labels: frozenset[int]  # atoms as written: context words are never read as typos
    typo_labels: frozenset[int]
    negation: bool
    stop: bool
    filler: bool
    clause_word: bool
    slash: bool  # «m» in «m/ plan»


_EMPTY = ((), (), False)
_NO_COUNT = _Word("", frozenset(), frozenset(), False, False, False, False, False)  # an age or a time: no signal word
SMALL_CHILD = 12  # up to this age a number after «gutt»/«jente» is read as a number
ADULT = 18  # from this age a son or a daughter is no child in danger («sønnen (24) bor alene»)
_CLOCK = frozenset({"kl", "klokka", "klokken", "klokkå"})
_AGE_OF = frozenset({"pa", "paa"})  # «sønnen på 31»
_REPORTING = frozenset(fold(w) for w in ("ringer", "ringjer", "ringte", "ringde", "sier", "seier", "melder", "meldar",
                                         "forteller", "fortel", "varsler", "varslar", "skriver", "skriv"))
_JUST = frozenset(fold(w) for w in ("akkurat", "nettopp", "nyss"))  # «Mor ringte akkurat og sier …»
_COUNT_UNITS = frozenset({"stk", "tbl", "tabl", "tabletter", "tablettar", "piller", "pillar", "x", "stykker", "stykk",
                          "mg", "ml", "g", "gram", "kapsler", "kapslar", "enheter", "einingar", "e", "ie"})


def _word(table: Signals, raw: str) -> _Word:
    found = table.spellings.get(raw)
    if found is None:
        if len(table.spellings) > _CACHE_LIMIT:
            table.spellings.clear()
        word = fold(raw)
        word = table.aliases.get(word, word)
        labels, typo_labels = table.atoms.labels(raw)
        found = table.spellings[raw] = _Word(word, labels, typo_labels, word in table.negation_words,
                                             word in table.negation_stops, word in table.fillers,
                                             word in table.clause_words, word in table.slash_words)
    return found


def _shouted(raws: list[str]) -> bool:
    """Most of the text is in capital letters (caps lock, or a note pasted from a system that writes so)."""
    letters = [raw for raw in raws if raw.isalpha() and len(raw) > 1]
    return len(letters) >= 4 and sum(raw.isupper() for raw in letters) >= 0.8 * len(letters)


def _probe(rule: Rule, found: int) -> frozenset[int]:
    """The atoms of the phrase's word with the fewest, but for its word at `found`, which it is looked up by: every
    word of a phrase stands for one of its word's atoms."""
    elements = rule.phrase.elements
    probe = _PROBES[rule] = min((e.atoms for k, e in enumerate(elements) if k != found or len(elements) == 1), key=len)
    return probe


_PROBES: dict[Rule, frozenset[int]] = {}


def _starting(index: Index, labels: frozenset[int]):
    """The phrases that may be found at a word with these labels (worked out once per set of labels): those that
    start with it, those found from it though they start earlier, and whether some start with it and the next word."""
    found = index.cache.get(labels)
    if found is None:
        if len(index.cache) > _CACHE_LIMIT:
            index.cache.clear()
        firsts = tuple(dict.fromkeys(r for atom in labels for r in index.firsts.get(atom, ())))
        anchored = tuple(dict.fromkeys(r for atom in labels for r in index.anchored.get(atom, ())))
        pairs = any(atom in index.pair_starts for atom in labels)
        found = index.cache[labels] = (firsts, anchored, pairs) if firsts or anchored or pairs else _EMPTY
    return found


_DENIALS = frozenset({"ingen", "inga", "ikke", "ikkje", "aldri", "neg"})  # «ingen kramper»: not there to need
_NOT_AFTER = frozenset({"ikke", "ikkje", "aldri"})  # «han ler ikke»


class _Reading:
    """One question, split into words, clauses, sentences and journal sections, with every phrase found in it."""

    def __init__(self, text: str, table: Signals):
        self.table = table
        self.text = unicodedata.normalize("NFKC", text)
        self._split()
        self._sections()
        self.marks = self._resolve_marks(self._find(table.mark_index, self.labels))
        self.mark_starts = [m.start for m in self.marks]
        self.mark_at: list[Mark | None] = [None] * self.n
        for mark in self.marks:
            for p in range(mark.start, mark.end):
                current = self.mark_at[p]
                if current is None or current.end - current.start < mark.end - mark.start:
                    self.mark_at[p] = mark
        self._index_marks()
        self._timed_headings()
        self._dated_quotes()
        self.hits = self._resolve_signals(self._find(table.signal_index, self.typo_labels))
        self.signal_at: list[Hit | None] = [None] * self.n
        for hit in self.hits:
            for p in range(hit.start, hit.end):
                self.signal_at[p] = hit
        self._before: dict[int, str | None] = {}
        self.settled = False  # a sign of danger someone has since judged harmless: the second net leaves it
        self._time: dict[tuple[int, int], str] = {}

    # --- splitting ---

    def _split(self) -> None:
        """Words, and where clauses, sentences, lines and paragraphs begin (read from the characters between words,
        which are looked at only when they are more than one space)."""
        table = self.table
        pairs = _GAP_AND_WORD.findall(self.text)
        gaps = [gap for gap, _ in pairs]
        raws = [raw for _, raw in pairs]
        spellings = table.spellings
        infos = [spellings.get(raw) or _word(table, raw) for raw in raws]
        self.n = n = len(infos)
        self.ends = list(itertools.accumulate(map(operator.add, map(len, gaps), map(len, raws))))
        self.raw_lengths = [len(raw) for raw in raws]
        for p in [p for p, info in enumerate(infos) if info.slash]:
            if p + 1 < n and gaps[p + 1].startswith("/"):
                infos[p] = _word(table, table.slash_words[infos[p].word])
                gaps[p + 1] = gaps[p + 1][1:]
        for p in range(1, n):
            if gaps[p] == "/" and fold(raws[p]) in table.rate_words:
                infos[p] = _word(table, table.rate_words[fold(raws[p])])
            elif gaps[p] in _APOSTROPHES and raws[p] in table.clitic_words and raws[p - 1].isalpha():
                infos[p] = _word(table, table.clitic_words[raws[p]])
        if _shouted(raws):
            # in capitals a word may be written as it would be in lower case: «KJØPT TAU» is a rope, not Tau
            for p in [p for p, raw in enumerate(raws) if len(raw) > 1 and raw.isupper()]:
                low = _word(table, raws[p].lower())
                infos[p] = replace(infos[p], labels=infos[p].labels | low.labels,
                                   typo_labels=infos[p].typo_labels | low.typo_labels)
        for p in range(n - 1):
            if infos[p].word in table.plus_words and gaps[p + 1].startswith("+"):
                infos[p] = _word(table, table.plus_words[infos[p].word])
        for p in range(1, n):
            # «sønn 24 (heroin)», «datteren (41)», «sønnen på 31»: an age, never a count of pills («pas 20 tbl» still
            # is one); a small child's age stays a number, for the rules that need it («gutt 2 år har ete …»)
            if gaps[p] in (" ", " (", "(") and raws[p].isdigit() and len(raws[p]) <= 3 and int(raws[p]) > SMALL_CHILD \
                    and (infos[p - 1].word in table.age_holders
                         or p > 1 and infos[p - 1].word in _AGE_OF and infos[p - 2].word in table.age_holders) \
                    and (p + 1 == n or fold(raws[p + 1]) not in _COUNT_UNITS):
                infos[p] = _NO_COUNT
                if int(raws[p]) >= ADULT:
                    holder = p - 1 if infos[p - 1].word in table.age_holders else p - 2
                    infos[holder] = replace(infos[holder], labels=infos[holder].labels - table.child_atoms,
                                            typo_labels=infos[holder].typo_labels - table.child_atoms)
            elif raws[p].isdigit() and fold(raws[p - 1]) in _CLOCK:
                infos[p] = _NO_COUNT  # «Tatt 2 paracet kl 08»: a time of day, no count either
            elif len(raws[p]) == 2 and raws[p].isdigit() and gaps[p].endswith(_YEAR_MARKS) \
                    and fold(raws[p - 1]) in _BEFORE_A_YEAR:
                # «i -98», «sommaren '05»: a year written short
                infos[p] = _word(table, str((1900 if int(raws[p]) > YEAR_PIVOT else 2000) + int(raws[p])))
        new_clause = [0] * n
        new_sentence = [0] * n
        self.line_starts: set[int] = {0}
        self.paragraph_starts: set[int] = {0}
        depth = 0  # inside parentheses a comma does not end the clause: «TS x2 (2016, 2019)»
        asides = []  # where the words inside parentheses begin and end
        for p in [p for p, gap in enumerate(gaps) if gap != " "]:
            gap = gaps[p]
            if not p or not gap.strip(" "):
                continue
            if "\n" in gap:
                self.line_starts.add(p)
                if gap.count("\n") > 1:
                    self.paragraph_starts.add(p)
            before = depth
            if gap in (",", "–", "-") and raws[p - 1].isdigit() and raws[p].isdigit():
                continue  # a decimal comma («for 1,5 år siden») or a range («5–6 tabletter») is part of a number
            if self._ends_sentence(gap, infos[p - 1].word, infos[p].word, raws[p]) and not self._aside_ends(gap, depth):
                new_sentence[p] = new_clause[p] = 1
                depth = 0
            # a bare slash joins alternatives («ingen plan/intensjon»); with spaces it separates; a plus before a count
            # joins doses («2 paracet + 1 ibux mot tannpine»)
            elif gap != "/" and not (gap.strip() == "+" and raws[p].isdigit()) \
                    and (" - " in gap or not _CLAUSE_BREAK.isdisjoint(gap) and self._breaks_outside(gap, depth)):
                new_clause[p] = 1
            if "(" in gap or ")" in gap:
                for c in gap:
                    depth = depth + 1 if c == "(" else max(0, depth - 1) if c == ")" else depth
            if bool(depth) != bool(before):
                asides.append(p)
        for p in range(1, n):
            raw = raws[p]
            if not new_sentence[p] and not gaps[p].strip() and raw[:1].isupper() and raw[1:].islower() \
                    and infos[p].word in table.sentence_openers and raws[p - 1][-1:].islower():
                new_sentence[p] = new_clause[p] = 1  # «… skade seg selv Han vil …»: a full stop left out
        self.in_parentheses = [False] * n
        for start, end in itertools.zip_longest(asides[::2], asides[1::2], fillvalue=n):
            self.in_parentheses[start:end] = [True] * (end - start)
        for p in [p for p in range(1, n) if new_clause[p] and not new_sentence[p] and gaps[p].strip() in _DASHES
                  and fold(raws[p]) in _AFTERTHOUGHT_STARTS]:
            # «skal drepe lillebror – i Minecraft, altså»: a short place or time added after a dash is the clause's own
            tail = next((q for q in range(p + 1, min(n, p + _AFTERTHOUGHT + 1)) if new_clause[q]), n)
            if tail - p <= _AFTERTHOUGHT:
                new_clause[p] = 0
        for p in [p for p, info in enumerate(infos) if info.clause_word and p]:
            new_clause[p] = 1
        self.clause = list(itertools.accumulate(new_clause))
        self.sentence = list(itertools.accumulate(new_sentence))
        self.words = [i.word for i in infos]
        self.labels = [i.labels for i in infos]
        self.typo_labels = [i.typo_labels for i in infos]
        self._all_labels: frozenset[int] | None = None  # every label in the text, for `needs` read anywhere
        self._affirmed_labels: frozenset[int] | None = None  # the same, but for words denied outright
        self.negation = [i.negation for i in infos]
        self.stop = [i.stop for i in infos]
        self.filler = [i.filler for i in infos]
        self.clause_start = [p for p in range(n) if not p or new_clause[p]]  # clause → its first word
        self.sentence_start = [p for p in range(n) if not p or new_sentence[p]]
        self.sentence_end = self.sentence_start[1:] + [n]  # exclusive

    def _ends_sentence(self, gap: str, previous: str, following: str, raw: str) -> bool:
        if _SENTENCE_END.isdisjoint(gap):
            return False
        after = gap.lstrip(".!?…")
        if after != gap and after[:1] in _QUOTE_END and raw[:1].islower():
            return False  # a quotation ends, the sentence goes on: «jeg skal drepe deg!» til kompisen
        if gap.strip() == "." and previous in self.table.abbreviations:
            # «om 6 mnd. Merknad fra …» ends a sentence; «ingen tidl. TS», «dr. Hansen» do not
            return raw[:1].isupper() and previous in _UNITS
        return not (gap.strip() == "." and (gap == "." and (previous.isdigit() or raw[:1].isdigit())  # «F10.2»
                                             or previous.isdigit() and following in self.table.months
                                             or previous.isdigit() and raw[:1].islower()))  # «i 10. klasse»

    @staticmethod
    def _aside_ends(gap: str, depth: int) -> bool:
        """The full stop or question mark stands inside parentheses («(sovnet nesten stående, GHB?) og skal kjøre»)."""
        for c in gap:
            if c in _SENTENCE_END:
                return depth > 0
            depth = depth + 1 if c == "(" else max(0, depth - 1) if c == ")" else depth
        return False

    @staticmethod
    def _breaks_outside(gap: str, depth: int) -> bool:
        """A clause break in these characters between words that stands outside parentheses."""
        for c in gap:
            if c in _CLAUSE_BREAK and depth == 0:
                return True
            depth = depth + 1 if c == "(" else max(0, depth - 1) if c == ")" else depth
        return False

    def _sections(self) -> None:
        """«Sykehistorie: ...» is history up to the next heading, the end of its line (when the heading has text after
        it) or a blank line (when it stands alone); «Aktuelt:», «I dag:» is now; «Kriseplan:» what might happen.
        Headings themselves («Plan:») are not read as signs of danger."""
        table, section, inline, n = self.table, None, False, self.n
        one_sentence = False  # «Mann 47, lang sykehistorie: KOLS, infarkt 2018.»: a label inside a sentence
        governing = None  # the first word of a heading of no known kind, while it heads the text
        self.heading = [False] * n
        self.section: list[str | None] = [None] * n
        self.headed_by: list[int | None] = [None] * n
        sentence_starts = set(self.sentence_start)
        changes = sorted(sentence_starts | self.line_starts | self.paragraph_starts) + [n]
        for i, following in zip(changes, changes[1:]):
            if i in self.paragraph_starts or inline and i in self.line_starts or one_sentence and i in sentence_starts:
                section, one_sentence, governing = None, False, None
            if i in sentence_starts:
                end = next((j for j in range(i, min(i + HEADING_WORDS, n)) if _COLON.match(self.text, self.ends[j])),
                           None)
                # a statement before a colon is no heading: «Tidligere frisk, men nå suicidal: …», «Nå suicidal: …»
                if end is not None and not STATEMENT_WORDS.isdisjoint(self.words[i:end]):
                    end = None
                if end is not None:
                    heading = self.words[i:end + 1]
                    # a heading of another kind («Psykiatrisk tilsyn:», «Merknad fra sosionom:») ends the section
                    section = ("past" if table.history_headings.intersection(heading) else
                               "example" if table.example_headings.intersection(heading) else
                               "conditional" if table.plan_headings.intersection(heading) else
                               "current" if table.current_headings.intersection(heading) else None)
                    inline = end + 1 < n and end + 1 not in self.line_starts
                    # the history word after a comma («Mann 47, lang sykehistorie: …»), not a heading's first word
                    named = next((j for j in range(i, end + 1) if self.words[j] in table.history_headings), None)
                    # a note of several headings pasted as one line has lost the line ends that bounded its history
                    # («Bakgrunn: … Rusanamnese: hasj siste måned. … stemmene sier han må …»): its own sentence
                    one_sentence = inline and named is not None and "," in self.text[
                        self.ends[i] - self.raw_lengths[i]:self.ends[named] - self.raw_lengths[named]] \
                        or inline and section == "past" and self._flattened()
                    self.heading[i:end + 1] = [True] * (end + 1 - i)
                    governing = i if section is None else None
                    year = end + 1
                    if inline and year < n and self._past_year(year) and _COLON.match(self.text, self.ends[year]):
                        # «Fra overført journal: 2019: Oppsøkte legevakt …»: a year gone by heads the rest of the line
                        self.heading[year] = True
                        section, governing = "past", None
            self.section[i:following] = [section] * (following - i)
            self.headed_by[i:following] = [governing] * (following - i)

    def _flattened(self) -> bool:
        """One line holding three or more headings: a note pasted with its line ends lost."""
        return len(self.line_starts) == 1 and len({
            j for i in self.sentence_start for j in range(i, min(i + HEADING_WORDS, self.n))
            if _COLON.match(self.text, self.ends[j])}) >= 3

    def _past_year(self, p: int) -> bool:
        word = self.words[p]
        return word.isdigit() and YEAR_FLOOR <= int(word) < date.today().year

    def _timed_headings(self) -> None:
        """«I går kl. 17: Mor ringte …», «I dag kl. 10: …»: a heading that says nothing but a time dates what it
        heads, as a history heading does."""
        for first in {h for h in self.headed_by if h is not None}:
            words = range(first, next((p for p in range(first, self.n) if not self.heading[p]), self.n))
            if len(words) == 1 and self._past_year(first):
                kind = "past"  # «2016: Overdoseforsøk med paracetamol, innlagt …»: a year gone by heads what it dates
            else:
                times = [m for p in words if (m := self.mark_at[p]) is not None and m.has(*TIME)]
                if not times or not all(self.mark_at[p] in times or self.filler[p] or self.words[p] in _CLOCK
                                        or not self.words[p].isalpha() for p in words):  # «17» after «kl» is no word
                    continue
                kind = next(r.kind for r in times[0].rules if r.kind in TIME)
            for p in range(words.stop, self.n):
                if self.headed_by[p] == first and self.section[p] is None:
                    self.section[p] = kind

    def _dated_quotes(self) -> None:
        """A pasted document in quotation marks that the words before it date («Paster inn eldre epikrise: «…»»,
        «Epikrise fra 2009: «…»») or the sentence after it dates (««…» Det ovenstående er fra 2009.») tells history,
        whatever its own words of time say (its «fortsatt» was then)."""
        self.dated = [False] * self.n
        if _QUOTE_OPEN.isdisjoint(self.text):
            return
        opened = None
        for p in range(1, self.n + 1):
            gap = self._gap(p) if p < self.n else self.text[self.ends[-1]:] if self.n else ""
            if opened is not None and not _QUOTE_CLOSE.isdisjoint(gap):
                if self._dated_before(opened) or p < self.n and self._dated_after(p):
                    self.dated[opened:p] = [True] * (p - opened)
                opened = None
            if p < self.n and not _QUOTE_OPEN.isdisjoint(gap):
                opened = p

    def _dated_before(self, opened: int) -> bool:
        """The sentence up to the quotation names a document and calls it old or dates it («eldre epikrise», «notat
        fra 2015»)."""
        intro = range(self.sentence_start[self.sentence[opened - 1]], opened)
        return not self.table.title_words.isdisjoint(self.words[p] for p in intro) and any(
            self.words[p] in self.table.old_words or (m := self.mark_at[p]) is not None and m.has("past") for p in intro)

    def _dated_after(self, closed: int) -> bool:
        """The sentence after the quotation opens by pointing back at it and dates it («Det ovenstående er fra
        2009», «Epikrisen er fra i fjor»)."""
        if self.sentence_start[self.sentence[closed]] != closed:
            return False
        clause = self.clause[closed]
        opening = self.words[closed:closed + 2]
        back = not _BACK.isdisjoint(opening) or any(
            w.startswith(("ovenst", "ovanst", "ovenfor", "ovanfor", *self.table.title_words)) for w in opening)
        return back and any(m.has("past") for m in self.clause_times.get(clause, ()))

    # --- finding phrases ---

    def _find(self, index: Index, labels_at: list[frozenset[int]]) -> list[Hit]:
        hits = []
        last, clause, cache, probes = self.n - 1, self.clause, index.cache, _PROBES
        present = frozenset().union(*labels_at)
        for i, labels in enumerate(labels_at):
            firsts, anchored, pairs = cache.get(labels) or _starting(index, labels)
            if pairs and i < last and clause[i + 1] == clause[i]:
                key = (labels, labels_at[i + 1])
                paired = cache.get(key)
                if paired is None:
                    paired = cache[key] = tuple(r for a in labels for b in key[1] for r in index.pairs.get((a, b), ()))
                firsts += paired
            for rule in firsts:
                # a phrase with a word that no word of the text stands for is not tried
                if (probes.get(rule) or _probe(rule, 0)).isdisjoint(present):
                    continue
                end = self._match(rule.phrase.elements, 1, i + 1, clause[i], labels_at)
                if end is not None and self._has_needed(rule, i):
                    hits.append(Hit(rule, i, end))
            for rule, anchor in anchored:
                if (probes.get(rule) or _probe(rule, anchor)).isdisjoint(present):
                    continue
                start = self._match_back(rule.phrase.elements, anchor - 1, i, clause[i], labels_at)
                if start is not None:
                    end = self._match(rule.phrase.elements, anchor + 1, i + 1, clause[i], labels_at)
                    if end is not None and self._has_needed(rule, start):
                        hits.append(Hit(rule, start, end))
        return hits

    def _match_back(self, elements, k: int, following: int, clause: int, labels_at) -> int | None:
        """Where element k and those before it stand, leftwards from the word after it: the phrase's start, the
        leftmost one, as a reading from the left would find it («2 Paracet og 1 Ibux mot menssmerter» from «2»)."""
        if k < 0:
            return following
        reach = []
        for p in range(following - 1, max(-1, following - 2 - elements[k + 1].gap), -1):
            if self.clause[p] != clause:
                break
            reach.append(p)
            if self.negation[p]:
                break
        for p in reversed(reach):
            if not elements[k].atoms.isdisjoint(labels_at[p]):
                start = self._match_back(elements, k - 1, p, clause, labels_at)
                if start is not None:
                    return start
        return None

    def _match(self, elements, k: int, position: int, clause: int, labels_at: list[frozenset[int]]) -> int | None:
        if k == len(elements):
            return position
        element = elements[k]
        for p in range(position, min(position + element.gap + 1, self.n)):
            if self.clause[p] != clause:
                return None
            if not element.atoms.isdisjoint(labels_at[p]):
                end = self._match(elements, k + 1, p + 1, clause, labels_at)
                if end is not None:
                    return end
            if self.negation[p]:
                return None
        return None

    def _has_needed(self, rule: Rule, start: int) -> bool:
        if rule.needs is None:
            return True
        if rule.needs_anywhere and rule.needs_affirmed:
            if self._affirmed_labels is None:
                self._affirmed_labels = frozenset().union(*(self.typo_labels[p] for p in range(self.n)
                                                            if not self._denied(p)))
            return all(not needed.isdisjoint(self._affirmed_labels) for needed in rule.needs)
        if rule.needs_anywhere:
            if self._all_labels is None:
                self._all_labels = frozenset().union(*self.typo_labels)
            return all(not needed.isdisjoint(self._all_labels) for needed in rule.needs)
        sentence = self.sentence[start]
        first = max(self.sentence_start[sentence], start - SENTENCE_REACH)
        last = min(self.sentence_end[sentence], start + SENTENCE_REACH)
        near = [p for p in range(first, last) if not (rule.needs_affirmed and self._denied(p))]
        return all(any(not needed.isdisjoint(self.typo_labels[p]) for p in near) for needed in rule.needs)

    def _denied(self, p: int) -> bool:
        """Denied outright: «ingen plan», «ikke som spøk», or a verb and its «ikke» («han ler ikke»)."""
        return bool(p) and (self.words[p - 1] in _DENIALS or p > 1 and self.words[p - 1] == "som"
                            and self.words[p - 2] in _DENIALS) or p + 1 < self.n and self.words[p + 1] in _NOT_AFTER

    def _resolve_marks(self, hits: list[Hit]) -> list[Mark]:
        """A longer negating or qualifying phrase overrides what it contains («kan ikke utelukke» is no negation,
        «ingen plan» no plan), a longer time the times inside it («tidligere enn vanlig» is no «tidligere»);
        headings («Plan:») make nothing worse or milder."""
        spans: dict[tuple[int, int], list[Rule]] = {}
        heading = self.heading
        for hit in hits:
            if hit.rule.kind in WORSE_OR_MILDER and any(heading[hit.start:hit.end]):
                continue
            spans.setdefault((hit.start, hit.end), []).append(hit.rule)
        overridden = [False] * self.n
        affirmed = [False] * self.n
        timed = [False] * self.n
        kept = []
        for (start, end), rules in sorted(spans.items(), key=lambda s: (s[0][0] - s[0][1], s[0][0])):
            if all(overridden[start:end]):
                continue
            if all(affirmed[start:end]):
                # «truer moren med å skade henne hvis ...» affirms the threat; it never silences what makes it worse
                rules = [r for r in rules if r.kind in WORSE]
                if not rules:
                    continue
            kinds = {r.kind for r in rules}
            if any(timed[start:end]) and kinds & TIME:
                rules = [r for r in rules if r.kind not in TIME]
                kinds -= TIME
                if not rules:
                    continue
            if kinds & OVERRIDING - AFFIRMING or self.negation[start]:
                overridden[start:end] = [True] * (end - start)
            elif kinds & AFFIRMING:
                affirmed[start:end] = [True] * (end - start)
            if kinds & TIME:
                timed[start:end] = [True] * (end - start)
            kept.append(Mark(start, end, tuple(rules)))
        return sorted(kept, key=lambda m: m.start)

    def _index_marks(self) -> None:
        """Where each kind of context stands, so that reading a signal never scans the whole text."""
        self.sentence_kinds: dict[int, set[str]] = {}
        self.clause_times: dict[int, list[Mark]] = {}
        self.worse: list[Mark] = []
        self.milder: list[Mark] = []
        self.resolved: list[int] = []
        self.quiet_since: list[int] = []
        self.treated: list[Mark] = []
        self.topics: set[int] = set()
        past_ends = {m.end for m in self.marks if any(r.kind == "past" for r in m.rules)}
        for mark in self.marks:
            kinds = {r.kind for r in mark.rules}
            if mark.start in past_ends:
                kinds.discard("well")  # «tidligere helt frisk» says nothing of now
            self.sentence_kinds.setdefault(self.sentence[mark.start], set()).update(kinds)
            if kinds & TIME:
                self.clause_times.setdefault(self.clause[mark.start], []).append(mark)
            if kinds & {"aggravate", "aggravate_here", "uncertain"}:
                self.worse.append(mark)
            if kinds & {"mitigate", "soften"}:
                self.milder.append(mark)
            if kinds & {"resolved_after", "cleared"}:
                self.resolved.append(mark.start)
            if "quiet_since" in kinds:
                self.quiet_since.append(mark.start)
            if "treated_after" in kinds:
                self.treated.append(mark)
            if "general" in kinds:
                # what a film, a talk or a figure is about («dokumentar om selvmord», «selvmord blant unge menn»)
                self.topics.add(mark.end if self.words[mark.end - 1] in _ABOUT else mark.start)
        self.worse_starts = [m.start for m in self.worse]
        self.milder_starts = [m.start for m in self.milder]
        for sentence in [s for s, kinds in self.sentence_kinds.items() if "general" in kinds]:
            for beside in (sentence - 1, sentence + 1):
                if self._generic_question(beside):
                    self.sentence_kinds.setdefault(beside, set()).add("general")

    def _question_words(self, sentence: int) -> list[str]:
        """The words of a sentence that opens with a question word and ends with «?», else none."""
        if not 0 <= sentence < len(self.sentence_start):
            return []
        first, end = self.sentence_start[sentence], self.sentence_end[sentence]
        after = self.text[self.ends[end - 1]:self.ends[end - 1] + 3]
        return self.words[first:end] if "?" in after and self.words[first] in _ASKING else []

    def _generic_question(self, sentence: int) -> bool:
        """A question about no one («Hvor mye paracetamol skal til for en farlig overdose?»), which the sentence
        beside it can place in teaching or a course («Skal lage undervisning for sykepleierne.»)."""
        words = self._question_words(sentence)
        return bool(words) and _PEOPLE.isdisjoint(words)

    def _follow_up_question(self, sentence: int) -> bool:
        """A question that asks about what the sentence before it said («Hvordan gjør jeg det?»)."""
        return not _BACK.isdisjoint(self._question_words(sentence))

    def _resolve_signals(self, hits: list[Hit]) -> list[Hit]:
        """Neutral phrases («selvmordsforebygging», «hoppe av skolen») silence what they overlap (signals here, what
        makes a signal worse in aggravated()); a signal inside a
        longer or more specific one («broren tok livet sitt» over «livet sitt») gives way to it, unless it is a sign of
        acute danger inside a mere mention of its own family («tror at babyen er byttet ut») or over the same words as a
        mention of another («ser dyr på veggen»: delirium, not only psychosis)."""
        neutral = [False] * self.n
        self.neutral_sentences = set()  # the rules read these and found them harmless: the second net leaves them
        for hit in hits:
            if hit.rule.kind == "neutral":
                self.neutral_sentences.add(self.sentence[hit.start])
                for p in range(hit.start, hit.end):
                    neutral[p] = True
        # «Skal skrive ut nalokson nesespray. Hvordan gjør jeg det på blå resept?»: a question about what was just said
        self.neutral_sentences |= {s + 1 for s in self.neutral_sentences if self._follow_up_question(s + 1)}
        self.neutral = neutral
        owner: list[Hit | None] = [None] * self.n
        kept = []
        for hit in sorted(hits, key=lambda h: (h.start - h.end, -h.rule.phrase.specificity)):
            if hit.rule.kind == "neutral" or any(neutral[p] for p in range(hit.start, hit.end)):
                continue
            cover = owner[hit.start]
            if cover is not None and cover.end >= hit.end and (
                    cover.end - cover.start > hit.end - hit.start
                    or cover.rule.phrase.specificity > hit.rule.phrase.specificity) and not (
                    hit.rule.kind == "acute" != cover.rule.kind
                    and (hit.rule.family == cover.rule.family or (cover.start, cover.end) == (hit.start, hit.end))):
                continue
            for p in range(hit.start, hit.end):
                if owner[p] is None:
                    owner[p] = hit
            kept.append(hit)
        return sorted(kept, key=lambda h: h.start)

    # --- reading one signal in its context ---

    def before(self, start: int) -> str | None:
        """What the words before a signal, in its clause, say about it: negated, soften («ikke akutt»), resolved
        («ikke lenger»), affirm («ikke bare», «kan ikke utelukke») or conditional («hvis»). A negation reaches over
        filler words and other signals («ikke psykotisk eller suicidal»), not over other words («ikke gjorde noe»),
        and over the items of a list it heads («Ingen rus, psykose eller SI»)."""
        if start not in self._before:
            self._before[start] = self._look_back(start)
        return self._before[start]

    def _look_back(self, start: int) -> str | None:
        clause, others, p = self.clause[start], 0, start - 1
        while p >= 0 and start - p <= LOOK_BACK:
            if self.clause[p] != clause:
                if others <= 0 and self.sentence[p] == self.sentence[start] and self._in_list(start):
                    clause, others = self.clause[p], -1  # the previous list item
                    continue
                return None
            mark = self.mark_at[p]
            if mark is not None and mark.end > start and not mark.has(*_PREFIXES):
                mark = None  # another reading of the words in question, not what stands before them
            if mark is not None and mark.has("affirm", "uncertain", "conditional"):
                return "conditional" if mark.has("conditional") else "affirm"
            if mark is not None and mark.has("claimed") and others <= 0:
                return "claimed"
            if mark is not None and mark.has("soften", "resolved") and others <= 0:
                return "soften" if mark.has("soften") else "resolved"
            # a refusal that makes danger worse («nekter innleggelse») denies nothing that follows it
            negation = self.negation[p] and (mark is None or not mark.has(*WORSE)) or mark is not None and (
                mark.has("negate") or self.negation[mark.start] and not mark.has(*WORSE))
            if negation and others <= 0:
                return "negated"
            if mark is not None:
                p = mark.start - 1
                continue
            signal = self.signal_at[p]
            if signal is not None:
                p = signal.start - 1
                continue
            if (self.words[p] in ("eller", "or") or self.words[p] == "og" and (self._both_before(p) or self._cut_short(p - 1)
                                                                      or self._denied_signal(p - 1))) and others <= 0:
                # «ingen konflikt eller trusler», «aldri hatt psykisk sykdom eller selvmordstanker», «avkrefter både
                # aktive og passive dødsønsker»: the item before may take two words
                others = -2
            elif self.stop[p] or not self.filler[p]:
                others += 1
            p -= 1
        return None

    def _denied_signal(self, p: int) -> bool:
        """«neger dødsønsker og selvmordstanker»: the word before «og» ends a signal a negation rules out."""
        signal = self.signal_at[p] if p >= 0 else None
        return signal is not None and self.before(signal.start) == "negated"

    def _both_before(self, p: int) -> bool:
        """«både» earlier in the clause: the «og» at p joins two items of what a negation before them rules out."""
        clause = self.clause[p]
        return any(self.words[q] in ("bade", "baade") for q in range(max(0, p - 4), p) if self.clause[q] == clause)

    def _cut_short(self, p: int) -> bool:
        """The word at p ends with a hyphen («døds- og selvmordstanker»): it shares the next word's ending."""
        return p >= 0 and self.text[self.ends[p]:self.ends[p] + 1] == "-"

    def _in_list(self, start: int) -> bool:
        """The signal stands in a list closed by «eller» («Ingen rus, psykose eller selvmordstanker»): the «eller» in its
        own clause or a later one («ikkje ete eller drukke på tre dagar, knapt kontaktbar» is no list it ends)."""
        sentence, clause = self.sentence[start], self.clause[start]
        return any(self.words[p] in ("eller", "or") and self.sentence[p] == sentence and self.clause[p] >= clause
                   for p in range(max(0, start - LOOK_BACK), min(self.n, start + LOOK_BACK)))

    def negated_after(self, end: int) -> bool:
        """«SI: neg», «selvmordstanker benektes», «Suicidalitet: ingen», «spurte om S-tanker – ingen»."""
        clause, p, others = self.clause[end - 1], end, 0
        if p < self.n and self.clause[p] != clause and self._gap(p).strip() in ("–", "—", "-", "->", "=>"):
            clause = self.clause[p]  # the answer after a dash
        while p < self.n and self.clause[p] == clause and others <= 1:
            mark = self.mark_at[p]
            if mark is not None and mark.start < end:  # it begins in the signal's own words («puster ikke | nå»)
                p = mark.end
                continue
            if mark is not None:
                if mark.has("negate_after"):
                    return True
                if mark.has("negate_final"):
                    return mark.end == self.n or self.clause[mark.end] != clause
                if mark.has("affirm", "uncertain"):
                    return False
                p = mark.end
                continue
            if not self.filler[p]:
                others += 1
            p += 1
        return False

    def time(self, span: Hit | Mark) -> str:
        """past, recent or current: the nearest time word in its clause, or in a clause of the sentence that says
        nothing but the time («For fem år siden, etter skilsmissen, forsøkte han»), or in the clause before when this
        one opens with «da» («i 2015, da han truet naboen», «i 2015, truet da naboen»); else its journal section; else
        now."""
        key = (span.start, span.end)
        if key not in self._time:
            self._time[key] = self._when(span)
        return self._time[key]

    def _when(self, span: Hit | Mark) -> str:
        if self.dated[span.start]:
            return "past"
        clause, sentence = self.clause[span.start], self.sentence[span.start]
        candidates = list(self.clause_times.get(clause, ()))
        for other in range(max(0, clause - 3), min(len(self.clause_start), clause + 4)):  # nearby clauses that are
            if other != clause and self.sentence[self.clause_start[other]] == sentence:  # nothing but a time
                candidates += [m for m in self.clause_times.get(other, ()) if self._only_time(m)]
        following = clause + 1
        if following < len(self.clause_start) and self.sentence[self.clause_start[following]] == sentence \
                and tuple(self.words[self.clause_start[following]:self.clause_start[following] + 2]) in _DATING_BACK:
            # «… truet med å skyte, det var i 2015 og endte godt»: the clause after dates this one
            candidates += [m for m in self.clause_times.get(following, ()) if m.has("past")]
        found = self._nearest_time(span, candidates)
        first = self.clause_start[clause]
        # «…, da han truet naboen» or, the verb first, «…, truet da naboen med kniv»: the time of the clause before
        then = self.words[first] in self.table.inherit_time or first + 1 < self.n \
            and self.clause[first + 1] == clause and self.words[first + 1] in _THEN
        if found is None and then and first and self.sentence[first - 1] == sentence:
            found = self._nearest_time(span, self.clause_times.get(self.clause[first - 1], ()))
        if found is None and self.section[span.start] == "past" and (self._doubted_now(span) or self._told_now(span)):
            return "current"
        return found or self.section[span.start] or "current"

    def _doubted_now(self, span: Hit | Mark) -> bool:
        """«Kan ikke utelukke selvmordsfare», «Selvmordsfare kan ikke utelukkes»: a doubt said in the present tense
        judges now, even in a letter's history section («kunne ikke utelukkes» then is history)."""
        sentence = self.sentence[span.start]
        first = self.sentence_start[sentence]
        words = self.words[first:self.sentence_end[sentence]]
        return any(w in _DOUBT_MODALS and words[k + 1:k + 2] in (["ikke"], ["ikkje"])
                   and any(x.startswith("utelukk") for x in words[k + 2:k + 4]) for k, w in enumerate(words))

    def _told_now(self, span: Hit | Mark) -> bool:
        """«Kona ringer nå og sier han har vært urolig hele natten, plukker i lufta …», «Mor ringte akkurat og sier han
        har tatt …»: a sentence that opens by saying it is now tells the rest of it as now, even in a letter's history
        section."""
        start = self.sentence_start[self.sentence[span.start]]
        opening = self.clause[start]
        end = span.start if opening == self.clause[span.start] else self.clause_start[opening + 1]
        said = self.words[start:end]
        return not _REPORTING.isdisjoint(said) and (not _JUST.isdisjoint(said) or any(
            m.has("current") and m.end <= end for m in self.clause_times.get(opening, ())))

    def _nearest_time(self, span: Hit | Mark, marks) -> str | None:
        best, best_key = None, None
        for mark in marks:
            if span.start <= mark.start and mark.end <= span.end and isinstance(span, Hit) and mark.has("past"):
                continue  # a month in its own words is the future it speaks of («skal ikke være her i mars»)
            if self.in_parentheses[mark.start] and not self.in_parentheses[span.start] and not self._aside_is_time(mark):
                continue  # «skal ta med seg barna dit pappa er (far døde i fjor)»: the aside's time is its own
            distance = span.start - mark.end if mark.end <= span.start else max(0, mark.start - span.end)
            key = (self.clause[mark.start] != self.clause[span.start], distance)
            if best_key is None or key < best_key:
                best, best_key = next(r.kind for r in mark.rules if r.kind in TIME), key
                if best == "current" and any(m.start == mark.end and m.has("past") for m in marks):
                    best = "past"  # a place that says now, dated by the time right after it («i resepsjonen i fjor»)
                if best == "past" and self._since_between(span.end, mark.start):
                    best = "recent"  # «har spart på tablettene etter at kona døde i høst»: since then, so now
                elif best == "past" and mark.end == span.start and self.words[mark.end - 1] in _NOW:
                    best = "current"  # «tidligere frisk nå suicidal», unpunctuated: the «nå» next to it is its time
        return best

    def _aside_is_time(self, mark: Mark) -> bool:
        """The parentheses around the mark say nothing but a time, a code and what they say of it («TS x2 (2016, 2019)»,
        «(F31.7 i remisjon)»)."""
        first = last = mark.start
        while first > 0 and self.in_parentheses[first - 1]:
            first -= 1
        while last + 1 < self.n and self.in_parentheses[last + 1]:
            last += 1
        return all(self.filler[p] or self.mark_at[p] is not None or self.words[p].isdigit()
                   or self.words[p][1:].isdigit()  # «F31»
                   or self.words[p] in _TIME_COMPANIONS for p in range(first, last + 1))

    def _since_between(self, start: int, end: int) -> bool:
        """«etter at» stands between: the time dates the clause it opens."""
        return any(self.words[p] in self.table.since_words and self.words[p + 1] == "at" for p in range(start, end - 1))

    def _only_time(self, mark: Mark) -> bool:
        """The clause says nothing but the time (asides in parentheses apart: «begge for 15 år siden (2004, OD)»); a
        sign of danger inside the time phrase is its own («…, ser ting som ikke er der, har hatt abstinenskramper
        før»)."""
        clause = self.clause[mark.start]
        p = self.clause_start[clause]
        if self.words[p] in _CLAUSE_LINKS:
            p += 1
        while p < self.n and self.clause[p] == clause:
            if self.signal_at[p] is not None and not self.in_parentheses[p]:
                return False
            if not (mark.start <= p < mark.end or self.filler[p] or self.mark_at[p] is not None
                    or self.in_parentheses[p] and not self.in_parentheses[mark.start]):
                return False
            p += 1
        return True

    def _near(self, marks: list[Mark], starts: list[int], hit: Hit, window: int) -> list[Mark]:
        """Marks in the hit's sentence (at most SENTENCE_REACH words away) or within `window` words of it."""
        sentence = self.sentence[hit.start]
        first = max(min(self.sentence_start[sentence], hit.start - window), hit.start - SENTENCE_REACH)
        last = min(max(self.sentence_end[sentence], hit.end + window), hit.end + SENTENCE_REACH)
        found = []
        for mark in marks[bisect.bisect_left(starts, first - LOOK_BACK):]:
            if mark.start > last:
                break
            if self.sentence[mark.start] == sentence or mark.end > hit.start - window and mark.start < hit.end + window:
                found.append(mark)
        return found

    def in_sentence(self, hit: Hit, *kinds: str) -> bool:
        return not self.sentence_kinds.get(self.sentence[hit.start], set()).isdisjoint(kinds)

    def _general_for(self, hit: Hit) -> bool:
        """A course, a saying or a form in the hit's sentence, unless a «men» turns from it to the hit («jeg tok det som
        et uttrykk for at han er sliten, men kona ringer nå: han har gitt bort hunden»)."""
        if not self.in_sentence(hit, "general"):
            return False
        sentence = self.sentence[hit.start]
        marks = [m for m in self.marks if self.sentence[m.start] == sentence and m.has("general")]
        return not marks or any(m.start >= hit.end or not _TURN.intersection(self.words[m.end:hit.start])
                                for m in marks)

    def resolved_later(self, hit: Hit) -> bool:
        """«tenkt på å dø før, men ikke nå», «to OD-ar siste året, ingen no»; for what happened weeks ago, also in the
        next sentence."""
        i = bisect.bisect_left(self.resolved, hit.end)
        if i == len(self.resolved):
            return False
        later, sentence = self.resolved[i], self.sentence[hit.start]
        resolved = self._resolved_by(hit, later, sentence)
        cleared = self.mark_at[later] is not None and self.mark_at[later].has("cleared")
        if resolved and cleared:
            self.settled = True
        # «tok 30 paracet i kveld, men har det fint no»: a poisoning of the last hours is not over because the
        # patient feels well; only someone who judged it harmless settles it
        if resolved and not cleared and hit.rule.family == "poisoning" and hit.rule.kind == "acute" \
                and self.time(hit) != "past":
            return False
        return resolved

    def _resolved_by(self, hit: Hit, later: int, sentence: int) -> bool:
        if self.sentence[later] == sentence:
            # further only after a «men»: «"suicidal" fra skolen, men i samtale: …, ingen tanker om død»
            return later - hit.end <= NEAR or later - hit.end <= 2 * NEAR and "men" in self.words[hit.end:later + 1]
        # weeks ago, better now: «skrevet ut for tre uker siden etter suicidalitet. Han er mye bedre», unless the
        # same sentence doubts it («har det greit nå, men vil ikke love å ta kontakt»)
        return self.sentence[later] == sentence + 1 and self.time(hit) == "recent" \
            and "uncertain" not in self.sentence_kinds.get(sentence + 1, ())

    def aggravated(self, hit: Hit, family: Family, now_only: bool = False, past_too: bool = False,
                   asked: bool = False, later_only: bool = False) -> bool:
        """Something nearby makes it danger now: a plan, tonight, a weapon, «kan ikke utelukke» (not in the past:
        «i 2015, da han truet naboen med kniv» does not make today's psychosis dangerous). With `now_only`, only a
        word of time in its own clause («i kveld», «nå») counts; with `past_too`, what made it dangerous then (a past
        psychosis with voices that told her to harm herself is worth a reminder). When `asked`, another danger
        the doctor asked about in the same breath makes it no worse («Spurt om selvmordstanker, selvskading …»). With
        `later_only`, only what is said after the signal's clause («… utskriven i går. Har planlagt å prøve igjen»)."""
        following = self.clause[hit.start] + 1
        clause_end = (self.clause_start[following] if following < len(self.clause_start) else self.n) if later_only else 0
        near = self._near(self.worse, self.worse_starts, hit, family.reach)
        for mark in near:
            if hit.start <= mark.start and mark.end <= hit.end or self.neutral[mark.start]:
                continue  # part of the signal's own words, or of a phrase the rules know to be harmless
            if any(d.start < mark.start and mark.end <= d.end and self.before(d.start) == "negated" for d in near):
                continue  # a word of a denied phrase («har ikke tenkt på metode»)
            if mark.start < clause_end:
                continue
            if asked and self.signal_at[mark.start] is not None:
                continue
            if now_only and (self.clause[mark.start] != self.clause[hit.start] or not mark.has("current", "recent")):
                continue
            if self._dates_a_stay(mark, family):
                continue
            if mark.has("uncertain") and self.sentence[mark.start] == self.sentence[hit.start] \
                    and not self._diagnosis_in_doubt(hit, family, mark):
                return True
            worse = any(r.kind == "aggravate" and r.family in (None, family.name) for r in mark.rules) or any(
                r.kind == "aggravate_here" and r.family == family.name for r in mark.rules) \
                and self.clause[mark.start] == self.clause[hit.start]
            if worse and self.before(mark.start) in (None, "affirm") and (past_too or self.time(mark) != "past") \
                    and not self._denied_with_previous(mark) and not self._settled_since(mark):
                return True
        return False

    def _dates_a_stay(self, mark: Mark, family: Family) -> bool:
        """«innlagt akuttpsyk Ahus i natt (manisk)»: a time right after an admission tells when the stay began."""
        return mark.has("current", "recent") and any(
            0 <= mark.start - m.end <= STAY_DATE_REACH and self.clause[m.start] == self.clause[mark.start]
            and any(r.kind == "mitigate" and r.family == family.name for r in m.rules) for m in self.milder)

    def _diagnosis_in_doubt(self, hit: Hit, family: Family, mark: Mark) -> bool:
        """«Kan ikke utelukke bipolar II», «psykotiske trekk, kognitiv svikt ikke utelukket»: a doubt that names the
        diagnosis after it, or that follows what it doubts («… ikke utelukket»), is about a diagnosis, not about danger
        («usikker på om han er trygg», «ikke trygg» are)."""
        return hit.rule.kind == "mention" and family.name in DIAGNOSES \
            and (mark.end <= hit.start <= mark.end + 1 or self.words[mark.end - 1] in _RULED_OUT
                 or self._doubts_which(mark.end))

    def _doubts_which(self, at: int) -> bool:
        """«usikkert hvor lenge», «ikke trygg på hva som bør utredes», «usikker på diagnosen»."""
        if at < self.n and self.words[at] == "pa":
            at += 1
        return at < self.n and (self.words[at] in _WHICH or self.words[at].startswith("diagnos"))

    def _settled_since(self, mark: Mark) -> bool:
        """«Innlagt etter forverring, no stabil»: a turn for the worse that its own sentence says has passed."""
        return any(r > mark.start and self.sentence[r] == self.sentence[mark.start] for r in self.resolved)

    def _denied_with_previous(self, mark: Mark) -> bool:
        """«benekter plan og intensjon», «avkrefter dødsønsker og planer»: a sign joined by «og» to a denied sign or
        signal is denied too."""
        p = mark.start - 1
        if p < 1 or self.words[p] not in ("og", "eller") or self.clause[p] != self.clause[mark.start]:
            return False
        previous = self.mark_at[p - 1]
        if previous is not None and previous in self.worse:
            return self.before(previous.start) == "negated"
        if previous is not None and previous in self.milder and self.words[previous.start] in _DENYING:
            return True  # «avkrefter planer og intensjon»
        return self._denied_signal(p - 1)

    def _now_in_clause(self, hit: Hit) -> bool:
        """«… men har tatt 30 Sobril nå»: a phrase of danger with a word of now in its own clause."""
        return any(m.has("current", "recent") for m in self.clause_times.get(self.clause[hit.start], ()))

    def mitigation(self, hit: Hit) -> int:
        weight = 0
        for mark in self._near(self.milder, self.milder_starts, hit, MITIGATION_WINDOW):
            if mark.has("soften"):
                weight += 2
            strength = max((r.weight for r in mark.rules if r.kind == "mitigate" and r.family == hit.rule.family),
                           default=0)
            if strength and self.before(mark.start) != "negated":
                weight += strength
        return weight

    def judge(self, hit: Hit) -> Level:
        family = self.table.families[hit.rule.family]
        quiet: Level = "reminder" if family.reminder else "none"
        level = self._level(hit, quiet, family)
        return quiet if level == "acute" and not family.reason else level

    def _level(self, hit: Hit, quiet: Level, family: Family) -> Level:
        if self.section[hit.start] == "example":  # a teaching case is about no patient now
            return quiet
        if self._tells_a_death(hit):
            return quiet
        before = self.before(hit.start)
        if before == "negated" or before is None and self.negated_after(hit.end):
            doubted = self.in_sentence(hit, "doubt", "uncertain") or self._doubted_beside(hit)
            return quiet if doubted or self._denied_only_now(hit) else "none"
        if hit.rule.kind == "mention" and self._asked(hit) and not self._confirmed(hit) \
                and not self.aggravated(hit, family, asked=True):
            return quiet
        if self.time(hit) == "past" or before == "resolved" or self.resolved_later(hit):
            # a past sign of danger by itself (command voices) is worth a reminder even where a past mention is not
            return quiet if family.remind_past or hit.rule.kind == "acute" or self.aggravated(hit, family, past_too=True) \
                else "none"
        if before in ("conditional", "soften") or hit.rule.kind == "mention" and (
                before == "claimed" or self._softened_after(hit)):
            return quiet
        if hit.rule.kind == "mention" and hit.start in self.topics:
            return quiet
        if self._general_for(hit) or self.section[hit.start] == "conditional":
            # a course, a leaflet, a crisis plan: danger only if its own clause says it is here and now
            return "acute" if self.aggravated(hit, family, now_only=True) or hit.rule.kind == "acute" \
                and family.name in ACTS and self._now_in_clause(hit) else quiet
        if hit.rule.kind == "mention" and self._assessed_low(hit) and not self._now_in_clause(hit) \
                and not self.aggravated(hit, family, now_only=True):
            return quiet
        if hit.rule.kind == "mention" and family.name in SAFE_APART and self.mitigation(hit) >= 2 \
                and not self.aggravated(hit, family, now_only=True):
            return quiet  # violence told, and the one hit now safe away from it («bur no hjå mormor, far er ute»)
        if self._treated(hit) and not self.aggravated(hit, family, later_only=True):
            return quiet  # what brought a stay now ended («skriven ut for ei veke sidan etter sjølvmordsforsøk»)
        if family.name in SAFE_APART and self.time(hit) == "recent" and self._quiet_since(hit) \
                and not self.aggravated(hit, family, now_only=True):
            return quiet  # a threat weeks ago, none since («Truga broren for tre veker sidan … Ingen trugsmål sidan»)
        if hit.rule.kind == "acute" or self.aggravated(hit, family):
            return "acute"
        if self.mitigation(hit) >= 2:
            return quiet if hit.rule.level != "none" else "none"
        return hit.rule.level

    def _treated(self, hit: Hit) -> bool:
        """A stay told before it in its sentence was brought about by it (TREATED_REACH words on), and its own clause
        says nothing of now."""
        sentence = self.sentence[hit.start]
        return any(m.end <= hit.start <= m.end + TREATED_REACH and self.sentence[m.start] == sentence
                   and self.before(m.start) != "negated" for m in self.treated) \
            and not any(m.has("current") for m in self.clause_times.get(self.clause[hit.start], ()))

    def _quiet_since(self, hit: Hit) -> bool:
        """A later sentence says it has not happened again since («ingen nye trusler»), not denied itself."""
        sentence = self.sentence[hit.start]
        return any(self.sentence[p] > sentence and self.before(p) != "negated"
                   for p in self.quiet_since[bisect.bisect_left(self.quiet_since, hit.end):])

    def _tells_a_death(self, hit: Hit) -> bool:
        """«Broren tok livet sitt i februar, hengde seg i løa»: a clause that opens with the signal has no subject of
        its own, and goes on telling the death by suicide the clause before it told (unless it says now)."""
        clause = self.clause[hit.start]
        first = self.clause_start[clause]
        if not clause or self.words[first] in _CLAUSE_LINKS:
            first += 1
        if hit.start != first or self.sentence[self.clause_start[clause] - 1] != self.sentence[hit.start] \
                or self._now_in_clause(hit):
            return False
        before = self.clause_start[clause - 1]
        return any(h.rule.family == BEREAVED and before <= h.start < hit.start for h in self.hits)

    def _assessed_low(self, hit: Hit) -> bool:
        """A clinician judged the acute risk low in the hit's paragraph, not long ago and not denied («Vurdert til lav
        akutt risiko ved utskrivning»)."""
        paragraph = max(p for p in self.paragraph_starts if p <= hit.start)
        end = min((p for p in self.paragraph_starts if p > hit.start), default=self.n)
        return any(m.has("assessed_low") and paragraph <= m.start < end and self.before(m.start) != "negated"
                   and self.time(m) != "past" for m in self.marks)

    def _denied_only_now(self, hit: Hit) -> bool:
        """The denial speaks of now alone («ingen selvmordstanker nå, men hadde mange i fjor»)."""
        after = self.words[hit.end:hit.end + 2]
        return bool(after) and self.clause[hit.end] == self.clause[hit.start] \
            and (after[0] in self.table.denied_now or " ".join(after) in self.table.denied_now)

    def _doubted_beside(self, hit: Hit) -> bool:
        """«Kona er bekymret for ham. Han sier han aldri ville tatt livet sitt», «Avkrefter dødsønsker. Sønnen er
        bekymret.»: doubt in the sentence after, or in one of the two before (the worry, then what he still manages)."""
        sentence = self.sentence[hit.start]
        return any("doubt" in self.sentence_kinds.get(s, ()) for s in range(max(sentence - 2, 0), sentence + 2))

    def _softened_after(self, hit: Hit) -> bool:
        """Danger named, then said in the same sentence not to be acute («truer henne, hun er redd men ikke i fare
        akkurat nå»)."""
        return any(mark.has("soften") for mark in self._later_in_sentence(hit) if mark.start - hit.end <= NEAR)

    def _later_in_sentence(self, hit: Hit) -> Iterator[Mark]:
        """The marks after the hit, to the end of its sentence."""
        sentence = self.sentence[hit.start]
        for mark in self.marks[bisect.bisect_left(self.mark_starts, hit.end):]:
            if self.sentence[mark.start] != sentence:
                return
            yield mark

    def _asked(self, hit: Hit) -> bool:
        """The signal names what the doctor asked about in its sentence («Screenet for suicidalitet: …», «pas 27,
        spurt om S-tankar: …»), or heads what follows («Suicidalitet: tanker for en måned siden, ingen planer»)."""
        if all(self.heading[hit.start:hit.end]):
            return True
        sentence = self.sentence[hit.start]
        if self.sentence_kinds.get(sentence, set()).isdisjoint(("asked", "asked_opening")):
            return False
        first = bisect.bisect_left(self.mark_starts, self.sentence_start[sentence])
        return any(m.end <= hit.start and hit.start - m.end <= ASKED_REACH
                   and (m.has("asked") or m.has("asked_opening") and m.start == self.clause_start[self.clause[m.start]])
                   for m in self.marks[first:bisect.bisect_left(self.mark_starts, hit.start)])

    def _confirmed(self, hit: Hit) -> bool:
        """The answer after it says yes, with no denial in between («bekrefter», not «avkrefter alt, og kona
        bekrefter»)."""
        for mark in self._later_in_sentence(hit):
            if mark.has("negate", "negate_after", "negate_final"):
                return False
            if mark.has("confirmed"):
                return self.before(mark.start) != "negated"
        return False

    def only_procedure(self) -> bool:
        """Every sentence asks how to use a service («Hvordan henviser jeg til FACT, og må pasienten samtykke?»)."""
        return all("procedure" in self.sentence_kinds.get(self.sentence[first], ()) for first in self.sentence_start)

    def says_well(self) -> bool:
        """Some sentence says the patient is well now («helt i form i dag», «ellers frisk»)."""
        return any("well" in kinds for kinds in self.sentence_kinds.values())

    def about_gambling(self) -> bool:
        """Some sentence is about gambling or its debt: the worry a GP hears about it is seldom danger now."""
        return any("gambling" in kinds for kinds in self.sentence_kinds.values())

    def framed_general(self) -> bool:
        """Some sentence is about a course, teaching or a leaflet: the rest is likely about it too."""
        return any("general" in kinds for kinds in self.sentence_kinds.values())

    def about_now(self) -> str:
        """The sentences that are not history («Sykehistorie:»), a crisis plan, a teaching case or about a course or
        leaflet, say nothing of the patient being well now, do not only ask for a service («Ønsker nå bare en time»),
        and hold no phrase the rules know to be harmless («truer med å gå fra ham»)."""
        kept = []
        title = self._title_words()
        for first, end in zip(self.sentence_start, self.sentence_end):
            if self.section[first] not in ("past", "conditional", "example") and self.sentence_kinds.get(
                    self.sentence[first], set()).isdisjoint(("general", "well", "request")) \
                    and self.sentence[first] not in self.neutral_sentences and end > title:
                first = max(first, title)
                # a question keeps its mark: what the net reads after a harmless opening must tell, not only ask
                closing = (self._gap(end) if end < self.n else self.text[self.ends[-1]:]).split()
                asks = "?" if closing and "?" in closing[0] else ""
                kept.append(self.text[self.ends[first] - self.raw_lengths[first]:self.ends[end - 1]] + asks)
        return "\n".join(kept)

    def _title_words(self) -> int:
        """How many words a first line that names a pasted document has («Epikrise – SUS, Klinikk psykisk helsevern
        voksne»: no full stop or colon in it, more text below), else 0."""
        second = min((p for p in self.line_starts if p), default=0)
        if not 0 < second <= TITLE_WORDS or self.table.title_words.isdisjoint(self.words[:second]):
            return 0
        return 0 if _TITLE_STOPS.search(self.text, 0, self.ends[second - 1]) else second

    def unpunctuated_stretches(self) -> Iterator[str]:
        """Each sign of danger in a long sentence with no clause break, with the words around it (once per stretch:
        several readings of the same words share it)."""
        spans = {}
        for hit in self.hits:
            sentence = self.sentence[hit.start]
            first, end = self.sentence_start[sentence], self.sentence_end[sentence]
            if end - first >= UNPUNCTUATED_SENTENCE and self.clause[first] == self.clause[end - 1]:
                spans[max(first, hit.start - WINDOW_BEFORE), min(end, hit.end + WINDOW_AFTER)] = None
        for start, stop in spans:
            yield self.text[self.ends[start] - self.raw_lengths[start]:self.ends[stop - 1]]

    def _gap(self, p: int) -> str:
        """The characters between word p - 1 and word p."""
        return self.text[self.ends[p - 1]:self.ends[p] - self.raw_lengths[p]] if p else ""

    def said(self, hit: Hit) -> str:
        return self.text[self.ends[hit.start] - self.raw_lengths[hit.start]:self.ends[hit.end - 1]]


def triage(text: str) -> Triage:
    """Read the whole text, every character, and say whether it signals acute danger: the rules first, then the
    second net (classifier.py), which can only raise to acute a text in which the rules recognised nothing or only
    what is worth a reminder (what they ruled out or found harmless stays their call), and reads only what is said
    about now (not history sections, crisis plans, teaching cases or courses, nor a sentence the rules found harmless).
    To overrule a reminder, where the rules found a sentence harmless («kuttet seg med kniv i pekefingeren på jobb»)
    or a sentence is about a course or teaching or about gambling, where the text only asks how to use a service, or
    where it says the patient is well now, it must be surer (REMINDER_MARGIN above its threshold), and it leaves a
    danger the text says is over («tok ved en feil dobbel dose …, Giftinformasjonen sier ufarlig»)."""
    reading = _Reading(text, signals())
    found = _by_rules(reading)
    net = model()
    if found.urgent or net is None or reading.hits and found.level != "reminder" or reading.settled:
        return found
    surer = reading.hits or reading.neutral_sentences or reading.framed_general() or reading.only_procedure() \
        or reading.says_well() or reading.about_gambling()
    alarming = net.alarming(reading.about_now(), REMINDER_MARGIN if surer else 0.0, whole=bool(surer))
    if alarming is None:
        return found
    return Triage("acute", (SECOND_NET_REASON,), found.reminders, (alarming.strip()[:200], *found.evidence),
                  found.families)


def about_now(text: str) -> str:
    """What the second net reads of a text: the sentences that are not history, a crisis plan or a course."""
    return _Reading(text, signals()).about_now()


def by_rules(text: str) -> Triage:
    """The triage of the phrases in signals.yaml alone."""
    return _by_rules(_Reading(text, signals()))


def _by_rules(reading: _Reading) -> Triage:
    found = _judged(reading)
    if found.urgent or _PUNCTUATED.search(reading.text):
        return found
    for stretch in reading.unpunctuated_stretches():
        local = _judged(_Reading(stretch, reading.table))
        if local.urgent:
            return Triage("acute", local.reasons, found.reminders, local.evidence,
                          tuple(dict.fromkeys(local.families + found.families)))
    return found


def _judged(reading: _Reading) -> Triage:
    table = reading.table
    levels: dict[str, Level] = {}
    evidence: dict[str, str] = {}
    for hit in reading.hits:
        family = hit.rule.family
        if levels.get(family) == "acute":
            continue
        level = reading.judge(hit)
        if _RANK[level] > _RANK[levels.get(family, "none")]:
            levels[family] = level
            evidence[family] = reading.said(hit)
    acute = [f for f, level in levels.items() if level == "acute"]
    remind = [f for f, level in levels.items() if level == "reminder"]
    return Triage(
        level="acute" if acute else "reminder" if remind else "none",
        reasons=tuple(dict.fromkeys(table.families[f].reason for f in acute)),
        reminders=tuple(dict.fromkeys(table.families[f].reminder for f in remind if table.families[f].reminder)),
        evidence=tuple(evidence[f] for f in acute + remind),
        families=tuple(acute + remind),
    )
