"""`debate handout [DECK] [-o FILE]`: the deck as plain text for paper."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from debate.commands import emit, fail


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "handout",
        help="write a deck as a plain-text paper handout",
        description="Write the deck as plain text for paper: at most 80 columns, one card "
        "per page (form feeds), a QR code of each card's first source.",
    )
    parser.add_argument("deck", nargs="?", metavar="DECK", help="deck file or embedded name")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.deck import DeckError, DeckNotFound, load_deck, resolve
    from debate.handout import render_handout

    try:
        deck = load_deck(args.deck)
    except DeckNotFound as exc:
        return fail(str(exc), 2)
    except DeckError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return 1
    text = render_handout(deck)
    return emit(text, args.output, "handout", read=[resolve(args.deck)])
