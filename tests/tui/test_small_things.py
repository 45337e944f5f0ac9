"""The small things that erode trust (issue 12, item 5), each checked on the screen."""

from __future__ import annotations

from dataclasses import replace

from tui_helpers import SIZE, ask, assistant_messages, make_app, plain, settle

from gpguide.console import shown_not_offered
from gpguide.search import Engine
from gpguide.tui.screens import GlossaryScreen, KommunePicker, OverviewScreen
from gpguide.tui.widgets import ChipView, QuestionInput


async def test_the_picker_asks_the_same_question_at_first_start_and_on_f2(catalogue):
    first = make_app(catalogue, kommune=None)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(first.screen, KommunePicker)
        at_start = plain(first.screen.query_one("#kommune-intro"))
    again = make_app(catalogue)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        on_f2 = plain(again.screen.query_one("#kommune-intro"))
    assert at_start.startswith("Hvilken kommune bor pasienten i?") and on_f2.startswith("Hvilken kommune bor pasienten i?")
    assert "jobber" not in at_start


async def test_clearing_the_last_problem_asks_instead_of_saying_nothing_fits(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 14 angst")
        await pilot.press("shift+tab")
        while app.focused.chip.key != "concept:angst":
            await pilot.press("right")
        await pilot.press("enter")
        await settle(pilot)
        assert not app.last_answer.results
        assert "Ingen tjenester passet." not in assistant_messages(app, "muted")
        assert assistant_messages(app, "follow-up")[-1].startswith("Hva er plagene eller behovet?")


async def test_the_palette_says_no_match_in_norwegian(catalogue):
    from textual.command import CommandList

    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"xyzzy")
        await pilot.pause(0.8)  # past the palette's own delay before "No matches found"
        options = app.screen.query_one(CommandList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Ingen kommandoer passet «xyzzy»" in s for s in shown)
        assert not any("No matches" in s for s in shown)


def test_glossary_titles_have_no_nested_brackets(bundled_catalogue):
    from gpguide.tui.screens.glossary import term_prompt

    bracketed = [t for t in bundled_catalogue.glossary if "(" in (t.expansion or "")]
    assert bracketed  # «ROP (rus og psykisk lidelse (samtidig …))» was the complaint
    for term in bracketed:
        title = term_prompt(term).plain.splitlines()[0]
        assert title.count("(") == term.expansion.count("("), title


async def test_overview_ends_long_lines_with_an_ellipsis(catalogue):
    from textual.widgets import Tree

    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("plus")
        await pilot.pause()
        tree = app.screen.query_one(Tree)
        lines = [strip.text for strip in (tree.render_line(y) for y in range(tree.size.height))]
        assert any(line.rstrip().endswith("…") for line in lines)
        assert all(len(line.rstrip()) <= tree.size.width for line in lines)
        assert "alle aldre" not in " ".join(lines)


def test_a_not_offered_note_needs_a_reason_to_be_shown(catalogue):
    engine = Engine(catalogue)
    named = engine.ask("rask psykisk helsehjelp", kommune="strand")
    assert [n.service.id for n in shown_not_offered(named)] == ["strand-rask-psykisk-helsehjelp"]
    # the same record, neither named nor explaining anything the answer shows: left out
    unnamed = replace(named, query=replace(named.query, names={}), results=())
    assert named.not_offered and shown_not_offered(unnamed) == []


async def test_typing_in_the_glossary_stays_in_the_glossary(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", *"rop")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen_stack[0].query_one(QuestionInput).value == ""
        assert not app.screen_stack[0].query(ChipView)
