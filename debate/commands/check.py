"""`debate check [--strict] [DECK...]`: ok, or one FILE:LINE:COLUMN line per problem; then
one FILE:LINE line per warning (debate.deck.balance: a one-sided or long card), errors with
--strict."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from debate.commands import fail

if TYPE_CHECKING:
    from debate.deck import Deck


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "check",
        help="check decks for problems",
        description="Check each deck; print 'ok' with its title and card count, or one "
        "line per problem as FILE:LINE:COLUMN. Exit 1 if any deck has problems, 2 if a "
        "file is missing. With no DECK, checks the default deck. Then warns, one FILE:LINE "
        "line each, of a card that gives one side more words (its items and the answers "
        "it gets) or more items than the other, of items, answers and summaries too long "
        "for the wall, and of a card that does not fit on one handout page; each warning "
        "says what to cut. Warnings leave the exit status 0, unless --strict.",
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 if any)"
    )
    parser.add_argument("decks", nargs="*", metavar="DECK", help="deck file or embedded name")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.deck import DeckError, DeckNotFound, load_deck

    worst = 0
    for spec in args.decks or [None]:
        try:
            deck = load_deck(spec, cached=False)  # a check reads the file, whatever is cached
        except DeckNotFound as exc:
            worst = max(worst, fail(str(exc), 2))
        except DeckError as exc:
            print("\n".join(exc.lines()))
            worst = max(worst, 1)
        else:
            worst = max(worst, report(deck, args.strict))
    return worst


def report(deck: Deck, strict: bool) -> int:
    """The ok line and the deck's warnings; 1 if --strict and there are any."""
    from debate.deck.balance import deck_findings

    found = deck_findings(deck)
    level = "error" if strict else "warning"
    if not (strict and found):
        tail = f", {plural(len(found), 'warning')}" if found else ""
        print(f"{deck.path}: ok: {deck.title!r}, {plural(len(deck.cards), 'card')}{tail}")
    for finding in found:
        card = finding.card
        if card is None:
            print(f"{deck.path}: {level}: {finding.message}")
        else:
            where = f"{deck.path}:{card.line}" if card.line else deck.path
            print(f"{where}: {level}: card {card.id!r}: {finding.message}")
    return 1 if strict and found else 0


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
