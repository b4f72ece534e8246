"""The `debate` command: one parser, one module per subcommand in debate/commands/.

Only `run` (the default) imports Textual, so check/summary/print start instantly.
Exit codes: 0 success, 1 the input is wrong (a bad deck...), 2 usage or a missing file.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from debate import __version__

# Subcommands, in the order `debate --help` lists them; each is debate/commands/<name>.py.
COMMANDS = ("run", "room", "check", "decks", "handout", "sessions", "summary", "print", "merge")

TOP_FLAGS = ("-h", "--help", "--version")

Handler = Callable[[argparse.Namespace], int]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `only` the parser for that one command: importing and
    registering all nine costs ~8 ms, which every launch of the app would pay."""
    parser = argparse.ArgumentParser(
        prog="debate",
        description=(
            "Run a public-meeting debate from a terminal: one proposal card at a time, "
            "show-of-hands votes, minutes saved after every vote. Never uses the network."
        ),
        epilog="With no command, `debate` runs the app on the default deck. "
        "`debate COMMAND --help` describes each command.",
    )
    parser.add_argument("--version", action="version", version=f"debate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"debate.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # `debate`, `debate DECK` and `debate --place X` all mean `debate run ...`.
    if not words or (words[0] not in COMMANDS and words[0] not in TOP_FLAGS):
        words.insert(0, "run")
    # A command's own parser is enough to parse its words; `debate --help` lists them all.
    parser = build_parser(None if words[0] in TOP_FLAGS else words[0])
    args = parser.parse_args(words)
    handler: Handler = args.handler
    if words[0] in ("run", "room"):  # Textual draws on the real streams
        return _run(handler, args)
    from debate.commands.streams import OutputFailed, guarded

    try:
        with guarded():
            return _run(handler, args)
    except BrokenPipeError:  # `debate handout | head`
        return 0
    except OutputFailed as exc:
        if sys.stderr is not None:  # closed too: the exit status says it alone
            sys.stderr.write(f"debate: {exc}\n")
        return 1


def _run(handler: Handler, args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
