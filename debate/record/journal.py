"""The journal: an append-only file of events, one JSON object per line, fsynced per append.

A line counts only once its newline is on disk: a power cut mid-append leaves a torn last
line, which the reader skips with a warning. Nothing is ever overwritten or truncated, so
before appending after a torn line the writer starts a new line and acknowledges the torn
one with a marker line naming its number, length and hash (docs/session-format.md):

    {"type": "vote-recorded", "card": "ja~  <- torn by a power cut, then closed by `~`
    ["torn-line", {"line": 7, "bytes": 32, "sha256": "…"}]
    {"type": "remark", ...}                  <- the next append, on its own line

Any other line that cannot be read, or an event that cannot apply, is damage: JournalError
names the file and line, and the file is left exactly as it is.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from debate.error_words import Error
from debate.fserrors import system_says
from debate.record.errors import SessionError
from debate.record.events import (
    FORMAT,
    Event,
    EventError,
    from_json,
    without_lone_surrogates,
)
from debate.record.state import Fold, InvalidEvent, SessionState
from debate.records import record
from debate.told import Phrase, Told

MARKER = "torn-line"  # a JSON array, never an object: no torn event line is a prefix of one
END_TORN = b"~"  # closes a torn line before its marker; no JSON text ends with it


class JournalError(Told, SessionError):
    """A journal that cannot be read as it is; one line naming the file (and line), in
    the reader's language (debate/told.py)."""


@record(frozen=True)
class Replayed:
    """What a journal holds: its events, the state they fold to, and what was skipped."""

    events: tuple[Event, ...]
    state: SessionState
    warnings: tuple[Phrase, ...]  # in every language (torn lines, lone surrogates)
    torn_lines: tuple[int, ...] = ()  # the skipped lines, numbered from 1
    # What the next append must write before its own line: empty, or the acknowledgment of
    # a torn last line (preceded by a newline when that line has none).
    repair: bytes = b""
    last_line: bytes = b""  # the last event's line as stored, without its newline


def read_journal(path: Path) -> tuple[list[Event], list[str]]:
    """The events of a journal and the warnings about skipped torn lines; JournalError if
    it is damaged or unreadable."""
    replayed = replay_journal(path)
    return list(replayed.events), [str(warning) for warning in replayed.warnings]


def replay_journal(path: Path, *, keep_events: bool = True) -> Replayed:
    """Read a journal line by line: memory holds the state, never the whole file (a 2 GB
    file in the sessions folder must not exhaust it). `keep_events=False` leaves
    `events` empty, for a reader that only needs the state."""
    try:
        with path.open("rb") as file:
            return _read(file, str(path), keep_events)
    except OSError as exc:
        raise JournalError(Error.CANNOT_READ, path=path, why=system_says(exc)) from None


def parse_journal(data: bytes, name: str) -> Replayed:
    return _read(io.BytesIO(data), name, keep_events=True)


def marker_for(number: int, line: bytes) -> bytes:
    """The line acknowledging that line `number` (1-based, `line` without its newline) was torn.

    Deterministic, so that a reader can also recognise a marker that was itself torn."""
    body = {"line": number, "bytes": len(line), "sha256": hashlib.sha256(line).hexdigest()}
    return json.dumps([MARKER, body]).encode()


# No line debate writes comes near this (a deck is at most 5 MB, so are its labels);
# a longer one is not a journal, and reading it whole could take all the memory.
MAX_LINE = 16 << 20
# A marker is about 120 bytes: a longer line that starts with '[' is neither a marker
# nor a torn one, and is not hashed against the line before it.
_MARKER_MAX = 256
# Each marker follows a power cut: a journal holds a handful, never this many.
_MAX_MARKERS = 10_000


class _Kind(Enum):
    EVENT = "event"
    TORN = "torn"  # skipped, with a warning
    MARKER = "marker"  # acknowledges the torn line before it


class LineTooLong(Exception):
    def __init__(self, number: int) -> None:
        self.number = number


class _TooManyMarkers(LineTooLong):
    """Lines like '[' by the million: each is remembered by the first pass, so a file of
    them would take the memory a 2 GB file must not."""


def read_lines(file: BinaryIO, size: int | None = None) -> Iterator[tuple[bytes, bool]]:
    """Each line without its newline, and whether it had one; at most `size` bytes."""
    left = size
    number = 0
    while left is None or left > 0:
        chunk = file.readline(MAX_LINE + 1 if left is None else min(MAX_LINE + 1, left))
        if not chunk:
            return
        number += 1
        if left is not None:
            left -= len(chunk)
        if chunk.endswith(b"\n"):
            yield chunk[:-1], True
        elif len(chunk) > MAX_LINE:
            raise LineTooLong(number)
        else:
            yield chunk, False  # the last line, its newline never written


@dataclass
class _Layout:
    """What a first pass learns of the lines, so that the second never looks back."""

    count: int = 0  # lines
    size: int = 0  # bytes
    clean_end: bool = True  # the file ends with a newline, or is empty
    last: bytes = b""  # the last line
    # Line index -> how the next line (one starting with '[') relates to this one's
    # marker: "same" (it is the marker) or "prefix" (a marker cut short).
    followed: dict[int, str] = field(default_factory=dict)


