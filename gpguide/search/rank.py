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
from gpguide.search.normalise import fold, stem, tokens
from gpguide.search.retrieve import for_relatives
from gpguide.search.understand import NEED_AREA, PENSION_AGE, Understanding

W_PROBLEM = 3.0
W_OFFER = 2.2
W_NAME = 6.0
BACK_TO_WORK = 1.4
W_TEXT = 0.6
NAME_CONCEPT = 0.8  # a concept the service's name speaks of counts almost like an offer
MIN_SCORE = 0.6
# Municipal services first: a GP should consider them before specialist care, and helplines come last.
LEVEL_WEIGHT = {"kommune": 1.0, "interkommunal": 0.95, "frivillig": 0.85, "spesialist": 0.6, "nasjonal": 0.35}
REFERRAL_LEVEL_WEIGHT = 0.85  # the specialist level when the GP asks where to refer
NAMED_PARTLY = 0.6  # the GP named the service, if only by a distinctive word: it is asked for, whatever its age
NAMED_LEVEL_WEIGHT = 0.85  # a named specialist service still comes after a named municipal one
SPECIALIST_NEEDS = frozenset({"dognbehandling", "avrusning", "utredning", "rusbehandling"})
TREATMENT = frozenset({"samtaler", "rusbehandling", "utredning", "oppsokende"})
# Conditions a GP refers to specialist care for assessment (psychosis, mania, an eating disorder).
SPECIALIST_CONDITIONS = frozenset({"psykose", "bipolar", "spiseforstyrrelse"})
LENGTH_B = 0.2
LAR_TEAM = 1.5  # a patient in LAR: the municipal LAR follow-up already coordinates their care
GROUPS = frozenset({"flyktning", "graviditet"})  # who the patient is, as an age is
RARE_IDF = 2.4  # a concept at most about a fifth of a scope's services are for


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
        self._facts = {s.id: _Facts(s, self, own=True) for s in scope.services}
        self._scope_ids = frozenset(self._facts)
        self._specialist_ids = frozenset(s.id for s in scope.services if s.level == "spesialist")
        self._fitting: tuple[Understanding, _Fitting] | None = None

    def score(self, service: Service, query: Understanding) -> Scored:
        return self.fit(self.base(service, query), query)

    def fit(self, base: Scored, query: Understanding) -> Scored:
        """The base score adjusted for severity, age, access, level and status. Does not change `base`, so one base
        serves every probe age."""
        if base.score <= 0:
            return base  # nothing to adjust: it will not rank
        fitting = self._fitting
        if fitting is None or fitting[0] is not query:  # the same question for every service, then the next probe age
            fitting = self._fitting = (query, _Fitting(query, self.lexicon, self._specialist_ids))
        result = base.copy()
        result.score = self._fit(base.service, query, result, result.score, fitting[1])
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
                else self._unmatched(s, query, asked) for s in services}

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
            facts = self._facts[service.id]
            for concept in facts.problems | facts.offers | facts.name_concepts:
                by_concept.setdefault(concept, set()).add(service.id)
            for word_stem in facts.text_stems:
                by_stem.setdefault(word_stem, set()).add(service.id)
        return by_concept, by_stem

    def _unmatched(self, service: Service, query: Understanding, asked: "_Asked") -> Scored:
        """What _base gives a service that matches nothing asked: a score of 0, and the notes of its fits."""
        result = Scored(service)
        facts = self._facts[service.id]
        if facts.made_for:
            self._kind_fit(facts, result, asked)
        if facts.requires:
            self._requirement_fit(facts, result, asked)
        return result

    def _base(self, service: Service, query: Understanding, asked: "_Asked") -> Scored:
        result = Scored(service)
        facts = self._facts.get(service.id) or _Facts(service, self, own=False)
        problem_set, offer_set, name_concepts = facts.problems, facts.offers, facts.name_concepts
        concept_score = unknown = 0.0
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
            elif not offer_set and concept in asked.needs:
                unknown += W_OFFER * weight * idf * 0.5  # what it offers is not recorded: half, as unknown
            elif children is not None:
                # The GP asked broadly ("rus", "bolig") and the service is for a part of it ("begynnende rusbruk",
                # "akutt husly").
                if children & problem_set:
                    concept_score += W_PROBLEM * weight * idf * 0.5
                    result.problems.append(sorted(children & problem_set)[0])
                elif children & offer_set:
                    concept_score += W_OFFER * weight * idf * 0.5
                    result.offers.append(sorted(children & offer_set)[0])
        if unknown and result.problems and set(result.problems) <= asked.primary_set \
                and max(self.scope.concept_idf.get(c, 1.0) for c in result.problems) >= RARE_IDF:
            concept_score += unknown  # unknown help, for a problem of the patient's few services are made for
        # Breadth of the target group, like document length in BM25: a service for everything fits nothing best.
        score = concept_score / facts.norm
        if asked.severity_only and facts.severity & query.severity:
            score = 1.0  # only a severity was given ("hovedforløp 1"): the services made for it
        if asked.primary and score:  # a score of 0 stays 0, however it is scaled
            # How much of what the GP asked for this service covers; a broader concept ("rus" for hasj) counts 0.6.
            matched = set(result.problems) | set(result.offers)
            covers = {c: 1.0 if c in matched else 0.6 if broader & matched else 0.0 for c, broader in asked.primary}
            if not offer_set:  # what it offers is not recorded: a need asked for is unknown there, not missing
                covers.update({c: 0.5 for c in asked.primary_needs if not covers[c]})
            if not problem_set and service.part_of:
                # a unit whose source names no one it is for («Støttekontakt» of Miljøarbeidertjenesten): the patient's
                # problems are unknown there, not missing
                covers.update({c: 0.5 for c in asked.primary_problems if not covers[c]})
            # Rare concepts ("spilleavhengighet") say more about the patient than common ones ("gjeld").
            covered = sum(covers[c] * idf for c, idf in asked.primary_idf)
            score *= 0.55 + 0.45 * covered / asked.primary_idf_total if covered else 0.3
            if asked.primary_problems and not any(covers[c] for c in asked.primary_problems):
                score *= 0.35  # it offers the kind of help asked for, but for none of the patient's problems
        if asked.relative_kinds & name_concepts:
            score *= 1.6  # its name is the kind of relative asked about («barneansvarlig» for children as relatives)
        named = result.named = query.names.get(service.id, 0.0)
        if named >= 0.8:
            score *= 2.0  # the GP named this service: it is what they are asking about
        text_stems = facts.text_stems
        for word, word_stem, weight in asked.text_words:
            if word_stem in text_stems:
                result.text_words.append(word)
                score += weight
        if asked.relatives is not None:
            # its words too: «pårørende» in Vern for eldre
            score *= self._relatives_fit(problem_set, facts.relative_kinds, asked.relatives)
        score += W_NAME * named
        if asked.psychic_only and facts.for_substances and named < 0.8:
            score *= 0.3  # made for people who use substances; the patient's trouble is another
        elif asked.no_substances and (facts.for_substances or facts.substance_place) and named < 0.8:
            score *= 0.3  # made for people who use substances (or a place of theirs), for one who uses none
        elif asked.psychic_only and facts.substance_first and named < 0.8:
            score *= 0.5  # substance treatment that takes co-occurring illness, for a patient who uses none
        elif asked.behavioural_only and named < 0.8 and facts.substance_place:
            score *= 0.2  # a place for people who use substances (a café), for a gambler who does not
        elif asked.detox_now and (facts.early_use_only or facts.sober_life_only) and named < 0.8:
            score *= 0.4  # early, light use, or a sober life after it: not the door for someone who needs detox now
        elif asked.dependent and facts.early_use_first and named < 0.8:
            score *= 0.4  # made for early use, for an established dependence (F19.2)
        elif asked.early_use and service.level == "spesialist" and facts.substance_first \
                and "rusbehandling" in facts.offers and named < 0.8:
            score *= 0.5  # specialist substance treatment, for early, occasional use («litt hasj på fest»)
        elif facts.behavioural_line and named < 0.8 and asked.substances_only:
            score *= 0.2  # a gambling line, for someone who drinks
        if asked.denied and problem_set and problem_set <= asked.denied:
            score *= 0.1  # made only for what the GP rules out («Ingen opioider. Er dette noe for LAR?»), named or not
            result.notes.append("tjenesten er for " + ", ".join(sorted(self.lexicon.concepts[c].label
                                                                        for c in problem_set)))
        if service.id in query.refused:
            score *= 0.2
            result.notes.append("pasienten vil ikke dit")
        if service.id in query.sent_by and named < 0.8:
            score *= 0.5  # the ward the discharge letter comes from: the GP asks what comes after it
            result.notes.append("epikrisen kommer herfra")
        if asked.declined & offer_set and named < 0.8:
            score *= 0.3  # a form of care the question rules out («men ikke innleggelse»)
        if asked.back_to_work and OUTSIDE in problem_set:
            score *= BACK_TO_WORK  # made for those outside school and work, for one who asks for a way back
        if asked.past_work and "arbeid" in offer_set and named < 0.8:
            score *= 0.3  # a work measure, for someone past working age who did not ask about work
        formats = facts.named_formats - asked.concepts
        if query.age is None or query.age < 18:
            formats -= {"familie"}  # a family's door is a child's too
        if named < 0.8 and formats and not facts.made_for & asked.concepts:
            score *= 0.85  # named for a format (a group, network meetings, a family, coordination) not asked for,
            # nor made for a substance asked about
        if asked.school_left and SCHOOL in problem_set and OUTSIDE not in problem_set and named < 0.8:
            score *= 0.5  # for pupils, and this adult has left school («jente 20, har droppa ut av vgs»)
        if asked.in_treatment and offer_set and offer_set <= TREATMENT | COURSE and named < 0.8:
            score *= 0.5  # only treatment, for a patient already in treatment («går allerede til behandling på DPS»)
        result.score = max(score, 0.0) * (self._kind_fit(facts, result, asked) if facts.made_for else 1.0) \
            * (self._requirement_fit(facts, result, asked) if facts.requires else 1.0)
        return result

    def _area(self, concept: str) -> str | None:
        known = self.lexicon.concepts.get(concept)
        return known.area if known else None

    def _requirement_fit(self, facts: "_Facts", result: Scored, asked: "_Asked") -> float:
        """A service that takes only patients with a given condition (a psychosis ward) fits others poorly."""
        if facts.requires & asked.with_broader:
            return 1.0
        concepts = self.lexicon.concepts
        result.notes.append("tar bare imot pasienter med " + " eller ".join(sorted(concepts[c].label for c in facts.requires
                                                                                  if c in concepts)))
        return 0.2

    @staticmethod
    def _relatives_fit(problems: frozenset[str], kinds: frozenset[str], situation: set[str]) -> float:
        """A service for relatives in one kind of situation (gambling, substances) fits a relative in another kind
        poorly, and one for one kind of relative (children who grew up with it: Kompasset) fits another kind (a parent,
        a partner) poorly. `situation`: what the question is about besides being a relative."""
        if "parorende" not in problems:
            return 1.0
        if kinds and not kinds & situation:
            return 0.3
        theirs = problems - {"parorende", "familie"}
        return 0.05 if theirs and situation and not theirs & situation else 1.0

    def _kind_fit(self, facts: "_Facts", result: Scored, asked: "_Asked") -> float:
        """What the service's name says it is for decides whom it fits: a service named for a restricted concept
        (coercion, relatives) fits only a question about it; one named for a kind of a faceted concept (LAR:
        opioids, a cannabis course) fits poorly when the GP asks about another kind, or only broadly."""
        concepts = self.lexicon.concepts
        made_for = facts.made_for
        restricted = {c for c in made_for if concepts[c].restricted} - asked.concepts
        if restricted:
            result.notes.append("tjenesten er for " + ", ".join(sorted(concepts[c].label for c in restricted)))
            return 0.05
        wanted = asked.kinds_wanted
        for facet in {concepts[c].facet for c in made_for if concepts[c].facet}:
            mine = {c for c in made_for if concepts[c].facet == facet}
            theirs = {c for c in wanted if concepts[c].facet == facet}
            if theirs and not mine & theirs:
                result.notes.append("tjenesten er for " + ", ".join(sorted(concepts[c].label for c in mine)))
                return 0.2
            if not theirs and any(set(concepts[c].broader) & asked.concepts for c in mine):
                return 0.6  # asked broadly ("rus"); this service is for one kind of it
        return 1.0

    def _fit(self, service: Service, query: Understanding, result: Scored, score: float, fitting: "_Fitting") -> float:
        target, access = service.target, service.access
        facts = self._facts.get(service.id) or _Facts(service, self, own=False)
        if query.severity and target.severity:
            result.severity_fit = bool(query.severity & facts.severity)
            score = score * 1.25 if result.severity_fit else score * 0.45
        implied = facts.implied
        minor = fitting.minor
        if implied and not minor and ADULT_STAGES & set(result.problems):
            implied = None  # the helsestasjon («skolehelsetjenesten») for a pregnant woman of 31
        if implied and (query.age is not None or query.age_band):
            low, high = (query.age, query.age) if query.age is not None else query.age_band
            if query.asker_age is not None and for_relatives(service):
                low = high = query.asker_age  # a relatives' door is the relative's («Mor, 46, for seg selv: datteren 17»)
                minor = False
            child = query.relative_age
            if (high < implied[0] or low > implied[1]) and child is not None and child < 18 <= low \
                    and implied[0] <= child <= implied[1]:
                result.notes.append(f"for barnet ({child} år)")  # «Mor (34) …, barna på 6 og 9»: the child's door
            elif high < implied[0] or low > implied[1]:
                result.notes.append(f"ser ut til å være for {_band_name(implied)}")
                result.age_unknown = bool(minor)
                # «ungdom» has no sharp end: a young adult just past it is a weaker fit, not a wrong one
                near_edge = implied[1] == 25 and 25 < low <= 30
                score *= 0.5 if near_edge else 0.15 if query.age is not None else 0.35
            elif implied[0] <= low and high <= implied[1] and (implied[1] > 25 or high < 18) and implied != YOUTH_UP:
                # not for an adult at the edge of a band of «barn og unge»; a name made for old age is as good as a limit
                score *= 1.3 if implied[0] >= 60 else 1.15
                if implied[0] >= 60 and facts.offers and facts.offers <= fitting.asked:
                    score *= 1.3  # made for old age and doing just what is asked (a home for the elderly, when a home is)
                result.made_for_age = query.age is not None  # «Alarmtelefonen for barn og unge» for a child of 11
        if query.handover_age is not None and query.age is not None and (target.min_age or 0) > query.age:
            result.notes.append(f"fra {target.min_age} år, som pasienten snart fyller")  # let in by the handover
        elif query.age is not None and facts.age_limits:
            result.age_fit = True
            if facts.age_specific:
                result.made_for_age = True
                score *= 1.25  # a service made for children, youth or the elderly beats a general one
        elif query.age is None and not query.age_band and facts.age_specific:
            score *= 0.85  # until the age is known, a service for everyone is the safer first answer
        elif query.age is None and query.age_band:
            low, high = query.age_band
            shared = min(high, target.max_age if target.max_age is not None else 200) - max(low, target.min_age or 0)
            overlaps = shared >= 0 and (shared >= 2 or high - low < 10)  # «voksen» (18+) and «≤18» share an edge only
            result.band_fit = overlaps
            score *= 1.1 if overlaps and facts.age_limits else 1.0 if overlaps else 0.35
        if GROUPS & facts.problems & fitting.primary:
            score *= 1.25  # made for the patient's group (refugees, pregnancy and small children) like one for an age
        # a relatives' door, asked for by the parents of a minor, is the parents' («grupper med andre foreldre»)
        if minor and implied is None and not facts.age_limits and not target.all_ages and result.named < NAMED_PARTLY \
                and not (query.relatives_own and "parorende" in query.primary_concepts and for_relatives(service)):
            result.age_unknown = True
            result.notes.append(AGE_LIMIT_NOT_REGISTERED)
            if not (result.problems or result.offers or result.named):
                return 0.0  # a child, a service of unknown age and only a shared word: no door
            if facts.offers & PLACEMENTS and not facts.offers & PLACEMENTS & fitting.asked:
                score *= 0.3  # a placement away from home, of unknown age, for a child when none was asked for
        if facts.offers and facts.offers <= HOME_CARE and result.named < NAMED_PARTLY:
            if minor and not HOME_CARE & fitting.asked:
                score *= 0.3  # help in the home, for a child when none was asked for (the parents are there)
            elif not HOME_NEEDS & fitting.asked:
                score *= 0.6  # help in the home, for an adult who neither asks for it nor is told to manage poorly
        # a place to live, or help where one lives, for a patient who needs neither, unless its name says it is for a
        # need asked («Oppfølging i bolig kveld og helg» for evenings that go wrong)
        if "bolig" in facts.offers and facts.offers <= RESIDENCE and not PLACE_NEEDS & fitting.asked \
                and not any(self._area(c) == NEED_AREA for c in (facts.name_concepts & fitting.asked) - PLACEMENTS) \
                and result.named < NAMED_PARTLY:
            score *= 0.5
        if "demens" in fitting.asked and not minor:
            # dementia is cared for at home or in a nursing home; no mental-health door of these sources serves it
            if facts.offers and facts.offers <= HOME_CARE:
                score *= 1.3
            elif "bolig" in facts.offers and not (implied and implied[0] >= 60) and result.named < NAMED_PARTLY:
                score *= 0.7  # a psychiatric home is no nursing home
        if query.age is None and not fitting.youthful and (implied and implied[1] <= 25 or facts.for_minors) \
                and "barn_som_parorende" not in fitting.primary:  # the children of an ill parent are children
            # a line or service for children, and nothing says the patient is one (a helpline for children least)
            score *= 0.2 if service.level == "nasjonal" and result.named < NAMED_PARTLY else 0.5
            if ADULT_STAGES & fitting.primary and result.named < NAMED_PARTLY:
                score *= 0.5  # a pregnancy told with no age: a woman, not a girl, unless the GP says so
        if query.self_referral:
            # Low threshold means no referral and no vedtak: an office the patient may call, but that decides by
            # application, is not what the GP asked for.
            if access.self_referral and not access.application:
                result.self_referral_fit = True
                score *= 1.3
            elif access.self_referral is False or access.gp_referral == "required" or access.application:
                result.self_referral_fit = False
                score *= 0.6
            if facts.offers and facts.offers <= PLACEMENTS and not PLACEMENTS & fitting.asked:
                score *= 0.3  # a place away from home, by application, when the GP asks for a door to walk in
        elif query.referral and access.application and access.gp_referral != "required":
            score *= 0.75  # asked for a door to refer to: an office that decides by application comes after
        if "dognbehandling" in facts.offers and "dognbehandling" not in fitting.asked:
            if query.stable or query.own_home:
                score *= 0.5  # a round-the-clock place, for a patient said to be stable or to live in a home of their own
            elif service.level == "spesialist" and "utskrivning" in fitting.primary and not query.urgent \
                    and result.named < NAMED_PARTLY:
                score *= 0.7  # a ward the patient is being discharged from: the GP asks what comes after it
        if facts.acute_ward and not query.urgent and not fitting.acute_asked and result.named < 0.8:
            score *= 0.3  # a ward for emergencies, for a question that names none
            result.notes.append("akuttavdeling: for øyeblikkelig hjelp")
        if fitting.relatives_own and for_relatives(service):
            score *= 1.15  # a relative who asks for herself: the doors made for relatives before those that also take them
        elif fitting.for_the_ill and for_relatives(service) and result.named < NAMED_PARTLY:
            score *= 0.6  # a relative who asks for the one who is ill («Hva kan kommunen tilby ham?»): their doors first
        if fitting.in_lar and service.level == "kommune" and "lar" in facts.name_concepts:
            score *= LAR_TEAM
            result.notes.append("pasienten er i LAR: den kommunale LAR-oppfølgingen kjenner pasienten")
        if facts.child_protection and query.good_home:
            score *= 0.3  # a good home, told so: no report of concern, even when the parents ask about one
        elif fitting.child_at_risk and facts.child_protection:
            score *= 1.5  # a child hit or neglected at home: the report of concern goes to child protection first
        elif facts.child_protection and query.age is not None and query.age >= 18 and query.relative_age is None \
                and "omsorgssvikt" not in fitting.asked and result.named < NAMED_PARTLY:
            score *= 0.3  # no child in the question: child protection serves an adult only as aftercare, asked by name
        elif facts.child_protection and "barn_som_parorende" in fitting.primary and result.named < NAMED_PARTLY \
                and not {"omsorgssvikt", "vold_overgrep"} & fitting.asked:
            score *= 0.5  # a child of an ill parent, and no neglect told: support for the child before a report of concern
        elif facts.child_protection and fitting.minor and fitting.own_illness and result.named < NAMED_PARTLY \
                and not {"omsorgssvikt", "vold_overgrep", "familie"} & fitting.primary:
            score *= 0.5  # a young person's own mental illness, nothing told of the home: treatment before child protection
        if facts.offers == COURSE and not COURSE & fitting.asked and (
                fitting.severe or (fitting.dependent or "rop" in fitting.asked) and not facts.for_substances):
            score *= 0.3  # a course is for mild and moderate trouble: no door for severe illness, nor beside dependence
        if fitting.shelter_now and not SHELTER & (facts.offers | facts.problems) and result.named < NAMED_PARTLY \
                and not facts.requires & fitting.asked:
            # nowhere to sleep tonight: a roof first, before any other help but one made only for the patient's plight
            score *= 0.6
        if facts.treats and fitting.treatment_first and not (service.level == "spesialist" and fitting.municipal_only):
            score *= 1.2  # a problem with no help named: a GP first wants someone who treats it
        elif fitting.treatment_first and facts.offers and facts.offers <= DAYTIME | PLACEMENTS \
                and result.named < NAMED_PARTLY:
            score *= 0.7  # only work, something to do or a place to live, for a problem with no help named
        if service.level == "nasjonal" and result.made_for_age and result.problems:
            score *= 1.3  # among the lines, the one made for the patient's age group first
        if service.level == "nasjonal" and fitting.problems_asked and target.problems and not result.problems \
                and result.named < NAMED_PARTLY and not query.urgent:
            score *= 0.5  # a line for another problem is no door because the GP asks for one to call
        weight = LEVEL_WEIGHT.get(service.level, 1.0)
        if service.level == "nasjonal" and ({"telefon", "dognapent"} & set(result.offers) or query.urgent):
            weight = 1.0  # asked for a phone line, or in acute danger: the national lines are the right door
        if service.level == "nasjonal" and result.made_for_age and result.problems and (service.target.min_age or 0) >= 60:
            weight = 1.0  # a line made for old age and the patient's problem (Vern for eldre, 62+, for abuse at 78)
        if service.level == "spesialist" and (fitting.severe or SPECIALIST_NEEDS & set(result.problems + result.offers)
                                              or fitting.specialist_condition):
            weight = 1.0
        if service.level == "spesialist" and query.referral:
            weight = max(weight, REFERRAL_LEVEL_WEIGHT)  # a referral is what the specialist services take
        if service.level == "spesialist" and fitting.municipal_only:
            weight = min(weight, LEVEL_WEIGHT["spesialist"])  # asked what the municipality has
        if result.named >= 1.0:
            weight = max(weight, NAMED_LEVEL_WEIGHT)
        score *= weight
        if service.status == "uncertain":
            score *= 0.5
            result.notes.append("usikkert om tilbudet finnes nå")
        return score


