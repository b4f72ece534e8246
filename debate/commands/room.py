"""`debate room [DECK] [--session SESSION] [--rehearsal]`: the room's window, for a second screen.

It follows the meeting a `debate` window runs in the same sessions folder, read-only
(debate/tui/room_app.py). Loads Textual, like `run`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from debate import cli_lang
from debate.cli_words import W, tell
from debate.commands import fail
from debate.commands.run import add_window_options, deck_and_folder
from debate.commands.session_arg import SessionUnusable, journal_named


def register(sub: Any) -> None:
    parser = sub.add_parser("room", help=tell(W.room_help), description=tell(W.room_description))
    add_window_options(parser)
    parser.add_argument("--session", metavar=tell(W.session), help=tell(W.room_session))
    parser.add_argument("--rehearsal", action="store_true", help=tell(W.room_rehearsal))
    parser.set_defaults(handler=room)


def room(args: argparse.Namespace) -> int:
    from pathlib import Path

    opened = deck_and_folder(args)
    if isinstance(opened, int):
        return opened
    deck, sessions = opened
    named: Path | None = None
    if args.session is not None:
        try:
            named = journal_named(args.session, sessions)
        except SessionUnusable as exc:
            return fail(str(exc), exc.code)
        sessions = named.parent
    if not sys.stdout.isatty():
        return fail(tell(W.room_needs_terminal), 2)
    from debate.meeting.follow import Follower
    from debate.meeting.options import Options
    from debate.tui.room_app import RoomApp

    options = Options(
        deck=deck,
        sessions_dir=sessions,
        lang=cli_lang.for_window(deck.language),
        theme=args.theme,
    )
    app = RoomApp(options, Follower(sessions, deck, named, args.rehearsal))
    app.run()
    return app.return_code or 0
