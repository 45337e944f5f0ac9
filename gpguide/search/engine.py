"""The search pipeline: normalise → understand → retrieve → rank → explain, with safety first."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from gpguide.catalogue import Catalogue, Contact, Kommune, Service
from gpguide.search import explain, kept
from gpguide.search.normalise import STOPWORDS, as_written, fold, question_tokens, quoted_words, tokens
from gpguide.search.rank import LEVEL_WEIGHT, MIN_SCORE, NAMED_PARTLY, SCHOOL, W_NAME, Ranker, Scored
from gpguide.search.retrieve import age_range_text, candidates
from gpguide.search.scope import EVERYDAY_NAME_WORDS, GENERIC_NAME_WORDS, ORGANISATION_NAMED, Scope
from gpguide.search.triage import triage
from gpguide.search.triage.detect import SECOND_NET_REASON
from gpguide.search.understand import (AGENCY_PREFIXES, CHILD, CONDITION_AREAS, ConceptHit, Understanding,
                                      context_positions, declining_positions, left_school_positions,
                                      offer_asked_positions, understand, with_broader)

MAX_RESULTS = 5
UNSERVED_CONCEPT = "psykiske_plager"  # a minor's trouble no door names: the doors for children's mental health …
CHILD_DOOR_AGE = 30  # … those made for the young (an upper age limit below this)
UNIT_NEAR = 0.9  # a unit this close to the unit it belongs to may come first (`_units_first`)
UNIT_NAMED_NEAR = 0.6  # … or this close, when its name says the help asked for («Barneansvarlig» for the children)
CARE_AREA = "behov"  # the vocabulary's forms of care, as against what the patient has or does
PLACES_OF_CARE = frozenset({"bolig"})  # «sykehjem»: a place to live that is also care
WORDLESS_HITS = frozenset({"icpc", "icd10", "relative", "triage", "pattern"})  # hits not read from the words
MAX_QUESTION_CHARS = 4000
MAX_SCOPES = 64  # kommuner whose indexes are kept built at once
NAMED_WEAKLY = ORGANISATION_NAMED  # the organisation is named («på Ahus»)
NAMED_IN_HISTORY = 0.4  # named where the question tells what happened, not what is asked
NAMED_LATER = 0.5  # named as a step that may come after the help asked for («før ev. henvisning til ARA»)
PROBE_AGES = (8, 15, 17, 21, 40, 75)
UNPLACED_LEVELS = frozenset({"nasjonal", "spesialist"})  # what a question without a kommune searches
# «uten henvisning», «ingen søknad»: a door without one, not a service called «Henvisning …»
_WITHOUT = frozenset({"uten", "utan", "ingen", "inga", "ikke", "ikkje"})
_PAPERS = frozenset({"henvisning", "henvising", "tilvising", "vedtak", "soknad"})
_ROLE = frozenset({"parorende", "parorande"})
_ROLE_HOLDERS = frozenset({"barn", "barna", "born", "borna", "ungdom", "unge", "ungar", "unger", "ungane", "ungene"})
# Too broad to say that nothing local fits: every kommune has something for these.
BROAD_CONCEPTS = frozenset({"psykiske_plager", "krise", "stress", "samtaler", "depresjon", "angst", "rus"})


@dataclass(frozen=True)
class Result:
    service: Service
    score: float
    why: tuple[str, ...]
    access: str


@dataclass(frozen=True)
class NotOffered:
    service: Service
    message: str
    alternatives: tuple[Service, ...]


@dataclass(frozen=True)
class EmergencyRoute:
    name: str
    phone: str | None
    note: str | None = None
    service_id: str | None = None


# The concepts behind each reason the safety triage gives (gpguide/search/triage/signals.yaml).
ACUTE_HELP = "krise"  # the concept of acute help, which every acute danger calls for
ACUTE_OFFERS = frozenset({"krise", "dognapent"})  # what makes a national line a door in acute danger
# Help that cannot wait, asked for when the GP's office is closed: the legevakt is the door, not an alarm.
OUT_OF_HOURS_NEEDS = frozenset({"krise", "avrusning"})
CLINICAL_AREAS = frozenset({"psykisk", "rus", "akutt"})
DANGER_CONCEPTS = {
    "selvmordsfare": ("selvmordstanker",),
    "mulig overdose eller forgiftning": ("overdose",),
    "svikt i pust eller bevissthet": ("overdose",),
    "alvorlig selvskading eller blødning": ("selvskading",),
    "akutt psykose eller mani med fare": ("psykose",),
    "fare for vold, trusler eller brann": ("vold_overgrep",),
    "barn i fare nå": ("omsorgssvikt",),
    "mulig delirium eller abstinenskramper": ("avrusning",),
}
# Acute danger to the patient's own life, for which a crisis line is a right door next to 113 and legevakt.
SELF_DIRECTED = frozenset({"selvmordsfare", "mulig overdose eller forgiftning", "svikt i pust eller bevissthet",
                           "alvorlig selvskading eller blødning", "akutt fare eller forverring", SECOND_NET_REASON})
# Danger to the body now: a line to talk to is no door, whatever else is said
BODY_FIRST = frozenset({"mulig overdose eller forgiftning", "svikt i pust eller bevissthet",
                        "alvorlig selvskading eller blødning"})
# Danger that is about safety rather than illness: the police, a shelter or the child welfare service act on it.
SAFETY_ONLY = frozenset({"fare for vold, trusler eller brann", "barn i fare nå"})
# Reasons that name no one in danger: beside a danger to others, they do not make a talk line a door.
UNSPECIFIC = frozenset({"akutt fare eller forverring", SECOND_NET_REASON})

# The national emergency numbers are constants: they never depend on catalogue data, which may be broken or missing.
EMERGENCY_113 = EmergencyRoute("Medisinsk nødtelefon", "113", "Når det er akutt og står om liv.", "nasjonal-113")
EMERGENCY_116117 = EmergencyRoute("Legevakt", "116 117", "Når fastlegen ikke er tilgjengelig og hjelpen ikke kan vente.",
                                  "nasjonal-legevakt-116117")
NATIONAL_EMERGENCY = (EMERGENCY_113, EMERGENCY_116117)


@dataclass(frozen=True)
class Answer:
    query: Understanding
    results: tuple[Result, ...] = ()
    near_misses: tuple[str, ...] = ()
    not_offered: tuple[NotOffered, ...] = ()
    emergency: tuple[EmergencyRoute, ...] = ()
    follow_up: str | None = None
    follow_up_kind: str | None = None  # "kommune" | "age" | "problem"
    kommune: Kommune | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def urgent(self) -> bool:
        return self.query.urgent


class Engine:
    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.lexicon = kept.lexicon(catalogue)
        self._scopes: dict[str | None, tuple[Scope, Ranker]] = {}
        self._all_names: Scope | None = None
        self._distinct_names: dict[str, tuple[str, tuple[str, ...]]] = {}

    def scope(self, kommune: str | None) -> tuple[Scope, Ranker]:
        """The kommune's services with the regional, specialist and national ones, indexed once. Without a kommune:
        the national and specialist services, so that a regional service of each kommune (a volunteer centre for
        Nes) neither answers nor weighs in the statistics before the kommune is known."""
        if kommune not in self._scopes:
            if len(self._scopes) >= MAX_SCOPES:
                self._scopes.pop(next(iter(self._scopes)))
            services = self.catalogue.services_for(kommune)
            if kommune is None:
                services = tuple(s for s in services if s.level in UNPLACED_LEVELS)
            scope = kept.scope(kommune, services, self.lexicon, self.catalogue)
            self._scopes[kommune] = (scope, Ranker(self.lexicon, scope))
        return self._scopes[kommune]

    def resolve_kommune(self, text: str | None) -> str | None:
        if text is None or not text.strip():
            return None
        return self.catalogue.require_kommune(text).id

    def understand(self, text: str, kommune: str | None = None, age: int | None = None,
                   previous: Understanding | None = None, default_kommune: str | None = None) -> Understanding:
        """`kommune` and `age` override the text; `default_kommune` (a remembered choice) applies only when
        neither the text nor an earlier turn names one."""
        # Safety first, on every character; the rest of a pasted journal note is read up to a limit.
        safety = triage(text)
        text = text[:MAX_QUESTION_CHARS]
        query = understand(text, self.lexicon, safety)
        query = replace(query, concepts=query.concepts + self._danger_concepts(query))
        if previous is not None:
            query = query.merged_with(previous)
        overrides: dict[str, Any] = {}
        if kommune is None and query.kommune is None and default_kommune:
            overrides.update(kommune=self.resolve_kommune(default_kommune), kommune_from="valgt kommune")
        if kommune is not None:
            overrides.update(kommune=self.resolve_kommune(kommune), kommune_from="valg")
        if age is not None:
            overrides.update(age=age, age_from="valg", age_band=None)
        place = overrides.get("kommune", query.kommune)
        denied = {fold(w) for w in query.negated}  # «ikke akutt somatisk» names no acute ward
        said = question_tokens(text)
        age_now = overrides.get("age", query.age)
        if age_now is not None and age_now >= CHILD and self._school_left_behind(query.concepts, said, text):
            overrides["school_left"] = True
        words = ["" if w in denied or w in _PAPERS and i and said[i - 1] in _WITHOUT or _a_role(said, i) else w
                 for i, w in enumerate(said)]
        scope = self.scope(place)[0]
        acronyms = scope.acronyms
        if not (EVERYDAY_NAME_WORDS.isdisjoint(words) and acronyms.isdisjoint(words)) \
                and len(written := as_written(text)) == len(words):
            quoted = quoted_words(text)  # a name typed in quotes is a name, in everyday words or not
            words = ["" if i not in quoted and (w in EVERYDAY_NAME_WORDS and shown.islower()
                                                or w in acronyms and shown.lower() != w)
                     else w for i, (w, shown) in enumerate(zip(words, written))]
        history, refusing, later, heading = context_positions(text)
        unit_free = self._not_in_unit_names(query.concepts, said, scope)
        if len(unit_free) < len(query.concepts):
            query = replace(query, concepts=unit_free)
        if refusing and (declining := declining_positions(text)):
            query = replace(query, concepts=self._not_refused(query.concepts, said, declining))
        if refusing:
            # an agency denied in a refusal («foreldreveiledning, ikke barnevern») names what is refused
            words = [said[i] if i in refusing and said[i] in denied and said[i].startswith(AGENCY_PREFIXES)
                     and i and said[i - 1] in ("ikke", "ikkje") else w for i, w in enumerate(words)]
        # a service named in a relative's story («far i LAR») is no more asked for than one in the history
        names = self._asked_names(scope, words, history | query.kin_told)
        if later and names:
            now = self._asked_names(scope, ["" if i in later else w for i, w in enumerate(words)],
                                    history | query.kin_told)
            # never stronger than the history left it («Epikrise fra Sandnes DPS … Hva gjør vi før fredag?»)
            names = {i: min(v, max(now.get(i, 0.0), v * NAMED_LATER)) for i, v in names.items()}
        if refusing and names:
            # what the patient refuses is no door asked for, and comes after those he may accept
            kept = scope.names([w for i, w in enumerate(words) if i not in refusing], self.lexicon)
            overrides["refused"] = tuple(sorted(i for i in names if i not in kept))
            names = {i: v for i, v in names.items() if i in kept}
        offering = offer_asked_positions(text, self.lexicon)
        if offering and names:
            there = scope.names([w if i in offering else "" for i, w in enumerate(words)], self.lexicon)
            overrides["asked_if_offered"] = tuple(sorted(i for i, v in there.items()
                                                         if v >= 1.0 and names.get(i, 0.0) >= 1.0))
        asked = [w for i, w in enumerate(words) if i not in history]
        if heading:
            # the ward a letter comes from is where the patient was discharged, unless the question asks for it again
            told_here = scope.names([w if i in heading else "" for i, w in enumerate(words)], self.lexicon)
            again = scope.names(asked, self.lexicon)
            overrides["sent_by"] = tuple(sorted(i for i, v in told_here.items()
                                                if v >= 1.0 and again.get(i, 0.0) < 0.8))
        if history:
            # the name of where the patient was («epikrise Lurud Ahus») is no word to match services by
            overrides["history_words"] = told = frozenset(w for i, w in enumerate(said) if i in history
                                                          and scope.is_name_word(w)) - set(asked)
            if told:
                # «Anamnese: PP-tjenesten utreda dysleksi»: a name told in the history asks for nothing it speaks of
                query = replace(query, concepts=self._dropping(
                    query.concepts, lambda hit, spoken: self.lexicon.concepts[hit.concept].area not in CONDITION_AREAS
                    and not told.isdisjoint(spoken) and all(w in told or w in GENERIC_NAME_WORDS for w in spoken)))
        if not any(v >= 1.0 for v in names.values()) and self._may_name(asked):
            # A service named outright but not found here may exist elsewhere: what it does is what is asked for.
            elsewhere = self._everywhere().names([w for i, w in enumerate(words) if i not in history and i not in later],
                                                 self.lexicon)
            # a name kept by a service here too is that service (the same name in two kommuner)
            names.update({scope.named_here(self._distinct_names[i]) or i: v for i, v in elsewhere.items() if v >= 1.0})
        overrides["names"] = {**query.names, **names}
        # «Mestringsenheten» names a place; it does not ask for «mestring»
        places = {h.matched for h in query.concepts if h.how == "compound" and scope.is_organisation(h.matched)}
        if places:
            # the broader concepts worked out again: the place's word may have stood in for one («Psykiatritjenesten»
            # for the «psykiske plager» that «depresjon» also gives)
            kept = [h for h in query.concepts if h.how != "broader" and (h.how != "compound" or h.matched not in places)]
            overrides["concepts"] = tuple(with_broader(kept, self.lexicon))
        return replace(query, **overrides)

    def _not_in_unit_names(self, hits: tuple[ConceptHit, ...], words: list[str],
                           scope: Scope) -> tuple[ConceptHit, ...]:
        """«følges av psykisk helse og avhengighet»: the words of a unit's name tell who follows the patient, not
        what the patient has; a concept said only there is dropped."""
        inside = scope.in_unit_names(words)
        if not inside:
            return hits
        only_there = _only_at(words, inside)
        return self._dropping(hits, lambda _, spoken: all(w in only_there for w in spoken))

    def _dropping(self, hits: tuple[ConceptHit, ...],
                  claims: Callable[[ConceptHit, list[str]], bool]) -> tuple[ConceptHit, ...]:
        """The hits but those `claims` takes (see `_unclaimed`), with the broader concepts worked out again."""
        kept = _unclaimed(hits, claims)
        if len(kept) == len(hits):
            return hits
        return tuple(with_broader([h for h in kept if h.how != "broader"], self.lexicon))

    @staticmethod
    def _school_left_behind(hits: tuple[ConceptHit, ...], words: list[str], text: str) -> bool:
        """«har droppa ut av vgs», «fullførte ikkje vgs»: the school the question speaks of is one left behind."""
        if not any(h.concept == SCHOOL for h in hits) or not (left := left_school_positions(text)):
            return False
        only_there = _only_at(words, left)
        return any(h.concept == SCHOOL and h.how not in WORDLESS_HITS and (spoken := tokens(h.matched))
                   and all(w in only_there for w in spoken) for h in hits)

    def _not_refused(self, hits: tuple[ConceptHit, ...], words: list[str],
                     declining: set[int]) -> tuple[ConceptHit, ...]:
        """«Ønsker ikke sykehjem»: a form of care said only where the patient refuses it is not asked for; what the
        patient has or refuses to do («vil ikke til DPS for depresjonen», «vil ikkje på skulen») still is."""
        only_there = _only_at(words, declining)
        return self._dropping(hits, lambda hit, spoken: (self.lexicon.concepts[hit.concept].area == CARE_AREA
                                                         or hit.concept in PLACES_OF_CARE)
                              and all(w in only_there for w in spoken))

    def _danger_concepts(self, query: Understanding) -> tuple[ConceptHit, ...]:
        """What the triage found is also what the patient has, and acute help is what is needed: it helps rank the
        doors for it (an acute ward before a course)."""
        have = {h.concept for h in query.concepts}
        wanted = [c for reason in query.urgent_reasons for c in (*DANGER_CONCEPTS.get(reason, ()), ACUTE_HELP)]
        found = dict.fromkeys(c for c in wanted if c in self.lexicon.concepts and c not in have)
        return tuple(ConceptHit(c, 1.0, "akutt", "triage") for c in found)

    def _asked_names(self, scope: Scope, words: list[str], history: set[int]) -> dict[str, float]:
        """Names in the question, weaker where they only tell the patient's (or a relative's) history («innlagt på Ahus»)."""
        named = scope.names(words, self.lexicon)
        if not history or not named:
            return named
        asked = scope.names([w for i, w in enumerate(words) if i not in history], self.lexicon)
        return {i: max(asked.get(i, 0.0), strength * NAMED_IN_HISTORY) for i, strength in named.items()}

    def _may_name(self, words: list[str]) -> bool:
        """Could the question name a service? Only words that are no vocabulary term, kommune or stopword can."""
        return any(len(w) >= 3 and not w.isdigit() and w not in STOPWORDS and w not in self.lexicon.kommune_names
                   and not self.lexicon.lookup(w) for w in words)

    def _everywhere(self) -> Scope:
        """One service for each distinct name in the catalogue, to tell what a service named here but kept
        elsewhere does. Built the first time it is needed, from the names alone; kommuner share names, so it
        stays small."""
        if self._all_names is None:
            distinct: dict[tuple[str, tuple[str, ...]], str] = {}
            for service_id, names in self.catalogue.service_names().items():
                distinct.setdefault(names, service_id)
            self._distinct_names = {i: names for names, i in distinct.items()}
            self._all_names = Scope.of_names(self._distinct_names, self.lexicon, self.catalogue)
        return self._all_names

    def ask(self, text: str, kommune: str | None = None, age: int | None = None,
            previous: Understanding | None = None, default_kommune: str | None = None) -> Answer:
        query = self.understand(text, kommune, age, previous, default_kommune)
        return self.answer(query)

    def answer(self, query: Understanding) -> Answer:
        query, elsewhere = self._borrow_named_elsewhere(query)
        scope, ranker = self.scope(query.kommune)
        bases = ranker.bases((s for s in scope.services if not s.emergency), query)
        ranked, near, not_offered = self._rank(query, bases)
        if not ranked and self._unserved_minor(query):
            # A child's trouble no door here names («mobba på skulen»): the doors for children's mental health, said so
            wider = replace(query, concepts=(*query.concepts, ConceptHit(UNSERVED_CONCEPT, 0.6, "", "unserved")))
            wider_bases = ranker.bases((s for s in scope.services if not s.emergency), wider)
            young, wider_near, wider_not_offered = self._rank(wider, wider_bases)
            young = [s for s in young if _for_the_young(s.service)]
            if young:
                told = ", ".join(self.catalogue.concepts[c].label for c in query.primary_concepts
                                 if c in self.catalogue.concepts)
                note = f"Ingen tjeneste her er registrert for {told}; viser tilbud for psykiske plager hos barn og unge"
                query, bases, ranked = wider, wider_bases, young
                near, not_offered = [note, *wider_near], wider_not_offered
        if elsewhere:
            place = self.catalogue.kommuner.get(query.kommune or "")
            where = place.name if place else query.kommune
            near = [f"{s.name} er ikke registrert i {where} (finnes i {self._place_name(s)}); "
                    "viser tilbud for de samme plagene" for s in elsewhere] + near
        out_of_hours = not query.urgent and query.out_of_hours and self._for_legevakt(query)
        routes = self.emergency_routes(query.kommune) if query.urgent or query.safety_reminders or out_of_hours else ()
        first: list[Result] = []
        if query.urgent:
            # Safety first: the emergency routes lead the results too, not only the banner.
            reason = "akutt: " + ", ".join(query.urgent_reasons)
            # Violence or a child in danger, and no illness that calls for a doctor: after 113 and 116 117 the doors
            # for it (a shelter, the child welfare service); the local legevakt stays in the banner.
            doctor = not set(query.urgent_reasons) <= SAFETY_ONLY
            first = self._route_results(reason, [r for r in routes if doctor or r in NATIONAL_EMERGENCY])
        elif out_of_hours:
            first = self._route_results("kan ikke vente, utenfor kontortid: legevakt",
                                        [r for r in routes if r != EMERGENCY_113])
        shown = {r.service.id for r in first}
        results = tuple(first) + tuple(
            Result(s.service, round(s.score / (s.score + 3.0), 3), tuple(explain.why(s, query, self.catalogue)),
                   explain.access_summary(s.service))
            for s in ranked if s.service.id not in shown
        )
        follow_up, kind = self._follow_up(query, ranked, bases)
        return Answer(
            query=query,
            results=results,
            near_misses=tuple(near),
            not_offered=tuple(not_offered),
            emergency=routes,
            follow_up=follow_up,
            follow_up_kind=kind,
            kommune=self.catalogue.kommuner.get(query.kommune or ""),
        )

    def _rank(self, query: Understanding, bases: dict[str, Scored] | None = None, near_misses: bool = True
              ) -> tuple[list[Scored], list[str], list[NotOffered]]:
        """Rank the scope's services for the query. `bases` (from an earlier pass for the same question) saves
        scoring again when only the age differs; without `near_misses`, those excluded by age are not looked at."""
        scope, ranker = self.scope(query.kommune)
        if bases is None:
            bases = ranker.bases((s for s in scope.services if not s.emergency), query)

        def score(service: Service) -> Scored:
            return ranker.fit(bases[service.id], query)

        services = scope.services
        if query.kommune is None:
            # Until the kommune is known: what applies everywhere, and what the GP names («Kompasset», «TIRe på Ahus»).
            own = {s.id for s in services}
            named = tuple(self.catalogue.services[i] for i, v in query.names.items() if v >= 1.0 and i not in own)
            services = services + named
            bases.update({s.id: ranker.base(s, query) for s in named})
        eligible, by_age, unavailable = candidates(services, query)
        if query.kommune is None:
            eligible = [s for s in eligible if s.level == "nasjonal" or query.names.get(s.id, 0.0) >= NAMED_WEAKLY]
        scored = {s.id: score(s) for s in eligible}
        not_offered: list[NotOffered] = []
        best = max((s.score for s in scored.values()), default=0.0)
        for service in unavailable:
            probe = score(service)
            if probe.named >= 1.0 or (probe.score >= MIN_SCORE and probe.score > best):
                # a door the patient refuses is no alternative to offer
                alternatives = tuple(self.catalogue.services[a] for a in service.alternatives
                                     if a in scored and a not in query.refused)
                message = explain.not_offered_text(service, self.catalogue)
                not_offered.append(NotOffered(service, message, alternatives))
                for alt in alternatives:
                    scored[alt.id].score += W_NAME * (0.9 if probe.named >= 1.0 else 0.2)
                    scored[alt.id].alternative_to = f"alternativ: {message}"
        self._national_when_nothing_local(scored, query)
        ranked = [s for s in scored.values() if s.score >= MIN_SCORE]
        if query.minor and any(s.service.level == "spesialist" and not s.age_unknown for s in ranked):
            # Specialist care for a child goes through the service known to take children (BUP), not through one
            # whose age limits no source gives (an adult ward).
            ranked = [s for s in ranked if not (s.service.level == "spesialist" and s.age_unknown)]
        asks_line = query.urgent or bool({"telefon", "dognapent"} & set(query.primary_concepts))
        if ranked:
            # Unless the GP asks for a line, a line that fits many of the words asked must not crowd out the local
            # doors that fit them broadly.
            # For a minor, the services known to take that age set the bar, not one whose age no source gives.
            known = [s for s in ranked if not s.age_unknown] or ranked
            # A service the GP names is asked about, not the measure of what else fits: the local doors for the
            # patient's problems set the bar («Henvise BUP? noe i kommunen først?»).
            if query.kommune and any(s.named >= 0.8 for s in known):
                known = [s for s in known if s.named < 0.8 and s.service.level != "nasjonal" and s.problems] or known
            local = [s.score for s in known if s.service.level != "nasjonal"]
            floor = max(local if local and not asks_line else [s.score for s in known]) * 0.25
            ranked = [s for s in ranked if s.score >= floor]
        # For a minor, a service whose age limits no source gives comes after every one known to take that age; a
        # national line comes after the local doors that fit, unless the GP asks for a line, danger is acute or
        # the line is made for the patient's age group and problem (Vern for eldre for an old woman who is beaten).
        own_life = SELF_DIRECTED & set(query.urgent_reasons)
        if SAFETY_ONLY & set(query.urgent_reasons):
            own_life -= UNSPECIFIC  # «akutt psykotisk, truer naboen med kniv»: the danger named is to others
        if query.urgent and not own_life:
            # Danger to others or to a child: the police and the local doors, not a talk line for the patient,
            # unless the line is made for this patient (116 111 for a child at risk).
            ranked = [s for s in ranked if s.service.level != "nasjonal" or s.named >= 1.0 or self._line_for(s, query)]
        elif query.urgent:
            # Acute danger: a national line is a door now only if it is open around the clock or made for crises;
            # a poisoning or a body failing now needs a line for the body (the poison centre), not a talk line
            body = {c for r in BODY_FIRST & set(query.urgent_reasons) for c in DANGER_CONCEPTS.get(r, ())}
            ranked = [s for s in ranked if s.service.level != "nasjonal" or s.named >= 1.0
                      or ACUTE_OFFERS & set(s.service.offers) and (not body or body & set(s.problems))]
        lines_last = not asks_line and any(
            s.service.level != "nasjonal" and (s.problems or s.offers or s.named) for s in ranked)
        # Nothing asked but a service («hva er Retreten?»): that service first.
        only_named = not query.primary_concepts
        restricted = {c for c in query.primary_concepts if self.lexicon.concepts[c].restricted}
        # and the kinds of help a name restricts, narrower ones too («barn som pårørende» is a kind of «pårørende»)
        narrow = restricted | {c for c in query.primary_concepts
                               if any(self.lexicon.concepts[b].restricted for b in self.lexicon.concepts[c].broader)}
        # and a combination of two areas («rus og psykisk helse saman»): the team named for it («ROP-teamet»)
        narrow |= {c for c in query.primary_concepts
                   if len({self.lexicon.concepts[b].area for b in self.lexicon.concepts[c].broader}) >= 2}
        order = _units_first(ranked, scope.name_concepts, restricted, frozenset(narrow))
        asked_if = query.asked_if_offered  # «Finst det hasjavvenningskurs i Strand?»: that one first
        ranked = sorted(ranked, key=lambda s: (s.age_unknown, bool(asked_if) and s.service.id not in asked_if,
                                               only_named and s.named < 0.8,
                                               query.to_specialists and s.service.level != "spesialist",
                                               # a door whose hours say it is shut when the help is needed
                                               query.out_of_hours and _closed_then(s.service, query.closed_times),
                                               lines_last and s.service.level == "nasjonal"
                                               and s.named < 1.0 and not s.fills_gap
                                               and (query.municipal or query.referral or not self._line_for(s, query)),
                                               # for a child, the line made for children before one for everyone
                                               query.minor and s.service.level == "nasjonal" and not s.made_for_age
                                               and s.named < 1.0,
                                               -order[s.service.id],
                                               s.service.name))[:MAX_RESULTS]
        near: list[str] = []
        bar = ranked[min(len(ranked), 3) - 1].score if ranked else MIN_SCORE
        for excluded in by_age if near_misses else ():
            probe = score(excluded.service)
            if probe.score >= max(MIN_SCORE, 0.6 * bar):
                near.append(f"{excluded.service.name}: {excluded.reason}")
        return ranked, near, not_offered

    def _for_legevakt(self, query: Understanding) -> bool:
        """Acute help or detox asked for, and otherwise only illness: no shelter, money or work, which the legevakt
        does not give, and no service the GP asks about by name («Har kommunen kriseteam?»)."""
        asked = set(query.primary_concepts)
        if any(named >= NAMED_PARTLY for named in query.names.values()):
            return False
        return bool(OUT_OF_HOURS_NEEDS & asked) and all(
            self.lexicon.concepts[c].area in CLINICAL_AREAS for c in asked - OUT_OF_HOURS_NEEDS)

    def _route_results(self, reason: str, routes: list[EmergencyRoute]) -> list[Result]:
        return [Result(self.catalogue.services[r.service_id], 1.0, (reason, f"ring {r.phone}" if r.phone else "ring"),
                       explain.access_summary(self.catalogue.services[r.service_id]))
                for r in routes if r.service_id]

    @staticmethod
    def _line_for(scored: Scored, query: Understanding) -> bool:
        """A line made for the patient's age group, for a specific problem asked about (not just «angst»)."""
        return scored.made_for_age and any(p in query.primary_concepts and p not in BROAD_CONCEPTS
                                           for p in scored.problems)

    def _national_when_nothing_local(self, scored: dict[str, Scored], query: Understanding) -> None:
        """A national line is the last door, unless it is the only one for what the GP asked (gambling in Strand).
        A local service for the broader concept covers its kinds: rus services take cannabis too."""
        local = {c for s in scored.values() if s.service.level != "nasjonal" and s.score >= MIN_SCORE
                 for c in s.problems + s.offers}
        concepts = self.lexicon.concepts
        wanted = {c for c in query.primary_concepts
                  if c not in local and c not in BROAD_CONCEPTS and not set(concepts[c].broader) & local}
        if any(concepts[c].area in ("psykisk", "rus") and (c in local or set(concepts[c].broader) & local)
               for c in query.primary_concepts):
            # the illness has a local door: a side trouble with none («nesten ingen venner») is no gap to fill first
            wanted = {c for c in wanted if concepts[c].area in ("psykisk", "rus")}
        for s in scored.values():
            if s.service.level == "nasjonal" and set(s.problems) & wanted:
                s.score /= LEVEL_WEIGHT["nasjonal"]
                s.fills_gap = True
                s.notes.append("ingen lokalt tilbud for dette er registrert")

    @staticmethod
    def _unserved_minor(query: Understanding) -> bool:
        """A minor's trouble told (no danger, no relative's question), and no door for it."""
        return not query.urgent and query.minor is True and bool(query.primary_concepts) \
            and UNSERVED_CONCEPT not in query.weights and "parorende" not in query.primary_concepts

    def _follow_up(self, query: Understanding, ranked: list[Scored], bases: dict[str, Scored]
                   ) -> tuple[str | None, str | None]:
        if query.urgent:
            return None, None
        if query.kommune is None and self.catalogue.kommuner:
            names = ", ".join(known.name for known in self.catalogue.kommune_names().values())
            return f"Hvilken kommune bor pasienten i? ({names})", "kommune"
        if not ranked and not query.urgent:
            return "Hva er plagene eller behovet? Skriv for eksempel «angst», «rus», «bolig» eller «pårørende».", "problem"
        if query.age is None and ranked:
            tops = set()
            ages = [a for a in PROBE_AGES if not query.age_band or query.age_band[0] <= a <= query.age_band[1]]
            for age in ages:
                probe, _, _ = self._rank(replace(query, age=age, age_band=None), bases, near_misses=False)
                tops.add(tuple(s.service.id for s in probe[:3]))
                if len(tops) > 1:
                    return "Hvor gammel er pasienten?", "age"
        return None, None

    def _borrow_named_elsewhere(self, query: Understanding) -> tuple[Understanding, list[Service]]:
        """A question naming a service this kommune does not have ("rask psykisk helsehjelp" in Nes) asks for what
        that service does: search for its problems and offers here instead."""
        if query.kommune is None:
            return query, []
        named = [self.catalogue.services[i] for i, strength in query.names.items() if strength >= 1.0]
        here = [s for s in named if s.serves(query.kommune)]
        elsewhere = [s for s in named if not s.serves(query.kommune)]
        if here or not elsewhere:
            return query, []
        have = {h.concept for h in query.concepts}
        # The GP's own words say what the patient has; the named service then only says what kind of help is
        # wanted (its offers). With no words of their own, the service's target problems stand in for them.
        own = bool(query.primary_concepts)
        named = elsewhere[0]
        wanted = named.offers if own else (*named.target.problems, *named.offers)
        borrowed = tuple(ConceptHit(c, 0.5 if own else 0.7, named.name, "named", primary=not own)
                         for c in dict.fromkeys(wanted) if c not in have)
        severity = query.severity or frozenset(elsewhere[0].target.severity)
        return replace(query, concepts=query.concepts + borrowed, severity=severity), elsewhere[:1]

    def _place_name(self, service: Service) -> str:
        place = self.catalogue.kommuner.get(service.kommune or "")
        return place.name if place else (service.kommune or "en annen kommune")

    def emergency_routes(self, kommune: str | None) -> tuple[EmergencyRoute, ...]:
        """113 and legevakt 116 117 always (constants), then the kommune's own emergency services (its legevakt)."""
        services = {r.service_id: self.catalogue.services.get(r.service_id) for r in NATIONAL_EMERGENCY}
        routes = [replace(r, service_id=r.service_id if services[r.service_id] else None) for r in NATIONAL_EMERGENCY]
        if kommune is None:
            return tuple(routes)
        local = [s for s in self.scope(kommune)[0].services
                 if s.emergency and s.available and s.level != "nasjonal" and s.id not in services]
        local.sort(key=lambda s: (s.kommune != kommune, s.id))
        routes.extend(EmergencyRoute(s.name, _phone(s) or None, s.description, s.id) for s in local)
        place = self.catalogue.kommuner.get(kommune)
        if place and place.legevakt and not any(s.kommune == place.id for s in local):
            routes.append(EmergencyRoute(f"Legevakt, {place.name}", None, place.legevakt.text))
        return tuple(routes)

    def to_json(self, answer: Answer) -> dict[str, Any]:
        query = answer.query
        return {
            "query": query.text,
            "kommune": query.kommune,
            "age": query.ill_age if query.ill_age is not None else query.age,
            "served_age": query.age,
            "urgent": query.urgent,
            "follow_up": answer.follow_up,
            "results": [self._result_json(r) for r in answer.results],
            "emergency": [
                {"name": r.name, "phone": r.phone, "note": r.note, "id": r.service_id} for r in answer.emergency
            ],
            "urgent_reasons": list(query.urgent_reasons),
            "safety_reminders": list(query.safety_reminders),
            "not_offered": [
                {"id": n.service.id, "name": n.service.name, "status": n.service.status, "message": n.message,
                 "note": n.service.status_note.text if n.service.status_note else None,
                 "alternatives": [a.id for a in n.alternatives]}
                for n in answer.not_offered
            ],
            "near_misses": list(answer.near_misses),
            "understood": {
                "sex": query.sex,
                "age_from": query.age_from,
                "age_band": list(query.age_band) if query.age_band else None,
                "kommune_from": query.kommune_from,
                "severity": sorted(query.severity),
                "severity_words": list(query.severity_words),
                "self_referral": query.self_referral,
                "icpc": list(query.icpc),
                "icd10": list(query.icd10),
                "relative_age": query.relative_age,
                "relative": query.relative_word,
                "concepts": sorted({h.concept for h in query.concepts if h.primary}),
                "negated": list(query.negated),
            },
        }

    def _result_json(self, result: Result) -> dict[str, Any]:
        service = result.service
        catalogue = self.catalogue

        def fact(value: Any) -> dict[str, Any] | None:
            if value is None:
                return None
            source = service.source(value.source)
            return {"text": value.text, "source": catalogue.source_label(source) if source else None}

        return {
            "id": service.id,
            "name": service.name,
            "organization": service.organization,
            "kommune": service.kommune,
            "score": result.score,
            "why": list(result.why),
            "level": service.level,
            "status": service.status,
            "alternate_names": list(service.alternate_names),
            "description": service.description,
            "age_range": age_range_text(service),
            "severity": list(service.target.severity),
            "access": {
                "summary": result.access,
                "self_referral": service.access.self_referral,
                "gp_referral": service.access.gp_referral,
                "application": service.access.application,
                "application_to": service.access.application_to,
                "referral_to": service.access.referral_to,
                "how": service.access.how,
            },
            "contacts": [self._contact_json(service, c) for c in service.contacts],
            "opening_hours": fact(service.opening_hours),
            "fees": fact(service.fees),
            "waiting_time": fact(service.waiting_time),
            "address": fact(service.address),
            "url": service.url,
            "sources": [catalogue.source_label(s) for s in service.sources],
            "assured_date": service.assured_date,
        }

    def _contact_json(self, service: Service, contact: Contact) -> dict[str, Any]:
        source = service.source(contact.source)
        data = {"role": contact.role, "name": contact.name, "phone": contact.phone, "email": contact.email,
                "hours": contact.hours, "note": contact.note,
                "source": self.catalogue.source_label(source) if source else None}
        return {k: v for k, v in data.items() if v is not None}


