"""Every difference between Linux, macOS and Windows, in one place, each with a fallback.

File locks, file modes, opening a file without following a link, printing a text file, and
the folders debate keeps its files in. Each choice is made from what the running Python
offers (is there `fcntl`? `os.fchmod`? `os.O_NOFOLLOW`? `os.startfile`?), not from the
system's name, so that a test can take a Unix-only piece away and run the fallback for real
(tests/test_platform.py). Never imports Textual; platformdirs is imported only by the two
functions that name folders.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import stat
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from debate.error_words import Error
from debate.said import Said

APP = "debate"


def _optional(name: str) -> Any:
    """The module `name`, or None where this system has none (fcntl on Windows, msvcrt
    elsewhere). Typed Any: typeshed hides msvcrt's functions from a Linux type check."""
    try:
        module: ModuleType = importlib.import_module(name)
    except ImportError:
        return None
    return module


_fcntl = _optional("fcntl")
_msvcrt = _optional("msvcrt")


# -- locks ----------------------------------------------------------------------------

# Windows byte-range locks are mandatory: a locked byte cannot be read by anyone else. The
# byte locked is far past anything debate writes, so reading the pid in a lock file, or
# reading and appending to a locked journal, is never refused. Below 2**31: the C
# runtime's _locking() takes its offset from a file position that must fit a long.
_WINDOWS_LOCK_BYTE = 0x7FFF_FFF0


def descriptor_locks() -> bool:
    """Whether this system locks open files (flock on Unix, msvcrt on Windows): such a lock
    belongs to the open file and the kernel drops it when the process dies."""
    return _fcntl is not None or _msvcrt is not None


def try_lock(fd: int) -> bool:
    """Lock the open file `fd` for this descriptor alone, without waiting: True if taken,
    False if another descriptor (in this process or another) holds it. Only where
    `descriptor_locks()`; OSError for anything but "held"."""
    if _fcntl is not None:
        try:
            _fcntl.flock(fd, _fcntl.LOCK_EX | _fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    if _msvcrt is not None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        os.lseek(fd, _WINDOWS_LOCK_BYTE, os.SEEK_SET)
        try:
            _msvcrt.locking(fd, _msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            # Held: EACCES, or EDEADLOCK once msvcrt's own retries are spent.
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):
                return False
            raise
        finally:
            os.lseek(fd, position, os.SEEK_SET)
        return True
    raise OSError(errno.ENOSYS, "this system cannot lock an open file")


def unlock(fd: int) -> None:
    """Release what `try_lock(fd)` took (closing `fd` would too, later on Windows)."""
    if _fcntl is not None:
        _fcntl.flock(fd, _fcntl.LOCK_UN)
    elif _msvcrt is not None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        os.lseek(fd, _WINDOWS_LOCK_BYTE, os.SEEK_SET)
        try:
            _msvcrt.locking(fd, _msvcrt.LK_UNLCK, 1)
        finally:
            os.lseek(fd, position, os.SEEK_SET)


def process_alive(pid: int) -> bool | None:
    """Whether process `pid` is running; None where that cannot be asked safely. For the
    lock files of a system without descriptor locks, which a killed process leaves."""
    if os.name == "nt":  # os.kill(pid, 0) there would terminate the process, not probe it
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    except (OSError, AttributeError):
        return None
    return True


# -- modes and links ------------------------------------------------------------------


def set_mode(fd: int, path: Path, mode: int) -> None:
    """chmod a file debate has just created and still has open. os.fchmod is missing on
    Windows before Python 3.13; there the path is used (only the read-only flag exists)."""
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, mode)
    else:
        os.chmod(path, mode)


def sync_dir(folder: Path) -> None:
    """fsync a folder, so that a file created or renamed in it survives a power cut. Where
    a folder cannot be opened (Windows, some file systems), nothing: NTFS journals its
    metadata itself."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # a folder that can be opened but not synced
        pass
    finally:
        os.close(fd)


class LinkRefused(OSError):
    """A path that debate would write (or lock) is a link, or not a regular file: nothing
    is written through it or over it."""

    def __init__(self, path: Path, what: Said) -> None:
        super().__init__(errno.ELOOP, what.en, str(path))
        self.said = what  # the same in every language (debate/fserrors.py: system_says)


def open_regular(path: Path, flags: int, mode: int = 0o644) -> int:
    """os.open(path, flags) that never follows a link at the last step and only ever
    returns a regular file: LinkRefused otherwise. With O_CREAT, a new file is created
    exclusively first, and only an existing one is opened and checked.

    O_NOFOLLOW where the system has it; elsewhere (Windows) the file opened is compared
    with what the name itself is (lstat): a link, or a file swapped between the two looks,
    is refused. O_NONBLOCK, where it exists, keeps a planted FIFO from hanging the open."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    extra = nofollow | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if flags & os.O_CREAT:
        try:
            return os.open(path, flags | os.O_EXCL | extra, mode)  # never through a link
        except FileExistsError:
            if flags & os.O_EXCL:
                raise
            flags &= ~os.O_CREAT  # an existing file: opened and checked below
    try:
        fd = os.open(path, flags | extra, mode)
    except OSError as exc:
        if nofollow and exc.errno == errno.ELOOP and os.path.islink(path):
            raise LinkRefused(path, Error.LINK_NO_WRITE_THROUGH.value) from None
        raise
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise LinkRefused(path, Error.NOT_REGULAR.value)
        if not nofollow:
            named = os.lstat(path)
            if stat.S_ISLNK(named.st_mode) or not os.path.samestat(found, named):
                raise LinkRefused(path, Error.LINK_NO_WRITE_THROUGH.value)
    except BaseException:
        os.close(fd)
        raise
    return fd


