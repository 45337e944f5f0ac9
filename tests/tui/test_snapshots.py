"""Snapshots of the main screens at 80×24 and 120×40, on the small fixture catalogue (update with
--snapshot-update, then look at the SVGs in __snapshots__/ before accepting them)."""

from __future__ import annotations

import pytest
from tui_helpers import SIZE, ask, make_app, settle

from gpguide.tui.settings import Settings
from gpguide.tui.widgets import Conversation, QuestionInput

BIG = (120, 40)


def steps(*keys: str, question: str | None = None):
    async def run_before(pilot) -> None:
        pilot.app.query_one(QuestionInput).cursor_blink = False
        await settle(pilot)
        if question:
            await ask(pilot, question)
        if keys:
            await pilot.press(*keys)
        await settle(pilot)

    return run_before


def app_for(catalogue, kommune: str | None = "sandnes", theme: str | None = None):
    """kommune "-": the GP chose «Ingen fast kommune»."""
    settings = Settings(kommune=kommune, theme=theme)
    return make_app(catalogue, kommune=None if kommune == "-" else kommune, remember=False, settings=settings)


SIZES = pytest.mark.parametrize("size", [SIZE, BIG], ids=["80x24", "120x40"])


@SIZES
def test_snapshot_start(snap_compare, catalogue, size):
    assert snap_compare(app_for(catalogue), terminal_size=size, run_before=steps())


def test_snapshot_kommune_picker_at_first_start(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue, kommune=None), terminal_size=SIZE, run_before=steps())


@SIZES
def test_snapshot_answer(snap_compare, catalogue, size):
    """Three compact cards at 80×24."""
    assert snap_compare(app_for(catalogue), terminal_size=size, run_before=steps(question="gutt 17 angst og hasj"))


@SIZES
def test_snapshot_answer_card_focused_light(snap_compare, catalogue, size):
    """The focused card opens: every reason, contact, hours, fees, source."""
    assert snap_compare(app_for(catalogue, theme="textual-light"), terminal_size=size,
                        run_before=steps("tab", question="kvinne 34 år, lett angst og søvnvansker"))


@SIZES
def test_snapshot_second_patient(snap_compare, catalogue, size):
    """A new case under its own header; the earlier case dimmed; F5 offered in the footer."""
    async def run_before(pilot) -> None:
        await steps(question="kvinne 52 år, drikker for mye og er deprimert")(pilot)
        await ask(pilot, "gutt 14 angst")
        pilot.app.query_one(Conversation).scroll_end(animate=False)
        await settle(pilot)

    assert snap_compare(app_for(catalogue), terminal_size=size, run_before=run_before)


@SIZES
def test_snapshot_follow_up(snap_compare, catalogue, size):
    assert snap_compare(app_for(catalogue, kommune="strand"), terminal_size=size,
                        run_before=steps(question="rask psykisk helsehjelp"))


@SIZES
def test_snapshot_urgent_banner(snap_compare, catalogue, size):
    assert snap_compare(app_for(catalogue), terminal_size=size,
                        run_before=steps(question="mann 40 år, selvmordstanker"))


def test_snapshot_urgent_banner_without_kommune(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue, kommune="-"), terminal_size=SIZE,
                        run_before=steps(question="mann 40 år, selvmordstanker"))


@SIZES
def test_snapshot_safety_reminder(snap_compare, catalogue, size):
    assert snap_compare(app_for(catalogue), terminal_size=size,
                        run_before=steps(question="kvinne 50, passive selvmordstanker uten plan, depresjon"))


@SIZES
def test_snapshot_copy(snap_compare, catalogue, size):
    assert snap_compare(app_for(catalogue), terminal_size=size,
                        run_before=steps("tab", "ctrl+r", question="kvinne 34 år, lett angst og søvnvansker"))


@SIZES
def test_snapshot_detail(snap_compare, catalogue, size):
    assert snap_compare(app_for(catalogue), terminal_size=size,
                        run_before=steps("tab", "enter", question="kvinne 34 år, lett angst og søvnvansker"))


@SIZES
def test_snapshot_overview(snap_compare, catalogue, size):
    assert snap_compare(app_for(catalogue), terminal_size=size, run_before=steps("f3", "plus"))


def test_snapshot_glossary(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE, run_before=steps("f4"))


def test_snapshot_help(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE, run_before=steps("f1"))
