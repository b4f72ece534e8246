"""One module per `debate` subcommand, each with `register(subparsers)`.

Modules import only argparse at top level; the work (and any heavy import) happens in the
handler, so `debate --help` and `debate check` never pay for what they do not use.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def fail(message: str, code: int) -> int:
    """Print a one-line error for the facilitator and return the exit code."""
    # Not print(): importing the `print` subcommand module binds that name in this package.
    # printable() here too, not only in commands.streams: `run` keeps the real streams.
    from debate.untrusted import printable

    sys.stderr.write(f"debate: {printable(message)}\n")
    return code


def emit(text: str, output: str | None, what: str, journals: Sequence[Path] = ()) -> int:
    """Write a command's result to stdout, or atomically to `output`: never over a
    session journal (any `.jsonl`, or one of `journals`, however it is spelt), nor over
    an existing deck (`.yaml`, `.yml`)."""
    if output is None:
        sys.stdout.write(text)
        return 0
    target = Path(output)
    if target.suffix == ".jsonl" or any(_same(target, j) for j in journals):
        return fail(f"{output}: will not write over a session journal; choose another file", 2)
    if target.suffix in (".yaml", ".yml") and target.exists():  # `handout deck.yaml -o deck.yaml`
        return fail(f"{output}: will not write over a deck; choose another file", 2)
    from debate.safefile import write_text_atomic

    try:
        write_text_atomic(target, text)
    except OSError as exc:
        return fail(f"cannot write {output}: {exc.strerror or exc}", 1)
    sys.stderr.write(f"{what} written to {output}\n")  # `print` here is our submodule
    return 0


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
