"""The personal-data guard: national identity numbers and birth dates are masked, however they are written."""

import datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gpguide.privacy import DATE_MASK, FNR_MASK, guard, is_national_id


def make_fnr(base: str) -> str | None:
    digits = [int(c) for c in base]
    k1 = (11 - sum(w * d for w, d in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), digits)) % 11) % 11
    if k1 == 10:
        return None
    digits.append(k1)
    k2 = (11 - sum(w * d for w, d in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), digits)) % 11) % 11
    return None if k2 == 10 else base + f"{k1}{k2}"


VALID = next(f for i in range(100, 200) if (f := make_fnr(f"150385{i}")))
D_NUMBER = next(f for i in range(100, 200) if (f := make_fnr(f"550385{i}")))
H_NUMBER = next(f for i in range(100, 200) if (f := make_fnr(f"154385{i}")))
BORN_1990 = next(f for i in range(100, 200) if (f := make_fnr(f"010290{i}")))  # born 01.02.1990
DATE, PERSONAL = BORN_1990[:6], BORN_1990[6:]


def digits(text: str) -> str:
    return "".join(str(int(c)) for c in text if c.isdecimal())


def test_valid_numbers_are_recognised():
    assert is_national_id(VALID) == "fødselsnummer"
    assert is_national_id(D_NUMBER) == "d-nummer"
    assert is_national_id(H_NUMBER) == "h-nummer"
    assert is_national_id(VALID[:-1] + str((int(VALID[-1]) + 1) % 10)) is None
    assert is_national_id("12345678901") is None
    assert is_national_id("1234567890²") is None


@pytest.mark.parametrize("number", [
    BORN_1990,
    f"{DATE} {PERSONAL}",
    f"{DATE}-{PERSONAL}",
    f"01 02 90 {PERSONAL}",
    f"01.02.90 {PERSONAL}",
    f"{DATE}/{PERSONAL}",
    f"{DATE}–{PERSONAL}",  # en dash
    f"{DATE}—{PERSONAL}",  # em dash
    f"{DATE}\u2212{PERSONAL}",  # minus sign
    f"{DATE}\u200b{PERSONAL}",  # zero-width space
    f"{DATE[:3]}\u200b{DATE[3:]}{PERSONAL}",
    f"{DATE}\u2060{PERSONAL}",  # word joiner
    f"{DATE}\u00ad{PERSONAL}",  # soft hyphen
    f"{DATE}\ufeff{PERSONAL}",  # byte order mark
    f"{DATE}\u00a0{PERSONAL}",  # no-break space
    f"{DATE}\u202f{PERSONAL}",  # narrow no-break space
    f"{DATE}\u2009{PERSONAL}",  # thin space
    f"{DATE} - {PERSONAL}",
    f"{DATE}\n{PERSONAL}",
    f"01.02.1990 {PERSONAL}",
    f"01.02.1990-{PERSONAL}",
    f"0102 1990 {PERSONAL}",
    "".join(chr(0xFF10 + int(c)) for c in BORN_1990),  # full-width digits
])
def test_every_spelling_of_an_identity_number_is_masked(number):
    guarded = guard(f"angst, fnr {number}, 38 år")
    assert guarded.text == f"angst, fnr {FNR_MASK}, 38 år"
    assert guarded.found == ("fødselsnummer",)
    assert digits(guarded.searchable) == "38"


@pytest.mark.parametrize(("number", "kind"), [
    (D_NUMBER, "d-nummer"), (f"{D_NUMBER[:6]} {D_NUMBER[6:]}", "d-nummer"),
    (f"{D_NUMBER[:2]}.{D_NUMBER[2:4]}.{D_NUMBER[4:6]}–{D_NUMBER[6:]}", "d-nummer"),
    (H_NUMBER, "h-nummer"), (f"{H_NUMBER[:6]}\u200b{H_NUMBER[6:]}", "h-nummer"),
])
def test_d_and_h_numbers_are_masked(number, kind):
    guarded = guard(f"kvinne {number} med angst")
    assert guarded.text == f"kvinne {FNR_MASK} med angst"
    assert guarded.found == (kind,)


@pytest.mark.parametrize("number", [
    "12345678901",  # no date
    BORN_1990[:-1] + str((int(BORN_1990[-1]) + 1) % 10),  # check digit wrong
    "9" + BORN_1990,  # part of a longer number
    BORN_1990 + "9",
    f"{DATE}{PERSONAL[:3]} {PERSONAL[3:]}9",
])
def test_numbers_that_are_not_identity_numbers_are_left_alone(number):
    assert guard(f"angst, ref {number}").clean


