"""The vocabulary as lookup tables: terms, stems, phrases, ICPC codes and distinctive service names."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from gpguide.catalogue import Catalogue, Concept
from gpguide.search.normalise import STOPWORDS, stem, tokens

# Parts of service names that say nothing about which service is meant.
GENERIC_NAME_WORDS = frozenset(
    """team teamet tjeneste tjenesten tjenester enhet enheten avdeling avdelingen kommune kommunen senter
    senteret tilbud tilbudet for og i til med helse helsehjelp hjelp psykisk psykiske rus gruppe grupper
    seksjon virksomhet virksomheten kontor kontoret sentralt ung unge voksne barn helsetjeneste helsetjenesten
    helsetjenester helseplager oppfolging""".split()
)
GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_NAME_WORDS)
MIN_FUZZY_LEN = 5


def _name_forms(name: str, alternates: tuple[str, ...]) -> list[str]:
    """A name with a parenthetical ("Avdeling ROP (ROP-teamet)") also goes by each part alone."""
    forms = []
    for form in (name, *alternates):
        forms.append(form)
        inside = re.findall(r"\(([^)]*)\)", form)
        if inside:
            forms.append(re.sub(r"\([^)]*\)", " ", form))
            forms.extend(inside)
    return list(dict.fromkeys(f.strip() for f in forms if f.strip()))


@dataclass(frozen=True)
class NameForm:
    service_id: str
    words: tuple[str, ...]  # stems of all the form's words but the kommune's name
    key_words: tuple[str, ...]  # the words that tell services apart (not "team", "tjenesten" ...)
    compact: str  # the whole form without spaces or hyphens ("ungteam")


@dataclass
class Lexicon:
    concepts: dict[str, Concept]
    exact: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    stems: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    phrases: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    icpc: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    icd10: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: list[NameForm] = field(default_factory=list)
    organizations: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    name_words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    concept_idf: dict[str, float] = field(default_factory=dict)
    narrower: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    fuzzy_choices: list[str] = field(default_factory=list)
    kommune_names: dict[str, str] = field(default_factory=dict)

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
        lex.fuzzy_choices = sorted(w for w in lex.exact if len(w) >= MIN_FUZZY_LEN)
        lex._index_names(catalogue)
        lex._concept_idf(catalogue)
        for kommune in catalogue.kommuner.values():
            for name in (kommune.id, kommune.name, *kommune.alternate_names):
                lex.kommune_names[" ".join(tokens(name))] = kommune.id
        return lex

    def _index_names(self, catalogue: Catalogue) -> None:
        place_words = {t for k in catalogue.kommuner.values() for t in tokens(k.name) + [k.id]}
        for service in catalogue.services.values():
            if service.organization:
                self._index_organization(service.id, service.organization, place_words)
            for form in _name_forms(service.name, service.alternate_names):
                words = [w for w in tokens(form) if w not in STOPWORDS and w not in place_words]
                if not words:
                    continue
                acronyms = {w for w in tokens(" ".join(re.findall(r"\b[A-ZÆØÅ]{2,6}\b", form)))}
                # Everyday words ("plan", "kveld") in a name say little on their own; acronyms ("ROP", "LAR") and
                # long compounds ("kommunepsykolog") say a lot.
                key_words = tuple(stem(w) for w in words if stem(w) not in GENERIC_STEMS
                                  and w not in GENERIC_NAME_WORDS and (len(w) >= 8 or w in acronyms))
                self.names.append(NameForm(service.id, tuple(stem(w) for w in words), key_words, "".join(words)))
                for word in key_words:
                    self.name_words[word].add(service.id)

    def _index_organization(self, service_id: str, organization: str, place_words: set[str]) -> None:
        """The parent unit's own name or acronym ("Ahus", "NAV", "Helse Stavanger") points to its services, weakly."""
        for form in _name_forms(organization, ()):
            words = [w for w in tokens(form) if w not in STOPWORDS and w not in place_words]
            if words and len(words) <= 3 and not all(w in GENERIC_NAME_WORDS for w in words):
                self.organizations.append((tuple(stem(w) for w in words), service_id))

    def _concept_idf(self, catalogue: Catalogue) -> None:
        total = max(1, len(catalogue.services))
        df: dict[str, int] = defaultdict(int)
        for service in catalogue.services.values():
            for concept in set(service.target.problems) | set(service.offers):
                df[concept] += 1
        for concept in self.concepts:
            self.concept_idf[concept] = min(2.5, max(0.6, 1.0 + math.log(total / (1 + df[concept]))))

    def fuzzy(self, word: str) -> tuple[str, float] | None:
        """The vocabulary word a typo most likely meant, with a similarity in 0..1.

        Guards: same first letter, and at most one edit (a swap counts as one) for words under nine letters,
        two for longer ones, so that short everyday words never turn into clinical terms."""
        if len(word) < MIN_FUZZY_LEN or not self.fuzzy_choices:
            return None
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
            # A short part only counts when the rest is a known word too: "russisk" is not rus, and
            # "medisinering" does not end in "ringe".
            if left_hits and (len(left) >= 4 or right_hits):
                found |= left_hits
            if right_hits and (len(right) >= 5 or left_hits):
                found |= right_hits
        return found
