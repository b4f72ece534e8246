"""`debate merge INPUT... [--deck FILE] [--format txt|csv|json] [-o FILE]`: one report for
several meetings on one deck, from journals, JSON exports and text files of results codes,
mixed; each meeting counted once by its id."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debate import cli_lang
from debate.cli_words import W, tell
from debate.commands import emit, fail
from debate.commands.session_arg import (
    SessionUnusable,
    add_rehearsals_option,
    add_sessions_option,
    load_results,
    note,
    without_rehearsals,
)
from debate.commands.summary import add_dialect_option
from debate.error_words import Error

if TYPE_CHECKING:
    from debate.deck.model import Deck
    from debate.record.code_reader import ResultsCode
    from debate.record.results import SessionResults

FORMATS = ("txt", "csv", "json")  # debate.record.merge.MERGE_FORMATS
MAX_INPUT = 16 << 20  # a file of codes or an export: some kilobytes; a journal is read apart


def register(sub: Any) -> None:
    parser = sub.add_parser("merge", help=tell(W.merge_help), description=tell(W.merge_description))
    parser.add_argument(
        "sessions_given", nargs="+", metavar=tell(W.input), help=tell(W.merge_inputs)
    )
    parser.add_argument(
        "--deck", action="append", default=[], metavar=tell(W.file), help=tell(W.merge_deck)
    )
    parser.add_argument("--format", choices=FORMATS, help=tell(W.format_help))
    add_dialect_option(parser)
    parser.add_argument("-o", "--output", metavar=tell(W.file), help=tell(W.output_help))
    add_rehearsals_option(parser)
    add_sessions_option(parser)
    parser.set_defaults(handler=run)


@dataclass
class _Meeting:
    """One meeting as merged: its results, where they came from, and how rich that is."""

    results: SessionResults | None  # None: codes whose deck is still to be found
    source: str  # what to call it in a note: a file, FILE:LINE
    kind: int  # 0 journal, 1 JSON export, 2 results code: the lower, the fuller the record
    journal: Path | None = None
    codes: list[ResultsCode] | None = None


class _Refused(Exception):
    """A refusal of `debate merge`'s own, by its code (debate/error_words.py)."""

    def __init__(self, error: Error, code: int = 1, **params: object) -> None:
        from debate.told import Phrase

        self.phrase = Phrase(error, **params)
        super().__init__(str(self.phrase))
        self.code = code


def run(args: argparse.Namespace) -> int:
    from debate.record.code_reader import CodeError
    from debate.record.gathered import GatherError
    from debate.record.merge import MergeError, render_merge

    meetings: dict[str, _Meeting] = {}
    try:
        for spec in args.sessions_given:
            for found in _read(spec, args):
                _add(meetings, found)
        results = without_rehearsals(_with_decks(list(meetings.values()), args.deck), args)
        fmt = args.format or _format_of(args.output)
        text = render_merge(results, fmt, args.dialect)
    except SessionUnusable as exc:
        return fail(exc, exc.code)
    except _Refused as exc:
        return fail(exc.phrase, exc.code)
    except (CodeError, GatherError, MergeError) as exc:
        return fail(exc, 1)
    journals = [m.journal for m in meetings.values() if m.journal is not None]
    decks = [Path(r.deck_path) for r in results if r.deck_path]
    return emit(text, args.output, W.merged, journals, read=decks, raw=fmt == "csv")


def _format_of(output: str | None) -> str:
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    return suffix if suffix in FORMATS else "txt"


def _read(spec: str, args: argparse.Namespace) -> list[_Meeting]:
    """What one INPUT holds: a journal's meeting, an export's, or every code of a file."""
    from debate.fserrors import system_says
    from debate.record.code_reader import read_codes, whole_meetings
    from debate.record.gathered import from_json
    from debate.untrusted import printable

    path = Path(spec)
    if not path.is_file() or path.suffix.casefold() == ".jsonl" or _opens_a_journal(path):
        journal, result = load_results(spec, args)
        return [_Meeting(result, str(journal), 0, journal=journal)]
    try:
        with path.open("rb") as file:
            data = file.read(MAX_INPUT + 1)
    except OSError as exc:
        shown = printable(spec)
        raise _Refused(Error.MERGE_CANNOT_READ, 2, spec=shown, why=system_says(exc)) from None
    if len(data) > MAX_INPUT:
        raise _Refused(Error.MERGE_TOO_BIG, spec=printable(spec), size=MAX_INPUT >> 20)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Refused(Error.MERGE_NOT_UTF8, spec=printable(spec)) from None
    if text.lstrip().startswith("{"):
        return [_Meeting(from_json(text, spec), spec, 1)]
    groups = whole_meetings(read_codes(text, spec))
    if not groups:
        raise _Refused(Error.MERGE_NO_CODE, spec=printable(spec))
    for parts in groups:
        if parts[0].merged:
            raise _Refused(Error.MERGE_TOTALS, where=parts[0].where)
    return [_Meeting(None, parts[0].where, 2, codes=parts) for parts in groups]


