"""`debate merge SESSION... [-o FILE]`: one report for several meetings on one deck."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from debate.commands import emit, fail
from debate.commands.session_arg import (
    SessionUnusable,
    add_sessions_option,
    load_results,
    note,
)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "merge",
        help="one report for several meetings on the same deck",
        description="Add up the votes of several meetings held on the same deck: per card, "
        "the totals and outcome across meetings, then each meeting's own line. Plain text "
        "of 80 columns, in the first meeting's language.",
    )
    parser.add_argument(
        "sessions_given", nargs="+", metavar="SESSION", help="journal files or session ids"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
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
            return fail(str(exc), exc.code)
        # The same meeting under two names (a hard link, a copy in backup/, one taken
        # mid-evening): the same opening line, and one record holds all of the other.
        opened = glance(journal).opened
        meeting = opened.to_json() if opened else str(journal.resolve())
        index = meetings.get(meeting)
        kept = record_holding(journals[index], journal) if index is not None else None
        if index is None or kept is None:
            if index is not None:  # two villages can open at the same second
                note(
                    f"{journals[index]} and {journal} open alike but hold different "
                    "records: counted as two meetings"
                )
            meetings.setdefault(meeting, len(journals))
            journals.append(journal)
            results.append(result)
            continue
        first = journals[index]
        if kept == journal:
            journals[index], results[index] = journal, result
        note(f"{first} and {journal} are the same meeting: counted once, from {kept}")
    try:
        text = merge_report(results)
    except MergeError as exc:
        return fail(str(exc), 1)
    decks = [Path(r.deck_path) for r in results if r.deck_path]
    return emit(text, args.output, "merged report", journals, read=decks)