def refuse_non_regular(path: Path) -> None:
    """LinkRefused if `path` exists and is not a regular file (a link, a folder, a device,
    a FIFO): what debate replaces must be a file of its own kind."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(found.st_mode):
        raise LinkRefused(path, Error.LINK_NO_WRITE_OVER.value)
    if not stat.S_ISREG(found.st_mode):
        raise LinkRefused(path, Error.NOT_REGULAR.value)


# -- folders --------------------------------------------------------------------------


def data_dir() -> Path:
    """Where debate keeps what it records: ~/.local/share/debate (or $XDG_DATA_HOME's) on
    Linux, ~/Library/Application Support/debate on macOS, %LOCALAPPDATA%\\debate on
    Windows (local, not roaming: a meeting's journal stays on the laptop it was held on)."""
    import platformdirs  # only here: commands that name no folder never load it

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Where debate keeps what it can rebuild: ~/.cache/debate (or $XDG_CACHE_HOME's) on
    Linux, ~/Library/Caches/debate on macOS, %LOCALAPPDATA%\\debate\\Cache on Windows."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


# -- printing -------------------------------------------------------------------------


def spools_by_verb() -> bool:
    """Windows prints a text file through the shell's "print" verb (Notepad by default);
    Linux and macOS through a spooler command (lp, lpr) that reads the text on stdin."""
    return hasattr(os, "startfile")


def print_by_verb(path: Path) -> None:
    """Ask Windows to print the text file `path` with the program registered for it.
    Returns at once: the program prints in the background. OSError when no program is
    registered to print text files (then use `notepad_command`)."""
    startfile: Any = getattr(os, "startfile")  # noqa: B009 - Windows only, hidden from mypy
    startfile(str(path), "print")


def notepad_command(path: Path, printer: str | None) -> list[str]:
    """Notepad printing `path` and exiting: to the default printer (/p), or to a named one
    (/pt), which the print verb cannot choose."""
    notepad = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "notepad.exe")
    return [notepad, "/pt", str(path), printer] if printer else [notepad, "/p", str(path)]


def on_macos() -> bool:
    return sys.platform == "darwin"


# -- being told a folder changed ------------------------------------------------------------

# inotify(7): a file written, replaced by a rename, created or removed in the folder.
_IN_CHANGES = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800


class FolderWatch:
    """Changes in one folder, from the kernel (inotify): waiting costs no CPU at all, and
    wakes for nothing else than a change or `stop()` (no periodic wake to ask whether to
    end: a pipe of its own says so)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._stop_r, self._stop_w = os.pipe()
        self.stopped = False

    def wait(self, timeout: float | None = None) -> bool:
        """Block until something in the folder changed (True), or `timeout` passed or
        `stop()` was called (False)."""
        import select

        if self.stopped:
            return False
        try:
            ready, _, _ = select.select([self._fd, self._stop_r], [], [], timeout)
            if self._stop_r in ready or self.stopped:
                return False
            if ready:
                while os.read(self._fd, 1 << 16):  # drained: one wake for a burst of events
                    pass
        except BlockingIOError:
            return True
        except (OSError, ValueError):  # closed meanwhile
            return False
        return bool(ready)

    def stop(self) -> None:
        """End the wait now, or the next one at once: from any thread."""
        self.stopped = True
        with contextlib.suppress(OSError):
            os.write(self._stop_w, b"x")

    def close(self) -> None:
        for fd in (self._fd, self._stop_r, self._stop_w):
            with contextlib.suppress(OSError):
                os.close(fd)


def watch_folder(folder: Path) -> FolderWatch | None:
    """A FolderWatch where the C library offers inotify (Linux), else None: the caller
    then asks `os.stat` at intervals, which every system answers (Windows, macOS)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        init, add = libc.inotify_init1, libc.inotify_add_watch
    except (OSError, AttributeError):
        return None
    fd = init(os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    if fd < 0:
        return None
    if add(fd, os.fsencode(folder), _IN_CHANGES) < 0:  # not a folder, gone, no rights
        os.close(fd)
        return None
    return FolderWatch(fd)


# -- the interface language -------------------------------------------------------------


def system_language() -> str | None:
    """The language of the user's desktop where the environment names none: Windows
    keeps it in the user's settings, not in LANG. An ISO 639 code ("fr"), or None."""
    import ctypes  # only here, and only where the environment said nothing

    windll = getattr(ctypes, "windll", None)  # Windows' system libraries, nowhere else
    if windll is None:
        return None
    try:
        langid = int(windll.kernel32.GetUserDefaultUILanguage())
    except (AttributeError, OSError):
        return None
    # The primary language is the low ten bits of a LANGID (winnt.h's PRIMARYLANGID).
    return _WINDOWS_PRIMARY.get(langid & 0x3FF, "other")


_WINDOWS_PRIMARY = {0x09: "en", 0x0C: "fr"}  # LANG_ENGLISH, LANG_FRENCH
