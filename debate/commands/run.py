"""`debate [run] [DECK] ...`: the facilitator's app. The only command that loads Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debate import cli_lang
from debate.cli_words import W, tell
from debate.commands import fail
from debate.commands.session_arg import SessionUnusable, add_sessions_option, sessions_folder

if TYPE_CHECKING:  # the deck layer is imported when the handler runs
    from debate.deck.model import Deck


def register(sub: Any) -> None:
    parser = sub.add_parser("run", help=tell(W.run_help), description=tell(W.run_description))
    add_window_options(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--new",
        action="store_const",
        const="new",
        dest="mode",
        help=tell(W.new_help),
    )
    mode.add_argument(
        "--resume",
        nargs="?",
        const="",
        metavar=tell(W.id),
        dest="resume_id",
        help=tell(W.resume_help),
    )
    parser.add_argument("--rehearsal", action="store_true", help=tell(W.rehearsal_help))
    parser.add_argument("--place", metavar=tell(W.text), help=tell(W.place_help))
    parser.add_argument("--facilitator", metavar=tell(W.text), help=tell(W.facilitator_help))
    parser.add_argument("--attendance", metavar="N", type=_count, help=tell(W.attendance_help))
    parser.set_defaults(handler=run, mode="ask", resume_id=None)


def add_window_options(parser: Any) -> None:
    """DECK, --sessions, --lang and --theme: what both windows (`run`, `room`) take."""
    parser.add_argument("deck", nargs="?", metavar=tell(W.deck), help=tell(W.deck_arg))
    add_sessions_option(parser)
    parser.add_argument("--lang", choices=("fr", "en"), help=tell(W.run_lang))
    # The French words too: the French help calls them clair and sombre.
    parser.add_argument(
        "--theme", type=_theme, choices=("light", "dark"), default=None, help=tell(W.theme_help)
    )


THEME_WORDS = {"clair": "light", "sombre": "dark"}


def _theme(text: str) -> str:
    return THEME_WORDS.get(text.lower(), text)


def _count(text: str) -> int:
    if not (text.isascii() and text.isdigit()):  # '²' is a digit to isdigit(), not to int()
        raise argparse.ArgumentTypeError(tell(W.not_a_count, text=text))
    return int(text)


def deck_and_folder(args: argparse.Namespace) -> tuple[Deck, Path] | int:
    """The deck and the sessions folder a window is opened on, or the exit code (the
    reason printed) when either cannot be used."""
    from debate.deck import DeckError, DeckNotFound, load_deck

    try:
        deck = load_deck(args.deck)
    except DeckNotFound as exc:
        return fail(exc, 2)
    except DeckError as exc:
        from debate.untrusted import printable

        lines = exc.lines(cli_lang.current())
        print("\n".join(printable(line) for line in lines), file=sys.stderr)
        return 1
    cli_lang.fallback(deck.language)
    try:
        return deck, sessions_folder(args)
    except SessionUnusable as exc:
        return fail(exc, exc.code)


def run(args: argparse.Namespace) -> int:
    _deck_after_resume(args)
    opened = deck_and_folder(args)
    if isinstance(opened, int):
        return opened
    deck, sessions = opened
    if args.resume_id is not None:
        args.mode = "resume"
    if args.resume_id:  # said here, before the terminal: a wrong id or the wrong kind
        from debate.record.catalog import named_for_resume
        from debate.record.errors import SessionError

        try:
            named_for_resume(args.resume_id, sessions, args.rehearsal)
        except SessionError as exc:
            return fail(exc, 2)
    if args.resume_id == "":
        damaged = _damaged_instead_of_resumable(deck, sessions, args.rehearsal)
        if damaged:
            return fail(tell(W.cannot_resume, why=damaged), 1)
    if not sys.stdout.isatty():
        return fail(tell(W.needs_terminal), 2)
    from debate.meeting.options import Options
    from debate.tui.app import DebateApp

    options = Options(
        deck=deck,
        sessions_dir=sessions,
        lang=cli_lang.for_window(deck.language),
        theme=args.theme,
        mode=args.mode,
        place=args.place,
        facilitator=args.facilitator,
        attendance=args.attendance,
        rehearsal=args.rehearsal,
        resume_id=args.resume_id or None,
    )
    app = DebateApp(options)
    app.run()
    return app.return_code or 0


def _deck_after_resume(args: argparse.Namespace) -> None:
    """`debate --resume mydeck.yaml`: argparse gives the deck to --resume as its ID (the
    ID is optional). A deck file or an embedded deck's name is the deck, as it always was."""
    from debate.deck.loader import embedded_names

    spec = args.resume_id
    if (
        args.deck is None
        and spec
        and (spec.endswith((".yaml", ".yml")) or spec in embedded_names())
    ):
        args.deck, args.resume_id = spec, ""


def _damaged_instead_of_resumable(deck: Deck, sessions_dir: Path, rehearsal: bool) -> str | None:
    """With --resume: when nothing can be resumed but a journal is damaged, why it cannot
    be read (FILE:LINE: ...), newest first. Starting a new meeting instead would hide the
    damage from the facilitator who asked to resume."""
    from debate.record.catalog import find_sessions, unfinished_for

    if unfinished_for(sessions_dir, deck, rehearsal):
        return None
    from debate.told import say

    damaged = [info for info in find_sessions(sessions_dir) if info.reason]
    if not damaged:
        return None
    last = damaged[-1]
    return say(last.why, cli_lang.current()) if last.why is not None else last.reason
