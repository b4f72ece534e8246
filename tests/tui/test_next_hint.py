"""The facilitator's "what comes next" line: there only while a room's window follows
the folder (with one screen, the wall must not show the next argument before its press)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from debate import platform
from debate.meeting.follow import announce, room_follows
from debate.tui.screens.card import CardScreen

from .conftest import MakeApp
from .tuitools import flat, screen_text


def next_line(app: object) -> Static:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, CardScreen)
    return screen.query_one("#next", Static)


async def test_no_next_line_with_one_screen(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not next_line(app).display
        assert "Next (For)" not in flat(screen_text(app))


async def test_the_next_item_and_the_questions_while_a_room_follows(
    make_app: MakeApp, sessions: Path
) -> None:
    presence = announce(sessions)
    assert presence is not None and room_follows(sessions)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Next (For): The plot has been unused for ten years." in text
        assert "Questions: Who would give an hour a week?" in text
        await pilot.press("pagedown")
        await pilot.pause()
        assert "Next (Against): Who waters it in August?" in flat(screen_text(app))
        for _ in range(3):
            await pilot.press("pagedown")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Next: card 2. A book box on the square" in text
        assert "Questions: Who" not in text  # the card shows them itself now

        presence.release()  # the room's window closed
        assert not room_follows(sessions)
        await pilot.press("pageup")
        await pilot.pause()
        assert not next_line(app).display


def test_a_killed_rooms_lock_is_no_room(sessions: Path) -> None:
    """A lock file left by a killed room's window (unlocked, since the kernel drops a
    lock with its process) does not count."""
    sessions.mkdir()
    (sessions / "room.lock").write_text("999999\n", encoding="utf-8")
    assert not room_follows(sessions)


@pytest.mark.skipif(platform.watch_folder(Path(".")) is None, reason="no inotify here")
async def test_the_next_line_shows_at_once_when_a_room_opens_and_goes_when_it_quits(
    make_app: MakeApp, sessions: Path
) -> None:
    """No key pressed: the kernel says the folder changed (inotify), and the line follows."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not next_line(app).display
        presence = announce(sessions)  # a room's window opens, in another process
        assert presence is not None
        await waited(pilot, lambda: next_line(app).display)
        assert "Next (For): The plot has been unused for ten years." in flat(screen_text(app))
        presence.release()  # and quits
        await waited(pilot, lambda: not next_line(app).display)
        assert "Next (For)" not in flat(screen_text(app))


async def waited(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Until `condition` holds: the thread woken by the kernel, then the app's redraw. A
    deadline of 20 s for a loaded machine, never a timing."""
    deadline = time.monotonic() + 20
    while not condition():
        assert time.monotonic() < deadline, "the facilitator's window never followed"
        await pilot.pause(0.02)