def _opens_a_journal(path: Path) -> bool:
    from debate.record.journal_glance import glance

    return glance(path).opened is not None


def _meeting_of(m: _Meeting) -> str:
    if m.results is not None:
        return m.results.meeting
    assert m.codes is not None
    return m.codes[0].meeting


def _add(meetings: dict[str, _Meeting], new: _Meeting) -> None:
    """Count `new` once: a meeting met again keeps its fullest record (a journal over an
    export over a code), and two records of one kind that differ are refused."""
    from debate.record.journal_glance import record_holding

    key = _meeting_of(new)
    old = meetings.get(key)
    if old is None:
        meetings[key] = new
        return
    if old.kind != new.kind:
        kept = old if old.kind < new.kind else new
        meetings[key] = kept
        note(tell(W.merge_same, a=old.source, b=new.source, kept=kept.source))
        return
    if old.journal is not None and new.journal is not None:
        holder = record_holding(old.journal, new.journal)
        if holder is not None:
            kept = old if holder == old.journal else new
            meetings[key] = kept
            note(tell(W.merge_same, a=old.source, b=new.source, kept=kept.source))
            return
    elif _same_results(old, new):
        note(tell(W.merge_same_once, a=old.source, b=new.source))
        return
    raise _Refused(Error.MERGE_TWO_RECORDS, a=old.source, b=new.source, meeting=key)


def _same_results(a: _Meeting, b: _Meeting) -> bool:
    if a.codes is not None and b.codes is not None:
        return [c.cards for c in a.codes] == [c.cards for c in b.codes]
    return a.results is not None and b.results is not None and a.results.cards == b.results.cards


def _with_decks(meetings: list[_Meeting], given: list[str]) -> list[SessionResults]:
    """Every meeting's results, codes read on the deck their digest names."""
    from debate.record.gathered import from_codes, unread
    from debate.record.merge import check_same_deck

    if all(m.codes is None for m in meetings):
        return [m.results for m in meetings if m.results is not None]
    decks = _known_decks(meetings, given)
    # Which meeting is on which deck is said before any deck is looked for.
    check_same_deck(
        [
            m.results
            if m.results is not None
            else unread(m.codes or [], _title(decks, (m.codes or [])[0].deck))
            for m in meetings
        ]
    )
    out = []
    for m in meetings:
        if m.results is not None:
            out.append(m.results)
            continue
        parts = m.codes or []
        deck = decks.get(parts[0].deck)
        if deck is None:
            first = parts[0]
            raise _Refused(
                Error.MERGE_DECK_UNKNOWN,
                where=first.where,
                meeting=first.meeting,
                place=first.place,
                date=first.date,
                deck=first.deck or Error.MERGE_NO_DECK_RECORDED.value,
            )
        out.append(from_codes(parts, deck))
    return out


def _title(decks: dict[str, Deck], short: str) -> str:
    deck = decks.get(short)
    return deck.title if deck else ""


def _known_decks(meetings: list[_Meeting], given: list[str]) -> dict[str, Deck]:
    """The decks a code may name, by their digest's 8 first digits: those given, those of
    the journals and exports merged, those shipped with debate."""
    from debate.deck import DeckError, embedded_names, load_deck
    from debate.untrusted import printable

    decks: dict[str, Deck] = {}
    for spec in given:
        try:
            deck = load_deck(spec)
        except DeckError as exc:
            raise _Refused(
                Error.AT_WHERE,
                2 if not Path(spec).exists() else 1,
                where=printable(spec),
                why=exc.lines(cli_lang.current())[0],
            ) from None
        decks.setdefault(deck.digest[:8], deck)
    recorded = [m.results.deck_path for m in meetings if m.results and m.results.deck_path]
    for spec in [*dict.fromkeys(recorded), *embedded_names()]:
        try:
            deck = load_deck(spec)
        except DeckError:
            continue  # a moved or broken deck: its journal's merge says so already
        decks.setdefault(deck.digest[:8], deck)
    return decks
