"""Set or change the attendance (time-stamped in the journal), or mend one set by mistake.

↑ brings back the attendance set last, then the ones before it, to correct one typed
wrong (Enter records attendance-corrected: the log reads the right number, the mistake
stays in the journal and the minutes' corrections); ↓ goes back towards a new count."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from debate.record.events import AttendanceCorrected, AttendanceSet, Event
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.screens.base import DebateModal


class AttendanceScreen(DebateModal[bool]):
    BINDINGS = bindings(keys.ATTENDANCE)

    def __init__(self) -> None:
        super().__init__()
        self._entry: int | None = None  # the attendance-set being mended, else a new count

    def compose(self) -> ComposeResult:
        t = self.debate.t
        session = self.debate.live
        with Vertical(classes="dialog"):
            yield Static(Text(t["attendance_title"]), classes="dialog-title")
            yield Input(
                str(session.state.attendance), id="attendance", restrict=r"[0-9]*", max_length=5
            )
            yield Static(id="attendance-error", classes="error")
            yield Static(Text(t["attendance_keys"]), classes="hint")

    def _say(self, message: str) -> None:
        self.query_one("#attendance-error", Static).update(Text(message))

    def action_earlier_attendance(self) -> None:
        self._step(-1)

    def action_later_attendance(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        """Bring the attendance set before (or after) the one in the field into it."""
        state = self.debate.live.state
        log = state.attendance_log
        field = self.query_one("#attendance", Input)
        if self._entry is None:
            target = len(log) - 1 if direction < 0 and log else None
        else:
            target = max(0, self._entry + direction)
        if target is None or target >= len(log):
            if self._entry is not None:  # past the latest: a new count again
                self._entry = None
                field.value = str(state.attendance)
                self._say("")
            return
        self._entry = target
        set_at, count = log[target]
        field.value = str(count)
        field.cursor_position = len(field.value)
        self._say(self.debate.t["attendance_mending"].format(time=set_at[11:16], count=count))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        t = self.debate.t
        if not event.value.isdigit():
            self._say(t["attendance_needed"])
            return
        count = int(event.value)
        recorded: Event = AttendanceSet(count=count)
        if self._entry is not None:
            before = self.debate.live.state.attendance_log[self._entry][1]
            if count == before:
                self._say(t["attendance_unchanged"].format(count=before))
                return
            recorded = AttendanceCorrected(entry=self._entry, count=count)
        if self.debate.record(recorded):
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
