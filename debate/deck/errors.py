"""Deck problems, each pinned to a place in the file."""

from __future__ import annotations

from dataclasses import dataclass

from debate.told import Told

MAX_BYTES = 5_000_000  # a deck is text for a meeting; anything bigger is a mistake


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based
    column: int  # 1-based
    message: str

    def render(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.message}"


def too_big(size: int) -> Problem:
    return Problem(1, 1, f"file is {size:,} bytes; a deck is at most {MAX_BYTES:,} bytes")


class DeckError(Exception):
    """A deck that cannot be used. Carries every problem found, not just the first."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [p.render(self.path) for p in self.problems]


class DeckNotFound(Told):
    """No file at that path and no embedded deck of that name (a usage error: exit 2)."""
