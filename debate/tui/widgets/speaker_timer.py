"""The speaker countdown: block figures that grow with the window, alternating for /
against turns. What it shows is the meeting's countdown (debate/meeting/speaker.py),
which the Meeting also ends and records at a move, a reset or a quit.

The only thing in the app that ticks, and only while it runs: the interval is created on
start and stopped on pause, so an idle projector costs no CPU. At 0:00 it rings once and
goes on counting the overtime (+0:15), for as long as the speaker speaks.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from debate.meeting.speaker import DEFAULT_SECONDS, Speaker
from debate.tui.plain import plain
from debate.tui.widgets.big_figures import BigFigures


class SpeakerTimer(Horizontal):
    """Draws `speaker`, the meeting's countdown. Whoever changes the countdown calls
    `sync()`: its state (side, running, duration) is mirrored in reactives whose watchers
    keep the digits and the ticking in step, so nothing has to remember to redraw or to
    stop the tick."""

    side: reactive[str] = reactive("for", init=False)
    running: reactive[bool] = reactive(False, init=False)
    duration: reactive[int] = reactive(DEFAULT_SECONDS, init=False)

    def __init__(self, labels: dict[str, str], speaker: Speaker, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.speaker = speaker
        self._ticker: Timer | None = None
        self._quiet = False  # several changes at once: the last one redraws
        self._rang = False  # the bell at 0:00, once a turn
        self._side_shown: Text | None = None  # what #timer-side shows
        self.set_reactive(SpeakerTimer.side, speaker.side)
        self.set_reactive(SpeakerTimer.duration, speaker.duration)

    def compose(self) -> ComposeResult:
        yield Static(id="timer-side")
        yield BigFigures(id="timer-digits")

    def on_mount(self) -> None:
        self.sync()

    @property
    def ticking(self) -> bool:
        """Whether a once-a-second interval runs (only while a speaker speaks)."""
        return self._ticker is not None

    @property
    def remaining(self) -> int:
        return self.speaker.remaining

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

    def sync(self) -> None:
        """The countdown changed: take its state, and redraw once."""
        speaker = self.speaker
        if not speaker.running and not speaker.spoken:
            self._rang = False  # a new turn: it may ring again
        # One redraw for the three changes, not one per watcher: a move to the next card
        # ends a turn, and each redraw cost the card's frame a few ms (bench/keypress.py).
        self._quiet = True
        try:
            self.running = speaker.running
            self.side = speaker.side
            self.duration = speaker.duration
        finally:
            self._quiet = False
        self.show()  # the side may be the same: the digits show a full turn again

    def _tick(self) -> None:
        if self.remaining == 0 and not self._rang:
            self._rang = True
            self.app.bell()
        self.show()

    def show(self) -> None:
        if not self.is_mounted or self._quiet:
            return
        over = self.speaker.overtime
        minutes, seconds = divmod(over or self.remaining, 60)
        sign = "+" if over else ""
        self.query_one("#timer-digits", BigFigures).update(f"{sign}{minutes}:{seconds:02d}")
        state = "▶" if self.running else "❚❚"
        # The side's label as plain text: a deck may one day name the sides, or speakers.
        side = plain(self.labels[self.side]).append(f"\n{state}")
        if side != self._side_shown:  # the same at every tick: an update costs a layout
            self._side_shown = side
            # Its box is fixed by the stylesheet (12 columns, the timer's height): no layout.
            self.query_one("#timer-side", Static).update(side, layout=False)
        self.set_class(self.remaining == 0, "-expired")
        self.set_class(self.side == "against", "-against")
