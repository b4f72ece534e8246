"""Load a deck from a file path or an embedded deck name."""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

from debate.deck.errors import DeckError, DeckNotFound, Problem
from debate.deck.model import Deck
from debate.deck.validate import Checker
from debate.deck.yamlsafe import MAX_BYTES, Unreadable, check_tree, compose, decode, too_big

DEFAULT_DECK = "desescalade-fr"


def embedded_names() -> list[str]:
    """Decks shipped inside the package, by name (the file stem)."""
    folder = resources.files("debate") / "decks"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def resolve(spec: str | None) -> Path:
    """A path for `spec`: an existing file, else an embedded deck name; None is the default."""
    name = spec or DEFAULT_DECK
    candidate = Path(name)
    if candidate.is_file():
        return candidate
    if candidate.exists():
        raise DeckNotFound(f"{name}: not a file")
    if name in embedded_names():
        return Path(str(resources.files("debate") / "decks" / f"{name}.yaml"))
    raise DeckNotFound(
        f"{name}: no such file, and no embedded deck of that name "
        f"(embedded: {', '.join(embedded_names())})"
    )


def load_deck(spec: str | None = None) -> Deck:
    """The deck at `spec`, fully checked; DeckError lists every problem with its place."""
    path = resolve(spec)
    shown = str(path) if spec is None or Path(spec).is_file() else spec
    try:
        with path.open("rb") as file:
            # Never read a huge file whole just to refuse it: the size check needs one byte more.
            data = file.read(MAX_BYTES + 1)
            size = os.fstat(file.fileno()).st_size
    except OSError as exc:
        raise DeckNotFound(f"{shown}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise DeckError(shown, [too_big(max(size, len(data)))])
    return parse_deck(data, shown)


def parse_deck(data: bytes, path: str = "<deck>") -> Deck:
    try:
        root = compose(decode(data))
    except Unreadable as exc:
        raise DeckError(path, [exc.problem]) from None
    problems = list(check_tree(root))
    if problems:
        raise DeckError(path, sorted(problems, key=lambda p: (p.line, p.column)))
    checker = Checker()
    deck = checker.deck(root, path, hashlib.sha256(data).hexdigest())
    if deck is None:
        found = checker.problems or [Problem(1, 1, "not a deck")]
        raise DeckError(path, sorted(found, key=lambda p: (p.line, p.column)))
    return deck
