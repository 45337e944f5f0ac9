"""Pilot tests for every flow of the TUI, at 80×24."""

from __future__ import annotations

import json
import shutil
import threading

from tui_helpers import (
    FIXTURE_CATALOG,
    SIZE,
    answers,
    ask,
    assistant_messages,
    make_app,
    plain,
    settle,
    user_messages,
)

from gpguide.search import Engine
from gpguide.tui.screens import (
    CopyScreen,
    DetailScreen,
    GlossaryScreen,
    HelpScreen,
    KommunePicker,
    OverviewScreen,
    ProblemsScreen,
)
from gpguide.tui.settings import Settings, settings_path
from gpguide.tui.widgets import (
    CaseView,
    ChipBar,
    ChipView,
    EmergencyBanner,
    NotOfferedCard,
    QuestionInput,
    ResultCard,
)

FNR = "01019010046"  # synthetic: passes the date and mod-11 checks


def chip_labels(app) -> list[str]:
    return [view.chip.label for view in app.query_one(ChipBar).query(ChipView)]


# ---------- asking ----------


async def test_ask_shows_cards_chips_and_keeps_focus(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        question = app.query_one(QuestionInput)
        assert app.focused is question
        await ask(pilot, "kvinne 34 år, lett til moderat angst og søvnvansker", type_it=True)
        cards = list(app.query(ResultCard))
        assert cards and cards[0].service.id == "sandnes-rask-psykisk-helsehjelp"
        compact = plain(cards[0]).splitlines()
        assert len(compact) == 4  # name, why, access, one contact line
        assert compact[0].startswith("1. Rask psykisk helsehjelp · Mestringsenheten")
        assert compact[1].startswith("Hvorfor: angst")
        assert compact[2] == "Tilgang: Kan ta kontakt selv; fastlege kan henvise"
        assert compact[3] == "Kontakt: 976 00 832 · mestringsenheten@sandnes.kommune.no"
        assert user_messages(app) == ["Du: kvinne 34 år, lett til moderat angst og søvnvansker"]
        labels = chip_labels(app)
        assert {"Sandnes", "34 år", "lett, moderat", "angst", "søvnvansker"} <= set(labels)
        assert app.focused is question and question.value == ""


async def test_answer_runs_in_a_worker_thread(catalogue, monkeypatch):
    seen: list[str] = []
    original = Engine.answer

    def spy(self, query):
        seen.append(threading.current_thread().name)
        return original(self, query)

    monkeypatch.setattr(Engine, "answer", spy)
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "angst")
        assert seen and all(name != threading.main_thread().name for name in seen)


async def test_follow_up_kommune_then_age_refines_the_same_case(catalogue):
    app = make_app(catalogue, kommune=None, settings=Settings(kommune="-"))
    async with app.run_test(size=SIZE) as pilot:
        assert not isinstance(app.screen, KommunePicker)  # "no fixed kommune" was remembered
        await ask(pilot, "angst og hasj")
        assert assistant_messages(app, "follow-up")[-1].startswith("Hvilken kommune bor pasienten i?")
        await ask(pilot, "Sandnes")
        assert user_messages(app)[-1] == "Du: Sandnes  ↳ samme pasient: svar på spørsmålet om kommune"
        assert app.case.kommune == "sandnes"
        assert {"angst", "cannabis"} <= {h.concept for h in app.case.concepts}
        assert assistant_messages(app, "follow-up")[-1] == "Hvor gammel er pasienten?"
        await ask(pilot, "17")
        assert app.case.age == 17 and app.case.kommune == "sandnes"
        names = [card.service.name for card in answers(app)[-1].query(ResultCard)]
        assert names[0] == "Ungdomsteamet (12–18 år)"
        assert "Mestringsenheten: fra 18 år; pasienten er 17" in plain(answers(app)[-1].query_one(".near-misses"))
        assert "17 år" in chip_labels(app)
        assert len(app.query(CaseView)) == 1  # three turns, one patient


