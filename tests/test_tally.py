"""For / against / abstain: outcomes under each rule, percentages, refusals, shifts."""

from __future__ import annotations

import pytest

from debate.record.tally import (
    Counts,
    Decision,
    Outcome,
    Percentages,
    Rule,
    Shift,
    VoteError,
    decide,
    shift,
)

CAST, TWO_THIRDS, PRESENT = Rule.MAJORITY_OF_CAST, Rule.TWO_THIRDS_OF_CAST, Rule.MAJORITY_OF_PRESENT
ADOPTED, REJECTED, TIE, NO_VOTES = Outcome.ADOPTED, Outcome.REJECTED, Outcome.TIE, Outcome.NO_VOTES


@pytest.mark.parametrize(
    ("for_", "against", "abstain", "rule", "attendance", "outcome"),
    [
        # Simple majority of cast: abstentions do not count.
        (5, 4, 0, CAST, 9, ADOPTED),
        (4, 5, 0, CAST, 9, REJECTED),
        (1, 0, 30, CAST, 40, ADOPTED),
        # Ties are never adopted, whatever the rule.
        (5, 5, 0, CAST, 10, TIE),
        (5, 5, 3, TWO_THIRDS, 13, TIE),
        (5, 5, 0, PRESENT, 10, TIE),
        # Nobody voted, or only abstentions.
        (0, 0, 0, CAST, 0, NO_VOTES),
        (0, 0, 0, CAST, 20, NO_VOTES),
        (0, 0, 7, CAST, 10, NO_VOTES),
        (0, 0, 7, TWO_THIRDS, 10, NO_VOTES),
        (0, 0, 7, PRESENT, 10, NO_VOTES),
        # Two thirds of cast: exactly 2/3 passes, just below fails.
        (2, 1, 0, TWO_THIRDS, 3, ADOPTED),
        (20, 10, 5, TWO_THIRDS, 40, ADOPTED),
        (19, 10, 0, TWO_THIRDS, 29, REJECTED),  # 65.5 %
        (66, 34, 0, TWO_THIRDS, 100, REJECTED),
        (67, 33, 0, TWO_THIRDS, 100, ADOPTED),
        (0, 1, 0, TWO_THIRDS, 1, REJECTED),
        # Majority of present: exactly half the room is not enough.
        (5, 0, 0, PRESENT, 10, REJECTED),
        (6, 0, 0, PRESENT, 10, ADOPTED),
        (5, 1, 0, PRESENT, 11, REJECTED),
        (6, 5, 0, PRESENT, 11, ADOPTED),
        (6, 1, 0, PRESENT, 13, REJECTED),  # a majority of cast, not of present
    ],
)
def test_outcome(
    for_: int, against: int, abstain: int, rule: Rule, attendance: int, outcome: Outcome
) -> None:
    assert decide(Counts(for_, against, abstain), rule, attendance).outcome is outcome


@pytest.mark.parametrize(
    ("counts", "rule", "attendance", "expected"),
    [
        # Of cast: for/against of for+against, abstain of all hands raised.
        (Counts(3, 1, 4), CAST, 10, Decision(ADOPTED, CAST, 4, Percentages(75.0, 25.0, 50.0), 2)),
        (
            Counts(2, 1, 1),
            TWO_THIRDS,
            4,
            Decision(ADOPTED, TWO_THIRDS, 3, Percentages(200 / 3, 100 / 3, 25.0), 0),
        ),
        # Of present: everything is a share of the attendance.
        (
            Counts(3, 1, 4),
            PRESENT,
            10,
            Decision(REJECTED, PRESENT, 10, Percentages(30.0, 10.0, 40.0), 2),
        ),
        # A base of 0 gives 0.0 everywhere, abstain included.
        (Counts(0, 0, 4), CAST, 5, Decision(NO_VOTES, CAST, 0, Percentages(0.0, 0.0, 0.0), 1)),
        (
            Counts(0, 0, 0),
            PRESENT,
            0,
            Decision(NO_VOTES, PRESENT, 0, Percentages(0.0, 0.0, 0.0), 0),
        ),
    ],
)
def test_decision(counts: Counts, rule: Rule, attendance: int, expected: Decision) -> None:
    assert decide(counts, rule, attendance) == expected


@pytest.mark.parametrize(
    ("counts", "attendance", "message"),
    [
        (Counts(5, 4, 2), 10, "11 votes for an attendance of 10: raise the attendance first"),
        (Counts(1, 0, 0), 0, "1 votes for an attendance of 0"),
        (Counts(0, 0, 0), -1, "attendance must be a whole number >= 0"),
        (Counts(0, 0, 0), 2.0, "attendance must be a whole number >= 0"),
    ],
)
def test_decide_refuses(counts: Counts, attendance: int, message: str) -> None:
    with pytest.raises(VoteError, match=message):
        decide(counts, CAST, attendance)


@pytest.mark.parametrize(
    "values",
    [(-1, 0, 0), (0, -1, 0), (0, 0, -3), (1.0, 0, 0), (0, "2", 0), (True, 0, 0), (0, 0, None)],
)
def test_counts_refused(values: tuple[object, object, object]) -> None:
    with pytest.raises(VoteError, match="counts must be whole numbers >= 0"):
        Counts(*values)  # type: ignore[arg-type]


def test_vote_error_is_a_value_error() -> None:
    assert issubclass(VoteError, ValueError)


def test_counts_totals() -> None:
    counts = Counts(3, 2, 4)
    assert (counts.cast, counts.total) == (5, 9)


@pytest.mark.parametrize(
    ("indicative", "final", "expected"),
    [
        (Counts(10, 10, 5), Counts(15, 5, 5), Shift(5, -5, 0, 25.0)),
        (Counts(3, 1, 0), Counts(3, 1, 6), Shift(0, 0, 6, 0.0)),
        (Counts(1, 3, 2), Counts(0, 4, 2), Shift(-1, 1, 0, -25.0)),
        # No share to move from or to.
        (Counts(0, 0, 4), Counts(3, 1, 0), Shift(3, 1, -4, None)),
        (Counts(3, 1, 0), Counts(0, 0, 0), Shift(-3, -1, 0, None)),
    ],
)
def test_shift(indicative: Counts, final: Counts, expected: Shift) -> None:
    assert shift(indicative, final) == expected
