"""`debate handout [DECK] [-o FILE]`: the deck as plain text for paper."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from debate import cli_lang
from debate.cli_words import W, tell
from debate.commands import emit, fail

if TYPE_CHECKING:
    from debate.deck.model import Deck


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "handout", help=tell(W.handout_help), description=tell(W.handout_description)
    )
    parser.add_argument("deck", nargs="?", metavar=tell(W.deck), help=tell(W.deck_arg))
    parser.add_argument("-o", "--output", metavar=tell(W.file), help=tell(W.output_help))
    parser.add_argument("--print", action="store_true", help=tell(W.print_help))
    parser.add_argument("--printer", metavar=tell(W.name), help=tell(W.printer_with_print))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.deck import DeckError, DeckNotFound, load_deck, resolve
    from debate.handout import render_handout

    try:
        deck = load_deck(args.deck)
    except DeckNotFound as exc:
        return fail(exc, 2)
    except DeckError as exc:
        print("\n".join(exc.lines(cli_lang.current())), file=sys.stderr)
        return 1
    cli_lang.fallback(deck.language)
    if args.print and args.output:
        return fail(tell(W.print_or_output), 2)
    text = render_handout(deck)
    if args.print:
        return _print(text, deck, args.printer)
    if args.printer:
        return fail(tell(W.printer_needs_print), 2)
    return emit(text, args.output, W.handout, read=[resolve(args.deck)])


def _print(text: str, deck: Deck, printer: str | None) -> int:
    from debate.commands.print import sent
    from debate.i18n import words_for
    from debate.record.printing import PrintError, print_text
    from debate.record.textfmt import clean
    from debate.textutil import slug

    title = words_for(deck.language)["job_handout"].format(title=clean(deck.title))
    try:
        name = print_text(text, printer, job=slug(deck.title) or "handout", title=title)
    except PrintError as exc:
        return fail(exc, 1)
    print(sent("print_handout_sent", name, cli_lang.current()), file=sys.stderr)
    return 0
