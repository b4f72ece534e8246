"""The new-meeting form: place, facilitator, attendance. Date and time are automatic."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.screens.base import DebateScreen, apply_breakpoints
from debate.tui.widgets.text_field import TextField

# Rows: below this, the three bordered fields push the message and the keys off the form.
COMPACT_BELOW = 26


class SetupScreen(DebateScreen[tuple[str, str, int] | None]):
    VERTICAL_BREAKPOINTS = [(0, "-compact"), (COMPACT_BELOW, "-roomy")]  # -compact: one-line fields
    BINDINGS = bindings(keys.SETUP)

    def __init__(self, place: str, facilitator: str, attendance: int | None) -> None:
        super().__init__()
        self.defaults = (place, facilitator, "" if attendance is None else str(attendance))

    def compose(self) -> ComposeResult:
        t = self.debate.t
        place, facilitator, attendance = self.defaults
        with Vertical(id="setup", classes="dialog"):
            yield Static(Text(t["setup_title"]), classes="dialog-title")
            yield Label(Text(t["place"]))
            yield TextField(place, id="place")
            yield Label(Text(t["facilitator"]))
            yield TextField(facilitator, id="facilitator")
            yield Label(Text(t["attendance"]))
            yield Input(attendance, id="attendance", restrict=r"[0-9]*", max_length=5)
            yield Static(Text(), id="setup-error", classes="error")
            yield Static(Text(t["setup_keys"]), classes="hint")

    def on_mount(self) -> None:
        apply_breakpoints(self, *self.app.size)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        t = self.debate.t
        place = self.query_one("#place", Input).value.strip()
        facilitator = self.query_one("#facilitator", Input).value.strip()
        attendance = self.query_one("#attendance", Input).value.strip()
        error = self.query_one("#setup-error", Static)
        if event.input.id != "attendance" and not (place and attendance):
            self.focus_next()
            return
        if not place:
            error.update(Text(t["place_needed"]))
            self.query_one("#place", Input).focus()
        elif not attendance.isdigit():
            error.update(Text(t["attendance_needed"]))
            self.query_one("#attendance", Input).focus()
        else:
            self.dismiss((place, facilitator, int(attendance)))

    def action_cancel(self) -> None:
        self.dismiss(None)
