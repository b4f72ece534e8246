"""Where the facilitator is in the deck: which card, how much of it is revealed.

Plain model code (no Textual) so the stepping rules are tested without a screen. A card's
steps: the summary alone, then one more argument or objection per step, alternating
for / against as a debate does (against first on a card that says so), then the next card.
"""

from __future__ import annotations

from debate.deck.model import Card, Deck, Side
from debate.records import record


@record(frozen=True)
class Revealed:
    arguments: int
    objections: int


def reveal_order(card: Card) -> list[tuple[Side, int]]:
    """('for', i) / ('against', i) in the order they are revealed: alternating, from the
    side the card names `first` ("for" unless it says otherwise), then the rest."""
    sides: dict[Side, int] = {"for": len(card.arguments), "against": len(card.objections)}
    pair: tuple[Side, Side] = ("for", "against") if card.first == "for" else ("against", "for")
    order: list[tuple[Side, int]] = []
    for i in range(max(sides.values())):
        order += [(side, i) for side in pair if i < sides[side]]
    return order


def last_word(card: Card) -> Side | None:
    """The side the room hears last on `card`: the item revealed last, or the other side
    when that item carries an answer. None for a card with neither."""
    order = reveal_order(card)
    if not order:
        return None
    side, i = order[-1]
    item = card.arguments[i] if side == "for" else card.objections[i]
    if item.response:
        return "against" if side == "for" else "for"
    return side


class Presenter:
    def __init__(self, deck: Deck, index: int = 0) -> None:
        self.deck = deck
        self.index = max(0, min(index, len(deck.cards) - 1))
        self.step = 0  # how many arguments + objections are revealed on this card

    @property
    def card(self) -> Card:
        return self.deck.cards[self.index]

    @property
    def steps(self) -> int:
        return len(self.card.arguments) + len(self.card.objections)

    @property
    def revealed(self) -> Revealed:
        shown = reveal_order(self.card)[: self.step]
        return Revealed(
            arguments=sum(1 for side, _ in shown if side == "for"),
            objections=sum(1 for side, _ in shown if side == "against"),
        )

    @property
    def fully_revealed(self) -> bool:
        return self.step >= self.steps

    def next(self) -> bool:
        """Reveal one more item, or move to the next card. True when the card changed."""
        if not self.fully_revealed:
            self.step += 1
            return False
        return self.go_to(self.index + 1)

    def back(self) -> bool:
        """Hide the last item, or go back to the previous card fully revealed."""
        if self.step > 0:
            self.step -= 1
            return False
        if self.go_to(self.index - 1):
            self.step = self.steps
            return True
        return False

    def go_to(self, index: int) -> bool:
        """Show card `index` (0-based) from its summary; False if out of range."""
        if not 0 <= index < len(self.deck.cards) or index == self.index:
            return False
        self.index = index
        self.step = 0
        return True
