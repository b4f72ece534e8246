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

import errno
import hashlib
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from debate import platform
from debate.error_words import Error
from debate.fserrors import system_says
from debate.platform import LinkRefused
from debate.record.errors import SessionError
from debate.record.events import (
    FORMAT,
    Event,
    EventError,
    SessionClosed,
    SessionOpened,
    from_json,
    without_lone_surrogates,
)
from debate.record.state import Fold, InvalidEvent, SessionState
from debate.safefile import fsync_dir
from debate.told import Phrase, Told

MARKER = "torn-line"  # a JSON array, never an object: no torn event line is a prefix of one
END_TORN = b"~"  # closes a torn line before its marker; no JSON text ends with it


class JournalError(Told, SessionError):
    """A journal that cannot be read as it is; one line naming the file (and line), in
    the reader's language (debate/told.py)."""


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
            first, terminated = next(_lines(file), (b"", False))
            size = file.seek(0, os.SEEK_END)
            file.seek(max(size - _TAIL, 0))
            tail = file.read(_TAIL)
    except (OSError, _TooLong):
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


class _TooLong(Exception):
    def __init__(self, number: int) -> None:
        self.number = number


class _TooManyMarkers(_TooLong):
    """Lines like '[' by the million: each is remembered by the first pass, so a file of
    them would take the memory a 2 GB file must not."""


def _lines(file: BinaryIO, size: int | None = None) -> Iterator[tuple[bytes, bool]]:
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
            raise _TooLong(number)
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
    for line, terminated in _lines(file):
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
    try:
        layout = _layout(file)
        file.seek(0)
        # Only the bytes the first pass saw: a window appending meanwhile adds lines the
        # classification has not looked at.
        return _fold(_lines(file, layout.size), layout, name, keep_events)
    except _TooManyMarkers as exc:
        where = f"{name}:{exc.number}"
        raise JournalError(Error.TOO_MANY_MARKERS, where=where, limit=_MAX_MARKERS) from None
    except _TooLong as exc:
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


class Journal:
    """Appends events to one journal file. The caller holds the session's lock.

    The file is opened for each append (O_APPEND, never O_CREAT, never through a link) and
    closed after its fsync: no descriptor stays open, and a journal deleted behind our back
    is not silently recreated without its beginning. Before each append the file must be
    the one read and exactly as long as we left it: anything else (another window writing
    to it, a copy dropped in its place) stops the writing, with the file left as it is.
    """

    def __init__(self, path: Path, replayed: Replayed, seen: os.stat_result, size: int) -> None:
        self.path = path
        self.count = len(replayed.events)  # events known to be on disk
        self._repair = replayed.repair
        self._unsure = False  # an append failed: what it left must be read back first
        self._seen = seen  # the file read or created: its identity
        self._size = size  # its length as we left it

    @classmethod
    def create(cls, path: Path) -> Journal:
        """A new empty journal; FileExistsError if `path` exists (never overwrite)."""
        fd = platform.open_regular(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.fsync(fd)
            seen = os.fstat(fd)
        finally:
            os.close(fd)
        fsync_dir(path.parent)
        return cls(path, Replayed((), SessionState(), ()), seen, 0)

    @classmethod
    def open(cls, path: Path) -> tuple[Journal, Replayed]:
        replayed, seen, size = _read_to_append(path)
        return cls(path, replayed, seen, size), replayed

    def append(self, event: Event) -> None:
        """Write `event` as one line and fsync. On OSError the journal stays readable (at
        worst a torn last line) and the same event may be appended again later."""
        line = event.to_json().encode("utf-8")
        if self._unsure and self._recheck(line):
            return
        data = self._repair + line + b"\n"
        fd = self._open_unchanged()
        try:
            self._unsure = True
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        self._unsure = False
        self._repair = b""
        self._size += len(data)
        self.count += 1

    def _open_unchanged(self) -> int:
        """The journal opened to append, if it is still the file we read and wrote."""
        fd = platform.open_regular(self.path, os.O_WRONLY | os.O_APPEND)
        now = os.fstat(fd)
        if os.path.samestat(now, self._seen) and now.st_size == self._size:
            return fd
        os.close(fd)
        raise JournalError(Error.WRITTEN_BY_OTHER, path=self.path)

    def _recheck(self, line: bytes) -> bool:
        """After a failed append, read back what it left. True if `line` made it whole (the
        failure came after the write: only the fsync is redone)."""
        replayed, seen, size = _read_to_append(self.path)
        if not os.path.samestat(seen, self._seen):
            raise JournalError(Error.REPLACED, path=self.path)
        if len(replayed.events) == self.count + 1 and replayed.last_line == line:
            fd = platform.open_regular(self.path, os.O_WRONLY | os.O_APPEND)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            self._unsure = False
            self._size = size
            self.count += 1
            return True
        if len(replayed.events) != self.count:
            found = len(replayed.events)
            raise JournalError(Error.MORE_EVENTS, path=self.path, found=found, written=self.count)
        self._repair = replayed.repair
        self._size = size
        return False


def _read_to_append(path: Path) -> tuple[Replayed, os.stat_result, int]:
    """What a journal about to be appended to holds, the file it was read from and the
    bytes read: never through a link (the append would follow it), never anything but a
    regular file."""
    try:
        fd = platform.open_regular(path, os.O_RDONLY)
    except LinkRefused as exc:
        why = system_says(exc)
        raise JournalError(Error.UNREADABLE_UNTOUCHED, path=path, why=why) from None
    except OSError as exc:
        raise JournalError(Error.CANNOT_READ, path=path, why=system_says(exc)) from None
    try:
        seen = os.fstat(fd)
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read()
    except OSError as exc:
        raise JournalError(Error.CANNOT_READ, path=path, why=system_says(exc)) from None
    finally:
        os.close(fd)
    return parse_journal(data, str(path)), seen, len(data)


def _write_all(fd: int, data: bytes) -> None:
    """os.write may write part of `data` (a nearly full disk): write the rest, or raise."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written == 0:  # pragma: no cover - a regular file never does this
            raise OSError(errno.EIO, "nothing written")
        view = view[written:]
