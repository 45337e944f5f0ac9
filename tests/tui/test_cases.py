"""Pilot tests for realistic consultations: one case per patient, keys that never surprise, a dense screen."""

from __future__ import annotations

from tui_helpers import SIZE, ask, make_app, plain, settle, user_messages

from gpguide.tui.screens import DetailScreen, HelpScreen
from gpguide.tui.widgets import CaseView, Conversation, QuestionInput, ResultCard


def cases(app) -> list[CaseView]:
    return list(app.query(CaseView))


def concepts(app) -> set[str]:
    return {h.concept for h in app.case.concepts}


def headers(app) -> list[str]:
    return [plain(case.header) for case in cases(app)]


# ---------- one case per patient ----------


async def test_a_short_new_question_is_a_new_patient(catalogue):
    """The issue's own example: the boy of 14 must not inherit the woman's drinking and depression."""
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "kvinne 52 år, drikker for mye og er deprimert")
        await ask(pilot, "gutt 14 angst")
        assert app.case.age == 14 and app.case.sex == "mann"
        assert concepts(app) & {"alkohol", "depresjon"} == set()
        assert app.case.kommune == "sandnes"  # the chosen kommune stays
        assert headers(app) == [" Sak 1  ny pasient", " Sak 2  ny pasient: alder 14, annet kjønn"]
        first, second = cases(app)
        assert first.has_class("-past") and not second.has_class("-past")
        assert "↳" not in user_messages(app)[-1]


async def test_a_morning_of_consultations(catalogue):
    """Four patients, with follow-ups, continuations and a correction, the way a GP types between them."""
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "angst og hasj")  # patient 1: the age would change the answer
        assert app.last_answer.follow_up_kind == "age"
        await ask(pilot, "17")
        assert app.case.age == 17 and {"angst", "cannabis"} <= concepts(app)
        await ask(pilot, "han skulker også skolen")
        assert app.case.age == 17 and "cannabis" in concepts(app)
        assert len(cases(app)) == 1

        await ask(pilot, "kvinne 34 år, lett angst og søvnvansker")  # patient 2
        assert len(cases(app)) == 2 and app.case.age == 34 and "cannabis" not in concepts(app)
        await ask(pilot, "samme pasient, ønsker samtaler uten henvisning")
        assert len(cases(app)) == 2 and app.case.self_referral and app.case.age == 34

        await ask(pilot, "mann 40 år, selvmordstanker")  # patient 3: urgent, and nothing of patient 2
        assert len(cases(app)) == 3 and app.last_answer.urgent and "angst" not in concepts(app)

        await ask(pilot, "depresjon")  # patient 4 said in one word: a new case, no danger inherited
        assert len(cases(app)) == 4 and not app.case.urgent and concepts(app) >= {"depresjon"}
        assert [c.has_class("-past") for c in cases(app)] == [True, True, True, False]


async def test_f5_corrects_the_decision_both_ways(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "kvinne 52 år, drikker for mye")
        await ask(pilot, "depresjon")  # one word: taken as a new patient
        assert len(cases(app)) == 2 and "alkohol" not in concepts(app)
        assert app.check_action("same_patient", ()) and not app.check_action("new_patient", ())
        await pilot.press("f5")  # no: the same woman
        await settle(pilot)
        assert len(cases(app)) == 1 and not cases(app)[0].has_class("-past")
        assert {"alkohol", "depresjon"} <= concepts(app) and app.case.age == 52
        assert user_messages(app)[-1] == "Du: depresjon  ↳ samme pasient: rettet med F5"
        assert app.check_action("new_patient", ()) and not app.check_action("same_patient", ())
        await pilot.press("f5")  # and back
        await settle(pilot)
        assert len(cases(app)) == 2 and "alkohol" not in concepts(app)
        assert headers(app)[-1] == " Sak 2  ny pasient (rettet med F5)"
        assert cases(app)[0].has_class("-past")
        assert user_messages(app) == ["Du: kvinne 52 år, drikker for mye", "Du: depresjon"]
        await ask(pilot, "og hun sover dårlig")
        assert app.check_action("new_patient", ())


