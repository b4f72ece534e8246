"""The speaker countdown: large digits, alternating for / against turns.

The only thing in the app that ticks, and only while it runs: the interval is created on
start and stopped on pause, so an idle projector costs no CPU.
"""

from __future__ import annotations

import math
import time

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Digits, Static

from debate.tui.plain import plain

DEFAULT_SECONDS = 120
STEP = 30


class SpeakerTimer(Horizontal):
    """Turns end by a call that returns what was spoken, not by a message: the card
    screen records it for the card on screen at once, before a key that follows in the
    same burst (PageDown) can move to another card."""

    def __init__(self, labels: dict[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.duration = DEFAULT_SECONDS
        self.side = "for"
        self.running = False
        self.elapsed = 0.0  # seconds spoken in this turn before the last start
        self.started = 0.0  # time.monotonic() at the last start
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="timer-side")
        yield Digits(id="timer-digits")

    def on_mount(self) -> None:
        self.show()

    @property
    def spoken(self) -> float:
        extra = time.monotonic() - self.started if self.running else 0.0
        return self.elapsed + extra

    @property
    def remaining(self) -> int:
        return max(0, math.ceil(self.duration - self.spoken))

    def toggle(self) -> None:
        if self.running:
            self.elapsed = self.spoken
            self.running = False
            self._stop_ticking()
        else:
            self.started = time.monotonic()
            self.running = True
            self._ticker = self.set_interval(1.0, self._tick)
        self.show()

    def next_turn(self) -> tuple[str, int] | None:
        """End this turn and hand over to the other side; (side, seconds spoken) of the
        turn that ended, or None if nobody spoke."""
        spoken = round(self.spoken)
        turn = (self.side, spoken) if spoken else None
        self._stop_ticking()
        self.running = False
        self.side = "against" if self.side == "for" else "for"
        self.elapsed = 0.0
        self.show()
        return turn

    def leave(self) -> tuple[str, int] | None:
        """The card is changing: stop, and start the next card with the "for" side and a
        full turn (the turn's length set with + / - stays). Returns the unfinished turn,
        (side, seconds spoken), for the card it was spoken on, or None."""
        spoken = round(self.spoken)
        self._stop_ticking()
        self.running = False
        turn = (self.side, spoken) if spoken else None
        self.side = "for"
        self.elapsed = 0.0
        self.show()
        return turn

    def adjust(self, seconds: int) -> None:
        self.duration = max(STEP, self.duration + seconds)
        self.show()

    def _tick(self) -> None:
        if self.remaining == 0:
            self.elapsed = float(self.duration)
            self.running = False
            self._stop_ticking()
            self.app.bell()
        self.show()

    def _stop_ticking(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def show(self) -> None:
        minutes, seconds = divmod(self.remaining, 60)
        self.query_one("#timer-digits", Digits).update(f"{minutes}:{seconds:02d}")
        state = "▶" if self.running else "❚❚"
        # The side's label as plain text: a deck may one day name the sides, or speakers.
        side = plain(self.labels[self.side]).append(f"\n{state}")
        self.query_one("#timer-side", Static).update(side)
        self.set_class(self.remaining == 0, "-expired")
        self.set_class(self.side == "against", "-against")
