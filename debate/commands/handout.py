"""`debate handout [DECK] [-o FILE]`: the deck as plain text for paper."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from debate.commands import emit, fail

if TYPE_CHECKING:
    from debate.deck.model import Deck


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "handout",
        help="write a deck as a plain-text paper handout",
        description="Write the deck as plain text for paper: at most 80 columns, one card "
        "per page (form feeds), a QR code of each card's first source; --print sends it to "
        "the printer as `debate print` sends the minutes.",
    )
    parser.add_argument("deck", nargs="?", metavar="DECK", help="deck file or embedded name")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--print", action="store_true", help="send it to the printer (as `debate print` does)"
    )
    parser.add_argument("--printer", metavar="NAME", help="with --print: printer name")
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
    if args.print and args.output:
        return fail("--print and --output: one or the other", 2)
    text = render_handout(deck)
    if args.print:
        return _print(text, deck, args.printer)
    if args.printer:
        return fail("--printer goes with --print", 2)
    return emit(text, args.output, "handout", read=[resolve(args.deck)])


def _print(text: str, deck: Deck, printer: str | None) -> int:
    from debate.commands.print import sent
    from debate.i18n import labels
    from debate.record.printing import PrintError, print_text
    from debate.record.textfmt import clean
    from debate.textutil import slug

    title = labels(deck.language)["job_handout"].format(title=clean(deck.title))
    try:
        name = print_text(text, printer, job=slug(deck.title) or "handout", title=title)
    except PrintError as exc:
        return fail(str(exc), 1)
    print(sent("print_handout_sent", name, deck.language), file=sys.stderr)
    return 0
