"""The order in which a card's items are revealed, and who has the last word."""

from __future__ import annotations

import dataclasses

from debate.deck import Argument, Card, Deck, Objection
from debate.presenter import Presenter, last_word, reveal_order


def card(arguments: int, objections: int, first: str = "for", answered: bool = False) -> Card:
    return Card(
        1,
        "c",
        "T",
        "S",
        arguments=tuple(Argument(f"a{i}") for i in range(arguments)),
        objections=tuple(
            Objection(f"o{i}", response="r" if answered else None) for i in range(objections)
        ),
        first="against" if first == "against" else "for",
    )


def test_for_first_by_default_alternating_then_the_rest() -> None:
    assert reveal_order(card(3, 1)) == [("for", 0), ("against", 0), ("for", 1), ("for", 2)]


def test_first_against_starts_with_the_first_objection() -> None:
    assert reveal_order(card(2, 3, "against")) == [
        ("against", 0),
        ("for", 0),
        ("against", 1),
        ("for", 1),
        ("against", 2),
    ]


def test_the_presenter_reveals_in_that_order() -> None:
    deck = Deck("D", "fr", (card(2, 2, "against"),))
    presenter = Presenter(deck)
    seen = []
    for _ in range(4):
        presenter.next()
        seen.append((presenter.revealed.arguments, presenter.revealed.objections))
    assert seen == [(0, 1), (1, 1), (1, 2), (2, 2)]
    assert presenter.fully_revealed


def test_the_last_word_is_the_last_item_or_the_answer_to_it() -> None:
    assert last_word(card(2, 2)) == "against"
    assert last_word(card(2, 2, answered=True)) == "for"  # the answer to objection 2
    assert last_word(card(2, 2, "against")) == "for"
    with_answer = card(2, 2, "against")
    answered = dataclasses.replace(with_answer.arguments[1], response="r")
    assert (
        last_word(dataclasses.replace(with_answer, arguments=(with_answer.arguments[0], answered)))
        == "against"
    )
    assert last_word(card(3, 2)) == "for"  # the extra argument comes last
    assert last_word(card(0, 0)) is None
