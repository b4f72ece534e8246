"""Files are never written through a link or over something that is not ours: planted lock
links, a second writer on one journal, `-o` targets, hostile cache entries. Real files,
real symlinks, real second processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from debate.deck import cache, load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.deck.model import Deck
from debate.record.events import CardShown
from debate.record.journal import read_journal
from debate.record.session import Session, SessionError

ROOT = Path(__file__).resolve().parent.parent
EXEMPLE = EXAMPLE_DECK


@pytest.fixture
def deck() -> Deck:
    return load_deck(str(EXEMPLE))


def start(deck: Deck, folder: Path, place: str, hour: int = 20) -> Session:
    return Session.create(deck, folder, place, "Anne", 30, "fr", datetime(2026, 3, 1, hour))


def debate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


# -- locks and journals ----------------------------------------------------------------


def test_a_lock_planted_as_a_link_to_another_journal_is_refused_untouched(
    deck: Deck, tmp_path: Path
) -> None:
    mine = start(deck, tmp_path, "Mairie", 18)
    mine.release()
    other = start(deck, tmp_path, "Halle", 20)
    other.close()
    before = other.journal_path.read_bytes()
    planted = tmp_path / f"{mine.id}.lock"
    planted.symlink_to(other.journal_path.name)
    with pytest.raises(SessionError, match="is a link"):
        Session.resume(mine.journal_path, deck)
    assert other.journal_path.read_bytes() == before
    assert planted.is_symlink()


def test_a_journal_that_is_a_link_is_never_appended_to(deck: Deck, tmp_path: Path) -> None:
    other = start(deck, tmp_path / "elsewhere", "Halle")
    other.close()
    before = other.journal_path.read_bytes()
    planted = tmp_path / "2026-03-01-2000-halle.jsonl"
    planted.symlink_to(other.journal_path)
    with pytest.raises(SessionError, match="link"):
        Session.resume(planted, deck)
    assert other.journal_path.read_bytes() == before


def test_a_minutes_file_planted_as_a_link_is_replaced_not_written_through(
    deck: Deck, tmp_path: Path
) -> None:
    session = start(deck, tmp_path, "Mairie")
    session.release()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    session.minutes_path.unlink()
    session.minutes_path.symlink_to(victim)
    resumed = Session.resume(session.journal_path, deck)
    resumed.record(CardShown(card="bancs"))
    assert victim.read_text() == "precious\n"
    # Said in the meeting's language (a French deck): the link's refusal too.
    assert resumed.problem is not None and "est un lien" in resumed.problem
    resumed.release()


SECOND_WINDOW = """
import sys
from pathlib import Path
from debate.deck import load_deck
from debate.record.session import Session, SessionError
try:
    Session.resume(Path(sys.argv[1]), load_deck(sys.argv[2]))
except SessionError as exc:
    print("refused:", exc)
else:
    print("resumed")
