"""The live session: apply an event, append it to the journal, rewrite the minutes."""

from __future__ import annotations

from pathlib import Path

from debate.paths import (
    DEFAULT_SESSIONS_DIR,
    JOURNAL_SUFFIX,
    journal_path,
    journals_in,
    session_id_of,
)


class SessionError(Exception):
    """A session that cannot be opened or found; the message is one line for the facilitator."""


class SessionNotFound(SessionError):
    pass


def resolve_session(spec: str, sessions_dir: Path = DEFAULT_SESSIONS_DIR) -> Path:
    """The journal named by `spec`: a journal path, an id in `sessions_dir`, or a unique
    beginning of one (`2026-03-01`). SessionNotFound says what was looked for, and where."""
    if not spec.strip():
        raise SessionNotFound("no session given: a journal path or a session id")
    given = Path(spec)
    if given.is_file():
        return given
    if spec.endswith(JOURNAL_SUFFIX) or given.exists():
        raise SessionNotFound(f"{spec}: no such session journal")
    exact = journal_path(sessions_dir, spec)
    if exact.is_file():
        return exact
    matches = [p for p in journals_in(sessions_dir) if session_id_of(p).startswith(spec)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = ", ".join(session_id_of(p) for p in matches)
        raise SessionNotFound(f"{spec}: several sessions in {sessions_dir} match: {names}")
    raise SessionNotFound(
        f"{spec}: no such session in {sessions_dir} (`debate sessions` lists them)"
    )