class _Facts:
    """What scoring needs from one service that no question changes, worked out once per scope."""

    __slots__ = ("problems", "offers", "severity", "requires", "norm", "name_concepts", "text_stems", "made_for",
                 "for_substances", "substance_first", "substance_place", "early_use_only", "early_use_first",
                 "sober_life_only", "behavioural_line", "named_formats", "implied", "age_limits", "age_specific",
                 "for_minors", "treats", "child_protection", "relative_kinds", "acute_ward")

    def __init__(self, service: Service, ranker: Ranker, own: bool):
        """`own`: the service is one of the scope's; the age its words imply is looked at only then."""
        scope, target = ranker.scope, service.target
        self.problems = problems = frozenset(target.problems)
        self.offers = offers = frozenset(service.offers)
        self.severity = frozenset(target.severity)
        self.requires = frozenset(target.requires)
        self.norm = 1 - LENGTH_B + LENGTH_B * len(target.problems) / scope.avg_tags
        self.name_concepts = scope.name_concepts.get(service.id, frozenset())
        self.named_formats = frozenset(c for c, words in FORMAT_WORDS.items() if words.search(service.name.lower()))
        self.text_stems = scope.text_stems.get(service.id, frozenset())
        self.made_for = scope.made_for.get(service.id, frozenset())
        first_area = ranker._area(target.problems[0]) if target.problems else None
        # Made for people who use substances; a café or a meeting place among them when it offers no treatment.
        self.for_substances = bool(problems) and all(ranker._area(c) == "rus" for c in problems)
        # substance treatment that also takes the mental illness that comes with it («ROP»), and nothing else
        self.substance_first = first_area == "rus" and ("rop" in problems or all(
            ranker._area(c) == "rus" or c == "psykiske_plager" for c in problems))
        self.substance_place = not problems & BEHAVIOURAL and first_area == "rus" and not TREATMENT & offers
        self.early_use_only = "rus_tidlig" in problems and not {"avrusning", "dognbehandling"} & offers
        self.early_use_first = target.problems[:1] == ("rus_tidlig",)
        # a sober life after use (a meeting place, aftercare), with no detox, stay or crisis help of its own
        self.sober_life_only = "rusfrihet" in problems and not {"avrusning", "dognbehandling", "krise"} & offers
        self.behavioural_line = bool(problems - {"parorende"}) and problems - {"parorende"} <= BEHAVIOURAL
        self.implied = implied_ages(service) if own else None
        self.age_limits = target.min_age is not None or target.max_age is not None
        self.age_specific = _age_specific(target)
        self.for_minors = _for_minors(target)
        self.treats = bool(TREATMENT & offers) or service.level == "spesialist" and not offers  # specialist care treats
        self.relative_kinds = problems & frozenset(ranker.lexicon.narrower.get("parorende", ()))  # «barn som pårørende»
        self.child_protection = service.level == "kommune" and target.problems[:1] == ("omsorgssvikt",)
        self.acute_ward = service.level == "spesialist" and "krise" in self.name_concepts and "dognbehandling" in offers


