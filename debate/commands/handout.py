"""`debate handout [DECK] [-o FILE]`: the deck as plain text for paper."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from debate.commands import fail


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
    from debate.deck import DeckError, DeckNotFound, load_deck
    from debate.handout import render_handout
    from debate.safefile import write_text_atomic

    try:
        deck = load_deck(args.deck)
    except DeckNotFound as exc:
        return fail(str(exc), 2)
    except DeckError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return 1
    text = render_handout(deck)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_text_atomic(args.output, text)
    except OSError as exc:
        return fail(f"cannot write {args.output}: {exc.strerror or exc}", 1)
    print(f"handout written to {args.output}", file=sys.stderr)
    return 0
