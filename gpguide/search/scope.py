"""The services one question can reach, and what is built from them once: the name index and the statistics that
weigh matches. A scope is one kommune with the regional, specialist and national services that cover it, so
adding kommuner to the catalogue never changes an answer in another kommune."""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from gpguide.catalogue import Catalogue, Service
from gpguide.search.lexicon import Lexicon
from gpguide.search.normalise import FILLER, STOPWORDS, fold, stem, tokens

# Parts of service names that say nothing about which service is meant.
GENERIC_NAME_WORDS = frozenset(
    """team teamet tjeneste tjenesten tjenester enhet enheten avdeling avdelingen kommune kommunen senter
    senteret tilbud tilbudet for og i til med helse helsehjelp hjelp psykisk psykiske rus gruppe grupper
    seksjon virksomhet virksomheten kontor kontoret sentralt ung unge voksne barn helsetjeneste helsetjenesten
    helsetjenester helseplager oppfolging kommunal kommunale kommunalt kommunens interkommunal interkommunale
    tiltak ordning ordningen lavterskel lavterskeltilbud""".split()
)
GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_NAME_WORDS)
# Names that are everyday words too: they name a service only when written as a name, with a capital («går vi
# fram» is no «FRAM», «på stasjonen» no «Stasjonen», «sønnen bruker amfetamin» no «Bruker- og pårørendeforumet»).
EVERYDAY_NAME_WORDS = frozenset("fram frem stasjonen bruker brukar familien familia".split())
# A word that names this many services or fewer in a scope tells them apart.
DISTINCT_NAME_WORD = 3
DISTINCT_MISSPELT = 4
SLIPS_KEPT = 50_000  # words whose slips are remembered per scope
# Naming the parent unit («på Ahus», «NAV») points to its services only weakly: it is often where the patient was.
ORGANISATION_NAMED = 0.35
OFFICE_NAMED = 0.05  # and the office itself a little more than its programmes («NAV»: NAV Nes before KVP)


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
    distinctive: bool = True  # has a key word that is not just a vocabulary word («Pårørende» is not a name)
    whole: bool = False  # `compact` keeps the kommune's name («factsandnes»): typed so, it names this one service
    tails: tuple[str, ...] = ()  # the ends of compounds written with a hyphen («veiledning» of «Bo-veiledning»)

    @property
    def specific(self) -> bool:
        """Does the form name one service? «psykisk helsetjeneste», «(rus og psykisk helse)» or a vocabulary word
        on its own («pårørende») names nothing."""
        return bool(self.key_words) and self.distinctive or len(self.words) >= 3 and any(
            w not in GENERIC_STEMS for w in self.words)


