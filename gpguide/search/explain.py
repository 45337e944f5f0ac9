"""Short Norwegian reasons: why a service fits, how to get in, and why a near miss did not."""

from __future__ import annotations

from gpguide.catalogue import Catalogue, Service
from gpguide.search.rank import Scored
from gpguide.search.retrieve import age_range_text, age_reason
from gpguide.search.understand import Understanding

STATUS_TEXT = {
    "planned": "er planlagt, men ikke i drift",
    "closed": "er nedlagt",
    "absent": "finnes ikke",
    "uncertain": "er ikke bekreftet i kildene",
}


def tiers_text(tiers: tuple[int, ...] | frozenset[int]) -> str:
    ordered = sorted(tiers)
    if not ordered:
        return ""
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"hovedforløp {ordered[0]}–{ordered[-1]}"
    return "hovedforløp " + ", ".join(str(t) for t in ordered)


def access_summary(service: Service) -> str:
    """One line: how the patient gets in."""
    access = service.access
    parts = []
    if access.self_referral:
        parts.append("Kan ta kontakt selv")
    if access.gp_referral == "required":
        parts.append("Henvisning fra lege" + (f" til {access.referral_to}" if access.referral_to else ""))
    elif access.gp_referral == "possible":
        parts.append("fastlege kan henvise" + (f" til {access.referral_to}" if access.referral_to else ""))
    if access.application:
        parts.append("Søknad om vedtak" + (f" til {access.application_to}" if access.application_to else ""))
    if not parts:
        return "Tilgang ikke registrert"
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def why(scored: Scored, query: Understanding, catalogue: Catalogue) -> list[str]:
    service = scored.service
    reasons: list[str] = []
    if scored.alternative_to:
        reasons.append(scored.alternative_to)
    if scored.named >= 1.0:
        reasons.append("tjenesten er nevnt i spørsmålet")
    hits = {h.concept: h for h in reversed(query.concepts)}
    direct = [c for c in scored.problems + scored.offers if c in hits and hits[c].primary]
    for concept in dict.fromkeys(scored.problems + scored.offers):  # a shelter is for, and offers, shelter: once
        if direct and concept not in direct:
            continue  # "psykiske plager" adds nothing once "angst" is named
        label = catalogue.concepts[concept].label if concept in catalogue.concepts else concept
        hit = hits.get(concept)
        if hit and hit.how != "broader" and hit.matched.casefold() not in label.casefold() \
                and label.casefold() not in hit.matched.casefold():
            label = f"{label} ({hit.matched})"
        named_only = concept not in service.offers and concept not in service.target.problems
        reasons.append(label if concept in scored.problems else f"for {label}" if named_only else f"tilbyr {label}")
    if scored.age_fit and query.age is not None and age_reason(service, query.age) is None:
        reasons.append(f"alder {query.age} innenfor {age_range_text(service, short=True)}")
    elif scored.age_fit and query.relative_age is not None and age_reason(service, query.relative_age) is None:
        reasons.append(f"familiemedlem på {query.relative_age} år: {age_range_text(service, short=True)}")
    elif scored.band_fit and query.age_word and (service.target.min_age is not None or service.target.max_age is not None):
        reasons.append(f"{query.age_word}: {age_range_text(service, short=True)}")
    if scored.severity_fit is True:
        reasons.append(f"{tiers_text(service.target.severity)} passer")
    elif scored.severity_fit is False:
        reasons.append(f"alvorlighet passer dårlig: tjenesten er for {tiers_text(service.target.severity)}")
    access = service.access
    if access.self_referral and not access.application:
        reasons.append("lavterskel: ingen henvisning")
    elif access.application:
        reasons.append("krever søknad og vedtak")
    elif access.gp_referral == "required":
        reasons.append("krever henvisning")
    reasons.extend(scored.notes)
    return reasons


def not_offered_text(service: Service, catalogue: Catalogue) -> str:
    place = catalogue.kommuner.get(service.kommune or "")
    where = place.name if place else (service.kommune or "").capitalize()
    if service.status == "absent":
        return f"{where} har ikke {service.name}." if where else f"{service.name} finnes ikke."
    return f"{service.name}{' i ' + where if where else ''} {STATUS_TEXT.get(service.status, '')}."