@pytest.mark.parametrize(("text", "masked"), [
    ("f. 15.03.1985, angst", f"f. {DATE_MASK}, angst"),
    ("født 1985-03-15", f"født {DATE_MASK}"),
    ("1/2/90 angst", f"{DATE_MASK} angst"),
    ("f. 1/2/90", f"f. {DATE_MASK}"),
    ("f. 01021990", f"f. {DATE_MASK}"),
    ("f. 010290", f"f. {DATE_MASK}"),
    ("f.01.02.1990", f"f.{DATE_MASK}"),
    ("født 1. februar 1990", f"født {DATE_MASK}"),
    ("født den 1. feb. 90, angst", f"født den {DATE_MASK}, angst"),
    ("fødd 3. mai 1990", f"fødd {DATE_MASK}"),
    ("ho er fødd 17. desember", f"ho er fødd {DATE_MASK}"),
    ("født 1. februar", f"født {DATE_MASK}"),
    ("fødselsdag 1/2", f"fødselsdag {DATE_MASK}"),
    ("f. 1/2", f"f. {DATE_MASK}"),
    ("f.dato: 01.02.1990", f"f.dato: {DATE_MASK}"),
    ("Fødselsdato: 1990-02-01", f"Fødselsdato: {DATE_MASK}"),
    ("DOB 1/2/90", f"DOB {DATE_MASK}"),
    ("d.o.b. 01.02.1990", f"d.o.b. {DATE_MASK}"),
    ("1990/02/01", DATE_MASK),
    ("1990.02.01 angst", f"{DATE_MASK} angst"),
    ("1. februar 1990, angst", f"{DATE_MASK}, angst"),
    ("12. okt 1975 mann", f"{DATE_MASK} mann"),
    ("kvinne 01.02.1990 med angst", f"kvinne {DATE_MASK} med angst"),
    ("født i Bergen 1.2.1990", f"født i Bergen {DATE_MASK}"),
    ("innlagt i fjor, 1.2.1990", f"innlagt i fjor, {DATE_MASK}"),  # the event is in another clause
    ("sønn f. 3.4.2015, mor f. 01.02.1990", f"sønn f. {DATE_MASK}, mor f. {DATE_MASK}"),
    ("fnr 010290 99999", f"fnr {DATE_MASK} 99999"),  # a mistyped number still loses its date
])
def test_birth_dates_are_masked(text, masked):
    guarded = guard(text)
    assert guarded.text == masked
    assert guarded.found == ("fødselsdato",)


@pytest.mark.parametrize("text", [
    "innlagt 12.03.2024",
    "innlagt på sykehus 12.03.2024",
    "utskrevet 1.2.2024, kontroll 1/2",
    "kontroll 1/2",
    "kontroll 01.02.",
    "time hos psykolog 3. mars 2024",
    "henvist 1. februar 1990",
    "f.o.m. 01.03.2024",
    "sykmeldt fra 2024-03-12",
    "siden 2019",
    "uke 14",
    "angst 38 år",
    "Sobril 10 mg 1-0-1, 1/2 tablett, 0,5 mg, 10-10-10",
    "f.eks. 1/2 tablett",
    "fra 1. mars 30 mg",
    "tlf 976 00 832",
    "ring 116 117 eller 113",
    "BT 120/80, Hb 12.3",
    "drikker 10 øl, 45 år, 12345678901",
    "3. mai",
    "møte 1.2.2030",
    f"avtale 1.2.{datetime.date.today().year + 1}",
    "1.2.2099",  # a birth date is never in the future
])
def test_ordinary_numbers_and_clinical_dates_are_left_alone(text):
    assert guard(text).clean, guard(text).text


def test_searchable_text_drops_the_masks():
    guarded = guard("f. 15.03.1985, angst")
    assert guarded.searchable == "f. , angst"
    assert "fødsel" not in guarded.searchable


# ---------- generated spellings ----------

WORDS = st.sampled_from([
    "kvinne", "mann", "gutt", "jente", "angst", "depresjon", "hasj", "rus", "søvnvansker", "bor", "alene", "og", "med",
    "i", "Sandnes", "Strand", "skulker", "pårørende", "ønsker", "samtale", "ROP", "LAR", "NAV", "ø", "å", "æ",
])
KEPT = st.sampled_from([
    "34 år", "17 år", "innlagt 12.03.2024", "kontroll 1/2", "siden 2019", "uke 14", "50 mg", "1/2 tablett",
    "tlf 976 00 832", "ring 116 117", "113", "utskrevet 3. mars 2024", "henvist 2024-01-15", "P76",
])
TEXT = st.lists(st.one_of(WORDS, KEPT, st.text("abcdefghijklmnoprstuvyæøå", min_size=1, max_size=9)), max_size=8)
SEPARATORS = st.sampled_from([
    "", "", "", " ", ".", "-", "/", "–", "—", "\u2212", ". ", " - ", "\u00a0", "\u202f", "\u2009", "\u2007", "\u3000",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", " \u200b", "\u200b-\u200b",
])
BEFORE = st.sampled_from(["fnr", "pnr", "personnummer", "fødselsnummer", "d-nr", "ID", "pas.", "–", "(", "nr:"])
AFTER = st.sampled_from([",", ";", " og", ")", "?", " med"])


