"""One module per `debate` subcommand, each with `register(subparsers)`.

Modules import only argparse at top level; the work (and any heavy import) happens in the
handler, so `debate --help` and `debate check` never pay for what they do not use.
"""

from __future__ import annotations

import sys


def fail(message: str, code: int) -> int:
    """Print a one-line error for the facilitator and return the exit code."""
    # Not print(): importing the `print` subcommand module binds that name in this package.
    sys.stderr.write(f"debate: {message}\n")
    return code
