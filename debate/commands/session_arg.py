"""The SESSION argument of `summary`, `print`, `merge` and `room`: a journal path or a
session id, read into its results (with the deck it was run on, when it can be found).

Not a subcommand itself. Imports nothing heavy at top level: handlers call it.
"""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debate.cli_words import signed
from debate.paths import DEFAULT_SESSIONS_DIR

if TYPE_CHECKING:  # the record layer is imported when a handler runs, not at start-up
    from debate.deck.model import Deck
    from debate.record.results import SessionResults


class SessionUnusable(Exception):
    """A session that cannot be summarised; `code` is the exit status (2 missing, 1 damaged)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def add_sessions_option(parser: Any) -> None:
    from debate.cli_words import W, tell

    parser.add_argument(
        "--sessions",
        type=Path,
        metavar=tell(W.folder),
        help=tell(W.sessions_help, default=DEFAULT_SESSIONS_DIR),
    )


def sessions_folder(args: argparse.Namespace) -> Path:
    """The sessions folder for this command: --sessions, else the default (debate/paths.py).
    SessionUnusable (exit 2) if it cannot be one, saying why: a file, a closed parent
    folder, a link loop... A folder that does not exist yet is fine: it has no sessions,
    and the first meeting creates it."""
    from debate.cli_words import W, tell
    from debate.fserrors import system_says, why_unreachable
    from debate.paths import default_sessions_dir
    from debate.untrusted import printable

    folder: Path = args.sessions if args.sessions is not None else default_sessions_dir()
    try:
        found = os.stat(folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT and not os.path.islink(folder):
            return folder
        why = why_unreachable(folder, exc)
        raise SessionUnusable(
            tell(W.unreachable, folder=printable(str(folder)), why=why), 2
        ) from None
    shown = printable(str(folder))
    if not stat.S_ISDIR(found.st_mode):
        given = W.not_a_folder_given if args.sessions is not None else W.not_a_folder
        raise SessionUnusable(tell(given, folder=shown), 2)
    try:
        with os.scandir(folder):  # a closed folder would list as "no sessions"
            pass
    except OSError as exc:
        why = system_says(exc)
        raise SessionUnusable(tell(W.cannot_list, folder=shown, why=why), 2) from None
    return folder


def journal_named(spec: str, sessions: Path) -> Path:
    """The journal `spec` names (an id, the start of one, a path); SessionUnusable says
    why none, in the command line's language."""
    from debate.cli_words import W, said, tell
    from debate.fserrors import why_unreachable
    from debate.record.catalog import resolve_session
    from debate.record.errors import SessionNotFound
    from debate.untrusted import printable

    try:
        return resolve_session(spec, sessions)
    except SessionNotFound as exc:
        raise SessionUnusable(said(exc), 2) from None
    except OSError as exc:  # a name too long, a link loop...: which, and where
        where = Path(exc.filename) if isinstance(exc.filename, str) else Path(spec)
        why = why_unreachable(where, exc)
        raise SessionUnusable(tell(W.unreachable, folder=printable(spec), why=why), 2) from None


def load_results(spec: str, args: argparse.Namespace) -> tuple[Path, SessionResults]:
    """The journal `spec` names and its results; notes (torn line skipped, deck not found)
    go to stderr. SessionUnusable says why not."""
    from debate import cli_lang
    from debate.cli_words import W, said, tell
    from debate.record.journal import JournalError, replay_journal
    from debate.record.results import build_results

    journal = journal_named(spec, sessions_folder(args))
    try:
        replayed = replay_journal(journal, keep_events=False)  # the state is all it needs
    except JournalError as exc:
        raise SessionUnusable(said(exc), 1) from None
    state, warnings = replayed.state, replayed.warnings
    if state.opened is None:
        raise SessionUnusable(tell(W.empty_journal, journal=journal), 1)
    for warning in warnings:
        note(said(warning))
    cli_lang.fallback(state.opened.language)
    if not state.opened.deck_path:
        note(tell(W.no_deck_recorded, journal=journal))
        return journal, build_results(state, None)
    return journal, build_results(state, _deck_for(state.opened.deck_path, journal.parent))


@cache
def _deck_for(recorded: str, folder: Path) -> Deck | None:
    """The deck the session ran on, if it can still be loaded; else None, and a note.

    Cached: `debate merge` of 100 meetings on one deck loads (and notes) it once."""
    from debate.cli_words import W, tell
    from debate.deck import DeckError, DeckNotFound, load_deck

    candidates = [recorded]
    if not Path(recorded).is_absolute():  # also look next to the journal, for moved folders
        candidates.append(str(folder / recorded))
    for candidate in candidates:
        try:
            return load_deck(candidate)
        except DeckNotFound:
            continue
        except DeckError as exc:
            n = len(exc.problems)
            unreadable = W.deck_unreadable_one if n == 1 else W.deck_unreadable
            note(tell(unreadable, deck=recorded, n=n))
            return None
    note(tell(W.deck_gone, deck=recorded))
    return None


def note(message: str) -> None:
    print(signed(message), file=sys.stderr)


def add_rehearsals_option(parser: Any) -> None:
    from debate.cli_words import W, tell

    parser.add_argument("--rehearsals", action="store_true", help=tell(W.rehearsals_help))


def without_rehearsals(
    results: list[SessionResults], args: argparse.Namespace
) -> list[SessionResults]:
    """The meetings to count: rehearsals only with --rehearsals, so that the afternoon's
    try never reaches the organiser's totals. SessionUnusable when nothing is left."""
    from debate.cli_words import W, tell

    if args.rehearsals:
        return results
    kept = [r for r in results if not r.rehearsal]
    left_out = len(results) - len(kept)
    if not kept:
        raise SessionUnusable(tell(W.all_rehearsals), 1)
    if left_out:
        note(tell(W.left_out_one) if left_out == 1 else tell(W.left_out, n=left_out))
    return kept
