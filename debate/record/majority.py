"""Majority judgment by show of hands (Balinski & Laraki). Grade counts are best first.

Tallying follows MieuxVoter's majority-judgment-library-python
(majority_judgment/__init__.py: median_grade, compute_majority_values): a proposal's
majority value is its sequence of successive lower medians, each taken after removing one
vote at the previous median, and proposals compare lexicographically on it. Like that
library (and MajorityJudgmentDeliberator in majority-judgment-library-java), unequal
totals are refused; pad_to() is the Java library's TallyWithDefaultGrade with the lowest
grade as default. Ranks are numbered as the Java deliberator does: equal majority values
share a rank and the next rank skips (1, 1, 3).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from debate.record.tally import VoteError, is_count


@dataclass(frozen=True)
class Merit:
    """How many hands each grade got for one proposal, best grade first."""

    counts: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.counts:
            raise VoteError("a merit profile needs at least one grade")
        if not all(is_count(c) for c in self.counts):
            raise VoteError(f"grade counts must be whole numbers >= 0, got {self.counts!r}")

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
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
        raise VoteError("nobody graded this proposal: it has no majority grade")
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


def rank(merits: Mapping[str, Sequence[int]]) -> list[RankedProposal]:
    """Best first; proposals of equal rank are listed by id, so input order never matters."""
    profiles = {pid: Merit(tuple(counts)) for pid, counts in merits.items()}
    if len({len(m.counts) for m in profiles.values()}) > 1:
        raise VoteError("every proposal must be graded on the same grades")
    totals = {m.total for m in profiles.values()}
    if len(totals) > 1:
        raise VoteError(
            f"proposals have different totals ({', '.join(map(str, sorted(totals)))}): "
            "count everyone on every card, or pad to the attendance"
        )
    if totals == {0}:
        raise VoteError("nobody graded any proposal: there is nothing to rank")
    values = {pid: majority_value(m.counts) for pid, m in profiles.items()}
    ranked: list[RankedProposal] = []
    for position, pid in enumerate(sorted(values, key=lambda p: (values[p], p)), start=1):
        tied = bool(ranked) and values[ranked[-1].id] == values[pid]
        ranked.append(RankedProposal(pid, ranked[-1].rank if tied else position, values[pid][0]))
    return ranked


def pad_to(counts: Sequence[int], attendance: int) -> tuple[int, ...]:
    """Count the people present who graded nothing in the lowest grade."""
    merit = Merit(tuple(counts))
    if not is_count(attendance):
        raise VoteError(f"the attendance must be a whole number >= 0, got {attendance!r}")
    if merit.total > attendance:
        raise VoteError(
            f"{merit.total} grades for an attendance of {attendance}: raise the attendance first"
        )
    return (*merit.counts[:-1], merit.counts[-1] + attendance - merit.total)


def check_total(counts: Sequence[int], attendance: int) -> None:
    """Each card's grades must add up to the attendance: everyone present grades every card."""
    total = Merit(tuple(counts)).total
    if total != attendance:
        raise VoteError(
            f"{total} grades for an attendance of {attendance}: "
            "every person present must give this proposal one grade"
        )
