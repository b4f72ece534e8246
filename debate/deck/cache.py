"""Checked decks, kept so that the next launch on the same file skips YAML and the checks.

The first time debate sees a deck file's bytes it parses and checks them in full (the
default deck: ~9 ms plus ~15 ms to import PyYAML; 1,000 cards: ~300 ms). A deck that
passed is stored as JSON under the user's cache directory, named by the sha256 of those
bytes and stamped with a fingerprint of the code that checked it (a hash of its source
files and of PyYAML's), so a hit stands for a check of the same bytes by the same
checker. Like Python's .pyc files it is only an optimisation: an entry that is missing,
stale, damaged or unwritable is ignored and the file parsed again; where the sources
cannot be read (a sourceless install), there is no cache. JSON, not pickle: reading an
entry never runs code.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import time
from functools import cache
from pathlib import Path
from typing import Any

from debate import platform
from debate.deck.model import (
    Argument,
    Card,
    Deck,
    Item,
    Objection,
    Side,
    Source,
    VoteSpec,
)
from debate.deck.rules import CARD_ID, CONTROL, LANGUAGE_TAG, tidy
from debate.vocabulary import Method, Rule, Ungraded

FORMAT = 3  # bump when the entry layout below changes
KEEP = 32  # entries; every edit of a deck adds one, the oldest go first
# The code a cached deck depends on, by content: an upgrade or an edit of any of these
# (or of PyYAML, below) changes the fingerprint, and older entries are parsed again.
CODE = (
    "deck/loader.py",
    "deck/model.py",
    "deck/validate.py",
    "deck/node_reader.py",
    "deck/format_keys.py",
    "deck/yamlsafe.py",
    "deck/errors.py",
    "deck/cache.py",
    "deck/rules.py",
    "record/tally.py",
)


def directory() -> Path:
    """The user's cache folder for debate (debate/platform.py), then decks/."""
    return platform.cache_dir() / "decks"


def fetch(digest: str, path: str) -> Deck | None:
    """The checked deck whose file bytes hash to `digest`, or None (then parse the file)."""
    entry = directory() / f"{digest}.json"
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    deck = decode(data, path, digest)
    if deck is not None:
        with contextlib.suppress(OSError):  # used now: the last to be pruned
            os.utime(entry)
    return deck


def store(deck: Deck) -> None:
    """Keep `deck` (which passed every check) for the next launch; never fails."""
    if _fingerprint() is None:
        return
    folder = directory()
    target = folder / f"{deck.digest}.json"
    temporary = folder / f".{deck.digest}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Created, never opened: a name planted in the folder is not written through.
        fd = platform.open_regular(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as file:
            file.write(encode(deck))
        os.replace(temporary, target)  # readers see a whole entry or none
        _prune(folder)
    except OSError:  # a read-only home, a full disk: the next launch parses the file again
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Keep the KEEP entries used last; drop temporaries a killed process left behind."""
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)
    for left in folder.glob(".*.tmp"):
        if left.stat().st_mtime < time.time() - 3600:
            left.unlink(missing_ok=True)


@cache  # the code does not change while debate runs
def _fingerprint() -> str | None:
    """A hash of the sources in CODE and of PyYAML's (its version, and whether libyaml's
    C parser is there); None when they cannot be read. ~0.3 ms."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(str(FORMAT).encode())
    try:
        for name in CODE:
            digest.update((package / name).read_bytes())
        spec = importlib.util.find_spec("yaml")  # finds it without importing it
        if spec is None or spec.origin is None:
            return None
        yaml_dir = Path(spec.origin).parent
        digest.update(Path(spec.origin).read_bytes())
        digest.update(" ".join(sorted(p.name for p in yaml_dir.glob("_yaml*"))).encode())
    except OSError:
        return None
    return digest.hexdigest()


# -- deck <-> JSON --------------------------------------------------------------------


def encode(deck: Deck) -> bytes:
    """A cache entry for `deck`, stamped with this code's fingerprint."""
    entry = {"format": FORMAT, "code": _fingerprint(), "deck": _plain(deck)}
    return json.dumps(entry, ensure_ascii=False).encode("utf-8")


def decode(data: bytes, path: str, digest: str) -> Deck | None:
    """The deck in a cache entry, or None if the entry is damaged, from other code, or
    holds anything the checks would have refused."""
    code = _fingerprint()
    try:
        entry = json.loads(data)
        if code is None or entry["format"] != FORMAT or entry["code"] != code:
            return None
        return _deck(entry["deck"], path, digest)
    except (ValueError, KeyError, TypeError, IndexError, RecursionError, _Untrusted):
        return None


