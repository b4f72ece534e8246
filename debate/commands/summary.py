"""`debate summary SESSION [--format txt|md|csv|json] [-o FILE]`: a session's minutes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from debate.cli_words import W, tell
from debate.commands import emit, fail
from debate.commands.session_arg import (
    SessionUnusable,
    add_sessions_option,
    load_results,
)

FORMATS = ("txt", "md", "csv", "json")  # debate.record.exports.FORMATS, without importing it


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "summary", help=tell(W.summary_help), description=tell(W.summary_description)
    )
    parser.add_argument("session", metavar=tell(W.session), help=tell(W.session_arg))
    parser.add_argument("--format", choices=FORMATS, help=tell(W.format_help))
    parser.add_argument("-o", "--output", metavar=tell(W.file), help=tell(W.output_help))
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.record.exports import render

    try:
        journal, results = load_results(args.session, args)
    except SessionUnusable as exc:
        return fail(exc, exc.code)
    fmt = args.format or _format_of(args.output)
    text = render(results, fmt)
    decks = [Path(results.deck_path)] if results.deck_path else []
    return emit(text, args.output, W.summary, [journal], read=decks)


def _format_of(output: str | None) -> str:
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    return suffix if suffix in FORMATS else "txt"
