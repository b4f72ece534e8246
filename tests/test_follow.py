"""The room's reader (debate/meeting/follow.py): which meeting it follows, what it reads,
and how it learns that something changed (debate/platform.py's folder watch)."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from debate import platform
from debate.deck import Deck, load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.meeting.follow import Follower
from debate.meeting.slide import Slide, write_slide
from debate.paths import slide_for
from debate.record.events import RemarkMade, SessionReopened
from debate.record.session import Session


@pytest.fixture
def deck() -> Deck:
    return load_deck(str(EXAMPLE_DECK))


def meeting(sessions: Path, deck: Deck, hour: int) -> Session:
    return Session.create(deck, sessions, "Salle", "Anne", 30, "fr", datetime(2026, 3, 1, hour))


def test_it_follows_the_newest_unfinished_meeting_then_the_next(tmp_path: Path, deck: Deck) -> None:
    follower = Follower(tmp_path, deck)
    assert follower.reload() is False  # nothing yet: nothing to show
    assert follower.followed.journal is None
    older = meeting(tmp_path, deck, 18)
    newer = meeting(tmp_path, deck, 20)
    key = follower.watch_key()
    assert follower.reload()
    assert follower.followed.journal == newer.journal_path
    newer.close()
    assert follower.watch_key() != key
    assert follower.reload() and follower.followed.closed
    # Closed: it says so, and never switches to an older meeting left unfinished...
    assert follower.reload() is False
    assert follower.followed.journal == newer.journal_path
    # ...but follows the next one opened after it.
    later = meeting(tmp_path, deck, 21)
    assert follower.reload()
    assert follower.followed.journal == later.journal_path
    assert not follower.followed.closed
    assert older.journal_path.exists()


def test_a_meeting_reopened_is_followed_again(tmp_path: Path, deck: Deck) -> None:
    """Closed by mistake (issue 15): the room that said "closed" shows the meeting again,
    the same one, not an older meeting left unfinished."""
    meeting(tmp_path, deck, 18).release()
    tonight = meeting(tmp_path, deck, 20)
    follower = Follower(tmp_path, deck)
    follower.reload()
    tonight.close()
    assert follower.reload() and follower.followed.closed
    key = follower.watch_key()
    reopened = Session.resume(tonight.journal_path, deck)
    reopened.record(SessionReopened())
    assert follower.watch_key() != key  # the thread would wake for it
    assert follower.reload()
    assert follower.followed.journal == tonight.journal_path
    assert not follower.followed.closed
    assert follower.followed.problem is None


def test_a_named_meeting_is_kept_even_when_closed(tmp_path: Path, deck: Deck) -> None:
    first = meeting(tmp_path, deck, 18)
    meeting(tmp_path, deck, 20)
    follower = Follower(tmp_path, deck, named=first.journal_path)
    follower.reload()
    first.close()
    follower.reload()
    follower.reload()
    assert follower.followed.journal == first.journal_path and follower.followed.closed


def test_it_reads_the_slide_and_only_what_changed(tmp_path: Path, deck: Deck) -> None:
    session = meeting(tmp_path, deck, 20)
    follower = Follower(tmp_path, deck)
    follower.reload()
    views = []
    follower.subscribe(views.append)
    assert follower.reload() is False and views == []  # nothing changed, nothing read
    write_slide(slide_for(session.journal_path), Slide("bancs", 0))
    assert follower.reload()
    assert follower.followed.slide == Slide("bancs", 0)
    session.record(RemarkMade(card="bancs", text="[b]bold?[/b]"))
    assert follower.reload()
    assert len(views) == 2 and views[-1].state is follower.state
    assert follower.state.cards["bancs"].remarks[-1].text == "[b]bold?[/b]"


def test_a_damaged_journal_is_said_and_the_last_state_kept(tmp_path: Path, deck: Deck) -> None:
    session = meeting(tmp_path, deck, 20)
    follower = Follower(tmp_path, deck, named=session.journal_path)
    follower.reload()
    state = follower.state
    with session.journal_path.open("ab") as journal:
        journal.write(b"not json\n{}\n")
    assert follower.reload()
    problem = follower.followed.problem
    assert problem is not None and "not valid JSON" in str(problem)
    assert "JSON" in problem.in_("fr") and "not valid" not in problem.in_("fr")
    assert follower.state is state


@pytest.mark.skipif(platform.watch_folder(Path(".")) is None, reason="no inotify here")
def test_the_kernel_says_when_the_folder_changes(tmp_path: Path) -> None:
    watch = platform.watch_folder(tmp_path)
    assert watch is not None
    try:
        assert watch.wait(0) is False  # nothing happened yet
        write_slide(tmp_path / "x.slide", Slide("bancs", 1))
        assert watch.wait(20) is True  # a deadline, not a timing: it returns at once
        assert watch.wait(0) is False  # the burst was drained in one wake
        with (tmp_path / "j.jsonl").open("a") as journal:
            journal.write("{}\n")
        assert watch.wait(20) is True
    finally:
        watch.close()


@pytest.mark.skipif(platform.watch_folder(Path(".")) is None, reason="no inotify here")
def test_a_wait_with_no_deadline_ends_when_stopped(tmp_path: Path) -> None:
    # Issue 14: nothing wakes an idle room's window, not even to ask whether to end.
    watch = platform.watch_folder(tmp_path)
    assert watch is not None
    answers: list[bool] = []
    waiting = threading.Thread(target=lambda: answers.append(watch.wait()))
    try:
        waiting.start()
        watch.stop()
        waiting.join(20)  # a deadline, not a timing: stop() ends the wait at once
        assert answers == [False] and not waiting.is_alive()
        assert watch.wait() is False  # stopped: a later wait does not block
    finally:
        watch.close()


def test_no_watch_for_a_folder_that_is_not_there(tmp_path: Path) -> None:
    assert platform.watch_folder(tmp_path / "missing") is None
