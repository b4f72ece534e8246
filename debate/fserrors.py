"""Why a path cannot be reached, in words that name the real cause.

The system says "Permission denied" or "Not a directory" about the whole path; a
facilitator needs to know which folder is closed, which part is a file, which link loops,
which name is too long. `why_unreachable` walks the path one part at a time to find it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from debate.untrusted import printable


def why_unreachable(path: Path, exc: OSError) -> str:
    """The cause of `exc`, raised on the way to `path`, as a phrase naming the part of the
    path at fault: "no permission to look into the folder /srv/x", "/a/b is a file, not a
    folder", "a loop of symbolic links at /a/l", "the name 'aaa…' is too long"."""
    before: Path | None = None
    for part in _prefixes(path):
        try:
            os.stat(part)
        except OSError as found:
            cause = _cause(part, before, found)
            if cause:
                return cause
            break
        before = part
    return exc.strerror or str(exc)


def _prefixes(path: Path) -> list[Path]:
    parts = path.parts
    return [Path(*parts[: n + 1]) for n in range(len(parts))]


def _cause(part: Path, parent: Path | None, exc: OSError) -> str | None:
    shown = printable(str(part))
    folder = printable(str(parent)) if parent is not None else "the current folder"
    if exc.errno == errno.EACCES:
        return f"no permission to look into the folder {folder}"
    if exc.errno == errno.ENOTDIR:
        return f"{folder} is a file, not a folder"
    if exc.errno == errno.ELOOP:
        return f"a loop of symbolic links at {shown}"
    if exc.errno == errno.ENAMETOOLONG:
        size = len(os.fsencode(part.name))
        if size <= 255:  # every name fits: the whole path is what is too long
            return f"the path is too long for the file system ({len(os.fsencode(part))} bytes)"
        name = printable(part.name)
        short = name if len(name) <= 24 else f"{name[:20]}…"
        return f"the name {short!r} is too long for the file system ({size} bytes; 255 at most)"
    if exc.errno == errno.ENOENT and os.path.islink(part):
        return f"{shown} is a link to {printable(os.readlink(part))}, which does not exist"
    return None
