"""`debate sessions [--sessions DIR]`: one line per session, damaged ones with the reason."""

from __future__ import annotations

import argparse
import os
from typing import Any

from debate.cli_lang import current
from debate.cli_words import W, said, tell
from debate.commands import fail
from debate.commands.session_arg import SessionUnusable, add_sessions_option, sessions_folder
from debate.i18n import singular
from debate.textutil import columns, cut, ljust
from debate.untrusted import printable


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "sessions", help=tell(W.sessions_list_help), description=tell(W.sessions_description)
    )
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.record.catalog import find_sessions
    from debate.untrusted import printable

    try:
        folder = sessions_folder(args)
    except SessionUnusable as exc:
        return fail(exc, exc.code)
    infos = find_sessions(folder)
    # Which folder was read, whole: the default one depends on where debate was started.
    shown = printable(os.path.abspath(folder))
    if not infos:
        print(tell(W.no_sessions, folder=shown))
        return 0
    print(tell(W.sessions_in, folder=shown))
    width = max((columns(_one_line(i.place)) for i in infos if not i.damaged), default=0)
    for info in infos:
        if info.damaged:
            why = printable(str(info.reason)) if info.why is None else printable(said(info.why))
            print(f"{'?':<16}  {printable(info.id)}  {tell(W.damaged, why=why)}")
            continue
        moment = info.opened_at
        when = f"{moment:%Y-%m-%d %H:%M}" if moment else info.date[:16]
        n = info.cards_voted
        voted = tell(W.one_voted if singular(n, current()) else W.voted, n=n)
        status = tell(W.finished if info.finished else W.not_finished)
        note = tell(W.torn_skipped) if info.warnings else ""
        if info.rehearsal:  # `merge` and `summary` of several leave it out: say why
            note = tell(W.rehearsal_mark) + note
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
