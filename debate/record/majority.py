"""Majority judgment by show of hands (Balinski & Laraki). Grade counts are best first.

Tallying follows MieuxVoter's majority-judgment-library-python
(majority_judgment/__init__.py: median_grade, compute_majority_values): a proposal's
majority value is its sequence of successive lower medians, each taken after removing one
vote at the previous median, and proposals compare lexicographically on it. Like that
library (and MajorityJudgmentDeliberator in majority-judgment-library-java), unequal
totals are refused; pad_to() is the Java library's TallyWithDefaultGrade with the lowest
grade as default. Ranks are numbered as the Java deliberator does: equal majority values
share a rank and the next rank skips (1, 1, 3).

The library builds each majority value vote by vote, which takes time in proportion to
the number of people: a journal saying 10**12 would hang the minutes. Here proposals are
compared without building it (`compare`), in time that depends on the number of grades
only; `majority_value` is kept, slow, to check that comparison against the definition.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from functools import cmp_to_key
from itertools import accumulate

from debate.error_words import Error
from debate.record.tally import VoteError, is_count
from debate.records import record


@record(frozen=True)
class Merit:
    """How many hands each grade got for one proposal, best grade first."""

    counts: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.counts:
            raise VoteError(Error.MERIT_EMPTY)
        if not all(is_count(c) for c in self.counts):
            raise VoteError(Error.GRADES_NOT_WHOLE, counts=self.counts)

    @property
    def total(self) -> int:
        return sum(self.counts)


@record(frozen=True)
class RankedProposal:
    id: str
    rank: int  # 1 = best; equal proposals share a rank
    median: int  # index of the majority grade, 0 = best


def _median(counts: Sequence[int], total: int) -> int:
    # The lower median counted from the worst grade is the first grade, counted from the
    # best, whose running sum passes half the total.
    return next(i for i, run in enumerate(accumulate(counts)) if 2 * run > total)


def median_grade(counts: Sequence[int]) -> int:
    """Index of the majority grade; on an even total, the worse of the two middle grades."""
    merit = Merit(tuple(counts))
    if merit.total == 0:
        raise VoteError(Error.NOBODY_GRADED)
    return _median(merit.counts, merit.total)


def majority_value(counts: Sequence[int]) -> tuple[int, ...]:
    """The successive lower medians, as grade indices; lexicographically smaller is better."""
    merit = Merit(tuple(counts))
    remaining = list(merit.counts)
    value = []
    for left in range(merit.total, 0, -1):
        grade = _median(remaining, left)
        value.append(grade)
        remaining[grade] -= 1
    return tuple(value)


class CannotRank(VoteError):
    """Why proposals have no ranking. `reason` ("grades", "totals" or "nothing") lets the
    minutes say it in their own language (labels "rank_<reason>"); the message is English."""

    def __init__(self, reason: str, error: Error, totals: tuple[int, ...] = ()) -> None:
        super().__init__(error, totals=", ".join(map(str, totals)))
        self.reason = reason
        self.totals = totals


def rank(merits: Mapping[str, Sequence[int]]) -> list[RankedProposal]:
    """Best first; proposals of equal rank are listed by id, so input order never matters."""
    profiles = {pid: Merit(tuple(counts)) for pid, counts in merits.items()}
    if len({len(m.counts) for m in profiles.values()}) > 1:
        raise CannotRank("grades", Error.RANK_GRADES)
    totals = {m.total for m in profiles.values()}
    if len(totals) > 1:
        listed = tuple(sorted(totals))
        raise CannotRank("totals", Error.RANK_TOTALS, listed)
    if totals == {0}:
        raise CannotRank("nothing", Error.RANK_NOTHING)

    def order(a: str, b: str) -> int:
        return compare(profiles[a].counts, profiles[b].counts) or (a > b) - (a < b)

    ranked: list[RankedProposal] = []
    for position, pid in enumerate(sorted(profiles, key=cmp_to_key(order)), start=1):
        counts = profiles[pid].counts
        tied = bool(ranked) and compare(profiles[ranked[-1].id].counts, counts) == 0
        median = _median(counts, profiles[pid].total)
        ranked.append(RankedProposal(pid, ranked[-1].rank if tied else position, median))
    return ranked


def compare(a: Sequence[int], b: Sequence[int]) -> int:
    """-1 if profile `a` ranks better than `b`, 1 if worse, 0 if equal (same totals).

    Sort the votes best first: v[0] <= v[1] <= ... (grade indices). Removing lower medians
    one at a time reads that list from its middle outwards, alternating sides: with n
    votes, v[n//2], then (n even) v[n//2 - 1], v[n//2 + 1], v[n//2 - 2], ... or (n odd)
    v[n//2 + 1], v[n//2 - 1], v[n//2 + 2], ... Each side is a step function of how far
    from the middle we are, with one step per grade, so the first difference between two
    profiles is found by visiting the steps, not the votes.
    """
    n = sum(a)
    if sum(b) != n:
        raise VoteError(Error.CANNOT_COMPARE)
    ends_a, ends_b = list(accumulate(a)), list(accumulate(b))
    first: tuple[int, int, int] | None = None  # (position in the majority value, grades)
    for side in (1, -1):  # 1: from the middle towards worse grades; -1: towards better
        start = n // 2 if side == 1 else n // 2 - 1
        length = n - start if side == 1 else start + 1
        # Offsets from `start` at which either profile changes grade on this side.
        steps = {0} if length > 0 else set()
        for ends in (ends_a, ends_b):
            for end in ends:
                offset = (end - start) if side == 1 else (start - end + 1)
                if 0 < offset < length:
                    steps.add(offset)
        for offset in sorted(steps):
            index = start + side * offset
            grade_a = bisect_right(ends_a, index)
            grade_b = bisect_right(ends_b, index)
            if grade_a != grade_b:
                position = _position(n, side, offset)
                if first is None or position < first[0]:
                    first = (position, grade_a, grade_b)
                break
    if first is None:
        return 0
    return -1 if first[1] < first[2] else 1


def _position(n: int, side: int, offset: int) -> int:
    """Where the vote `offset` steps from the middle, on `side`, falls in the majority value."""
    if n % 2 == 0:  # v[n//2 + j] at 2j, v[n//2 - 1 - j] at 2j + 1
        return 2 * offset if side == 1 else 2 * offset + 1
    # n odd: v[n//2 - j] at 2j (j = 0 is the middle), v[n//2 + 1 + j] at 2j + 1
    return 2 * (offset + 1) if side == -1 else (0 if offset == 0 else 2 * offset - 1)


def pad_to(counts: Sequence[int], attendance: int) -> tuple[int, ...]:
    """Count the people present who graded nothing in the lowest grade."""
    merit = Merit(tuple(counts))
    if not is_count(attendance):
        raise VoteError(Error.ATTENDANCE_NOT_WHOLE, attendance=attendance)
    if merit.total > attendance:
        raise VoteError(Error.GRADES_OVER, total=merit.total, attendance=attendance)
    return (*merit.counts[:-1], merit.counts[-1] + attendance - merit.total)


def check_total(counts: Sequence[int], attendance: int) -> None:
    """Each card's grades must add up to the attendance: everyone present grades every card."""
    total = Merit(tuple(counts)).total
    if total != attendance:
        raise VoteError(Error.GRADES_NOT_ALL, total=total, attendance=attendance)
