"""No key that only moves waits for the disk: the move, and the speaker's turn it ends,
reach the journal after the repaint that shows the next card. Held back here (the app's
after-repaint hook is captured instead of run), so the order is checked, not the time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debate.tui.screens.card import CardScreen

from .conftest import Clock, MakeApp
from .tuitools import events, screen_text, until


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
