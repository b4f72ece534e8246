"""The hostile-journal corpus (tests/journals/hostile/, made by its make.py) through
`summary` in every format and through `sessions`: never a traceback, never a control
character in any output, always exit 0, 1 or 2, and every file left as it was."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from debate.record.exports import FORMATS

HOSTILE = Path(__file__).parent / "journals" / "hostile"
JOURNALS = sorted(HOSTILE.glob("*.jsonl"))


def unsafe(text: str) -> list[str]:
    """Characters a terminal or an editor acts on; newlines, tabs and form feeds are a
    document's own."""
    return [
        c
        for c in text
        if (ord(c) < 0x20 and c not in "\n\t\f")
        or 0x7F <= ord(c) <= 0x9F
        or c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        or 0xD800 <= ord(c) <= 0xDFFF
    ]


def debate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",  # a byte that is not UTF-8 fails the test, not the reading
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def digests() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in JOURNALS}


def test_the_corpus_is_what_its_script_makes() -> None:
    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE / "make.py")
    assert spec is not None and spec.loader is not None
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    made = make.corpus()
    assert len(made) >= 60
    assert sorted(f"{name}.jsonl" for name in made) == [p.name for p in JOURNALS]
    for name, data in made.items():
        assert (HOSTILE / f"{name}.jsonl").read_bytes() == data, name


@pytest.mark.parametrize("journal", JOURNALS, ids=[p.stem for p in JOURNALS])
def test_summary_in_every_format_stays_text(journal: Path, tmp_path: Path) -> None:
    before = journal.read_bytes()
    for fmt in FORMATS:
        done = debate("summary", str(journal), "--format", fmt, cwd=tmp_path)
        where = f"{journal.name} --format {fmt}"
        assert done.returncode in (0, 1, 2), where
        assert "Traceback" not in done.stderr, (where, done.stderr)
        assert unsafe(done.stdout) == [], where
        assert unsafe(done.stderr) == [], (where, done.stderr)
        if done.returncode:
            assert done.stdout == "", where
            assert done.stderr.startswith("debate: "), (where, done.stderr)
        else:
            assert done.stdout, where
    assert journal.read_bytes() == before


def test_sessions_lists_the_whole_corpus_as_text(tmp_path: Path) -> None:
    before = digests()
    done = debate("sessions", "--sessions", str(HOSTILE), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert unsafe(done.stdout) == [] and unsafe(done.stderr) == []
    header, *listed = done.stdout.splitlines()
    assert header == f"sessions in {HOSTILE}:"  # which folder it read, then one row each
    assert len(listed) == len(JOURNALS)
    widest = max(len(line) - len(line.rsplit("  ", 1)[-1]) for line in listed if line[0] != "?")
    assert widest < 120  # a 7,200-character place does not widen every row
    for journal in JOURNALS:
        assert any(journal.stem in line for line in listed), journal.name
    assert digests() == before


AMENDMENTS = sorted(HOSTILE.glob("amendment-*.jsonl"))


@pytest.mark.parametrize("journal", AMENDMENTS, ids=[p.stem for p in AMENDMENTS])
def test_amendment_votes_in_a_spreadsheet_never_start_a_formula(
    journal: Path, tmp_path: Path
) -> None:
    """An amendment's text and its vote's labels are cells: each stays text, in both
    dialects; a journal that cannot be read says why in one line."""
    for dialect in ("rfc4180", "excel-fr"):
        args = ("summary", str(journal), "--format", "csv", "--dialect", dialect)
        done = debate(*args, cwd=tmp_path)
        if done.returncode:
            assert done.stderr.count("\n") == 1 and done.stdout == "", done.stderr
            assert f"{journal}:" in done.stderr  # names the file and the line
            continue
        rows = list(
            csv.DictReader(
                io.StringIO(done.stdout.removeprefix("\ufeff"), newline=""),
                delimiter=";" if dialect == "excel-fr" else ",",
            )
        )
        assert any(r["round"] == "amendment" for r in rows), journal.name
        cells = [v for r in rows for v in r.values()]
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in cells), journal.name


def test_an_amendment_text_is_kept_exactly_and_never_run(tmp_path: Path) -> None:
    journal = HOSTILE / "amendment-voted-cmd.jsonl"
    text = "=cmd|' /C calc'!A0"
    data = json.loads(debate("summary", str(journal), "--format", "json", cwd=tmp_path).stdout)
    (card,) = data["cards"]
    assert [(a["text"], a["vote"]["outcome"]) for a in card["amendments"]] == [(text, "adopted")]
    table = debate("summary", str(journal), "--format", "csv", cwd=tmp_path).stdout
    cells = {r["amendment_text"] for r in csv.DictReader(io.StringIO(table))}
    assert cells == {"", "'" + text}
