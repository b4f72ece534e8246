"""SVG snapshots of the slides (the card, its results, the meeting's results) at every size
the room may project, 60x20 to 240x70, and of the vote window, the room's window and the
facilitator's "next" line at 80x24 and 120x40, light and dark.

On the tests' own deck (tests/tui/decks), so that a change of the default deck's wording
does not move them. Nothing on these screens depends on the clock: the session's date and
time appear only in its id and minutes, neither of which is drawn here. The votes are
recorded without the vote screen (its confirmation in the status line is tested
elsewhere, tests/tui/test_status_line.py) and the cursor does not blink
(conftest.steady_cursor), so two runs draw the same picture.

Regenerate after a deliberate change of the screens, then look at the pictures:
`pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from debate.deck import Deck
from debate.meeting.follow import Follower, announce
from debate.meeting.options import Options
from debate.meeting.slide import Countdown, Slide, write_slide
from debate.paths import slide_for
from debate.record.events import Round
from debate.tui.app import DebateApp
from debate.tui.room_app import RoomApp
from debate.tui.screens.card import CardScreen

from .conftest import MakeApp
from .test_room_app import open_meeting, vote
from .tuitools import record_vote

KEYS = {
    # Two arguments and the objection between them, with its answer.
    "card": ["pagedown", "pagedown", "pagedown"],
    # A final vote being counted: two fields typed, the running sum.
    "vote": ["v", "2", "0", "tab", "1", "0"],
    # Both rounds recorded (below): counts, bars, percentages, outcome, the shift.
    "results": ["r"],
    # The results slide of the meeting, as the press after the last card shows it.
    "end": ["R"],
}
SLIDE_SIZES = [(60, 20), (80, 24), (120, 40), (240, 70)]
CASES = [
    (screen, size)
    for screen in KEYS
    for size in ([(80, 24), (120, 40)] if screen == "vote" else SLIDE_SIZES)
]
# Recorded the way the vote screen records them (its typing is tested elsewhere).
VOTES = {Round.INDICATIVE: (12, 5, 2), Round.FINAL: (20, 10, 3)}


def record_votes(app: DebateApp) -> None:
    for round_, counts in VOTES.items():
        record_vote(app, app.deck.cards[0], round_, counts)
    screen = app.screen
    assert isinstance(screen, CardScreen)
    screen.refresh_card()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(
    ("screen", "size"), CASES, ids=[f"{screen}-{w}x{h}" for screen, (w, h) in CASES]
)
def test_screen(
    snap_compare: Any, make_app: MakeApp, screen: str, size: tuple[int, int], theme: str
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()  # the card's nested widgets mount just after the app is ready
        if screen in ("results", "end"):
            record_votes(app)
        await pilot.press(*KEYS[screen])
        await pilot.pause()

    app = make_app(theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


# -- the two windows: the room's, and the facilitator's "next" line ------------------------

WINDOW_SIZES = [(80, 24), (120, 40)]
# The facilitator's slide, as the room's window reads it: two items revealed, the timer
# paused at 1:15 of the "against" turn (paused: nothing on the wall moves with the clock).
ROOM_SLIDE = Slide("shared-garden", 2, Countdown("against", 120, 45.0, running=False, at=0.0))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", WINDOW_SIZES, ids=[f"{w}x{h}" for w, h in WINDOW_SIZES])
def test_room_window(
    snap_compare: Any, sessions: Path, meeting: Deck, size: tuple[int, int], theme: str
) -> None:
    session = open_meeting(sessions, meeting)
    session.record(vote(meeting, "shared-garden", (12, 5, 2)))
    write_slide(slide_for(session.journal_path), ROOM_SLIDE)
    options = Options(deck=meeting, sessions_dir=sessions, lang="en", theme=theme)
    app = RoomApp(options, Follower(sessions, meeting))

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.pause()  # the slide scrolls to its item once laid out

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", WINDOW_SIZES, ids=[f"{w}x{h}" for w, h in WINDOW_SIZES])
def test_facilitators_next_line(
    snap_compare: Any, make_app: MakeApp, sessions: Path, size: tuple[int, int], theme: str
) -> None:
    """While a room's window follows: the next item to reveal, the card's questions."""
    presence = announce(sessions)
    assert presence is not None

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()

    try:
        assert snap_compare(make_app(theme=theme), terminal_size=size, run_before=run_before)
    finally:
        presence.release()
