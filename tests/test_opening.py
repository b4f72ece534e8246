"""Which meeting a window opens and what it asks first, decided without a screen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from debate.deck import Deck, load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.meeting.opening import Ask, Opening, closed_at
from debate.meeting.options import Mode, Options
from debate.meeting.theme_memory import remember_theme, remembered_theme
from debate.paths import theme_path
from debate.record.errors import SessionError
from debate.record.events import CardShown, SessionClosed
from debate.record.session import Session


@pytest.fixture
def deck() -> Deck:
    return load_deck(str(EXAMPLE_DECK))


def left_open(deck: Deck, folder: Path, card: int = 0, closed: bool = False) -> Path:
    """A meeting another window held and let go, at `card`."""
    session = Session.create(deck, folder, "Mairie", "Anne", 30, "fr", datetime(2026, 3, 1, 20))
    if card:
        session.record(CardShown(card=deck.cards[card].id))
    if closed:
        session.record(SessionClosed())
    session.release()
    return session.journal_path


def opening(deck: Deck, folder: Path, mode: Mode = "ask", **given: object) -> Opening:
    return Opening(Options(deck, folder, "fr", mode=mode, **given))  # type: ignore[arg-type]


def test_a_new_meeting_described_whole_opens_on_card_1(deck: Deck, tmp_path: Path) -> None:
    o = opening(deck, tmp_path, place="Salle des fêtes", attendance=40)
    assert o.open_at_start() == 0
    assert o.session is not None and o.session.state.attendance == 40
    assert o.first_question() is Ask.NOTHING
    o.session.release()


def test_nothing_given_asks_for_the_new_meeting(deck: Deck, tmp_path: Path) -> None:
    o = opening(deck, tmp_path, place="Salle des fêtes")  # no attendance: the form asks
    assert o.open_at_start() is None and o.session is None
    assert o.first_question() is Ask.SETUP and o.new_meeting_given() is None


def test_an_unfinished_meeting_is_offered_unless_new_or_resume_was_asked(
    deck: Deck, tmp_path: Path
) -> None:
    journal = left_open(deck, tmp_path, card=2)
    asked = opening(deck, tmp_path, place="Salle des fêtes", attendance=40)
    assert asked.open_at_start() is None  # never a new meeting over one left unfinished
    assert asked.first_question() is Ask.RESUME
    assert [info.path for info in asked.pending] == [journal]
    resumed = opening(deck, tmp_path, mode="resume")
    assert resumed.open_at_start() == 2  # at the card it was left on
    assert resumed.session is not None and resumed.session.journal_path == journal
    assert resumed.first_question() is Ask.NOTHING
    resumed.session.release()
    new = opening(deck, tmp_path, mode="new", place="École", attendance=12)
    assert new.open_at_start() == 0 and new.pending == []
    assert new.session is not None and new.session.journal_path != journal
    new.session.release()


def test_resume_with_nothing_to_resume_asks_for_a_new_meeting(deck: Deck, tmp_path: Path) -> None:
    o = opening(deck, tmp_path, mode="resume")
    assert o.open_at_start() is None and o.first_question() is Ask.SETUP


def test_a_closed_meeting_named_is_not_opened_before_the_question(
    deck: Deck, tmp_path: Path
) -> None:
    journal = left_open(deck, tmp_path, closed=True)
    o = opening(deck, tmp_path, resume_id=journal.stem)
    assert o.open_at_start() is None and o.session is None
    assert o.first_question() is Ask.REOPEN
    assert o.reopening is not None and o.reopening.path == journal
    assert closed_at(o.reopening)  # said in the question
    assert o.open_resumed(journal) == 0 and o.session is not None
    o.session.release()


def test_a_meeting_held_by_another_window_is_refused(deck: Deck, tmp_path: Path) -> None:
    journal = left_open(deck, tmp_path)
    held = Session.resume(journal, deck)
    with pytest.raises(SessionError):
        opening(deck, tmp_path, mode="resume").open_at_start()
    held.release()


def test_the_theme_chosen_last_is_remembered_and_nothing_else(tmp_path: Path) -> None:
    names = ("light", "dark")
    assert remembered_theme(tmp_path, names) == "light"  # nothing chosen yet
    remember_theme(tmp_path, "dark")
    assert remembered_theme(tmp_path, names) == "dark"
    theme_path(tmp_path).write_text("[bold]dark\n", encoding="utf-8")
    assert remembered_theme(tmp_path, names) == "light"
    theme_path(tmp_path).write_bytes(b"\xff\xfe")
    assert remembered_theme(tmp_path, names) == "light"
    remember_theme(tmp_path / "missing", "dark")  # a folder that cannot be written: no fault


def test_the_theme_is_never_written_through_a_planted_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("kept\n", encoding="utf-8")
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    theme_path(sessions).symlink_to(elsewhere)
    remember_theme(sessions, "dark")  # refused quietly: a preference, not the record
    assert elsewhere.read_text(encoding="utf-8") == "kept\n"
    assert theme_path(sessions).is_symlink()
