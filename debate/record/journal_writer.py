"""Appending to a journal: one event per line, fsynced, to the very file that was read
(the format and its reading are in journal.py)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from debate import platform
from debate.error_words import Error
from debate.fserrors import system_says
from debate.platform import LinkRefused
from debate.record.events import Event
from debate.record.journal import JournalError, Replayed, parse_journal
from debate.record.state import SessionState
from debate.safefile import fsync_dir


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
