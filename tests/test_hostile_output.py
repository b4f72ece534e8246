"""Nothing from a deck, a journal or a file name reaches a terminal, a spreadsheet or a
Markdown reader as anything but text; an output that cannot take the text says so.

Real processes on real files; the hostile inputs are in tests/journals/hostile-output/."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from scripted_session import write_journal

from debate.deck.loader import EXAMPLE_DECK
from debate.record.catalog import SessionInfo
from debate.record.events import (
    AttendanceSet,
    CardShown,
    Event,
    RemarkMade,
    Round,
    SessionOpened,
    VoteRecorded,
)

HERE = Path(__file__).parent
SESSION_ID = "2026-03-01-2005-hostile"
ESC = "\x1b"
OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
OSC0 = "\x1b]0;pwned\x07"
RIS = "\x1bc"


def unsafe(text: str) -> list[str]:
    """The characters in `text` that a terminal would act on (form feeds, tabs and newlines
    are a document's own)."""
    return [
        c
        for c in text
        if (ord(c) < 0x20 and c not in "\n\t\f")
        or 0x7F <= ord(c) <= 0x9F
        or c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    ]


def hostile_events() -> list[Event]:
    card = '=HYPERLINK("http://x")```<img src=x onerror=alert(1)>'
    return [
        SessionOpened(
            at="2026-03-01T20:05:00+01:00",
            deck_title=f"Titre{OSC52}",
            deck_path="",
            deck_digest="0" * 64,
            language="fr",
            place=f"Salle{OSC52} des fêtes{RIS}\u202e",
            facilitator="Anne\x9b31m",
        ),
        AttendanceSet(at="2026-03-01T20:05:00+01:00", count=30),
        CardShown(at="2026-03-01T20:06:00+01:00", card=card),
        VoteRecorded(
            at="2026-03-01T20:07:00+01:00",
            card=card,
            round=Round.FINAL,
            method="for-against-abstain",
            labels=("=1+2", "@SUM(A1)", "-3\x1b[2J"),
            counts=(10, 4, 1),
            rule="majority-of-cast",
        ),
        RemarkMade(at="2026-03-01T20:08:00+01:00", card=card, text=f"bell\x07{OSC52}\u2028x"),
    ]


def debate(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    write_journal(folder / f"{SESSION_ID}.jsonl", hostile_events())
    return folder


@pytest.mark.parametrize("fmt", ["txt", "md", "csv", "json"])
def test_summary_in_every_format_shows_escapes_and_runs_none(sessions: Path, fmt: str) -> None:
    done = debate("summary", SESSION_ID, "--format", fmt, "--sessions", str(sessions))
    assert done.returncode == 0, done.stderr
    assert unsafe(done.stdout) == [], fmt
    assert unsafe(done.stderr) == []
    assert "Traceback" not in done.stderr
    if fmt == "json":  # escaped, not lost: a program reads the place as recorded
        data = json.loads(done.stdout)
        assert data["session"]["place"] == f"Salle{OSC52} des fêtes{RIS}\u202e"
        assert "\\u202e" in done.stdout
    else:
        assert "␛]52;c;ZWNobyBwd25lZA==" in done.stdout


def test_the_minutes_on_disk_can_be_catted(tmp_path: Path) -> None:
    from debate.deck import load_deck
    from debate.record.session import Session

    deck = load_deck(str(EXAMPLE_DECK))
    place = f"Salle{OSC52}{RIS}"
    session = Session.create(deck, tmp_path, place, "Anne", 30, "fr", datetime(2026, 3, 1, 20, 5))
    session.record(RemarkMade(card="jardin-partage", text=f"x{ESC}[2Jy"))
    text = session.minutes_path.read_text(encoding="utf-8")
    session.close()
    assert unsafe(text) == []
    assert "Salle␛]52;c;ZWNobyBwd25lZA==␇␛c" in text


def test_csv_cells_that_would_be_formulas_stay_text(sessions: Path) -> None:
    done = debate("summary", SESSION_ID, "--format", "csv", "--sessions", str(sessions))
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and all(row["card"].startswith("'=HYPERLINK(") for row in rows)
    assert rows[0]["choice"] == "'=1+2"  # each choice its own cell, each neutralised
    for cell in (v for r in rows for v in r.values()):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_each_csv_cell_is_neutralised_on_its_own() -> None:
    from debate.record.exports import csv_cell

    for text in ("=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        cell = csv_cell(text)
        assert isinstance(cell, str) and cell.startswith("'"), text
    assert csv_cell("Salle des fêtes") == "Salle des fêtes"
    assert csv_cell(12) == 12


def test_a_backtick_fence_in_a_card_id_cannot_close_the_markdown_code_block(
    sessions: Path,
) -> None:
    done = debate("summary", SESSION_ID, "--format", "md", "--sessions", str(sessions))
    lines = done.stdout.splitlines()
    opening = next(i for i, line in enumerate(lines) if line.endswith("text") and "``" in line)
    fence = lines[opening].removesuffix("text")
    assert len(fence) > 3  # longer than the ``` in the card id
    closing = lines.index(fence, opening + 1)
    inside = lines[opening + 1 : closing]
    assert any("```<img" in line for line in inside)  # the id is in the block, as text
    outside = [line for i, line in enumerate(lines) if not opening <= i <= closing]
    assert not any("<img" in line and "\\<img" not in line for line in outside)


def test_sessions_lists_a_hostile_place_as_text(sessions: Path) -> None:
    (sessions / f"2026-03-02-2005-x{ESC}]0;pwned{chr(7)}.jsonl").write_bytes(b"not json\n")
    done = debate("sessions", "--sessions", str(sessions))
    assert done.returncode == 0, done.stderr
    assert unsafe(done.stdout) == []
    assert "Salle␛]52;c;ZWNobyBwd25lZA==␇ des fêtes…" in done.stdout  # cut at 40 columns
    assert "x␛]0;pwned␇" in done.stdout


def test_an_error_message_naming_a_path_shows_its_escapes() -> None:
    done = debate("check", f"bad{ESC}[31m.yaml")
    assert done.returncode == 2
    assert done.stderr.startswith("debate: bad␛[31m.yaml: no such file")
    assert unsafe(done.stderr) == []


def test_lp_s_answer_is_passed_on_as_text(sessions: Path, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(
        f"#!/bin/sh\n{shutil.which('cat')} > /dev/null\n"
        "printf 'lp: \\033]0;pwned\\007 no\\n' >&2\nexit 1\n"
    )
    lp.chmod(0o755)
    done = debate(
        "print",
        SESSION_ID,
        "--sessions",
        str(sessions),
        env={**os.environ, "PATH": str(bin_dir)},
    )
    assert done.returncode == 1
    assert "lp: ␛]0;pwned␇ no" in done.stderr
    assert unsafe(done.stderr) == []


# -- outputs that cannot take the text ------------------------------------------------------


def shell(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DEBATE": f"{sys.executable} -m debate", **env},
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command",
    ["handout", f"summary {SESSION_ID}", f"summary {SESSION_ID} --format csv", "sessions"],
)
def test_a_full_disk_gives_one_line_and_exit_1(sessions: Path, command: str) -> None:
    done = shell(
        f"$DEBATE {command} --sessions {sessions} > /dev/full".replace(
            "handout --sessions " + str(sessions), "handout"
        )
    )
    assert done.returncode == 1, done.stderr
    assert (
        done.stderr.splitlines()[-1] == "debate: cannot write the output: No space left on device"
    )
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


@pytest.mark.parametrize("command", ["handout", "sessions", "summary {id} --format csv"])
def test_a_closed_stdout_gives_one_line_and_exit_1(sessions: Path, command: str) -> None:
    command = command.format(id=f"{SESSION_ID} --sessions {sessions}")
    done = shell(f"$DEBATE {command} >&-")
    assert done.returncode == 1, done.stderr
    # (after the summary's note that this journal names no deck)
    last = done.stderr.splitlines()[-1]
    assert last == "debate: cannot write the output: standard output is closed"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_output_encoding_that_cannot_hold_the_text_says_so(encoding: str) -> None:
    done = shell("$DEBATE handout", PYTHONIOENCODING=encoding)
    assert done.returncode == 1
    assert done.stderr.startswith(f"debate: the output's encoding ({encoding}) cannot hold")
    assert "Traceback" not in done.stderr


def test_a_message_in_ascii_still_gets_through() -> None:
    done = shell("$DEBATE check désescalade.yaml", PYTHONIOENCODING="ascii")
    assert done.returncode == 2
    assert done.stderr.startswith("debate: d\\xe9sescalade.yaml: no such file")


def test_a_pipe_closed_early_is_no_error() -> None:
    done = shell("$DEBATE handout | head -1")
    assert done.returncode == 0
    assert done.stderr == ""


# -- the resume offer ----------------------------------------------------------------------


def test_freshness_of_a_meeting() -> None:
    now = datetime(2026, 3, 1, 21, 0).astimezone()

    def info(at: str) -> SessionInfo:
        return SessionInfo("x", Path("x.jsonl"), date=at)

    assert info((now - timedelta(hours=2)).isoformat()).freshness(now) == "recent"
    assert info((now - timedelta(hours=13)).isoformat()).freshness(now) == "old"
    assert info((now + timedelta(days=30)).isoformat()).freshness(now) == "future"
    assert info((now + timedelta(minutes=2)).isoformat()).freshness(now) == "recent"
    assert info("2026-03-01T20:00:00").freshness(now) == "recent"  # no offset: local time
    assert info("yesterday").freshness(now) == "undated"
    assert info("").freshness(now) == "undated"


def test_the_app_s_own_messages_name_a_hostile_path_as_text(tmp_path: Path) -> None:
    """`run` keeps the real streams for Textual: its messages are made printable too."""
    missing = debate(f"bad{ESC}[31m.yaml")
    assert missing.returncode == 2
    assert missing.stderr.startswith("debate: bad␛[31m.yaml: no such file")
    bad = tmp_path / f"b{OSC0}.yaml"
    bad.write_text('title: "x"\nlanguage: fr\ncards: []\n', encoding="utf-8")
    broken = debate(str(bad))
    assert broken.returncode == 1
    assert broken.stderr.startswith(f"{tmp_path}/b␛]0;pwned␇.yaml:3:8: 'cards' is empty")
    assert unsafe(missing.stderr + broken.stderr) == []
