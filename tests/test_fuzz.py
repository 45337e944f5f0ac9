"""Property and fuzz tests: any question, kommune and age is answered promptly, and eligibility always holds."""

import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpguide.search.retrieve import age_reason

KOMMUNER = st.sampled_from([None, "sandnes", "strand", "nes"])
AGES = st.one_of(st.none(), st.integers(min_value=0, max_value=120))
CLINICAL = st.sampled_from(
    ["angst", "depresjon", "hasj", "rus", "psykose", "bolig", "pårørende", "LAR", "ROP", "selvmord", "17 år",
     "ikke", "uten henvisning", "lett", "alvorlig", "P76", "jente", "Strand", "ung voksen", "NAV", "ip", "å", "ø"]
)
QUESTIONS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(CLINICAL, st.text(max_size=12)), max_size=25).map(" ".join),
)
FAST = settings(max_examples=1500, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=QUESTIONS, kommune=KOMMUNER, age=AGES)
def test_any_question_gets_a_valid_answer(engine, text, kommune, age):
    answer = engine.ask(text, kommune=kommune, age=age)
    data = json.loads(json.dumps(engine.to_json(answer), ensure_ascii=False))
    assert {"query", "kommune", "age", "urgent", "follow_up", "results"} <= set(data)
    assert data["kommune"] == kommune or kommune is None
    if age is not None:
        assert data["age"] == age


@settings(max_examples=800, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.too_slow])
@given(text=QUESTIONS, kommune=KOMMUNER, age=AGES)
def test_never_offers_an_unavailable_or_ineligible_service(engine, text, kommune, age):
    answer = engine.ask(text, kommune=kommune, age=age)
    for result in answer.results:
        service = result.service
        assert service.status in ("active", "uncertain"), service.id
        assert service.serves(answer.query.kommune), service.id
        if answer.query.age is not None and not service.emergency:
            assert age_reason(service, answer.query.age) is None, service.id


@settings(max_examples=300, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.too_slow])
@given(first=QUESTIONS, reply=QUESTIONS)
def test_refining_a_case_never_fails(engine, first, reply):
    earlier = engine.ask(first, kommune="sandnes")
    engine.ask(reply, previous=earlier.query)


def test_hostile_inputs_are_answered(engine):
    for text in ["", "   ", "?!.,;:", "\x00\x07\x1b[2J angst", "😀 angst 🙂", "اضطراب القلق", "\u202eangst\u202c",
                 "angst\n\nrus\n16 år\n", "a" * 10_000, "angst " * 2000,
                 "⓵", "tok ² tabletter", "٣ år"]:
        answer = engine.ask(text, kommune="sandnes")
        json.dumps(engine.to_json(answer))