def _plain(deck: Deck) -> dict[str, Any]:
    return {
        "title": deck.title,
        "language": deck.language,
        "description": deck.description,
        "source": deck.source,
        "vote": _plain_vote(deck.vote),
        "cards": [
            {
                "number": c.number,
                "id": c.id,
                "title": c.title,
                "summary": c.summary,
                "arguments": [_plain_item(a) for a in c.arguments],
                "objections": [_plain_item(o) for o in c.objections],
                "questions": list(c.questions),
                "sources": [[s.title, s.url] for s in c.sources],
                "vote": _plain_vote(c.vote),
                "first": c.first,
                "line": c.line,
            }
            for c in deck.cards
        ],
        "glossary": [list(entry) for entry in deck.glossary],
        "references": [[s.title, s.url, s.note] for s in deck.references],
    }


def _plain_item(item: Item) -> list[str | None]:
    return [item.text, item.source, item.response, item.by]


def _plain_vote(vote: VoteSpec) -> list[Any]:
    return [vote.method.value, vote.choices, vote.grades, vote.rule.value, vote.ungraded.value]


class _Untrusted(Exception):
    """An entry holding what no check would have passed: read as a miss."""


def _deck(plain: dict[str, Any], path: str, digest: str) -> Deck:
    """The deck in an entry, checked to be one the checker could have built: the entry's
    name and stamp say which bytes and which code, not that the content is theirs (anyone
    who can write the cache folder can write an entry)."""
    vote = _vote(plain["vote"])
    cards = tuple(_card(c, n, vote) for n, c in enumerate(_list(plain["cards"]), 1))
    ids = [c.id for c in cards]
    if not cards or len(set(ids)) != len(ids):
        raise _Untrusted
    language = _text(plain["language"])
    if not LANGUAGE_TAG.match(language):
        raise _Untrusted
    return Deck(
        title=_text(plain["title"]),
        language=language,
        cards=cards,
        vote=vote,
        description=_optional(plain["description"]),
        source=_optional(plain["source"]),
        path=path,
        digest=digest,
        glossary=tuple((_text(term), _text(said)) for term, said in _lists(plain["glossary"], 2)),
        references=tuple(
            Source(_text(t), _optional(u), _optional(n))
            for t, u, n in _lists(plain["references"], 3)
        ),
    )


def _card(c: dict[str, Any], number: int, deck_vote: VoteSpec) -> Card:
    card_id = _text(c["id"])
    if c["number"] != number or type(c["number"]) is not int or not CARD_ID.match(card_id):
        raise _Untrusted
    return Card(
        number=number,
        id=card_id,
        title=_text(c["title"]),
        summary=_text(c["summary"]),
        arguments=tuple(Argument(*_item(i)) for i in _lists(c["arguments"], 4)),
        objections=tuple(Objection(*_item(i)) for i in _lists(c["objections"], 4)),
        questions=tuple(_text(q) for q in _list(c["questions"])),
        sources=tuple(Source(_text(t), _optional(u)) for t, u in _lists(c["sources"], 2)),
        vote=_vote(c["vote"]),
        first=_side(c["first"]),
        line=_line(c["line"]),
    )


def _item(plain: list[Any]) -> tuple[str, str | None, str | None, str | None]:
    text, source, response, by = plain
    return _text(text), _optional(source), _optional(response), _optional(by)


def _line(value: object) -> int:
    if type(value) is not int or value < 0:
        raise _Untrusted
    return value


def _side(plain: object) -> Side:
    if plain == "against":
        return "against"
    if plain == "for":
        return "for"
    raise _Untrusted  # a damaged entry: decode() parses the file again


def _vote(plain: list[Any]) -> VoteSpec:
    method, choices, grades, rule, ungraded = _list(plain)
    spec = VoteSpec(
        Method(method),
        tuple(_text(c) for c in _list(choices)),
        tuple(_text(g) for g in _list(grades)),
        Rule(rule),
        Ungraded(ungraded),
    )
    graded = spec.method is Method.MAJORITY_JUDGMENT
    shaped = len(spec.grades) >= 2 if graded else not spec.grades
    if not shaped or len(spec.choices) != 3 or len(set(spec.labels)) != len(spec.labels):
        raise _Untrusted
    return spec


def _text(value: object) -> str:
    """A text as the checker leaves it: a string, not empty, tidied, no control character."""
    if not isinstance(value, str) or tidy(value) != value or not value or CONTROL.search(value):
        raise _Untrusted
    return value


def _optional(value: object) -> str | None:
    return None if value is None else _text(value)


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise _Untrusted
    return value


def _lists(value: object, size: int) -> list[list[Any]]:
    items = _list(value)
    if not all(isinstance(item, list) and len(item) == size for item in items):
        raise _Untrusted
    return items