class _Fitting:
    """What fit() needs from a question, worked out once for all of a scope's services."""

    def __init__(self, query: Understanding, lexicon: Lexicon, specialist_ids: frozenset[str]):
        primary = query.primary_concepts
        # asked what the municipality has, and not about a specialist service by name («TSB-henvisning, og kommunal
        # oppfølging ved siden av?» asks for both)
        self.municipal_only = query.municipal and (not query.referral or query.refers_within_kommune) and not any(
            query.names[i] >= NAMED_PARTLY for i in specialist_ids.intersection(query.names))
        self.minor = query.minor
        self.asked = frozenset(query.weights)
        self.primary = frozenset(primary)
        self.relatives_own = query.relatives_own and "parorende" in primary
        # a grown relative is told, but the question is for the one who is ill (the relatives' concept set aside; not
        # the children of an ill parent, who are relatives too)
        self.for_the_ill = "parorende" not in primary and any(h.concept == "parorende" for h in query.concepts) \
            and (query.relative_age is None or query.relative_age >= 18)
        self.acute_asked = bool(ACUTE_NEEDS & self.asked) or query.out_of_hours
        self.youthful = self.minor or bool(query.age_band and query.age_band[0] < 18)
        # a problem with no help named, and not a relative asking for support
        self.treatment_first = "parorende" not in primary and not any(lexicon.concepts[c].area == "behov"
                                                                      or c in SOCIAL_HELP for c in primary)
        self.problems_asked = any(lexicon.concepts[c].area != "behov" for c in primary)
        # a mental illness of the patient's own, with no substance use, crime or coercion asked about
        self.own_illness = any(lexicon.concepts[c].area == "psykisk" for c in primary) and not any(
            lexicon.concepts[c].area == "rus" or c in ("kriminalitet", "tvang") for c in query.weights)
        self.shelter_now = bool(SHELTER.intersection(primary))
        self.severe = query.severity == {3}
        self.dependent = query.dependent
        self.specialist_condition = bool(SPECIALIST_CONDITIONS & set(primary)) and not query.stable
        # a child hit or neglected at home: the law names child protection as the door (a report of concern)
        self.child_at_risk = self.minor and "omsorgssvikt" in primary
        # the patient's own LAR, not a parent's or a partner's asked about by relatives or for a child
        self.in_lar = query.in_lar and not self.minor and not self.relatives_own


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
        self.relative_kinds = frozenset(c for c in primary if "parorende" in concepts[c].broader)
        self.in_treatment = bool(TREATMENT.intersection(query.received))  # «går allerede til behandling på DPS»
        self.primary_idf = [(c, scope.concept_idf.get(c, 1.0)) for c in primary]
        self.primary_idf_total = sum(idf for _, idf in self.primary_idf)
        self.primary_problems = [c for c in primary if concepts[c].area != "behov"]
        self.primary_needs = [c for c in primary if concepts[c].area == "behov"]
        self.needs = frozenset(c for c in query.weights if concepts[c].area == "behov")
        self.primary_set = frozenset(primary)
        # what is asked for and what it is a kind of: a LAR patient's opioids, beside the benzodiazepines he also takes
        self.kinds_wanted = self.primary_set | {b for c in primary for b in concepts[c].broader}
        self.areas = {concepts[c].area for c in primary if concepts[c].area in ("psykisk", "rus")}
        # gambling or another behavioural addiction, and no substance named
        self.substances = any(concepts[c].area == "rus" and c not in BEHAVIOURAL for c in query.weights)
        self.behavioural_only = bool(BEHAVIOURAL & set(query.weights)) and not self.substances
        self.relatives = None if not any(h.concept == "parorende" for h in query.concepts) else {
            c for h in query.concepts if h.concept not in ("parorende", "familie") and concepts[h.concept].area != NEED_AREA
            for c in (h.concept, *concepts[h.concept].broader)}
        if self.relatives is not None and DEMENTIA in self.relatives and not self.substances \
                and not self.relatives & SEVERE_ILLNESS:
            # a carer for someone with dementia: their own strain («sover dårlig, gråtkvalt») is not what a service
            # for the relatives of people with mental illness or substance use is for
            self.relatives = {c for c in self.relatives if c == DEMENTIA or concepts[c].area != "psykisk"}
        self.text_words = [(word, s, W_TEXT * math.log(1 + scope.total / scope.text_df.get(s, 1)))
                           for word in query.words if len(s := stem(word)) >= 4 and word not in query.history_words]
        weights = set(query.weights)
        self.concepts = {h.concept for h in query.concepts}
        self.with_broader = {c for h in query.concepts for c in (h.concept, *concepts[h.concept].broader)}
        self.psychic_only = self.areas == {"psykisk"}
        # detox needed now: in a crisis, or when the GP's office is closed («lørdag kveld, vil avruses nå»)
        self.detox_now = "avrusning" in weights and ("krise" in weights or query.out_of_hours)
        self.dependent = query.dependent
        self.early_use = "rus_tidlig" in self.primary_set and not query.dependent
        self.substances_only = not BEHAVIOURAL & weights and self.substances
        # «ingen rus», «drikker ikke»: substance use denied (not «så han ikke sprekker», a relapse to prevent, nor
        # «drikker ikke lenger», use that has stopped)
        ruled_out = {c for w in query.negated for c in ranker.lexicon.lookup(fold(w))}
        self.no_substances = not self.substances and not _STOPPED.search(query.text) and any(
            c == "rus" or concepts[c].facet == "rusmiddel" for c in ruled_out)
        self.declined = frozenset(query.declined)
        # what the GP rules out («Ingen opioider», «ingen psyk lidelse»); «ikke akutt» rules out no crisis
        self.denied = frozenset(ruled_out - {"krise"})
        self.school_left = query.school_left
        self.past_work = query.age is not None and query.age >= PENSION_AGE and "arbeid" not in weights
        # outside school and work, and asking for a way back into them («få han i gang med noe – skole, jobb»)
        self.back_to_work = OUTSIDE in self.primary_set and "arbeid" in self.primary_set


