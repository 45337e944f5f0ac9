"""Score eligible services against what the question asks for. Every point has a reason the explainer can show."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from gpguide.catalogue import Service
from gpguide.search.lexicon import Lexicon
from gpguide.search.scope import Scope
from gpguide.search.normalise import stem, tokens
from gpguide.search.understand import Understanding

W_PROBLEM = 3.0
W_OFFER = 2.2
W_NAME = 6.0
W_TEXT = 0.6
NAME_CONCEPT = 0.8  # a concept the service's name speaks of counts almost like an offer
MIN_SCORE = 0.6
# Municipal services first: a GP should consider them before specialist care, and helplines come last.
LEVEL_WEIGHT = {"kommune": 1.0, "interkommunal": 0.95, "frivillig": 0.85, "spesialist": 0.6, "nasjonal": 0.35}
NAMED_PARTLY = 0.6  # the GP named the service, if only by a distinctive word: it is asked for, whatever its age
NAMED_LEVEL_WEIGHT = 0.85  # a named specialist service still comes after a named municipal one
SPECIALIST_NEEDS = frozenset({"dognbehandling", "avrusning", "utredning", "rusbehandling"})
TREATMENT = frozenset({"samtaler", "rusbehandling", "utredning", "oppsokende"})
# Conditions a GP refers to specialist care for assessment (psychosis, mania, an eating disorder).
SPECIALIST_CONDITIONS = frozenset({"psykose", "bipolar", "spiseforstyrrelse"})
LENGTH_B = 0.2


@dataclass
class Scored:
    service: Service
    score: float = 0.0
    problems: list[str] = field(default_factory=list)  # concept ids matched in target.problems
    offers: list[str] = field(default_factory=list)  # concept ids matched in offers
    named: float = 0.0
    text_words: list[str] = field(default_factory=list)
    severity_fit: bool | None = None
    age_fit: bool | None = None
    band_fit: bool | None = None
    self_referral_fit: bool | None = None
    alternative_to: str | None = None
    notes: list[str] = field(default_factory=list)
    age_unknown: bool = False  # a minor, and no source says whether the service takes that age
    fills_gap: bool = False  # a national line for something no local service is registered for
    made_for_age: bool = False  # its recorded age limits are those of a group (children, the elderly) the patient is in

    def copy(self) -> "Scored":
        """A copy whose lists of matches and notes can change without changing this one."""
        copied = Scored.__new__(Scored)
        copied.__dict__.update(self.__dict__)
        copied.problems, copied.offers, copied.notes = list(self.problems), list(self.offers), list(self.notes)
        return copied


class Ranker:
    """Scores services within one scope: its statistics weigh the matches."""

    def __init__(self, lexicon: Lexicon, scope: Scope):
        self.lexicon = lexicon
        self.scope = scope
        self.age_hints = {s.id: implied_ages(s) for s in scope.services}
        self._tag_sets = {s.id: (frozenset(s.target.problems), frozenset(s.offers)) for s in scope.services}
        self._scope_ids = frozenset(self._tag_sets)

    def score(self, service: Service, query: Understanding) -> Scored:
        return self.fit(self.base(service, query), query)

    def fit(self, base: Scored, query: Understanding) -> Scored:
        """The base score adjusted for severity, age, access, level and status. Does not change `base`, so one base
        serves every probe age."""
        if base.score <= 0:
            return base  # nothing to adjust: it will not rank
        result = base.copy()
        result.score = self._fit(base.service, query, result, result.score)
        return result

    def base(self, service: Service, query: Understanding) -> Scored:
        """What the service offers for what was asked, before age and the other fits: the part no age changes."""
        return self._base(service, query, _Asked(query, self))

    def bases(self, services: Iterable[Service], query: Understanding) -> dict[str, Scored]:
        """base() for each service, by id; what depends only on the question is worked out once. A service of the
        scope that shares no concept, name or word with the question scores 0 whatever else it fits, so only the
        notes of its fits are worked out."""
        asked = _Asked(query, self)
        matching = None if asked.severity_only else self._matching(asked, query)
        return {s.id: self._base(s, query, asked) if matching is None or s.id in matching or s.id not in self._scope_ids
                else self._unmatched(s, query) for s in services}

    def _matching(self, asked: "_Asked", query: Understanding) -> set[str]:
        """The scope's services that may score for the question: those with a concept asked (or a narrower one
        asked broadly) among their problems, offers or name's concepts, those named and those with a word asked."""
        by_concept, by_stem = self._inverted
        found = set(query.names)
        for concept, _, _, children in asked.weighted:
            found.update(by_concept.get(concept, ()))
            for child in children or ():
                found.update(by_concept.get(child, ()))
        for _, word_stem, _ in asked.text_words:
            found.update(by_stem.get(word_stem, ()))
        return found

    @cached_property
    def _inverted(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        by_concept: dict[str, set[str]] = {}
        by_stem: dict[str, set[str]] = {}
        for service in self.scope.services:
            problems, offers = self._tags(service)
            for concept in problems | offers | self.scope.name_concepts.get(service.id, frozenset()):
                by_concept.setdefault(concept, set()).add(service.id)
            for word_stem in self.scope.text_stems.get(service.id, ()):
                by_stem.setdefault(word_stem, set()).add(service.id)
        return by_concept, by_stem

    def _unmatched(self, service: Service, query: Understanding) -> Scored:
        """What _base gives a service that matches nothing asked: a score of 0, and the notes of its fits."""
        result = Scored(service)
        self._kind_fit(service, query, result)
        self._requirement_fit(service, query, result)
        return result

    def _base(self, service: Service, query: Understanding, asked: "_Asked") -> Scored:
        result = Scored(service)
        problem_set, offer_set = self._tags(service)
        # Breadth of the target group, like document length in BM25: a service for everything fits nothing best.
        norm = 1 - LENGTH_B + LENGTH_B * len(service.target.problems) / self.scope.avg_tags
        concept_score = 0.0
        name_concepts = self.scope.name_concepts.get(service.id, ())
        for concept, weight, idf, children in asked.weighted:
            if concept in problem_set:
                concept_score += W_PROBLEM * weight * idf
                result.problems.append(concept)
            elif concept in offer_set:
                concept_score += W_OFFER * weight * idf
                result.offers.append(concept)
            elif concept in name_concepts:
                concept_score += W_OFFER * weight * idf * NAME_CONCEPT
                result.offers.append(concept)
            elif children is not None:
                # The GP asked broadly ("rus", "bolig") and the service is for a part of it ("begynnende rusbruk",
                # "akutt husly").
                if children & problem_set:
                    concept_score += W_PROBLEM * weight * idf * 0.5
                    result.problems.append(sorted(children & problem_set)[0])
                elif children & offer_set:
                    concept_score += W_OFFER * weight * idf * 0.5
                    result.offers.append(sorted(children & offer_set)[0])
        score = concept_score / norm
        if asked.severity_only and set(service.target.severity) & query.severity:
            score = 1.0  # only a severity was given ("hovedforløp 1"): the services made for it
        if asked.primary:
            # How much of what the GP asked for this service covers; a broader concept ("rus" for hasj) counts 0.6.
            matched = set(result.problems) | set(result.offers)
            covers = {c: 1.0 if c in matched else 0.6 if broader & matched else 0.0 for c, broader in asked.primary}
            # Rare concepts ("spilleavhengighet") say more about the patient than common ones ("gjeld").
            covered = sum(covers[c] * idf for c, idf in asked.primary_idf)
            score *= 0.55 + 0.45 * covered / asked.primary_idf_total if covered else 0.3
            if asked.primary_problems and not any(covers[c] for c in asked.primary_problems):
                score *= 0.35  # it offers the kind of help asked for, but for none of the patient's problems
        result.named = query.names.get(service.id, 0.0)
        if result.named >= 0.8:
            score *= 2.0  # the GP named this service: it is what they are asking about
        text_stems = self.scope.text_stems.get(service.id, frozenset())
        for word, word_stem, weight in asked.text_words:
            if word_stem in text_stems:
                result.text_words.append(word)
                score += weight
        if asked.relatives is not None:
            score *= self._relatives_fit(problem_set, asked.relatives)  # its words too: «pårørende» in Vern for eldre
        score += W_NAME * result.named
        if asked.areas == {"psykisk"} and problem_set and result.named < 0.8 \
                and all(self._area(c) == "rus" for c in problem_set):
            score *= 0.3  # made for people who use substances; the patient's trouble is another
        elif asked.behavioural_only and result.named < 0.8 and not problem_set & BEHAVIOURAL \
                and service.target.problems[:1] and self._area(service.target.problems[0]) == "rus" \
                and not TREATMENT & offer_set:
            score *= 0.2  # a place for people who use substances (a café), for a gambler who does not
        elif {"avrusning", "krise"} <= set(query.weights) and "rus_tidlig" in problem_set \
                and not {"avrusning", "dognbehandling"} & offer_set and result.named < 0.8:
            score *= 0.4  # early, light use: not the door for someone who needs detox now
        elif query.dependent and service.target.problems[:1] == ("rus_tidlig",) and result.named < 0.8:
            score *= 0.4  # made for early use, for an established dependence (F19.2)
        elif problem_set and problem_set - {"parorende"} <= BEHAVIOURAL and result.named < 0.8 \
                and not BEHAVIOURAL & set(query.weights) \
                and asked.substances:
            score *= 0.2  # a gambling line, for someone who drinks
        if service.id in query.refused:
            score *= 0.2
            result.notes.append("pasienten vil ikke dit")
        if set(query.declined) & offer_set and result.named < 0.8:
            score *= 0.3  # a form of care the question rules out («men ikke innleggelse»)
        if query.age is not None and query.age >= PENSION_AGE and "arbeid" in offer_set and "arbeid" not in query.weights \
                and result.named < 0.8:
            score *= 0.3  # a work measure, for someone past working age who did not ask about work
        result.score = max(score, 0.0) * self._kind_fit(service, query, result) \
            * self._requirement_fit(service, query, result)
        return result

    def _area(self, concept: str) -> str | None:
        known = self.lexicon.concepts.get(concept)
        return known.area if known else None

    def _tags(self, service: Service) -> tuple[frozenset[str], frozenset[str]]:
        """The service's problems and offers as sets, worked out once for the scope's own services."""
        tags = self._tag_sets.get(service.id)
        return tags if tags is not None else (frozenset(service.target.problems), frozenset(service.offers))

    def _requirement_fit(self, service: Service, query: Understanding, result: Scored) -> float:
        """A service that takes only patients with a given condition (a psychosis ward) fits others poorly."""
        required = set(service.target.requires)
        if not required:
            return 1.0
        concepts = self.lexicon.concepts
        asked = {c for h in query.concepts for c in (h.concept, *concepts[h.concept].broader)}
        if required & asked:
            return 1.0
        result.notes.append("tar bare imot pasienter med " + " eller ".join(sorted(concepts[c].label for c in required
                                                                                  if c in concepts)))
        return 0.2

    @staticmethod
    def _relatives_fit(problems: frozenset[str], situation: set[str]) -> float:
        """A service for relatives in one kind of situation (gambling, substances) fits a relative in another kind
        poorly. `situation`: what the question is about besides being a relative."""
        if "parorende" not in problems:
            return 1.0
        theirs = problems - {"parorende", "familie"}
        return 0.05 if theirs and situation and not theirs & situation else 1.0

    def _kind_fit(self, service: Service, query: Understanding, result: Scored) -> float:
        """What the service's name says it is for decides whom it fits: a service named for a restricted concept
        (coercion, relatives) fits only a question about it; one named for a kind of a faceted concept (LAR:
        opioids, a cannabis course) fits poorly when the GP asks about another kind, or only broadly."""
        concepts = self.lexicon.concepts
        made_for = self.scope.made_for.get(service.id, frozenset())
        if not made_for:
            return 1.0
        asked = {h.concept for h in query.concepts}
        restricted = {c for c in made_for if concepts[c].restricted} - asked
        if restricted:
            result.notes.append("tjenesten er for " + ", ".join(sorted(concepts[c].label for c in restricted)))
            return 0.05
        wanted = {h.concept for h in query.concepts if h.primary}
        for facet in {concepts[c].facet for c in made_for if concepts[c].facet}:
            mine = {c for c in made_for if concepts[c].facet == facet}
            theirs = {c for c in wanted if concepts[c].facet == facet}
            if theirs and not mine & theirs:
                result.notes.append("tjenesten er for " + ", ".join(sorted(concepts[c].label for c in mine)))
                return 0.2
            if not theirs and any(set(concepts[c].broader) & asked for c in mine):
                return 0.6  # asked broadly ("rus"); this service is for one kind of it
        return 1.0

    def _fit(self, service: Service, query: Understanding, result: Scored, score: float) -> float:
        target, access = service.target, service.access
        if query.severity and target.severity:
            result.severity_fit = bool(query.severity & set(target.severity))
            score = score * 1.25 if result.severity_fit else score * 0.45
        implied = self.age_hints.get(service.id)
        if implied and ADULT_STAGES & set(result.problems) and not query.minor:
            implied = None  # the helsestasjon («skolehelsetjenesten») for a pregnant woman of 31
        if implied and (query.age is not None or query.age_band):
            low, high = (query.age, query.age) if query.age is not None else query.age_band
            child = query.relative_age
            if (high < implied[0] or low > implied[1]) and child is not None and child < 18 <= low \
                    and implied[0] <= child <= implied[1]:
                result.notes.append(f"for barnet ({child} år)")  # «Mor (34) …, barna på 6 og 9»: the child's door
            elif high < implied[0] or low > implied[1]:
                result.notes.append(f"ser ut til å være for {_band_name(implied)}")
                result.age_unknown = bool(query.minor)
                score *= 0.15 if query.age is not None else 0.35
            elif implied[0] <= low and high <= implied[1] and (implied[1] > 25 or high < 18):
                score *= 1.15  # not for an adult at the edge of a band of «barn og unge»
                result.made_for_age = query.age is not None  # «Alarmtelefonen for barn og unge» for a child of 11
        if query.age is not None and (target.min_age is not None or target.max_age is not None):
            result.age_fit = True
            if _age_specific(target):
                result.made_for_age = True
                score *= 1.25  # a service made for children, youth or the elderly beats a general one
        elif query.age is None and not query.age_band and _age_specific(target):
            score *= 0.85  # until the age is known, a service for everyone is the safer first answer
        elif query.age is None and query.age_band:
            low, high = query.age_band
            overlaps = (target.min_age or 0) <= high and (target.max_age if target.max_age is not None else 200) >= low
            result.band_fit = overlaps
            score *= 1.1 if overlaps and (target.min_age is not None or target.max_age is not None) else 1.0 if overlaps else 0.35
        if query.minor and implied is None and target.min_age is None and target.max_age is None \
                and not target.all_ages and result.named < NAMED_PARTLY:
            result.age_unknown = True
            result.notes.append(AGE_LIMIT_NOT_REGISTERED)
            if not (result.problems or result.offers or result.named):
                return 0.0  # a child, a service of unknown age and only a shared word: no door
        youthful = query.minor or bool(query.age_band and query.age_band[0] < 18)
        if query.age is None and not youthful and (implied and implied[1] <= 25 or _for_minors(target)):
            score *= 0.5  # a line or service for children, and nothing says the patient is one
        if query.self_referral:
            # Low threshold means no referral and no vedtak: an office the patient may call, but that decides by
            # application, is not what the GP asked for.
            if access.self_referral and not access.application:
                result.self_referral_fit = True
                score *= 1.3
            elif access.self_referral is False or access.gp_referral == "required" or access.application:
                result.self_referral_fit = False
                score *= 0.6
        if TREATMENT & self._tags(service)[1] and not any(self.lexicon.concepts[c].area == "behov"
                                                       for c in query.primary_concepts):
            score *= 1.2  # a problem with no help named: a GP first wants someone who treats it
        if service.level == "nasjonal" and result.made_for_age and result.problems:
            score *= 1.3  # among the lines, the one made for the patient's age group first
        weight = LEVEL_WEIGHT.get(service.level, 1.0)
        if service.level == "nasjonal" and ({"telefon", "dognapent"} & set(result.offers) or query.urgent):
            weight = 1.0  # asked for a phone line, or in acute danger: the national lines are the right door
        if service.level == "spesialist" and (query.severity == {3} or SPECIALIST_NEEDS & set(result.problems + result.offers)
                                              or SPECIALIST_CONDITIONS & set(query.primary_concepts)):
            weight = 1.0
        if result.named >= 1.0:
            weight = max(weight, NAMED_LEVEL_WEIGHT)
        score *= weight
        if service.status == "uncertain":
            score *= 0.5
            result.notes.append("usikkert om tilbudet finnes nå")
        return score


class _Asked:
    """What base() needs from a question, worked out once for all of a scope's services."""

    def __init__(self, query: Understanding, ranker: Ranker):
        concepts, scope = ranker.lexicon.concepts, ranker.scope
        primary = query.primary_concepts
        self.weighted = [(c, weight, scope.concept_idf.get(c, 1.0),
                          ranker.lexicon.narrower.get(c, set()) if c in primary else None)
                         for c, weight in query.weights.items()]
        self.severity_only = not query.weights and bool(query.severity)
        self.primary = [(c, set(concepts[c].broader)) for c in primary]
        self.primary_idf = [(c, scope.concept_idf.get(c, 1.0)) for c in primary]
        self.primary_idf_total = sum(idf for _, idf in self.primary_idf)
        self.primary_problems = [c for c in primary if concepts[c].area != "behov"]
        self.areas = {concepts[c].area for c in primary if concepts[c].area in ("psykisk", "rus")}
        # gambling or another behavioural addiction, and no substance named
        self.substances = any(concepts[c].area == "rus" and c not in BEHAVIOURAL for c in query.weights)
        self.behavioural_only = bool(BEHAVIOURAL & set(query.weights)) and not self.substances
        self.relatives = None if not any(h.concept == "parorende" for h in query.concepts) else {
            c for h in query.concepts if h.concept not in ("parorende", "familie")
            for c in (h.concept, *concepts[h.concept].broader)}
        self.text_words = [(word, s, W_TEXT * math.log(1 + scope.total / scope.text_df.get(s, 1)))
                           for word in query.words if len(s := stem(word)) >= 4]


AGE_LIMIT_NOT_REGISTERED = "aldersgrense ikke registrert"
BEHAVIOURAL = frozenset({"spill", "atferdsavhengighet"})  # addictions without a substance
PENSION_AGE = 67
YOUTH_PREFIXES = ("barn", "ungdom", "skole", "elev", "oppvekst", "tenar")
ELDER_PREFIXES = ("eldre", "alders")
_STATED_AGES = re.compile(r"\b(\d{1,2})\s*(?:[-–]\s*(\d{1,2}))?\s*år\b")
ADULT_PREFIXES = ("voksn", "voksen", "vaksn", "vaksen")
ADULT_STAGES = frozenset({"graviditet"})  # a service tagged for these serves adults, whatever its name implies


def implied_ages(service: Service) -> tuple[int, int] | None:
    """An age band the service's own words imply when it gives no age limits ('Barne- og familieenheten').

    A ranking hint only: never shown as the service's age limit, never used to exclude. The name speaks first
    ('Alarmtelefonen for barn og unge'), then the target group's description."""
    if service.target.min_age is not None or service.target.max_age is not None or service.target.all_ages:
        return None
    for in_name, text in ((True, service.name), (False, service.target.description or service.description or "")):
        stated = [int(n) for pair in _STATED_AGES.findall(text) for n in pair if n]
        if stated and min(stated) >= 18:
            return (18, 120)  # «har også huset ungdom 18–25 år»: young adults, not children
        words = tokens(text)
        youth = any(w.startswith(YOUTH_PREFIXES) or w == "unge" for w in words)
        adult = any(w.startswith(ADULT_PREFIXES) for w in words)  # "ungdommer og voksne" is everyone
        if youth and not adult:
            # «barn og unge» in a child service's name is the law's child, under 18 («Barne- og ungdomspsykiatri»);
            # youth alone may reach further («ungdom 18–25»)
            return (0, 17) if in_name and any(w.startswith("barn") for w in words) else (0, 25)
        if adult and not youth:
            return (18, 120)
        if youth and adult:
            return None
    # Only the name: in running text "eldre" mostly means "older" ("eldre brukere"), not the elderly.
    if any(w.startswith(ELDER_PREFIXES) for w in tokens(service.name)):
        return (60, 120)
    return None


def _for_minors(target) -> bool:
    return target.max_age is not None and target.max_age <= 25


def _age_specific(target) -> bool:
    return (target.max_age is not None and target.max_age <= 25) or (target.min_age or 0) >= 60


def _band_name(band: tuple[int, int]) -> str:
    return "barn og unge" if band[1] <= 25 else "eldre" if band[0] >= 60 else "voksne"
