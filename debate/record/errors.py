"""What can stop a session from opening; one base class so that a caller catches them all."""

from __future__ import annotations


class SessionError(Exception):
    """A session that cannot be opened, found or read; one line for the facilitator."""


class SessionNotFound(SessionError):
    pass
