"""A session's state is the fold of its events: `apply` is the only way it changes.

`apply` refuses an impossible event (InvalidEvent) before anything is written, so the
journal only ever holds events that applied; replaying it rebuilds the same state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from debate.error_words import ROUND_NAME, Error
from debate.record.events import (
    NO_AMENDMENT,
    NOTE_KINDS,
    AmendmentProposed,
    AmendmentVoted,
    AttendanceCorrected,
    AttendanceSet,
    CardShown,
    Event,
    NoteEdited,
    NoteWithdrawn,
    RemarkMade,
    SessionClosed,
    SessionOpened,
    SessionReopened,
    TimerUsed,
    VoteAttendanceCorrected,
    VoteCorrected,
    VoteRecorded,
)
from debate.record.majority import check_total
from debate.record.tally import VoteError, is_count
from debate.records import record
from debate.said import Said
from debate.told import Told
from debate.vocabulary import Method, Round, Ungraded

MJ, FAA = Method.MAJORITY_JUDGMENT, Method.FOR_AGAINST_ABSTAIN


class InvalidEvent(Told, ValueError):
    """An event that cannot apply to this state: a code the facilitator's screen words."""


@record(frozen=True)
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


@record(frozen=True)
class Correction:
    """One mend of a vote: its counts (`before` -> `after`), or, when `rooms` is set, the
    attendance it is judged on (rooms[0] -> rooms[1], the counts unchanged)."""

    before: tuple[int, ...]
    after: tuple[int, ...]
    at: str
    rooms: tuple[int, int] | None = None


@record(frozen=True)
class AttendanceMend:
    """An attendance set by mistake, put right: the one set at `set_at` read `before`,
    and reads `after` since `at`."""

    set_at: str
    before: int
    after: int
    at: str


@record(frozen=True)
class Note:
    text: str  # as it reads now
    at: str  # when it was made
    edits: tuple[tuple[str, str], ...] = ()  # (when, the text it had before), oldest first
    withdrawn: str | None = None  # when it was taken back

    @property
    def standing(self) -> bool:
        return self.withdrawn is None


@record(frozen=True)
class CardRecord:
    shown: bool = False
    votes: Mapping[Round, Vote] = field(default_factory=lambda: MappingProxyType({}))
    remarks: tuple[Note, ...] = ()
    amendments: tuple[Note, ...] = ()
    spoken: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    # The votes on amendments, by the amendment's index in `amendments`.
    amendment_votes: Mapping[int, Vote] = field(default_factory=lambda: MappingProxyType({}))

    def vote(self, round_: Round) -> Vote | None:
        return self.votes.get(round_)


@record(frozen=True)
class SessionState:
    opened: SessionOpened | None = None
    attendance: int = 0
    attendance_log: tuple[tuple[str, int], ...] = ()  # (time, count), every change, mended
    attendance_mends: tuple[AttendanceMend, ...] = ()  # each attendance set by mistake
    cards: Mapping[str, CardRecord] = field(default_factory=lambda: MappingProxyType({}))
    order: tuple[str, ...] = ()  # card ids in the order they were first touched
    current: str | None = None  # the card on screen last
    closed_at: str | None = None
    reopenings: tuple[tuple[str, str], ...] = ()  # (closed at, reopened at), each mistake
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
    fold = Fold(state)
    fold.add(event)
    return fold.state()


def replay(events: Iterable[Event]) -> SessionState:
    fold = Fold()
    for event in events:
        fold.add(event)
    return fold.state()


_NO_RECORD = CardRecord()  # frozen: one for every card not touched yet


