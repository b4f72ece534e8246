"""`debate summary SESSION... [--format txt|md|csv|json] [--dialect D] [-o FILE]`: the
minutes of one or several sessions (several: one CSV table, one JSON list)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from debate.commands import emit, fail
from debate.commands.session_arg import (
    SessionUnusable,
    add_sessions_option,
    load_results,
)

FORMATS = ("txt", "md", "csv", "json")  # debate.record.exports.FORMATS, without importing it
DIALECTS = ("rfc4180", "excel-fr")  # debate.record.exports.CSV_DIALECTS


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "summary",
        help="write a session's minutes as text, Markdown, CSV or JSON",
        description="Write the minutes of a session (a journal path or a session id, as "
        "`debate sessions` lists them): plain text of 80 columns for paper (the default), "
        "Markdown, CSV (one row per card and round) or JSON. Card titles come from the "
        "deck the session ran on, when it can still be found.",
    )
    parser.add_argument(
        "sessions_given", nargs="+", metavar="SESSION", help="journal files or session ids"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o file's extension, else txt)",
    )
    add_dialect_option(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def add_dialect_option(parser: Any) -> None:
    parser.add_argument(
        "--dialect",
        choices=DIALECTS,
        default="rfc4180",
        help="CSV flavour: rfc4180 (',' and '.', the default) or excel-fr (';', decimal "
        "comma, CRLF and a byte-order mark, as French Excel and LibreOffice open it)",
    )


def run(args: argparse.Namespace) -> int:
    from debate.record.exports import render_many

    journals, results = [], []
    for spec in args.sessions_given:
        try:
            journal, result = load_results(spec, args)
        except SessionUnusable as exc:
            return fail(str(exc), exc.code)
        journals.append(journal)
        results.append(result)
    fmt = args.format or format_of(args.output)
    text = render_many(results, fmt, args.dialect)
    decks = [Path(r.deck_path) for r in results if r.deck_path]
    return emit(text, args.output, "summary", journals, read=decks, raw=fmt == "csv")


def format_of(output: str | None) -> str:
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    return suffix if suffix in FORMATS else "txt"
