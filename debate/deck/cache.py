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

from debate.deck.model import Argument, Card, Deck, Objection, Source, VoteSpec
from debate.vocabulary import Method, Rule, Ungraded

FORMAT = 1  # bump when the entry layout below changes
KEEP = 32  # entries; every edit of a deck adds one, the oldest go first
# The code a cached deck depends on, by content: an upgrade or an edit of any of these
# (or of PyYAML, below) changes the fingerprint, and older entries are parsed again.
CODE = (
    "deck/loader.py",
    "deck/model.py",
    "deck/validate.py",
    "deck/yamlsafe.py",
    "deck/errors.py",
    "deck/cache.py",
    "record/tally.py",
)


def directory() -> Path:
    """$XDG_CACHE_HOME/debate/decks, else ~/.cache/debate/decks."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "debate" / "decks"


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
        temporary.write_bytes(encode(deck))
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
    """The deck in a cache entry, or None if the entry is damaged or from other code."""
    code = _fingerprint()
    try:
        entry = json.loads(data)
        if code is None or entry["format"] != FORMAT or entry["code"] != code:
            return None
        return _deck(entry["deck"], path, digest)
    except (ValueError, KeyError, TypeError, IndexError, RecursionError):
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
                "arguments": [[a.text, a.source] for a in c.arguments],
                "objections": [[o.text, o.source, o.response] for o in c.objections],
                "questions": list(c.questions),
                "sources": [[s.title, s.url] for s in c.sources],
                "vote": _plain_vote(c.vote),
            }
            for c in deck.cards
        ],
    }


def _plain_vote(vote: VoteSpec) -> list[Any]:
    return [vote.method.value, vote.choices, vote.grades, vote.rule.value, vote.ungraded.value]


def _deck(plain: dict[str, Any], path: str, digest: str) -> Deck:
    cards = tuple(
        Card(
            number=c["number"],
            id=c["id"],
            title=c["title"],
            summary=c["summary"],
            arguments=tuple(Argument(text, source) for text, source in c["arguments"]),
            objections=tuple(Objection(t, s, r) for t, s, r in c["objections"]),
            questions=tuple(c["questions"]),
            sources=tuple(Source(title, url) for title, url in c["sources"]),
            vote=_vote(c["vote"]),
        )
        for c in plain["cards"]
    )
    return Deck(
        title=plain["title"],
        language=plain["language"],
        cards=cards,
        vote=_vote(plain["vote"]),
        description=plain["description"],
        source=plain["source"],
        path=path,
        digest=digest,
    )


def _vote(plain: list[Any]) -> VoteSpec:
    method, choices, grades, rule, ungraded = plain
    return VoteSpec(Method(method), tuple(choices), tuple(grades), Rule(rule), Ungraded(ungraded))
