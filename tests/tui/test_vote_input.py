"""The vote dialog refuses impossible input in place, says why, and records nothing it
refused: every case is read back from the journal on disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Input

from debate.tui.app import DebateApp
from debate.tui.screens.card import CardScreen
from debate.tui.screens.notes import NotesScreen
from debate.tui.screens.vote import VoteScreen

from .conftest import MakeApp
from .tuitools import events, flat, minutes, of_type, screen_text

SIZE = (100, 30)


def fields(app: DebateApp) -> list[str]:
    return [field.value for field in app.screen.query(".count").results(Input)]


def shown(app: DebateApp) -> str:
    return flat(screen_text(app))


async def test_empty_fields_count_as_zero(make_app: MakeApp, sessions: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "tab", "7", "enter")
        assert isinstance(app.screen, CardScreen)
    (vote,) = of_type(sessions, "vote-recorded")
    assert vote["counts"] == [0, 7, 0]


async def test_a_sum_above_attendance_is_raised_only_by_its_own_key(
    make_app: MakeApp, sessions: Path
):
    app = make_app(attendance=10)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "8", "tab", "5")
        assert "Counted: 13 / Present: 10 · 0 did not vote" in shown(app)
        assert app.screen.has_class("-over")
        await pilot.press("enter")
        assert isinstance(app.screen, VoteScreen)
        message = "13 hands but only 10 present. Correct the counts, or press a to raise"
        assert message in shown(app)
        assert of_type(sessions, "vote-recorded") == []  # nothing yet
        await pilot.press("plus", "a")  # the key raises to the count on screen: 14
        assert isinstance(app.screen, CardScreen)
        assert "Present: 14" in screen_text(app)
    kinds = [(e["type"], e.get("count", e.get("counts"))) for e in events(sessions)[3:]]
    assert kinds == [("attendance-set", 14), ("vote-recorded", [8, 6, 0])]


async def test_a_double_enter_never_raises_the_attendance(make_app: MakeApp, sessions: Path):
    # Issue 15: 10 present, 200 typed for 20, Enter Enter in a hurry: 203 present.
    app = make_app(attendance=10)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "2", "0", "0", "tab", "3", "enter", "enter", "enter")
        assert isinstance(app.screen, VoteScreen)
        assert "203 hands but only 10 present" in shown(app)
        await pilot.press("shift+tab", "5", "enter")  # the field is selected: retyped
        assert isinstance(app.screen, CardScreen)
    assert [e["count"] for e in of_type(sessions, "attendance-set")] == [10]
    assert [e["counts"] for e in of_type(sessions, "vote-recorded")] == [[5, 3, 0]]


async def test_the_offer_is_in_the_interface_language(make_app: MakeApp, sessions: Path):
    app = make_app(lang="fr", attendance=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "4", "enter")
        assert "4 mains mais seulement 3 présents" in shown(app)
        await pilot.press("escape", "escape")
    assert of_type(sessions, "attendance-set")[-1]["count"] == 3


async def test_majority_judgment_refuses_a_total_below_attendance(
    make_app: MakeApp, sessions: Path
):
    # Card 3 of the tests' deck: every person present grades once (ungraded: refuse).
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "end", "enter", "v")
        screen = app.screen
        assert isinstance(screen, VoteScreen) and screen.card.id == "hall-name"
        await pilot.press("1", "0", "tab", "1", "0", "tab", "1", "0", "tab", "5", "enter")
        assert isinstance(app.screen, VoteScreen)
        assert "35 grades for 40 present: everyone present grades once." in shown(app)
        assert of_type(sessions, "vote-recorded") == []
        await pilot.press("plus", "plus", "plus", "plus", "plus", "enter")
        assert isinstance(app.screen, CardScreen)
    (vote,) = of_type(sessions, "vote-recorded")
    assert vote["counts"] == [10, 10, 10, 10]
    assert (vote["method"], vote["ungraded"]) == ("majority-judgment", "refuse")


async def test_escape_asks_before_throwing_counts_away(make_app: MakeApp, sessions: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "escape")  # nothing typed: nothing to ask
        assert isinstance(app.screen, CardScreen)
        await pilot.press("i", "1", "2", "tab", "3", "escape")
        assert isinstance(app.screen, VoteScreen)  # issue 15: counts typed are asked about
        assert "Esc again to throw them away" in shown(app)
        assert fields(app) == ["12", "3", ""]
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen)
        await pilot.press("i")
        assert fields(app) == ["", "", ""]  # nothing kept from the cancelled entry
        await pilot.press("4", "enter", "i", "plus", "escape", "escape")  # a correction
        assert isinstance(app.screen, CardScreen)
    assert [v["counts"] for v in of_type(sessions, "vote-recorded")] == [[4, 0, 0]]
    assert of_type(sessions, "vote-corrected") == []


async def test_plus_and_minus_count_hands_never_below_zero(make_app: MakeApp, sessions: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "minus", "minus")
        assert fields(app) == ["0", "", ""]
        await pilot.press("plus", "plus", "plus", "minus")
        assert fields(app) == ["2", "", ""]
        await pilot.press("tab", "1", "plus", "plus")  # in order with the digit before them
        assert fields(app) == ["2", "3", ""]
        await pilot.press("tab", "a", "x", "1", "-", "+", "+")  # only digits are typed
        assert fields(app) == ["2", "3", "2"]
        await pilot.press("shift+tab", "minus", "minus", "minus", "minus")
        assert fields(app) == ["2", "0", "2"]
        await pilot.press("enter")
    assert of_type(sessions, "vote-recorded")[0]["counts"] == [2, 0, 2]


async def test_a_count_has_at_most_five_digits(make_app: MakeApp):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *"1234567")
        assert fields(app)[0] == "12345"


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_running_sum_and_who_did_not_vote(make_app: MakeApp, lang: str):
    app = make_app(lang=lang, attendance=25)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "9", "tab", "4")
        expected = {
            "en": "Counted: 13 / Present: 25 · 12 did not vote",
            "fr": "Comptés : 13 / Présents : 25 · 12 n’ont pas voté",
        }
        assert expected[lang] in shown(app)
        assert not app.screen.has_class("-over")


async def test_escape_asks_before_throwing_a_typed_remark_away(make_app: MakeApp, sessions: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"Ask the school", "escape")
        assert isinstance(app.screen, NotesScreen)  # issue 15: it vanished on one key
        assert "Esc again to throw it away" in shown(app)
        await pilot.press("enter", "escape")  # added after all; nothing left to ask about
        assert isinstance(app.screen, CardScreen)
        await pilot.press("n", *"never mind", "escape", "escape")
        assert isinstance(app.screen, CardScreen)
    assert [e["text"] for e in of_type(sessions, "remark")] == ["Ask the school"]


async def test_a_vote_taken_on_a_miscounted_room_is_judged_again(make_app: MakeApp, sessions: Path):
    # Issue 15: 203 present by mistake, brought back to 10, the counts corrected to 6-3-0:
    # the minutes still said "194 of 203" and nothing judged the vote again.
    app = make_app(attendance=10)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "2", "0", "0", "tab", "3", "a")  # the mistake, made on purpose
        # ctrl+a is Home in a field: ctrl+e ctrl+u empties it (10 typed after ctrl+a alone
        # made 10203, which "Present: 10" below did not tell from 10).
        await pilot.press("a", "ctrl+e", "ctrl+u", "1", "0", "enter")  # the room counted again
        await pilot.pause()
        assert "Present: 10 " in screen_text(app)
        await pilot.press("i")
        assert "Present at this vote" in shown(app)
        assert app.screen.query_one("#vote-room", Input).value == "203"
        await pilot.press("6", "tab", "tab", "tab", "1", "0")
        assert "Counted: 9 / Present: 10 · 1 did not vote" in shown(app)
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen)
    (fixed,) = of_type(sessions, "vote-corrected")
    (judged,) = of_type(sessions, "vote-attendance-corrected")
    assert (fixed["counts"], judged["attendance"]) == ([6, 3, 0], 10)
    text = " ".join(minutes(sessions).split())
    assert "1 of 10 present" in text and "194 of 203" not in text
    assert "judged on 10 present instead of 203" in text


async def test_an_attendance_set_by_mistake_is_mended_on_the_record(
    make_app: MakeApp, sessions: Path
):
    # Issue 15: 10 present, raised to 203 by a count typed wrong, set back to 10: the
    # minutes' header still gave 203 as the largest attendance.
    app = make_app(attendance=10)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "2", "0", "0", "tab", "3", "a")  # 203 present, by mistake
        await pilot.press("a", "ctrl+e", "ctrl+u", "1", "0", "enter")  # the room counted again
        await pilot.press("a", "up")  # the latest first: the 10 just set
        field = app.screen.query_one("#attendance", Input)
        assert field.value == "10" and "Correcting the attendance set at" in shown(app)
        await pilot.press("up")  # then the 203
        assert field.value == "203" and "(203)" in shown(app)
        await pilot.press("up")  # no further back than the first: the 10 of the opening
        await pilot.press("up")
        assert field.value == "10"
        await pilot.press("down", "enter")  # unchanged: said, not recorded
        assert field.value == "203"
        await pilot.press("ctrl+u", "2", "0", "3", "enter")
        assert "already reads 203" in shown(app)
        await pilot.press("ctrl+u", "1", "0", "enter")
        assert isinstance(app.screen, CardScreen)
        assert "Present: 10 " in screen_text(app)
        await pilot.press("a", "down")  # ↓ from a new count changes nothing
        assert app.screen.query_one("#attendance", Input).value == "10"
        await pilot.press("up", "down")  # back to a new count
        assert "Correcting" not in shown(app)
        await pilot.press("escape")
    assert [e["count"] for e in of_type(sessions, "attendance-set")] == [10, 203, 10]  # kept
    (mended,) = of_type(sessions, "attendance-corrected")
    assert (mended["entry"], mended["count"]) == (1, 10)
    text = " ".join(minutes(sessions).split())
    head = text[: text.index("Card 1")]
    assert "Attendance: 10 present at" in head and "203 present" not in head
    assert "0 of 203 present" in text  # the vote keeps its room: i mends it (above)
    assert re.search(
        r"Corrections: attendance of \d\d:\d\d, corrected at \d\d:\d\d: 203 -> 10", text
    )


async def test_a_note_is_reworded_or_withdrawn_on_the_record(make_app: MakeApp, sessions: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", *"Qui arrose en aout", "enter", *"Hors sujet", "enter")
        await pilot.press("up")  # the newest first
        assert app.screen.query_one("#remark", Input).value == "Hors sujet"
        await pilot.press("ctrl+u", "enter")  # emptied: asked first
        assert "Enter again to withdraw this note" in shown(app)
        await pilot.press("enter")
        await pilot.press("up")  # the withdrawn one is not offered again
        assert app.screen.query_one("#remark", Input).value == "Qui arrose en aout"
        await pilot.press("backspace", *"t ?", "enter", "escape")
        assert isinstance(app.screen, CardScreen)
    assert len(of_type(sessions, "remark")) == 2  # nothing deleted
    (withdrawn,) = of_type(sessions, "note-withdrawn")
    (edited,) = of_type(sessions, "note-edited")
    assert (withdrawn["index"], edited["index"], edited["text"]) == (1, 0, "Qui arrose en aout ?")
    text = " ".join(minutes(sessions).split())
    assert "reworded at" in text and "“Qui arrose en aout” -> “Qui arrose en aout ?”" in text
    assert "withdrawn at" in text
