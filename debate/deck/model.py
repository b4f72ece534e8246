"""The deck: an ordered list of proposals (cards). Immutable, no I/O, no Textual."""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from debate.records import record
from debate.vocabulary import Method, Rule, Ungraded


@record(frozen=True)
class VoteSpec:
    method: Method = Method.FOR_AGAINST_ABSTAIN
    choices: tuple[str, ...] = ("For", "Against", "Abstain")  # for, against, abstain
    grades: tuple[str, ...] = ()  # majority judgment only, best first
    rule: Rule = Rule.MAJORITY_OF_CAST
    ungraded: Ungraded = Ungraded.REFUSE

    @property
    def labels(self) -> tuple[str, ...]:
        """What the room is counted on: the choices, or the grades."""
        return self.grades if self.method is Method.MAJORITY_JUDGMENT else self.choices


@record(frozen=True)
class Source:
    title: str
    url: str | None = None
    note: str | None = None  # what the reader should know: "home page only", "no address"


Side = Literal["for", "against"]


@record(frozen=True)
class Item:
    """An argument or an objection: what is said, where it comes from, who says it (a
    person or a text, apart from the source document), and the other side's answer."""

    text: str
    source: str | None = None
    response: str | None = None
    by: str | None = None


@record(frozen=True)
class Argument(Item):
    pass


@record(frozen=True)
class Objection(Item):
    pass


@record(frozen=True)
class Card:
    number: int  # 1-based position in the deck
    id: str
    title: str
    summary: str
    arguments: tuple[Argument, ...] = ()
    objections: tuple[Objection, ...] = ()
    questions: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    vote: VoteSpec = VoteSpec()
    first: Side = "for"  # which side is revealed first (so, with equal counts, who ends)
    # Where the card starts in its file, for messages (0: not from a file). Not part of a
    # card's identity: moving a card in its file leaves it the same card.
    line: int = field(default=0, compare=False)

    @property
    def first_url(self) -> str | None:
        return next((s.url for s in self.sources if s.url), None)


@record(frozen=True)
class Deck:
    title: str
    language: str
    cards: tuple[Card, ...]
    vote: VoteSpec = VoteSpec()
    description: str | None = None
    source: str | None = None
    path: str = ""  # where it was loaded from, for messages and the session record
    digest: str = ""  # sha256 of the file's bytes: tells a resumed session the deck changed
    glossary: tuple[tuple[str, str], ...] = ()  # (term, one-line explanation), in file order
    # The documents behind the cards, with their exact titles: the cards name them short.
    references: tuple[Source, ...] = ()

    def card(self, card_id: str) -> Card | None:
        return next((c for c in self.cards if c.id == card_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.cards)
