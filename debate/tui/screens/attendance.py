"""Set or change the attendance (time-stamped in the journal)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from debate.record.events import AttendanceSet
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.screens.base import DebateModal


class AttendanceScreen(DebateModal[bool]):
    BINDINGS = bindings(keys.ATTENDANCE)

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

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        t = self.debate.t
        if not event.value.isdigit():
            self.query_one("#attendance-error", Static).update(Text(t["attendance_needed"]))
            return
        if self.debate.record(AttendanceSet(count=int(event.value))):
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
