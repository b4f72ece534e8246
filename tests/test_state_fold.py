"""The fold behind `apply` and `replay`: linear in the events, and states stay frozen.

How long a replay takes is measured in bench/scale.py; here the test counts what made
it quadratic: a new state (and a copy of every card's record) built at every event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from test_journal import sessions

from debate.record import state as state_module
from debate.record.events import (
    AttendanceSet,
    CardShown,
    Event,
    RemarkMade,
    Round,
    SessionOpened,
    VoteCorrected,
    VoteRecorded,
)
from debate.record.state import InvalidEvent, SessionState, apply, replay

AT = "2026-03-01T20:05:00+01:00"


def long_meeting(cards: int) -> list[Event]:
    """A card shown, voted, corrected and remarked on, `cards` times, with the room changing."""
    events: list[Event] = [
        SessionOpened(
            at=AT,
            deck_title="t",
            deck_path="",
            deck_digest="",
            language="fr",
            place="Salle",
        ),
        AttendanceSet(at=AT, count=40),
    ]
    for n in range(cards):
        card = f"c{n}"
        events += [
            CardShown(at=AT, card=card),
            VoteRecorded(
                at=AT,
                card=card,
                round=Round.FINAL,
                method="for-against-abstain",
                labels=("Pour", "Contre", "Abstention"),
                counts=(1, 2, 3),
                rule="majority-of-cast",
            ),
            VoteCorrected(at=AT, card=card, round=Round.FINAL, counts=(2, 2, 3)),
            RemarkMade(at=AT, card="c0", text=f"remarque {n}"),  # one card's notes grow
            AttendanceSet(at=AT, count=40 + n % 2),
        ]
    return events


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """How many SessionState and CardRecord objects get built (replace() builds one too)."""
    counts = {"SessionState": 0, "CardRecord": 0}
    for name in counts:
        cls = getattr(state_module, name)
        real = cls.__init__

        def counting(self: Any, *args: Any, _real: Any = real, _of: str = name, **kw: Any) -> None:
            counts[_of] += 1
            _real(self, *args, **kw)

        monkeypatch.setattr(cls, "__init__", counting)
    yield counts


def test_a_replay_builds_the_frozen_state_once_not_at_every_event(
    built: dict[str, int],
) -> None:
    events = long_meeting(2000)
    final = replay(events)
    assert final.events == len(events)
    assert len(final.cards) == 2000
    assert len(final.card("c0").remarks) == 2000
    assert len(final.attendance_log) == 2001
    # Once for the empty start, once for the result: not once (or twice) per event.
    assert built["SessionState"] <= 2
    # One record per card, plus a default or two: not one per event touching a card.
    assert built["CardRecord"] <= 2000 + 3


def test_a_corrected_vote_keeps_every_earlier_value() -> None:
    events = long_meeting(1)
    events += [
        VoteCorrected(at=AT, card="c0", round=Round.FINAL, counts=(n, 0, 0)) for n in range(5)
    ]
    vote = replay(events).vote("c0", Round.FINAL)
    assert vote is not None
    assert vote.counts == (4, 0, 0)
    assert [c.after for c in vote.corrections] == [(2, 2, 3), *[(n, 0, 0) for n in range(5)]]
    assert vote.corrections[1].before == (2, 2, 3)


@settings(max_examples=60, deadline=None)
@given(sessions(max_events=40))
def test_earlier_states_never_change_and_apply_agrees_with_replay(events: list[Event]) -> None:
    states = [SessionState()]
    for event in events:
        states.append(apply(states[-1], event))
    frozen = [repr(s) for s in states]
    assert replay(events) == states[-1]
    for n in range(len(events) + 1):  # a replay of each prefix is the state kept for it
        assert replay(events[:n]) == states[n]
    assert [repr(s) for s in states] == frozen


def test_a_refused_event_leaves_the_state_as_it_was() -> None:
    events = long_meeting(2)
    before = replay(events)
    kept = repr(before)
    with pytest.raises(InvalidEvent):
        apply(before, VoteCorrected(at=AT, card="c1", round=Round.FINAL, counts=(99, 0, 0)))
    with pytest.raises(InvalidEvent):
        apply(before, RemarkMade(at=AT, card="", text="x"))
    assert repr(before) == kept
