"""`debate run --rehearsal` on screen: the status line says so, and the resume offer
never mixes a rehearsal with a real meeting (the afternoon's try is never resumed into
the evening, nor the evening's meeting into a try)."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate.deck.model import Deck
from debate.record.session import Session
from debate.tui.screens.card import CardScreen
from debate.tui.screens.resume import ResumeDialog
from debate.tui.screens.setup import SetupScreen

from .conftest import MakeApp
from .tuitools import events, flat, journals, region_text, screen_text

SIZE = (120, 40)


def interrupted(deck: Deck, sessions: Path, rehearsal: bool) -> Path:
    """A meeting left unfinished (a window closed without closing it): resumable."""
    session = Session.create(
        deck, sessions, "Mairie", "", 30, "en", rehearsal=rehearsal, minutes=False
    )
    session.release()
    return session.journal_path


@pytest.mark.parametrize(("lang", "word"), [("en", "REHEARSAL"), ("fr", "RÉPÉTITION")])
async def test_the_status_line_says_rehearsal(
    make_app: MakeApp, sessions: Path, lang: str, word: str
):
    app = make_app(lang=lang, rehearsal=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert word in region_text(app, "#status")
    opened = events(sessions)[0]
    assert opened["rehearsal"] is True and opened["format"] == 4
    (journal,) = journals(sessions)
    assert ("-repetition-" if lang == "fr" else "-rehearsal-") in journal.name


async def test_a_real_meeting_says_nothing_of_rehearsals(make_app: MakeApp, sessions: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "REHEARSAL" not in region_text(app, "#status")
    opened = events(sessions)[0]
    assert "rehearsal" not in opened and opened["format"] == 3


@pytest.mark.parametrize("mode", ["ask", "resume"])
async def test_a_real_run_never_offers_a_rehearsal(
    make_app: MakeApp, sessions: Path, meeting: Deck, mode: str
):
    interrupted(meeting, sessions, rehearsal=True)
    app = make_app(place=None, attendance=None, mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.session is None


@pytest.mark.parametrize("mode", ["ask", "resume"])
async def test_a_rehearsal_never_offers_a_real_meeting(
    make_app: MakeApp, sessions: Path, meeting: Deck, mode: str
):
    interrupted(meeting, sessions, rehearsal=False)
    app = make_app(place=None, attendance=None, mode=mode, rehearsal=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.session is None


async def test_a_rehearsal_resumes_with_rehearsal(make_app: MakeApp, sessions: Path, meeting: Deck):
    interrupted(meeting, sessions, rehearsal=False)
    tried = interrupted(meeting, sessions, rehearsal=True)
    app = make_app(place=None, attendance=None, rehearsal=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeDialog)
        assert "Unfinished rehearsal found" in flat(screen_text(app))
        await pilot.press("enter")
        assert isinstance(app.screen, CardScreen)
        assert app.session is not None and app.session.journal_path == tried
