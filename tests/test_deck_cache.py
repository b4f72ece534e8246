"""The cache of checked decks (debate/deck/cache.py): a launch on bytes already checked
skips PyYAML and the checks, and nothing about the cache can make a deck wrong or a
launch fail. Each test gets its own cache folder through $XDG_CACHE_HOME."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debate.deck import DeckError, cache, load_deck, parse_deck
from debate.deck.loader import EMBEDDED, EXAMPLE_DECK, embedded_names
from debate.untrusted import shows_nothing

ROOT = Path(__file__).resolve().parents[1]
EXEMPLE = EXAMPLE_DECK


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def entries() -> list[Path]:
    folder = cache.directory()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def load_in_child(deck: Path | str, package: Path | None = None) -> tuple[str, bool]:
    """Load `deck` in a fresh interpreter: (its title, whether PyYAML was imported). With
    `package`, that copy of debate is first on the path (and checked to be the one used)."""
    probe = "import sys\n"
    if package is not None:
        probe += f"sys.path.insert(0, {str(package)!r})\n"
    probe += f"from debate.deck import load_deck\ndeck = load_deck({str(deck)!r})\n"
    if package is not None:
        probe += "assert __import__('debate').__file__.startswith(sys.path[0]), 'wrong debate'\n"
    probe += "print(deck.title)\nprint('yaml' in sys.modules)\n"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    )
    title, yaml_loaded = done.stdout.splitlines()
    return title, yaml_loaded == "True"


def test_the_second_launch_on_the_same_bytes_never_imports_yaml(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_bytes(EXEMPLE.read_bytes())
    assert load_in_child(deck) == ("Budget participatif 2026", True)  # parsed, then stored
    assert len(entries()) == 1
    assert load_in_child(deck) == ("Budget participatif 2026", False)  # from the cache


def test_an_edited_deck_is_parsed_again_and_shows_the_edit(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_bytes(EXEMPLE.read_bytes())
    load_in_child(deck)
    text = EXEMPLE.read_text("utf-8").replace("Budget participatif 2026", "Budget 2027", 1)
    deck.write_text(text, "utf-8")
    assert load_in_child(deck) == ("Budget 2027", True)
    assert len(entries()) == 2  # one per content; the old one is harmless


@pytest.mark.parametrize("name", embedded_names())
def test_a_cached_deck_equals_the_parsed_one(name: str) -> None:
    parsed = load_deck(name)
    assert entries()
    from_cache = load_deck(name)
    assert from_cache == parsed
    assert from_cache == parse_deck((EMBEDDED / f"{name}.yaml").read_bytes(), name)


V2 = """\
title: Deck v2
language: fr
glossary:
  PLUi: plan local d'urbanisme intercommunal
  RLP: règlement local de publicité
