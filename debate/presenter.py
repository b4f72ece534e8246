"""Where the facilitator is in the deck: which card, how much of it is revealed.

Plain model code (no Textual) so the stepping rules are tested without a screen. A card's
steps: the summary alone, then one more argument or objection per step, alternating
for / against as a debate does, then the next card.
"""

from __future__ import annotations

from dataclasses import dataclass

from debate.deck.model import Card, Deck


@dataclass(frozen=True)
class Revealed:
    arguments: int
    objections: int


def reveal_order(card: Card) -> list[tuple[str, int]]:
    """('for', i) / ('against', i) in the order they are revealed: alternating, then the rest."""
    order: list[tuple[str, int]] = []
    for i in range(max(len(card.arguments), len(card.objections))):
        if i < len(card.arguments):
            order.append(("for", i))
        if i < len(card.objections):
            order.append(("against", i))
    return order


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

    def reveal_all(self) -> None:
        self.step = self.steps

    def go_to(self, index: int) -> bool:
        """Show card `index` (0-based) from its summary; False if out of range."""
        if not 0 <= index < len(self.deck.cards) or index == self.index:
            return False
        self.index = index
        self.step = 0
        return True

    def go_to_id(self, card_id: str) -> bool:
        ids = self.deck.ids
        return card_id in ids and self.go_to(ids.index(card_id))