@dataclass
class Scope:
    kommune: str | None
    services: tuple[Service, ...]
    forms_by_stem: dict[str, list[NameForm]] = field(default_factory=lambda: defaultdict(list))
    forms_by_compact: dict[str, list[NameForm]] = field(default_factory=lambda: defaultdict(list))
    name_words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    name_words_by_initial: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    organizations: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=lambda: defaultdict(list))
    offices: set[str] = field(default_factory=set)  # services named as their organisation («NAV Nes | NAV Nes»)
    concept_idf: dict[str, float] = field(default_factory=dict)
    text_stems: dict[str, frozenset[str]] = field(default_factory=dict)
    text_df: dict[str, int] = field(default_factory=dict)
    avg_tags: float = 1.0
    # What a service's own name says it is for: restricted concepts (coercion, relatives) and kinds of a faceted
    # concept (LAR: opioids; Hasjavvenningskurs: cannabis).
    made_for: dict[str, frozenset[str]] = field(default_factory=dict)
    # Every concept a service's name speaks of («Barneansvarlig», «Pårørendearbeid»): what it is for, by its name.
    name_concepts: dict[str, frozenset[str]] = field(default_factory=dict)
    # By word of a question: the services it names with a slip (_misspelt_names), for the scope's lexicon.
    slips: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    # By name and alternate names: the service here that keeps them, built the first time it is asked for.
    _by_names: dict[tuple[str, tuple[str, ...]], str] | None = field(default=None, repr=False, compare=False)
    # By first word: the content words of the names of the units the services belong to, built when first needed.
    _unit_names: dict[str, list[tuple[str, ...]]] | None = field(default=None, repr=False, compare=False)
    _acronyms: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, kommune: str | None, services: tuple[Service, ...], lexicon: Lexicon,
              catalogue: Catalogue) -> "Scope":
        scope = cls(kommune, services)
        place_words = _place_words(catalogue)
        for service in services:
            scope._index_names(service.id, service.name, service.alternate_names, place_words, lexicon)
            if service.organization:
                scope._index_organization(service.id, service.organization, place_words)
                if tokens(service.organization) == tokens(service.name):
                    scope.offices.add(service.id)
            stems = frozenset(stem(w) for w in tokens(" ".join(filter(None, [
                service.name, *service.alternate_names, service.organization, service.description,
                service.target.description]))))
            scope.text_stems[service.id] = stems
            named_for = lexicon.concepts_in(" ".join((service.name, *service.alternate_names)))
            scope.name_concepts[service.id] = frozenset(named_for)
            scope.made_for[service.id] = frozenset(
                k for c in named_for for k in (c, *lexicon.concepts[c].broader)
                if lexicon.concepts[k].restricted or lexicon.concepts[k].facet)
            for word in stems:
                scope.text_df[word] = scope.text_df.get(word, 0) + 1
        for word in scope.name_words:
            scope.name_words_by_initial[word[0]].append(word)
        scope._statistics(lexicon)
        return scope

    @classmethod
    def of_names(cls, names: dict[str, tuple[str, tuple[str, ...]]], lexicon: Lexicon, catalogue: Catalogue) -> "Scope":
        """A scope that only tells which services a question names, from their names (by id) alone."""
        scope = cls(None, ())
        place_words = _place_words(catalogue)
        for service_id, (name, alternates) in names.items():
            scope._index_names(service_id, name, alternates, place_words, lexicon)
        for word in scope.name_words:
            scope.name_words_by_initial[word[0]].append(word)
        return scope

    @property
    def total(self) -> int:
        return max(1, len(self.services))

    def _index_names(self, service_id: str, name: str, alternates: tuple[str, ...], place_words: set[str],
                     lexicon: Lexicon) -> None:
        for form in _name_forms(name, alternates):
            words = [w for w in tokens(form) if w not in STOPWORDS and w not in place_words]
            if not words:
                continue
            acronyms = set(tokens(" ".join(re.findall(r"\b[A-ZÆØÅ]{2,6}\b", form))))
            # Everyday words ("plan", "kveld") in a name say little on their own; acronyms ("ROP", "LAR") and long
            # compounds ("kommunepsykolog") say a lot.
            keys = [w for w in words if stem(w) not in GENERIC_STEMS and w not in GENERIC_NAME_WORDS
                    and (len(w) >= 8 or w in acronyms)]
            if any(w in acronyms for w in keys):
                # beside an acronym, a vocabulary word names nothing («behandling» of «LAR-behandling»)
                keys = [w for w in keys if w in acronyms or not lexicon.lookup(w)]
            distinctive = any(w in acronyms or not lexicon.lookup(w) for w in keys)
            tails = tokens(" ".join(re.findall(r"\w-(\w+)", form)))
            name_form = NameForm(service_id, tuple(stem(w) for w in words), tuple(stem(w) for w in keys),
                                 "".join(words), distinctive, tails=tuple(stem(w) for w in tails if w not in acronyms))
            for word in set(name_form.words):
                self.forms_by_stem[word].append(name_form)
            self.forms_by_compact[name_form.compact].append(name_form)
            whole = "".join(w for w in tokens(form) if w not in STOPWORDS)
            if whole != name_form.compact:
                self.forms_by_compact[whole].append(replace(name_form, compact=whole, whole=True))
            for word in name_form.key_words:
                self.name_words[word].add(service_id)

    def _index_organization(self, service_id: str, organization: str, place_words: set[str]) -> None:
        """The parent unit's own name or acronym ("Ahus", "NAV", "Helse Stavanger") points to its services, weakly."""
        for form in _name_forms(organization, ()):
            words = [w for w in tokens(form) if w not in STOPWORDS and w not in place_words]
            if words and len(words) <= 3 and not all(w in GENERIC_NAME_WORDS for w in words):
                stems = tuple(stem(w) for w in words)
                self.organizations[stems[0]].append((stems, service_id))

    def _statistics(self, lexicon: Lexicon) -> None:
        df: dict[str, int] = defaultdict(int)
        tags = 0
        for service in self.services:
            tags += len(service.target.problems)
            for concept in set(service.target.problems) | set(service.offers):
                df[concept] += 1
        for concept in lexicon.concepts:
            self.concept_idf[concept] = min(2.5, max(0.6, 1.0 + math.log(self.total / (1 + df[concept]))))
        self.avg_tags = max(1.0, tags / self.total)

    def named_here(self, names: tuple[str, tuple[str, ...]]) -> str | None:
        """The service of this scope with exactly this name and these alternate names, if any."""
        if self._by_names is None:
            self._by_names = {(s.name, s.alternate_names): s.id for s in self.services}
        return self._by_names.get(names)

    def in_unit_names(self, words: list[str]) -> set[int]:
        """The positions of the question's words that spell out the name of a unit the services belong to
        («følges av psykisk helse og avhengighet»)."""
        if self._unit_names is None:
            self._unit_names = _unit_names(self.services)
        content = [(i, w) for i, w in enumerate(words) if w not in STOPWORDS]
        inside: set[int] = set()
        for j, (_, first) in enumerate(content):
            for name in self._unit_names.get(first, ()):
                if tuple(w for _, w in content[j:j + len(name)]) == name:
                    inside.update(range(content[j][0], content[j + len(name) - 1][0] + 1))
        return inside

    @property
    def acronyms(self) -> frozenset[str]:
        """The names here that are capitals only («ARA», «TSB»), folded: a word written with æ, ø or å is none of them
        («i 60-åra»)."""
        if self._acronyms is None:
            self._acronyms = frozenset(fold(form) for s in self.services for form in (s.name, *s.alternate_names)
                                       if form.isalpha() and form.isupper())
        return self._acronyms

    def is_name_word(self, word: str) -> bool:
        """A word that tells a few services apart by their names («Lurud», «SUS»), not a common one («team»)."""
        word_stem = stem(word)
        return word_stem not in GENERIC_STEMS and 0 < len(self.name_words.get(word_stem, ())) <= DISTINCT_NAME_WORD

    def is_organisation(self, word: str) -> bool:
        """One word that is the whole name of an organisation here («Mestringsenheten»)."""
        word_stem = stem(word)
        return any(words == (word_stem,) for words, _ in self.organizations.get(word_stem, ()))

    def names(self, words: tuple[str, ...] | list[str], lexicon: Lexicon) -> dict[str, float]:
        """Services the question names outright ('Ung-team', 'RPH', 'kommunepsykolog'), with a strength in 0..1."""
        # «men» is no «menighet», whatever its stem; «oppsøke selv» is what the patient does, no «Oppsøkende team»
        stems = {stem(w) for w, following in zip(words, [*words[1:], ""])
                 if w not in STOPWORDS and following not in _SELF}
        joined = set(words) | {a + b for a, b in zip(words, words[1:])}
        # «psykolog i kommunen», «kommunal psykolog»: the compound «kommunepsykolog»
        joined |= {"kommune" + a for a, b, c in zip(words, words[1:], words[2:]) if b == "i" and c in _KOMMUNEN}
        joined |= {"kommune" + b for a, b in zip(words, words[1:]) if a in _KOMMUNAL}
        found: dict[str, float] = {}

        def add(service_id: str, strength: float) -> None:
            found[service_id] = max(found.get(service_id, 0.0), strength)

        forms = {id(f): f for s in stems for f in self.forms_by_stem.get(s, ())}
        forms.update({id(f): f for c in joined for f in self.forms_by_compact.get(c, ())})
        for form in forms.values():
            if form.specific and (form.compact in joined or all(w in stems for w in form.words)):
                # One word that names several services here («NAV») is context more often than a request.
                shared = len(form.words) == 1 and len(self.name_words.get(form.words[0], ())) > 1 and not (
                    form.whole and form.compact in joined)
                add(form.service_id, 0.6 if shared else 1.0)
            elif form.specific and len(form.words) >= 2 and _nearly(form.words, stems):
                add(form.service_id, 0.8)  # «rask psyk helsehjelp», «Ett steg vidare»
            elif len(form.words) >= 2 and form.key_words and form.compact in joined:
                add(form.service_id, 1.0)  # the whole name typed, if in everyday words («psykiatrisk hjemmesykepleie»)
            elif len(form.words) >= 2 and _cut_short(form.words, stems) \
                    and any(w in stems for w in form.key_words):
                add(form.service_id, 0.8)  # and with one word cut short («psyk hjemmesykepleie»)
            elif len(form.words) >= 2 and form.compact in joined and not GENERIC_STEMS.issuperset(form.words):
                add(form.service_id, 0.8)  # a name of short everyday words, typed whole («Åpen dør», «kommunalt rusteam»)
            else:
                for word in form.key_words:
                    # the end of a hyphenated name alone is an everyday word («veiledning til foreldre»)
                    if word in stems and len(self.name_words[word]) <= DISTINCT_NAME_WORD and word not in form.tails:
                        add(form.service_id, 0.6)
        offices_named = set()
        for first in stems:
            for org_words, service_id in self.organizations.get(first, ()):
                if all(w in stems for w in org_words):
                    add(service_id, ORGANISATION_NAMED)
                    if service_id in self.offices:
                        offices_named.add(service_id)
        for service_id in offices_named:
            found[service_id] += OFFICE_NAMED
        slips = self.slips
        for word in words:
            misspelt = slips.get(word)
            if misspelt is None:
                if len(slips) > SLIPS_KEPT:
                    slips.clear()
                misspelt = slips[word] = self._misspelt_names(word, lexicon)
            for service_id in misspelt:
                add(service_id, 0.8)
        return dict(sorted(found.items()))  # the same order in every process, whatever the hash seed

    def _misspelt_names(self, word: str, lexicon: Lexicon) -> tuple[str, ...]:
        """The services with a distinctive name word that this word is a slip of; not a word the services' own texts
        use («ruskontrakt» is no slip of «Ruskontaktene»)."""
        word_stem = stem(word)
        if len(word) < 4 or word in STOPWORDS or word in FILLER or word_stem in GENERIC_STEMS or lexicon.lookup(word) \
                or word_stem in self.text_df or word_stem in lexicon.phrase_stems:
            return ()
        found: list[str] = []
        length = len(word_stem)
        for name_word in self.name_words_by_initial.get(word_stem[0], ()):
            if abs(len(name_word) - length) > 1 and not (length >= 8 and name_word.startswith(word_stem)):
                continue  # too long or too short for a slip (_misspelt says no), told without calling it
            services = self.name_words[name_word]
            if name_word != word_stem and len(services) <= DISTINCT_MISSPELT and _misspelt(word_stem, name_word):
                found.extend(services)
        return tuple(found)


