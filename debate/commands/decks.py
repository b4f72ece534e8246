"""`debate decks`: the decks shipped inside the package."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "decks",
        help="list the decks shipped with debate",
        description="List the embedded decks: name, language, title, number of cards. "
        "Pass the name to any command that takes a DECK. With --example, write out a small "
        "deck to copy when writing your own.",
    )
    parser.add_argument(
        "--example",
        action="store_true",
        help="print the example deck (a start for your own) instead of the list",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="with --example: write it to FILE")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.commands import emit, fail
    from debate.deck import DeckError, embedded_names, load_deck
    from debate.deck.loader import EXAMPLE_DECK

    if args.example:
        return emit(EXAMPLE_DECK.read_text(encoding="utf-8"), args.output, "example deck")
    if args.output:
        return fail("-o goes with --example (the list is printed)", 2)

    for name in embedded_names():
        try:
            deck = load_deck(name)
        except DeckError as exc:  # a broken embedded deck is a bug: say it, keep listing
            print(f"{name}\t(broken: {exc.lines()[0]})")
            continue
        print(f"{name}\t{deck.language}\t{deck.title}\t{cards(len(deck.cards))}")
    return 0


def cards(n: int) -> str:
    return f"{n} card" if n == 1 else f"{n} cards"
