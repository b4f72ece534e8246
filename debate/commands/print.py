"""`debate print SESSION [--printer NAME]`: a session's minutes to the printer."""

from __future__ import annotations

import argparse
import sys
from typing import Any, Literal

from debate.cli_words import W, tell
from debate.commands import fail
from debate.commands.session_arg import SessionUnusable, add_sessions_option, load_results


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "print", help=tell(W.print_cmd_help), description=tell(W.print_description)
    )
    parser.add_argument("session", metavar=tell(W.session), help=tell(W.session_arg))
    parser.add_argument("--printer", metavar=tell(W.name), help=tell(W.printer_help))
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def sent(
    key: Literal["print_minutes_sent", "print_handout_sent"], printer: str, language: str
) -> str:
    """'minutes sent to the printer Salle_1', in the facilitator's language (the
    session's, or the deck's for a handout), in place of the spooler's request id."""
    from debate.i18n import words_for
    from debate.untrusted import printable

    t = words_for(language)
    to = t["print_to"].format(name=printable(printer)) if printer else t["print_to_default"]
    return t[key].format(to=to)


def run(args: argparse.Namespace) -> int:
    from debate.i18n import words_for
    from debate.record.minutes import minutes_text
    from debate.record.printing import NoSpooler, PrintError, print_text
    from debate.record.textfmt import clean
    from debate.record.wording import long_date

    try:
        journal, results = load_results(args.session, args)
    except SessionUnusable as exc:
        return fail(exc, exc.code)
    t = words_for(results.language)
    title = t["job_minutes"].format(
        place=clean(results.place) or "?",
        date=long_date(results.date, results.language, weekday=False),
    )
    try:
        printer = print_text(minutes_text(results), args.printer, job=journal.stem, title=title)
    except NoSpooler as exc:
        minutes = journal.with_suffix(".txt")  # the file to print from another program
        if minutes.exists():
            return fail(tell(W.print_from_file, why=exc, minutes=minutes), 1)
        return fail(tell(W.print_from_summary, why=exc, session=args.session), 1)
    except PrintError as exc:
        return fail(exc, 1)
    print(sent("print_minutes_sent", printer, _lang()), file=sys.stderr)
    return 0


def _lang() -> str:
    from debate.cli_lang import current

    return current()
