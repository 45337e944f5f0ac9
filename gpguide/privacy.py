"""Personal-data guard: find and mask national identity numbers and birth dates typed into a question.

Identity numbers (fødselsnummer, D- and H-numbers) are found however they are spelled: digit groups joined by up
to three spaces (of any kind), dots, slashes, hyphens or dashes, with invisible characters (zero-width space, soft
hyphen, …) anywhere, and with a four-digit birth year («01.02.1990 12345»); digits from other scripts count. Where
consecutive whole groups hold 11 digits (13 with the century) that pass the date and mod-11 checks, they are masked.

Dates are read as day-month(-year) with dots or slashes (hyphens only with a four-digit year), year first
(«1990/02/01», «1990-02-01»), with a month name in bokmål or nynorsk («1. februar 1990», «3. mai»), or as six or
eight bare digits («010290», «01021990»). Which of them are birth dates:

1. Right after a birth word («født», «fødd», «f.», «f.dato», «fødselsdato», «fødselsdag», «DOB», or an identity
   number word such as «fnr» or «personnummer»; a colon, «den», «er» or «var» may come between), any of these forms
   is a birth date, with or without a year.
2. Otherwise a date after a clinical event word earlier in its clause («innlagt», «kontroll», «time», «henvist»,
   «siden», «fra», «til», … at most five words back; «,», «;», brackets and line breaks end a clause) is an ordinary
   date and stays.
3. Otherwise a date with a year is a birth date when it could be one: from 1900 on and not in the future. A two-digit
   year is read as the latest such year, so it always could be. When in doubt we mask: name the event to keep a date.

Dates without a year, bare years («siden 2019»), weeks, doses and phone numbers are never masked, and six or eight
bare digits are a date only after a birth word.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

WARNING = "Ikke skriv personnummer – gpguide trenger bare alder og plager."

FNR_MASK = "[personnummer fjernet]"
DATE_MASK = "[fødselsdato fjernet]"

_DIGIT_RUN = re.compile(r"\d+(?:[\s./-]{1,3}\d+)*")
_DIGIT_GROUP = re.compile(r"\d+")

_NOT_AFTER_NUMBER = r"(?<!\d)(?<!\d[./-])"
_NOT_BEFORE_NUMBER = r"(?!\d|[./-]\d)"
_DAY_FIRST = re.compile(
    _NOT_AFTER_NUMBER + r"(?P<day>\d{1,2})(?:(?P<sep>[./])(?P<month>\d{1,2})(?:(?P=sep)(?P<year>\d{4}|\d{2}))?"
    r"|-(?P<month2>\d{1,2})-(?P<year2>\d{4}))" + _NOT_BEFORE_NUMBER)
_YEAR_FIRST = re.compile(
    _NOT_AFTER_NUMBER + r"(?P<year>1[89]\d\d|20\d\d)(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    + _NOT_BEFORE_NUMBER)
_COMPACT = re.compile(_NOT_AFTER_NUMBER + r"(?P<digits>\d{8}|\d{6})" + _NOT_BEFORE_NUMBER)

_MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
}
_NAMED = re.compile(
    _NOT_AFTER_NUMBER + r"(?P<day>\d{1,2})\.?\s*(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\b\.?(?:\s*(?P<year>\d{4}(?!\d)|\d{2}(?!\d)(?!\s*(?:[^\W\d_]|%))))?",
    re.IGNORECASE)

_BIRTH_BEFORE = re.compile(
    r"(?:\b(?:(?:ny)?født|fødd|fødde|fødte|fødselsdato|fødselsdag(?:en)?|fdato|dob|born"
    r"|fnr|pnr|fødselsnr|fødselsnummer|personnr|personnummer|d-nr|d-nummer)|(?<![\w.])f\.(?:\s*(?:dato|nr)\b)?"
    r"|(?<![\w.])f(?=\s*:)|(?<![\w.])d\.o\.b\b\.?)[\s:.=-]*(?:(?:den|d\.|er|var)\s+)?$",
    re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;!?()\[\]\n]")
_EVENT_WORD = re.compile(
    r"\W*(?:(?:mr|ct|rtg|fra|til|f\.o\.m|t\.o\.m|før|etter|innen|siden|sist|siste|neste|dato|uke)\b"
    r"|time|innl[aeg]|utskr|skrevet|kontroll|avtale|konsult|besøk|henvis|mottatt|sendt|søkt|søknad|vedtak|samtale|møte"
    r"|oppfølg|start|begynt|slutt|stopp|seponer|operer|ulykke|skade|overdose|legevakt|akutt|innkal|prøve|blodprøve"
    r"|test|røntgen|undersøk|frist|sykm|sykem|permisjon|død|skilt|flytt|hendelse|episode|anfall|forsøk|termin"
    r"|ringt|meldt|melding|epikrise|notat|fikk)",
    re.IGNORECASE)
_EVENT_REACH = 5  # words
_CONTEXT = 200  # characters before a date that are read for event words
_BIRTH_REACH = 24  # characters before a date that are read for a birth word


@dataclass(frozen=True)
class Guarded:
    text: str  # the question with identifiers masked
    found: tuple[str, ...] = ()  # what was masked: "fødselsnummer", "d-nummer", "h-nummer", "fødselsdato"

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
    """'fødselsnummer', 'd-nummer' or 'h-nummer' when 11 digits pass the date and mod-11 checks, else None."""
    if len(digits) != 11 or not digits.isdecimal():
        return None
    d = [int(c) for c in digits]
    k1 = 11 - sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), d)) % 11
    k2 = 11 - sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), d)) % 11
    if (k1 % 11, k2 % 11) != (d[9], d[10]) or k1 == 10 or k2 == 10:
        return None
    day, month = d[0] * 10 + d[1], d[2] * 10 + d[3]
    kind = "fødselsnummer"
    if day > 40:
        day, kind = day - 40, "d-nummer"
    if 40 < month <= 52:
        month, kind = month - 40, "h-nummer"
    elif month > 80:  # synthetic test numbers
        month -= 80
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return kind


def guard(text: str) -> Guarded:
    """Mask identity numbers in any spelling, and dates that are birth dates by the rules in the module docstring."""
    view, origin = _view(text)
    spans = _national_ids(view)
    for start, end in _birth_dates(view):
        if not any(start < taken_end and taken_start < end for taken_start, taken_end, _ in spans):
            spans.append((start, end, "fødselsdato"))
    spans.sort()
    parts, last = [], 0
    for start, end, kind in spans:
        first, after = origin[start], origin[end - 1] + 1
        parts += [text[last:first], DATE_MASK if kind == "fødselsdato" else FNR_MASK]
        last = after
    parts.append(text[last:])
    return Guarded("".join(parts), tuple(dict.fromkeys(kind for _, _, kind in spans)))


def _view(text: str) -> tuple[str, list[int]]:
    """The text as the patterns read it, and where each of its characters came from.

    Invisible characters are dropped, spaces and dashes of every kind read as " " and "-", digits as 0-9.
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        if not c.isascii():
            category = unicodedata.category(c)
            if category == "Cf":
                continue
            if category == "Nd":
                c = str(unicodedata.decimal(c))
            elif category == "Pd" or c == "\u2212":
                c = "-"
            elif c.isspace():
                c = " "
            elif c in "\u2044\u2215\uff0f":
                c = "/"
            elif c in "\u2024\uff0e":
                c = "."
        chars.append(c)
        origin.append(i)
    return "".join(chars), origin


