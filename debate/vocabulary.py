"""The words the deck and the record share: how a card is voted, when, and what came of
it. One module below both, so that `deck` never imports `record` (nor the reverse for
these), and so that each value is spelled once: the journal and the deck files hold
these strings, and changing one is a format change (docs/session-format.md)."""

from __future__ import annotations

from enum import StrEnum


class Method(StrEnum):
    FOR_AGAINST_ABSTAIN = "for-against-abstain"
    MAJORITY_JUDGMENT = "majority-judgment"


class Rule(StrEnum):
    """Which majority adopts a for / against / abstain motion."""

    MAJORITY_OF_CAST = "majority-of-cast"  # for > against; abstentions not counted
    TWO_THIRDS_OF_CAST = "two-thirds-of-cast"  # for >= 2/3 of for + against
    MAJORITY_OF_PRESENT = "majority-of-present"  # for > half the attendance


DEFAULT_RULE = Rule.MAJORITY_OF_CAST


class Ungraded(StrEnum):
    """What majority judgment does with people present who graded nothing."""

    REFUSE = "refuse"  # the grades must add up to the attendance
    LOWEST = "lowest"  # they count in the lowest grade


class Round(StrEnum):
    INDICATIVE = "indicative"  # before the debate
    FINAL = "final"  # after it


class Outcome(StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"
    TIE = "tie"  # for == against > 0: never adopted, under any rule
    NO_VOTES = "no-votes"  # nobody voted for or against: not adopted
