"""The vocabulary as lookup tables: terms, stems, phrases, ICPC-2 and ICD-10 codes, and kommune names.

It depends only on vocabulary.yaml and the kommuner, never on how many services there are."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from gpguide.catalogue import Catalogue, Concept
from gpguide.search.normalise import stem, tokens

MIN_FUZZY_LEN = 5
# Everyday words one edit from a clinical term: never read as its typo («forverret» is not «forvirret», «underveis» no
# «undervekt», «barnebarnet» no «barnevernet»).
NOT_TYPOS = frozenset({"forverret", "forverra", "forverrer", "forverres", "forverrast", "underveis", "undervegs",
                       "barnebarn", "barnebarnet", "barnebarna", "barnebarni", "strekk", "hoster", "hostar", "trenge",
                       "brukerorg", "pensjonen"})
# Everyday words whose stem is a term's: «gjelder» (concerns) is no «gjeld» (debt).
NOT_STEMMED = frozenset({"gjelder", "gjelde", "gjeldende", "gjeldande"})
MAX_TYPOS = 50_000  # words whose nearest vocabulary word is remembered
MIN_ABBREVIATION = 3  # «alk.» is alkohol; «al.» is nothing
WORK_WITH = ("arbeid", "arbeidet")  # a compound's head that names work with its first part


@dataclass
class Lexicon:
    concepts: dict[str, Concept]
    exact: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    stems: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    phrases: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    phrases_by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))
    icpc: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    icd10: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    narrower: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    fuzzy_choices: list[str] = field(default_factory=list)
    single_words: list[str] = field(default_factory=list)  # sorted, for words cut short
    kommune_names: dict[str, str] = field(default_factory=dict)
    _typos: dict[str, tuple[str, float] | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, catalogue: Catalogue) -> "Lexicon":
        lex = cls(concepts=catalogue.concepts)
        for concept in catalogue.concepts.values():
            for term in concept.terms:
                words = tokens(term)
                if len(words) == 1:
                    lex.exact[words[0]].add(concept.id)
                    lex.stems[stem(words[0])].add(concept.id)
                elif words:
                    lex.phrases[tuple(stem(w) for w in words)].add(concept.id)
            for code in concept.icpc:
                lex.icpc[code.lower()].add(concept.id)
            for code in concept.icd10:
                lex.icd10[code.lower()].add(concept.id)
            for parent in concept.broader:
                lex.narrower[parent].add(concept.id)
        lex.phrases = dict(sorted(lex.phrases.items(), key=lambda p: -len(p[0])))
        for phrase in lex.phrases:
            lex.phrases_by_first[phrase[0]].append(phrase)
        lex.fuzzy_choices = sorted(w for w in lex.exact if len(w) >= MIN_FUZZY_LEN)
        lex.single_words = sorted(lex.exact)
        for kommune_id, known in catalogue.kommune_names().items():
            for name in (kommune_id, known.name, *known.alternate_names):
                lex.kommune_names[" ".join(tokens(name))] = kommune_id
        return lex

    @functools.cached_property
    def one_word_kommuner(self) -> frozenset[str]:
        """The kommune names of one word, as a question names its kommune («Har Strand …?»)."""
        return frozenset(n for n in self.kommune_names if " " not in n)

    @functools.cached_property
    def phrase_stems(self) -> frozenset[str]:
        """The stems of the words of every phrase term («lite nettverk»): vocabulary, not slips of a name."""
        return frozenset(w for phrase in self.phrases for w in phrase)

    def fuzzy(self, word: str) -> tuple[str, float] | None:
        """The vocabulary word a typo most likely meant, with a similarity in 0..1.

        Guards: same first letter, and at most one edit (a swap counts as one) for words under nine letters,
        two for longer ones, so that short everyday words never turn into clinical terms. Each word is looked up
        once."""
        if len(word) < MIN_FUZZY_LEN or not self.fuzzy_choices or word in NOT_TYPOS:
            return None
        if word not in self._typos:
            if len(self._typos) >= MAX_TYPOS:
                self._typos.clear()
            self._typos[word] = self._fuzzy(word)
        return self._typos[word]

    def _fuzzy(self, word: str) -> tuple[str, float] | None:
        from rapidfuzz import fuzz, process  # here, not at the top: most questions need no typo read
        from rapidfuzz.distance import DamerauLevenshtein

        limit = 1 if len(word) < 9 else 2
        best: tuple[str, float] | None = None
        for choice, _, _ in process.extract(word, self.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=70, limit=5):
            if choice[0] != word[0]:
                continue
            distance = DamerauLevenshtein.distance(word, choice)
            if len(word) == MIN_FUZZY_LEN and sorted(word) != sorted(choice):
                continue  # five letters: only a swap ("angts"), never a new letter ("trygt" is not "trygd")
            if distance <= limit and (best is None or distance < best[1]):
                best = (choice, distance)
        return (best[0], 1 - best[1] / max(len(word), len(best[0]))) if best else None

    def abbreviation(self, word: str) -> set[str]:
        """Concepts of a word cut short («spilleavh», «depr»): those shared by every vocabulary word it begins, when
        there are two or more («henv» begins only «henvendelsestilbud», and means «henvisning»)."""
        if len(word) < MIN_ABBREVIATION:
            return set()
        start = bisect.bisect_left(self.single_words, word)
        longer = [term for term in itertools.takewhile(lambda t: t.startswith(word), self.single_words[start:])
                  if len(term) >= len(word) + 3]
        if len(longer) < 2:
            return set()
        return set.intersection(*(self.exact[term] for term in longer))

    def concepts_in(self, text: str) -> set[str]:
        """Concepts a short text (a service's name) speaks of: its words, phrases and compounds, no typos."""
        words = tokens(text)
        stems = tuple(stem(w) for w in words)
        matched = [(i, phrase) for i, first in enumerate(stems) for phrase in self.phrases_by_first.get(first, ())
                   if stems[i:i + len(phrase)] == phrase]
        found = {c for _, phrase in matched for c in self.phrases[phrase]}
        covered = {i + k for i, phrase in matched for k in range(len(phrase))}
        # a word of the name that a phrase of it explains («Akutten (akutt overnatting)») means what the phrase means
        explained = {stems[i] for i in covered} & {stems[i] for i in range(len(stems)) if i not in covered}
        for word, word_stem in zip(words, stems):
            if word_stem not in explained:
                found |= self.lookup(word) or (self.split_compound(word) if len(word) >= 7 else set())
        return found

    def lookup(self, word: str) -> set[str]:
        """Concepts for one folded word: exact, then stem."""
        return self.exact.get(word) or self.stems.get(stem(word)) or set()

    def split_compound(self, word: str) -> set[str]:
        """Concepts found in the parts of a compound ('rusavhengighet', 'selvmordstanker')."""
        found: set[str] = set()
        for i in range(3, len(word) - 2):
            left, right = word[:i], word[i:]
            left_hits = self.lookup(left) or (self.lookup(left[:-1]) if left.endswith(("s", "e")) and i > 4 else set())
            right_hits = self.lookup(right) if len(right) >= 3 else set()
            # A part counts alone only when it is a whole vocabulary word of some length; otherwise the rest must be
            # known too: "russisk" is not rus, "medisinering" does not end in "ringe", "mistenkt" is not "miste".
            if left_hits and (len(left) >= 4 and left in self.exact or right_hits):
                found |= left_hits
            # «pårørendearbeid», «rusarbeid»: work with what the first part names, not a job
            if right_hits and (len(right) >= 5 and right in self.exact or left_hits) \
                    and not (left_hits and right.startswith(WORK_WITH)):
                found |= right_hits
        return found
