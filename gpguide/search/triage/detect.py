"""Safety triage: acute danger, a safety reminder, or nothing, read from the whole question.

The phrases live in signals.yaml. A signal («selvmordstanker», «tatt 40 Paracet», «puster nesten ikke») is read
with the words around it: negation («ingen», «benekter») only in its own clause and right before it (or right after:
«SI: neg»); time («tidligere», «for 5 år siden», «fortsatt», «nå») from the nearest time word in its clause, else
from the journal section it stands in («Sykehistorie:»); what makes it worse («plan», «i kveld», «kan ikke
utelukke») or milder («kronisk», «avtaleklar») from nearby. Every step is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from gpguide.search.triage.table import NEAR, OVERRIDING, Family, Level, Rule, Signals, signals
from gpguide.search.triage.phrases import fold

_RANK = {"none": 0, "reminder": 1, "acute": 2}
_WORD = re.compile(r"[^\W\d_]+|\d+")
_SENTENCE_END = frozenset(".!?;\n…")
_CLAUSE_BREAK = frozenset(",–—/|+")
MITIGATION_WINDOW = 20
LOOK_BACK = 25
SENTENCE_REACH = 120  # a sentence longer than this is read in parts, so that every step stays linear
HEADING_WORDS = 6  # «Vurdering av selvmordsrisiko i dag:» is a heading; a colon after more words is not
_COLON = re.compile(r"[)\]\s]*:")
TIME = frozenset({"past", "recent", "current"})
WORSE_OR_MILDER = frozenset({"aggravate", "aggravate_here", "mitigate"})  # never read from a heading («Plan:»)


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
    """One question, split into words, clauses, sentences and journal sections, with every phrase found in it."""

    def __init__(self, text: str, table: Signals):
        self.table = table
        self.text = unicodedata.normalize("NFKC", text)
        self.spans: list[tuple[int, int]] = []
        self.words: list[str] = []  # folded, dialect read as standard
        self.labels: list[frozenset[int]] = []  # as written: context words are never read as typos
        self.typo_labels: list[frozenset[int]] = []
        self.negation: list[bool] = []
        self.stop: list[bool] = []
        self.filler: list[bool] = []
        self.clause: list[int] = []
        self.sentence: list[int] = []
        self.clause_start: dict[int, int] = {}  # clause → its first word
        self.sentence_start: dict[int, int] = {}
        self.sentence_end: dict[int, int] = {}  # exclusive
        self.line_start: list[bool] = []
        self.paragraph_start: list[bool] = []
        self._split()
        self.heading = [False] * len(self.spans)
        self.section: list[str | None] = [None] * len(self.spans)  # "past" under «Sykehistorie:», "current" ...
        self._sections()
        self.marks = self._resolve_marks(self._find(table.mark_index, self.labels))
        self.mark_at: list[Mark | None] = [None] * len(self.spans)
        for mark in self.marks:
            for p in range(mark.start, mark.end):
                if self.mark_at[p] is None or self.mark_at[p].end - self.mark_at[p].start < mark.end - mark.start:
                    self.mark_at[p] = mark
        self.mark_starts = [m.start for m in self.marks]
        self.hits = self._resolve_signals(self._find(table.signal_index, self.typo_labels))
        self.signal_at: list[Hit | None] = [None] * len(self.spans)
        for hit in self.hits:
            for p in range(hit.start, hit.end):
                self.signal_at[p] = hit

    # --- splitting ---

    def _split(self) -> None:
        atoms, table = self.table.compiler.atoms, self.table
        clause = sentence = 0
        previous_end, previous_word = 0, ""
        for match in _WORD.finditer(self.text):
            gap = self.text[previous_end:match.start()]
            raw = match.group()
            word = fold(raw)
            if word in table.slash_words and self.text.startswith("/", match.end()):
                raw = word = table.slash_words[word]
            word = table.aliases.get(word, word)
            if previous_word in table.slash_words.values() and gap.startswith("/"):
                gap = gap[1:]
            if self.spans and gap.strip(" "):
                if self._ends_sentence(gap, previous_word):
                    sentence += 1
                    clause += 1
                elif any(c in _CLAUSE_BREAK for c in gap) or " - " in gap:
                    clause += 1
            if self.spans and word in table.clause_words:
                clause += 1
            self.clause_start.setdefault(clause, len(self.spans))
            self.sentence_start.setdefault(sentence, len(self.spans))
            self.sentence_end[sentence] = len(self.spans) + 1
            self.line_start.append(not self.spans or "\n" in gap)
            self.paragraph_start.append(not self.spans or gap.count("\n") > 1)
            self.spans.append(match.span())
            self.words.append(word)
            exact, with_typos = atoms.labels(raw)
            self.labels.append(exact)
            self.typo_labels.append(with_typos)
            self.negation.append(word in table.negation_words)
            self.stop.append(word in table.negation_stops)
            self.filler.append(word in table.fillers)
            self.clause.append(clause)
            self.sentence.append(sentence)
            previous_end, previous_word = match.end(), word

    def _ends_sentence(self, gap: str, previous: str) -> bool:
        if not any(c in _SENTENCE_END for c in gap):
            return False
        return not (gap.strip() == "." and (previous in self.table.abbreviations or gap == "." and previous.isdigit()))

    def _sections(self) -> None:
        """«Sykehistorie: ...» is history up to the next heading, the end of its line (when the heading has text after
        it) or a blank line (when it stands alone); «Aktuelt:», «I dag:» is now. Headings themselves («Plan:») are not
        read as signs of danger."""
        table, section, inline = self.table, None, False
        for i in range(len(self.spans)):
            if self.paragraph_start[i] or self.line_start[i] and inline:
                section = None
            if not i or self.sentence[i] != self.sentence[i - 1]:
                end = next((j for j in range(i, min(i + HEADING_WORDS, len(self.spans)))
                            if _COLON.match(self.text, self.spans[j][1])), None)
                if end is not None:
                    heading = self.words[i:end + 1]
                    section = ("past" if table.history_headings.intersection(heading) else
                               "conditional" if table.plan_headings.intersection(heading) else
                               "current" if table.current_headings.intersection(heading) else section)
                    inline = end + 1 < len(self.spans) and not self.line_start[end + 1]
                    for p in range(i, end + 1):
                        self.heading[p] = True
            self.section[i] = section

    # --- finding phrases ---

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
                    if end is not None and self._has_needed(rule, i):
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

    def _has_needed(self, rule: Rule, start: int) -> bool:
        if rule.needs is None:
            return True
        sentence = self.sentence[start]
        for step in (-1, 1):
            p = start
            while 0 <= p < len(self.spans) and self.sentence[p] == sentence:
                if not rule.needs.isdisjoint(self.typo_labels[p]):
                    return True
                p += step
        return False

    def _resolve_marks(self, hits: list[Hit]) -> list[Mark]:
        """A longer negating or qualifying phrase overrides what it contains («kan ikke utelukke» is no negation,
        «ingen plan» no plan); headings («Plan:») are no context at all."""
        spans: dict[tuple[int, int], list[Rule]] = {}
        for hit in hits:
            if hit.rule.kind in WORSE_OR_MILDER and any(self.heading[p] for p in range(hit.start, hit.end)):
                continue
            spans.setdefault((hit.start, hit.end), []).append(hit.rule)
        overridden = [False] * len(self.spans)
        timed = [False] * len(self.spans)  # «tidligere enn vanlig» is no «tidligere»
        kept = []
        for (start, end), rules in sorted(spans.items(), key=lambda s: (s[0][0] - s[0][1], s[0][0])):
            inside = range(start, end)
            if any(overridden[p] for p in inside):
                continue
            if any(timed[p] for p in inside):
                rules = [r for r in rules if r.kind not in TIME]
            if not rules:
                continue
            for p in inside:
                overridden[p] = overridden[p] or any(r.kind in OVERRIDING for r in rules) or self.negation[start]
                timed[p] = timed[p] or any(r.kind in TIME for r in rules)
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
        filler words and other signals («ikke psykotisk eller suicidal»), not over other words («ikke gjorde noe»),
        and over the items of a list it heads («Ingen rus, psykose eller SI»)."""
        clause, others, p = self.clause[start], 0, start - 1
        while p >= 0 and start - p <= LOOK_BACK:
            if self.clause[p] != clause:
                if others <= 0 and self.sentence[p] == self.sentence[start] and self._in_list(start):
                    clause, others = self.clause[p], -1  # the previous list item
                    continue
                return None
            mark = self.mark_at[p]
            if mark is not None and mark.has("affirm", "uncertain", "conditional"):
                return "conditional" if mark.has("conditional") else "affirm"
            if mark is not None and mark.has("soften", "resolved") and others <= 0:
                return "soften" if mark.has("soften") else "resolved"
            negation = self.negation[p] or mark is not None and (mark.has("negate") or self.negation[mark.start])
            if negation and others <= 0:
                return "negated"
            if mark is not None:
                p = mark.start - 1
                continue
            signal = self.signal_at[p]
            if signal is not None:
                p = signal.start - 1
                continue
            if self.words[p] == "eller" and others <= 0:
                others = -1  # «ingen konflikt eller trusler»: one more word may stand between
            elif self.stop[p] or not self.filler[p]:
                others += 1
            p -= 1
        return None

    def _in_list(self, start: int) -> bool:
        """The signal stands in a list closed by «eller» («Ingen rus, psykose eller selvmordstanker»)."""
        sentence = self.sentence[start]
        return any(self.words[p] == "eller" and self.sentence[p] == sentence
                   for p in range(max(0, start - LOOK_BACK), min(len(self.spans), start + LOOK_BACK)))

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

    def time(self, hit: Hit | Mark) -> str:
        """past, recent or current: the nearest time word in its clause, or in a clause of the sentence that says
        nothing but the time («For fem år siden, etter skilsmissen, forsøkte han»), or in the clause before when this
        one starts with «da» («i 2015, da han truet naboen»); else its journal section; else now."""
        clause = self.clause[hit.start]
        found = self._time_in(hit, lambda mark: self.clause[mark.start] == clause or self._only_time(mark))
        first = self.clause_start[clause]
        if found is None and self.words[first] in self.table.inherit_time and first \
                and self.sentence[first - 1] == self.sentence[first]:
            previous = self.clause[first - 1]
            found = self._time_in(hit, lambda mark: self.clause[mark.start] == previous)
        return found or self.section[hit.start] or "current"

    def _time_in(self, hit: Hit | Mark, where) -> str | None:
        best, best_key = None, None
        for mark in self._marks_near(hit, sentence_only=True):
            kinds = [r.kind for r in mark.rules if r.kind in ("past", "recent", "current")]
            if not kinds or not where(mark):
                continue
            distance = hit.start - mark.end if mark.end <= hit.start else max(0, mark.start - hit.end)
            key = (self.clause[mark.start] != self.clause[hit.start], distance)
            if best_key is None or key < best_key:
                best, best_key = kinds[0], key
        return best

    def _only_time(self, mark: Mark) -> bool:
        clause = self.clause[mark.start]
        p = self.clause_start[clause]
        while p < len(self.spans) and self.clause[p] == clause:
            if not (mark.start <= p < mark.end or self.filler[p] or self.mark_at[p] is not None):
                return False
            p += 1
        return True

    def _marks_near(self, hit: Hit | Mark, sentence_only: bool = False, window: int = NEAR) -> list[Mark]:
        """Context marks in the same sentence (at most SENTENCE_REACH words away) or within `window` words."""
        sentence = self.sentence[hit.start]
        first = max(min(self.sentence_start[sentence], hit.start - window), hit.start - SENTENCE_REACH)
        last = min(max(self.sentence_end[sentence], hit.end + window), hit.end + SENTENCE_REACH)
        found = []
        for mark in self.marks[bisect.bisect_left(self.mark_starts, first):]:
            if mark.start > last:
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

    def aggravated(self, hit: Hit, family: Family, now_only: bool = False) -> bool:
        """Something nearby makes it danger now: a plan, tonight, a weapon, «kan ikke utelukke» (not in the past:
        «i 2015, da han truet naboen med kniv» does not make today's psychosis dangerous). With `now_only`, only a
        word of time in its own clause («i kveld», «nå») counts."""
        for mark in self._marks_near(hit, window=family.reach):
            if hit.start <= mark.start and mark.end <= hit.end:
                continue  # part of the signal's own words
            if now_only and (self.clause[mark.start] != self.clause[hit.start] or not mark.has("current", "recent")):
                continue
            if mark.has("uncertain") and self.sentence[mark.start] == self.sentence[hit.start]:
                return True
            worse = any(r.kind == "aggravate" and r.family in (None, family.name) for r in mark.rules) or any(
                r.kind == "aggravate_here" and r.family == family.name for r in mark.rules) \
                and self.clause[mark.start] == self.clause[hit.start]
            if worse and self.before(mark.start) in (None, "affirm") and self.time(mark) != "past":
                return True
        return False

    def mitigation(self, hit: Hit) -> int:
        weight = 0
        for mark in self._marks_near(hit, window=MITIGATION_WINDOW):
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
        before = self.before(hit.start)
        if before == "negated" or before is None and self.negated_after(hit.end):
            doubt = any(m.has("doubt", "uncertain") for m in self._marks_near(hit, sentence_only=True))
            return quiet if doubt else "none"
        if self.time(hit) == "past" or before == "resolved" or self.resolved_later(hit):
            return quiet if family.remind_past else "none"
        if before in ("conditional", "soften"):
            return quiet
        if self.general(hit) or self.section[hit.start] == "conditional":
            # a course, a leaflet, a crisis plan: danger only if its own clause says it is here and now
            return "acute" if self.aggravated(hit, family, now_only=True) else quiet
        if hit.rule.kind == "acute" or self.aggravated(hit, family):
            return "acute"
        if self.mitigation(hit) >= 2:
            return quiet if hit.rule.level != "none" else "none"
        return hit.rule.level

    def said(self, hit: Hit) -> str:
        return self.text[self.spans[hit.start][0]:self.spans[hit.end - 1][1]]


def triage(text: str) -> Triage:
    """Read the whole text, every character, and say whether it signals acute danger."""
    table = signals()
    reading = _Reading(text, table)
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
    )
