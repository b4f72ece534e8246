"""Results gathered back from many communes: `debate merge` of journals, JSON exports and
files of results codes, mixed, each meeting counted once by its id. The round trip: the
minutes' QR codes decoded by zbarimg, merged, give the totals the journals give."""

from __future__ import annotations

import codecs
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from qrdecode import decode_half_blocks
from scripted_session import deck_path, scripted_deck, scripted_events, write_journal
from test_merge import SECOND, THIRD

from debate.record.exports import to_json
from debate.record.minutes import render_minutes
from debate.record.results import build_results
from debate.record.state import replay

MEETINGS = {"salle": scripted_events("fr"), "mairie": SECOND, "ecole": THIRD}


def debate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture
def journals(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "journals"
    folder.mkdir()
    return {
        name: write_journal(folder / f"{name}.jsonl", events) for name, events in MEETINGS.items()
    }


def scanned(events: list) -> list[str]:  # type: ignore[type-arg]
    """What a phone reads from the printed minutes' QR codes: zbarimg, on the minutes."""
    minutes = render_minutes(replay(events), scripted_deck("fr"))
    return decode_half_blocks(minutes.splitlines())


def totals(report: str) -> list[tuple[object, ...]]:
    data = json.loads(report)
    return [
        (card["id"], r["round"], r["tallied"], r["attendance"], r["outcome"], r["percentages"])
        for card in data["totals"]["cards"]
        for r in card["rounds"]
    ]


def test_codes_scanned_from_the_minutes_merge_to_the_journals_totals(
    journals: dict[str, Path], tmp_path: Path
) -> None:
    codes = tmp_path / "scans.txt"
    codes.write_text("".join(f"{c}\n" for e in MEETINGS.values() for c in scanned(e)))
    deck = str(deck_path("fr"))
    from_journals = debate("merge", *map(str, journals.values()))
    from_codes = debate("merge", str(codes), "--deck", deck)
    assert from_journals.returncode == 0, from_journals.stderr
    assert from_codes.returncode == 0, from_codes.stderr
    # The same report, word for word: the same totals, outcomes, meetings and QR code.
    assert from_codes.stdout == from_journals.stdout
    as_json = [
        debate("merge", *map(str, journals.values()), "--format", "json"),
        debate("merge", str(codes), "--deck", deck, "--format", "json"),
    ]
    assert totals(as_json[0].stdout) == totals(as_json[1].stdout) != []


def test_journals_exports_and_codes_mixed_each_meeting_once(
    journals: dict[str, Path], tmp_path: Path
) -> None:
    export = tmp_path / "mairie.json"
    export.write_text(to_json(build_results(replay(SECOND), scripted_deck("fr"))))
    codes = tmp_path / "codes.txt"
    # The school's code, and the hall's scanned twice: the hall's journal is merged too.
    codes.write_text("\n".join([*scanned(THIRD), *scanned(MEETINGS["salle"]) * 2]) + "\n")
    done = debate("merge", str(journals["salle"]), str(export), str(codes))
    assert done.returncode == 0, done.stderr
    expected = debate("merge", *map(str, journals.values()))
    assert done.stdout == expected.stdout
    assert (
        f"{journals['salle']} and {codes}:2 are the same meeting: counted once, from "
        in done.stderr
    )


def test_codes_on_another_deck_are_refused_saying_which(
    journals: dict[str, Path], tmp_path: Path
) -> None:
    english = build_results(replay(scripted_events("en")), scripted_deck("en"))
    codes = tmp_path / "codes.txt"
    codes.write_text("\n".join(json.loads(to_json(english))["qr"]) + "\n")
    done = debate("merge", str(journals["salle"]), str(codes))
    assert done.returncode == 1 and not done.stdout
    digest = scripted_deck("en").digest[:8]
    assert done.stderr.startswith("debate: these meetings are on different decks: ")
    # A code names its deck by digest only: its title is known once the deck is given.
    assert f"; a deck ({digest}): Village hall, 2026-03-01;" in done.stderr
    deck = str(deck_path("en"))
    titled = debate("merge", str(journals["salle"]), str(codes), "--deck", deck)
    assert f"'Participatory budget 2026' ({digest}): Village hall, 2026-03-01;" in titled.stderr
    # Alone, its deck is not known: the message says how to give it.
    alone = debate("merge", str(codes))
    assert alone.returncode == 1
    assert alone.stderr == (
        f"debate: {codes}:1: meeting hall2345 (Village hall, 2026-03-01) ran on deck {digest}, "
        "which is neither shipped with debate nor the deck of a journal merged: give it with "
        "--deck FILE\n"
    )


def test_the_totals_of_a_merge_are_not_a_meeting(journals: dict[str, Path], tmp_path: Path) -> None:
    report = debate("merge", *map(str, journals.values()))
    codes = tmp_path / "totals.txt"
    codes.write_text("\n".join(decode_half_blocks(report.stdout.splitlines())) + "\n")
    done = debate("merge", str(codes), str(journals["salle"]))
    assert done.returncode == 1
    assert done.stderr.startswith(f"debate: {codes}:1: the totals of a merge, not a meeting")


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1@3A\nhello\n", ":2: not a results code"),
        ('{"format": "debate-results", "version": 1}', "version 1, from an older debate"),
        ('{"format": "debate-results", "version": 2, "deck": []}', '"deck" is not an object'),
        ("[" * 100_000, "longer than any results code"),
        ("{" + "[" * 100_000, "not valid JSON"),
    ],
    ids=["bad code", "old export", "bad export", "long line", "deep JSON"],
)
def test_bad_input_gets_one_line(tmp_path: Path, content: str, why: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(content)
    done = debate("merge", str(bad))
    assert done.returncode == 1
    assert done.stderr.startswith(f"debate: {bad}") and why in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_merge_writes_csv_and_json(journals: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    done = debate("merge", *map(str, journals.values()), "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    meetings = {r["meeting"] for r in rows}
    assert {"salle234", "mairie23", "ecole234"} < meetings and len(meetings) == 4
    (total,) = meetings - {"salle234", "mairie23", "ecole234"}
    final = [
        r
        for r in rows
        if (r["meeting"], r["card"], r["round"]) == (total, "jardin-partage", "final")
    ]
    assert [int(r["count"]) for r in final] == [47, 36, 7]
    assert {r["place"] for r in final} == {"Résultats de 3 réunions"}
    data = json.loads(debate("merge", *map(str, journals.values()), "--format", "json").stdout)
    assert (data["format"], data["version"], len(data["meetings"])) == ("debate-merge", 1, 3)


def test_summary_of_several_sessions_is_one_table_and_excel_fr_reaches_stdout_whole(
    journals: dict[str, Path],
) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "debate",
            "summary",
            *map(str, journals.values()),
            "--format",
            "csv",
            "--dialect",
            "excel-fr",
        ],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(codecs.BOM_UTF8) and b"\r\n" in done.stdout
    text = done.stdout.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert {r["meeting"] for r in rows} == {"salle234", "mairie23", "ecole234"}
    assert rows[0]["percentage"] == "62,5"