_STOPPED = re.compile(r"\b(?:ikke|ikkje) (?:lenger|lengre|meir|mer)\b", re.IGNORECASE)
AGE_LIMIT_NOT_REGISTERED = "aldersgrense ikke registrert"
SCHOOL, OUTSIDE = "skole", "utenforskap"  # a school problem; outside school and work
BEHAVIOURAL = frozenset({"spill", "atferdsavhengighet"})  # addictions without a substance
DEMENTIA = "demens"
SEVERE_ILLNESS = frozenset({"psykose", "psykose_tidlig", "bipolar", "alvorlig_psykisk_lidelse", "personlighetsforstyrrelse",
                            "spiseforstyrrelse", "selvskading", "selvmordstanker", "rop"})
YOUTH_PREFIXES = ("barn", "ungdom", "skole", "elev", "oppvekst", "tenar")
CHILDHOOD_PREFIXES = ("barn", "born", "skole", "skule", "elev", "oppvekst")
TEEN_AGE = 12  # where «ungdom» begins
ELDER_PREFIXES = ("eldre", "alders", "sykehjem", "sjukeheim", "pleiehjem")  # a nursing home's name speaks of old age
_STATED_AGES = re.compile(r"\b(\d{1,2})\s*(?:[-–]\s*(\d{1,2}))?\s*år\b")
_CHILD_LIMITS = re.compile(r"\b(?:under|inntil|opp til) 1[0-8] år\b")  # «under 18 år»: a child's limit, not an adult's
ADULT_PREFIXES = ("voksn", "voksen", "vaksn", "vaksen")
YOUTH_UP = (13, 120)  # «ungdommer og voksne»: a youth is served, but the service is made for no age group
ACUTE_NEEDS = frozenset({"krise", "avrusning", "tvang"})  # what only an acute ward may meet
SHELTER = frozenset({"akutt_bolig"})  # a roof tonight
SOCIAL_HELP = frozenset({"bolig", "arbeid", "ordinaert_arbeid"})  # help asked for, though social
COURSE = frozenset({"kurs"})
# Ways of giving help a patient opts into, by the words of a service's own name («Gruppebehandling og kurs»,
# «Åpen dialog i nettverksmøte», a bokollektiv); «Mestringsenheten» speaks of coping, not of a course.
FORMAT_WORDS = {"kurs": re.compile(r"kurs\b|grupp"), "nettverksmote": re.compile(r"nettverksm"),
                "koordinering": re.compile(r"koordiner|individuell plan"), "familie": re.compile(r"famili"),
                # a place to live with staff («Jonsok 2 (psykiatrisk bokollektiv)»), not help where one lives now
                "bolig": re.compile(r"bokollektiv|botiltak|botilbud|bofellesskap|omsorgsbolig|treningsleilighet")}
