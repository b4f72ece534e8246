"""A journal damaged in the middle: `debate summary` and `debate run --resume` say which
file and line in one line, exit 1 with no traceback, and leave the file's bytes as they
were (nor do they start a new meeting beside it)."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from debate.record.events import CardShown, Round, SessionOpened, VoteRecorded
from debate.record.journal import JournalError, replay_journal
from debate.record.session import Session
from tui_terminal.meeting import ATTENDANCE, PLACE, exemple, flat, run_argv
from tui_terminal.tmux import PY, Server

DAMAGE = {
    # line 3 of 5 (card-shown) replaced by: ...
    "cut": b'{"type": "card-shown", "at": "2026-03-01T20:0',
    "not-utf8": b'{"type": "card-shown", "card": "\xff\xfe"}',
    "not-an-event": b'{"type": "coffee-break", "minutes": 10}',
    "impossible": SessionOpened(
        deck_title="x", deck_path="x", deck_digest="x", language="fr", place="x"
    )
    .to_json()
    .encode(),
}
WHY = {
    "cut": "not valid JSON",
    "not-utf8": "not UTF-8 text",
    "not-an-event": "not an event",
    "impossible": "an event that cannot follow the ones before it",
}


def damaged_session(sessions: Path, damage: bytes) -> Path:
    """A real unfinished session (written by Session), then its third line replaced."""
    deck = exemple()
    session = Session.create(deck, sessions, PLACE, "Anne", ATTENDANCE, "fr")
    session.record(CardShown(card="jardin-partage"))
    session.record(
        VoteRecorded(
            card="jardin-partage",
            round=Round.INDICATIVE,
            method="for-against-abstain",
            labels=("Pour", "Contre", "Abstention"),
            counts=(12, 5, 3),
            rule="majority-of-cast",
        )
    )
    session.record(CardShown(card="boite-a-livres"))
    session.release()  # as after a crash: not closed, resumable
    journal = session.journal_path
    lines = journal.read_bytes().split(b"\n")
    assert len(lines) == 6 and lines[-1] == b""  # five events, the last one terminated
    lines[2] = damage
    journal.write_bytes(b"\n".join(lines))
    with pytest.raises(JournalError):
        replay_journal(journal)
    return journal


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_clear_line(stderr: str, journal: Path, why: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert f"{journal}:3: {why}" in lines[0], stderr
    assert lines[0].startswith("debate: ")


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_summary_and_resume_refuse_a_damaged_journal(tmp_path: Path, kind: str) -> None:
    sessions = tmp_path / "sessions"
    journal = damaged_session(sessions, DAMAGE[kind])
    before, files = digest(journal), sorted(sessions.iterdir())

    summary = subprocess.run(
        [PY, "-m", "debate", "summary", str(journal)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert summary.returncode == 1
    assert summary.stdout == ""
    one_clear_line(summary.stderr, journal, WHY[kind])

    # Refused before the app starts: said the same way with or without a terminal.
    resume = subprocess.run(
        run_argv(sessions, "--resume"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert resume.returncode == 1
    one_clear_line(resume.stderr, journal, WHY[kind])
    assert "cannot resume" in resume.stderr

    assert digest(journal) == before
    assert sorted(sessions.iterdir()) == files  # no new meeting started beside it


@pytest.mark.slow
def test_resume_in_a_terminal_refuses_a_damaged_journal(
    tmux: Callable[..., Server], tmp_path: Path
) -> None:
    sessions = tmp_path / "sessions"
    journal = damaged_session(sessions, DAMAGE["cut"])
    before, files = digest(journal), sorted(sessions.iterdir())
    pane = tmux(100, 30).start(run_argv(sessions, "--resume"))
    assert pane.wait_exit() == 1
    screen = pane.history()
    # The terminal's C locale names no language: the deck's (French), as the window would.
    said = f"debate : reprise impossible : {journal}:3 : pas du JSON valide"
    assert said in flat(screen), screen
    assert "Traceback" not in screen
    assert digest(journal) == before
    assert sorted(sessions.iterdir()) == files
