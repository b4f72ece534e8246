"""Amendments voted (issue 15): an amendment recorded on a card is put to the vote like
the card (same method, labels, rule, attendance), corrected like a vote, and the final
vote is on the proposal as amended when one was adopted. The fold refuses what cannot
happen, each with its code."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from debate.error_words import Error
from debate.record.events import (
    AmendmentProposed,
    AmendmentVoted,
    Event,
    NoteEdited,
    NoteWithdrawn,
    Round,
    SessionOpened,
    VoteAttendanceCorrected,
    VoteCorrected,
    VoteRecorded,
    from_json,
)
from debate.record.minutes import render_minutes
from debate.record.results import build_results
from debate.record.state import InvalidEvent, replay
from tests.test_mends import at, opened

LABELS = ("Pour", "Contre", "Abstention")


def proposed(text: str = "Sauf les écoles", clock: str = "20:20") -> AmendmentProposed:
    return AmendmentProposed(at=at(clock), card="jardin", text=text)


def voted(counts: tuple[int, ...], amendment: int = 0, clock: str = "20:25") -> AmendmentVoted:
    return AmendmentVoted(
        at=at(clock),
        card="jardin",
        amendment=amendment,
        method="for-against-abstain",
        labels=LABELS,
        counts=counts,
        rule="majority-of-cast",
    )


def final(counts: tuple[int, ...], clock: str = "20:30") -> VoteRecorded:
    return VoteRecorded(
        at=at(clock),
        card="jardin",
        round=Round.FINAL,
        method="for-against-abstain",
        labels=LABELS,
        counts=counts,
        rule="majority-of-cast",
    )


def evening() -> list[Event]:
    """Two amendments: the first adopted 6-3-1, the second rejected 2-7-1, then the
    final vote 7-2-1 on the proposal as amended."""
    return [
        *opened(),
        proposed(),
        proposed("Dès 2027", "20:21"),
        voted((6, 3, 1)),
        voted((2, 7, 1), amendment=1, clock="20:27"),
        final((7, 2, 1)),
    ]


def test_an_amendment_vote_is_folded_on_the_attendance_in_force() -> None:
    state = replay(evening())
    record = state.card("jardin")
    assert set(record.amendment_votes) == {0, 1}
    first = record.amendment_votes[0]
    assert (first.counts, first.attendance, first.labels) == ((6, 3, 1), 10, LABELS)


def test_the_final_vote_is_on_the_proposal_as_amended_by_what_was_adopted() -> None:
    card = build_results(replay(evening()), None).cards[0]
    assert [(a.number, a.text, a.adopted) for a in card.amendment_votes] == [
        (1, "Sauf les écoles", True),
        (2, "Dès 2027", False),
    ]
    assert card.amended == (1,)


def test_a_corrected_amendment_vote_changes_whether_the_proposal_is_amended() -> None:
    fix = VoteCorrected(
        at=at("20:35"), card="jardin", round=Round.FINAL, counts=(3, 6, 1), amendment=0
    )
    card = build_results(replay([*evening(), fix]), None).cards[0]
    assert card.amended == ()
    first = card.amendment_votes[0].vote
    assert first.counts == (3, 6, 1)
    assert [(c.before, c.after) for c in first.corrections] == [((6, 3, 1), (3, 6, 1))]
    assert card.round(Round.FINAL).corrections == ()  # the card's own vote untouched


def test_an_amendment_vote_is_judged_again_on_a_mended_room() -> None:
    mend = VoteAttendanceCorrected(
        at=at("20:36"), card="jardin", round=Round.FINAL, attendance=12, amendment=1
    )
    record = replay([*evening(), mend]).card("jardin")
    assert record.amendment_votes[1].attendance == 12
    assert record.amendment_votes[1].corrections[0].rooms == (10, 12)
    assert record.votes[Round.FINAL].attendance == 10


@pytest.mark.parametrize(
    ("events", "error"),
    [
        ([*opened(), voted((6, 3, 1))], Error.NO_SUCH_AMENDMENT),
        ([*opened(), proposed(), voted((6, 3, 1), amendment=-1)], Error.NO_SUCH_AMENDMENT),
        (
            [
                *opened(),
                proposed(),
                NoteWithdrawn(card="jardin", note="amendment", index=0),
                voted((6, 3, 1)),
            ],
            Error.AMENDMENT_WITHDRAWN,
        ),
        (
            [*opened(), proposed(), voted((6, 3, 1)), voted((1, 1, 1))],
            Error.AMENDMENT_ALREADY_VOTED,
        ),
        ([*opened(), proposed(), final((6, 3, 1)), voted((6, 3, 1))], Error.AMENDMENT_AFTER_FINAL),
        ([*opened(), proposed(), voted((9, 3, 1))], Error.OVER_ATTENDANCE),
        (
            [
                *opened(),
                proposed(),
                VoteCorrected(card="jardin", round=Round.FINAL, counts=(1, 1, 1), amendment=0),
            ],
            Error.NO_AMENDMENT_VOTE,
        ),
        (
            [
                *opened(),
                proposed(),
                voted((6, 3, 1)),
                NoteWithdrawn(card="jardin", note="amendment", index=0),
            ],
            Error.AMENDMENT_VOTED,
        ),
    ],
)
def test_the_fold_refuses_an_impossible_amendment_vote(events: list[Event], error: Error) -> None:
    with pytest.raises(InvalidEvent) as caught:
        replay(events)
    assert caught.value.error is error


def test_a_voted_amendment_can_still_be_reworded() -> None:
    edit = NoteEdited(card="jardin", note="amendment", index=0, text="Sauf les écoles et crèches")
    card = build_results(replay([*evening(), edit]), None).cards[0]
    assert card.amendment_votes[0].text == "Sauf les écoles et crèches"


def test_amendment_events_round_trip_and_plain_corrections_stay_as_they_were() -> None:
    for event in (
        voted((6, 3, 1)),
        VoteCorrected(card="c", round=Round.FINAL, counts=(1, 2, 3), amendment=2),
    ):
        assert from_json(event.to_json()) == event
    plain = json.loads(VoteCorrected(card="c", round=Round.FINAL, counts=(1, 2, 3)).to_json())
    assert "amendment" not in plain  # an older debate reads it as it always did


def minutes(language: str, fmt: str = "txt") -> str:
    from debate.record.exports import render

    events = evening()
    first = events[0]
    assert isinstance(first, SessionOpened)
    events[0] = replace(first, language=language)
    return render(build_results(replay(events), None), fmt)


def test_the_french_minutes_say_the_proposal_is_amended_and_each_amendment_vote() -> None:
    text = minutes("fr")
    assert "Vote sur l’amendement 1 (à 20:25)" in text
    heading = text.index("Vote sur l’amendement 1")
    assert "Sauf les écoles" in text[heading:].splitlines()[1]  # its text under its heading
    assert "Vote sur l’amendement 2 (à 20:27)" in text
    assert "Vote final, sur la proposition amendée (à 20:30)" in text
    assert "Proposition amendée : par l’amendement 1 (adopté)" in text
    assert text.index("amendement 1 (à") < text.index("amendement 2 (à") < text.index("Vote final")
    assert "amendement 1     6       3      1  adoptée" in text.split("Tableau")[-1]


def test_the_english_minutes_and_markdown_say_it_too() -> None:
    text = minutes("en")
    assert "Vote on amendment 1 (at 20:25)" in text
    assert "Final vote, on the proposal as amended (at 20:30)" in text
    assert "Proposal amended: by amendment 1 (adopted)" in text
    md = minutes("en", "md")
    assert "### Vote on amendment 2 (at 20:27)" in md
    assert "Sauf les écoles" in md


def test_a_rejected_amendment_leaves_the_final_vote_on_the_proposal_as_written() -> None:
    events = [e for e in evening() if not (isinstance(e, AmendmentVoted) and e.amendment == 0)]
    text = render_minutes(replay(events), None)
    assert "Vote final (à 20:30)" in text and "amendée" not in text


def test_an_amendment_vote_corrected_is_in_the_corrections() -> None:
    fix = VoteCorrected(
        at=at("20:35"), card="jardin", round=Round.FINAL, counts=(3, 6, 1), amendment=0
    )
    text = render_minutes(replay([*evening(), fix]), None)
    assert "Vote sur l’amendement 1, corrigé à 20:35 : 6-3-1 -> 3-6-1" in text
