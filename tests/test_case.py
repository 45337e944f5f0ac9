"""The case model: which replies continue the patient on screen, and which describe a new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpguide.case import decide
from gpguide.catalogue import load_catalogue
from gpguide.search.lexicon import Lexicon
from gpguide.search.understand import understand

FIXTURE = Path(__file__).parent / "tui" / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.build(load_catalogue(FIXTURE, cache=False))


# (the case on screen, the follow-up gpguide asked, the GP's next input, continues?)
SAME = True
NEW = False
TABLE = [
    # the issue's own example: a short new question is a new patient
    ("kvinne 52 år, drikker for mye og er deprimert", None, "gutt 14 angst", NEW),
    ("kvinne 52 år, drikker for mye og er deprimert", None, "mann 30 med angst", NEW),
    ("gutt 17 angst og hasj", None, "kvinne 34 år med angst og søvnvansker", NEW),
    ("gutt 17 angst og hasj", None, "angst og depresjon, 45 år", NEW),
    ("gutt 17 angst og hasj", None, "depresjon", NEW),  # a new problem, said on its own
    ("gutt 17 angst og hasj", None, "ungdom med spiseforstyrrelse", NEW),
    ("gutt 17 angst og hasj", None, "takk", NEW),  # nothing to build on
    # answers to the follow-up just asked
    ("angst og hasj", "kommune", "Sandnes", SAME),
    ("angst og hasj", "kommune", "bor i Strand", SAME),
    ("angst og hasj", "age", "17", SAME),
    ("angst og hasj", "age", "17 år", SAME),
    ("angst og hasj", "age", "gutt, 17", SAME),
    ("angst og hasj", "age", "ungdom", SAME),
    ("kvinne 30 i Strand", "problem", "angst", SAME),
    ("kvinne 30 i Strand", "problem", "depresjon og søvnvansker", SAME),
    # ... but not when the reply describes someone else
    ("angst og hasj", "kommune", "Sandnes, gutt 14 med depresjon", NEW),
    ("kvinne 30 i Strand", "problem", "gutt 14 angst", NEW),
    ("kvinne 52 år med depresjon", "kommune", "mann 40 med psykose", NEW),
    # clear continuations
    ("angst og hasj, bor i Sandnes", None, "hun er 17", SAME),
    ("jente 16 med angst", None, "og hun ruser seg", SAME),
    ("jente 16 med angst", None, "hun ruser seg også", SAME),
    ("jente 16 med angst", None, "ruser seg også", SAME),
    ("jente 16 med angst", None, "Men hun vil ikke ha henvisning", SAME),
    ("kvinne 52 år, drikker for mye", None, "samme pasient, også depresjon", SAME),
    ("kvinne 52 år, drikker for mye", None, "samme pasient: 14 år", SAME),  # the GP says so
    ("kvinne 52 år, drikker for mye", None, "ny pasient, angst", NEW),
    ("kvinne 52 år, drikker for mye", None, "ny pasient", NEW),
    ("kvinne 52 år, drikker for mye", None, "ho er 52 og deprimert", SAME),
    # "hun" may be a relative, but another stated age is another person
    ("kvinne 52 år, drikker for mye", None, "hun er 17 og har angst", NEW),
    ("jente 16 med angst", None, "kvinne 30 som også drikker", NEW),
    # refinements of the case on screen: where, how severe, how to get in
    ("kvinne 34 år, angst og søvnvansker", None, "Strand", SAME),
    ("kvinne 34 år, angst og søvnvansker", None, "alvorlig", SAME),
    ("kvinne 34 år, angst og søvnvansker", None, "uten henvisning", SAME),
    ("kvinne 34 år, angst og søvnvansker", None, "alvorlig angst", SAME),  # a known problem, more severe
]


@pytest.mark.parametrize(("before", "asked", "reply", "continues"), TABLE)
def test_decide(lexicon, before, asked, reply, continues):
    decision = decide(understand(reply, lexicon), understand(before, lexicon), asked)
    assert decision.continues is continues, decision.reason
    assert decision.reason


def test_the_first_question_is_a_new_case(lexicon):
    decision = decide(understand("gutt 17 angst", lexicon), None, None)
    assert not decision.continues and decision.reason == "ny pasient"


def test_reasons_say_why(lexicon):
    case = understand("kvinne 52 år, drikker for mye og er deprimert", lexicon)
    assert decide(understand("gutt 14 angst", lexicon), case).reason == "ny pasient: alder 14, annet kjønn"
    assert decide(understand("17", lexicon), understand("angst", lexicon), "age").reason == \
        "svar på spørsmålet om alder"
    assert decide(understand("og hun ruser seg", lexicon), case).reason == "fortsetter saken («og»)"
    assert decide(understand("depresjon", lexicon), understand("angst", lexicon)).reason == "ny pasient: nye plager"
