"""Send text to the printer: through the spooler on Linux and macOS (`lp`, the CUPS
command both have, else `lpr`), through the shell's print verb on Windows.

A spooler gets the text on its stdin, so nothing is written to disk for it; any printer it
knows will do, since the minutes are plain UTF-8 text of 80 columns. Windows prints files:
the text is written to debate's cache folder first (debate/platform.py holds the calls).
A spooler that does not answer (a hung CUPS) is given up after TIMEOUT, not waited on.

The spooler is given the job's title (what the printer's queue and a PDF printer show) and
a page layout (PAGE_LAYOUT): without it CUPS prints text at 10 characters per inch, where
a character is 0.6 of a line high and the QR codes' half-block modules come out as
rectangles that phones read badly.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from pathlib import Path

from debate import platform
from debate.error_words import Error
from debate.fserrors import system_says
from debate.said import Said
from debate.told import Phrase, Told
from debate.untrusted import printable

# lp and lpr only hand the job to the spooler, which answers at once; Notepad prints
# before it exits. A minute is far more than either needs, and short for a person waiting.
TIMEOUT = 60.0


# 12 characters and 6 lines per inch: 80 columns take 6.67 inches, which fits A4 (8.27)
# and Letter (8.5) inside margins of 0.75 inch (54 points), and a character is exactly
# half as wide as a line is high, so each half-block QR module is a 6-point square.
# Top and bottom margins of half an inch leave 64 lines on A4 and 60 on Letter.
PAGE_LAYOUT = (
    ("cpi", "12"),
    ("lpi", "6"),
    ("page-left", "54"),
    ("page-right", "54"),
    ("page-top", "36"),
    ("page-bottom", "36"),
)


class PrintError(Told):
    """Printing failed: one line for the facilitator, in their language (debate/told.py)."""


class NoSpooler(PrintError):
    """Neither lp nor lpr: the minutes must be printed from another program."""


def print_command(printer: str | None = None, title: str = "") -> list[str]:
    """The spooler command line for `printer` (None: the default printer): the job's
    title and the page layout, as both CUPS commands take them."""
    layout = [arg for key, value in PAGE_LAYOUT for arg in ("-o", f"{key}={value}")]
    if lp := shutil.which("lp"):
        named = ["-d", printer] if printer else []
        return [lp, *named, *(["-t", title] if title else []), *layout]
    if lpr := shutil.which("lpr"):
        named = ["-P", printer] if printer else []
        return [lpr, *named, *(["-T", title] if title else []), *layout]
    raise NoSpooler(Error.NO_SPOOLER)


def print_text(
    text: str,
    printer: str | None = None,
    *,
    job: str = "minutes",
    title: str = "",
    timeout: float | None = None,
) -> str:
    """Print `text`; returns the name of the printer that took it, "" when the spooler
    did not say (the default printer). `job` names the file Windows prints from, `title`
    the job in the printer's queue."""
    limit = TIMEOUT if timeout is None else timeout
    if platform.spools_by_verb():
        _print_by_verb(text, printer, job, limit)
        return printer or ""
    answer = _run(print_command(printer, printable(title)), text.encode("utf-8"), printer, limit)
    return queue_of(answer) or printer or ""


# lp's answer: "request id is Salle_1-7 (0 file(s))", the queue's name then the job number.
_REQUEST = re.compile(r"^request id is (?P<queue>\S+)-\d+\b")


def queue_of(answer: str) -> str:
    """The printer named in the spooler's answer, or "" (lpr says nothing)."""
    found = _REQUEST.match(answer)
    return found["queue"] if found else ""


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
        why = system_says(exc)
        raise PrintError(Error.CANNOT_WRITE_TO_PRINT, path=path, why=why) from None
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
        raise PrintError(Error.CANNOT_RUN, name=name, why=system_says(exc)) from None
    try:
        out, err = child.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):  # a child of its holds the pipes
            child.communicate(timeout=5)
        raise PrintError(Error.SPOOLER_HUNG, name=name, seconds=timeout) from None
    if child.returncode != 0:
        status = Phrase(Error.SPOOLER_STATUS, name=name, status=child.returncode)
        said = _first_line(err)
        reason = _cups_refusal(said) or said or status
        where = Phrase(Error.PRINTER_NAMED, name=printable(printer)) if printer else None
        raise PrintError(
            Error.PRINTER_REFUSED, where=where or Error.THE_PRINTER.value, reason=reason
        )
    return _first_line(out)


# What CUPS's lp and lpr say when they refuse, in their English: told in the
# facilitator's language. Anything else is passed on as the spooler said it.
CUPS_REFUSALS = (
    ("no default destination", Error.NO_DEFAULT_PRINTER),
    ("printer or class does not exist", Error.NO_SUCH_PRINTER),
    ("scheduler not responding", Error.PRINT_SERVICE_DOWN),
    ("scheduler is not running", Error.PRINT_SERVICE_DOWN),
)


def _cups_refusal(said: str) -> Said | None:
    lowered = said.lower()
    for words, error in CUPS_REFUSALS:
        if words in lowered:
            return error.value
    return None


def _first_line(data: bytes) -> str:
    """The spooler's first line, shown to the facilitator: a printer's name or a hostile
    lp on the PATH could put an escape sequence in it."""
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return printable(lines[0].strip()) if lines else ""
