"""Writes that survive a power cut: whole-file replacement and durable appends."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from debate import platform


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with `text` so that a reader sees the old file or the new, never half.

    Temporary file in the same directory, fsync, rename, then fsync the directory so the
    rename itself survives a power cut. LinkRefused (an OSError) if `path` exists and is
    not a regular file.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        # mkstemp makes the file private (0600); the minutes and exports are meant to be
        # read and printed like any file the user writes: the umask decides, as for open().
        platform.set_mode(fd, Path(tmp), 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # A rename never writes through a link, but it would replace one, or a device
        # node (`-o /dev/null` as root): only a regular file is ever replaced.
        platform.refuse_non_regular(target)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def _umask() -> int:
    mask = os.umask(0o077)  # reading it means setting it: set it back at once
    os.umask(mask)
    return mask


def fsync_dir(folder: Path) -> None:
    platform.sync_dir(folder)