async def test_a_long_new_question_starts_a_new_case(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        assert app.last_answer.follow_up is None
        await ask(pilot, "kvinne 34 år med angst og søvnvansker")
        assert app.case.age == 34
        assert "cannabis" not in {h.concept for h in app.case.concepts}
        assert "(samme sak)" not in user_messages(app)[-1]


async def test_not_offered_and_alternatives(catalogue):
    app = make_app(catalogue, kommune="strand")
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "rask psykisk helsehjelp")
        notes = list(app.query(NotOfferedCard))
        assert notes
        text = plain(notes[0])
        assert "Strand har ikke Rask psykisk helsehjelp." in text
        assert "Nærmeste alternativer: Kommunepsykolog, Psykiatritjenesten." in text


# ---------- cards, details and copying ----------


async def test_keyboard_between_cards_and_detail_screen(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        cards = list(answers(app)[-1].query(ResultCard))
        assert len(cards) >= 2
        await pilot.press("tab")
        assert app.focused is cards[0]
        await pilot.press("down")
        assert app.focused is cards[1]
        await pilot.press("up")
        assert app.focused is cards[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        body = plain(app.screen.query_one("#detail-body"))
        service = cards[0].service
        assert service.name in body
        for heading in ("Hvorfor dette treffet", "Målgruppe", "Tilgang", "Kontakt", "Kilder"):
            assert heading in body
        for source in service.sources:
            assert catalogue.source_label(source) in body
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen)
        assert app.focused is cards[0]
        await pilot.press("escape")
        assert isinstance(app.focused, QuestionInput)


async def test_detail_shows_conflicts_and_status_note(catalogue):
    app = make_app(catalogue, kommune="strand")
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "rask psykisk helsehjelp")
        note = app.query_one(NotOfferedCard)
        note.focus()
        await pilot.press("enter")
        await pilot.pause()
        body = plain(app.screen.query_one("#detail-body"))
        service = catalogue.services["strand-rask-psykisk-helsehjelp"]
        assert "Status: finnes ikke" in body
        if service.status_note:
            assert service.status_note.text in body
        mestring = catalogue.services["sandnes-mestringsenheten"]
        app.push_screen(DetailScreen(mestring, catalogue))
        await pilot.pause()
        body = plain(app.screen.query_one("#detail-body"))
        assert "Uenighet mellom kildene" in body
        assert "linje" in body and "https://www.sandnes.kommune.no" in body


async def test_copy_shows_the_text_and_never_claims_success(catalogue):
    app = make_app(catalogue)
    toasts: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        original = app.notify

        def spy(message, *args, **kwargs):
            toasts.append(str(message))
            return original(message, *args, **kwargs)

        app.notify = spy  # type: ignore[method-assign]
        await ask(pilot, f"kvinne 34 år født {FNR[:2]}.{FNR[2:4]}.1990, lett angst og søvnvansker")
        await pilot.press("tab", "ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, CopyScreen)
        contact = app.clipboard
        assert contact.startswith("Rask psykisk helsehjelp – Mestringsenheten")
        assert "976 00 832" in contact and "Åpningstid: ikke registrert" in contact
        assert plain(app.screen.query_one("#copy-text")) == contact  # to select by hand
        note = plain(app.screen.query_one("#copy-note"))
        assert "Sendt til terminalens utklippstavle; fungerer ikke i alle terminaler." in note
        assert not any("kopiert" in t for t in toasts)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ResultCard)
        await pilot.press("ctrl+r")
        await pilot.pause()
        referral = app.clipboard
        assert referral.startswith("Henvisning til Rask psykisk helsehjelp")
        assert "Problemstilling: angst, søvnvansker" in referral
        assert "Alder: 34" in referral and "Spørsmål: …" in referral
        assert "1990" not in referral and "født" not in referral and "kvinne" not in referral
        assert plain(app.screen.query_one("#copy-text")) == referral
        # the same keys work on the detail screen
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        app.copy_to_clipboard("")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, CopyScreen) and "976 00 832" in app.clipboard


