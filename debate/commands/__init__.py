"""One module per `debate` subcommand, each with `register(subparsers)`.

Modules import only argparse at top level; the work (and any heavy import) happens in the
handler, so `debate --help` and `debate check` never pay for what they do not use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debate.said import Said


def fail(message: object, code: int) -> int:
    """Print a one-line error for the facilitator and return the exit code. `message` is
    a line already worded, or an error (debate.told.Told) to word in the command line's
    language."""
    # Not print(): importing the `print` subcommand module binds that name in this package.
    # printable() here too, not only in commands.streams: `run` keeps the real streams.
    from debate.cli_lang import current
    from debate.cli_words import signed
    from debate.told import say
    from debate.untrusted import printable

    sys.stderr.write(signed(printable(say(message, current()))) + "\n")
    return code


def emit(
    text: str,
    output: str | None,
    what: Said,
    journals: Sequence[Path] = (),
    read: Sequence[Path] = (),
    raw: bool = False,
) -> int:
    """Write a command's result to stdout, or atomically to `output`. Never over anything
    but a regular file (a link, a folder, a device), a session journal (any `.jsonl`,
    whatever its case, or one of `journals`, under any name), a file being read (`read`:
    the deck of a handout) or an existing deck (`.yaml`, `.yml`). `raw`: the text's own
    bytes reach stdout (a CSV's byte-order mark and CRLF); its cells are printable already."""
    if output is None:
        buffer = getattr(sys.stdout, "buffer", None) if raw else None
        if buffer is not None:
            sys.stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        else:  # a closed stdout (commands.streams) says so as it would for any text
            sys.stdout.write(text)
        return 0
    from debate.cli_words import W, tell
    from debate.untrusted import printable

    target = Path(output)
    refused = _refusal(target, journals, read)
    if refused:
        return fail(tell(W.will_not_write, output=printable(output), what=tell(refused)), 2)
    from debate.safefile import write_text_atomic

    try:
        write_text_atomic(target, text)
    except OSError as exc:
        from debate.fserrors import system_says

        why = system_says(exc)
        return fail(tell(W.cannot_write, output=printable(output), why=why), 1)
    shown = printable(output)
    sys.stderr.write(tell(W.written, what=tell(what), output=shown) + "\n")  # `print`: ours
    return 0


def _refusal(target: Path, journals: Sequence[Path], read: Sequence[Path]) -> Said | None:
    """What `target` is that must not be written over, or None.

    Names are compared the way the file system compares them: by the file they lead to
    (samestat: a case-insensitive file system, a hard link, `../x/` all find the same
    file), and by a case-folded suffix for the journals that are not there yet."""
    import stat

    from debate.cli_words import W

    suffix = target.suffix.casefold()
    if suffix == ".jsonl":
        return W.a_journal
    try:
        found = os.lstat(target)
    except OSError:  # nothing there (or nothing we can see): nothing to write over
        return None
    if stat.S_ISLNK(found.st_mode):
        return W.a_link
    if stat.S_ISDIR(found.st_mode):
        return W.a_folder
    if not stat.S_ISREG(found.st_mode):
        return W.not_regular
    if any(_same(found, j) for j in journals):
        return W.a_journal
    if any(_same(found, r) for r in read):
        return W.the_deck_read
    if suffix in (".yaml", ".yml"):  # `handout deck.yaml -o other-deck.yaml`
        return W.a_deck
    return None


def _same(found: os.stat_result, other: Path) -> bool:
    try:
        return os.path.samestat(found, os.stat(other))
    except OSError:
        return False
