"""`debate check [DECK...]`: ok, or one FILE:LINE:COLUMN line per problem."""

from __future__ import annotations

import argparse
from typing import Any

from debate.commands import fail


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "check",
        help="check decks for problems",
        description="Check each deck; print 'ok' with its title and card count, or one "
        "line per problem as FILE:LINE:COLUMN. Exit 1 if any deck has problems, 2 if a "
        "file is missing. With no DECK, checks the default deck.",
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
            print(f"{deck.path}: ok: {deck.title!r}, {cards(len(deck.cards))}")
    return worst


def cards(n: int) -> str:
    return f"{n} card" if n == 1 else f"{n} cards"
