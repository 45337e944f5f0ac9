"""Snapshots of the main screens at 80×24, on the small fixture catalogue (update with --snapshot-update,
then look at the SVGs in __snapshots__/ before accepting them)."""

from __future__ import annotations

from tui_helpers import SIZE, ask, make_app, settle

from gpguide.tui.settings import Settings
from gpguide.tui.widgets import QuestionInput


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
    settings = Settings(kommune=kommune, theme=theme)
    return make_app(catalogue, kommune=kommune, remember=False, settings=settings)


def test_snapshot_start(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE, run_before=steps())


def test_snapshot_kommune_picker_at_first_start(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue, kommune=None), terminal_size=SIZE, run_before=steps())


def test_snapshot_answer(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE,
                        run_before=steps(question="gutt 17 angst og hasj"))


def test_snapshot_answer_card_focused_light(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue, theme="textual-light"), terminal_size=SIZE,
                        run_before=steps("tab", question="gutt 17 angst og hasj"))


def test_snapshot_follow_up(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue, kommune="strand"), terminal_size=SIZE,
                        run_before=steps(question="rask psykisk helsehjelp"))


def test_snapshot_urgent_banner(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE,
                        run_before=steps(question="mann 40 år, selvmordstanker"))


def test_snapshot_safety_reminder(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE,
                        run_before=steps(question="kvinne 50, passive selvmordstanker uten plan, depresjon"))


def test_snapshot_detail(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE,
                        run_before=steps("tab", "enter", question="kvinne 34 år, lett angst og søvnvansker"))


def test_snapshot_overview(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE, run_before=steps("f3"))


def test_snapshot_glossary(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE, run_before=steps("f4"))


def test_snapshot_help(snap_compare, catalogue):
    assert snap_compare(app_for(catalogue), terminal_size=SIZE, run_before=steps("f1"))
