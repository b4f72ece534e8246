"""The speaker countdown as a model: whose turn, how long, how much spoken, running or
not. No Textual: the widget (debate/tui/widgets/speaker_timer.py) draws it, the Meeting
records the turns it ends, and the room's window sets it from the facilitator's slide.

+ and - change this turn only: cutting one speaker short must not shorten every later
turn (four presses once left every turn of the evening at 0:30).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from debate.meeting.slide import Countdown

DEFAULT_SECONDS = 120
STEP = 30

Turn = tuple[str, int]  # the side that spoke, and the whole seconds it spoke


class Speaker:
    """One countdown. `clock` is time.monotonic (looked up at each call, so that a test
    may stand in for it) unless given."""

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self.clock = clock or (lambda: time.monotonic())
        self.side = "for"
        self.duration = DEFAULT_SECONDS
        self.elapsed = 0.0  # seconds spoken in this turn before the last start
        self.started = 0.0  # the clock at the last start
        self.running = False

    @property
    def spoken(self) -> float:
        extra = self.clock() - self.started if self.running else 0.0
        return self.elapsed + extra

    @property
    def remaining(self) -> int:
        return max(0, math.ceil(self.duration - self.spoken))

    @property
    def overtime(self) -> int:
        """Whole seconds spoken past the turn's length."""
        return max(0, math.floor(self.spoken - self.duration))

    def toggle(self) -> None:
        if self.running:
            self.elapsed = self.spoken
            self.running = False
        else:
            self.started = self.clock()
            self.running = True

    def adjust(self, seconds: int) -> None:
        self.duration = max(STEP, self.duration + seconds)

    def next_turn(self) -> Turn | None:
        """End this turn and hand over to the other side; the turn that ended, or None if
        nobody spoke."""
        return self._end_turn("against" if self.side == "for" else "for")

    def leave(self) -> Turn | None:
        """The card is changing: stop, and start the next card with the "for" side and a
        full turn. The unfinished turn, for the card it was spoken on, or None."""
        return self._end_turn("for")

    def _end_turn(self, next_side: str) -> Turn | None:
        spoken = round(self.spoken)
        turn = (self.side, spoken) if spoken else None
        self.running = False
        self.elapsed = 0.0
        self.side = next_side
        self.duration = DEFAULT_SECONDS  # + and - were for the turn that ended
        return turn

    def follow(self, countdown: Countdown) -> None:
        """Show what the facilitator's countdown showed (the room's window)."""
        self.duration = countdown.duration
        self.side = countdown.side
        self.elapsed = countdown.spoken_now()
        self.started = self.clock()
        self.running = countdown.running
