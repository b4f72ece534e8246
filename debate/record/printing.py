"""Send text to the printer through the system's spooler: `lp` (CUPS), else `lpr` (BSD).

The text goes on the command's stdin, so nothing is written to disk for it; any printer
the spooler knows will do, since the minutes are plain UTF-8 text of 80 columns.
"""

from __future__ import annotations

import shutil
import subprocess

from debate.untrusted import printable


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


def print_text(text: str, printer: str | None = None) -> str:
    """Spool `text`; returns the spooler's own one-line answer (a job id), if any."""
    command = print_command(printer)
    name = command[0].rsplit("/", 1)[-1]
    try:
        done = subprocess.run(command, input=text.encode("utf-8"), capture_output=True, check=False)
    except OSError as exc:
        raise PrintError(f"cannot run {name}: {exc.strerror or exc}") from None
    if done.returncode != 0:
        reason = _first_line(done.stderr) or f"{name} exited with status {done.returncode}"
        where = f"printer {printer!r}" if printer else "the printer"
        raise PrintError(f"{where} refused the job: {reason}")
    return _first_line(done.stdout)


def _first_line(data: bytes) -> str:
    """The spooler's first line, shown to the facilitator: a printer's name or a hostile
    lp on the PATH could put an escape sequence in it."""
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return printable(lines[0].strip()) if lines else ""