references:
  - {title: Le manifeste, url: "https://example.org", note: page d'accueil}
  - {title: Un article sans adresse}
cards:
  - id: a
    title: A
    summary: S
    first: against
    arguments:
      - {text: T, source: S, by: le manifeste, response: R}
    objections:
      - {text: O, by: un lecteur}
  - id: b
    title: B
    summary: S
"""


def test_every_field_of_the_format_comes_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "v2.yaml"
    deck.write_text(V2, "utf-8")
    parsed = load_deck(str(deck))
    assert entries()

    def no_parsing(data: bytes, path: str = "") -> None:
        raise AssertionError("parsed again: the cache was not used")

    monkeypatch.setattr("debate.deck.loader.parse_deck", no_parsing)
    cached = load_deck(str(deck))
    assert cached == parsed
    assert cached.glossary == (
        ("PLUi", "plan local d'urbanisme intercommunal"),
        ("RLP", "règlement local de publicité"),
    )
    assert [(r.title, r.url, r.note) for r in cached.references] == [
        ("Le manifeste", "https://example.org", "page d'accueil"),
        ("Un article sans adresse", None, None),
    ]
    a, b = cached.cards
    assert (a.first, b.first) == ("against", "for")
    assert (a.arguments[0].by, a.arguments[0].response) == ("le manifeste", "R")
    assert a.objections[0].by == "un lecteur"
    # The line is no part of a card's equality: compare it on its own.
    assert [c.line for c in cached.cards] == [c.line for c in parsed.cards] == [10, 18]


def test_the_path_is_the_one_asked_for_not_the_one_cached(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(EXEMPLE.read_bytes())
    load_deck(str(EXEMPLE))
    assert load_deck(str(copy)).path == str(copy)  # same bytes, same entry


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 1}',
        b'{"format": 999, "code": "x", "deck": {}}',
        b"[" * 100_000,
    ],
    ids=["empty", "torn", "list", "no-code", "other-format", "deeply-nested"],
)
def test_a_damaged_entry_is_ignored_and_replaced(damage: bytes) -> None:
    good = load_deck(str(EXEMPLE))
    (entry,) = entries()
    entry.write_bytes(damage)
    assert load_deck(str(EXEMPLE)) == good
    assert cache.decode(entry.read_bytes(), good.path, good.digest) == good  # rewritten


def test_an_entry_from_other_code_is_not_trusted() -> None:
    good = load_deck(str(EXEMPLE))
    (entry,) = entries()
    stale = json.loads(entry.read_bytes())
    stale["code"] = "an older debate"
    stale["deck"]["title"] = "what the older code built"
    entry.write_text(json.dumps(stale), "utf-8")
    assert load_deck(str(EXEMPLE)).title == good.title


def test_a_deck_with_problems_is_never_cached(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('title: "x"\nlanguage: fr\ncards: []\n', "utf-8")
    for _ in range(2):
        with pytest.raises(DeckError):
            load_deck(str(bad))
    assert entries() == []


def test_an_unwritable_cache_costs_nothing_but_time(cache_home: Path) -> None:
    cache_home.write_text("a file where the cache folder should be", "utf-8")
    assert load_deck(str(EXEMPLE)).title == "Budget participatif 2026"
    assert load_deck(str(EXEMPLE)).title == "Budget participatif 2026"
    assert cache_home.read_text("utf-8").startswith("a file")


def test_no_temporary_file_is_left_behind() -> None:
    load_deck(str(EXEMPLE))
    assert [p.name for p in cache.directory().iterdir()] == [entries()[0].name]


def test_an_entry_in_use_outlives_newer_ones(tmp_path: Path) -> None:
    # A hit marks its entry as used: the meeting's deck is not pruned by decks tried since.
    text = EXEMPLE.read_text("utf-8")
    kept = cache.directory() / f"{load_deck(str(EXEMPLE)).digest}.json"
    entry = json.loads(kept.read_bytes())
    entry["marker"] = "the original entry"  # gone if it is ever pruned and written again
    kept.write_text(json.dumps(entry), "utf-8")
    long_ago = time.time() - 10_000
    os.utime(kept, (long_ago, long_ago))  # the oldest entry, as if created first
    for n in range(cache.KEEP + 3):
        deck = tmp_path / f"deck{n}.yaml"
        deck.write_text(text.replace("Budget participatif 2026", f"Budget {n}", 1), "utf-8")
        created = cache.directory() / f"{load_deck(str(deck)).digest}.json"
        os.utime(created, (long_ago + n + 1, long_ago + n + 1))  # distinct, in order
        load_deck(str(EXEMPLE))  # the meeting's deck, used again each time
    assert json.loads(kept.read_bytes()).get("marker") == "the original entry"
    assert len(entries()) == cache.KEEP


def test_temporaries_left_by_a_killed_process_are_removed_later(tmp_path: Path) -> None:
    load_deck(str(EXEMPLE))
    folder = cache.directory()
    old = folder / ".abc.123.tmp"
    fresh = folder / ".def.456.tmp"  # perhaps another window writing right now
    for left in (old, fresh):
        left.write_text("{", "utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    other = tmp_path / "other.yaml"
    other.write_text(EXEMPLE.read_text("utf-8").replace("2026", "2027", 1), "utf-8")
    load_deck(str(other))  # a store, which prunes
    assert not old.exists() and fresh.exists()


def test_old_entries_are_pruned(tmp_path: Path) -> None:
    text = EXEMPLE.read_text("utf-8")
    for n in range(cache.KEEP + 5):
        deck = tmp_path / f"deck{n}.yaml"
        deck.write_text(text.replace("Budget participatif 2026", f"Budget {n}", 1), "utf-8")
        load_deck(str(deck))
    assert len(entries()) == cache.KEEP


def test_check_reads_the_file_whatever_the_cache_holds() -> None:
    load_deck(str(EXEMPLE))
    (entry,) = entries()
    tampered = json.loads(entry.read_bytes())
    tampered["deck"]["title"] = "not what the file says"
    entry.write_text(json.dumps(tampered), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "debate", "check", str(EXEMPLE)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    assert "'Budget participatif 2026'" in done.stdout
    # ...and a check that passes refreshes the entry for the next launch.
    assert load_deck(str(EXEMPLE)).title == "Budget participatif 2026"


# Text a deck may hold: no format characters (a lone bidi control is refused) and not only
# characters that show nothing (a soft hyphen alone is an empty title).
TEXT = st.text(st.characters(blacklist_categories=["Cs", "Cc", "Cf"]), max_size=30).filter(
    lambda text: not shows_nothing(text)
)


@settings(max_examples=100, deadline=None)
@given(
    title=TEXT,
    summary=TEXT,
    argument=st.none() | TEXT,
    source=st.none() | TEXT,
    grades=st.booleans(),
)
def test_encoding_round_trips_whatever_the_text(
    title: str, summary: str, argument: str | None, source: str | None, grades: bool
) -> None:
    card = {"id": "c", "title": title, "summary": summary}
    if argument:
        card["arguments"] = [{"text": argument, **({"source": source} if source else {})}]
    if grades:
        card["vote"] = {"method": "majority-judgment", "grades": ["Bien", "Passable"]}
    document = {"title": title, "language": "fr", "cards": [card]}
    deck = parse_deck(json.dumps(document, ensure_ascii=False).encode(), "d.yaml")  # JSON is YAML
    assert cache.decode(cache.encode(deck), deck.path, deck.digest) == deck


def copy_of_debate(tmp_path: Path) -> Path:
    """A copy of the debate package to tamper with; returns the folder to put on sys.path."""
    import shutil

    root = tmp_path / "pkg"
    shutil.copytree(ROOT / "debate", root / "debate", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_an_edit_of_the_checking_code_invalidates_entries_even_with_the_same_mtime(
    tmp_path: Path,
) -> None:
    package = copy_of_debate(tmp_path)
    assert load_in_child(EXEMPLE, package) == ("Budget participatif 2026", True)
    assert load_in_child(EXEMPLE, package)[1] is False  # cached
    checker = package / "debate" / "deck" / "validate.py"
    stat = checker.stat()
    text = checker.read_text("utf-8")
    checker.write_text(text.replace("\n", "\r", 1), "utf-8")  # one byte for another
    os.utime(checker, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime
    assert checker.stat().st_size == stat.st_size
    assert load_in_child(EXEMPLE, package)[1] is True  # checked again


def test_a_sourceless_install_runs_without_a_cache(tmp_path: Path) -> None:
    import compileall

    package = copy_of_debate(tmp_path)
    assert load_in_child(EXEMPLE, package)[0] == "Budget participatif 2026"  # an entry exists
    compileall.compile_dir(package / "debate", quiet=1, legacy=True)  # .pyc beside the .py
    (package / "debate" / "deck" / "validate.py").unlink()
    for _ in range(2):  # no crash, and no entry trusted without the sources
        assert load_in_child(EXEMPLE, package) == ("Budget participatif 2026", True)
    other = tmp_path / "other.yaml"
    other.write_text(EXEMPLE.read_text("utf-8").replace("2026", "2027", 1), "utf-8")
    before = entries()
    assert load_in_child(other, package)[0] == "Budget participatif 2027"
    assert entries() == before  # nor written