def _layout(file: BinaryIO) -> _Layout:
    layout = _Layout()
    previous = b""
    for line, terminated in read_lines(file):
        index = layout.count
        if index and line.startswith(b"[") and len(line) <= _MARKER_MAX:
            marker = marker_for(index, previous)
            relation = "same" if line == marker else "prefix" if marker.startswith(line) else ""
            if relation:
                layout.followed[index - 1] = relation
                if len(layout.followed) > _MAX_MARKERS:
                    raise _TooManyMarkers(index + 1)
        layout.count += 1
        layout.size += len(line) + terminated
        layout.clean_end = terminated
        previous = line
    layout.last = previous
    return layout


def _classify(layout: _Layout) -> dict[int, _Kind]:
    """Which lines are torn (skipped) or markers; every other line is an event. Decided
    from the end backwards, since a line is torn only if it is last or acknowledged by a
    marker after it; only the lines the first pass marked need looking at."""
    count = layout.count
    kinds: dict[int, _Kind] = {}
    for i in sorted({*layout.followed, count - 1} - {-1}, reverse=True):
        if i == count - 1:
            # Unterminated: its append never finished. Terminated but not JSON: only our own
            # repair ends a torn line with a newline, and it was cut before the marker.
            if not layout.clean_end or not _is_json(layout.last):
                kinds[i] = _Kind.TORN
            continue
        relation = layout.followed[i]
        next_terminated = i + 1 < count - 1 or layout.clean_end
        after = kinds.get(i + 1, _Kind.EVENT)
        if relation == "same" and next_terminated:
            kinds[i] = _Kind.TORN
            if after is _Kind.EVENT:
                kinds[i + 1] = _Kind.MARKER
        elif relation in ("same", "prefix") and after is _Kind.TORN:
            # The acknowledgment of this torn line was itself cut short.
            kinds[i] = _Kind.TORN
    return kinds


def _read(file: BinaryIO, name: str, keep_events: bool) -> Replayed:
    # The fold makes no reference cycles, but each of its allocations counts towards the
    # collector's next pass over everything alive, the events read so far included: paused
    # for the replay (a fifth of its time on a long journal, docs/benchmarks.md).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _read_all(file, name, keep_events)
    finally:
        if paused:
            gc.enable()


def _read_all(file: BinaryIO, name: str, keep_events: bool) -> Replayed:
    try:
        layout = _layout(file)
        file.seek(0)
        # Only the bytes the first pass saw: a window appending meanwhile adds lines the
        # classification has not looked at.
        return _fold(read_lines(file, layout.size), layout, name, keep_events)
    except _TooManyMarkers as exc:
        where = f"{name}:{exc.number}"
        raise JournalError(Error.TOO_MANY_MARKERS, where=where, limit=_MAX_MARKERS) from None
    except LineTooLong as exc:
        where = f"{name}:{exc.number}"
        raise JournalError(Error.LINE_TOO_LONG, where=where, limit=MAX_LINE) from None


def _fold(
    lines: Iterator[tuple[bytes, bool]], layout: _Layout, name: str, keep_events: bool
) -> Replayed:
    kinds = _classify(layout)
    events: list[Event] = []
    warnings: list[Phrase] = []
    torn: list[int] = []
    fold = Fold()
    last_line = b""
    for index, (line, _) in enumerate(lines):
        where = f"{name}:{index + 1}"
        kind = kinds.get(index, _Kind.EVENT)
        if kind is _Kind.TORN:
            torn.append(index + 1)
            warnings.append(Phrase(Error.TORN_LINE, where=where))
            continue
        if kind is _Kind.MARKER:
            continue
        if fold.events == 0:
            _check_format(line, where)
        event = _event(line, where)
        if b"\\u" in line:  # only an escape can hold a lone surrogate
            fixed = without_lone_surrogates(event)
            if fixed is not None:
                event = fixed
                warnings.append(Phrase(Error.LONE_SURROGATE, where=where))
        try:
            fold.add(event)
        except InvalidEvent as exc:
            raise JournalError(Error.CANNOT_FOLLOW, where=where, why=exc) from None
        if keep_events:
            events.append(event)
        last_line = line
    repair = b""
    if layout.count and kinds.get(layout.count - 1) is _Kind.TORN:
        last = layout.last
        if not layout.clean_end:
            # End the torn line with a byte no JSON text ends with: even if only part of
            # this repair lands, a torn line never becomes a valid one (and comes back).
            last += END_TORN
            repair = END_TORN + b"\n"
        repair += marker_for(layout.count, last) + b"\n"
    return Replayed(tuple(events), fold.state(), tuple(warnings), tuple(torn), repair, last_line)


def _event(line: bytes, where: str) -> Event:
    try:
        return from_json(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise JournalError(Error.NOT_UTF8, where=where) from None
    except EventError as exc:
        raise JournalError(Error.NOT_AN_EVENT, where=where, why=exc) from None
    except ValueError:
        raise JournalError(Error.NOT_JSON, where=where) from None


def _check_format(line: bytes, where: str) -> None:
    """A journal from a newer debate gets a clear message, not one about unknown fields."""
    try:
        data = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):
        return  # said precisely by the caller
    found = data.get("format") if isinstance(data, dict) else None
    if isinstance(found, int) and found > FORMAT:
        raise JournalError(Error.NEWER_FORMAT, where=where, found=found, reads=FORMAT)


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):  # Unicode- and JSONDecodeError are ValueErrors
        return False
    return True
