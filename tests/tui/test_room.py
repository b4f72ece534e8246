"""The room: NO_COLOR still draws a legible card (grey levels only), and an idle card
screen runs no timer at all, so a projector left on a card costs no CPU."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.dom import DOMNode
from textual.timer import Timer

from debate.meeting.speaker import DEFAULT_SECONDS
from debate.record.events import Round, VoteRecorded
from debate.tui.screens.card import CardScreen
from debate.tui.themes import THEMES
from debate.tui.widgets.big_figures import BigFigures
from debate.tui.widgets.speaker_timer import SpeakerTimer

from .conftest import Clock, MakeApp
from .tuitools import after_timers, events, flat, minutes, of_type, screen_text

# The colours the SVG export gives the cells: text classes and background rectangles
# (not the window's decoration, drawn with circles and a title class).
_TEXT_COLOUR = re.compile(r"\.terminal-\d+-r\d+ \{ fill: (#[0-9a-f]{6})")
_BACKGROUND = re.compile(r'<rect fill="(#[0-9a-f]{6})"')


_EXPORT_DEFAULT = "#c5c8c6"  # the SVG export's own colour for cells that set none


def colours(app: App[Any]) -> set[str]:
    svg = app.export_screenshot()
    found = set(_TEXT_COLOUR.findall(svg)) | set(_BACKGROUND.findall(svg))
    return found - {_EXPORT_DEFAULT}


def grey(colour: str) -> bool:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return r == g == b


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("no_color", [False, True])
async def test_no_color_draws_the_card_in_grey(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, theme: str, no_color: bool
):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")  # read (and removed) by Textual's App.__init__
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown", "pagedown")
        assert app.no_color is no_color
        card = app.deck.cards[0]
        text = flat(screen_text(app))
        for shown in (f"1. {card.title}", card.summary, card.arguments[0].text, "→ next"):
            assert shown in text
        used = colours(app)
        assert len(used) >= 3  # foreground, background and panel stay distinct
        assert all(grey(c) for c in used) is no_color


def running_timers(app: App[Any]) -> list[tuple[DOMNode, Timer]]:
    """Every timer of the app, its screens and their widgets that is running (not paused).

    Textual has no public list of timers: this reads each node's `_timers` set, where
    `set_timer` / `set_interval` register them, and a timer's `_task` / `_active` state."""
    nodes: list[DOMNode] = [app]
    for screen in app.screen_stack:
        nodes += [screen, *screen.query("*")]
    return [
        (node, timer)
        for node in nodes
        for timer in list(node._timers)
        if timer._task is not None and timer._active.is_set()
    ]


async def test_an_idle_card_runs_no_timer(make_app: MakeApp, clock: Clock):
    # The stand-in clock: on a loaded machine a real second passed between t and T, the
    # turn was recorded and the minutes' debounce was the timer left running.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("pagedown", "v", "1", "enter", "n", "escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CardScreen)
        assert not screen.query(SpeakerTimer)  # mounted when first used
        assert running_timers(app) == []
        # The speaker countdown ticks while it runs, and only then.
        await pilot.press("t")
        speaker = screen.query_one(SpeakerTimer)
        assert speaker.ticking
        assert [node for node, _ in running_timers(app)] == [speaker]
        await pilot.press("t")
        assert not speaker.ticking
        await pilot.press("t", "T")  # a turn ended also stops it
        await pilot.pause()
        assert not speaker.ticking
        assert running_timers(app) == []


async def test_an_expired_countdown_shows_the_overtime(
    make_app: MakeApp, sessions: Path, clock: Clock
):
    # Issue 15: at 0:00 it just stopped; the room could not see the speaker ran over.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        speaker = app.screen.query_one(SpeakerTimer)
        clock.now += DEFAULT_SECONDS + 15  # the speaker ran over
        speaker.show()  # what the next tick draws, without waiting for it
        assert speaker.running and speaker.has_class("-expired")
        assert speaker.query_one(BigFigures).figures == "+0:15"
        await pilot.press("t")  # paused: the ticking stops with it
        assert not speaker.ticking
        await pilot.press("T")
    (used,) = of_type(sessions, "timer-used")
    assert (used["side"], used["seconds"]) == ("for", DEFAULT_SECONDS + 15)


