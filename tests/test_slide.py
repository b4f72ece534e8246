"""The slide file the facilitator's window writes for the room's: read back as written,
and anything else read as "no slide", never an error, never through a link."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from debate.meeting.slide import MAX_BYTES, Countdown, Slide, read_slide, to_json, write_slide
from debate.platform import LinkRefused

TIMER = Countdown("against", 120, 12.5, running=True, at=1_800_000_000.0)
GOOD = {
    "format": 1,
    "card": "jardin",
    "step": 2,
    "timer": {"side": "for", "duration": 90, "spoken": 3, "running": False, "at": 5},
    "results": True,
    "blank": False,
}


def test_a_slide_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "s.slide"
    slides = (
        Slide("jardin", 0),
        Slide("bancs", 3, TIMER, results=True, blank=True),
        Slide("jardin", 0, meeting_results=2),
    )
    for slide in slides:
        write_slide(path, slide)
        assert read_slide(path) == slide
    assert [p.name for p in tmp_path.iterdir()] == ["s.slide"]  # no temporary file left


def test_a_running_countdown_goes_on_from_when_it_was_written() -> None:
    assert TIMER.spoken_now(TIMER.at + 10) == 22.5
    paused = Countdown("for", 120, 12.5, running=False, at=TIMER.at)
    assert paused.spoken_now(TIMER.at + 10) == 12.5
    assert TIMER.spoken_now(TIMER.at - 60) == 12.5  # a clock set back never counts down


@pytest.mark.parametrize(
    "change",
    [
        {"format": 2},
        {"card": ["x"]},
        {"step": -1},
        {"step": True},
        {"step": 2.0},
        {"results": 1},
        {"timer": {**GOOD["timer"], "side": "abstain"}},
        {"timer": {**GOOD["timer"], "duration": 10**9}},
        {"timer": {**GOOD["timer"], "spoken": float("nan")}},
        {"timer": {**GOOD["timer"], "at": float("inf")}},
        {"timer": "running"},
        {"meeting_results": -1},
        {"meeting_results": True},
        {"meeting_results": "1"},
        {"meeting_results": 10**6},
    ],
)
def test_a_slide_that_is_not_ours_reads_as_none(tmp_path: Path, change: dict[str, object]) -> None:
    path = tmp_path / "s.slide"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    assert read_slide(path) is not None  # the unchanged one is read
    path.write_text(json.dumps({**GOOD, **change}), encoding="utf-8")
    assert read_slide(path) is None


@pytest.mark.parametrize(
    "data", [b"", b"\xff\xfe", b"[" * 100_000, b"[]", b'"slide"', b"{" + b" " * MAX_BYTES + b"}"]
)
def test_garbage_reads_as_none(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "s.slide"
    path.write_bytes(data)
    assert read_slide(path) is None


def test_no_slide_file_reads_as_none(tmp_path: Path) -> None:
    assert read_slide(tmp_path / "missing.slide") is None
    (tmp_path / "dir.slide").mkdir()
    assert read_slide(tmp_path / "dir.slide") is None


def test_a_link_is_neither_read_nor_replaced(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text(to_json(Slide("jardin", 1)), encoding="utf-8")
    link = tmp_path / "s.slide"
    os.symlink(target, link)
    assert read_slide(link) is None
    with pytest.raises(LinkRefused):
        write_slide(link, Slide("jardin", 2))
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["step"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.txt", "s.slide"]
