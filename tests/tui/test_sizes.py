"""Every size the room may project, from 60x20 to 240x70, and below it: the card renders
with its title on screen, arguments go side by side from 100 columns, and a window too
small says "enlarge the window" (never a crash, keys ignored) until it grows back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static

from debate.deck import load_deck
from debate.i18n import words_for
from debate.tui.app import DebateApp
from debate.tui.screens.card import CardScreen
from debate.tui.screens.setup import SetupScreen
from debate.tui.screens.too_small import TooSmall
from debate.tui.widgets.big_figures import BigFigures, size_at
from debate.tui.widgets.big_text import BigText

from .conftest import MakeApp
from .tuitools import (
    EXAMPLE,
    events,
    flat,
    of_type,
    region_text,
    screen_lines,
    screen_text,
    stack,
    until,
)

SIZES = [(60, 20), (80, 24), (99, 30), (100, 30), (120, 40), (160, 50), (240, 70)]
# For the dialogs: the smallest sizes, where things get cut, and a large one.
DIALOG_SIZES = [(60, 20), (80, 24), (120, 40)]
TOO_SMALL = [(59, 20), (60, 19), (20, 5), (1, 1)]


def title_line(app: DebateApp) -> str:
    card = app.deck.cards[0]
    return f"{card.number}. {card.title}"


def title_shown(app: DebateApp, lines: list[str]) -> bool:
    """The first card's title among `lines`: in letters, or in big type on a big window
    (its words given to the font, and blocks drawn)."""
    title = app.screen.query_one("#card-title", BigText)
    if title.big:
        return title.words.words == title_line(app) and "█" in "".join(lines)
    return flat(title_line(app)) in flat(" ".join(lines))


@pytest.mark.parametrize(("width", "height"), SIZES)
async def test_the_card_renders_at_every_size(make_app: MakeApp, width: int, height: int):
    # The default deck: the real titles, summaries and arguments of a meeting.
    app = make_app(load_deck("desescalade-fr"), lang="fr")
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.press("pagedown", "pagedown")  # an argument and an objection shown
        screen = app.screen
        assert isinstance(screen, CardScreen)
        lines = screen_lines(app)
        assert len(lines) == height and all(len(line) <= width for line in lines)
        # The title, whole (wrapped if need be), near the top.
        title = screen.query_one("#card-title", Static).region
        assert title.y <= 3 and title.bottom <= height
        assert title_shown(app, lines[title.y : title.bottom])
        assert screen.has_class("-wide") is (width >= 100)
        await pilot.press("w")  # the whole card: its sides side by side, or stacked
        side = {screen.query_one("#for").region.y == screen.query_one("#against").region.y}
        assert side == {width >= 100}
        lines = screen_lines(app)
        # The key bar stays at the bottom.
        assert "→" in lines[-1] or "→" in lines[-2]


@pytest.mark.parametrize(("width", "height"), TOO_SMALL)
async def test_too_small_says_enlarge_and_ignores_keys(
    make_app: MakeApp, sessions: Path, width: int, height: int
):
    app = make_app()
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)
        if width >= 20:
            text = flat(screen_text(app))
            assert "Enlarge" in text and f"{width} × {height}" in text
        # Card 1's move is recorded just after the repaint: count from there.
        await until(pilot, lambda: of_type(sessions, "card-shown"), "card 1 recorded")
        recorded = len(events(sessions))
        keys = ["pagedown", "v", "1", "enter", "question_mark", "f1", "ctrl+p", "o", "b", "s"]
        for key in [*keys, "q", "y"]:
            await pilot.press(key)
            assert stack(app) == ["CardScreen", "TooSmall"], key
        assert app.is_running
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert stack(app) == ["CardScreen"]
        screen = app.screen
        assert isinstance(screen, CardScreen) and screen.presenter.step == 0
        assert flat(title_line(app)) in flat(screen_text(app))
    assert len(events(sessions)) == recorded  # nothing was recorded meanwhile


async def test_resizing_goes_back_and_forth(make_app: MakeApp):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("pagedown")
        for width, height in [(59, 20), (40, 10), (60, 20), (60, 19), (240, 70), (80, 24)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            small = width < 60 or height < 20
            assert isinstance(app.screen, TooSmall) is small
            if small:
                assert f"{width} × {height}" in flat(screen_text(app))
            else:
                screen = app.screen
                assert isinstance(screen, CardScreen)
                assert screen.has_class("-wide") is (width >= 100)
                assert title_shown(app, screen_text(app).split("\n"))
                assert screen.presenter.step == 1  # where it was


async def test_a_dialog_comes_back_when_the_window_grows(make_app: MakeApp):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "7")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert stack(app)[-1] == "TooSmall"
        await pilot.press("enter", "8")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert stack(app) == ["CardScreen", "VoteScreen"]
        assert app.screen.query_one("#count-0").value == "7"  # type: ignore[attr-defined]


@pytest.mark.parametrize("place", [None, "Mairie"])
async def test_starting_too_small_then_growing(make_app: MakeApp, place: str | None):
    # With or without the setup form: the form (or the card) is there once it grows.
    app = make_app(place=place, attendance=None if place is None else 30)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert stack(app)[-1] == "TooSmall" and stack(app).count("TooSmall") == 1
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "TooSmall" not in stack(app)
        if place is None:  # the form over an empty screen, then the card pushed
            assert stack(app)[-1] == "SetupScreen"
            await pilot.press(*"Hall", "enter", "enter", "9", "enter")
            assert stack(app) == ["Screen", "CardScreen"]
        else:  # the card is the first screen
            assert stack(app) == ["CardScreen"]


VOTES = ["v", "2", "0", "tab", "1", "0", "tab", "3", "enter", "r"]


@pytest.mark.parametrize(("width", "height"), [*DIALOG_SIZES, (240, 70)])
async def test_results_show_the_outcome_at_every_size(make_app: MakeApp, width: int, height: int):
    app = make_app()
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.press(*VOTES)
        text = screen_text(app)
        assert "ADOPTED" in text  # what the room waits for, never pushed off screen
        for label, count in (("For", 20), ("Against", 10)):
            # One line per choice: its bar, its share and its count, never wrapped.
            (line,) = [line for line in text.splitlines() if f"{label} " in line and "%" in line]
            assert f"({count})" in line
        # The abstentions are not part of the votes cast, the bars' base: a count alone.
        (line,) = [line for line in text.splitlines() if re.match(r"\s*Abstain\s+\(3\)$", line)]
        assert "of the 30 votes cast" in flat(text)
        figures = list(app.screen.query(".result-count BigFigures").results(BigFigures))
        assert [f.figures for f in figures] == ["20", "10", "3"]
        # Drawn at one scale, as large as the window allows: 3 rows on the smallest, about
        # a fifth to a third of the screen on the large ones; whole on screen at every size.
        assert len({f.scale for f in figures}) == 1
        rows = size_at("20", figures[0].scale)[1]
        assert rows >= 3 and (rows >= height // 5 if height >= 40 else True)
        assert all(f.region.bottom <= height for f in figures)


async def test_majority_judgment_results_fit_the_smallest_window(make_app: MakeApp):
    deck = load_deck(str(EXAMPLE))
    app = make_app(deck, lang="fr")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("o", "end", "enter", "v", "5", "tab", "1", "0", "tab", "8", "enter")
        await pilot.press("r")
        text = screen_text(app)
        assert "Mention majoritaire : Bien" in text
        for grade in deck.cards[2].vote.grades:  # every grade's bar, whole on its line
            assert re.search(rf"(?m)^  {grade} +[█░]+ +\d+,\d %  \(\d+\)$", text), grade
        await pilot.resize_terminal(160, 50)  # room again: the big digits come back
        await pilot.pause()
        # The 17 who gave no grade are counted in the lowest, as in the minutes.
        digits = [d.figures for d in app.screen.query(".result-count BigFigures")]
        assert digits == ["5", "10", "8", "0", "0", "0", "17"]


@pytest.mark.parametrize(("width", "height"), DIALOG_SIZES)
@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_vote_dialog_shows_every_field_and_its_message(
    make_app: MakeApp, width: int, height: int, lang: str
):
    app = make_app(load_deck(str(EXAMPLE)), lang=lang, attendance=4)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.press("v", "9", "enter")  # 9 hands for 4 present: the offer to raise
        text = flat(region_text(app, "#vote").replace("┃", " "))
        for label in ("Pour", "Contre", "Abstention"):
            assert label in text
        offer = {
            "en": "or press a to raise the attendance to 9.",
            "fr": "ou tapez a pour porter les présents à 9.",
        }
        assert offer[lang] in text  # whole, not cut by the dialog's edge
        assert ("Esc: cancel" if lang == "en" else "Échap : annuler") in text


@pytest.mark.parametrize(("width", "height"), DIALOG_SIZES)
async def test_seven_grades_all_fit(make_app: MakeApp, width: int, height: int):
    deck = load_deck(str(EXAMPLE))
    app = make_app(deck, lang="fr")
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.press("o", "end", "enter", "v", *["tab"] * 6, "7")
        lines = screen_lines(app)
        for grade in deck.cards[2].vote.grades:
            assert any(f"┃  {grade} " in line for line in lines), grade
        (last,) = [line for line in lines if "À rejeter" in line]
        assert " 7 " in last  # the count typed in the last field is on screen
        assert "Comptés : 7 / Présents : 40" in flat(" ".join(lines))


@pytest.mark.parametrize(("width", "height"), DIALOG_SIZES)
async def test_many_notes_never_push_the_fields_away(
    make_app: MakeApp, sessions: Path, width: int, height: int
):
    app = make_app()
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.press("n")
        for i in range(1, 9):
            await pilot.press(str(i), "enter")
        await pilot.press("tab", "A", "enter")
        text = flat(region_text(app, "#notes").replace("┃", " "))
        for shown in ("• 8", "• A", "Remark from the room", "Amendment proposed", "Esc: close"):
            assert shown in text  # the latest notes, both fields and the hint
        assert app.screen.query_one("#amendment").region.bottom <= height
    assert [e["text"] for e in of_type(sessions, "remark")] == [str(i) for i in range(1, 9)]


@pytest.mark.parametrize(("width", "height"), DIALOG_SIZES)
async def test_the_overview_scrolls_to_the_last_card(make_app: MakeApp, width: int, height: int):
    deck = load_deck("desescalade-fr")
    app = make_app(deck, lang="fr")
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.press("o", "end")
        last = deck.cards[-1]
        text = flat(re.sub("[┃▊▎]", " ", region_text(app, "#overview")))
        assert f"10. {' '.join(last.title.split()[:2])}" in text  # its first line, in view
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, CardScreen) and screen.presenter.index == 9


@pytest.mark.parametrize(("width", "height"), DIALOG_SIZES)
@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_setup_form_shows_its_fields_its_message_and_its_keys(
    make_app: MakeApp, width: int, height: int, lang: str
):
    app = make_app(lang=lang, place=None, attendance=None)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press(*"Mairie", "tab", "tab", "enter")  # no attendance: the message
        t = words_for(lang)
        text = flat(region_text(app, "#setup").replace("┃", " "))
        for whole in (t["place"], t["attendance"], t["attendance_needed"], t["setup_keys"]):
            assert flat(whole) in text  # whole, not cut by the form's edge
        assert app.screen.query_one("#attendance").region.bottom <= height


async def test_a_status_line_too_long_for_the_window_ends_with_an_ellipsis(make_app: MakeApp):
    app = make_app(load_deck("desescalade-fr"), lang="fr")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        status = screen_lines(app)[0].rstrip()
        assert status.startswith(" ✓ enregistré · Fiche 1/10 · Présents : 40 · ")
        assert status.endswith("…")  # the deck's title, cut where the window ends


async def test_the_notes_fields_shrink_to_one_line_in_a_short_window_and_back(
    make_app: MakeApp,
):
    from debate.tui.screens.notes import COMPACT_BELOW, NotesScreen

    app = make_app()
    async with app.run_test(size=(100, COMPACT_BELOW - 6)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes dialog")
        notes = app.screen
        assert notes.has_class("-compact") and not notes.has_class("-roomy")
        await pilot.resize_terminal(100, COMPACT_BELOW + 4)
        await until(pilot, lambda: not notes.has_class("-compact"), "full-size fields")
        await pilot.resize_terminal(100, COMPACT_BELOW - 1)
        await until(pilot, lambda: notes.has_class("-compact"), "one-line fields again")
