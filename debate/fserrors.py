"""Why a path cannot be reached, in words that name the real cause.

The system says "Permission denied" or "Not a directory" about the whole path; a
facilitator needs to know which folder is closed, which part is a file, which link loops,
which name is too long. `why_unreachable` walks the path one part at a time to find it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from debate.error_words import SYSTEM_WORDS_FR, Error
from debate.said import Said
from debate.told import Phrase
from debate.untrusted import printable


def why_unreachable(path: Path, exc: OSError) -> Phrase | Said | str:
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
    return system_says(exc)


def system_says(exc: OSError) -> Said | str:
    """What the system says of `exc` ("Permission denied"), in every language debate
    speaks: the system's own English, and by its errno the French. A rarer errno is
    named in French by its symbol (never the system's English on a French screen); an
    error without an errno stays as it was raised."""
    own = getattr(exc, "said", None)  # debate's own (platform.LinkRefused)
    if isinstance(own, Said):
        return own
    english = exc.strerror or str(exc)
    if not exc.strerror:
        return english
    name = errno.errorcode.get(exc.errno or 0, "")
    french = SYSTEM_WORDS_FR.get(name) or f"erreur du système {name or f'n° {exc.errno}'}"
    return Said(english, french)


def _prefixes(path: Path) -> list[Path]:
    parts = path.parts
    return [Path(*parts[: n + 1]) for n in range(len(parts))]


def _cause(part: Path, parent: Path | None, exc: OSError) -> Phrase | None:
    shown = printable(str(part))
    folder = printable(str(parent)) if parent is not None else Error.CURRENT_FOLDER.value
    if exc.errno == errno.EACCES:
        return Phrase(Error.NO_LOOK, folder=folder)
    if exc.errno == errno.ENOTDIR:
        return Phrase(Error.FILE_NOT_FOLDER, folder=folder)
    if exc.errno == errno.ELOOP:
        return Phrase(Error.LINK_LOOP, path=shown)
    if exc.errno == errno.ENAMETOOLONG:
        size = len(os.fsencode(part.name))
        if size <= 255:  # every name fits: the whole path is what is too long
            return Phrase(Error.PATH_TOO_LONG, size=len(os.fsencode(part)))
        name = printable(part.name)
        short = name if len(name) <= 24 else f"{name[:20]}…"
        return Phrase(Error.NAME_TOO_LONG, name=short, size=size)
    if exc.errno == errno.ENOENT and os.path.islink(part):
        return Phrase(Error.DANGLING_LINK, path=shown, target=printable(os.readlink(part)))
    return None
