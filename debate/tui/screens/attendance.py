"""Set or change the attendance (time-stamped in the journal)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from debate.record.events import AttendanceSet


class AttendanceScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        t = self.app.t  # type: ignore[attr-defined]
        session = self.app.session  # type: ignore[attr-defined]
        with Vertical(classes="dialog"):
            yield Static(t["attendance_title"], classes="dialog-title")
            yield Input(
                str(session.state.attendance), id="attendance", restrict=r"[0-9]*", max_length=5
            )
            yield Static(id="attendance-error", classes="error")
            yield Static(t["attendance_keys"], classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        t = self.app.t  # type: ignore[attr-defined]
        if not event.value.isdigit():
            self.query_one("#attendance-error", Static).update(t["attendance_needed"])
            return
        floor = self.app.session.state.most_hands  # type: ignore[attr-defined]
        if int(event.value) < floor:
            self.query_one("#attendance-error", Static).update(t["attendance_low"].format(n=floor))
            return
        if self.app.record(AttendanceSet(count=int(event.value))):  # type: ignore[attr-defined]
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
