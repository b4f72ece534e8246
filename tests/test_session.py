"""The live session on real files: ids, recording, resuming, the lock, finding sessions."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_journal import candidate, scratch

from debate.deck import Deck, load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.record.catalog import find_sessions, resolve_session, unfinished_for
from debate.record.events import (
    FORMAT,
    AttendanceSet,
    CardShown,
    Event,
    RemarkMade,
    Round,
    SessionClosed,
    SessionOpened,
    VoteRecorded,
)
from debate.record.journal import read_journal, replay_journal
from debate.record.minutes import render_minutes
from debate.record.session import (
    JournalError,
    Session,
    SessionError,
    SessionLocked,
    SessionNotFound,
)
from debate.record.state import InvalidEvent

EXEMPLE = EXAMPLE_DECK
WHEN = datetime(2026, 3, 1, 20, 5)


@pytest.fixture
def deck() -> Deck:
    return load_deck(str(EXEMPLE))


def start(
    deck: Deck,
    folder: Path,
    place: str = "Salle des fêtes",
    *,
    attendance: int = 40,
    language: str = "en",
    when: datetime = WHEN,
    meeting: str = "k3x7ab2c",
) -> Session:
    return Session.create(deck, folder, place, "Anne", attendance, language, when, meeting=meeting)


def faa(card: str, counts: tuple[int, int, int], round_: Round = Round.INDICATIVE) -> VoteRecorded:
    return VoteRecorded(
        card=card,
        round=round_,
        method="for-against-abstain",
        labels=("Pour", "Contre", "Abstention"),
        counts=counts,
        rule="majority-of-cast",
    )


def test_create_names_the_session_and_writes_its_opening(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "sessions"  # created on demand
    with start(deck, folder) as session:
        assert session.id == "2026-03-01-2005-salle-des-fetes-k3x7ab2c"
        assert session.journal_path == folder / "2026-03-01-2005-salle-des-fetes-k3x7ab2c.jsonl"
        assert session.minutes_path == folder / "2026-03-01-2005-salle-des-fetes-k3x7ab2c.txt"
        assert session.saved and session.problem is None and session.pending == []
        events, warnings = read_journal(session.journal_path)
        assert warnings == []
        first, second = events
        assert isinstance(first, SessionOpened) and isinstance(second, AttendanceSet)
        assert first.deck_title == "Budget participatif 2026"
        assert first.deck_path == str(EXEMPLE)  # absolute: found again from any folder
        assert first.deck_digest == deck.digest
        assert (first.place, first.facilitator, first.language) == ("Salle des fêtes", "Anne", "en")
        assert first.at.startswith("2026-03-01T20:05:00")
        assert second.count == 40
        assert session.minutes_path.read_text() == render_minutes(session.state, deck)


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_the_minutes_are_as_readable_as_the_journal(deck: Deck, tmp_path: Path, umask: int) -> None:
    """Both follow the umask (the minutes are written through a private temporary file)."""
    old = os.umask(umask)
    try:
        with start(deck, tmp_path) as session:
            modes = {p.stat().st_mode & 0o777 for p in (session.journal_path, session.minutes_path)}
    finally:
        os.umask(old)
    assert modes == {0o666 & ~umask}


def test_a_taken_id_gets_a_suffix_and_nothing_is_overwritten(deck: Deck, tmp_path: Path) -> None:
    one = start(deck, tmp_path)
    before = one.journal_path.read_bytes()
    two = start(deck, tmp_path)
    (tmp_path / "2026-03-01-2005-salle-des-fetes-k3x7ab2c-3.txt").write_text(
        "minutes kept by hand\n"
    )
    four = start(deck, tmp_path)
    assert two.id == "2026-03-01-2005-salle-des-fetes-k3x7ab2c-2"
    assert four.id == "2026-03-01-2005-salle-des-fetes-k3x7ab2c-4"  # -3 has minutes: not reused
    assert one.journal_path.read_bytes() == before
    assert (tmp_path / "2026-03-01-2005-salle-des-fetes-k3x7ab2c-3.txt").read_text() == (
        "minutes kept by hand\n"
    )
    for session in (one, two, four):
        session.close()


def test_a_place_of_258_characters_still_saves(deck: Deck, tmp_path: Path) -> None:
    place = "Salle polyvalente " * 14 + "annexe"  # 258 characters: no file name holds it
    assert len(place) == 258
    when = datetime(2026, 3, 1, 20, 5)
    session = Session.create(deck, tmp_path, place, "Anne", 40, "fr", when, meeting="k3x7ab2c")
    session.record(faa("jardin-partage", (20, 10, 5)))
    assert session.saved, session.problem
    assert (
        session.id
        == "2026-03-01-2005-salle-polyvalente-salle-polyvalente-salle-polyvalente-salle-k3x7ab2c"
    )
    assert " ".join(session.minutes_path.read_text().split()).count(place) == 1  # whole
    assert replay_journal(session.journal_path).state.opened.place == place  # type: ignore[union-attr]
    # The same id (only a test can make one): the next free suffix, nothing overwritten.
    twin = Session.create(deck, tmp_path, place, "Anne", 30, "fr", when, meeting="k3x7ab2c")
    assert twin.id == session.id + "-2"
    session.close()
    twin.close()


def test_record_writes_the_event_and_the_minutes(deck: Deck, tmp_path: Path) -> None:
    with start(deck, tmp_path) as session:
        session.record(CardShown(card="jardin-partage"))
        session.record(faa("jardin-partage", (20, 10, 5)))
        session.record(RemarkMade(card="jardin-partage", text="Et l’arrosage l’été ?"))
        assert session.saved
        assert replay_journal(session.journal_path).state == session.state
        assert session.minutes_path.read_text() == render_minutes(session.state, deck)
        assert session.state.voted == ("jardin-partage",)


def test_an_impossible_event_is_refused_and_nothing_is_written(deck: Deck, tmp_path: Path) -> None:
    with start(deck, tmp_path) as session:
        journal = session.journal_path.read_bytes()
        state = session.state
        with pytest.raises(InvalidEvent, match="attendance of 40"):
            session.record(faa("bancs", (30, 20, 0)))
        assert session.journal_path.read_bytes() == journal
        assert session.state is state
        assert session.pending == [] and session.saved


def test_an_impossible_attendance_creates_nothing(deck: Deck, tmp_path: Path) -> None:
    with pytest.raises(InvalidEvent):
        start(deck, tmp_path, attendance=-1)
    assert list(tmp_path.iterdir()) == []


def test_resume_rebuilds_the_state_where_it_was_left(deck: Deck, tmp_path: Path) -> None:
    session = start(deck, tmp_path)
    session.record(CardShown(card="boite-a-livres"))
    session.record(faa("boite-a-livres", (3, 30, 2)))
    state = session.state
    session.release()  # the window quits without closing the meeting
    resumed = Session.resume(session.journal_path, deck)
    assert resumed.state == state
    assert resumed.state.current == "boite-a-livres"
    assert resumed.warnings == []
    resumed.record(faa("boite-a-livres", (2, 31, 2), Round.FINAL))
    assert len(read_journal(resumed.journal_path)[0]) == 5
    resumed.close()


def test_resume_says_when_the_deck_changed_and_which_cards_are_gone(
    deck: Deck, tmp_path: Path
) -> None:
    session = start(deck, tmp_path, language="fr")
    session.record(CardShown(card="bancs"))
    session.record(CardShown(card="jardin-partage"))
    session.close()
    # Same cards, one summary edited: matched by id, with a warning.
    edited = tmp_path / "edited.yaml"
    edited.write_text(EXEMPLE.read_text().replace("six bancs", "huit bancs"))
    resumed = Session.resume(session.journal_path, load_deck(str(edited)))
    assert resumed.warnings == [
        "le jeu de fiches a changé depuis l’ouverture de cette séance "
        "(fiches retrouvées par leur identifiant)"
    ]
    resumed.release()
    # The card 'bancs' removed from the deck: named.
    text = EXEMPLE.read_text()
    shorter = tmp_path / "shorter.yaml"
    shorter.write_text(text[: text.index("  - id: bancs")])
    resumed = Session.resume(session.journal_path, load_deck(str(shorter)))
    assert resumed.warnings[1] == (
        "fiches enregistrées dans cette séance mais absentes du jeu : bancs"
    )
    resumed.release()


def test_resume_after_a_power_cut_mid_line(deck: Deck, tmp_path: Path) -> None:
    session = start(deck, tmp_path)
    session.record(CardShown(card="bancs"))
    session.release()
    path = session.journal_path
    good = path.read_bytes()
    path.write_bytes(good + b'{"type": "vote-recorded", "at": "2026-03-01T20:3')
    resumed = Session.resume(path, deck)
    assert resumed.warnings == [
        f"{path}:4: skipped a line cut short by an interruption (power cut?); "
        "nothing before it is lost"
    ]
    assert resumed.state.current == "bancs"
    resumed.record(RemarkMade(card="bancs", text="Et pour les vélos ?"))
    resumed.close()
    events, warnings = read_journal(path)
    assert [e.kind for e in events][-2:] == ["remark", "session-closed"]
    assert len(warnings) == 1
    assert path.read_bytes().startswith(good + b'{"type": "vote-recorded"')


def test_a_damaged_journal_is_refused_untouched_and_unlocked(deck: Deck, tmp_path: Path) -> None:
    session = start(deck, tmp_path)
    session.record(CardShown(card="bancs"))
    session.release()
    lines = session.journal_path.read_bytes().split(b"\n")
    lines[1] = b"garbage"
    session.journal_path.write_bytes(b"\n".join(lines))
    before = session.journal_path.read_bytes()
    with pytest.raises(JournalError, match=rf"^{session.journal_path}:2: not valid JSON"):
        Session.resume(session.journal_path, deck)
    assert session.journal_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"{session.id}.jsonl",
        f"{session.id}.txt",
    ]


def test_a_journal_holding_nothing_cannot_be_resumed(deck: Deck, tmp_path: Path) -> None:
    path = tmp_path / "2026-03-01-2005-x.jsonl"
    path.write_bytes(b'{"type": "session-op')  # the very first write was cut
    with pytest.raises(SessionError, match="nothing was recorded"):
        Session.resume(path, deck)


def test_a_second_window_in_the_same_process_is_refused(deck: Deck, tmp_path: Path) -> None:
    session = start(deck, tmp_path)
    with pytest.raises(SessionLocked) as caught:
        Session.resume(session.journal_path, deck)
    assert str(caught.value) == (
        f"session {session.id} is open in another debate window: go on there, or close it "
        "there first"
    )
    assert caught.value.pid == os.getpid()
    session.close()
    again = Session.resume(session.journal_path, deck)  # released: fine now
    assert again.state.finished
    again.release()


HOLDER = """
import sys
from pathlib import Path
from debate.deck import load_deck
from debate.record.session import Session
session = Session.resume(Path(sys.argv[1]), load_deck(sys.argv[2]))
print("holding", flush=True)
sys.stdin.read()  # until the test kills us
"""


def test_another_process_holds_the_session_until_it_dies(deck: Deck, tmp_path: Path) -> None:
    session = start(deck, tmp_path)
    session.release()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(session.journal_path), str(EXEMPLE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "holding\n"
        with pytest.raises(SessionLocked) as caught:
            Session.resume(session.journal_path, deck)
        assert caught.value.pid == holder.pid
    finally:
        holder.kill()  # kill -9: no chance to release anything
        holder.wait()
    resumed = Session.resume(session.journal_path, deck)  # the kernel dropped the lock
    resumed.record(CardShown(card="bancs"))
    assert resumed.saved
    resumed.close()


def test_close_records_the_end_and_releases(deck: Deck, tmp_path: Path) -> None:
    session = start(deck, tmp_path)
    session.close()
    assert session.state.finished
    assert isinstance(read_journal(session.journal_path)[0][-1], SessionClosed)
    assert not (tmp_path / f"{session.id}.lock").exists()
    with pytest.raises(InvalidEvent, match="closed"):
        session.record(CardShown(card="bancs"))


def test_leaving_the_with_block_on_an_error_keeps_the_meeting_open(
    deck: Deck, tmp_path: Path
) -> None:
    with pytest.raises(RuntimeError), start(deck, tmp_path) as session:
        raise RuntimeError("the app crashed")
    assert not session.state.finished
    assert not (tmp_path / f"{session.id}.lock").exists()
    assert Session.resume(session.journal_path, deck).state.finished is False


def test_unfinished_sessions_for_a_deck_newest_first(deck: Deck, tmp_path: Path) -> None:
    older = start(deck, tmp_path, place="Mairie", when=datetime(2026, 3, 1, 18, 0))
    newer = start(deck, tmp_path, place="École", when=datetime(2026, 3, 2, 18, 0))
    done = start(deck, tmp_path, place="Halle", when=datetime(2026, 3, 3, 18, 0))
    other_deck = tmp_path / "other.yaml"
    other_deck.write_text(EXEMPLE.read_text().replace("Budget participatif 2026", "Autre"))
    other = start(load_deck(str(other_deck)), tmp_path, place="Gare")
    for session in (older, newer, other):
        session.release()
    done.close()
    (tmp_path / "2026-03-04-1800-broken.jsonl").write_bytes(b"garbage\n{}\n")
    found = unfinished_for(tmp_path, deck)
    assert [i.id for i in found] == [
        "2026-03-02-1800-ecole-k3x7ab2c",
        "2026-03-01-1800-mairie-k3x7ab2c",
    ]
    assert found[0].place == "École" and found[0].cards_voted == 0
    # A deck renamed in its file is still offered the sessions recorded from that file.
    renamed = load_deck(str(other_deck))
    assert [i.place for i in unfinished_for(tmp_path, renamed)] == ["Gare"]


def test_find_sessions_lists_every_journal_oldest_first(deck: Deck, tmp_path: Path) -> None:
    assert find_sessions(tmp_path / "none") == []
    session = start(deck, tmp_path, when=datetime(2026, 3, 1, 18, 0))
    session.record(faa("bancs", (1, 2, 3)))
    session.close()
    (tmp_path / "2026-03-02-1800-x.jsonl").write_bytes(b"garbage\n{}\n")
    infos = find_sessions(tmp_path)
    assert [i.id for i in infos] == [session.id, "2026-03-02-1800-x"]
    good, bad = infos
    assert (good.finished, good.cards_voted, good.damaged, good.place) == (
        True,
        1,
        False,
        "Salle des fêtes",
    )
    assert good.deck_digest == deck.digest and good.deck_title == deck.title
    assert bad.damaged and bad.reason is not None and ":1: not valid JSON" in bad.reason


def test_resolve_session(deck: Deck, tmp_path: Path) -> None:
    a = start(deck, tmp_path, place="A", when=datetime(2026, 3, 1, 18, 0), meeting="k3x7ab2c")
    b = start(deck, tmp_path, place="B", when=datetime(2026, 3, 1, 21, 0), meeting="k3q9zz2c")
    assert resolve_session(str(a.journal_path), tmp_path) == a.journal_path
    # By the meeting id the minutes and the results code give, or its beginning.
    assert resolve_session("k3x7ab2c", tmp_path) == a.journal_path
    assert resolve_session("k3q", tmp_path) == b.journal_path
    with pytest.raises(SessionNotFound, match=r"several sessions .* match: 2026-03-01-1800-a"):
        resolve_session("k3", tmp_path)
    assert resolve_session("2026-03-01-1800-a", tmp_path) == a.journal_path
    assert resolve_session("2026-03-01-21", tmp_path) == b.journal_path
    with pytest.raises(SessionNotFound, match=r"several sessions .* match: 2026-03-01-1800-a"):
        resolve_session("2026-03-01", tmp_path)
    with pytest.raises(SessionNotFound, match="no such session in"):
        resolve_session("2027", tmp_path)
    with pytest.raises(SessionNotFound, match="no such session journal"):
        resolve_session(str(tmp_path / "gone.jsonl"), tmp_path)
    a.close()
    b.close()


@settings(max_examples=20, deadline=None)
@given(st.lists(candidate(), max_size=15))
def test_what_was_recorded_or_refused_resumes_to_the_state_on_screen(
    events: list[Event],
) -> None:
    deck = load_deck(str(EXEMPLE))
    with scratch() as folder:
        session = start(deck, folder, attendance=30)
        for event in events:
            with contextlib.suppress(InvalidEvent):  # refused: must leave no trace
                session.record(event)
        assert session.saved
        session.release()
        resumed = Session.resume(session.journal_path, deck)
        assert resumed.state == session.state
        assert session.minutes_path.read_text() == render_minutes(session.state, deck)
        resumed.release()


def test_two_villages_at_the_same_hour_in_halls_of_one_name_never_collide(
    deck: Deck, tmp_path: Path
) -> None:
    """Each meeting gets a random id at opening, in its journal and in its file names:
    copied into one folder, the two records sit side by side."""
    one = Session.create(deck, tmp_path / "a", "Salle des fêtes", "Anne", 30, "fr", WHEN)
    two = Session.create(deck, tmp_path / "b", "Salle des fêtes", "Paul", 20, "fr", WHEN)
    ids = [s.state.opened.meeting for s in (one, two)]  # type: ignore[union-attr]
    assert all(re.fullmatch(r"[a-z2-7]{8}", i) for i in ids) and ids[0] != ids[1]
    assert one.journal_path.name != two.journal_path.name
    for session, meeting in zip((one, two), ids, strict=True):
        session.close()
        assert session.id.endswith(f"-{meeting}")
        opened = read_journal(session.journal_path)[0][0]
        assert isinstance(opened, SessionOpened)
        assert (opened.format, opened.meeting) == (FORMAT, meeting)


def test_an_older_journal_gets_an_id_from_its_opening(tmp_path: Path) -> None:
    """Format 2 had no meeting id: each copy of such a journal, read by any debate, gets
    the same one, derived from its opening; another opening gets another."""
    line = (
        '{"type": "session-opened", "at": "2026-03-01T20:05:12+01:00", "format": 2, '
        '"deck_title": "T", "deck_path": "t.yaml", "deck_digest": "ab", "language": "fr", '
        '"place": "Salle", "facilitator": "Anne"}\n'
    )
    first = tmp_path / "one.jsonl"
    first.write_text(line, encoding="utf-8")
    copy = tmp_path / "copy.jsonl"
    copy.write_text(line, encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text(line.replace("Salle", "Mairie"), encoding="utf-8")
    ids = [replay_journal(p).state.opened.meeting_id for p in (first, copy, other)]  # type: ignore[union-attr]
    assert ids[0] == ids[1] != ids[2]
    assert re.fullmatch(r"[a-z2-7]{8}", ids[0])


def test_a_meeting_id_that_is_not_one_is_damage(tmp_path: Path) -> None:
    journal = tmp_path / "x.jsonl"
    journal.write_text(
        '{"type": "session-opened", "at": "2026-03-01T20:05:12+01:00", "format": 3, '
        '"deck_title": "T", "deck_path": "", "deck_digest": "", "language": "fr", '
        '"place": "S", "meeting": "../../etc"}\n',
        encoding="utf-8",
    )
    with pytest.raises(JournalError, match=r"x.jsonl:1: not an event \(field 'meeting' is not"):
        replay_journal(journal)
