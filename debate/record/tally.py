"""For / against / abstain by show of hands: which rule adopts a motion, and by how much."""

from __future__ import annotations

from debate.error_words import Error
from debate.records import record
from debate.told import Told
from debate.vocabulary import Outcome, Rule


class VoteError(Told, ValueError):
    """Counts that cannot be decided on: a code the chair's screen or paper words."""


def is_count(value: object) -> bool:
    """A whole number of hands, >= 0."""
    # bool is an int subclass, but True hands is a typo, not a count.
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@record(frozen=True)
class Counts:
    for_: int
    against: int
    abstain: int

    def __post_init__(self) -> None:
        if not all(is_count(v) for v in (self.for_, self.against, self.abstain)):
            raise VoteError(
                Error.TALLY_NOT_WHOLE, for_=self.for_, against=self.against, abstain=self.abstain
            )

    @property
    def cast(self) -> int:
        return self.for_ + self.against

    @property
    def total(self) -> int:
        return self.for_ + self.against + self.abstain


@record(frozen=True)
class Percentages:
    for_: float
    against: float
    abstain: float


@record(frozen=True)
class Decision:
    """What the rule made of the counts.

    `percentages` are in percent (0-100) of `base`:
    - of-cast rules: base = for + against; for and against are shares of it, and abstain
      is a share of all hands raised (for + against + abstain), since it is not part of
      the base;
    - majority-of-present: base = attendance; for, against and abstain all share it.
    They are 0.0 everywhere when the base is 0 (even abstain, when only abstentions).
    """

    outcome: Outcome
    rule: Rule
    base: int
    percentages: Percentages
    not_voted: int  # attendance - all hands raised


def _percent(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 0.0


def _adopted(counts: Counts, rule: Rule, attendance: int) -> bool:
    match rule:
        case Rule.MAJORITY_OF_CAST:
            return counts.for_ > counts.against
        case Rule.TWO_THIRDS_OF_CAST:
            # Integer arithmetic: no float rounding at exactly two thirds.
            return 3 * counts.for_ >= 2 * counts.cast and counts.for_ > 0
        case Rule.MAJORITY_OF_PRESENT:
            return 2 * counts.for_ > attendance


def decide(counts: Counts, rule: Rule, attendance: int) -> Decision:
    if not is_count(attendance):
        raise VoteError(Error.ATTENDANCE_NOT_WHOLE, attendance=attendance)
    if counts.total > attendance:
        raise VoteError(Error.VOTES_OVER, total=counts.total, attendance=attendance)
    if counts.cast == 0:
        outcome = Outcome.NO_VOTES
    elif counts.for_ == counts.against:
        outcome = Outcome.TIE
    else:
        outcome = Outcome.ADOPTED if _adopted(counts, rule, attendance) else Outcome.REJECTED
    base = attendance if rule is Rule.MAJORITY_OF_PRESENT else counts.cast
    abstain_of = base if rule is Rule.MAJORITY_OF_PRESENT else counts.total
    percentages = Percentages(
        for_=_percent(counts.for_, base),
        against=_percent(counts.against, base),
        abstain=_percent(counts.abstain, abstain_of) if base else 0.0,
    )
    return Decision(outcome, rule, base, percentages, not_voted=attendance - counts.total)


@record(frozen=True)
class Shift:
    """How the room moved between the indicative and the final vote (final - indicative)."""

    for_: int
    against: int
    abstain: int
    # Change in for / (for + against), in percentage points; None when either vote had
    # nobody for or against, as a share of nothing cannot move.
    for_share_points: float | None


def shift(indicative: Counts, final: Counts) -> Shift:
    points = None
    if indicative.cast and final.cast:
        points = _percent(final.for_, final.cast) - _percent(indicative.for_, indicative.cast)
    return Shift(
        for_=final.for_ - indicative.for_,
        against=final.against - indicative.against,
        abstain=final.abstain - indicative.abstain,
        for_share_points=points,
    )
