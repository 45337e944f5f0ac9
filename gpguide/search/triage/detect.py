"""Safety triage: acute danger, a safety reminder, or nothing, read from the whole question.

The phrases live in signals.yaml. A signal («selvmordstanker», «tatt 40 Paracet», «puster nesten ikke») is read
with the words around it: negation («ingen», «benekter») only in its own clause and just before it (or just after:
«SI: neg»); time («tidligere», «for 5 år siden», «fortsatt», «nå») from the nearest time word in its sentence;
what makes it worse («plan», «i kveld», «kan ikke utelukke») or milder («kronisk», «avtaleklar») from nearby.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import yaml

from gpguide.search.triage.phrases import Compiler, Phrase, fold

Level = Literal["acute", "reminder", "none"]
DATA = Path(__file__).with_name("signals.yaml")
_RANK = {"none": 0, "reminder": 1, "acute": 2}
_WORD = re.compile(r"[^\W\d_]+|\d+")
_SENTENCE_END = frozenset(".!?;\n…")
_CLAUSE_BREAK = frozenset(",–—/|+\"«»“”")
NEAR = 8  # words: how far a sign that makes danger worse may stand from it, beyond its own sentence
MITIGATION_WINDOW = 20
LOOK_BACK = 25


@dataclass(frozen=True)
class Triage:
    level: Level
    reasons: tuple[str, ...] = ()  # why it is acute, short Norwegian («selvmordsfare»)
    reminders: tuple[str, ...] = ()  # what to keep in mind when it is not an emergency
    evidence: tuple[str, ...] = ()  # the words that decided, as the GP wrote them

    @property
    def urgent(self) -> bool:
        return self.level == "acute"


@dataclass(frozen=True)
class Family:
    name: str
    reason: str  # empty: never acute (bereavement, access to means)
    reminder: str | None
    remind_past: bool = True  # «psykose for ti år siden, stabil» needs no reminder


@dataclass(frozen=True)
class Rule:
    phrase: Phrase
    kind: str  # signals: acute | mention | neutral; marks: negate, past, aggravate, ...
    family: str | None = None  # None for marks that hold for every family
    level: Level = "acute"  # what a mention means when nothing around it says more
    weight: int = 0  # mitigators: 2 is enough alone, 1 needs company


MARK_KINDS = ("negate", "negate_after", "negate_final", "soften", "resolved", "resolved_after", "affirm", "uncertain",
              "doubt", "conditional", "general", "past", "recent", "current")


class Signals:
    """signals.yaml compiled: phrase rules indexed by the atoms of their first word."""

    def __init__(self, data: dict):
        context = data["context"]
        self.aliases = {fold(k): fold(v) for k, v in data["aliases"].items()}
        self.slash_words = {fold(k): fold(v) for k, v in context["slash_words"].items()}
        self.compiler = Compiler(data["classes"], context.get("not_typos", []), data["aliases"])
        self.fillers = frozenset(fold(w) for w in context["filler"])
        self.clause_words = frozenset(fold(w) for w in context["clause_words"])
        self.abbreviations = frozenset(fold(w) for w in context["abbreviations"])
        self.negation_words = frozenset(fold(w) for w in context["negation_words"])
        self.negation_stops = frozenset(fold(w) for w in context["negation_stops"])
        self.families: dict[str, Family] = {}
        self.signals: list[Rule] = []
        self.marks: list[Rule] = []
        for kind in MARK_KINDS:
            self._add(self.marks, context[kind], kind)
        for family, phrases in data["aggravate"].items():
            self._add(self.marks, phrases, "aggravate", None if family == "all" else family)
        for family, phrases in data["aggravate_in_clause"].items():
            self._add(self.marks, phrases, "aggravate_here", family)
        for family, strengths in data["mitigate"].items():
            for strength, weight in (("strong", 2), ("weak", 1)):
                self._add(self.marks, strengths.get(strength, []), "mitigate", None if family == "all" else family,
                          weight=weight)
        for name, spec in data["families"].items():
            self.families[name] = Family(name, spec.get("reason", ""), spec.get("reminder"),
                                         spec.get("remind_past", True))
            self._add(self.signals, spec.get("acute", []), "acute", name, typos=True)
            self._add(self.signals, spec.get("mention", []), "mention", name, level=spec.get("default", "acute"),
                      typos=True)
            self._add(self.signals, spec.get("remind", []), "mention", name, level="reminder", typos=True)
            self._add(self.signals, spec.get("watch", []), "mention", name, level="none", typos=True)
        self._add(self.signals, data["neutral"], "neutral")
        self.signal_index = self._index(self.signals)
        self.mark_index = self._index(self.marks)

    def _add(self, rules: list[Rule], phrases: list[str], kind: str, family: str | None = None,
             level: Level = "acute", weight: int = 0, typos: bool = False) -> None:
        for source in phrases:
            for phrase in self.compiler.compile(source, typos):
                rules.append(Rule(phrase, kind, family, level, weight))

    @staticmethod
    def _index(rules: list[Rule]) -> dict[int, list[Rule]]:
        index: dict[int, list[Rule]] = {}
        for rule in rules:
            for atom in rule.phrase.elements[0].atoms:
                index.setdefault(atom, []).append(rule)
        return index


@cache
def signals() -> Signals:
    return Signals(yaml.safe_load(DATA.read_text(encoding="utf-8")))


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


class _Reading:
    """One question, split into words, clauses and sentences, with every phrase found in it."""

    def __init__(self, text: str, table: Signals):
        self.table = table
        self.text = unicodedata.normalize("NFKC", text)
        self.spans: list[tuple[int, int]] = []
        self.labels: list[frozenset[int]] = []  # as written: context words are never read as typos
        self.typo_labels: list[frozenset[int]] = []
        self.negation: list[bool] = []
        self.stop: list[bool] = []
        self.filler: list[bool] = []
        self.clause: list[int] = []
        self.sentence: list[int] = []
        self._split()
        self.marks = self._resolve_marks(self._find(table.mark_index, self.labels))
        self.mark_at: list[Mark | None] = [None] * len(self.spans)
        for mark in self.marks:
            for p in range(mark.start, mark.end):
                self.mark_at[p] = mark
        self.mark_starts = [m.start for m in self.marks]
        self.hits = self._resolve_signals(self._find(table.signal_index, self.typo_labels))
        self.signal_at: list[Hit | None] = [None] * len(self.spans)
        for hit in self.hits:
            for p in range(hit.start, hit.end):
                self.signal_at[p] = hit

    def _split(self) -> None:
        atoms, table = self.table.compiler.atoms, self.table
        clause = sentence = 0
        previous_end, previous_word = 0, ""
        for match in _WORD.finditer(self.text):
            gap = self.text[previous_end:match.start()]
            raw = match.group()
            word = fold(raw)
            slash = word in table.slash_words and self.text.startswith("/", match.end())
            if slash:
                raw = word = table.slash_words[word]
            word = table.aliases.get(word, word)
            if previous_word in table.slash_words.values() and gap.startswith("/"):
                gap = gap[1:]
            if self.spans and gap.strip(" "):
                if self._ends_sentence(gap, previous_word, raw):
                    sentence += 1
                    clause += 1
                elif any(c in _CLAUSE_BREAK for c in gap) or " - " in gap:
                    clause += 1
            if self.spans and word in table.clause_words:
                clause += 1
            self.spans.append(match.span())
            exact, with_typos = atoms.labels(raw)
            self.labels.append(exact)
            self.typo_labels.append(with_typos)
            self.negation.append(word in table.negation_words)
            self.stop.append(word in table.negation_stops)
            self.filler.append(word in table.fillers)
            self.clause.append(clause)
            self.sentence.append(sentence)
            previous_end, previous_word = match.end(), word

    def _ends_sentence(self, gap: str, previous: str, following: str) -> bool:
        if not any(c in _SENTENCE_END for c in gap):
            return False
        if gap.strip() == "." and (previous in self.table.abbreviations or gap == "." and previous.isdigit()):
            return False
        return True

    def _find(self, index: dict[int, list[Rule]], labels_at: list[frozenset[int]]) -> list[Hit]:
        hits = []
        for i, labels in enumerate(labels_at):
            tried: set[int] = set()
            for atom in labels:
                for rule in index.get(atom, ()):
                    if id(rule) in tried:
                        continue
                    tried.add(id(rule))
                    end = self._match(rule.phrase.elements, 1, i + 1, self.clause[i], labels_at)
                    if end is not None:
                        hits.append(Hit(rule, i, end))
        return hits

    def _match(self, elements, k: int, position: int, clause: int, labels_at: list[frozenset[int]]) -> int | None:
        if k == len(elements):
            return position
        element = elements[k]
        for p in range(position, min(position + element.gap + 1, len(labels_at))):
            if self.clause[p] != clause:
                return None
            if not element.atoms.isdisjoint(labels_at[p]):
                end = self._match(elements, k + 1, p + 1, clause, labels_at)
                if end is not None:
                    return end
            if self.negation[p]:
                return None
        return None

    def _resolve_marks(self, hits: list[Hit]) -> list[Mark]:
        """Longest phrase first: «kan ikke utelukke» is not a negation, «ingen plan» not a plan."""
        spans: dict[tuple[int, int], list[Rule]] = {}
        for hit in hits:
            spans.setdefault((hit.start, hit.end), []).append(hit.rule)
        taken = [False] * len(self.spans)
        kept = []
        for (start, end), rules in sorted(spans.items(), key=lambda s: (s[0][0] - s[0][1], s[0][0])):
            if not any(taken[p] for p in range(start, end)):
                for p in range(start, end):
                    taken[p] = True
                kept.append(Mark(start, end, tuple(rules)))
        return sorted(kept, key=lambda m: m.start)

    def _resolve_signals(self, hits: list[Hit]) -> list[Hit]:
        """Neutral phrases («selvmordsforebygging», «hoppe av skolen») silence what they overlap; a signal inside a
        longer or more specific one («broren tok livet sitt» over «livet sitt») gives way to it."""
        neutral = [False] * len(self.spans)
        for hit in hits:
            if hit.rule.kind == "neutral":
                for p in range(hit.start, hit.end):
                    neutral[p] = True
        owner: list[Hit | None] = [None] * len(self.spans)
        kept = []
        for hit in sorted(hits, key=lambda h: (h.start - h.end, -h.rule.phrase.specificity)):
            if hit.rule.kind == "neutral" or any(neutral[p] for p in range(hit.start, hit.end)):
                continue
            cover = owner[hit.start]
            if cover is not None and cover.end >= hit.end and (
                    cover.end - cover.start > hit.end - hit.start
                    or cover.rule.phrase.specificity > hit.rule.phrase.specificity):
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
        filler words and other signals («ikke psykotisk eller suicidal»), not over other words («ikke gjorde noe»)."""
        clause, others, p = self.clause[start], 0, start - 1
        while p >= 0 and self.clause[p] == clause and start - p <= LOOK_BACK:
            mark = self.mark_at[p]
            if mark is not None and mark.has("affirm", "uncertain", "conditional"):
                return "conditional" if mark.has("conditional") else "affirm"
            if mark is not None and mark.has("soften", "resolved") and not others:
                return "soften" if mark.has("soften") else "resolved"
            negation = self.negation[p] or mark is not None and (mark.has("negate") or self.negation[mark.start])
            if negation and not others:  # «ingen plan eller intensjon»: «ingen» reaches past «plan eller»
                return "negated"
            if mark is not None:
                p = mark.start - 1
                continue
            signal = self.signal_at[p]
            if signal is not None:
                p = signal.start - 1
                continue
            if self.stop[p] or not self.filler[p]:
                others += 1
            p -= 1
        return None

    def negated_after(self, end: int) -> bool:
        """«SI: neg», «selvmordstanker benektes», «Suicidalitet: ingen»."""
        clause, p, others = self.clause[end - 1], end, 0
        while p < len(self.spans) and self.clause[p] == clause and others <= 1:
            mark = self.mark_at[p]
            if mark is not None:
                if mark.has("negate_after"):
                    return True
                if mark.has("negate_final"):
                    return mark.end == len(self.spans) or self.clause[mark.end] != clause
                if mark.has("affirm", "uncertain"):
                    return False
                p = mark.end
                continue
            if not self.filler[p]:
                others += 1
            p += 1
        return False

    def time(self, hit: Hit) -> str:
        """past, recent or current: from the nearest time word in its clause, or in a clause of the same sentence
        that says nothing but the time («For fem år siden, etter skilsmissen, forsøkte han ...»)."""
        best, best_key = "current", None
        sentence, clause = self.sentence[hit.start], self.clause[hit.start]
        for mark in self._marks_near(hit, sentence_only=True):
            kinds = [r.kind for r in mark.rules if r.kind in ("past", "recent", "current")]
            if not kinds or self.clause[mark.start] != clause and not self._only_time(mark):
                continue
            distance = hit.start - mark.end if mark.end <= hit.start else max(0, mark.start - hit.end)
            key = (self.clause[mark.start] != clause, distance)
            if best_key is None or key < best_key:
                best, best_key = kinds[0], key
        return best

    def _only_time(self, mark: Mark) -> bool:
        clause = self.clause[mark.start]
        p = mark.start
        while p > 0 and self.clause[p - 1] == clause:
            p -= 1
        while p < len(self.spans) and self.clause[p] == clause:
            if not (mark.start <= p < mark.end or self.filler[p] or self.mark_at[p] is not None):
                return False
            p += 1
        return True

    def _marks_near(self, hit: Hit, sentence_only: bool = False, window: int = NEAR) -> list[Mark]:
        sentence = self.sentence[hit.start]
        low = bisect.bisect_left(self.mark_starts, hit.start - LOOK_BACK * 2)
        found = []
        for mark in self.marks[low:]:
            if mark.start > hit.end + LOOK_BACK * 2:
                break
            same = self.sentence[mark.start] == sentence
            near = mark.end > hit.start - window and mark.start < hit.end + window
            if same or (not sentence_only and near):
                found.append(mark)
        return found

    def resolved_later(self, hit: Hit) -> bool:
        """«tenkt på å dø før, men ikke nå», «to OD-ar siste året, ingen no»."""
        return any(m.has("resolved_after") and m.start >= hit.end and m.start - hit.end <= NEAR
                   for m in self._marks_near(hit, sentence_only=True))

    def general(self, hit: Hit) -> bool:
        return any(m.has("general") for m in self._marks_near(hit, sentence_only=True))

    def aggravated(self, hit: Hit) -> bool:
        for mark in self._marks_near(hit):
            if hit.start <= mark.start and mark.end <= hit.end:
                continue  # part of the signal's own words
            if mark.has("uncertain") and self.sentence[mark.start] == self.sentence[hit.start]:
                return True
            worse = any(r.kind == "aggravate" and r.family in (None, hit.rule.family) for r in mark.rules) or any(
                r.kind == "aggravate_here" and r.family == hit.rule.family for r in mark.rules) \
                and self.clause[mark.start] == self.clause[hit.start]
            if worse and self.before(mark.start) in (None, "affirm"):
                return True
        return False

    def mitigation(self, hit: Hit) -> int:
        weight = 0
        for mark in self._marks_near(hit, window=MITIGATION_WINDOW):
            if mark.has("soften"):
                weight += 2
            strength = max((r.weight for r in mark.rules if r.kind == "mitigate" and r.family in (None, hit.rule.family)),
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
        before = self.before(hit.start)
        if before == "negated" or before is None and self.negated_after(hit.end):
            doubt = any(m.has("doubt", "uncertain") for m in self._marks_near(hit, sentence_only=True))
            return quiet if doubt else "none"
        if self.time(hit) == "past" or before == "resolved" or self.resolved_later(hit):
            return quiet if family.remind_past else "none"
        if before in ("conditional", "soften"):
            return quiet
        if hit.rule.kind == "acute":
            return "acute"
        if self.general(hit):
            return quiet
        if self.aggravated(hit):
            return "acute"
        if self.mitigation(hit) >= 2:
            return quiet if hit.rule.level != "none" else "none"
        return hit.rule.level

    def words(self, hit: Hit) -> str:
        return self.text[self.spans[hit.start][0]:self.spans[hit.end - 1][1]]


def triage(text: str) -> Triage:
    """Read the whole text, every character, and say whether it signals acute danger."""
    table = signals()
    reading = _Reading(text, table)
    levels: dict[str, Level] = {}
    evidence: dict[str, list[str]] = {}
    for hit in reading.hits:
        family = hit.rule.family
        if levels.get(family) == "acute":
            continue
        level = reading.judge(hit)
        if _RANK[level] > _RANK[levels.get(family, "none")]:
            levels[family] = level
            evidence[family] = [reading.words(hit)]
    return _result(levels, evidence, table)


def _result(levels: dict[str, Level], evidence: dict[str, list[str]], table: Signals) -> Triage:
    acute = [f for f, level in levels.items() if level == "acute"]
    remind = [f for f, level in levels.items() if level == "reminder"]
    level: Level = "acute" if acute else "reminder" if remind else "none"
    return Triage(
        level=level,
        reasons=tuple(dict.fromkeys(table.families[f].reason for f in acute)),
        reminders=tuple(dict.fromkeys(table.families[f].reminder for f in remind if table.families[f].reminder)),
        evidence=tuple(e for f in acute + remind for e in evidence[f]),
    )