async def test_moving_between_cards_rewrites_the_minutes_once_the_keys_stop(
    make_app: MakeApp, sessions: Path
):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        session = app.live
        await after_timers(pilot, lambda: session.saved, "card 1's minutes on disk")
        before = session.minutes_path.stat().st_ino  # each rewrite is a new file, renamed
        screen = app.screen
        assert isinstance(screen, CardScreen)
        # The facilitator pages on quickly through card 1's items, card 2 (no items) to 3.
        await pilot.press(*["pagedown"] * (screen.presenter.steps + 2))
        assert screen.presenter.index == 2
        # The journal has both moves at once; the minutes wait for the keys to stop.
        assert [e["card"] for e in of_type(sessions, "card-shown")][-2:] == [
            card.id for card in app.deck.cards[1:3]
        ]
        assert session.minutes_path.stat().st_ino == before and not session.saved
        await after_timers(pilot, lambda: session.saved, "the minutes once the keys stop")
        assert session.minutes_path.stat().st_ino != before
        assert app.deck.cards[2].title in flat(session.minutes_path.read_text("utf-8"))
        assert running_timers(app) == []


async def test_quitting_right_after_a_move_still_writes_the_minutes(
    make_app: MakeApp, sessions: Path, monkeypatch: pytest.MonkeyPatch
):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CardScreen)
        # The move is recorded just after its repaint; make sure that never comes, so
        # that only the exit can record it (and write the minutes that follow).
        monkeypatch.setattr(app, "call_after_refresh", lambda *args, **kwargs: True)
        screen.go_to(2)
        await pilot.press("ctrl+q")  # well within the minutes' debounce
    assert of_type(sessions, "card-shown")[-1]["card"] == app.deck.cards[2].id
    assert app.deck.cards[2].title in flat(minutes(sessions))


async def test_a_vote_right_after_a_move_comes_after_it_in_the_journal(
    make_app: MakeApp, sessions: Path
):
    # The move is recorded just after its repaint; a vote recorded before that repaint
    # (here in the same tick) records the move first: the journal keeps the order things
    # happened in.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CardScreen)
        screen.go_to(1)
        card = app.deck.cards[1]
        spec = card.vote
        assert app.record(
            VoteRecorded(
                card=card.id,
                round=Round.INDICATIVE,
                method=spec.method.value,
                labels=spec.labels,
                counts=(20, 0, 0),
                rule=spec.rule.value,
                ungraded=spec.ungraded.value,
            )
        )
        await pilot.pause()
    kinds = [(e["type"], e.get("card")) for e in events(sessions)]
    assert kinds[-2:] == [("card-shown", card.id), ("vote-recorded", card.id)]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("first", ["card", "setup form"])
async def test_the_first_screen_is_drawn_in_the_chosen_theme(
    make_app: MakeApp, theme: str, first: str
):
    # The theme set in DebateApp.__init__ reaches the stylesheet without the full re-parse
    # Textual would queue (DebateApp.refresh_css): whichever screen comes first, its
    # colours are the theme's, not Textual's default dark ones.
    app = make_app(theme=theme, **({} if first == "card" else {"place": None, "attendance": None}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        expected = THEMES[theme]
        assert type(app.screen).__name__ == ("CardScreen" if first == "card" else "SetupScreen")
        assert app.screen.styles.background.hex.lower() == expected.background.lower()
        assert expected.background.lower() in colours(app)  # and that is what is drawn


async def test_a_move_ends_the_turn_and_the_countdown_shows_a_full_one_stopped(
    make_app: MakeApp, clock: Clock
):
    # The countdown is drawn in the frame after the new card's (the room waits for the
    # card): once drawn, it shows the next card's turn, whole and stopped.
    def figures(seconds: int) -> str:
        return f"{seconds // 60}:{seconds % 60:02d}"

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, CardScreen)
        speaker = screen.query_one(SpeakerTimer)
        clock.now += 20
        speaker.show()
        assert speaker.query_one(BigFigures).figures == figures(DEFAULT_SECONDS - 20)
        first = screen.presenter.card.id
        while screen.presenter.card.id == first:
            await pilot.press("pagedown")
        await pilot.pause()
        assert not speaker.running and not speaker.ticking
        assert speaker.query_one(BigFigures).figures == figures(DEFAULT_SECONDS)
