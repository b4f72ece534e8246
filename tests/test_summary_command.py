"""`debate summary` run as a real process on real journal files, in every format, and its
one-line answers for a missing session, a damaged journal and a vanished deck."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from scripted_session import scripted_deck, scripted_events, scripted_state, write_journal

from debate.record.exports import FORMATS, render
from debate.record.minutes import render_minutes
from debate.record.results import build_results
from debate.record.state import replay

SESSION_ID = "2026-03-01-2005-salle-des-fetes"


def debate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    write_journal(folder / f"{SESSION_ID}.jsonl", scripted_events("fr"))
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_from_a_session_id(sessions: Path, fmt: str) -> None:
    done = debate("summary", SESSION_ID, "--format", fmt, "--sessions", str(sessions))
    assert done.returncode == 0, done.stderr
    assert done.stdout == render(build_results(scripted_state("fr"), scripted_deck("fr")), fmt)
    assert not done.stderr


def test_a_journal_path_and_a_format_taken_from_the_output_name(
    sessions: Path, tmp_path: Path
) -> None:
    journal = sessions / f"{SESSION_ID}.jsonl"
    out = tmp_path / "results.json"
    done = debate("summary", str(journal), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["session"]["place"] == "Salle des fêtes"
    text_out = tmp_path / "minutes.txt"
    assert debate("summary", str(journal), "-o", str(text_out)).returncode == 0
    assert text_out.read_text(encoding="utf-8") == render_minutes(
        scripted_state("fr"), scripted_deck("fr")
    )


def test_a_missing_session_exits_2_in_one_line(sessions: Path) -> None:
    done = debate("summary", "1999-01-01", "--sessions", str(sessions))
    assert done.returncode == 2
    assert done.stderr.startswith("debate: 1999-01-01: no such session")
    assert len(done.stderr.splitlines()) == 1 and not done.stdout


def test_a_damaged_journal_exits_1_with_its_message_and_is_left_alone(sessions: Path) -> None:
    journal = sessions / f"{SESSION_ID}.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, "this is not an event\n")
    journal.write_text("".join(lines), encoding="utf-8")
    before = journal.read_bytes()
    done = debate("summary", SESSION_ID, "--sessions", str(sessions))
    assert done.returncode == 1
    assert done.stderr.startswith(f"debate: {journal}:4: ")
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert journal.read_bytes() == before


def test_a_torn_last_line_is_skipped_with_a_warning(sessions: Path) -> None:
    journal = sessions / f"{SESSION_ID}.jsonl"
    with journal.open("a", encoding="utf-8") as handle:
        handle.write('{"type": "remark", "card": "fon')
    done = debate("summary", SESSION_ID, "--sessions", str(sessions))
    assert done.returncode == 0, done.stderr
    assert done.stdout == render_minutes(scripted_state("fr"), scripted_deck("fr"))
    assert "skipped a line cut short" in done.stderr


def test_a_vanished_deck_gives_minutes_without_titles_and_says_so(sessions: Path) -> None:
    events = scripted_events("fr")
    events[0] = replace(events[0], deck_path=str(sessions / "gone.yaml"))
    write_journal(sessions / f"{SESSION_ID}.jsonl", events)
    done = debate("summary", SESSION_ID, "--sessions", str(sessions))
    assert done.returncode == 0
    assert done.stdout == render_minutes(replay(events), None)
    assert "Fiche jardin-partage" in done.stdout
    assert done.stderr == (
        f"debate: {sessions / 'gone.yaml'}: deck not found; the summary names cards by their id\n"
    )


def test_the_summary_never_writes_over_a_journal(sessions: Path) -> None:
    journal = sessions / f"{SESSION_ID}.jsonl"
    before = journal.read_bytes()
    done = debate("summary", str(journal), "-o", str(journal))
    assert done.returncode == 2
    assert "will not write over a session journal" in done.stderr
    assert journal.read_bytes() == before


def test_an_empty_journal_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    done = debate("summary", str(empty))
    assert done.returncode == 1
    assert "no session was opened in it" in done.stderr


def test_summary_never_imports_textual(sessions: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.md"
    probe = (
        "import sys\n"
        "from debate.cli import main\n"
        f"code = main(['summary', {SESSION_ID!r}, '--sessions', {str(sessions)!r}, "
        f"'-o', {str(out)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.stdout == "0 []\n", done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Compte rendu")


def test_the_command_offers_exactly_the_export_formats() -> None:
    from debate.commands.summary import FORMATS as offered

    assert offered == FORMATS