def _phone(service: Service) -> str:
    return next((c.phone for c in service.contacts if c.phone), "")


_WEEKDAYS_ONLY = re.compile(r"\b(?:stengt (?:i )?helg\w*|hverdager|kvardagar|mandag\W+fredag|man\W+fre)\b")
_ROUND_THE_CLOCK = re.compile(r"\b(?:dognapen|dognapent|hele dognet|heile dognet|24/7|24 timer|alle dager)\b")


def _closed_then(service: Service, times: tuple[str, ...]) -> bool:
    """The service's hours, as its source gives them, say it is shut at the time the question names: a weekend for
    a service open on weekdays only, a night for one that is not open round the clock."""
    if not times or not service.opening_hours:
        return False
    weekdays_only, not_at_night = _shut_times(service.opening_hours.text)
    return "helg" in times and weekdays_only or "natt" in times and not_at_night


@lru_cache(maxsize=1024)
def _shut_times(text: str) -> tuple[bool, bool]:
    """(shut at weekends, shut at night) as opening hours say it; read once per text."""
    hours = fold(text)
    if not hours or _ROUND_THE_CLOCK.search(hours):
        return False, False
    return bool(_WEEKDAYS_ONLY.search(hours)), "kl" in hours


def _units_first(ranked: list[Scored], name_concepts: dict[str, frozenset[str]], restricted: set[str],
                 kinds: frozenset[str]) -> dict[str, float]:
    """The score each result is ordered by: a unit comes just before the unit it belongs to when it fits all that
    one fits, and its age too, and is nearly as high («Ungdomsteamet (12–18 år)» before the Ressurssenter it belongs
    to), or when its own name says a kind of help asked for that a name restricts (`kinds`: «Barneansvarlig» for the
    children) and it is not far below; or when the GP names the unit it belongs to and asks for what only the unit's
    name says, of the concepts a name restricts (`restricted`: «Kan NAV Strand vurdere tvang?» gives Vurdering av
    tvang ved rusavhengighet)."""
    by_id = {s.service.id: s for s in ranked}
    order = {i: s.score for i, s in by_id.items()}
    for s in ranked:
        parent = by_id.get(s.service.part_of.service if s.service.part_of else "")
        if parent is None or not parent.score > s.score:
            continue
        if parent.named < NAMED_PARTLY:
            mine = name_concepts.get(s.service.id, frozenset()) - name_concepts.get(parent.service.id, frozenset())
            first = s.score >= UNIT_NEAR * parent.score and s.made_for_age \
                and set(parent.problems + parent.offers) <= set(s.problems + s.offers) \
                or s.score >= UNIT_NAMED_NEAR * parent.score and bool(mine & kinds)
        else:
            first = bool(name_concepts.get(s.service.id, frozenset()) & restricted
                         - name_concepts.get(parent.service.id, frozenset()))
        if first:
            order[s.service.id] = parent.score + 1e-9
    return order


