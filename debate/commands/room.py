"""`debate room [DECK] [--session SESSION]`: the room's window, for a second screen.

It follows the meeting a `debate` window runs in the same sessions folder, read-only
(debate/tui/room_app.py). Loads Textual, like `run`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from debate.commands import fail
from debate.commands.run import add_window_options, deck_and_folder


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "room",
        help="the room's window: the slide of the meeting another window runs, read-only",
        description="Open a read-only window for the projector (a second screen) that "
        "follows the meeting run by `debate` in another window: the card, the arguments "
        "revealed, the speaker timer and the results, never the vote window, the notes "
        "or a dialog. It follows the newest unfinished meeting of DECK in the sessions "
        "folder (waiting for one if there is none yet), or the one --session names. q quits.",
    )
    add_window_options(parser)
    parser.add_argument("--session", metavar="SESSION", help="a session id or journal path")
    parser.set_defaults(handler=room)


def room(args: argparse.Namespace) -> int:
    from pathlib import Path

    opened = deck_and_folder(args)
    if isinstance(opened, int):
        return opened
    deck, sessions = opened
    named: Path | None = None
    if args.session is not None:
        from debate.record.catalog import resolve_session
        from debate.record.errors import SessionNotFound

        try:
            named = resolve_session(args.session, sessions)
        except SessionNotFound as exc:
            return fail(str(exc), 2)
        except OSError as exc:
            return fail(f"{args.session}: {exc.strerror or exc}", 2)
        sessions = named.parent
    if not sys.stdout.isatty():
        return fail("the room's window needs a terminal (stdout is not one)", 2)
    from debate.i18n import language_of
    from debate.meeting.follow import Follower
    from debate.tui.options import Options
    from debate.tui.room_app import RoomApp

    options = Options(
        deck=deck,
        sessions_dir=sessions,
        lang=args.lang or language_of(deck.language),
        theme=args.theme,
    )
    app = RoomApp(options, Follower(sessions, deck, named))
    app.run()
    return app.return_code or 0
