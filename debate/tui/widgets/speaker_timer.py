"""The speaker countdown: block figures that grow with the window, alternating for /
against turns.

The only thing in the app that ticks, and only while it runs: the interval is created on
start and stopped on pause, so an idle projector costs no CPU. At 0:00 it rings once and
goes on counting the overtime (+0:15), for as long as the speaker speaks.
+ and - change this turn only: cutting one speaker short must not shorten every later
turn (four presses once left every turn of the evening at 0:30).
"""

from __future__ import annotations

import math
import time

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from debate.tui.plain import plain
from debate.tui.widgets.big_figures import BigFigures

DEFAULT_SECONDS = 120
STEP = 30


class SpeakerTimer(Horizontal):
    """Turns end by a call that returns what was spoken, not by a message: the card
    screen records it for the card on screen at once, before a key that follows in the
    same burst (PageDown) can move to another card.

    Its state (side, running, duration) is reactive: the watchers keep the digits and the
    ticking in step with it, so no method has to remember to redraw or to stop the tick."""

    side: reactive[str] = reactive("for", init=False)
    running: reactive[bool] = reactive(False, init=False)
    duration: reactive[int] = reactive(DEFAULT_SECONDS, init=False)

    def __init__(self, labels: dict[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.elapsed = 0.0  # seconds spoken in this turn before the last start
        self.started = 0.0  # time.monotonic() at the last start
        self._ticker: Timer | None = None
        self._quiet = False  # several changes at once: the last one redraws
        self._rang = False  # the bell at 0:00, once a turn

    def compose(self) -> ComposeResult:
        yield Static(id="timer-side")
        yield BigFigures(id="timer-digits")

    def on_mount(self) -> None:
        self.show()

    @property
    def ticking(self) -> bool:
        """Whether a once-a-second interval runs (only while a speaker speaks)."""
        return self._ticker is not None

    @property
    def spoken(self) -> float:
        extra = time.monotonic() - self.started if self.running else 0.0
        return self.elapsed + extra

    @property
    def remaining(self) -> int:
        return max(0, math.ceil(self.duration - self.spoken))

    @property
    def overtime(self) -> int:
        """Whole seconds spoken past the turn's length."""
        return max(0, math.floor(self.spoken - self.duration))

    def watch_running(self, running: bool) -> None:
        if running:
            self._ticker = self.set_interval(1.0, self._tick)
        elif self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self.show()

    def watch_side(self) -> None:
        self.show()

    def watch_duration(self) -> None:
        self.show()

    def toggle(self) -> None:
        if self.running:
            self.elapsed = self.spoken
            self.running = False
        else:
            self.started = time.monotonic()
            self.running = True

    def next_turn(self) -> tuple[str, int] | None:
        """End this turn and hand over to the other side; (side, seconds spoken) of the
        turn that ended, or None if nobody spoke."""
        return self._end_turn("against" if self.side == "for" else "for")

    def leave(self) -> tuple[str, int] | None:
        """The card is changing: stop, and start the next card with the "for" side and a
        full turn. Returns the unfinished turn, (side, seconds spoken), for the card it was
        spoken on, or None."""
        return self._end_turn("for")

    def _end_turn(self, next_side: str) -> tuple[str, int] | None:
        spoken = round(self.spoken)
        turn = (self.side, spoken) if spoken else None
        # One redraw for the three changes, not one per watcher: a move to the next card
        # ends a turn, and each redraw cost the card's frame a few ms (bench/keypress.py).
        self._quiet = True
        try:
            self.running = False
            self.elapsed = 0.0
            self.side = next_side
            self.duration = DEFAULT_SECONDS  # + and - were for the turn that ended
            self._rang = False
        finally:
            self._quiet = False
        self.show()  # the side may be the same: the digits show a full turn again
        return turn

    def adjust(self, seconds: int) -> None:
        self.duration = max(STEP, self.duration + seconds)

    def _tick(self) -> None:
        if self.remaining == 0 and not self._rang:
            self._rang = True
            self.app.bell()
        self.show()

    def show(self) -> None:
        if not self.is_mounted or self._quiet:
            return
        over = self.overtime
        minutes, seconds = divmod(over or self.remaining, 60)
        sign = "+" if over else ""
        self.query_one("#timer-digits", BigFigures).update(f"{sign}{minutes}:{seconds:02d}")
        state = "▶" if self.running else "❚❚"
        # The side's label as plain text: a deck may one day name the sides, or speakers.
        side = plain(self.labels[self.side]).append(f"\n{state}")
        self.query_one("#timer-side", Static).update(side)
        self.set_class(self.remaining == 0, "-expired")
        self.set_class(self.side == "against", "-against")
