"""No key that only moves waits for the disk: the move, and the speaker's turn it ends,
reach the journal after the repaint that shows the next card. Held back here (the app's
after-repaint hook is captured instead of run), so the order is checked, not the time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debate.tui.screens.card import CardScreen

from .conftest import Clock, MakeApp
from .tuitools import after_timers, events, minutes, region_text, screen_text, until


async def test_next_card_with_the_timer_running_writes_nothing_before_the_repaint(
    make_app: MakeApp, sessions: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CardScreen)
        await until(pilot, lambda: events(sessions)[-1]["type"] == "card-shown", "card 1")
        await pilot.press("t")  # the speaker for the motion starts
        clock.now += 42
        held: list[Callable[[], None]] = []
        monkeypatch.setattr(app, "call_after_refresh", lambda cb, *a, **k: held.append(cb))
        before = events(sessions)
        screen.go_to(1)  # what PageDown does at the end of card 1
        await pilot.pause()
        # The next card is on screen; the journal has not been touched.
        assert app.deck.cards[1].title in screen_text(app)
        assert events(sessions) == before
        assert held, "the move waits for the repaint"
        monkeypatch.undo()
        for callback in held:
            callback()
        written = events(sessions)[len(before) :]
        assert [e["type"] for e in written] == ["timer-used", "card-shown"]
        assert written[0]["card"] == app.deck.cards[0].id and written[0]["seconds"] == 42
        assert written[1]["card"] == app.deck.cards[1].id


class MinutesWrites:
    """Each rewrite of the minutes (the real write, counted), with how many events the
    journal held by then: the order of the disk's work, not its time."""

    def __init__(self, sessions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        import debate.record.session as session_module

        self.at: list[int] = []
        real = session_module.write_text_atomic

        def counted(path: Path, text: str) -> None:
            self.at.append(len(events(sessions)))
            real(path, text)

        monkeypatch.setattr(session_module, "write_text_atomic", counted)


async def test_a_vote_is_confirmed_on_its_journal_line_and_its_minutes_follow_the_repaint(
    make_app: MakeApp, sessions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        session = app.live
        await after_timers(pilot, lambda: session.saved, "card 1's minutes on disk")
        unvoted = minutes(sessions)
        writes = MinutesWrites(sessions, monkeypatch)
        await pilot.press("v", "2", "0", "tab", "1", "0", "tab", "3")
        held: list[Callable[[], None]] = []
        monkeypatch.setattr(app, "call_after_refresh", lambda cb, *a, **k: held.append(cb))
        await pilot.press("enter")
        await pilot.pause()
        # The confirmation is on screen once the vote's own line is in the journal; the
        # minutes, which grow with the meeting, have not been touched.
        assert isinstance(app.screen, CardScreen)
        assert "Vote recorded" in screen_text(app)
        assert events(sessions)[-1]["type"] == "vote-recorded"
        assert writes.at == [] and held, "the minutes wait for the repaint"
        assert minutes(sessions) == unvoted
        del app.call_after_refresh  # the app's own again
        for callback in held:
            callback()
        # In the minutes' own thread: the app's is free for the next key meanwhile.
        await after_timers(pilot, lambda: session.saved, "the vote's minutes")
        assert writes.at == [len(events(sessions))]  # once, with the vote
        text = minutes(sessions)
        # Before the next vote: current on disk (the repaint came, the minutes followed).
        await pilot.press("i", "2", "5", "tab", "1", "0", "tab", "3", "enter")
        await until(pilot, lambda: len(writes.at) == 2, "the second vote's minutes")
        assert minutes(sessions) != text and writes.at[1] == len(events(sessions))


async def test_a_fault_writing_the_minutes_after_a_vote_is_told(
    make_app: MakeApp, sessions: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        session = app.live
        await after_timers(pilot, lambda: session.saved, "card 1's minutes on disk")
        # A folder where the minutes go: they cannot be renamed in, even by root.
        session.minutes_path.unlink()
        session.minutes_path.mkdir()
        await pilot.press("v", "2", "0", "tab", "1", "0", "tab", "3", "enter")
        await until(pilot, lambda: app.live_meeting.at_risk, "the minutes' write tried")
        assert events(sessions)[-1]["type"] == "vote-recorded"  # the record itself is safe
        # Why, in the key bar's place (never a toast over the screen)...
        await until(pilot, lambda: "Minutes not updated" in region_text(app, "#keybar"), "why")
        assert not app._notifications
        # ...and the status line says NOT SAVED, the vote confirmed on its journal line
        # still said, the attendance in view.
        status = region_text(app, "#status")
        assert status.strip().startswith("⚠ NOT SAVED") and "Present: 40" in status, status
        assert "For 20 · Against 10 · Abstain 3" in status
        session.minutes_path.rmdir()