@st.composite
def national_ids(draw) -> tuple[str, str]:
    """A valid fødselsnummer, D-number or H-number, and one way of writing it."""
    born = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2039, 12, 31)))
    day, month = born.day + 40 * draw(st.booleans()), born.month
    if day < 40 and draw(st.booleans()):
        month += 40
    base = f"{day:02}{month:02}{born.year % 100:02}{draw(st.integers(0, 999)):03}"
    number = make_fnr(base)
    if number is None:
        number = next(f for i in range(1000) if (f := make_fnr(f"{base[:6]}{i:03}")))
    shown = number[:4] + (str(born.year)[:2] if draw(st.booleans()) else "") + number[4:]
    widths = draw(st.lists(st.sampled_from([0xFF10, 0x0660, 0]), min_size=len(shown), max_size=len(shown)))
    shown = "".join(chr(width + int(c)) if width and draw(st.integers(0, 9)) == 0 else c for c, width in zip(shown, widths))
    gaps = draw(st.lists(SEPARATORS, min_size=len(shown) - 1, max_size=len(shown) - 1))
    return number, shown[0] + "".join(gap + c for gap, c in zip(gaps, shown[1:]))


@settings(max_examples=300, deadline=None)
@given(before=TEXT, number=national_ids(), label=BEFORE, after_number=AFTER, after=TEXT)
@example(before=["kontroll 1/2"], number=("55030091131", "５５０３００９１13 1"), label="–", after_number=",", after=[])
def test_no_identity_number_survives_any_spelling(before, number, label, after_number, after):
    digits_only, spelled = number
    around = " ".join(before), " ".join(after)
    guarded = guard(f"{around[0]} {label} {spelled}{after_number} {around[1]}")
    before, after = digits(around[0]), digits(around[1])
    for shown in (guarded.text, guarded.searchable):
        # No digit of the number is left, and every other one is, unless digits just before the number also read
        # as a valid identity number with its first digits: then both readings are masked, privacy first.
        kept = digits(shown)
        assert kept.endswith(after) and before.startswith(kept[:len(kept) - len(after)])
        lost = before[len(kept) - len(after):]
        assert not lost or _another_reading(lost, digits(spelled)), (lost, guarded.text)
    # One number is found; where digits before it made the other reading («kontroll 1/2 – 550300…»), its kind may be
    # the one reported.
    assert guarded.found == (is_national_id(digits_only),) or bool(lost) and len(guarded.found) == 1, guarded.found


def _another_reading(lost: str, number: str) -> bool:
    """Do the last digits of `lost` and the first of `number` make a valid identity number (11 digits, or 13 with
    the century)?"""
    return any(is_national_id(window) or len(window) == 13 and is_national_id(window[:4] + window[6:])
               for k in range(1, len(lost) + 1) for size in (11, 13)
               if 0 < size - k <= len(number) and (window := lost[-k:] + number[:size - k]))


EVENTS = st.sampled_from([
    "innlagt", "utskrevet", "kontroll", "time", "timeavtale", "henvist", "siden", "fra", "til", "sykmeldt fra",
    "Innlagt", "sist innlagt", "innlagt på sykehus", "samtale", "overdose", "f.o.m.", "t.o.m.", "neste time",
])
MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
          "desember"]


@st.composite
def clinical_dates(draw) -> str:
    day = draw(st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31)))
    form = draw(st.sampled_from([
        f"{day:%d.%m.%Y}", f"{day.day}.{day.month}.{day:%Y}", f"{day:%d.%m.%y}", f"{day.day}/{day.month}/{day:%y}",
        f"{day:%Y-%m-%d}", f"{day:%Y/%m/%d}", f"{day.day}. {MONTHS[day.month - 1]} {day.year}",
        f"{day.day}. {MONTHS[day.month - 1][:3]}", f"{day.day}/{day.month}", f"{day:%d.%m.}",
    ]))
    return f"{draw(EVENTS)} {form}"


@settings(max_examples=200, deadline=None)
@given(before=TEXT, dated=clinical_dates(), after=TEXT)
def test_clinical_dates_survive(before, dated, after):
    text = f"{' '.join(before)}, {dated}, {' '.join(after)}"
    assert guard(text).text == text



def test_two_overlapping_readings_are_both_masked():
    """«1/2 113 – 710819…» reads as a valid number with the digits before it too: privacy first, both go."""
    guarded = guard("kontroll 1/2 113 – ７１０８１９ 9900098, angst")
    assert digits(guarded.text) == "" and guarded.text.endswith(", angst")
    assert _another_reading("12113", digits("７１０８１９ 9900098"))
