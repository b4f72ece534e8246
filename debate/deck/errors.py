"""Deck problems, each pinned to a place in the file, each a code and its parameters
(debate/error_words.py) worded in the reader's language where it is printed."""

from __future__ import annotations

from collections.abc import Iterable

from debate.error_words import Error
from debate.records import record
from debate.said import Said
from debate.told import Phrase, Told

MAX_BYTES = 5_000_000  # a deck is text for a meeting; anything bigger is a mistake


@record(frozen=True)
class Problem:
    line: int  # 1-based
    column: int  # 1-based
    message: Phrase

    def render(self, path: str, lang: str = "en") -> str:
        return f"{path}:{self.line}:{self.column}: {self.message.in_(lang)}"


def problem(line: int, column: int, error: Error, **params: object) -> Problem:
    return Problem(line, column, Phrase(error, **params))


def listed(names: Iterable[str]) -> Said:
    """Names of the format (keys, methods) as a list: as they are in English, in
    backquotes in French, where they are syntax among the words."""
    names = list(names)
    return Said(", ".join(names), ", ".join(f"`{name}`" for name in names))


def too_big(size: int) -> Problem:
    return problem(1, 1, Error.DECK_TOO_BIG, size=size, limit=MAX_BYTES)


class DeckError(Exception):
    """A deck that cannot be used. Carries every problem found, not just the first."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self, lang: str = "en") -> list[str]:
        return [p.render(self.path, lang) for p in self.problems]


class DeckNotFound(Told):
    """No file at that path and no embedded deck of that name (a usage error: exit 2)."""
