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
        "there is no lp, with a job title and a layout of 12 characters and 6 lines per inch "
        "that fits 80 columns on A4 and Letter; on Windows, through the program that prints "
        "text files (Notepad).",
    )
    parser.add_argument("session", metavar="SESSION", help="journal file or session id")
    parser.add_argument("--printer", metavar="NAME", help="printer name (default: the default)")
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def sent(key: str, printer: str, language: str) -> str:
    """'minutes sent to the printer Salle_1', in the facilitator's language (the
    session's, or the deck's for a handout), in place of the spooler's request id."""
    from debate.i18n import labels
    from debate.untrusted import printable

    t = labels(language)
    to = t["print_to"].format(name=printable(printer)) if printer else t["print_to_default"]
    return t[key].format(to=to)


def run(args: argparse.Namespace) -> int:
    from debate.i18n import labels
    from debate.record.minutes import minutes_text
    from debate.record.printing import NoSpooler, PrintError, print_text
    from debate.record.textfmt import clean
    from debate.record.wording import long_date

    try:
        journal, results = load_results(args.session, args)
    except SessionUnusable as exc:
        return fail(str(exc), exc.code)
    t = labels(results.language)
    title = t["job_minutes"].format(
        place=clean(results.place) or "?",
        date=long_date(results.date, results.language, weekday=False),
    )
    try:
        printer = print_text(minutes_text(results), args.printer, job=journal.stem, title=title)
    except NoSpooler as exc:
        minutes = journal.with_suffix(".txt")  # the file to print from another program
        if minutes.exists():
            return fail(f"{exc}: {minutes}", 1)
        return fail(f"{exc}; `debate summary {args.session} -o FILE` writes it", 1)
    except PrintError as exc:
        return fail(str(exc), 1)
    print(sent("print_minutes_sent", printer, results.language), file=sys.stderr)
    return 0