@dataclass
class _OpenCard:
    """A card's record while a fold changes it: lists and dicts, appended in place."""

    shown: bool
    votes: dict[Round, Vote]
    remarks: list[Note]
    amendments: list[Note]
    spoken: dict[str, int]
    amendment_votes: dict[int, Vote]
    # Each vote's corrections, appended here (by round, or by amendment index): `votes`
    # keeps their counts in force, and their own `corrections` are brought up to date
    # when frozen.
    corrections: dict[Round | int, list[Correction]]

    @classmethod
    def of(cls, record: CardRecord) -> _OpenCard:
        return cls(
            record.shown,
            dict(record.votes),
            list(record.remarks),
            list(record.amendments),
            dict(record.spoken),
            dict(record.amendment_votes),
            {},
        )

    def correct(self, key: Round | int, old: Vote, fixed: Vote, correction: Correction) -> None:
        log = self.corrections.setdefault(key, list(old.corrections))
        log.append(correction)
        if isinstance(key, Round):
            self.votes[key] = fixed
        else:
            self.amendment_votes[key] = fixed

    def frozen(self) -> CardRecord:
        def mended(key: Round | int, vote: Vote) -> Vote:
            if key not in self.corrections:
                return vote
            return replace(vote, corrections=tuple(self.corrections[key]))

        return CardRecord(
            self.shown,
            MappingProxyType({k: mended(k, v) for k, v in self.votes.items()}),
            tuple(self.remarks),
            tuple(self.amendments),
            MappingProxyType(dict(self.spoken)),
            MappingProxyType({k: mended(k, v) for k, v in self.amendment_votes.items()}),
        )


