"""Standard output and error for the commands other than the app: nothing reaches the
terminal raw, and a stream that cannot take the text gives a message, not a traceback.

Every command prints text that holds names from decks, journals and file names
(`debate check 'bad\\e[31m.yaml'`, a place in `debate sessions`, lp's own stderr). The
streams are wrapped once, here, so that each of those writes passes through
`printable()`, whichever code path made it. The app (`run`) keeps the real streams:
Textual draws on them.

Not a subcommand: cli.main calls `guarded()`.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from debate.cli_words import W, tell
from debate.fserrors import system_says
from debate.untrusted import printable

# A document's own characters: newlines, tabs between columns (`debate decks`), form
# feeds between printed pages. None drives a terminal.
_KEPT = "\n\t\f"


class _Printable:
    """A text stream whose writes are made printable first; everything else is the
    wrapped stream's."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text, lines=True, keep=_KEPT))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Closed:
    """Standard output closed by the caller (`debate sessions >&-`): Python gives None,
    and the first print an AttributeError. Writing says so as an OSError instead."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


class _Nowhere(_Closed):
    """Standard error closed: there is nowhere to say anything, so nothing is said."""

    def write(self, text: str) -> int:
        return len(text)


class OutputFailed(Exception):
    """Standard output could not take the text: the message to give, and exit 1."""


@contextmanager
def guarded() -> Iterator[None]:
    """Within this block, stdout and stderr print only printable text; a full disk, a
    closed or broken stdout or an encoding that cannot hold the text raise OutputFailed,
    with standard error still usable to say so."""
    real_out, real_err = sys.stdout, sys.stderr
    # A message must get through whatever the encoding: é as \xe9 rather than nothing.
    reconfigure = getattr(real_err, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    sys.stdout = _Printable(real_out) if real_out is not None else _Closed()
    sys.stderr = _Printable(real_err) if real_err is not None else _Nowhere()
    try:
        yield
        sys.stdout.flush()  # a full disk shows here, not at exit
    except UnicodeEncodeError as exc:
        _discard(real_out)
        raise OutputFailed(tell(W.bad_encoding, encoding=exc.encoding)) from None
    except BrokenPipeError:
        _discard(real_out)  # `debate sessions | head`: the reader has what it wanted
        raise
    except OSError as exc:
        _discard(real_out)
        raise OutputFailed(tell(W.cannot_output, why=system_says(exc))) from None
    finally:
        sys.stdout, sys.stderr = real_out, real_err


def _discard(stream: IO[str] | None) -> None:
    """What is still buffered for a stream that failed would fail again at exit, with
    Python's own 'Exception ignored' lines: point the descriptor at the null device."""
    if stream is None:
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
