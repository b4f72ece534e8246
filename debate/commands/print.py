"""`debate print SESSION [--printer NAME]`: a session's minutes to the printer."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from debate.commands import fail
from debate.commands.session_arg import SessionUnusable, add_sessions_option, load_results


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "print",
        help="print a session's minutes",
        description="Send the minutes of a session (a journal path or a session id) to the "
        "printer as plain text of 80 columns: through `lp` (Linux, macOS), or `lpr` where "
        "there is no lp; on Windows, through the program that prints text files (Notepad).",
    )
    parser.add_argument("session", metavar="SESSION", help="journal file or session id")
    parser.add_argument("--printer", metavar="NAME", help="printer name (default: the default)")
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.record.minutes import minutes_text
    from debate.record.printing import NoSpooler, PrintError, print_text

    try:
        journal, results = load_results(args.session, args)
    except SessionUnusable as exc:
        return fail(str(exc), exc.code)
    try:
        answer = print_text(minutes_text(results), args.printer, job=journal.stem)
    except NoSpooler as exc:
        minutes = journal.with_suffix(".txt")  # the file to print from another program
        if minutes.exists():
            return fail(f"{exc}: {minutes}", 1)
        return fail(f"{exc}; `debate summary {args.session} -o FILE` writes it", 1)
    except PrintError as exc:
        return fail(str(exc), 1)
    print(f"minutes sent to the printer{': ' + answer if answer else ''}", file=sys.stderr)
    return 0