class Fold:
    """The rules of `apply`, applied in place so that replaying n events takes time in
    proportion to n: copying the frozen state at every event made a replay quadratic.

    Nothing mutable leaves it: `state()` hands out a frozen SessionState of its own, which
    later events never change. An event refused with InvalidEvent changes nothing."""

    def __init__(self, start: SessionState | None = None) -> None:
        start = start or SessionState()
        self.opened = start.opened
        self.attendance = start.attendance
        self.attendance_log = list(start.attendance_log)
        self.attendance_mends = list(start.attendance_mends)
        self.cards: dict[str, CardRecord] = dict(start.cards)  # frozen, as they came
        self.changed: dict[str, _OpenCard] = {}  # those changed since, being built
        self.order = list(start.order)
        self.current = start.current
        self.closed_at = start.closed_at
        self.reopenings = list(start.reopenings)
        self.events = start.events

    def state(self) -> SessionState:
        cards = {**self.cards, **{cid: card.frozen() for cid, card in self.changed.items()}}
        return SessionState(
            opened=self.opened,
            attendance=self.attendance,
            attendance_log=tuple(self.attendance_log),
            attendance_mends=tuple(self.attendance_mends),
            cards=MappingProxyType(cards),
            order=tuple(self.order),
            current=self.current,
            closed_at=self.closed_at,
            reopenings=tuple(self.reopenings),
            events=self.events,
        )

    def _record(self, card: str) -> CardRecord | _OpenCard:
        """What is known of `card`, for reading."""
        return self.changed.get(card) or self.cards.get(card) or _NO_RECORD

    def _open(self, card: str) -> _OpenCard:
        """`card`'s record, to change; every check must have passed before this."""
        if not card:
            raise InvalidEvent(Error.NO_CARD)
        found = self.changed.get(card)
        if found is None:
            if card not in self.cards:
                self.order.append(card)
            found = self.changed[card] = _OpenCard.of(self.cards.get(card, _NO_RECORD))
        return found

    def add(self, event: Event) -> None:
        """Apply `event`, or InvalidEvent saying why it cannot happen (nothing changed)."""
        if self.opened is None and not isinstance(event, SessionOpened):
            raise InvalidEvent(Error.NOT_OPENED)
        if self.closed_at is not None and not isinstance(event, SessionReopened):
            raise InvalidEvent(Error.SESSION_CLOSED)
        match event:
            case SessionOpened():
                if self.opened is not None:
                    raise InvalidEvent(Error.ALREADY_OPEN)
                self.opened = event
            case AttendanceSet(count=count):
                if not is_count(count):
                    raise InvalidEvent(Error.BAD_ATTENDANCE)
                self.attendance = count
                self.attendance_log.append((event.at, count))
            case AttendanceCorrected():
                self._mend_attendance(event)
            case CardShown(card=card):
                self._open(card).shown = True
                self.current = card
            case VoteRecorded():
                self._vote(event)
            case AmendmentVoted():
                self._vote_amendment(event)
            case VoteCorrected():
                self._correct(event)
            case RemarkMade() | AmendmentProposed():
                if not event.text.strip():
                    raise InvalidEvent(Error.EMPTY_NOTE)
                note = Note(event.text.strip(), event.at)
                record = self._open(event.card)
                notes = record.remarks if isinstance(event, RemarkMade) else record.amendments
                notes.append(note)
            case TimerUsed(side=side, seconds=seconds):
                if side not in ("for", "against") or not is_count(seconds):
                    raise InvalidEvent(Error.BAD_TURN)
                spoken = self._open(event.card).spoken
                spoken[side] = spoken.get(side, 0) + seconds
            case VoteAttendanceCorrected():
                self._judge_again(event)
            case NoteEdited() | NoteWithdrawn():
                self._mend_note(event)
            case SessionClosed():
                self.closed_at = event.at
            case SessionReopened():
                if self.closed_at is None:
                    raise InvalidEvent(Error.NOT_CLOSED)
                self.reopenings.append((self.closed_at, event.at))
                self.closed_at = None
            case _:
                raise InvalidEvent(Error.UNKNOWN_EVENT, kind=type(event).__name__)
        self.events += 1

    def _vote(self, event: VoteRecorded) -> None:
        if event.round in self._record(event.card).votes:
            raise InvalidEvent(Error.VOTE_ALREADY_RECORDED, round=_named(event.round))
        vote = self._taken(event, event.round)
        self._open(event.card).votes[event.round] = vote

    def _taken(self, event: VoteRecorded | AmendmentVoted, round_: Round) -> Vote:
        """The vote `event` records, checked, on the attendance in force."""
        if event.method not in (MJ, FAA) or (event.method == FAA and len(event.labels) != 3):
            raise InvalidEvent(Error.BAD_METHOD, method=event.method)
        vote = Vote(
            event.card,
            round_,
            event.method,
            event.labels,
            event.counts,
            event.rule,
            event.ungraded,
            event.at,
            self.attendance,
        )
        _check_counts(vote, event.counts, self.attendance)
        return vote

    def _vote_amendment(self, event: AmendmentVoted) -> None:
        """An amendment is voted while it stands, once, and before the final vote: the
        final vote is on the proposal as amended, or not."""
        found = self._record(event.card)
        number = event.amendment + 1
        if not 0 <= event.amendment < len(found.amendments):
            raise InvalidEvent(Error.NO_SUCH_AMENDMENT, number=number, card=event.card)
        if not found.amendments[event.amendment].standing:
            raise InvalidEvent(Error.AMENDMENT_WITHDRAWN, number=number)
        if event.amendment in found.amendment_votes:
            raise InvalidEvent(Error.AMENDMENT_ALREADY_VOTED, number=number)
        if Round.FINAL in found.votes:
            raise InvalidEvent(Error.AMENDMENT_AFTER_FINAL)
        vote = self._taken(event, Round.FINAL)
        self._open(event.card).amendment_votes[event.amendment] = vote

    def _voted(self, event: VoteCorrected | VoteAttendanceCorrected) -> tuple[Round | int, Vote]:
        """The vote a correction mends (a round's, or an amendment's), with its key."""
        found = self._record(event.card)
        if event.amendment != NO_AMENDMENT:
            vote = found.amendment_votes.get(event.amendment)
            if vote is None:
                raise InvalidEvent(
                    Error.NO_AMENDMENT_VOTE, number=event.amendment + 1, card=event.card
                )
            return event.amendment, vote
        old = found.votes.get(event.round)
        if old is None:
            raise InvalidEvent(Error.NOTHING_TO_CORRECT, round=_named(event.round), card=event.card)
        return event.round, old

    def _correct(self, event: VoteCorrected) -> None:
        key, old = self._voted(event)
        room = _correction_room(self.opened, self.attendance, old, event.counts)
        _check_counts(old, event.counts, room)
        fixed = replace(old, counts=event.counts, attendance=room)
        correction = Correction(old.counts, event.counts, event.at)
        self._open(event.card).correct(key, old, fixed, correction)

    def _judge_again(self, event: VoteAttendanceCorrected) -> None:
        key, old = self._voted(event)
        if not is_count(event.attendance):
            raise InvalidEvent(Error.BAD_ATTENDANCE)
        if event.attendance == old.attendance:
            raise InvalidEvent(Error.ALREADY_JUDGED_ON, attendance=old.attendance)
        _check_counts(old, old.counts, event.attendance)
        fixed = replace(old, attendance=event.attendance)
        rooms = (old.attendance, event.attendance)
        correction = Correction(old.counts, old.counts, event.at, rooms=rooms)
        self._open(event.card).correct(key, old, fixed, correction)

    def _mend_attendance(self, event: AttendanceCorrected) -> None:
        """An entry of the attendance log reads the right count; the latest is also the
        attendance in force. Votes keep the room they were judged on."""
        log = self.attendance_log
        if not is_count(event.entry) or event.entry >= len(log):
            raise InvalidEvent(Error.NO_SUCH_ATTENDANCE, number=event.entry + 1)
        if not is_count(event.count):
            raise InvalidEvent(Error.BAD_ATTENDANCE)
        set_at, before = log[event.entry]
        if event.count == before:
            raise InvalidEvent(Error.ATTENDANCE_UNCHANGED, count=before)
        log[event.entry] = (set_at, event.count)
        if event.entry == len(log) - 1:
            self.attendance = event.count
        self.attendance_mends.append(AttendanceMend(set_at, before, event.count, event.at))

    def _mend_note(self, event: NoteEdited | NoteWithdrawn) -> None:
        if event.note not in NOTE_KINDS:
            raise InvalidEvent(Error.NOTE_KIND, kinds=", ".join(NOTE_KINDS))
        found = self._record(event.card)
        notes = found.remarks if event.note == "remark" else found.amendments
        if not 0 <= event.index < len(notes):
            raise InvalidEvent(
                Error.NO_SUCH_NOTE, note=event.note, number=event.index + 1, card=event.card
            )
        note = notes[event.index]
        if not note.standing:
            raise InvalidEvent(Error.NOTE_WITHDRAWN, note=event.note)
        voted = event.note == "amendment" and event.index in found.amendment_votes
        if voted and isinstance(event, NoteWithdrawn):  # the room decided on it
            raise InvalidEvent(Error.AMENDMENT_VOTED, number=event.index + 1)
        if isinstance(event, NoteEdited):
            text = event.text.strip()
            if not text:
                raise InvalidEvent(Error.EMPTY_NOTE_EDIT)
            if text == note.text:
                raise InvalidEvent(Error.NOTE_UNCHANGED)
            mended = replace(note, text=text, edits=(*note.edits, (event.at, note.text)))
        else:
            mended = replace(note, withdrawn=event.at)
        record = self._open(event.card)
        (record.remarks if event.note == "remark" else record.amendments)[event.index] = mended


