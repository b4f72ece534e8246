"""A `<id>.lock` planted as a link to another meeting's journal, met by the real app: the
resume is refused in one line, that journal is untouched, nothing says "saved"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from debate.deck import Deck
from debate.record.session import Session

from .conftest import MakeApp
from .tuitools import journals

SIZE = (120, 40)


async def test_resuming_through_a_planted_lock_link_is_refused(
    make_app: MakeApp,
    sessions: Path,
    meeting: Deck,
    capfd: pytest.CaptureFixture[str],
) -> None:
    first = make_app(place="Mairie")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown", "q", "y")
    (mine,) = journals(sessions)
    other = Session.create(meeting, sessions, "Halle", "Léa", 12, "en", datetime(2026, 3, 1))
    other.close()
    before = other.journal_path.read_bytes()
    planted = mine.with_suffix(".lock")
    planted.symlink_to(other.journal_path.name)
    app = make_app(mode="resume", place=None, attendance=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.return_code == 1
    error = capfd.readouterr().err
    assert "is a link" in error and "left untouched" in error
    assert "Traceback" not in error
    assert other.journal_path.read_bytes() == before
    assert planted.is_symlink()
