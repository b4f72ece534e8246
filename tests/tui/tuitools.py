"""What the TUI tests read: the session record on disk and the screen as drawn."""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from debate.deck.loader import EXAMPLE_DECK
from debate.deck.model import Card
from debate.record.events import Round, VoteRecorded

ROOT = Path(__file__).resolve().parents[2]
MEETING = Path(__file__).with_name("decks") / "meeting-en.yaml"  # ours: small and stable
EXAMPLE = EXAMPLE_DECK

# -- what the record holds ------------------------------------------------------------------


def journals(sessions: Path) -> list[Path]:
    return sorted(sessions.glob("*.jsonl"))


def events(sessions: Path) -> list[dict[str, Any]]:
    """The events of the only journal in `sessions`, as the file holds them."""
    (journal,) = journals(sessions)
    lines = journal.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]


def of_type(sessions: Path, kind: str) -> list[dict[str, Any]]:
    return [e for e in events(sessions) if e["type"] == kind]


def minutes(sessions: Path) -> str:
    (journal,) = journals(sessions)
    return journal.with_suffix(".txt").read_text(encoding="utf-8")


async def until(pilot: Pilot[Any], condition: Callable[[], object], what: str = "") -> None:
    """Let the app run until `condition()` holds: a write the app defers (a move is
    recorded just after the repaint) is waited for, never raced. Counted in turns of the
    app's message loop, not in seconds, so a loaded machine only makes it slower."""
    for _ in range(MAX_TURNS):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"still not true after {MAX_TURNS} turns of the app: {what}")


MAX_TURNS = 1_000


async def after_timers(pilot: Pilot[Any], condition: Callable[[], object], what: str = "") -> None:
    """Like `until`, for what only a timer of the app brings (the minutes' debounce): the
    app is let run in small steps of real time until `condition()` holds. The bound is a
    minute, far beyond any timer of the app, so only a write that never comes fails."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {PATIENCE:.0f} s: {what}")
        await pilot.pause(0.01)


PATIENCE = 60.0


def record_vote(app: Any, card: Card, round_: Round, counts: tuple[int, ...]) -> None:
    """Record a vote on `card` the way the vote window does (its typing is tested
    elsewhere): straight through the app, with no window and no confirmation."""
    spec = card.vote
    assert app.record(
        VoteRecorded(
            card=card.id,
            round=round_,
            method=spec.method.value,
            labels=spec.labels,
            counts=counts,
            rule=spec.rule.value,
            ungraded=spec.ungraded.value,
        )
    )


# -- what the screen shows ------------------------------------------------------------------

# Rich's SVG export: one <text> per run of same-styled cells, placed at x = column * 12.2
# (0.61 of its 20 px font) and clipped to its line.
_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>'
)
_CHAR_WIDTH = 12.2


def screen_lines(app: App[Any]) -> list[str]:
    """The terminal's lines as the app draws them now (from Textual's public SVG export)."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for match in _TEXT.finditer(app.export_screenshot()):
        column, row = round(float(match[1]) / _CHAR_WIDTH), int(match[2])
        for i, char in enumerate(html.unescape(match[3])):
            if row < height and column + i < width:
                rows[row][column + i] = char
    return ["".join(row).replace("\xa0", " ").rstrip() for row in rows]


def screen_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))


def flat(text: str) -> str:
    """`text` with every run of white space as one space: wrapped lines compare as one."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def stack(app: App[Any]) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


def region_text(app: App[Any], selector: str) -> str:
    """What is drawn inside the widget `selector` of the current screen (its border
    included), line by line: the text of a dialog without the screen behind it."""
    region = app.screen.query_one(selector).region
    lines = screen_lines(app)[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)
