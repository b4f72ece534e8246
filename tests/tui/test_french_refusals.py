"""A French screen words the record's refusals in French (issue 13, item 4): the domain
raises a code (debate/error_words.py), never a sentence the screen must show as is."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from debate.error_words import Error
from debate.record.events import SessionClosed
from debate.record.lock import SessionLock
from debate.tui import keys

from .conftest import MakeApp
from .test_keys import readme_tables
from .tuitools import flat, journals, of_type, region_text

SIZE = (100, 30)


async def test_a_refused_vote_is_told_in_french(make_app: MakeApp, sessions: Path) -> None:
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("i", "3", "0", "tab", "2")  # the vote window, counts typed
        # Meanwhile the meeting is closed by another way (as a second window would): the
        # window's own Enter is then one the record refuses.
        assert app.record(SessionClosed())
        await pilot.press("enter")
        await pilot.pause()
        # In the vote window's own line (the window stays open), never in a toast.
        assert not app._notifications
        shown = flat(region_text(app, "#vote-error"))
        assert flat("cette séance est close") in shown, shown
        for error in Error:  # no refusal's English, whichever it is
            for part in re.split(r"\{[^}]*\}", error.value.en):
                assert len(part) < 8 or flat(part) not in shown, (error, shown)
    assert of_type(sessions, "vote-recorded") == []  # refused: nothing written


def no_english_refusal(text: str) -> None:
    """No refusal's English, in parts long enough not to be a path's ("sessions")."""
    for error in Error:
        for part in re.split(r"\{[^}]*\}", error.value.en):
            part = flat(part)
            assert len(part) < 10 or " " not in part or part not in flat(text), (error, text)


def held_by_another_window(journal: Path) -> SessionLock:
    """The meeting's lock, as a second debate window holds it (the lock is the open
    file's: this process is refused too)."""
    lock = SessionLock.acquire(journal.with_suffix(".lock"), journal.stem)
    lock.cover(journal)
    return lock


async def test_resume_of_a_meeting_open_in_another_window_exits_in_french(
    make_app: MakeApp, sessions: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """`debate --resume` on a meeting another window has open: one French line."""
    first = make_app(lang="fr")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown")
    (journal,) = journals(sessions)
    lock = held_by_another_window(journal)
    try:
        app = make_app(lang="fr", mode="resume", place=None, attendance=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
        assert app.return_code == 1 and app.session is None
    finally:
        lock.release()
    error = flat(capfd.readouterr().err)
    assert "est ouverte dans une autre fenêtre de debate" in error, error
    assert "Traceback" not in error
    no_english_refusal(error)


async def test_a_reopen_that_fails_exits_in_french(
    make_app: MakeApp, sessions: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A closed meeting, reopened (`o`: oui) while another window holds it: the refusal
    is the interface's language, not the record's English."""
    first = make_app(lang="fr")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown", "q", "c", "o")
        await pilot.pause()
    (journal,) = journals(sessions)
    lock = held_by_another_window(journal)
    try:
        app = make_app(lang="fr", mode="resume", place=None, attendance=None)
        app.options = replace(app.options, resume_id=journal.stem)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
        assert app.return_code == 1
    finally:
        lock.release()
    error = flat(capfd.readouterr().err)
    assert "est ouverte dans une autre fenêtre de debate" in error, error
    no_english_refusal(error)


LISEZMOI = Path(__file__).resolve().parents[2] / "LISEZMOI.md"


def test_the_french_readme_lists_the_keys_the_french_help_lists() -> None:
    """LISEZMOI.md's tables under "## Touches" are the French help screen's, word for word
    (`python docs/make_key_tables.py` rewrites them when the key table changes)."""
    tables = readme_tables(LISEZMOI, "Touches", "touche")
    wanted = [
        [(re.sub(r"\s{2,}", " / ", shown), what) for shown, what in keys.help_rows(table, "fr")]
        for _, table in keys.HELP_SECTIONS
    ]
    assert tables == wanted
