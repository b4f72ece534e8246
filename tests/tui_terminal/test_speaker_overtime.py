"""The speaker timer in a real terminal (issue 15): at 0:00 it rings once and counts the
overtime, and + / - change that turn only. Under Pilot this is tested with a stand-in
clock; here the real clock runs a turn cut to its shortest (30 s), and the test waits for
what the screen shows, with a generous deadline: no step depends on how fast it goes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debate.meeting.speaker import DEFAULT_SECONDS, STEP
from debate.tui.widgets.big_figures import draw
from tui_terminal.meeting import journal_in, start
from tui_terminal.tmux import Server

pytestmark = pytest.mark.slow

SHORTEST = STEP  # - never cuts a turn below one step


def shows(screen: str, figures: str) -> bool:
    """Whether the screen draws `figures` in the timer's block figures, at some scale:
    their rows, one under the other, from one column. Rows all blank (the accents' row,
    at a large scale) are left out: capture-pane drops a line's trailing blanks."""
    lines = screen.splitlines()
    width = max(map(len, lines), default=0)
    lines = [line.ljust(width) for line in lines]
    for scale in range(1, 6):
        rows = [row for row in draw(figures, scale) if row.strip()]
        for top in range(len(lines) - len(rows) + 1):
            below = lines[top : top + len(rows)]
            column = below[0].find(rows[0])
            while column >= 0:
                pairs = zip(below, rows, strict=True)
                if all(line[column : column + len(row)] == row for line, row in pairs):
                    return True
                column = below[0].find(rows[0], column + 1)
    return False


def clock(seconds: int, over: bool = False) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{'+' if over else ''}{minutes}:{rest:02d}"


def test_the_timer_rings_at_zero_then_counts_the_overtime(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    server = tmux(100, 30)
    pane = start(server, sessions)  # the timer shows at its first key
    cuts = (DEFAULT_SECONDS - SHORTEST) // STEP
    pane.press("-")
    pane.wait_for(lambda s: shows(s, clock(DEFAULT_SECONDS - STEP)))
    pane.press(*["-"] * cuts)  # one press more than there is: it stops at 0:30
    pane.wait_for(lambda s: shows(s, clock(SHORTEST)))
    bell = ["display-message", "-p", "-t", pane.name, "#{window_bell_flag}"]
    assert server.tmux(*bell).strip() == "0"

    pane.press("t")  # the speaker starts; the real clock runs
    pane.wait_for("▶")
    overtime = [clock(s, over=True) for s in range(1, 60)]
    pane.wait_for(lambda s: any(shows(s, o) for o in overtime), timeout=SHORTEST + 60)
    assert server.tmux(*bell).strip() == "1"  # it rang, at 0:00

    pane.press("T")  # the turn ends: the other side has a full turn, not 0:30
    pane.wait_for(lambda s: shows(s, clock(DEFAULT_SECONDS)))
    journal = journal_in(sessions)
    pane.wait_for(lambda _: '"timer-used"' in journal.read_text("utf-8"))
    line = next(x for x in journal.read_text("utf-8").splitlines() if '"timer-used"' in x)
    assert '"side": "for"' in line
    seconds = int(line.split('"seconds": ')[1].rstrip("}"))
    assert seconds > SHORTEST  # the overtime is counted in the time spoken
