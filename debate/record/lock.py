"""One writer per session: an exclusive flock on `<id>.lock`, which holds the writer's pid.

flock (not fcntl's record locks) because its lock belongs to the open file, not to the
process: a second open in the same process is refused too, and closing some other
descriptor of the file does not drop it. The kernel releases it when the process dies, so a
`kill -9` never leaves a session locked. The descriptor is opened read-only, so holding the
lock does not stop a file system from being remounted read-only under us.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from debate.record.errors import SessionError


class SessionLocked(SessionError):
    """The session is being written by another debate window."""

    def __init__(self, session_id: str, pid: int | None) -> None:
        self.session_id = session_id
        self.pid = pid
        who = f" (pid {pid})" if pid is not None else ""
        super().__init__(f"session {session_id} is open in another debate window{who}")


class SessionLock:
    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path, session_id: str) -> SessionLock:
        """Take the lock without waiting: SessionLocked if another holds it; OSError if the
        lock file cannot be created (a read-only or full sessions directory)."""
        while True:
            fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise SessionLocked(session_id, _read_pid(path)) from None
            except BaseException:
                os.close(fd)
                raise
            # The previous holder removes the file as it releases it: if that happened
            # between our open and our flock, we hold a lock on a file nobody else sees.
            if _same_file(fd, path):
                break
            os.close(fd)
        # On a full disk the lock still holds; only the pid in the message is lost.
        with contextlib.suppress(OSError):
            path.write_text(f"{os.getpid()}\n", encoding="ascii")
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        # Removed while still locked, so no one can take a lock on a file about to vanish.
        with contextlib.suppress(OSError):  # a read-only folder: a stale file is harmless
            self.path.unlink()
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None
