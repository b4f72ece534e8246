"""`debate summary SESSION [--format txt|md|csv|json] [-o FILE]`: a session's minutes."""

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


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "summary",
        help="write a session's minutes as text, Markdown, CSV or JSON",
        description="Write the minutes of a session (a journal path or a session id, as "
        "`debate sessions` lists them): plain text of 80 columns for paper (the default), "
        "Markdown, CSV (one row per card and round) or JSON. Card titles come from the "
        "deck the session ran on, when it can still be found.",
    )
    parser.add_argument("session", metavar="SESSION", help="journal file or session id")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o file's extension, else txt)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.record.exports import render

    try:
        journal, results = load_results(args.session, args)
    except SessionUnusable as exc:
        return fail(str(exc), exc.code)
    fmt = args.format or _format_of(args.output)
    text = render(results, fmt)
    decks = [Path(results.deck_path)] if results.deck_path else []
    return emit(text, args.output, "summary", [journal], read=decks)


def _format_of(output: str | None) -> str:
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    return suffix if suffix in FORMATS else "txt"
