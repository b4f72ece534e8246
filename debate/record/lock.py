"""One writer per session: a lock on `<id>.lock`, which holds the writer's pid, and on the
journal itself.

Where the system locks open files (flock on Unix, msvcrt on Windows: debate/platform.py),
the lock belongs to the open file, not to the process: a second open in the same process
is refused too, and the kernel releases it when the process dies, so a `kill -9` never
leaves a session locked. The descriptors are opened read-only, so holding the lock does not
stop a file system from being remounted read-only under us. The journal is locked as well
(`cover`): deleting a live `<id>.lock` lets a second window lock a new file of that name,
but never the journal.

Where it does not, `<id>.lock` is created exclusively and holds the pid; a lock whose
process is gone is taken over. That fallback cannot tell two windows taking over the same
stale lock at the same instant; the journal's own check before every append
(debate/record/journal_writer.py) still refuses the second writer.

The lock file is never opened through a link, and only ever written through a descriptor
checked to be the locked file: a planted `<id>.lock -> other.jsonl` is refused, untouched.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from debate import platform
from debate.error_words import Error
from debate.fserrors import system_says
from debate.platform import LinkRefused
from debate.record.errors import SessionError
from debate.told import Told


class SessionLocked(Told, SessionError):
    """The session is being written by another debate window."""

    def __init__(self, session_id: str, pid: int | None) -> None:
        self.session_id = session_id
        self.pid = pid  # for whoever investigates; a facilitator has no use for a pid
        super().__init__(Error.LOCKED, session=session_id)


class LockRefused(Told, SessionError):
    """`<id>.lock` is not a file debate made (a link, a folder...): left as it is."""

    def __init__(self, exc: LinkRefused) -> None:
        super().__init__(Error.NOT_OUR_LOCK, path=exc.filename, why=system_says(exc))


class SessionLock:
    def __init__(self, path: Path, session_id: str, fd: int) -> None:
        self.path = path
        self.session_id = session_id
        self._fd: int | None = fd
        self._journal_fd: int | None = None

    @classmethod
    def acquire(cls, path: Path, session_id: str) -> SessionLock:
        """Take the lock without waiting: SessionLocked if another holds it, LockRefused if
        the name is taken by something else than a lock file; OSError if the lock file
        cannot be created (a read-only or full sessions directory)."""
        try:
            if platform.descriptor_locks():
                fd = _lock_descriptor(path, session_id)
            else:
                fd = _lock_exclusive(path, session_id)
        except LinkRefused as exc:
            raise LockRefused(exc) from None
        # On a full disk the lock still holds; only the pid in the message is lost.
        with contextlib.suppress(OSError):
            _write_pid(path, fd)
        return cls(path, session_id, fd)

    def cover(self, journal: Path) -> None:
        """Lock the journal too, for as long as this lock is held: SessionLocked if another
        window has it. Without descriptor locks, nothing to do here (see the module's
        docstring); OSError if the journal cannot be opened (the reader says why)."""
        if self._journal_fd is not None or not platform.descriptor_locks():
            return
        fd = platform.open_regular(journal, os.O_RDONLY)
        if not platform.try_lock(fd):
            os.close(fd)
            raise SessionLocked(self.session_id, None)
        self._journal_fd = fd

    def verify(self) -> None:
        """Before a write: the lock file is still ours. One deleted (or replaced) behind our
        back is taken again if no one else has; SessionLocked if someone has."""
        if self._fd is None or _is_ours(self._fd, self.path):
            return
        taken = SessionLock.acquire(self.path, self.session_id)
        _close(self._fd, locked=platform.descriptor_locks())
        self._fd, taken._fd = taken._fd, None

    def release(self) -> None:
        if self._fd is None:
            return
        if self._journal_fd is not None:
            _close(self._journal_fd, locked=True)
            self._journal_fd = None
        # Removed while still locked, so no one can take a lock on a file about to vanish;
        # and only if it is still ours: never another window's.
        if _is_ours(self._fd, self.path):
            with contextlib.suppress(OSError):  # a read-only folder: a stale file is harmless
                self.path.unlink()
        _close(self._fd, locked=platform.descriptor_locks())
        self._fd = None


def _lock_descriptor(path: Path, session_id: str) -> int:
    while True:
        fd = platform.open_regular(path, os.O_RDONLY | os.O_CREAT, 0o644)
        try:
            taken = platform.try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not taken:
            os.close(fd)
            raise SessionLocked(session_id, read_pid(path))
        # The previous holder removes the file as it releases it: if that happened
        # between our open and our lock, we hold a lock on a file nobody else sees.
        if _is_ours(fd, path):
            return fd
        _close(fd, locked=True)


def _lock_exclusive(path: Path, session_id: str) -> int:
    """Without descriptor locks: the lock is the file's existence, made by O_EXCL."""
    while True:
        try:
            return platform.open_regular(path, os.O_RDONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            pass
        pid = read_pid(path)
        # No pid yet (its maker is between creating and writing it), or a live one, or no
        # way to ask: held. Only a pid known to be gone is taken over.
        if pid is None or platform.process_alive(pid) is not False:
            raise SessionLocked(session_id, pid)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _write_pid(path: Path, locked: int) -> None:
    """The pid, written through a second descriptor checked to be the locked file (the
    lock's own stays read-only)."""
    fd = platform.open_regular(path, os.O_WRONLY)
    try:
        if not os.path.samestat(os.fstat(fd), os.fstat(locked)):
            return
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    finally:
        os.close(fd)


def _is_ours(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.lstat(path))
    except FileNotFoundError:
        return False


def _close(fd: int, *, locked: bool) -> None:
    if locked:
        with contextlib.suppress(OSError):
            platform.unlock(fd)
    os.close(fd)


def held_elsewhere(lock: Path) -> bool:
    """Whether another window holds this lock now, as far as can be told without taking
    it: the pid it names is another process, and runs (a window killed leaves its pid
    behind, of a process gone). False where that cannot be told (no pid, a system that
    cannot be asked): taking the lock then says."""
    pid = read_pid(lock)
    return pid is not None and pid != os.getpid() and platform.process_alive(pid) is True


def read_pid(path: Path) -> int | None:
    """The pid a lock file holds; None if it holds none (yet) or cannot be read."""
    try:
        fd = platform.open_regular(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        text = os.read(fd, 32).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    finally:
        os.close(fd)
    return int(text) if text.isdigit() else None
