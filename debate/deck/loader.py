"""Load a deck from a file path or an embedded deck name."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from debate.deck import cache
from debate.deck.errors import MAX_BYTES, DeckError, DeckNotFound, problem, too_big
from debate.deck.model import Deck
from debate.error_words import Error
from debate.fserrors import system_says, why_unreachable
from debate.untrusted import printable

# PyYAML and the checks are imported only when a deck is parsed: a launch on a deck the
# cache already holds never loads them (see debate/deck/cache.py).

DEFAULT_DECK = "desescalade-fr"
# Shipped inside the package (pyproject's package-data; tests/test_packaging.py checks
# the wheel). A plain path, not importlib.resources: that import alone costs ~8 ms of
# every launch, and debate is never run from a zip.
EMBEDDED = Path(__file__).resolve().parent.parent / "decks"
# The deck to copy when writing one's own (`debate decks --example`); not a meeting deck,
# so not among the embedded ones.
EXAMPLE_DECK = EMBEDDED.parent / "examples" / "exemple.yaml"


def embedded_names() -> list[str]:
    """Decks shipped inside the package, by name (the file stem)."""
    return sorted(p.name.removesuffix(".yaml") for p in EMBEDDED.glob("*.yaml"))


def resolve(spec: str | None) -> Path:
    """A path for `spec`: an existing file, else an embedded deck name; None is the default."""
    if spec is not None and not spec.strip():  # `debate check ""`: not the default deck
        raise DeckNotFound(Error.DECK_EMPTY_NAME, name=spec, names=", ".join(embedded_names()))
    name = spec or DEFAULT_DECK
    candidate = Path(name)
    try:
        found = os.stat(candidate)
    except OSError as exc:
        if exc.errno != errno.ENOENT or os.path.islink(candidate):
            # A closed folder, a file taken for a folder, a link loop, a name too long:
            # said as such, not as "no such file".
            why = why_unreachable(candidate, exc)
            raise DeckNotFound(Error.DECK_UNREACHABLE, name=printable(name), why=why) from None
    else:
        if stat.S_ISREG(found.st_mode):
            return candidate
        raise DeckNotFound(Error.DECK_NOT_A_FILE, name=printable(name))
    if name in embedded_names():
        return EMBEDDED / f"{name}.yaml"
    raise DeckNotFound(Error.NO_SUCH_DECK, name=name, names=", ".join(embedded_names()))


def load_deck(spec: str | None = None, *, cached: bool = True) -> Deck:
    """The deck at `spec`, fully checked; DeckError lists every problem with its place.

    With `cached` (the default), a deck whose exact bytes were checked before comes from
    the cache; `debate check` passes False to check the file again whatever the cache
    holds. Either way, a deck that passes is stored for the next launch."""
    path = resolve(spec)
    shown = str(path) if spec is None or Path(spec).is_file() else spec
    data, size = _read(path, shown)
    if len(data) > MAX_BYTES:
        raise DeckError(shown, [too_big(max(size, len(data)))])
    digest = hashlib.sha256(data).hexdigest()
    deck = cache.fetch(digest, shown) if cached else None
    if deck is None:
        deck = parse_deck(data, shown)
        cache.store(deck)
    return deck


def _read(path: Path, shown: str) -> tuple[bytes, int]:
    """The deck's bytes, at most one more than a deck may have, and the file's size.

    Opened without blocking and checked once open: the file `resolve` saw may have been
    swapped for a FIFO since, and a regular-looking file (/proc/kmsg) may block on read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise DeckNotFound(Error.DECK_UNREACHABLE, name=shown, why=system_says(exc)) from None
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise DeckNotFound(Error.DECK_NOT_A_FILE, name=printable(shown))
        # Never read a huge file whole just to refuse it: the size check needs one byte more.
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise DeckNotFound(Error.DECK_UNREACHABLE, name=shown, why=system_says(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks), found.st_size


def parse_deck(data: bytes, path: str = "<deck>") -> Deck:
    """Parse and check a deck's bytes (never cached); DeckError lists every problem."""
    from debate.deck.validate import Checker
    from debate.deck.yamlsafe import Unreadable, check_tree, compose, decode

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
        found = checker.problems or [problem(1, 1, Error.NOT_A_DECK)]
        raise DeckError(path, sorted(found, key=lambda p: (p.line, p.column)))
    return deck
