"""The facilitator's window writes the slide a room's window follows (debate/tui/
slide_feed.py): the card, the step, the timer, the results and the blank screen; never
the vote window or a dialog; and nothing when nothing the wall shows changed."""

from __future__ import annotations

from pathlib import Path

from debate.meeting.slide import Slide, read_slide
from debate.paths import slide_for
from debate.tui.screens.card import CardScreen

from .conftest import Clock, MakeApp
from .tuitools import journals, until


def slide(sessions: Path) -> Slide | None:
    (journal,) = journals(sessions)
    return read_slide(slide_for(journal))


async def test_each_step_the_wall_shows_is_written(
    make_app: MakeApp, sessions: Path, clock: Clock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: slide(sessions) == Slide("shared-garden", 0), "card 1")
        await pilot.press("pagedown")
        await until(pilot, lambda: slide(sessions) == Slide("shared-garden", 1), "a reveal")

        await pilot.press("t")
        await until(pilot, lambda: (s := slide(sessions)) is not None and s.timer is not None)
        shown = slide(sessions)
        assert shown is not None and shown.timer is not None
        assert (shown.timer.side, shown.timer.running) == ("for", True)

        await pilot.press("i")  # the vote window: the room keeps the card
        await pilot.pause()
        assert type(app.screen).__name__ == "VoteScreen"
        written = slide(sessions)
        assert written is not None and not written.results and written.step == 1
        await pilot.press("escape")

        await pilot.press("r")
        await until(pilot, lambda: (s := slide(sessions)) is not None and s.results, "results")
        await pilot.press("escape")
        await until(pilot, lambda: (s := slide(sessions)) is not None and not s.results)
        await pilot.press("R")  # the meeting's results, at their first page
        await until(pilot, lambda: (s := slide(sessions)) and s.meeting_results == 0, "R")
        await pilot.press("escape")
        await until(pilot, lambda: (s := slide(sessions)) and s.meeting_results is None)
        await pilot.press("b")
        await until(pilot, lambda: (s := slide(sessions)) is not None and s.blank, "blank")


async def test_nothing_is_written_when_the_wall_did_not_change(
    make_app: MakeApp, sessions: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: slide(sessions) == Slide("shared-garden", 0), "card 1")
        (journal,) = journals(sessions)
        before = slide_for(journal).stat()
        screen = app.screen
        assert isinstance(screen, CardScreen)
        for _ in range(3):
            screen.refresh_card()  # as after each view the meeting publishes
            await pilot.pause()
        await pilot.press("a")  # the attendance dialog: not the wall's
        await pilot.pause()
        after = slide_for(journal).stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