def test_clipboard_note_names_tmux_only_inside_it():
    from gpguide.tui.screens.copy import clipboard_note

    assert "tmux" not in clipboard_note({}).plain
    assert "set-clipboard on" in clipboard_note({"TMUX": "/tmp/tmux-0/default,1,0"}).plain


async def test_typing_on_a_card_goes_to_the_input(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        await pilot.press("tab")
        assert isinstance(app.focused, ResultCard)
        await pilot.press("1", "8")
        question = app.query_one(QuestionInput)
        assert app.focused is question and question.value == "18"


# ---------- chips ----------


async def test_clearing_a_chip_re_answers_without_it(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        assert app.case.age == 17
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ChipView) and app.focused.chip.key == "kommune"
        await pilot.press("right")
        assert app.focused.chip.key == "age"
        await pilot.press("delete")
        await settle(pilot)
        assert app.case.age is None and app.case.kommune == "sandnes"
        assert "17 år" not in chip_labels(app)
        assert any("Fjernet «alder: 17»" in m for m in assistant_messages(app, "muted"))
        assert isinstance(app.focused, QuestionInput)


async def test_clearing_a_problem_chip(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        await pilot.press("shift+tab")
        while app.focused.chip.key != "concept:cannabis":
            await pilot.press("right")
        await pilot.press("enter")
        await settle(pilot)
        assert "cannabis" not in {h.concept for h in app.case.concepts}
        assert "rus" not in {h.concept for h in app.case.concepts}  # its broader concept goes too
        assert "angst" in chip_labels(app)


async def test_clear_case_key(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.case is None and chip_labels(app) == []


# ---------- safety ----------


async def test_urgent_banner_is_above_the_conversation(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        banner = app.query_one(EmergencyBanner)
        assert not banner.display
        await ask(pilot, "mann 40 år, selvmordstanker")
        assert banner.display
        text = plain(banner)
        assert text.splitlines()[0] == "AKUTT: selvmordsfare"
        assert "113 Medisinsk nødtelefon · 116 117 Legevakt (Sandnes legevakt)" in text
        assert "Nes" not in text  # another kommune's legevakt is left out
        conversation = app.query_one("#conversation")
        assert banner.region.y < conversation.region.y
        assert 2 <= banner.region.height <= 3
        # the numbers stand once: the log notes the danger, the cards are services, not the emergency routes
        shown = " ".join(plain(w) for w in conversation.query("AnswerView > *"))
        assert "AKUTT: selvmordsfare" in shown and "113" not in shown and "116 117" not in shown
        visible = [c for c in app.query(ResultCard)
                   if c.region.height and c.region.bottom <= conversation.region.bottom]
        assert len(visible) >= 2
        conversation.scroll_end(animate=False)
        await pilot.pause()
        assert banner.region.y < conversation.region.y  # scrolling cannot move it
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not banner.display


async def test_safety_reminder_is_a_quieter_banner(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "kvinne 50, passive selvmordstanker uten plan, depresjon")
        banner = app.query_one(EmergencyBanner)
        if not app.last_answer.query.safety_reminders:  # the engine decides; nothing to show then
            assert not banner.display
            return
        assert not app.last_answer.urgent
        assert banner.display and banner.has_class("-reminder") and not banner.has_class("-urgent")
        text = plain(banner)
        assert "kartlegg risiko" in text and "113" in text
        await ask(pilot, "mann 40 år, selvmordstanker")
        assert banner.has_class("-urgent") and not banner.has_class("-reminder")


# ---------- privacy ----------


async def test_personal_number_is_masked_and_never_kept(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, f"kvinne 34 år {FNR} med angst")
        shown = user_messages(app)[-1]
        assert FNR not in shown and "[personnummer fjernet]" in shown
        assert any("Ikke skriv personnummer" in m for m in assistant_messages(app, "warning"))
        question = app.query_one(QuestionInput)
        assert question.history == []  # not even the masked question is kept
        assert FNR not in app.case.text
        await pilot.press("up")
        assert FNR not in question.value
    assert FNR not in (settings_path().read_text() if settings_path().exists() else "")


# ---------- history and new conversation ----------


async def test_history_recall_with_up_and_down(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "angst")
        await ask(pilot, "gutt 17 hasj")
        question = app.query_one(QuestionInput)
        await pilot.press(*"utkast")
        await pilot.press("up")
        assert question.value == "gutt 17 hasj"
        await pilot.press("up")
        assert question.value == "angst"
        await pilot.press("up")
        assert question.value == "angst"
        await pilot.press("down")
        assert question.value == "gutt 17 hasj"
        await pilot.press("down")
        assert question.value == "utkast"


async def test_new_conversation_resets_everything(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "gutt 17 angst og hasj")
        assert answers(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not answers(app) and not user_messages(app)
        assert app.case is None and app.last_answer is None
        assert app.query_one(QuestionInput).history == []
        assert chip_labels(app) == []
        assert app.kommune == "sandnes"  # the kommune is a setting, not part of the case
        assert isinstance(app.focused, QuestionInput)


# ---------- kommune ----------


async def test_picker_at_start_when_nothing_is_remembered(catalogue):
    app = make_app(catalogue, kommune=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, KommunePicker)
        await pilot.press("down", "enter")  # Sandnes, Strand (alphabetical): Strand
        await pilot.pause()
        assert app.kommune == "strand"
        assert json.loads(settings_path().read_text())["kommune"] == "strand"
        assert isinstance(app.focused, QuestionInput)
    again = make_app(catalogue, kommune=None)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, KommunePicker)
        assert again.kommune == "strand"


async def test_switch_kommune_with_key_re_answers_the_case(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "angst og søvnvansker, voksen")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, KommunePicker)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.kommune == "strand" and app.case.kommune == "strand"
        assert "Strand" in chip_labels(app)
        assert all(card.service.serves("strand") for card in answers(app)[-1].query(ResultCard))
        assert "Strand" in app.sub_title
        assert Settings.load().kommune == "strand"


async def test_escape_cancels_the_picker(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, KommunePicker) and app.kommune == "sandnes"


# ---------- command palette ----------


async def test_palette_commands(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ordliste")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"kommune til strand")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.kommune == "strand"


async def test_palette_provider_lists_every_command(catalogue):
    from gpguide.tui.commands import COMMANDS

    app = make_app(catalogue)
    async with app.run_test(size=SIZE):
        for _, action, _ in COMMANDS:
            assert hasattr(app, f"action_{action}"), action
        titles = {title for title, _, _ in COMMANDS}
        assert {"Bytt kommune", "Ordliste", "Oversikt over tjenester", "Hjelp: alle taster", "Ny samtale",
                "Bytt tema (lyst/mørkt)"} <= titles


async def test_new_conversation_from_the_palette(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "angst")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ny samtale")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not answers(app)


# ---------- turnus screens ----------


async def test_glossary_search(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert len(screen.shown) == len(catalogue.glossary)
        await pilot.press(*"rop")
        await pilot.pause()
        assert screen.shown[0].term == "ROP"
        assert "Samtidig rus- og psykisk lidelse" in plain(screen.query_one("#glossary-detail"))
        for _ in range(3):
            await pilot.press("backspace")
        await pilot.press(*"individuel plan")  # a typo
        await pilot.pause()
        assert screen.shown[0].term == "IP"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, GlossaryScreen)


async def test_glossary_empty_catalogue_says_so(bundled_catalogue):
    app = make_app(bundled_catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        text = plain(app.screen.query_one("#glossary-detail"))
        assert text  # either a term or "Ordlisten er tom"


async def test_overview_groups_by_age_and_area(catalogue):
    from textual.widgets import Tree

    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        tree = app.screen.query_one(Tree)
        bands = [str(node.label) for node in tree.root.children]
        assert bands[0].startswith("Barn") and any(b.startswith("Voksne") for b in bands)
        assert bands[-1].startswith("Alder ikke registrert") and not any(b.startswith("Alle aldre") for b in bands)
        voksne = next(n for n in tree.root.children if str(n.label).startswith("Voksne"))
        areas = [str(n.label) for n in voksne.children]
        assert any(a.startswith("Psykisk helse") for a in areas) and any(a.startswith("Rus") for a in areas)
        leaves = {leaf.data.id for area in voksne.children for leaf in area.children}
        assert "sandnes-mestringsenheten" in leaves
        assert not any(s.startswith("strand-") for s in leaves)
        # open the first service with the keyboard
        await pilot.press("down", "enter")  # into the first area, expand it
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)


async def test_help_lists_every_key(catalogue):
    from gpguide.tui.app import GPGuideApp
    from gpguide.tui.screens.help import KEYS

    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        documented = " ".join(key.lower() for _, keys in KEYS for key, _ in keys)
        for binding in GPGuideApp.BINDINGS:
            for key in binding.key.split(","):
                assert key.replace("pageup", "pgup").replace("pagedown", "pgdn") in documented, key
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


# ---------- catalogue problems, theme ----------


async def test_skipped_files_notice_and_problem_list(tmp_path):
    from gpguide.catalogue import load_catalogue

    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    (root / "sandnes" / "broken.yaml").write_text("id: sandnes-broken\nname: [unclosed\n", "utf-8")
    broken = load_catalogue(root, cache=False)
    assert broken.skipped
    app = make_app(broken)
    async with app.run_test(size=SIZE) as pilot:
        notices = assistant_messages(app, "notice")
        assert notices and "1 katalogfil ble hoppet over" in notices[0] and "F9" in notices[0]
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        text = plain(app.screen.query_one("#problems-body"))
        assert "sandnes/broken.yaml" in text and "YAML-syntaksfeil" in text
        assert "warning" not in text and "merknader til tjenesteeierne" in text  # counted, not listed


async def test_no_notice_for_a_clean_catalogue(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE):
        assert assistant_messages(app, "notice") == []


async def test_toggle_theme_and_remember_it(catalogue):
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not app.current_theme.dark
        assert Settings.load().theme == app.theme
    again = make_app(catalogue, settings=Settings.load())
    async with again.run_test(size=SIZE):
        assert not again.current_theme.dark


# ---------- the real catalogue, start-up ----------


async def test_bundled_catalogue_answers(bundled_catalogue):
    app = make_app(bundled_catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "kvinne 34 år, lett til moderat angst og søvnvansker")
        names = [c.service.name for c in app.query(ResultCard)]
        assert "Rask psykisk helsehjelp" in names


async def test_first_frame_is_fast(bundled_catalogue):
    app = make_app(bundled_catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.first_frame is not None and app.first_frame < 2.0
        await app.workers.wait_for_complete()
        assert app._engine is not None


# ---------- robustness ----------


async def test_an_engine_error_is_shown_not_fatal(catalogue, monkeypatch):
    def broken(self, query):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(Engine, "answer", broken)
    app = make_app(catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "angst")
        assert any("noe gikk galt" in m and "kaputt" in m for m in assistant_messages(app, "warning"))
        assert app.is_running and isinstance(app.focused, QuestionInput)


async def test_unknown_kommune_from_the_command_line(catalogue):
    from gpguide.tui.app import GPGuideApp

    app = GPGuideApp(catalogue, kommune="Bergen", settings=Settings(kommune="strand"), remember=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.kommune == "strand"
        assert any("Bergen" in n.message for n in app._notifications)
