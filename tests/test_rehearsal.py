"""Rehearsals (`debate run --rehearsal`) in the record: the flag survives the journal,
the minutes and the export say so in both languages, and `merge`, `summary` of several
and `sessions` keep the afternoon's try apart from the evening's meeting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from scripted_session import deck_path, scripted_events, write_journal

from debate.deck.loader import load_deck
from debate.record.events import SessionOpened, derived_meeting_id, from_json
from debate.record.exports import to_json
from debate.record.gathered import GatherError
from debate.record.gathered import from_json as export_from_json
from debate.record.journal import read_journal
from debate.record.minutes import render_minutes
from debate.record.results import build_results
from debate.record.state import replay

HOSTILE = Path(__file__).parent / "journals" / "hostile"


def rehearsed(lang: str = "fr", meeting: str = "") -> list:
    """The scripted meeting, as a rehearsal (with another meeting id when given)."""
    first, *rest = scripted_events(lang)
    assert isinstance(first, SessionOpened)
    changes: dict[str, object] = {"rehearsal": True, "format": 4}
    if meeting:
        changes["meeting"] = meeting
    return [replace(first, **changes), *rest]


def debate(*args: str, cwd: Path, lang: str = "") -> subprocess.CompletedProcess[str]:
    """`debate ARGS` in its own process; `lang`: under that locale (LANG=fr_FR.UTF-8)."""
    env = None
    if lang:
        drop = ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
        env = {k: v for k, v in os.environ.items() if k not in drop} | {"LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "debate", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def test_the_flag_makes_the_round_trip_through_a_journal(tmp_path: Path) -> None:
    path = write_journal(tmp_path / "r.jsonl", rehearsed())
    first = path.read_text("utf-8").splitlines()[0]
    assert '"rehearsal": true' in first and '"format": 4' in first
    events, _ = read_journal(path)
    opened = events[0]
    assert isinstance(opened, SessionOpened) and opened.rehearsal is True
    assert from_json(opened.to_json()) == opened


def test_an_older_opening_reads_as_real_and_keeps_its_bytes_and_id() -> None:
    """A format-2 opening has no meeting id: its id hashes its JSON as debate writes it,
    so the new field must not appear in what is hashed."""
    line = (
        '{"type": "session-opened", "at": "2026-03-01T20:05:12+01:00", "format": 2, '
        '"deck_title": "T", "deck_path": "", "deck_digest": "", "language": "fr", '
        '"place": "Salle", "facilitator": ""}'
    )
    opened = from_json(line)
    assert isinstance(opened, SessionOpened) and opened.rehearsal is False
    as_before = line[:-1] + ', "meeting": ""}'  # what debate hashed before rehearsals
    assert opened.to_json() == as_before
    assert opened.meeting_id == derived_meeting_id(as_before)


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("fr", "Compte rendu d’une RÉPÉTITION (pas la vraie réunion)"),
        ("en", "Minutes of a REHEARSAL (not the real meeting)"),
    ],
)
def test_the_minutes_title_says_rehearsal(lang: str, title: str) -> None:
    deck = load_deck(str(deck_path(lang)))
    text = render_minutes(replay(rehearsed(lang)), deck)
    assert title in text.splitlines()[:3]
    real = render_minutes(replay(scripted_events(lang)), deck)
    assert title not in real and "RÉPÉTITION" not in real and "REHEARSAL" not in real


def test_the_json_export_carries_it_and_reads_it_back() -> None:
    results = build_results(replay(rehearsed("en")), None)
    text = to_json(results)
    assert json.loads(text)["session"]["rehearsal"] is True
    assert export_from_json(text, "r.json").rehearsal is True
    real = to_json(build_results(replay(scripted_events("en")), None))
    assert export_from_json(real, "m.json").rehearsal is False
    older = json.loads(real)
    del older["session"]["rehearsal"]  # an export from before rehearsals
    assert export_from_json(json.dumps(older), "old.json").rehearsal is False
    older["session"]["rehearsal"] = "yes"
    with pytest.raises(GatherError, match="rehearsal"):
        export_from_json(json.dumps(older), "bad.json")


@pytest.mark.parametrize("flag", ["string", "number", "null", "list"])
def test_a_wrong_typed_flag_is_refused_in_one_line(flag: str, tmp_path: Path) -> None:
    journal = HOSTILE / f"rehearsal-{flag}.jsonl"
    before = journal.read_bytes()
    done = debate("summary", str(journal), cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        f"debate: {journal}:1: not an event (field 'rehearsal' has the wrong type); "
        "the file was left untouched\n"
    )
    assert journal.read_bytes() == before


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two real meetings (fr, en ids differ) and the afternoon's rehearsal, on one deck."""
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    first, *rest = scripted_events("fr")
    write_journal(sessions / "2026-03-01-2005-salle-a.jsonl", [first, *rest])
    other = replace(first, meeting="bbbbbbbb", place="Mairie")
    write_journal(sessions / "2026-03-02-2005-mairie-b.jsonl", [other, *rest])
    write_journal(
        sessions / "2026-03-01-1400-repetition-salle-c.jsonl", rehearsed(meeting="cccccccc")
    )
    return sessions


