"""The kinds of section the minutes are made of (sections.py fills them in words).

A new kind of section is a new class in `Section`: each renderer (minutes.py for paper,
markdown.py) matches on it with `assert_never`, so mypy names the renderer that forgot
it. Words here are plain text, one line each (free text passed through `clean`);
Markdown escapes them, paper wraps them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """'Label : text' (the colon is the language's)."""

    label: str
    text: str


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    more: tuple[str, ...] = ()  # further facts under the value (attendance changes)


@dataclass(frozen=True)
class Notes:
    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Header:
    heading: str  # "Minutes"
    title: str  # the deck's
    fields: tuple[Field, ...]
    notices: tuple[str, ...]  # the deck is missing, or changed


@dataclass(frozen=True)
class Share:
    choice: str
    count: int
    percent: str  # "62.5%", or "" when there is nothing to share
    of: str  # what it is a share of: "of votes cast"


@dataclass(frozen=True)
class RoundPart:
    heading: str  # "Final vote (at 20:30)"
    rule: Line
    shares: tuple[Share, ...]
    ungraded: str  # majority judgment: those present who graded nothing, or ""
    not_voted: Line | None
    outcome: Line
    text: Line | None = None  # a vote on an amendment: the amendment's text


@dataclass(frozen=True)
class CardSection:
    heading: str  # "Card 3 · Title", in full
    proposal: Line | None  # the card's summary, from the deck
    status: str  # "Shown, not voted." or ""
    rounds: tuple[RoundPart, ...]
    facts: tuple[Line, ...]  # the shift between rounds, speaking time
    notes: tuple[Notes, ...]  # remarks, amendments, corrections


@dataclass(frozen=True)
class Undebated:
    name: str  # "Card 6 · Title"
    proposal: Line | None


@dataclass(frozen=True)
class NotDebated:
    heading: str
    cards: tuple[Undebated, ...]


@dataclass(frozen=True)
class RankingSection:
    heading: str
    problem: str  # why there is no ranking, or ""
    rows: tuple[str, ...]  # "1. Card 4 · Title: Good"


@dataclass(frozen=True)
class TableRow:
    card: str  # "1 · Title" in full; the same on each of the card's rows
    round: str
    counts: tuple[int, ...] | None  # for, against, abstain; None for majority judgment
    grades: str  # majority judgment: the grade counts, "6-12-10-8-6"
    result: str


@dataclass(frozen=True)
class ResultsTable:
    heading: str
    columns: tuple[str, str, str, str, str, str]  # card, round, for, against, abstain, result
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Signer:
    role: str
    name: str  # "" leaves a line to write it on


@dataclass(frozen=True)
class Signatures:
    heading: str
    signers: tuple[Signer, ...]
    name_label: str
    signature_label: str


@dataclass(frozen=True)
class Codes:
    heading: str
    caption: str  # what the code holds, for a citizen
    texts: tuple[str, ...]  # one per QR code
    part_labels: tuple[str, ...]  # "QR code 1/2:" when there are several, else ()
    too_long: str  # said before a text too long for any code


@dataclass(frozen=True)
class NoCards:
    text: str


Section = (
    Header | CardSection | NotDebated | RankingSection | ResultsTable | Signatures | Codes | NoCards
)
