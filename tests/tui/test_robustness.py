"""The app survives whatever a busy GP (or a cat on the keyboard) does, and never touches the network."""

from __future__ import annotations

import random

from tui_helpers import SIZE, ask, make_app, settle

from gpguide.tui.widgets import QuestionInput

NASTY = ["", "   ", "?!.,", "\x00\x07 angst", "😀 hasj 🙂", "اضطراب", "\u202eangst\u202c", "angst\nrus\n16 år",
         "a" * 3000, "17", "Strand", "selvmordstanker", "01019012345", "P76", "[bold]rich[/]", "ROP-pas"]
KEYS = ["tab", "down", "up", "enter", "escape", "f1", "f3", "f4", "f9", "ctrl+l", "c", "h", "shift+tab"]


async def test_random_typing_switching_and_screens_never_crash(catalogue):
    rng = random.Random(20261122)
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        for step in range(60):
            roll = rng.random()
            if roll < 0.35:
                while app.screen is not app.screen_stack[0]:
                    await pilot.press("escape")
                    await pilot.pause()
                app.query_one(QuestionInput).focus()
                await pilot.pause()
                await ask(pilot, rng.choice(NASTY))
            elif roll < 0.5:
                await pilot.press("f2")
                await pilot.pause()
                await pilot.press(*rng.choices(["down", "up"], k=rng.randint(0, 3)), "enter")
                await settle(pilot)
            else:
                await pilot.press(rng.choice(KEYS))
                await pilot.pause()
        await settle(pilot)
        assert app.is_running
        assert app.return_code is None


async def test_a_tui_session_opens_no_socket(catalogue, no_network):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17, angst og hasj")
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("escape", "f4")
        await pilot.pause()
        await pilot.press("escape")
        await ask(pilot, "akutt psykotisk og truende")
        assert app.last_answer.urgent