def _correction_room(
    opened: SessionOpened | None, attendance: int, old: Vote, counts: tuple[int, ...]
) -> int:
    """The attendance a corrected vote is judged on.

    Journal format 2: the room the vote was taken in, when the new counts fit it; if not,
    the room was miscounted too, and the attendance now in force (raised since, or lowered
    for a majority judgment where everyone grades). Format 1 journals, written before,
    judged a correction on the attendance in force when it was made: they replay as their
    minutes were printed then."""
    if opened is None or opened.format < 2:
        return attendance
    total = sum(counts)
    everyone_grades = old.method == MJ and old.ungraded != Ungraded.LOWEST
    fits = total == old.attendance if everyone_grades else total <= old.attendance
    return old.attendance if fits else attendance


def _check_counts(vote: Vote, counts: tuple[int, ...], attendance: int) -> None:
    if len(counts) != len(vote.labels):
        raise InvalidEvent(Error.COUNTS_EXPECTED, expected=len(vote.labels), got=len(counts))
    if not all(is_count(c) for c in counts):
        raise InvalidEvent(Error.COUNTS_NOT_WHOLE)
    total = sum(counts)
    if vote.method == MJ and vote.ungraded != Ungraded.LOWEST:
        try:
            check_total(counts, attendance)
        except VoteError as exc:
            raise InvalidEvent(exc.error, **exc.params) from None
    elif total > attendance:
        raise InvalidEvent(Error.OVER_ATTENDANCE, total=total, attendance=attendance)


def _named(round_: str) -> Said | str:
    """A round's name in the refusal's language; a journal's unknown round as written."""
    return ROUND_NAME.get(round_, round_)
