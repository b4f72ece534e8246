"""Mends on the record (issue 15): a vote judged again on the right attendance, a note
reworded or withdrawn, a meeting reopened. Each is an event of its own, folded like the
others: nothing is deleted from the journal, and the minutes' corrections list each."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from debate.record.events import (
    AttendanceCorrected,
    AttendanceSet,
    CardShown,
    Event,
    NoteEdited,
    NoteWithdrawn,
    RemarkMade,
    Round,
    SessionClosed,
    SessionOpened,
    SessionReopened,
    VoteAttendanceCorrected,
    VoteCorrected,
    VoteRecorded,
    from_json,
)
from debate.record.exports import to_json
from debate.record.gathered import from_json as gathered_from_json
from debate.record.merge import merge_report
from debate.record.minutes import render_minutes
from debate.record.results import build_results
from debate.record.results_code import results_codes
from debate.record.state import InvalidEvent, SessionState, apply, replay

DAY = "2026-03-01T"


def at(clock: str) -> str:
    return f"{DAY}{clock}:00+01:00"


def opened(count: int = 10) -> list[Event]:
    return [
        SessionOpened(
            at=at("20:00"),
            deck_title="Budget",
            deck_path="",
            deck_digest="",
            language="fr",
            place="Salle des fêtes",
        ),
        AttendanceSet(at=at("20:00"), count=count),
        CardShown(at=at("20:01"), card="jardin"),
    ]


def vote(counts: tuple[int, ...], clock: str = "20:10") -> VoteRecorded:
    return VoteRecorded(
        at=at(clock),
        card="jardin",
        round=Round.INDICATIVE,
        method="for-against-abstain",
        labels=("Pour", "Contre", "Abstention"),
        counts=counts,
        rule="majority-of-present",
    )


def the_double_enter() -> list[Event]:
    """Issue 15's evening: 10 present, 200 typed for 2 and the attendance raised to 203,
    then put back to 10 and the counts corrected to 6-3-0."""
    return [
        *opened(),
        AttendanceSet(at=at("20:10"), count=203),
        vote((200, 3, 0)),
        AttendanceSet(at=at("20:12"), count=10),
        VoteCorrected(at=at("20:13"), card="jardin", round=Round.INDICATIVE, counts=(6, 3, 0)),
    ]


def minutes_of(events: list[Event]) -> str:
    return render_minutes(replay(events), None)


def test_a_vote_is_judged_again_on_the_attendance_it_was_taken_in() -> None:
    events = the_double_enter()
    before = replay(events).vote("jardin", Round.INDICATIVE)
    assert before is not None and before.attendance == 203  # the 6-3-0 fit the 203
    assert "sur 203" in minutes_of(events)
    mend = VoteAttendanceCorrected(
        at=at("20:14"), card="jardin", round=Round.INDICATIVE, attendance=10
    )
    state = replay([*events, mend])
    vote_ = state.vote("jardin", Round.INDICATIVE)
    assert vote_ is not None and (vote_.counts, vote_.attendance) == ((6, 3, 0), 10)
    assert vote_.corrections[-1].rooms == (203, 10)
    (res,) = build_results(state, None).cards[0].rounds
    assert res.not_voted == 1  # judged again: 10 present, 9 hands
    text = minutes_of([*events, mend])
    assert "sur 203" not in text and "1 sur 10" in text
    assert "Vote indicatif, corrigé à 20:14 : jugé sur 10 présents au lieu de 203" in text
    assert "200-3-0 -> 6-3-0" in text  # the counts' own correction is still there


def test_a_vote_cannot_be_judged_on_fewer_people_than_hands() -> None:
    state = replay(the_double_enter())
    with pytest.raises(InvalidEvent):
        apply(state, VoteAttendanceCorrected(card="jardin", round=Round.INDICATIVE, attendance=8))
    with pytest.raises(InvalidEvent):  # no such vote
        apply(state, VoteAttendanceCorrected(card="jardin", round=Round.FINAL, attendance=10))


def noted() -> list[Event]:
    return [
        *opened(),
        RemarkMade(at=at("20:20"), card="jardin", text="Qui arrose en aout ?"),
        RemarkMade(at=at("20:21"), card="jardin", text="Hors sujet"),
    ]


def test_a_note_reworded_or_withdrawn_keeps_its_old_text_in_the_corrections() -> None:
    events = [
        *noted(),
        NoteEdited(
            at=at("20:25"), card="jardin", note="remark", index=0, text="Qui arrose en août ?"
        ),
        NoteWithdrawn(at=at("20:26"), card="jardin", note="remark", index=1),
    ]
    state = replay(events)
    first, second = state.card("jardin").remarks
    assert (first.text, first.edits) == (
        "Qui arrose en août ?",
        ((at("20:25"), "Qui arrose en aout ?"),),
    )
    assert second.withdrawn == at("20:26") and second.text == "Hors sujet"
    text = " ".join(minutes_of(events).replace("\u00a0", " ").split())  # unwrapped
    remarks = text[text.index("Remarques de la salle") : text.index("Corrections")]
    assert "Qui arrose en août ?" in remarks and "Hors sujet" not in remarks
    assert (
        "Remarque de 20:20, reformulée à 20:25 : "
        "« Qui arrose en aout ? » -> « Qui arrose en août ? »" in text
    )
    assert "Remarque de 20:21, retirée à 20:26 : « Hors sujet »" in text


@pytest.mark.parametrize(
    "event",
    [
        NoteWithdrawn(card="jardin", note="remark", index=2),
        NoteWithdrawn(card="jardin", note="amendment", index=0),
        NoteWithdrawn(card="jardin", note="vote", index=0),
        NoteEdited(card="jardin", note="remark", index=0, text="   "),
        NoteEdited(card="jardin", note="remark", index=0, text="Qui arrose en aout ?"),
    ],
)
def test_a_mend_of_no_note_is_refused(event: Event) -> None:
    with pytest.raises(InvalidEvent):
        apply(replay(noted()), event)


def test_a_withdrawn_note_is_neither_withdrawn_again_nor_reworded() -> None:
    state = apply(replay(noted()), NoteWithdrawn(card="jardin", note="remark", index=0))
    for event in (
        NoteWithdrawn(card="jardin", note="remark", index=0),
        NoteEdited(card="jardin", note="remark", index=0, text="autre"),
    ):
        with pytest.raises(InvalidEvent):
            apply(state, event)


def test_a_meeting_closed_by_mistake_is_reopened_on_the_record() -> None:
    events = [*opened(), SessionClosed(at=at("21:40")), SessionReopened(at=at("21:42"))]
    state = replay(events)
    assert not state.finished and state.reopenings == ((at("21:40"), at("21:42")),)
    state = apply(state, vote((5, 3, 1), "21:45"))  # it takes votes again
    # In the meeting's correction log, with the other mends of the meeting.
    minutes = render_minutes(state, None)
    (line,) = [line for line in minutes.splitlines() if "rouverte" in line]
    assert line.split(":")[0].strip() == "Corrections"
    assert "close à 21:40 par erreur, rouverte à 21:42" in line
    with pytest.raises(InvalidEvent):
        apply(state, SessionReopened())  # not closed


def test_the_mends_read_back_from_their_journal_lines() -> None:
    for event in (
        VoteAttendanceCorrected(card="jardin", round=Round.FINAL, attendance=12),
        NoteEdited(card="jardin", note="amendment", index=3, text="x"),
        NoteWithdrawn(card="jardin", note="remark", index=0),
        SessionReopened(),
    ):
        assert from_json(event.to_json()) == event
    assert isinstance(SessionState(), SessionState)


# -- an attendance set by mistake ----------------------------------------------------------


def _mended_evening() -> list[Event]:
    """The double Enter's evening with the 203 itself put right: the second attendance set
    (entry 1) read 10, not 203, and the vote judged again on the 10."""
    return [
        *the_double_enter(),
        VoteAttendanceCorrected(
            at=at("20:14"), card="jardin", round=Round.INDICATIVE, attendance=10
        ),
        AttendanceCorrected(at=at("20:15"), entry=1, count=10),
    ]


def test_an_attendance_set_by_mistake_is_mended_in_the_log_not_deleted() -> None:
    events = the_double_enter()
    assert build_results(replay(events), None).most_present == 203  # the mistake shows
    state = replay(_mended_evening())
    assert state.attendance_log == ((at("20:00"), 10), (at("20:10"), 10), (at("20:12"), 10))
    assert state.attendance == 10
    (mend,) = state.attendance_mends
    assert (mend.set_at, mend.before, mend.after, mend.at) == (at("20:10"), 203, 10, at("20:15"))
    results = build_results(state, None)
    assert (results.most_present, results.attendance) == (10, 10)
    vote_ = state.vote("jardin", Round.INDICATIVE)
    assert vote_ is not None and vote_.attendance == 10  # its own mend, not this one's


def test_the_latest_attendance_mended_is_the_attendance_in_force() -> None:
    state = replay([*opened(), AttendanceSet(at=at("20:05"), count=120)])
    state = apply(state, AttendanceCorrected(at=at("20:06"), entry=1, count=12))
    assert state.attendance == 12
    with pytest.raises(InvalidEvent):  # 13 hands among the 12 now present
        apply(state, vote((13, 0, 0)))
    # An earlier entry mended leaves the attendance in force alone.
    state = apply(state, AttendanceCorrected(at=at("20:07"), entry=0, count=11))
    assert state.attendance == 12 and state.attendance_log[0] == (at("20:00"), 11)


@pytest.mark.parametrize(
    "event",
    [
        AttendanceCorrected(entry=2, count=10),  # only two entries: 0 and 1
        AttendanceCorrected(entry=-1, count=10),
        AttendanceCorrected(entry=1, count=-3),
        AttendanceCorrected(entry=1, count=203),  # it already reads so
    ],
)
def test_a_mend_of_no_attendance_is_refused(event: Event) -> None:
    state = replay(the_double_enter()[:4])
    with pytest.raises(InvalidEvent):
        apply(state, event)


def test_the_minutes_give_the_mended_attendance_and_log_the_mend() -> None:
    before = minutes_of(the_double_enter())
    assert "203 présents au plus" in before
    text = minutes_of(_mended_evening()).replace("\u00a0", " ")
    head = text[: text.index("Fiche jardin")]
    assert "203 présents" not in text and "Présence :    10 présents\n" in head
    assert "Corrections : présence de 20:10, corrigée à 20:15 : 203 -> 10\n" in text
    assert "à 20:10 : 10\n" in text
    first, *rest = _mended_evening()
    english = render_minutes(replay([replace(first, language="en"), *rest]), None)
    assert "Corrections: attendance of 20:10, corrected at 20:15: 203 -> 10" in english


def test_exports_and_merge_carry_the_mended_attendance(tmp_path: Path) -> None:
    results = build_results(replay(_mended_evening()), None)
    data = json.loads(to_json(results))
    assert [c["count"] for c in data["attendance"]["changes"]] == [10, 10, 10]
    assert data["attendance"]["corrections"] == [
        {"at": at("20:15"), "set_at": at("20:10"), "before": 203, "after": 10}
    ]
    assert gathered_from_json(to_json(results), "x.json").most_present == 10
    assert "|10-10|" in results_codes(results)[0]
    report = merge_report([results])
    assert "203" not in report and ": 10 présents" in report
    # Through `debate merge` on the journal itself, read back from the file.
    journal = tmp_path / "mended.jsonl"
    journal.write_text("".join(e.to_json() + "\n" for e in _mended_evening()), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "debate", "merge", str(journal)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "203" not in done.stdout and ": 10 présents" in done.stdout


def test_the_attendance_mend_reads_back_from_its_journal_line() -> None:
    event = AttendanceCorrected(at=at("20:15"), entry=1, count=10)
    line = event.to_json()
    assert json.loads(line) == {
        "type": "attendance-corrected",
        "at": at("20:15"),
        "entry": 1,
        "count": 10,
    }
    assert from_json(line) == event
