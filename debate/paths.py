"""Where things live on disk: the one place that computes a session's file names.

A session `<id>` is `<id>.jsonl` (the journal), `<id>.txt` (the minutes) and, while a
debate window has it open, `<id>.lock`, all in the sessions directory.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_SESSIONS_DIR = Path("sessions")

JOURNAL_SUFFIX = ".jsonl"
MINUTES_SUFFIX = ".txt"
LOCK_SUFFIX = ".lock"
# The place's part of a session id: file systems refuse names over 255 bytes, and the
# id also takes a date, a "-2" when taken, and the longest suffix.
PLACE_SLUG_MAX = 60


def journal_path(sessions_dir: Path, session_id: str) -> Path:
    return sessions_dir / f"{session_id}{JOURNAL_SUFFIX}"


def minutes_path(sessions_dir: Path, session_id: str) -> Path:
    return sessions_dir / f"{session_id}{MINUTES_SUFFIX}"


def lock_path(sessions_dir: Path, session_id: str) -> Path:
    return sessions_dir / f"{session_id}{LOCK_SUFFIX}"


def session_id_of(journal: Path) -> str:
    """`sessions/2026-03-01-2005-salle.jsonl` -> `2026-03-01-2005-salle`."""
    return journal.name.removesuffix(JOURNAL_SUFFIX)


def minutes_for(journal: Path) -> Path:
    """The minutes that sit next to a journal, wherever that journal is."""
    return minutes_path(journal.parent, session_id_of(journal))


def lock_for(journal: Path) -> Path:
    return lock_path(journal.parent, session_id_of(journal))


def journals_in(sessions_dir: Path) -> list[Path]:
    """The journals in a sessions directory, by name; none if the directory does not exist."""
    if not sessions_dir.is_dir():
        return []
    found = (p for p in sessions_dir.glob(f"*{JOURNAL_SUFFIX}") if p.is_file())
    return sorted(found, key=session_id_of)  # ids begin with the date: oldest first
