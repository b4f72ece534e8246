"""Majority judgment: medians, ranking against MieuxVoter's worked examples, padding."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from debate.i18n import words_for
from debate.record.events import Round
from debate.record.majority import (
    CannotRank,
    Merit,
    RankedProposal,
    check_total,
    compare,
    majority_value,
    median_grade,
    pad_to,
    rank,
)
from debate.record.minutes import no_ranking
from debate.record.results import Ranking
from debate.record.tally import VoteError


def ranks(merits: dict[str, tuple[int, ...]]) -> dict[str, int]:
    return {r.id: r.rank for r in rank(merits)}


@pytest.mark.parametrize(
    ("counts", "median"),
    [
        ((1,), 0),
        ((0, 1, 0), 1),
        ((2, 1, 2), 1),  # odd: the middle hand
        ((3, 0, 2), 0),
        ((2, 0, 3), 2),
        ((1, 1), 1),  # even: the worse of the two middle grades
        ((2, 2, 0), 1),
        ((3, 1, 0, 0), 0),
        ((2, 4, 2, 2), 1),
        ((0, 0, 0, 4), 3),
    ],
)
def test_median_grade(counts: tuple[int, ...], median: int) -> None:
    assert median_grade(counts) == median


@pytest.mark.parametrize("counts", [(), (0, 0, 0), (1, -1), (1.0, 2), (True, 1)])
def test_median_grade_refuses(counts: tuple[int, ...]) -> None:
    with pytest.raises(VoteError):
        median_grade(counts)


# Successive medians of Balinski & Laraki's book (section 1.5), as quoted in the doctest of
# compute_majority_values in MieuxVoter/majority-judgment-library-python
# (majority_judgment/__init__.py): grades [7, 11, 9, 9, 11] give 9, 9, 11, 7, 11 and
# [8, 11, 9, 9, 10] give 9, 9, 10, 8, 11. Here as indices of grades listed best first.
@pytest.mark.parametrize(
    ("counts", "value"),
    [
        ((2, 2, 1), (1, 1, 0, 2, 0)),  # grades 11, 9, 7
        ((1, 1, 2, 1), (2, 2, 1, 3, 0)),  # grades 11, 10, 9, 8
    ],
)
def test_majority_value_from_the_book(counts: tuple[int, ...], value: tuple[int, ...]) -> None:
    assert majority_value(counts) == value


# Worked examples from MieuxVoter's libraries, their grade counts reversed to best first.
@pytest.mark.parametrize(
    ("merits", "expected"),
    [
        # majority-judgment-library-python, README.md: votes 0-3 (3 best) ranked
        # Chips, Pasta, Pizza, Bread.
        (
            {
                "Pizza": (3, 2, 2, 3),
                "Chips": (2, 4, 2, 2),
                "Pasta": (3, 2, 3, 2),
                "Bread": (1, 3, 4, 2),
            },
            {"Chips": 1, "Pasta": 2, "Pizza": 3, "Bread": 4},
        ),
        # majority-judgment-library-python, majority_judgment/__init__.py doctest: 82 beats 81.
        ({"81": (8, 8, 12, 2, 6, 1), "82": (16, 8, 2, 2, 8, 1)}, {"82": 1, "81": 2}),
        # majority-judgment-library-java, MajorityJudgmentDeliberatorTest.testDemoUsage:
        # {4, 5, 2, 1, 3, 1, 2} ranks 2, {3, 6, 2, 1, 3, 1, 2} ranks 1 (worst first there).
        ({"a": (2, 1, 3, 1, 2, 5, 4), "b": (2, 1, 3, 1, 2, 6, 3)}, {"b": 1, "a": 2}),
        # majority-judgment-library-java, testDemoUsageCollectedTally: ranks 3, 1, 2.
        ({"a": (3, 0, 3, 2), "b": (2, 4, 0, 2), "c": (2, 3, 1, 2)}, {"a": 3, "b": 1, "c": 2}),
        # majority-judgment-library-java, src/test/resources/assertions.json, "Few judgments":
        # [1,1,1] [1,0,2] [3,0,0] [2,0,1] [0,3,0] rank 3, 1, 5, 4, 2.
        (
            {"a": (1, 1, 1), "b": (2, 0, 1), "c": (0, 0, 3), "d": (1, 0, 2), "e": (0, 3, 0)},
            {"a": 3, "b": 1, "c": 5, "d": 4, "e": 2},
        ),
    ],
)
def test_rank_worked_examples(merits: dict[str, tuple[int, ...]], expected: dict[str, int]) -> None:
    assert ranks(merits) == expected


def test_rank_lists_best_first_with_medians() -> None:
    assert rank({"x": (0, 1, 2), "y": (2, 1, 0)}) == [
        RankedProposal("y", 1, 0),
        RankedProposal("x", 2, 2),
    ]


def test_equal_merits_share_a_rank() -> None:
    # As in majority-judgment-library-java testWithThousandsOfProposals: all rank 1;
    # the rank after a tie skips, as its deliberator numbers them.
    merits = {"c": (1, 2, 0), "a": (1, 2, 0), "b": (1, 2, 0), "d": (0, 2, 1)}
    assert [(r.id, r.rank) for r in rank(merits)] == [("a", 1), ("b", 1), ("c", 1), ("d", 4)]


def test_rank_of_nothing_is_empty() -> None:
    assert rank({}) == []


@pytest.mark.parametrize(
    ("merits", "message"),
    [
        ({"a": (1, 2, 0), "b": (1, 1, 0)}, r"different totals \(2, 3\)"),
        ({"a": (1, 2, 0), "b": (1, 2)}, "same grades"),
        ({"a": (0, 0), "b": (0, 0)}, "nobody graded"),
        ({"a": (1, -1)}, "whole numbers"),
    ],
)
def test_rank_refuses(merits: dict[str, tuple[int, ...]], message: str) -> None:
    with pytest.raises(VoteError, match=message):
        rank(merits)


def test_padding_puts_the_silent_in_the_lowest_grade() -> None:
    assert pad_to((3, 1, 0), 6) == (3, 1, 2)
    assert pad_to([0, 2, 1], 3) == (0, 2, 1)
    # majority-judgment-library-java testWithStaticDefaultGrade: with 3 participants and
    # the worst grade as default, {0, 0, 1} ranks 2 and {0, 3, 0} ranks 1.
    padded = {"a": pad_to((1, 0, 0), 3), "b": pad_to((0, 3, 0), 3)}
    assert padded["a"] == (1, 0, 2)
    assert ranks(padded) == {"b": 1, "a": 2}


@pytest.mark.parametrize(("counts", "attendance"), [((3, 2, 1), 5), ((1,), -1), ((1,), 2.5)])
def test_padding_refuses(counts: tuple[int, ...], attendance: int) -> None:
    with pytest.raises(VoteError):
        pad_to(counts, attendance)


def test_check_total() -> None:
    check_total((2, 1, 0), 3)
    for attendance in (2, 4):
        with pytest.raises(VoteError, match=f"3 grades for an attendance of {attendance}"):
            check_total((2, 1, 0), attendance)


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, tuple[int, ...]]:
    """A few proposals graded on the same grades, padded to the same total."""
    grades = draw(st.integers(1, 5))
    card = st.tuples(*[st.integers(0, 8)] * grades)
    merits = draw(st.dictionaries(st.text("abcdef", min_size=1, max_size=2), card, min_size=1))
    attendance = max(1, *(sum(c) for c in merits.values()))
    return {pid: pad_to(c, attendance) for pid, c in merits.items()}


@given(profiles(), st.randoms())
def test_rank_ignores_input_order(merits: dict[str, tuple[int, ...]], rnd: random.Random) -> None:
    items = list(merits.items())
    rnd.shuffle(items)
    assert rank(dict(items)) == rank(merits)


@given(profiles(), st.data())
def test_better_grades_never_rank_worse(
    merits: dict[str, tuple[int, ...]], data: st.DataObject
) -> None:
    before = next(iter(merits.values()))
    after = list(before)
    for _ in range(data.draw(st.integers(1, 5))):
        graded = [g for g in range(1, len(after)) if after[g]]
        if not graded:
            break
        worse = data.draw(st.sampled_from(graded))
        after[worse] -= 1
        after[data.draw(st.integers(0, worse - 1))] += 1
    result = ranks({**merits, "before": before, "after": tuple(after)})
    assert result["after"] <= result["before"]
    assert median_grade(after) <= median_grade(before)


def test_merit_total() -> None:
    assert Merit((2, 0, 3)).total == 5


# compare() must order profiles exactly as their majority values do, without building them.
small_profiles = st.integers(1, 5).flatmap(
    lambda k: st.tuples(
        st.lists(st.integers(0, 6), min_size=k, max_size=k),
        st.lists(st.integers(0, 6), min_size=k, max_size=k),
    )
)


@given(small_profiles)
def test_compare_orders_as_the_majority_values_do(pair: tuple[list[int], list[int]]) -> None:
    a, b = pair
    # Equal totals, as rank() requires: move the difference into b's lowest grade.
    b[-1] += sum(a) - sum(b)
    assume(b[-1] >= 0)
    va, vb = majority_value(a), majority_value(b)
    assert compare(a, b) == (va > vb) - (va < vb)


def test_huge_counts_rank_without_building_the_majority_value() -> None:
    # A damaged or hostile journal may hold any count; building 2 * 10**12 medians would
    # hang the minutes. Ranking must depend on the grades, not on the number of people.
    # Same majority grade; y moved one vote from the worst grade to the middle one.
    ranked = rank({"x": (10**12, 3, 10**12), "y": (10**12, 4, 10**12 - 1)})
    assert [(p.id, p.rank, p.median) for p in ranked] == [("y", 1, 1), ("x", 2, 1)]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("merits", "reason"),
    [
        ({"a": (1, 2, 0), "b": (1, 1, 0)}, "totals"),
        ({"a": (1, 2, 0), "b": (1, 2)}, "grades"),
        ({"a": (0, 0), "b": (0, 0)}, "nothing"),
    ],
)
def test_every_refusal_to_rank_has_words_in_each_language(
    merits: dict[str, tuple[int, ...]], reason: str, lang: str
) -> None:
    with pytest.raises(CannotRank) as caught:
        rank(merits)
    assert caught.value.reason == reason
    refused = Ranking(Round.FINAL, (), str(caught.value), reason, caught.value.totals)
    text = no_ranking(refused, words_for(lang))
    assert str(caught.value) not in text  # the minutes' words, not the English message
    if reason == "totals":
        assert "(2, 3)" in text
