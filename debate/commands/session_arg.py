"""The SESSION argument of `summary`, `print` and `merge`: a journal path or a session id,
read into its results (with the deck it was run on, when that deck can still be found).

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
    parser.add_argument(
        "--sessions",
        type=Path,
        metavar="DIR",
        help=f"where meetings are kept (default: ./{DEFAULT_SESSIONS_DIR} if there is one, "
        "else debate's folder in your user data folder; `debate sessions` names it)",
    )


def sessions_folder(args: argparse.Namespace) -> Path:
    """The sessions folder for this command: --sessions, else the default (debate/paths.py).
    SessionUnusable (exit 2) if it cannot be one, saying why: a file, a closed parent
    folder, a link loop... A folder that does not exist yet is fine: it has no sessions,
    and the first meeting creates it."""
    from debate.fserrors import why_unreachable
    from debate.paths import default_sessions_dir
    from debate.untrusted import printable

    folder: Path = args.sessions if args.sessions is not None else default_sessions_dir()
    try:
        found = os.stat(folder)
    except OSError as exc:
        if exc.errno == errno.ENOENT and not os.path.islink(folder):
            return folder
        why = why_unreachable(folder, exc)
        raise SessionUnusable(f"{printable(str(folder))}: {why}", 2) from None
    shown = printable(str(folder))
    if not stat.S_ISDIR(found.st_mode):
        given = " (given by --sessions)" if args.sessions is not None else ""
        raise SessionUnusable(f"{shown}: not a folder{given}", 2)
    try:
        with os.scandir(folder):  # a closed folder would list as "no sessions"
            pass
    except OSError as exc:
        raise SessionUnusable(f"{shown}: cannot list this folder: {exc.strerror}", 2) from None
    return folder


def load_results(spec: str, args: argparse.Namespace) -> tuple[Path, SessionResults]:
    """The journal `spec` names and its results; notes (torn line skipped, deck not found)
    go to stderr. SessionUnusable says why not."""
    from debate.fserrors import why_unreachable
    from debate.record.catalog import resolve_session
    from debate.record.errors import SessionNotFound
    from debate.record.journal import JournalError, replay_journal
    from debate.record.results import build_results
    from debate.untrusted import printable

    try:
        journal = resolve_session(spec, sessions_folder(args))
    except SessionNotFound as exc:
        raise SessionUnusable(str(exc), 2) from None
    except OSError as exc:  # a name too long, a link loop...: which, and where
        where = Path(exc.filename) if isinstance(exc.filename, str) else Path(spec)
        raise SessionUnusable(f"{printable(spec)}: {why_unreachable(where, exc)}", 2) from None
    try:
        replayed = replay_journal(journal, keep_events=False)  # the state is all it needs
    except JournalError as exc:
        raise SessionUnusable(str(exc), 1) from None
    state, warnings = replayed.state, replayed.warnings
    if state.opened is None:
        raise SessionUnusable(f"{journal}: an empty journal, no session was opened in it", 1)
    for warning in warnings:
        note(warning)
    if not state.opened.deck_path:
        note(f"{journal}: no deck recorded; the summary names cards by their id")
        return journal, build_results(state, None)
    return journal, build_results(state, _deck_for(state.opened.deck_path, journal.parent))


@cache
def _deck_for(recorded: str, folder: Path) -> Deck | None:
    """The deck the session ran on, if it can still be loaded; else None, and a note.

    Cached: `debate merge` of 100 meetings on one deck loads (and notes) it once."""
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
            note(
                f"{recorded}: the deck cannot be read ({len(exc.problems)} problems); "
                "the summary names cards by their id"
            )
            return None
    note(f"{recorded}: deck not found; the summary names cards by their id")
    return None


def note(message: str) -> None:
    print(f"debate: {message}", file=sys.stderr)


def add_rehearsals_option(parser: Any) -> None:
    parser.add_argument(
        "--rehearsals",
        action="store_true",
        help="count the rehearsals (meetings run with `debate run --rehearsal`) too; "
        "without it they are left out, and a note says how many",
    )


def without_rehearsals(
    results: list[SessionResults], args: argparse.Namespace
) -> list[SessionResults]:
    """The meetings to count: rehearsals only with --rehearsals, so that the afternoon's
    try never reaches the organiser's totals. SessionUnusable when nothing is left."""
    if args.rehearsals:
        return results
    kept = [r for r in results if not r.rehearsal]
    left_out = len(results) - len(kept)
    if not kept:
        raise SessionUnusable(
            "every meeting given is a rehearsal: add --rehearsals to count them", 1
        )
    if left_out:
        what = "one rehearsal" if left_out == 1 else f"{left_out} rehearsals"
        note(f"left out {what} (--rehearsals counts them)")
    return kept
