"""Send text to the printer: through the spooler on Linux and macOS (`lp`, the CUPS
command both have, else `lpr`), through the shell's print verb on Windows.

A spooler gets the text on its stdin, so nothing is written to disk for it; any printer it
knows will do, since the minutes are plain UTF-8 text of 80 columns. Windows prints files:
the text is written to debate's cache folder first (debate/platform.py holds the calls).
A spooler that does not answer (a hung CUPS) is given up after TIMEOUT, not waited on.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

from debate import platform
from debate.untrusted import printable

# lp and lpr only hand the job to the spooler, which answers at once; Notepad prints
# before it exits. A minute is far more than either needs, and short for a person waiting.
TIMEOUT = 60.0


class PrintError(Exception):
    """Printing failed; the message is one line for the facilitator."""


class NoSpooler(PrintError):
    """Neither lp nor lpr: the minutes must be printed from another program."""


def print_command(printer: str | None = None) -> list[str]:
    """The spooler command line for `printer` (None: the default printer)."""
    if lp := shutil.which("lp"):
        return [lp, *(["-d", printer] if printer else [])]
    if lpr := shutil.which("lpr"):
        return [lpr, *(["-P", printer] if printer else [])]
    raise NoSpooler(
        "no printing command found (neither lp nor lpr): install CUPS (the cups-client "
        "package) or print the minutes file from another program"
    )


def print_text(
    text: str, printer: str | None = None, *, job: str = "minutes", timeout: float | None = None
) -> str:
    """Print `text`; returns the spooler's own one-line answer (a job id), if any. `job`
    names the file Windows prints from."""
    limit = TIMEOUT if timeout is None else timeout
    if platform.spools_by_verb():
        return _print_by_verb(text, printer, job, limit)
    return _run(print_command(printer), text.encode("utf-8"), printer, limit)


def _print_by_verb(text: str, printer: str | None, job: str, timeout: float) -> str:
    from debate.safefile import write_text_atomic
    from debate.textutil import slug

    folder = platform.cache_dir() / "print"
    path = folder / f"{slug(job) or 'minutes'}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # With a byte-order mark: older Notepads read a file without one as ANSI.
        write_text_atomic(path, "\ufeff" + text)
    except OSError as exc:
        raise PrintError(f"cannot write {path} to print it: {exc.strerror or exc}") from None
    if printer is None:
        try:
            platform.print_by_verb(path)
            return ""
        except OSError:  # no program registered to print text files: Notepad can
            pass
    return _run(platform.notepad_command(path, printer), None, printer, timeout)


def _run(command: list[str], data: bytes | None, printer: str | None, timeout: float) -> str:
    name = Path(command[0]).name
    try:
        child = subprocess.Popen(
            command,
            stdin=subprocess.PIPE if data is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise PrintError(f"cannot run {name}: {exc.strerror or exc}") from None
    try:
        out, err = child.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):  # a child of its holds the pipes
            child.communicate(timeout=5)
        raise PrintError(
            f"{name} did not answer within {timeout:g} s and was stopped: the print "
            "service may be stuck (`lpstat -t` shows it); the job may not have been queued"
        ) from None
    if child.returncode != 0:
        reason = _first_line(err) or f"{name} exited with status {child.returncode}"
        where = f"printer {printable(printer)!r}" if printer else "the printer"
        raise PrintError(f"{where} refused the job: {reason}")
    return _first_line(out)


def _first_line(data: bytes) -> str:
    """The spooler's first line, shown to the facilitator: a printer's name or a hostile
    lp on the PATH could put an escape sequence in it."""
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return printable(lines[0].strip()) if lines else ""