def _only_at(words: list[str], positions: set[int]) -> set[str]:
    """The words said at those positions and nowhere else."""
    return {w for i, w in enumerate(words) if i in positions} - {w for i, w in enumerate(words) if i not in positions}


_YOUNG_NAME = re.compile(r"\b(?:barn|born|ungdom|unge)")


def _for_the_young(service: Service) -> bool:
    """Made for children and young people: an upper age limit below CHILD_DOOR_AGE, or its name says so."""
    high = service.target.max_age
    return high is not None and high < CHILD_DOOR_AGE or bool(_YOUNG_NAME.search(fold(service.name)))


def _unclaimed(hits: tuple[ConceptHit, ...], claims: Callable[[ConceptHit, list[str]], bool]) -> list[ConceptHit]:
    """The hits but those read from words that `claims` says tell something else (a unit's name, a service named in
    the history); hits not read from words (codes, relatives, the triage) are never claimed."""
    return [h for h in hits if h.how in WORDLESS_HITS or not ((spoken := tokens(h.matched)) and claims(h, spoken))]


def _a_role(words: list[str], i: int) -> bool:
    """«barn som pårørende» names the children's role, not a service for relatives in general."""
    return words[i] in _ROLE and i >= 2 and words[i - 1] == "som" and words[i - 2] in _ROLE_HOLDERS