DAYTIME = frozenset({"arbeid", "ordinaert_arbeid", "aktivitet", "levevaner"})  # a job, something to do, better habits
HOME_CARE = frozenset({"hjemmetjenester"})  # help in the home
# what makes help in the home a fit for an adult: asked for, or a life at home that is hard to manage
HOME_NEEDS = frozenset({"hjemmetjenester", "funksjonssvikt", "eldre", "demens", "alvorlig_psykisk_lidelse", "rop",
                        "oppsokende", "utskrivning", "bolig"})
PLACEMENTS = frozenset({"dognbehandling", "bolig"})  # a place to stay or be treated, away from home
RESIDENCE = PLACEMENTS | HOME_CARE | {"tildeling", "utskrivning"}  # a home, its allocation, help where one lives
# what makes a place to live a fit: a home asked for or at risk, or a life at home that is hard to manage (old age
# alone is not: a widow of 71 who grieves needs someone to talk to, not a residential home)
PLACE_NEEDS = (HOME_NEEDS - {"eldre"}) | SHELTER | PLACEMENTS
ADULT_STAGES = frozenset({"graviditet"})  # a service tagged for these serves adults, whatever its name implies


def implied_ages(service: Service) -> tuple[int, int] | None:
    """An age band the service's own words imply when it gives no age limits ('Barne- og familieenheten').

    A ranking hint only: never shown as the service's age limit, never used to exclude. The name speaks first
    ('Alarmtelefonen for barn og unge'), then the target group's description."""
    if service.target.min_age is not None or service.target.max_age is not None or service.target.all_ages:
        return None
    for in_name, text in ((True, service.name), (False, service.target.description or service.description or "")):
        stated = [int(n) for pair in _STATED_AGES.findall(_CHILD_LIMITS.sub(" ", text)) for n in pair if n]
        if stated and min(stated) >= 18:
            return (18, 120)  # «har også huset ungdom 18–25 år»: young adults, not children
        words = tokens(text)
        youth = any(w.startswith(YOUTH_PREFIXES) or w == "unge" for w in words)
        adult = any(w.startswith(ADULT_PREFIXES) for w in words)  # "ungdommer og voksne" is everyone
        if youth and not adult:
            # «barn og unge» in a child service's name is the law's child, under 18 («Barne- og ungdomspsykiatri»);
            # youth alone may reach further («ungdom 18–25»)
            if in_name and any(w.startswith("barn") for w in words):
                return (0, 17)
            # «ungdom» alone is a teenager or a young adult, not a child of ten
            return (0, 25) if any(w.startswith(CHILDHOOD_PREFIXES) for w in words) else (TEEN_AGE, 25)
        if adult and not youth:
            return (18, 120)
        if youth and adult:
            # «ungdommer og voksne» (FRAM): from youth up; «barn og voksne» is everyone
            return YOUTH_UP if not any(w.startswith("barn") for w in words) else None
    # Only the name: in running text "eldre" mostly means "older" ("eldre brukere"), not the elderly.
    if any(w.startswith(ELDER_PREFIXES) for w in tokens(service.name)):
        return (60, 120)
    return None


def _for_minors(target) -> bool:
    return target.max_age is not None and target.max_age <= 25


def _age_specific(target) -> bool:
    return (target.max_age is not None and target.max_age <= 25) or (target.min_age or 0) >= 60


def _band_name(band: tuple[int, int]) -> str:
    return ("barn og unge" if band[1] <= 25 else "eldre" if band[0] >= 60 else "ungdom og voksne" if band == YOUTH_UP
            else "voksne")
