"""What the facilitator's window shows, for the room's window: the slide, beyond the record.

The journal holds what the room decided (votes, notes, attendance) and, after the repaint,
which card is shown; not what a press reveals, nor the speaker's countdown, nor whether the
results are up: those belong to the slide, not to the record. The facilitator's window
writes them to `<id>.slide` (debate/paths.py), one small JSON object replaced whole, so
that a reader sees the old file or the new, never half of one. It is not fsynced: a
reveal lost in a power cut loses nothing recorded (the journal keeps its fsync per event),
and the next press writes it again.

The room's window reads it as hostile input: anything but a well-formed slide of the
right size reads as "no slide" (the card the journal names, nothing revealed), never as
an error.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeGuard

from debate import platform
from debate.records import record

FORMAT = 1
MAX_BYTES = 4096  # a slide is about 200 bytes; a larger file is not one of ours
SIDES = ("for", "against")
MAX_SECONDS = 24 * 3600  # no speaker's turn lasts a day: a larger figure is not ours


@record(frozen=True)
class Countdown:
    """The speaker timer as the facilitator's window had it at `at` (time.time())."""

    side: str  # "for" or "against"
    duration: int  # seconds of a full turn
    spoken: float  # seconds spoken in this turn, at `at`
    running: bool
    at: float

    def spoken_now(self, now: float | None = None) -> float:
        """Seconds spoken by now: a running countdown went on since it was written."""
        if not self.running:
            return self.spoken
        moment = time.time() if now is None else now
        return self.spoken + max(0.0, moment - self.at)


@record(frozen=True)
class Slide:
    card: str  # the card's id
    step: int  # how many of its arguments and objections are revealed
    timer: Countdown | None = None  # None: no timer on screen
    results: bool = False  # the card's results are up
    blank: bool = False  # the screen is blanked
    meeting_results: int | None = None  # the meeting's results are up, at this page


def to_json(slide: Slide) -> str:
    return json.dumps({"format": FORMAT, **asdict(slide)}, ensure_ascii=False)


def write_slide(path: Path, slide: Slide) -> None:
    """Replace `path` with `slide`: temporary file, rename; no fsync (see the module's
    docstring). OSError (LinkRefused for a link or a non-file in its place) if it cannot
    be written: the caller shrugs, a slide is not a record."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(to_json(slide))
        platform.refuse_non_regular(path)  # a rename would replace a link planted there
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read_slide(path: Path) -> Slide | None:
    """The slide at `path`, or None when there is none or it is not a slide. Never raises,
    never follows a link, never reads more than MAX_BYTES."""
    try:
        fd = platform.open_regular(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_BYTES:
        return None
    try:
        found = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    return _slide(found)


def _slide(data: Any) -> Slide | None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    card, step = data.get("card"), data.get("step")
    results, blank = data.get("results", False), data.get("blank", False)
    if not isinstance(card, str) or not _count(step, 10_000):
        return None
    if not isinstance(results, bool) or not isinstance(blank, bool):
        return None
    page = data.get("meeting_results")
    if page is not None and not _count(page, 10_000):
        return None
    timer = data.get("timer")
    countdown = None if timer is None else _countdown(timer)
    if timer is not None and countdown is None:
        return None
    return Slide(card, step, countdown, results, blank, page)


def _countdown(data: Any) -> Countdown | None:
    if not isinstance(data, dict):
        return None
    side, duration, running = data.get("side"), data.get("duration"), data.get("running")
    spoken, at = data.get("spoken"), data.get("at")
    if side not in SIDES or not _count(duration, MAX_SECONDS) or not isinstance(running, bool):
        return None
    if not _seconds(spoken) or not _seconds(at, limit=None):
        return None
    return Countdown(str(side), duration, float(spoken), running, float(at))  # type: ignore[arg-type]


def _count(value: object, limit: int) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit


def _seconds(value: object, limit: float | None = MAX_SECONDS) -> bool:
    """A finite number >= 0 (json reads NaN and Infinity too), at most `limit`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    number = float(value)
    return number == number and 0 <= number < float("inf") and (limit is None or number <= limit)