async def test_f5_does_nothing_for_the_first_question(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        assert not app.check_action("same_patient", ()) and not app.check_action("new_patient", ())
        await pilot.press("f5")
        await settle(pilot)
        assert len(cases(app)) == 1 and len(user_messages(app)) == 1


async def test_the_new_case_starts_at_the_top_of_the_screen(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "kvinne 52 år, drikker for mye og er deprimert")
        await ask(pilot, "gutt 14 angst og hasj, skulker")
        conversation = app.query_one(Conversation)
        assert cases(app)[-1].header.region.y == conversation.region.y


async def test_ctrl_l_closes_the_case(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "angst og hasj")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.case is None and cases(app)[0].has_class("-past")
        await ask(pilot, "17")
        assert len(cases(app)) == 2 and "cannabis" not in {h.concept for h in app.last_answer.query.concepts}


# ---------- keys that never surprise ----------


async def test_typing_with_a_card_focused_only_types(catalogue):
    """«hjelp til kvinne 30» used to copy a referral (h), move between cards (j, k) and lose letters."""
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        await pilot.press("tab", "down")
        card = app.focused
        assert isinstance(card, ResultCard) and card.index == 2
        app.copy_to_clipboard("")
        await pilot.press(*"hjelp til kvinne 30 c")
        question = app.query_one(QuestionInput)
        assert app.focused is question and question.value == "hjelp til kvinne 30 c"
        assert app.clipboard == "" and app.screen is app.screen_stack[0]


async def test_typing_on_the_detail_or_help_screen_starts_a_question(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press(*"jente 15")
        question = app.query_one(QuestionInput)
        assert app.screen is app.screen_stack[0] and app.focused is question and question.value == "jente 15"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert app.screen is app.screen_stack[0] and question.value == "jente 15q"


async def test_card_keys_are_in_the_footer(catalogue):
    from textual.widgets import Footer

    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        await pilot.press("tab")
        await pilot.pause()
        keys = list(app.screen.query_one(Footer).query("FooterKey"))
        footer = " ".join(str(k.render()) for k in keys)
        for shown in ("Detaljer", "Kopier kontakt", "Kopier henvisning", "Ny samtale"):
            assert shown in footer
        assert sum(k.outer_size.width for k in keys) <= SIZE[0]  # the footer fits 80 columns
        await pilot.press("escape")
        await ask(pilot, "depresjon")
        await pilot.press("tab")
        await pilot.pause()
        keys = list(app.screen.query_one(Footer).query("FooterKey"))
        assert sum(k.outer_size.width for k in keys) <= SIZE[0]
        await pilot.press("f5")  # F5 still works from a card
        await settle(pilot)
        assert len(cases(app)) == 1


async def test_ctrl_c_outside_a_card_explains_in_norwegian(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Ctrl+Q avslutter" in m for m in messages) and not any("quit" in m for m in messages)


# ---------- a dense, calm layout at 80×24 ----------


async def test_three_results_fit_at_80x24_and_the_focused_card_opens(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        conversation = app.query_one(Conversation)
        cards = list(app.query(ResultCard))
        visible = [c for c in cards if c.region.height and c.region.bottom <= conversation.region.bottom]
        assert len(visible) >= 3
        assert all(c.region.height == 4 for c in visible)
        await pilot.press("tab")
        await pilot.pause()
        opened = plain(cards[0])
        assert cards[0].region.height > 4
        for field in ("Åpningstid:", "Pris:", "Kilde:"):
            assert field in opened
        await pilot.press("down")
        await pilot.pause()
        assert cards[0].region.height == 4 and cards[1].region.height > 4


async def test_contacts_wrap_between_items_never_inside_one(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=(60, 24)) as pilot:
        await ask(pilot, "kvinne 34 år, lett angst og søvnvansker")
        await pilot.press("tab")
        await pilot.pause()
        lines = plain(app.focused).splitlines()
        assert any(line.endswith("976 00 832") or "976 00 832 ·" in line for line in lines)
        assert any(line.strip().startswith("mestringsenheten@sandnes.kommune.no") for line in lines)
        assert not any(line.endswith("…") for line in lines)
