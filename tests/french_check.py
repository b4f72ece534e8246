"""What a French facilitator reads must hold no English: the English of every phrase of
the catalogs (debate/cli_words.py, argparse_words.py, error_words.py), and English words
that French never uses. Shared by the command line's sweep (test_cli_french.py), the bad
decks' (test_bad_decks.py) and the screens' (tui/test_french_screens.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from debate.argparse_words import PHRASES, PLURALS
from debate.cli import COMMANDS
from debate.cli_words import W
from debate.error_words import Error
from debate.said import Said


def catalog() -> Iterator[tuple[str, Said]]:
    for name, value in vars(W).items():
        if isinstance(value, Said):
            yield f"W.{name}", value
    for error in Error:
        yield f"Error.{error.name}", error.value
    for msgid, said in PHRASES.items():
        yield f"argparse {msgid!r}", said
    for pair in PLURALS.values():
        for said in pair:
            yield f"argparse {said.en!r}", said


PLACEHOLDER = re.compile(r"\{[^}]*\}|%\([a-z_]+\)[sr]|%[srd]")
# Words of English that no French message holds (not "options", not "arguments").
ENGLISH = re.compile(
    r"\b(the|and|with|show|usage|error|this|which|cannot|found|written|must|"
    r"file|folder|deck|session|write|print|given|no|in|cards?)\b",
    re.IGNORECASE,
)


# The command's own syntax, the same in every language: `debate print`, --sessions.
COMMAND_NAMES = "|".join(COMMANDS)
SYNTAX = re.compile(rf"\S*/\S*|`[^`]*`|--?[a-z][a-z-]*|\{{[a-z,]*\}}|\b({COMMAND_NAMES})\b")


@cache
def english_parts() -> frozenset[str]:
    """The English of every phrase whose French differs, cut at its placeholders; the
    parts long enough that French would not hold them by chance."""
    parts = set()
    for _, said in catalog():
        if said.en == said.fr:
            continue
        for part in PLACEHOLDER.split(said.en):
            part = " ".join(SYNTAX.sub(" ", part).split()).strip(" :;,.()")
            if len(part) >= 10 and " " in part:
                parts.add(part)
    return frozenset(parts)


def assert_french(text: str, words: tuple[str, ...]) -> None:
    flat = " ".join(SYNTAX.sub(" ", text).split())
    for part in english_parts():
        assert part not in flat, (words, part, text)
    found = ENGLISH.search(flat)
    assert found is None, (words, found and found[0], text)