def test_merge_leaves_rehearsals_out_and_says_how_many(folder: Path) -> None:
    given = sorted(str(p) for p in folder.glob("*.jsonl"))
    done = debate("merge", *given, "--format", "json", cwd=folder)
    assert done.returncode == 0, done.stderr
    merged = json.loads(done.stdout)
    assert sorted(m["session"]["meeting"] for m in merged["meetings"]) == [
        "bbbbbbbb",
        scripted_events("fr")[0].meeting,  # type: ignore[attr-defined]
    ]
    assert merged["totals"]["session"]["rehearsal"] is False
    assert "left out one rehearsal (--rehearsals counts it)" in done.stderr
    text = debate("merge", *given, cwd=folder)
    assert "Résultats de 2 réunions" in text.stdout


def test_the_note_of_rehearsals_left_out_is_in_the_locale_s_language(folder: Path) -> None:
    given = sorted(str(p) for p in folder.glob("*.jsonl"))
    for command in ("merge", "summary"):
        done = debate(command, *given, "-o", f"out-{command}.txt", cwd=folder, lang="fr_FR.UTF-8")
        assert done.returncode == 0, done.stderr
        assert "debate : une répétition laissée de côté (--rehearsals la compte)" in done.stderr
        assert "left out" not in done.stderr


def test_merge_counts_rehearsals_when_asked(folder: Path) -> None:
    given = sorted(str(p) for p in folder.glob("*.jsonl"))
    done = debate("merge", *given, "--rehearsals", "--format", "json", cwd=folder)
    assert done.returncode == 0, done.stderr
    merged = json.loads(done.stdout)
    assert len(merged["meetings"]) == 3 and merged["totals"]["session"]["rehearsal"] is True
    assert "left out" not in done.stderr
    report = debate("merge", *given, "--rehearsals", cwd=folder).stdout
    assert "Résultats de 3 réunions" in report
    assert len([line for line in report.splitlines() if "(répétition)" in line]) == 1


def test_merge_of_rehearsals_only_needs_the_option(folder: Path) -> None:
    done = debate("merge", str(next(folder.glob("*repetition*"))), cwd=folder)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        "debate: every meeting given is a rehearsal: add --rehearsals to count them\n"
    )


def test_summary_of_several_leaves_rehearsals_out(folder: Path) -> None:
    given = sorted(str(p) for p in folder.glob("*.jsonl"))
    several = debate("summary", *given, "--format", "json", cwd=folder)
    assert several.returncode == 0, several.stderr
    assert [m["session"]["rehearsal"] for m in json.loads(several.stdout)] == [False, False]
    assert "left out one rehearsal" in several.stderr
    alone = debate("summary", str(next(folder.glob("*repetition*"))), cwd=folder)
    assert alone.returncode == 0 and "RÉPÉTITION" in alone.stdout.splitlines()[0]


def test_sessions_marks_the_rehearsal(folder: Path) -> None:
    done = debate("sessions", "--sessions", str(folder), cwd=folder)
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()[1:]
    marked = [row for row in rows if "REHEARSAL" in row]
    assert len(rows) == 3 and len(marked) == 1 and "repetition" in marked[0]


def test_the_results_code_marks_a_rehearsal_and_merge_reads_it(folder: Path) -> None:
    from debate.record.code_reader import parse_code
    from debate.record.results_code import results_codes

    (code,) = results_codes(build_results(replay(rehearsed(meeting="cccccccc")), None))
    assert code.split("|")[3] == "~cccccccc"
    read = parse_code(code, "codes.txt:1")
    assert read.rehearsal and read.meeting == "cccccccc"
    (real,) = results_codes(build_results(replay(scripted_events("fr")), None))
    assert not parse_code(real, "codes.txt:1").rehearsal
    codes = folder / "codes.txt"
    codes.write_text(code + "\n" + real + "\n", encoding="utf-8")
    deck = str(deck_path("fr"))
    done = debate("merge", str(codes), "--deck", deck, "--format", "json", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["meetings"]) == 1
    assert "left out one rehearsal" in done.stderr


def test_the_spreadsheet_marks_a_rehearsal_s_rows() -> None:
    from debate.record.exports import to_csv

    rows = to_csv([build_results(replay(rehearsed(meeting="cccccccc")), None)]).splitlines()
    assert all(row.startswith("~cccccccc,") for row in rows[1:])
    real = to_csv([build_results(replay(scripted_events("fr")), None)]).splitlines()
    assert not any(row.startswith("~") for row in real)
