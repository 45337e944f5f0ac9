"""Personal-data guard: find and mask national identity numbers and birth dates typed into a question."""

from __future__ import annotations

import re
from dataclasses import dataclass

WARNING = "Ikke skriv personnummer – gpguide trenger bare alder og plager."

_ELEVEN_DIGITS = re.compile(r"(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)")
_DATE = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\d./-])")
_ISO_DATE = re.compile(r"(?<!\d)(19\d{2}|20\d{2})-(\d{2})-(\d{2})(?!\d)")
_BIRTH_CONTEXT = re.compile(r"(født|fødd|f\.|fødselsdato|f\.dato|dob|d\.o\.b)\s*:?\s*$", re.IGNORECASE)

FNR_MASK = "[personnummer fjernet]"
DATE_MASK = "[fødselsdato fjernet]"


@dataclass(frozen=True)
class Guarded:
    text: str  # the question with identifiers masked
    found: tuple[str, ...] = ()  # what was masked: "fødselsnummer", "d-nummer", "fødselsdato"

    @property
    def clean(self) -> bool:
        return not self.found

    @property
    def searchable(self) -> str:
        """The masked text without the masks, which would otherwise read as words ("fødselsdato")."""
        text = self.text
        for mask in (FNR_MASK, DATE_MASK):
            text = text.replace(mask, " ")
        return " ".join(text.split())


def is_national_id(digits: str) -> str | None:
    """'fødselsnummer' or 'd-nummer' when 11 digits pass the date and mod-11 checks, else None."""
    if len(digits) != 11 or not digits.isdigit():
        return None
    d = [int(c) for c in digits]
    k1 = 11 - sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), d)) % 11
    k2 = 11 - sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), d)) % 11
    if (k1 % 11, k2 % 11) != (d[9], d[10]) or k1 == 10 or k2 == 10:
        return None
    day, month = int(digits[:2]), int(digits[2:4])
    kind = "fødselsnummer"
    if day > 40:
        day, kind = day - 40, "d-nummer"
    month = month - 40 if month > 40 and month <= 52 else month - 80 if month > 80 else month  # H-numbers, test data
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return kind


def guard(text: str) -> Guarded:
    """Mask identity numbers anywhere, and full dates that are said to be birth dates or look like one."""
    found: list[str] = []

    def national_id(match: re.Match[str]) -> str:
        kind = is_national_id(match.group(1) + match.group(2))
        if kind is None:
            return match.group(0)
        found.append(kind)
        return FNR_MASK

    masked = _ELEVEN_DIGITS.sub(national_id, text)

    def birth_date(match: re.Match[str]) -> str:
        day, month, year = (int(g) for g in match.groups())
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match.group(0)
        said_birth = bool(_BIRTH_CONTEXT.search(masked[: match.start()]))
        if said_birth or len(match.group(3)) == 4 and 1900 <= year <= 2030:
            found.append("fødselsdato")
            return DATE_MASK
        return match.group(0)

    masked = _DATE.sub(birth_date, masked)

    def iso_date(match: re.Match[str]) -> str:
        found.append("fødselsdato")
        return DATE_MASK

    masked = _ISO_DATE.sub(iso_date, masked)
    return Guarded(masked, tuple(dict.fromkeys(found)))
