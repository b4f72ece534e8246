"""`debate sessions`: one line per session, damaged ones with the reason, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from rich.cells import cell_len

from debate.cli import main
from debate.deck import load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.record.events import CardShown, Round, VoteRecorded
from debate.record.session import Session

EXEMPLE = EXAMPLE_DECK


def vote(card: str) -> VoteRecorded:
    return VoteRecorded(
        card=card,
        round=Round.FINAL,
        method="for-against-abstain",
        labels=("Pour", "Contre", "Abstention"),
        counts=(10, 4, 1),
        rule="majority-of-cast",
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A finished session, an unfinished one, a damaged one and one cut by a power cut."""
    deck = load_deck(str(EXEMPLE))
    sessions = tmp_path / "sessions"
    done = Session.create(
        deck,
        sessions,
        "Salle des fêtes",
        "Anne",
        30,
        "fr",
        datetime(2026, 3, 1, 20, 5),
        meeting="aaaaaaaa",
    )
    done.record(vote("jardin-partage"))
    done.record(vote("boite-a-livres"))
    done.close()
    going = Session.create(
        deck, sessions, "Mairie", "Paul", 20, "fr", datetime(2026, 3, 8, 18, 30), meeting="bbbbbbbb"
    )
    going.record(vote("boite-a-livres"))
    going.release()
    cut = Session.create(
        deck, sessions, "Halle", "Léa", 50, "fr", datetime(2026, 3, 9, 19, 0), meeting="cccccccc"
    )
    cut.record(CardShown(card="bancs"))
    cut.release()
    with cut.journal_path.open("ab") as journal:
        journal.write(b'{"type": "vote-rec')
    damaged = sessions / "2026-03-10-1800-ecole.jsonl"
    damaged.write_bytes(b'{"type": "session-opened"\nnot json\n{}\n')
    return sessions


EXPECTED = [
    "2026-03-01 20:05  Salle des fêtes  2 cards voted    finished      "
    "2026-03-01-2005-salle-des-fetes-aaaaaaaa",
    "2026-03-08 18:30  Mairie           1 card voted     not finished  "
    "2026-03-08-1830-mairie-bbbbbbbb",
    "2026-03-09 19:00  Halle            0 cards voted    not finished  "
    "2026-03-09-1900-halle-cccccccc"
    "  (a line cut short by a power cut was skipped)",
]


def test_lists_each_session_on_one_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = folder / "2026-03-10-1800-ecole.jsonl"
    before = damaged.read_bytes()
    assert main(["sessions", "--sessions", str(folder)]) == 0
    out, err = capsys.readouterr()
    header, *lines = out.splitlines()
    assert header == f"sessions in {folder}:"  # which folder: the default depends on the cwd
    assert lines[:3] == EXPECTED
    assert lines[3] == (
        f"?                 2026-03-10-1800-ecole  damaged: {damaged}:1: not valid JSON; "
        "the file was left untouched"
    )
    assert len(lines) == 4 and err == ""
    assert damaged.read_bytes() == before


def test_the_real_command_prints_no_traceback(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "debate", "sessions", "--sessions", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.splitlines()[1:4] == EXPECTED


def test_the_default_folder_is_sessions_here(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(folder.parent)
    assert main(["sessions"]) == 0
    header, *lines = capsys.readouterr().out.splitlines()
    assert header == f"sessions in {folder}:"
    assert lines[:3] == EXPECTED


def test_no_sessions_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions", "--sessions", str(tmp_path / "none")]) == 0
    assert capsys.readouterr().out == f"no sessions in {tmp_path / 'none'}\n"


def test_a_file_instead_of_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("hello\n")
    assert main(["sessions", "--sessions", str(not_a_folder)]) == 2
    assert capsys.readouterr().err == (
        f"debate: {not_a_folder}: not a folder (given by --sessions)\n"
    )


def test_places_in_wide_characters_keep_the_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = load_deck(str(EXEMPLE))
    sessions = tmp_path / "sessions"
    for place, hour in (("公民館", 18), ("Salle des fêtes", 20)):
        Session.create(deck, sessions, place, "", 20, "fr", datetime(2026, 3, 1, hour)).release()
    assert main(["sessions", "--sessions", str(sessions)]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    # "0 cards voted" starts in the same column on both lines (公民館 is six columns wide).
    starts = [cell_len(line[: line.index("0 cards")]) for line in lines]
    assert len(lines) == 2 and starts == [35, 35]