"""


def test_deleting_a_live_lock_does_not_let_a_second_process_write(
    deck: Deck, tmp_path: Path
) -> None:
    first = start(deck, tmp_path, "Mairie")
    (tmp_path / f"{first.id}.lock").unlink()  # what a tidy-up script or a user might do
    second = subprocess.run(
        [sys.executable, "-c", SECOND_WINDOW, str(first.journal_path), str(EXEMPLE)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert second.stdout.startswith("refused: session "), second.stdout
    assert "open in another debate window" in second.stdout
    first.record(CardShown(card="bancs"))
    assert first.saved, first.problem
    first.close()
    assert len(read_journal(first.journal_path)[0]) == 4  # opened, attendance, card, closed


def test_a_foreign_append_stops_the_writing_instead_of_saying_saved(
    deck: Deck, tmp_path: Path
) -> None:
    session = start(deck, tmp_path, "Mairie")
    with session.journal_path.open("ab") as journal:  # no lock asked: a careless copy, a bug
        journal.write(b'{"type": "card-shown", "card": "jardin-partage"}\n')
    written = session.journal_path.read_bytes()
    session.record(CardShown(card="bancs"))
    assert not session.saved
    assert session.problem is not None and "written by something else" in session.problem
    assert session.journal_path.read_bytes() == written  # not one byte added to it
    session.release()


# -- -o targets -------------------------------------------------------------------------


@pytest.fixture
def journal(deck: Deck, tmp_path: Path) -> Path:
    session = start(deck, tmp_path / "sessions", "Mairie")
    session.close()
    return session.journal_path


def test_o_refuses_a_link_a_folder_and_a_fifo(journal: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (tmp_path / "link.txt").symlink_to(victim)
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")
    sessions = str(journal.parent)
    for name, what in (
        ("link.txt", "a link"),
        ("folder", "a folder"),
        ("fifo", "something that is not a regular file"),
    ):
        done = debate("summary", journal.stem, "--sessions", sessions, "-o", name, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"debate: {name}: will not write over {what}"), done.stderr
    assert victim.read_text() == "precious\n"
    assert (tmp_path / "link.txt").is_symlink()


def test_o_refuses_a_journal_whatever_the_case_of_its_name(journal: Path, tmp_path: Path) -> None:
    before = journal.read_bytes()
    for name in (journal.with_suffix(".JSONL").name, "NEW.JsonL"):
        done = debate(
            "summary", journal.stem, "--sessions", str(journal.parent), "-o", name, cwd=tmp_path
        )
        assert done.returncode == 2
        assert "will not write over a session journal" in done.stderr
    assert journal.read_bytes() == before


def test_o_refuses_a_journal_under_another_name(journal: Path, tmp_path: Path) -> None:
    before = journal.read_bytes()
    alias = tmp_path / "minutes.txt"
    os.link(journal, alias)  # the same file, as a case-insensitive name would find it
    done = debate(
        "summary", journal.stem, "--sessions", str(journal.parent), "-o", str(alias), cwd=tmp_path
    )
    assert done.returncode == 2
    assert "will not write over a session journal" in done.stderr
    assert journal.read_bytes() == before


def test_handout_refuses_its_own_deck_whatever_the_case_of_the_suffix(tmp_path: Path) -> None:
    deck = tmp_path / "Deck.YAML"
    deck.write_bytes(EXEMPLE.read_bytes())
    other = tmp_path / "Other.YML"
    other.write_bytes(EXEMPLE.read_bytes())
    done = debate("handout", deck.name, "-o", deck.name, cwd=tmp_path)
    assert done.returncode == 2
    assert "will not write over the deck it reads" in done.stderr
    done = debate("handout", deck.name, "-o", other.name, cwd=tmp_path)
    assert done.returncode == 2
    assert "will not write over a deck" in done.stderr
    assert deck.read_bytes() == other.read_bytes() == EXEMPLE.read_bytes()


# -- the deck cache -----------------------------------------------------------------------


def tamper(change: object) -> Path:
    """The one cache entry, with its deck's first card title replaced by `change`."""
    (entry,) = sorted(cache.directory().glob("*.json"))
    plain = json.loads(entry.read_bytes())
    plain["deck"]["cards"][0]["title"] = change
    entry.write_text(json.dumps(plain), encoding="utf-8")
    return entry


@pytest.mark.parametrize("hostile", [42, "\x1b]52;c;aGk=\x07", "", ["a"], "  padded  "])
def test_a_hostile_cache_entry_is_not_used(
    hostile: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    deck_file = tmp_path / "deck.yaml"
    deck_file.write_bytes(EXEMPLE.read_bytes())
    expected = load_deck(str(deck_file))  # parsed, then stored
    tamper(hostile)
    done = debate("handout", str(deck_file), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert expected.cards[0].title in done.stdout
    again = load_deck(str(deck_file))
    assert again.cards[0].title == expected.cards[0].title
