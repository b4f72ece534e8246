"""The `debate` command: one parser, subcommands that import only what they need.

Only `run` (the default) imports Textual, so check/summary/print start instantly.
Exit codes: 0 success, 1 the input is wrong (a bad deck...), 2 usage or a missing file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

Handler = Callable[[argparse.Namespace], int]

COMMANDS = ("run", "check", "decks", "handout")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debate",
        description=(
            "Run a public-meeting debate from a terminal: one proposal card at a time, "
            "show-of-hands votes, minutes saved after every vote. Never uses the network."
        ),
        epilog="With no command, `debate` runs the app on the default deck. "
        "`debate COMMAND --help` describes each command.",
    )
    from debate import __version__

    parser.add_argument("--version", action="version", version=f"debate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="check decks for problems",
        description="Check each deck; print 'ok' with its title and card count, or one "
        "line per problem as FILE:LINE:COLUMN. Exit 1 if any deck has problems.",
    )
    check.add_argument("decks", nargs="*", metavar="DECK", help="deck file or embedded name")
    check.set_defaults(handler=_check)

    decks = sub.add_parser(
        "decks",
        help="list the decks shipped with debate",
        description="List the embedded decks: name, language, title, number of cards.",
    )
    decks.set_defaults(handler=_decks)

    handout = sub.add_parser(
        "handout",
        help="print a deck as a plain-text paper handout",
        description="Write the deck as plain text for paper: at most 80 columns, one card "
        "per page (form feeds), a QR code of each card's first source.",
    )
    handout.add_argument("deck", nargs="?", metavar="DECK", help="deck file or embedded name")
    handout.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    handout.set_defaults(handler=_handout)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `debate handout | head`
        return 0


def _fail(message: str, code: int) -> int:
    print(f"debate: {message}", file=sys.stderr)
    return code


def _check(args: argparse.Namespace) -> int:
    from debate.deck import DeckError, DeckNotFound, load_deck

    worst = 0
    for spec in args.decks or [None]:
        try:
            deck = load_deck(spec)
        except DeckNotFound as exc:
            worst = max(worst, _fail(str(exc), 2))
        except DeckError as exc:
            print("\n".join(exc.lines()))
            worst = max(worst, 1)
        else:
            print(f"{deck.path}: ok: {deck.title!r}, {len(deck.cards)} cards")
    return worst


def _decks(args: argparse.Namespace) -> int:
    from debate.deck import DeckError, embedded_names, load_deck

    for name in embedded_names():
        try:
            deck = load_deck(name)
        except DeckError as exc:  # a broken embedded deck is a bug: say it, keep listing
            print(f"{name}\t(broken: {exc.lines()[0]})")
            continue
        print(f"{name}\t{deck.language}\t{deck.title}\t{len(deck.cards)} cards")
    return 0


def _handout(args: argparse.Namespace) -> int:
    from debate.deck import DeckError, DeckNotFound, load_deck
    from debate.handout import render_handout
    from debate.safefile import write_text_atomic

    try:
        deck = load_deck(args.deck)
    except DeckNotFound as exc:
        return _fail(str(exc), 2)
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
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}", 1)
    print(f"handout written to {args.output}", file=sys.stderr)
    return 0
