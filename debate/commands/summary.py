"""`debate summary SESSION... [--format txt|md|csv|json] [--dialect D] [-o FILE]`: the
minutes of one or several sessions (several: one CSV table, one JSON list)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from debate.cli_words import W, tell
from debate.commands import emit, fail
from debate.commands.session_arg import (
    SessionUnusable,
    add_rehearsals_option,
    add_sessions_option,
    load_results,
    without_rehearsals,
)

FORMATS = ("txt", "md", "csv", "json")  # debate.record.exports.FORMATS, without importing it
DIALECTS = ("rfc4180", "excel-fr")  # debate.record.exports.CSV_DIALECTS


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "summary", help=tell(W.summary_help), description=tell(W.summary_description)
    )
    parser.add_argument(
        "sessions_given", nargs="+", metavar=tell(W.session), help=tell(W.sessions_args)
    )
    parser.add_argument("--format", choices=FORMATS, help=tell(W.format_help))
    add_dialect_option(parser)
    parser.add_argument("-o", "--output", metavar=tell(W.file), help=tell(W.output_help))
    add_rehearsals_option(parser)
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def add_dialect_option(parser: Any) -> None:
    parser.add_argument(
        "--dialect",
        choices=DIALECTS,
        default="rfc4180",
        help=tell(W.dialect_help),
    )


def run(args: argparse.Namespace) -> int:
    from debate.record.exports import render_many

    journals, results = [], []
    for spec in args.sessions_given:
        try:
            journal, result = load_results(spec, args)
        except SessionUnusable as exc:
            return fail(exc, exc.code)
        journals.append(journal)
        results.append(result)
    if len(results) > 1:  # one session named alone is shown, rehearsal or not
        try:
            results = without_rehearsals(results, args)
        except SessionUnusable as exc:
            return fail(exc, exc.code)
    fmt = args.format or format_of(args.output)
    text = render_many(results, fmt, args.dialect)
    decks = [Path(r.deck_path) for r in results if r.deck_path]
    return emit(text, args.output, W.summary, journals, read=decks, raw=fmt == "csv")


def format_of(output: str | None) -> str:
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    return suffix if suffix in FORMATS else "txt"