_SELF = frozenset({"selv", "sjolv", "sjol"})
_KOMMUNEN = frozenset({"kommunen", "kommuna"})
_KOMMUNAL = frozenset({"kommunal", "kommunale", "kommunalt"})


UNIT_NAME_WORDS = 3  # a unit's name of fewer content words («Helse og velferd») is too common to tell apart
UNIT_WORDS = frozenset({"virksomhet", "virksomheten", "avdeling", "avdelingen", "enhet", "enheten", "seksjon",
                        "seksjonen"})


def _unit_names(services: tuple[Service, ...]) -> dict[str, list[tuple[str, ...]]]:
    """The content words of the names of the units the services belong to («Virksomhet for psykisk helse og
    avhengighet»), by their first word."""
    places = {w for s in services if s.kommune for w in tokens(s.kommune)} | {"kommune"}
    found: dict[str, list[tuple[str, ...]]] = {}
    for service in services:
        for part in (service.organization or "").split(","):
            words = tuple(w for w in tokens(part) if w not in STOPWORDS and w not in places)
            # «Virksomhet for psykisk helse og avhengighet» is also said without its first word
            for name in (words, words[1:] if words[:1] and words[0] in UNIT_WORDS else ()):
                if len(name) >= UNIT_NAME_WORDS and name not in found.get(name[0], []):
                    found.setdefault(name[0], []).append(name)
    return found


