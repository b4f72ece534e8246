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
import json
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from debate import platform
from debate.platform import LinkRefused
from debate.record.errors import SessionError
from debate.record.events import FORMAT, Event, EventError, from_json
from debate.record.state import InvalidEvent, SessionState, apply
from debate.safefile import fsync_dir

MARKER = "torn-line"  # a JSON array, never an object: no torn event line is a prefix of one
END_TORN = b"~"  # closes a torn line before its marker; no JSON text ends with it


class JournalError(SessionError):
    """A journal that cannot be read as it is; one line naming the file (and line)."""


@dataclass(frozen=True)
class Replayed:
    """What a journal holds: its events, the state they fold to, and what was skipped."""

    events: tuple[Event, ...]
    state: SessionState
    warnings: tuple[str, ...]
    torn_lines: tuple[int, ...] = ()  # the skipped lines, numbered from 1
    # What the next append must write before its own line: empty, or the acknowledgment of
    # a torn last line (preceded by a newline when that line has none).
    repair: bytes = b""
    last_line: bytes = b""  # the last event's line as stored, without its newline


def read_journal(path: Path) -> tuple[list[Event], list[str]]:
    """The events of a journal and the warnings about skipped torn lines; JournalError if
    it is damaged or unreadable."""
    replayed = replay_journal(path)
    return list(replayed.events), list(replayed.warnings)


def replay_journal(path: Path) -> Replayed:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JournalError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parse_journal(data, str(path))


def marker_for(number: int, line: bytes) -> bytes:
    """The line acknowledging that line `number` (1-based, `line` without its newline) was torn.

    Deterministic, so that a reader can also recognise a marker that was itself torn."""
    body = {"line": number, "bytes": len(line), "sha256": hashlib.sha256(line).hexdigest()}
    return json.dumps([MARKER, body]).encode()


class _Kind(Enum):
    EVENT = "event"
    TORN = "torn"  # skipped, with a warning
    MARKER = "marker"  # acknowledges the torn line before it


def parse_journal(data: bytes, name: str) -> Replayed:
    lines = data.split(b"\n")
    clean_end = lines[-1] == b""  # the file ends with a newline, or is empty
    if clean_end:
        lines.pop()
    kinds = _classify(lines, clean_end)
    events: list[Event] = []
    warnings: list[str] = []
    torn: list[int] = []
    state = SessionState()
    last_line = b""
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        where = f"{name}:{index + 1}"
        if kind is _Kind.TORN:
            torn.append(index + 1)
            warnings.append(torn_warning(where))
            continue
        if kind is _Kind.MARKER:
            continue
        if not events:
            _check_format(line, where)
        try:
            event = from_json(line.decode("utf-8"))
        except UnicodeDecodeError:
            raise JournalError(f"{where}: not UTF-8 text; the file was left untouched") from None
        except EventError as exc:
            raise JournalError(
                f"{where}: not an event ({exc}); the file was left untouched"
            ) from None
        except ValueError:
            raise JournalError(f"{where}: not valid JSON; the file was left untouched") from None
        try:
            state = apply(state, event)
        except InvalidEvent as exc:
            raise JournalError(
                f"{where}: an event that cannot follow the ones before it ({exc}); "
                "the file was left untouched"
            ) from None
        events.append(event)
        last_line = line
    repair = b""
    if lines and kinds[-1] is _Kind.TORN:
        last = lines[-1]
        if not clean_end:
            # End the torn line with a byte no JSON text ends with: even if only part of
            # this repair lands, a torn line never becomes a valid one (and comes back).
            last += END_TORN
            repair = END_TORN + b"\n"
        repair += marker_for(len(lines), last) + b"\n"
    return Replayed(tuple(events), state, tuple(warnings), tuple(torn), repair, last_line)


def torn_warning(where: str, template: str = "") -> str:
    """The warning for a skipped torn line at `where` (FILE:LINE)."""
    template = template or (
        "{where}: skipped a line cut short by an interruption (power cut?); "
        "nothing before it is lost"
    )
    return template.format(where=where)


def _classify(lines: list[bytes], clean_end: bool) -> list[_Kind]:
    """Which lines are events, torn (skipped) or markers; decided from the end backwards,
    since a line is torn only if it is last or acknowledged by a marker after it."""
    count = len(lines)
    kinds = [_Kind.EVENT] * count
    for i in reversed(range(count)):
        line = lines[i]
        if i == count - 1:
            # Unterminated: its append never finished. Terminated but not JSON: only our own
            # repair ends a torn line with a newline, and it was cut before the marker.
            if not clean_end or not _is_json(line):
                kinds[i] = _Kind.TORN
            continue
        nxt = lines[i + 1]
        if not nxt.startswith(b"["):  # the usual case: no marker follows, spare the hash
            continue
        next_terminated = i + 1 < count - 1 or clean_end
        marker = marker_for(i + 1, line)
        if nxt == marker and next_terminated:
            kinds[i] = _Kind.TORN
            if kinds[i + 1] is _Kind.EVENT:
                kinds[i + 1] = _Kind.MARKER
        elif nxt and marker.startswith(nxt) and kinds[i + 1] is _Kind.TORN:
            # The acknowledgment of this torn line was itself cut short.
            kinds[i] = _Kind.TORN
    return kinds


def _check_format(line: bytes, where: str) -> None:
    """A journal from a newer debate gets a clear message, not one about unknown fields."""
    try:
        data = json.loads(line.decode("utf-8"))
    except ValueError:
        return  # said precisely by the caller
    found = data.get("format") if isinstance(data, dict) else None
    if isinstance(found, int) and found > FORMAT:
        raise JournalError(
            f"{where}: written by a newer debate (journal format {found}; this one reads "
            f"format {FORMAT}); the file was left untouched"
        )


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
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
        self._last_line = replayed.last_line
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
        self._last_line = line
        self._size += len(data)
        self.count += 1

    def _open_unchanged(self) -> int:
        """The journal opened to append, if it is still the file we read and wrote."""
        fd = platform.open_regular(self.path, os.O_WRONLY | os.O_APPEND)
        now = os.fstat(fd)
        if os.path.samestat(now, self._seen) and now.st_size == self._size:
            return fd
        os.close(fd)
        raise JournalError(
            f"{self.path}: written by something else since debate last wrote it (another "
            "debate window?); not writing to it: the file was left untouched"
        )

    def _recheck(self, line: bytes) -> bool:
        """After a failed append, read back what it left. True if `line` made it whole (the
        failure came after the write: only the fsync is redone)."""
        replayed, seen, size = _read_to_append(self.path)
        if not os.path.samestat(seen, self._seen):
            raise JournalError(
                f"{self.path}: replaced by another file since debate last wrote it; not "
                "writing to it"
            )
        if len(replayed.events) == self.count + 1 and replayed.last_line == line:
            fd = platform.open_regular(self.path, os.O_WRONLY | os.O_APPEND)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            self._unsure = False
            self._last_line = line
            self._size = size
            self.count += 1
            return True
        if len(replayed.events) != self.count:
            raise JournalError(
                f"{self.path}: holds {len(replayed.events)} events where {self.count} were "
                "written: changed by something else; not writing to it"
            )
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
        raise JournalError(f"{path}: {exc.strerror}; the file was left untouched") from None
    except OSError as exc:
        raise JournalError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        seen = os.fstat(fd)
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read()
    except OSError as exc:
        raise JournalError(f"{path}: cannot read: {exc.strerror or exc}") from None
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
