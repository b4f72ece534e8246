"""A session's state is the fold of its events: `apply` is the only way it changes.

`apply` refuses an impossible event (InvalidEvent) before anything is written, so the
journal only ever holds events that applied; replaying it rebuilds the same state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from debate.record.events import (
    AmendmentProposed,
    AttendanceSet,
    CardShown,
    Event,
    RemarkMade,
    SessionClosed,
    SessionOpened,
    TimerUsed,
    VoteCorrected,
    VoteRecorded,
)
from debate.record.majority import check_total
from debate.record.tally import VoteError, is_count
from debate.vocabulary import Method, Round, Ungraded

MJ, FAA = Method.MAJORITY_JUDGMENT, Method.FOR_AGAINST_ABSTAIN


class InvalidEvent(ValueError):
    """An event that cannot apply to this state; the message is for the facilitator."""


@dataclass(frozen=True)
class Vote:
    """The counts in force for one card and round, with every earlier value kept, and the
    attendance they are judged on: the room's when the vote was taken, so that people
    arriving or leaving later never change an outcome already announced."""

    card: str
    round: Round
    method: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    rule: str
    ungraded: str
    at: str
    attendance: int
    corrections: tuple[Correction, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Correction:
    before: tuple[int, ...]
    after: tuple[int, ...]
    at: str


@dataclass(frozen=True)
class Note:
    text: str
    at: str


@dataclass(frozen=True)
class CardRecord:
    shown: bool = False
    votes: Mapping[Round, Vote] = field(default_factory=lambda: MappingProxyType({}))
    remarks: tuple[Note, ...] = ()
    amendments: tuple[Note, ...] = ()
    spoken: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def vote(self, round_: Round) -> Vote | None:
        return self.votes.get(round_)


@dataclass(frozen=True)
class SessionState:
    opened: SessionOpened | None = None
    attendance: int = 0
    attendance_log: tuple[tuple[str, int], ...] = ()  # (time, count), every change
    cards: Mapping[str, CardRecord] = field(default_factory=lambda: MappingProxyType({}))
    order: tuple[str, ...] = ()  # card ids in the order they were first touched
    current: str | None = None  # the card on screen last
    closed_at: str | None = None
    events: int = 0

    @property
    def finished(self) -> bool:
        return self.closed_at is not None

    def card(self, card_id: str) -> CardRecord:
        return self.cards.get(card_id, CardRecord())

    def vote(self, card_id: str, round_: Round) -> Vote | None:
        return self.card(card_id).vote(round_)

    @property
    def voted(self) -> tuple[str, ...]:
        return tuple(cid for cid in self.order if self.cards[cid].votes)


def apply(state: SessionState, event: Event) -> SessionState:
    """The state after `event`, or InvalidEvent saying why it cannot happen."""
    if state.opened is None and not isinstance(event, SessionOpened):
        raise InvalidEvent("a session starts with session-opened")
    if state.finished:
        raise InvalidEvent("this session is closed")
    state = replace(state, events=state.events + 1)
    match event:
        case SessionOpened():
            if state.opened is not None:
                raise InvalidEvent("the session is already open")
            return replace(state, opened=event)
        case AttendanceSet(count=count):
            if not is_count(count):
                raise InvalidEvent("the attendance must be a whole number >= 0")
            return replace(
                state, attendance=count, attendance_log=(*state.attendance_log, (event.at, count))
            )
        case CardShown(card=card):
            record = replace(state.card(card), shown=True)
            return replace(_with_card(state, card, record), current=card)
        case VoteRecorded():
            record = state.card(event.card)
            if event.method not in (MJ, FAA) or (event.method == FAA and len(event.labels) != 3):
                raise InvalidEvent(f"unknown vote method {event.method!r} or wrong labels")
            if event.round in record.votes:
                raise InvalidEvent(f"the {event.round} vote is already recorded: correct it")
            vote = Vote(
                event.card,
                event.round,
                event.method,
                event.labels,
                event.counts,
                event.rule,
                event.ungraded,
                event.at,
                state.attendance,
            )
            _check_counts(vote, event.counts, state.attendance)
            votes = MappingProxyType({**record.votes, event.round: vote})
            return _with_card(state, event.card, replace(record, votes=votes))
        case VoteCorrected():
            record = state.card(event.card)
            old = record.vote(event.round)
            if old is None:
                raise InvalidEvent(f"no {event.round} vote to correct on {event.card}")
            room = _correction_room(state, old, event.counts)
            _check_counts(old, event.counts, room)
            fixed = replace(
                old,
                counts=event.counts,
                attendance=room,
                corrections=(*old.corrections, Correction(old.counts, event.counts, event.at)),
            )
            votes = MappingProxyType({**record.votes, event.round: fixed})
            return _with_card(state, event.card, replace(record, votes=votes))
        case RemarkMade() | AmendmentProposed():
            if not event.text.strip():
                raise InvalidEvent("an empty note")
            record = state.card(event.card)
            note = Note(event.text.strip(), event.at)
            if isinstance(event, RemarkMade):
                record = replace(record, remarks=(*record.remarks, note))
            else:
                record = replace(record, amendments=(*record.amendments, note))
            return _with_card(state, event.card, record)
        case TimerUsed(side=side, seconds=seconds):
            if side not in ("for", "against") or not is_count(seconds):
                raise InvalidEvent("a timer turn is 'for' or 'against', in whole seconds")
            record = state.card(event.card)
            spoken = MappingProxyType({**record.spoken, side: record.spoken.get(side, 0) + seconds})
            return _with_card(state, event.card, replace(record, spoken=spoken))
        case SessionClosed():
            return replace(state, closed_at=event.at)
    raise InvalidEvent(f"unknown event {type(event).__name__}")


def replay(events: list[Event]) -> SessionState:
    state = SessionState()
    for event in events:
        state = apply(state, event)
    return state


def _with_card(state: SessionState, card: str, record: CardRecord) -> SessionState:
    if not card:
        raise InvalidEvent("an event about no card")
    order = state.order if card in state.cards else (*state.order, card)
    return replace(state, cards=MappingProxyType({**state.cards, card: record}), order=order)


def _correction_room(state: SessionState, old: Vote, counts: tuple[int, ...]) -> int:
    """The attendance a corrected vote is judged on.

    Journal format 2: the room the vote was taken in, when the new counts fit it; if not,
    the room was miscounted too, and the attendance now in force (raised since, or lowered
    for a majority judgment where everyone grades). Format 1 journals, written before,
    judged a correction on the attendance in force when it was made: they replay as their
    minutes were printed then."""
    opened = state.opened
    if opened is None or opened.format < 2:
        return state.attendance
    total = sum(counts)
    everyone_grades = old.method == MJ and old.ungraded != Ungraded.LOWEST
    fits = total == old.attendance if everyone_grades else total <= old.attendance
    return old.attendance if fits else state.attendance


def _check_counts(vote: Vote, counts: tuple[int, ...], attendance: int) -> None:
    if len(counts) != len(vote.labels):
        raise InvalidEvent(f"{len(vote.labels)} counts expected, got {len(counts)}")
    if not all(is_count(c) for c in counts):
        raise InvalidEvent("counts must be whole numbers >= 0")
    total = sum(counts)
    if vote.method == MJ and vote.ungraded != Ungraded.LOWEST:
        try:
            check_total(counts, attendance)
        except VoteError as exc:
            raise InvalidEvent(str(exc)) from None
    elif total > attendance:
        raise InvalidEvent(f"{total} votes for an attendance of {attendance}: raise it first")
