"""Quick looks at a journal without replaying it: what its first and last lines say
(which meeting, and whether it was closed), and which of two copies of one meeting's
journal holds the other. The format and its full reading are in journal.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

from debate.record.events import (
    SessionClosed,
    SessionOpened,
    from_json,
    without_lone_surrogates,
)
from debate.record.journal import LineTooLong, read_lines
from debate.records import record


@record(frozen=True)
class Glance:
    """What a journal's first and last lines say, read without the rest: enough to tell
    which meeting it is and whether it was closed. Not a check: replay_journal is."""

    opened: SessionOpened | None  # None: the first line is not a session's opening
    closed: bool  # its last event closes the session


_TAIL = 64 << 10  # bytes read from the end to find the last event


def glance(path: Path) -> Glance:
    """The first line and the last event of a journal, in two small reads; never raises."""
    try:
        with path.open("rb") as file:
            first, terminated = next(read_lines(file), (b"", False))
            size = file.seek(0, os.SEEK_END)
            file.seek(max(size - _TAIL, 0))
            tail = file.read(_TAIL)
    except (OSError, LineTooLong):
        return Glance(None, False)
    opened = _opening(first) if terminated else None
    if opened is None:
        return Glance(None, False)
    # The last event is the last whole line that is a JSON object: an unterminated line
    # was torn, and markers are arrays. A line cut by the start of the tail is skipped.
    lines = tail.split(b"\n")
    lines.pop()  # after the last newline: empty, or an unterminated line
    if size > _TAIL and lines:
        lines.pop(0)
    for line in reversed(lines):
        try:
            data = json.loads(line.decode("utf-8"))
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict):
            return Glance(opened, data.get("type") == SessionClosed.kind)
    return Glance(opened, False)


def _opening(line: bytes) -> SessionOpened | None:
    try:
        event = from_json(line.decode("utf-8"))
    except ValueError:  # EventError, UnicodeDecodeError and JSON errors alike
        return None
    if not isinstance(event, SessionOpened):
        return None
    fixed = without_lone_surrogates(event)
    return fixed if isinstance(fixed, SessionOpened) else event


def record_holding(a: Path, b: Path) -> Path | None:
    """Of two journals of one meeting, the one whose bytes begin with all of the other's
    (a copy taken earlier in the evening, a hard link, the same file under two names);
    None when each holds what the other lacks. Read in chunks: either may be large."""
    try:
        with a.open("rb") as one, b.open("rb") as two:
            while True:
                left, right = one.read(_CHUNK), two.read(_CHUNK)
                common = min(len(left), len(right))
                if left[:common] != right[:common]:
                    return None
                if len(left) != len(right) or not left:
                    return a if len(left) >= len(right) else b
    except OSError:
        return None


_CHUNK = 1 << 20
