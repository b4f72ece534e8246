"""`debate decks`: the decks shipped inside the package."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "decks",
        help="list the decks shipped with debate",
        description="List the embedded decks: name, language, title, number of cards. "
        "Pass the name to any command that takes a DECK.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.deck import DeckError, embedded_names, load_deck

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
