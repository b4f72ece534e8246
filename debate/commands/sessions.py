"""`debate sessions [--sessions DIR]`: one line per session, damaged ones with the reason."""

from __future__ import annotations

import argparse
import os
from typing import Any

from debate.commands import fail
from debate.commands.session_arg import SessionUnusable, add_sessions_option, sessions_folder
from debate.textutil import columns, cut, ljust
from debate.untrusted import printable


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "sessions",
        help="list the recorded sessions",
        description="Say which sessions folder was read, then list its sessions, oldest "
        "first: date and time, place, how many cards were voted, whether the session was "
        "closed, and its id (give the id to `debate summary`); a rehearsal says so. A "
        "journal that cannot be read is listed with the reason.",
    )
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.record.catalog import find_sessions
    from debate.untrusted import printable

    try:
        folder = sessions_folder(args)
    except SessionUnusable as exc:
        return fail(str(exc), exc.code)
    infos = find_sessions(folder)
    # Which folder was read, whole: the default one depends on where debate was started.
    shown = printable(os.path.abspath(folder))
    if not infos:
        print(f"no sessions in {shown}")
        return 0
    print(f"sessions in {shown}:")
    width = max((columns(_one_line(i.place)) for i in infos if not i.damaged), default=0)
    for info in infos:
        if info.damaged:
            print(f"{'?':<16}  {printable(info.id)}  damaged: {info.reason}")
            continue
        moment = info.opened_at
        when = f"{moment:%Y-%m-%d %H:%M}" if moment else info.date[:16]
        voted = f"{info.cards_voted} card{'' if info.cards_voted == 1 else 's'} voted"
        status = "finished" if info.finished else "not finished"
        note = "  (a line cut short by a power cut was skipped)" if info.warnings else ""
        if info.rehearsal:  # `merge` and `summary` of several leave it out: say why
            note = "  REHEARSAL" + note
        print(
            f"{when:<16}  {ljust(_one_line(info.place), width)}  {voted:<15}  {status:<12}  "
            f"{printable(info.id)}{note}"
        )
    return 0


PLACE_COLUMNS = 40  # a place of 7,000 characters must not widen every row to match


def _one_line(text: str) -> str:
    """A place typed with a tab or a newline still fits on its row; an escape sequence
    in it is shown, never run, and measured as shown."""
    return cut(printable(" ".join(text.split())), PLACE_COLUMNS)
