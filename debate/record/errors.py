"""What can stop a session from opening; one base class so that a caller catches them all."""

from __future__ import annotations

from debate.told import Told


class SessionError(Exception):
    """A session that cannot be opened, found or read; one line for the facilitator."""


class SessionNotFound(Told, SessionError):
    """Worded in the reader's language (debate/told.py)."""


class SessionOfOtherKind(Told, SessionError):
    """--resume ID of a rehearsal without --rehearsal, or of a real meeting with it."""
