"""`debate merge SESSION... [-o FILE]`: one report for several meetings on one deck."""

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
    note,
)


def register(sub: Any) -> None:
    parser = sub.add_parser("merge", help=tell(W.merge_help), description=tell(W.merge_description))
    parser.add_argument(
        "sessions_given", nargs="+", metavar=tell(W.session), help=tell(W.session_arg)
    )
    parser.add_argument("-o", "--output", metavar=tell(W.file), help=tell(W.output_help))
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.record.journal import glance, record_holding
    from debate.record.merge import MergeError, merge_report

    journals: list[Path] = []
    results = []
    meetings: dict[str, int] = {}  # a meeting's opening line -> its place in `journals`
    for spec in args.sessions_given:
        try:
            journal, result = load_results(spec, args)
        except SessionUnusable as exc:
            return fail(exc, exc.code)
        # The same meeting under two names (a hard link, a copy in backup/, one taken
        # mid-evening): the same opening line, and one record holds all of the other.
        opened = glance(journal).opened
        meeting = opened.to_json() if opened else str(journal.resolve())
        index = meetings.get(meeting)
        kept = record_holding(journals[index], journal) if index is not None else None
        if index is None or kept is None:
            if index is not None:  # two villages can open at the same second
                note(tell(W.merge_two, a=journals[index], b=journal))
            meetings.setdefault(meeting, len(journals))
            journals.append(journal)
            results.append(result)
            continue
        first = journals[index]
        if kept == journal:
            journals[index], results[index] = journal, result
        note(tell(W.merge_same, a=first, b=journal, kept=kept))
    try:
        text = merge_report(results)
    except MergeError as exc:
        return fail(exc, 1)
    decks = [Path(r.deck_path) for r in results if r.deck_path]
    return emit(text, args.output, W.merged, journals, read=decks)
