"""`debate run --rehearsal` on screen: the status line says so, and the resume offer
never mixes a rehearsal with a real meeting (the afternoon's try is never resumed into
the evening, nor the evening's meeting into a try)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from debate.deck.model import Deck
from debate.record.events import FORMAT
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
    assert opened["rehearsal"] is True and opened["format"] == FORMAT
    (journal,) = journals(sessions)
    assert ("-repetition-" if lang == "fr" else "-rehearsal-") in journal.name


async def test_a_real_meeting_says_nothing_of_rehearsals(make_app: MakeApp, sessions: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "REHEARSAL" not in region_text(app, "#status")
    opened = events(sessions)[0]
    assert "rehearsal" not in opened and opened["format"] == FORMAT


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


@pytest.mark.parametrize("rehearsal", [True, False])
async def test_the_list_holds_one_kind_only_and_says_which(
    make_app: MakeApp, sessions: Path, meeting: Deck, rehearsal: bool
):
    """Main's list of every unfinished meeting, merged with rehearsals: two of the
    asked kind are listed, the other kind's never, and the title says which kind."""
    from textual.widgets import OptionList

    mine = {interrupted(meeting, sessions, rehearsal) for _ in range(2)}
    interrupted(meeting, sessions, not rehearsal)
    app = make_app(place=None, attendance=None, rehearsal=rehearsal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeDialog)
        assert {info.path for info in app.screen.infos} == mine
        assert app.screen.query_one("#resume-list", OptionList).option_count == 2
        title = "rehearsals" if rehearsal else "meetings"
        assert f"Unfinished {title} found (newest first)" in flat(screen_text(app))


@pytest.mark.parametrize("rehearsal", [True, False])
async def test_resume_by_id_of_the_other_kind_says_which_flag(
    make_app: MakeApp, sessions: Path, meeting: Deck, rehearsal: bool, capfd
):
    other = interrupted(meeting, sessions, not rehearsal)
    app = make_app(mode="resume", place=None, attendance=None, rehearsal=rehearsal)
    app.options = replace(app.options, resume_id=other.stem)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.return_code == 1 and app.session is None
    said = " ".join(capfd.readouterr().err.split())
    expected = "without --rehearsal" if rehearsal else "with `debate --rehearsal --resume"
    assert expected in said and "Traceback" not in said
    assert journals(sessions) == [other]
