"""Where things live on disk: the one place that computes a session's file names.

A session `<id>` is `<id>.jsonl` (the journal), `<id>.txt` (the minutes), `<id>.slide`
(what the facilitator's window shows, for the room's window: debate/meeting/slide.py)
and, while a debate window has it open, `<id>.lock`, all in the sessions directory: the one given
(`--sessions DIR`), else `./sessions` if the current folder has one (a checkout), else
`sessions/` in the user's data folder, so that a meeting is found from any folder.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_SESSIONS_DIR = Path("sessions")  # in the current folder: wins when it is there

JOURNAL_SUFFIX = ".jsonl"
MINUTES_SUFFIX = ".txt"
LOCK_SUFFIX = ".lock"
SLIDE_SUFFIX = ".slide"
# The place's part of a session id: file systems refuse names over 255 bytes, and the
# id also takes a date, a "-2" when taken, and the longest suffix.
PLACE_SLUG_MAX = 60


def default_sessions_dir() -> Path:
    """./sessions if it is a folder, else the user's data folder's sessions/."""
    if DEFAULT_SESSIONS_DIR.is_dir():
        return DEFAULT_SESSIONS_DIR
    from debate.platform import data_dir  # platformdirs: only when it is needed

    return data_dir() / "sessions"


def theme_path(sessions_dir: Path) -> Path:
    """The theme last chosen for the meetings kept in `sessions_dir`: a resumed meeting
    comes back in it (debate.tui.app)."""
    return Path(sessions_dir) / ".theme"


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


def slide_for(journal: Path) -> Path:
    return journal.parent / f"{session_id_of(journal)}{SLIDE_SUFFIX}"


def journals_in(sessions_dir: Path) -> list[Path]:
    """The journals in a sessions directory, by name; none if the directory does not exist."""
    if not sessions_dir.is_dir():
        return []
    found = (p for p in sessions_dir.glob(f"*{JOURNAL_SUFFIX}") if p.is_file())
    return sorted(found, key=session_id_of)  # ids begin with the date: oldest first
