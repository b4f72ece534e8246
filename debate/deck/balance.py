"""Is a card fair and brief? The counting `debate check` warns with, in one place so that
deck writers, the default decks' tests and the check all count alike. No Textual, no I/O.

A side's words are its own items plus the answers it gets from the other side: "for" is
the arguments and the answers to the objections, "against" the objections and the answers
to the arguments. Who says an item (`by`) and its source are not counted: they attribute,
they do not argue.

A word is a run of characters between ASCII spaces (or line breaks) holding at least one
letter or digit: "l’énergie" is one word, "—" none, and "100 000 €" or "C. Izoard" are
one when written with non-breaking spaces, as French typography wants.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from debate.deck.model import Card, Deck, Item, Side
from debate.error_words import Error
from debate.handout import PAGE_LINES, render_card
from debate.presenter import last_word
from debate.told import Phrase

MAX_ITEM_WORDS = 25  # an argument's or an objection's text
MAX_ANSWER_WORDS = 20  # a response, on either side
MAX_SUMMARY_WORDS = 40
MAX_SIDE_RATIO = 1.25  # the wordier side over the other
MAX_LAST_WORDS = 0.6  # the share of a deck's cards on which one side may speak last

_SPACES = re.compile(r"[ \t\n\r]+")


def words(text: str | None) -> int:
    """How many words `text` holds (0 for None)."""
    if not text:
        return 0
    return sum(1 for token in _SPACES.split(text) if any(c.isalnum() for c in token))


def side_words(card: Card) -> dict[Side, int]:
    """{'for': n, 'against': m}: each side's items plus the answers it gets."""
    return {
        "for": sum(words(a.text) for a in card.arguments)
        + sum(words(o.response) for o in card.objections),
        "against": sum(words(o.text) for o in card.objections)
        + sum(words(a.response) for a in card.arguments),
    }


def side_ratio(card: Card) -> float:
    """The wordier side's words over the other's: 1.0 for a card with neither, infinity
    when only one side says anything."""
    counts = sorted(side_words(card).values())
    if counts[1] == 0:
        return 1.0
    return counts[1] / counts[0] if counts[0] else float("inf")


def handout_lines(deck: Deck, card: Card) -> int:
    """How many lines `card` takes on its page of the printed handout (the handout's own
    layout, its QR code included: not an estimate)."""
    return len(render_card(deck, card))


@dataclass(frozen=True)
class Finding:
    """One thing to fix: on which card (None: the deck as a whole), and what to cut."""

    card: Card | None
    phrase: Phrase  # worded in the reader's language (debate/told.py)

    @property
    def message(self) -> str:
        return str(self.phrase)


def card_findings(deck: Deck, card: Card) -> list[Finding]:
    """What makes `card` one-sided or too long, each with what to cut; [] when it is fine."""
    return [Finding(card, message) for message in _card_messages(deck, card)]


def deck_findings(deck: Deck) -> list[Finding]:
    """Every card's findings in deck order, then the deck's own (who speaks last)."""
    found = [f for card in deck.cards for f in card_findings(deck, card)]
    return found + [Finding(None, message) for message in _last_word_messages(deck)]


def last_words(deck: Deck) -> dict[Side, list[Card]]:
    """The cards on which each side has the last word (debate.presenter.last_word)."""
    out: dict[Side, list[Card]] = {"for": [], "against": []}
    for card in deck.cards:
        side = last_word(card)
        if side is not None:
            out[side].append(card)
    return out


def _card_messages(deck: Deck, card: Card) -> Iterator[Phrase]:
    n_for, n_against = len(card.arguments), len(card.objections)
    if n_for != n_against:
        more, fewer = ("argument", "objection") if n_for > n_against else ("objection", "argument")
        gap = abs(n_for - n_against)
        yield Phrase(
            Error.UNEVEN_ITEMS,
            arguments=_count(n_for, "argument"),
            objections=_count(n_against, "objection"),
            cut=_count(gap, more),
            add=_count(gap, fewer),
        )
    yield from _ratio_messages(card)
    yield from _too_long(Error.THE_SUMMARY.value, card.summary, MAX_SUMMARY_WORDS)
    for kind, items in (("argument", card.arguments), ("objection", card.objections)):
        for i, item in enumerate(items, 1):
            yield from _item_messages(kind, i, item)
    lines = handout_lines(deck, card)
    if lines > PAGE_LINES:
        yield Phrase(Error.PAGE_TOO_LONG, lines=lines, page=PAGE_LINES, cut=lines - PAGE_LINES)


def _ratio_messages(card: Card) -> Iterator[Phrase]:
    counts = side_words(card)
    ratio = side_ratio(card)
    if ratio <= MAX_SIDE_RATIO:
        return
    more: Side = "for" if counts["for"] > counts["against"] else "against"
    less: Side = "against" if more == "for" else "for"
    excess = counts[more] - int(counts[less] * MAX_SIDE_RATIO)
    said = {"for": Error.FOR_SIDE.value, "against": Error.AGAINST_SIDE.value}
    shown = Error.ONE_SIDE.value if ratio == float("inf") else f"{ratio:.2f}x"
    yield Phrase(
        Error.ONE_SIDED,
        more=_SIDE[more],
        less=_SIDE[less],
        more_words=counts[more],
        less_words=counts[less],
        shown=shown,
        limit=MAX_SIDE_RATIO,
        cut=excess,
        what=said[more],
    )


def _item_messages(kind: str, number: int, item: Item) -> Iterator[Phrase]:
    named = _KIND[kind]
    item_ = Phrase(Error.ITEM, kind=named, n=number, opening=_opening(item.text))
    yield from _too_long(item_, item.text, MAX_ITEM_WORDS)
    if item.response:
        answer = Phrase(Error.ANSWER_TO, kind=named, n=number, opening=_opening(item.response))
        yield from _too_long(answer, item.response, MAX_ANSWER_WORDS)


def _too_long(what: object, text: str, limit: int) -> Iterator[Phrase]:
    n = words(text)
    if n > limit:
        yield Phrase(Error.TOO_MANY_WORDS, what=what, n=n, limit=limit, cut=n - limit)


def _opening(text: str) -> str:
    """The first words of `text`, quoted, so the writer finds the item."""
    head = _SPACES.split(text.strip())
    return "«" + " ".join(head[:5]) + ("…" if len(head) > 5 else "") + "»"


def _count(n: int, noun: str) -> Phrase:
    one, many = _NOUNS[noun]
    return Phrase(one if n == 1 else many, n=n)


_NOUNS = {
    "argument": (Error.ONE_ARGUMENT, Error.ARGUMENTS),
    "objection": (Error.ONE_OBJECTION, Error.OBJECTIONS),
}
_KIND = {"argument": Error.ARGUMENT.value, "objection": Error.OBJECTION.value}
_SIDE = {"for": Error.SIDE_FOR.value, "against": Error.SIDE_AGAINST.value}


def last_word_limit(cards: int) -> int:
    """On how many of `cards` cards one side may speak last: MAX_LAST_WORDS of them, and
    never fewer than an even split allows (2 of 3 is as fair as 3 cards get)."""
    return max(int(cards * MAX_LAST_WORDS), math.ceil(cards / 2))


def _last_word_messages(deck: Deck) -> Iterator[Phrase]:
    limit = last_word_limit(len(deck.cards))
    for side, cards in last_words(deck).items():
        if len(cards) > limit:
            yield Phrase(
                Error.LAST_WORD,
                side=_SIDE[side],
                n=len(cards),
                of=len(deck.cards),
                limit=limit,
                cards=", ".join(c.id for c in cards),
            )
