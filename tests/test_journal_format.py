"""A journal says the newest format in its opening (docs/session-format.md, Versioning):
opened before anyone knows whether an amendment will be voted or a mistake mended, it
must be refused whole, at its first line, by a debate too old to read all of it, rather
than stop it at an event it does not know in the middle of the evening."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from debate.deck import load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.record import events, journal
from debate.record.events import (
    FORMAT,
    AmendmentProposed,
    AmendmentVoted,
    AttendanceCorrected,
    AttendanceSet,
    CardShown,
    SessionOpened,
)
from debate.record.journal import JournalError, read_journal
from debate.record.session import Session


def opened_with_an_amendment_voted(folder: Path, rehearsal: bool = False) -> Path:
    deck = load_deck(str(EXAMPLE_DECK))
    session = Session.create(deck, folder, "Salle", "Anne", 40, "fr", rehearsal=rehearsal)
    card = deck.cards[0]
    spec = card.vote
    session.record(CardShown(card=card.id))
    session.record(AmendmentProposed(card=card.id, text="Sauf le dimanche"))
    session.record(
        AmendmentVoted(
            card=card.id,
            amendment=0,
            method=spec.method.value,
            labels=spec.labels,
            counts=(20, 10, 5) if len(spec.labels) == 3 else (5,) * len(spec.labels),
            rule=spec.rule.value if spec.method.value != "majority-judgment" else "",
            ungraded=spec.ungraded.value,
        )
    )
    session.close()
    return session.journal_path


@pytest.mark.parametrize("rehearsal", [False, True])
def test_a_new_journal_opens_saying_the_newest_format(tmp_path: Path, rehearsal: bool) -> None:
    path = opened_with_an_amendment_voted(tmp_path, rehearsal)
    first = json.loads(path.read_text("utf-8").splitlines()[0])
    assert (first["type"], first["format"]) == ("session-opened", FORMAT)
    events, _ = read_journal(path)  # and this debate reads it back
    assert any(isinstance(e, AmendmentVoted) for e in events)


def test_an_older_debate_refuses_it_at_its_opening_not_at_the_amendment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = opened_with_an_amendment_voted(tmp_path)
    lines = path.read_text("utf-8").splitlines()
    # A debate from before amendments voted: format 4, no amendment-voted event.
    monkeypatch.setattr(journal, "FORMAT", 4)
    monkeypatch.delitem(events.EVENT_TYPES, "amendment-voted")
    with pytest.raises(JournalError) as refused:
        read_journal(path)
    said = str(refused.value)
    assert said.startswith(f"{path}:1: written by a newer debate (journal format {FORMAT}; ")
    assert "this one reads format 4" in said and "unknown event type" not in said
    # Opened as journals were before (format 3), it would have been read up to the vote.
    opening = events.from_json(lines[0])
    assert isinstance(opening, SessionOpened)
    old = tmp_path / "old.jsonl"
    old.write_text("\n".join([replace(opening, format=3).to_json(), *lines[1:]]) + "\n")
    voted = next(n for n, line in enumerate(lines, 1) if '"amendment-voted"' in line)
    with pytest.raises(JournalError, match=f"^{re.escape(str(old))}:{voted}: .*unknown event"):
        read_journal(old)


def test_an_attendance_mend_is_refused_whole_by_a_debate_of_format_5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Format 6 brought `attendance-corrected`: a debate from before it refuses the journal
    at its opening, and this one still reads a format 5 journal as before."""
    deck = load_deck(str(EXAMPLE_DECK))
    session = Session.create(deck, tmp_path, "Salle", "Anne", 40, "fr")
    session.record(AttendanceSet(count=400))
    session.record(AttendanceCorrected(entry=1, count=40))
    path = session.journal_path
    session.close()
    lines = path.read_text("utf-8").splitlines()
    assert json.loads(lines[0])["format"] == FORMAT == 6
    monkeypatch.setattr(journal, "FORMAT", 5)
    monkeypatch.delitem(events.EVENT_TYPES, "attendance-corrected")
    with pytest.raises(JournalError, match=r":1: written by a newer debate \(journal format 6; "):
        read_journal(path)
    monkeypatch.undo()
    opening = events.from_json(lines[0])
    assert isinstance(opening, SessionOpened)
    older = tmp_path / "older.jsonl"  # a format 5 journal, without the mend
    older.write_text("\n".join([replace(opening, format=5).to_json(), *lines[1:3]]) + "\n")
    read, _ = read_journal(older)
    assert [type(e) for e in read] == [SessionOpened, AttendanceSet, AttendanceSet]
