"""`debate decks`: the decks shipped inside the package."""

from __future__ import annotations

import argparse
from typing import Any

from debate import cli_lang
from debate.cli_words import W, tell


def register(sub: Any) -> None:
    parser = sub.add_parser("decks", help=tell(W.decks_help), description=tell(W.decks_description))
    parser.add_argument("--example", action="store_true", help=tell(W.example_help))
    parser.add_argument("-o", "--output", metavar=tell(W.file), help=tell(W.example_output))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.commands import emit, fail
    from debate.deck import DeckError, embedded_names, load_deck
    from debate.deck.loader import EXAMPLE_DECK

    if args.example:
        return emit(EXAMPLE_DECK.read_text(encoding="utf-8"), args.output, W.example_deck)
    if args.output:
        return fail(tell(W.output_needs_example), 2)

    for name in embedded_names():
        try:
            deck = load_deck(name)
        except DeckError as exc:  # a broken embedded deck is a bug: say it, keep listing
            print(tell(W.broken_deck, name=name, why=exc.lines(cli_lang.current())[0]))
            continue
        print(f"{name}\t{deck.language}\t{deck.title}\t{cards(len(deck.cards))}")
    return 0


def cards(n: int) -> str:
    return tell(W.one_card) if n == 1 else tell(W.cards, n=n)
