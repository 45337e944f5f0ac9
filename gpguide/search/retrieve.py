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


def age_reason(service: Service, age: int) -> str | None:
    low, high = service.target.min_age, service.target.max_age
    if low is not None and age < low:
        return f"fra {_n(low)} år; pasienten er {age}"
    if high is not None and age > high:
        return f"til og med {_n(high)} år; pasienten er {age}"
    return None


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
        reason = age_reason(service, query.age) if query.age is not None else None
        if reason:
            by_age.append(Excluded(service, reason))
        else:
            eligible.append(service)
    return eligible, by_age, unavailable


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