def _national_ids(view: str) -> list[tuple[int, int, str]]:
    """Spans of whole digit groups that spell an identity number, overlapping ones merged."""
    found: list[tuple[int, int, str]] = []
    for run in _DIGIT_RUN.finditer(view):
        groups = list(_DIGIT_GROUP.finditer(view, run.start(), run.end()))
        for i, first in enumerate(groups):
            digits = ""
            for last in groups[i : i + 13]:
                digits += last.group()
                if len(digits) == 11:
                    kind = is_national_id(digits)
                elif len(digits) == 13 and digits[4:6] in ("18", "19", "20"):
                    kind = is_national_id(digits[:4] + digits[6:])
                elif len(digits) > 13:
                    break
                else:
                    continue
                if kind:
                    found.append((first.start(), last.end(), kind))
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found):
        if merged and start < merged[-1][1]:
            m_start, m_end, m_kind = merged[-1]
            merged[-1] = (m_start, max(end, m_end), m_kind)
        else:
            merged.append((start, end, kind))
    return merged


def _birth_dates(view: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in (_DAY_FIRST, _YEAR_FIRST, _NAMED, _COMPACT):
        for match in pattern.finditer(view):
            if _is_birth_date(match, view[max(0, match.start() - _CONTEXT) : match.start()]):
                spans.append((match.start(), match.end()))
    return spans


def _is_birth_date(match: re.Match[str], before: str) -> bool:
    said_birth = bool(_BIRTH_BEFORE.search(before[-_BIRTH_REACH:]))
    fields = match.groupdict()
    if fields.get("digits"):
        digits = fields["digits"]
        readings = [(digits[:2], digits[2:4], digits[4:])]
        if len(digits) == 8:
            readings.append((digits[6:], digits[4:6], digits[:4]))
        return said_birth and any(_date(*reading) for reading in readings)
    month = fields.get("month") or fields["month2"]
    year = fields.get("year") or fields.get("year2")
    date = _date(fields["day"], str(_MONTHS.get(month.lower(), month)), year)
    if date is None:
        return False
    if said_birth:
        return True
    return (year is not None and not _after_event_word(before)
            and datetime.date(1900, 1, 1) <= date <= datetime.date.today())


def _date(day: str, month: str, year: str | None) -> datetime.date | None:
    """The date, or None when there is none; a missing year reads as a leap year, a two-digit one as the latest
    year that puts the date in the past."""
    try:
        if year is None:
            return datetime.date(2000, int(month), int(day))
        if len(year) == 2:
            today = datetime.date.today()
            date = datetime.date(2000 + int(year), int(month), int(day))
            return date if date <= today else date.replace(year=1900 + int(year))
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _after_event_word(before: str) -> bool:
    clause = _CLAUSE_BREAK.split(before)[-1]
    return any(_EVENT_WORD.match(word) for word in clause.split()[-_EVENT_REACH:])
