"""The personal-data guard: national identity numbers and birth dates are masked."""

import pytest

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


def test_valid_numbers_are_recognised():
    assert is_national_id(VALID) == "fødselsnummer"
    assert is_national_id(D_NUMBER) == "d-nummer"
    assert is_national_id(VALID[:-1] + str((int(VALID[-1]) + 1) % 10)) is None
    assert is_national_id("12345678901") is None


@pytest.mark.parametrize("number", [VALID, f"{VALID[:6]} {VALID[6:]}"])
def test_numbers_are_masked_with_or_without_space(number):
    text = f"angst, fnr {number}, 38 år"
    guarded = guard(text)
    assert VALID[:6] not in guarded.text and FNR_MASK in guarded.text
    assert guarded.found == ("fødselsnummer",)


def test_birth_dates_are_masked():
    assert guard("f. 15.03.1985, angst").text == f"f. {DATE_MASK}, angst"
    assert guard("født 1985-03-15").found == ("fødselsdato",)
    assert guard("angst 38 år").clean


def test_ordinary_numbers_are_left_alone():
    assert guard("drikker 10 øl, 45 år, 12345678901").clean


def test_searchable_text_drops_the_masks():
    guarded = guard("f. 15.03.1985, angst")
    assert guarded.searchable == "f. , angst"
    assert "fødsel" not in guarded.searchable
