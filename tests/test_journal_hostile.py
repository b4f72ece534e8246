"""Journals made to harm: each is refused in one line naming FILE:LINE (or read with a
warning), never with a traceback, and never read whole into memory."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from scripted_session import scripted_deck, scripted_events, write_journal

from debate.record.catalog import find_sessions, unfinished_for
from debate.record.journal import MAX_LINE, JournalError, replay_journal

OPENING = scripted_events("fr")[0].to_json()


def journal(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "2026-03-01-2005-x.jsonl"
    path.write_text("".join(line + "\n" for line in (OPENING, *lines)), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line",
    [
        '{"type": ["card-shown"], "card": "bancs"}',
        '{"type": {"a": 1}, "card": "bancs"}',
        '{"type": 3}',
        "[" * 100_000 + "]" * 100_000,
        '{"type": "remark", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
    ],
    ids=["type-list", "type-object", "type-int", "deep-array", "deep-in-object"],
)
def test_a_line_that_is_no_event_is_named_by_file_and_line(tmp_path: Path, line: str) -> None:
    path = journal(tmp_path, line, '{"type": "card-shown", "card": "bancs"}')
    before = path.read_bytes()
    with pytest.raises(JournalError) as caught:
        replay_journal(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2: "), message
    assert "\n" not in message and len(message) < 300
    assert path.read_bytes() == before


def test_a_lone_surrogate_is_read_as_a_replacement_with_a_warning(tmp_path: Path) -> None:
    remark = '{"type": "remark", "card": "jardin-partage", "text": "a\\ud800b\\udfffc"}'
    path = journal(tmp_path, '{"type": "card-shown", "card": "jardin-partage"}', remark)
    replayed = replay_journal(path)
    (note,) = replayed.state.cards["jardin-partage"].remarks
    assert note.text == "a\ufffdb\ufffdc"
    note.text.encode("utf-8")  # every output can write it now
    warned = [str(w) for w in replayed.warnings]  # in English; Phrase.in_ for others
    assert any(w.startswith(f"{path}:3: ") and "surrogate" in w for w in warned)


def test_an_escaped_pair_is_one_character_not_a_lone_surrogate(tmp_path: Path) -> None:
    remark = json.dumps(
        {"type": "remark", "card": "jardin-partage", "text": "🌻"}, ensure_ascii=True
    )
    path = journal(tmp_path, '{"type": "card-shown", "card": "jardin-partage"}', remark)
    replayed = replay_journal(path)
    assert replayed.state.cards["jardin-partage"].remarks[0].text == "🌻"
    assert replayed.warnings == ()


def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of `size` bytes that takes no room on the disk: `head`, then a hole."""
    with path.open("wb") as file:
        file.write(head)
        file.truncate(size)
    return path


TWO_GB = 2 << 30


def test_a_2_gb_file_is_refused_without_being_read_whole(tmp_path: Path) -> None:
    path = sparse(tmp_path / "2026-03-01-2005-big.jsonl", TWO_GB, (OPENING + "\n").encode())
    tracemalloc.start()
    try:
        with pytest.raises(JournalError) as caught:
            replay_journal(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value).startswith(f"{path}:2: a line of more than")
    assert peak < 4 * MAX_LINE  # one line at most, never the file


def test_a_folder_holding_a_2_gb_file_still_lists_and_offers_to_resume(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    events = [e for e in scripted_events("fr") if e.kind != "session-closed"]
    write_journal(sessions / "2026-03-01-2005-salle-des-fetes.jsonl", events)
    sparse(sessions / "2026-03-02-2005-big.jsonl", TWO_GB, (OPENING + "\n").encode())
    tracemalloc.start()
    try:
        offered = unfinished_for(sessions, scripted_deck("fr"))
        listed = find_sessions(sessions)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [info.id for info in offered] == ["2026-03-01-2005-salle-des-fetes"]
    assert [info.damaged for info in listed] == [False, True]
    assert peak < 4 * MAX_LINE


def test_a_million_marker_like_lines_are_refused_not_remembered(tmp_path: Path) -> None:
    path = tmp_path / "2026-03-01-2005-x.jsonl"
    path.write_bytes((OPENING + "\n").encode() + b"[\n" * 1_000_000)
    with pytest.raises(JournalError) as caught:
        replay_journal(path)
    assert "not a journal" in str(caught.value)
