"""Hard eligibility: which services may answer at all, and which are near misses (and why)."""

from __future__ import annotations

from dataclasses import dataclass

from gpguide.catalogue import Service
from gpguide.search.understand import Understanding


AGE_NOT_REGISTERED = "alder ikke registrert"


@dataclass(frozen=True)
class Excluded:
    service: Service
    reason: str


def age_range_text(service: Service, short: bool = False) -> str:
    """The service's age limits: «12–17 år», «fra 18 år» (or, short, for explanations: «12–17», «18+», «≤17»);
    «alle aldre» only where a source says so."""
    low, high = service.target.min_age, service.target.max_age
    if low is not None and high is not None:
        return f"{_n(low)}–{_n(high)}" + ("" if short else " år")
    if low is not None:
        return f"{_n(low)}+" if short else f"fra {_n(low)} år"
    if high is not None:
        return f"≤{_n(high)}" if short else f"til og med {_n(high)} år"
    return "alle aldre" if service.target.all_ages else AGE_NOT_REGISTERED


def age_reason(service: Service, age: int, who: str = "pasienten") -> str | None:
    low, high = service.target.min_age, service.target.max_age
    if low is not None and age < low:
        return f"fra {_n(low)} år; {who} er {age}"
    if high is not None and age > high:
        return f"til og med {_n(high)} år; {who} er {age}"
    return None


def for_relatives(service: Service) -> bool:
    """A service made for relatives: the catalogue names «parorende» first among its problems (Kompasset, 14–35 år,
    is for the young relatives; Vern for eldre, from 62, is for the old, and their relatives too)."""
    return service.target.problems[:1] == ("parorende",)


def _for_the_old_and_kin(service: Service) -> bool:
    """A door for old people and their relatives (Vern for eldre, from 62): the old relative's age decides."""
    target = service.target
    return target.min_age is not None and target.min_age >= 60 and "parorende" in target.problems


_FOR_THE_CHILDREN = frozenset({"omsorgssvikt"})
YOUNG_ADULT_END = 30  # the highest upper age limit of a door made for young adults (18–24, 18–30)


def candidates(services: tuple[Service, ...], query: Understanding) -> tuple[list[Service], list[Excluded], list[Service]]:
    """(eligible services, excluded by age, not available: planned/closed/absent) among a scope's services."""
    eligible: list[Service] = []
    by_age: list[Excluded] = []
    unavailable: list[Service] = []
    for service in services:
        if service.emergency:
            continue  # emergency routes are not ranked: they lead every urgent answer and stand in its banner
        if not service.available:
            unavailable.append(service)
            continue
        if service.target.min_age is None and service.target.max_age is None:
            eligible.append(service)  # no age limits: no age keeps it out
            continue
        if query.asker_age is not None and for_relatives(service):
            reason = age_reason(service, query.asker_age, "den pårørende")  # a relatives' door is the relative's
        else:
            reason = age_reason(service, query.age) if query.age is not None else None
        if reason and query.relative_age is not None and _for_the_old_and_kin(service) \
                and age_reason(service, query.relative_age) is None \
                and set(service.target.problems) - {"parorende"} & set(query.primary_concepts):
            reason = None  # asked about what is done to a mother of 83
        if reason and query.relative_age is not None and query.relative_age < 18 \
                and _FOR_THE_CHILDREN & set(query.primary_concepts) and age_reason(service, query.relative_age) is None:
            reason = None  # a parent's case, asked for the children («bekymringsmelding?»): the children's age decides
        if reason and query.handover_age is not None and service.target.min_age == query.handover_age \
                and service.target.max_age is not None and service.target.max_age <= YOUNG_ADULT_END:
            reason = None  # coming of age, asked who takes over: a door made for young adults opens to him
        if reason:
            by_age.append(Excluded(service, reason))
        else:
            eligible.append(service)
    return eligible, by_age, unavailable


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
