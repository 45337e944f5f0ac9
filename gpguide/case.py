"""One case per patient: does a new question continue the case on screen, or describe a new patient?

A GP between patients does not press "new case". So a reply refines the current case only when it answers the
follow-up gpguide just asked («17» after «Hvor gammel er pasienten?») or clearly continues it («hun er 17»,
«og hun ruser seg», «samme pasient»). Anything else that describes a patient (an age, a sex, a new problem, a
named service) starts a new case. Works on what the search understood; free of any UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from gpguide.search.normalise import fold, tokens
from gpguide.search.understand import SEX_WORDS, Understanding

SAME_PATIENT = ("samme pasient", "samme pas", "samme sak", "samme person", "same pasient")
NEW_PATIENT = ("ny pasient", "neste pasient", "annen pasient", "anna pasient", "ny sak", "ein annan pasient")
# A reply that opens with one of these talks about the patient already on screen.
CONTINUING_OPENERS = frozenset({"og", "men", "hun", "han", "ho", "hen", "vedkommende", "dessuten", "ogsa", "samt"})
ADDING = frozenset({"ogsa", "dessuten", "attatt", "attpa"})
PRONOUNS = frozenset({"han", "hun", "ho", "hen"})
SEX_NOUNS = frozenset(word for word in SEX_WORDS if word not in PRONOUNS)
ASKED_FOR = {"kommune": "kommune", "age": "alder", "problem": "plager"}


@dataclass(frozen=True)
class Decision:
    continues: bool
    reason: str  # for the screen, in Norwegian: «svar på spørsmålet om alder», «ny pasient: ny alder»


def decide(reply: Understanding, case: Understanding | None, asked: str | None = None) -> Decision:
    """`reply` is what the new question says on its own; `case` the case on screen; `asked` the kind of
    follow-up gpguide asked last ("kommune", "age", "problem" or None)."""
    if case is None:
        return Decision(False, "ny pasient")
    text = " " + " ".join(tokens(reply.text)) + " "
    if any(f" {fold(p)} " in text for p in SAME_PATIENT):
        return Decision(True, "«samme pasient»")
    if any(f" {fold(p)} " in text for p in NEW_PATIENT):
        return Decision(False, "«ny pasient»")
    words = text.split()
    conflicts = _conflicts(reply, case, words)
    if words and words[0] in CONTINUING_OPENERS and not conflicts:
        return Decision(True, f"fortsetter saken («{reply.text.split()[0].strip(',.:;')}»)")
    new = _describes_patient(reply, case, words)
    if asked and not conflicts and _answers(reply, asked) and not (set(new) - _ALLOWED_WITH_ANSWER[asked]):
        return Decision(True, f"svar på spørsmålet om {ASKED_FOR[asked]}")
    if ADDING & set(words) and not conflicts and not (set(new) - {"nye plager"}):
        return Decision(True, "fortsetter saken («også»)")
    if conflicts:
        return Decision(False, "ny pasient: " + ", ".join(conflicts))
    if new:
        return Decision(False, "ny pasient: " + ", ".join(new))
    if _refines(reply):
        return Decision(True, "utfyller saken")
    if asked:
        return Decision(True, f"svar på spørsmålet om {ASKED_FOR[asked]}")
    return Decision(False, "ny pasient")


# What a reply to a follow-up may add and still be the same patient («17, gutt» to «Hvor gammel er pasienten?»).
_ALLOWED_WITH_ANSWER = {
    "kommune": set(),
    "age": {"alder", "kjønn"},
    "problem": {"alder", "kjønn", "nye plager", "nevner en tjeneste"},
}


def _answers(reply: Understanding, asked: str) -> bool:
    if asked == "kommune":
        return reply.kommune is not None
    if asked == "age":
        return reply.age is not None or reply.age_word is not None
    return bool(reply.primary_concepts or _named(reply))


def _conflicts(reply: Understanding, case: Understanding, words: list[str]) -> list[str]:
    """Facts that cannot be about the patient on screen: another age, another sex (a pronoun may be a relative)."""
    found = []
    if reply.age is not None and case.age is not None and reply.age != case.age:
        found.append(f"alder {reply.age}")
    sex = next((SEX_WORDS[w] for w in words if w in SEX_NOUNS), None)
    if sex and case.sex and sex != case.sex and not _sex_from_pronoun_only(case):
        found.append("annet kjønn")
    return found


def _sex_from_pronoun_only(case: Understanding) -> bool:
    return not any(w in SEX_NOUNS for w in tokens(case.text))


def _describes_patient(reply: Understanding, case: Understanding, words: list[str]) -> list[str]:
    found = []
    if reply.age is not None and reply.age != case.age or reply.age_word and reply.age_word != case.age_word:
        found.append("alder")
    if any(w in SEX_NOUNS for w in words):
        found.append("kjønn")
    known = {h.concept for h in case.concepts}
    if any(c not in known for c in reply.primary_concepts):
        found.append("nye plager")
    if any(name not in case.names for name in _named(reply)):
        found.append("nevner en tjeneste")
    return found


def _named(reply: Understanding) -> list[str]:
    return [service for service, strength in reply.names.items() if strength >= 1.0]


def _refines(reply: Understanding) -> bool:
    """Only where, how severe or how to get in: details of the case on screen («Strand», «alvorlig»)."""
    return bool(reply.kommune or reply.severity or reply.self_referral)
