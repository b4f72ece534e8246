"""What Enter in the vote window means, decided without a screen.

The window asks the same question each time the facilitator presses Enter: record, ask
first, or refuse? The answer depends on the counts, the room the vote is judged on, and
what the facilitator has already been asked (and so confirmed by pressing Enter again).
Kept here so that the rules are unit tests, and so that the screen only shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from debate.deck.model import VoteSpec
from debate.record.events import NO_AMENDMENT, Event, VoteAttendanceCorrected, VoteCorrected
from debate.record.state import InvalidEvent, SessionState, Vote, apply
from debate.vocabulary import Method, Round, Ungraded


class Verdict(StrEnum):
    RECORD = "record"  # record it (raising the attendance first if `raise_to`)
    UNCHANGED = "unchanged"  # a recorded vote reopened and left as it was: nothing to do
    CONFIRM_EMPTY = "confirm-empty"  # nobody raised a hand: ask before recording
    OFFER_RAISE = "offer-raise"  # more hands than people: say which key raises the attendance
    REFUSED = "refused"  # cannot be recorded as typed; `code` says why


@dataclass(frozen=True)
class VoteCheck:
    verdict: Verdict
    total: int
    room: int  # the attendance the counts are measured against
    code: str = ""  # for REFUSED: the key of the message that explains it
    raise_to: int | None = None  # for OFFER_RAISE and RECORD: the attendance to set first


@dataclass(frozen=True)
class Asked:
    """What the facilitator has been asked since the counts last changed: pressing Enter
    again after "nobody raised a hand?" is the answer yes. Never for more hands than
    people: a second Enter, pressed quickly, once raised the attendance from 10 to 203 on
    a mistyped count; raising it takes its own key (`raising`)."""

    empty: bool = False


def check_vote(
    spec: VoteSpec,
    counts: tuple[int, ...],
    *,
    vote_room: int,
    room_now: int,
    existing: tuple[int, ...] | None = None,
    asked: Asked = Asked(),
    raising: bool = False,
) -> VoteCheck:
    """The verdict on `counts` for a vote on `spec`.

    `vote_room` is the attendance the vote is judged on (for a correction, the room its
    vote was taken in); `room_now` the attendance in force. A correction's counts may fit
    either: the vote's room was miscounted too (debate.record.state judges it so).
    `raising`: the facilitator pressed the key that raises the attendance to the count,
    the only way more hands than people are recorded."""
    total = sum(counts)
    if existing is not None and counts == existing:
        return VoteCheck(Verdict.UNCHANGED, total, vote_room)
    if total == 0 and not asked.empty:
        return VoteCheck(Verdict.CONFIRM_EMPTY, total, vote_room)
    everyone_grades = spec.method is Method.MAJORITY_JUDGMENT and spec.ungraded is Ungraded.REFUSE
    largest = max(vote_room, room_now)
    if everyone_grades and total not in (vote_room, room_now) and total <= largest:
        return VoteCheck(Verdict.REFUSED, total, vote_room, code="mj_total")
    if total > largest:  # only then is the attendance raised
        if not raising:
            return VoteCheck(Verdict.OFFER_RAISE, total, largest, raise_to=total)
        return VoteCheck(Verdict.RECORD, total, largest, raise_to=total)
    if raising:  # a stray `a` must not record a vote that nobody confirmed
        return VoteCheck(Verdict.REFUSED, total, vote_room, code="nothing_to_raise")
    return VoteCheck(Verdict.RECORD, total, vote_room)


def voted_on(
    state: SessionState, card: str, round_: Round, amendment: int | None = None
) -> Vote | None:
    """The recorded vote on the card's `round_`, or on its amendment `amendment`."""
    if amendment is None:
        return state.vote(card, round_)
    return state.card(card).amendment_votes.get(amendment)


def correction_events(
    state: SessionState,
    card: str,
    round_: Round,
    counts: tuple[int, ...],
    room: int,
    amendment: int | None = None,
) -> list[Event]:
    """The events that correct a recorded vote to `counts`, judged on `room` present, in
    an order the record takes: the room first when the old counts fit it (a room raised),
    else the counts first (203 brought back to 10 once the 200 is corrected to 6). Empty
    when nothing changes."""
    vote = voted_on(state, card, round_, amendment)
    if vote is None:
        return []
    which = NO_AMENDMENT if amendment is None else amendment
    fixed = VoteCorrected(card=card, round=round_, counts=counts, amendment=which)
    judged = VoteAttendanceCorrected(card=card, round=round_, attendance=room, amendment=which)
    orders: list[list[Event]] = [[judged, fixed], [fixed, judged]]
    for order in orders:
        wanted: list[Event] = []
        after = state
        try:
            for event in order:
                now = voted_on(after, card, round_, amendment)
                if isinstance(event, VoteAttendanceCorrected):
                    changed = now is not None and now.attendance != room
                else:
                    changed = counts != vote.counts
                if changed:
                    after = apply(after, event)
                    wanted.append(event)
        except InvalidEvent:
            continue
        return wanted
    return [fixed, judged]  # refused either way: the record says why


def recorded_spec(vote: Vote) -> VoteSpec:
    """How a recorded vote was taken: a correction is counted on its method and labels,
    even when the deck changed since (a card switched to majority judgment), since the
    record judges the corrected counts on them."""
    try:
        ungraded = Ungraded(vote.ungraded)
    except ValueError:  # a journal from elsewhere: the record's own checks still apply
        ungraded = Ungraded.REFUSE
    if vote.method == Method.MAJORITY_JUDGMENT.value:
        return VoteSpec(Method.MAJORITY_JUDGMENT, grades=vote.labels, ungraded=ungraded)
    return VoteSpec(Method.FOR_AGAINST_ABSTAIN, choices=vote.labels, ungraded=ungraded)
