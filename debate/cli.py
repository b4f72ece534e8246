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
    from debate.cli_words import W, tell

    parser = argparse.ArgumentParser(
        prog="debate", description=tell(W.description), epilog=tell(W.epilog)
    )
    parser.add_argument(
        "--version", action="version", version=f"debate {__version__}", help=tell(W.version_help)
    )
    sub = parser.add_subparsers(dest="command", metavar=tell(W.command))
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"debate.commands.{name}").register(sub)
    for each in (parser, *sub.choices.values()):
        if "--lang" not in each._option_string_actions:  # `run` words its own
            each.add_argument("--lang", choices=LANGS, help=tell(W.lang_help))
    return parser


LANGS = ("fr", "en")


def _lang_after_command(words: list[str]) -> list[str]:
    """`debate --lang fr check x` is `debate check x --lang fr`: the command comes first."""
    if words[:1] == ["--lang"] and len(words) > 1:
        return [*words[2:], *words[:2]]
    if words[:1] and words[0].startswith("--lang="):
        return [*words[1:], words[0]]
    return words


def main(argv: Sequence[str] | None = None) -> int:
    from debate import cli_lang
    from debate.argparse_words import speaking

    words = _lang_after_command(list(sys.argv[1:] if argv is None else argv))
    cli_lang.choose(words)  # before argparse says anything: its words are translated too
    # `debate`, `debate DECK` and `debate --place X` all mean `debate run ...`.
    if not words or (words[0] not in COMMANDS and words[0] not in TOP_FLAGS):
        words.insert(0, "run")
    cli_lang.deck_words(words)  # nothing chose a language: the deck's, argparse's errors too
    # A command's own parser is enough to parse its words; `debate --help` lists them all.
    with speaking():
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
            from debate.cli_words import signed

            sys.stderr.write(signed(str(exc)) + "\n")
        return 1


def _run(handler: Handler, args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
