"""`debate [run] [DECK] ...`: the facilitator's app. The only command that loads Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debate.commands import fail
from debate.commands.session_arg import SessionUnusable, add_sessions_option, sessions_folder

if TYPE_CHECKING:  # the deck layer is imported when the handler runs
    from debate.deck.model import Deck


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "run",
        help="run a meeting on a deck (the default command)",
        description="Run the meeting app on DECK (default: the embedded French deck). "
        "If an unfinished meeting of this deck is in the sessions directory, offers to "
        "resume it. With --place and --attendance, skips the setup form.",
    )
    add_window_options(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--new",
        action="store_const",
        const="new",
        dest="mode",
        help="start a new meeting even if one is unfinished",
    )
    mode.add_argument(
        "--resume",
        action="store_const",
        const="resume",
        dest="mode",
        help="resume the unfinished meeting without asking",
    )
    parser.add_argument("--place", metavar="TEXT", help="where the meeting is held")
    parser.add_argument("--facilitator", metavar="TEXT", help="who runs it")
    parser.add_argument("--attendance", metavar="N", type=_count, help="how many are present")
    parser.set_defaults(handler=run, mode="ask")


def add_window_options(parser: Any) -> None:
    """DECK, --sessions, --lang and --theme: what both windows (`run`, `room`) take."""
    parser.add_argument("deck", nargs="?", metavar="DECK", help="deck file or embedded name")
    add_sessions_option(parser)
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="interface language (default: the deck's language)"
    )
    parser.add_argument(
        "--theme",
        choices=("light", "dark"),
        default="light",
        help="light (default, best on projectors) or dark",
    )


def _count(text: str) -> int:
    if not (text.isascii() and text.isdigit()):  # '²' is a digit to isdigit(), not to int()
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return int(text)


def deck_and_folder(args: argparse.Namespace) -> tuple[Deck, Path] | int:
    """The deck and the sessions folder a window is opened on, or the exit code (the
    reason printed) when either cannot be used."""
    from debate.deck import DeckError, DeckNotFound, load_deck

    try:
        deck = load_deck(args.deck)
    except DeckNotFound as exc:
        return fail(str(exc), 2)
    except DeckError as exc:
        from debate.untrusted import printable

        print("\n".join(printable(line) for line in exc.lines()), file=sys.stderr)
        return 1
    try:
        return deck, sessions_folder(args)
    except SessionUnusable as exc:
        return fail(str(exc), exc.code)


def run(args: argparse.Namespace) -> int:
    opened = deck_and_folder(args)
    if isinstance(opened, int):
        return opened
    deck, sessions = opened
    if args.mode == "resume":
        damaged = _damaged_instead_of_resumable(deck, sessions)
        if damaged:
            return fail(f"cannot resume: {damaged}", 1)
    if not sys.stdout.isatty():
        return fail("the app needs a terminal (stdout is not one)", 2)
    from debate.i18n import language_of
    from debate.tui.app import DebateApp
    from debate.tui.options import Options

    options = Options(
        deck=deck,
        sessions_dir=sessions,
        lang=args.lang or language_of(deck.language),
        theme=args.theme,
        mode=args.mode,
        place=args.place,
        facilitator=args.facilitator,
        attendance=args.attendance,
    )
    app = DebateApp(options)
    app.run()
    return app.return_code or 0


def _damaged_instead_of_resumable(deck: Deck, sessions_dir: Path) -> str | None:
    """With --resume: when nothing can be resumed but a journal is damaged, why it cannot
    be read (FILE:LINE: ...), newest first. Starting a new meeting instead would hide the
    damage from the facilitator who asked to resume."""
    from debate.record.catalog import find_sessions, unfinished_for

    if unfinished_for(sessions_dir, deck):
        return None
    damaged = [info.reason for info in find_sessions(sessions_dir) if info.reason]
    return damaged[-1] if damaged else None