def _place_words(catalogue: Catalogue) -> set[str]:
    return {t for kid, known in catalogue.kommune_names().items()
            for t in [*tokens(known.name), kid, *(w for other in known.alternate_names for w in tokens(other))]}


def _nearly(name_words: tuple[str, ...], stems: set[str]) -> bool:
    """Every word of a name written as it is but one, and that one cut short to four letters or more («psyk») or
    written with a slip or in the other written standard («vidare» for «videre»)."""
    other = [w for w in name_words if w not in stems]
    return len(other) == 1 and any(s != other[0] and len(s) >= 4 and (other[0].startswith(s) or _misspelt(s, other[0]))
                                   for s in stems)


def _cut_short(name_words: tuple[str, ...], stems: set[str]) -> bool:
    """Every word of a name written as it is but one, cut short to four letters or more («psyk»)."""
    other = [w for w in name_words if w not in stems]
    return len(other) == 1 and any(s != other[0] and len(s) >= 4 and other[0].startswith(s) for s in stems)


def _misspelt(word: str, name_word: str) -> bool:
    """A name word typed with a slip: one edit (two in long words), same first letter ('fakt' → 'fact'), or a long
    compound cut short ('hasjavvenning' for 'Hasjavvenningskurs')."""
    if len(word) >= 8 and name_word.startswith(word) and len(word) >= 0.6 * len(name_word):
        return True
    if word == name_word or min(len(word), len(name_word)) < 4 or word[0] != name_word[0] \
            or abs(len(word) - len(name_word)) > 1:
        return word == name_word
    return _distance()(word, name_word) <= (2 if len(name_word) >= 9 else 1)


@functools.cache
def _distance() -> Callable[[str, str], int]:
    """The Damerau-Levenshtein distance, imported when first needed: most questions never get this far."""
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance
