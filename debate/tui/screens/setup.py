"""The new-meeting form: place, facilitator, attendance. Date and time are automatic."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.screens.base import SCREENS_CSS, DebateScreen, apply_breakpoints
from debate.tui.widgets.text_field import FollowsFocus, NumberField, TextField

# Rows: below this, the three bordered fields push the message and the keys off the form.
COMPACT_BELOW = 26


class SetupScreen(DebateScreen[tuple[str, str, int] | None]):
    CSS_PATH = SCREENS_CSS
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
            yield NumberField(attendance, id="attendance", restrict=r"[0-9]*", max_length=5)
            yield Static(Text(), id="setup-error", classes="error")
            yield Static(Text(t["setup_keys"]), classes="hint")

    def on_mount(self) -> None:
        apply_breakpoints(self, *self.app.size)

    def action_submit(self) -> None:
        """Enter, taken as it arrives (a priority key) and decided once the focused field
        has taken the keys typed before it: the decision runs in that field's own queue
        of keys, and moves the focus before the keys typed after Enter are read. Handled
        as the field's Submitted message instead, the place typed right after "Say where
        the meeting is held." went into "Present", whose filter dropped its letters."""
        focused = self.focused
        if isinstance(focused, Input):
            focused.call_later(self._submitted, focused)

    def _submitted(self, field: Input) -> None:
        focused = self.focused
        if focused is not field and isinstance(focused, Input):
            # An earlier Enter of the burst moved the focus: the keys typed before this
            # one were passed on to the field focused now (FollowsFocus), so is this.
            focused.call_later(self._submitted, focused)
            return
        t = self.debate.t
        place = self.query_one("#place", Input).value.strip()
        facilitator = self.query_one("#facilitator", Input).value.strip()
        attendance = self.query_one("#attendance", Input).value.strip()
        error = self.query_one("#setup-error", Static)
        if field.id != "attendance" and not (place and attendance):
            self.focus_next()
            if isinstance(field, FollowsFocus) and self.focused is not field:
                field.pass_on()  # what was typed after this Enter is the next field's
            return
        if not place:
            error.update(Text(t["place_needed"]))
            self._focus_after_enter(field, "#place")
        elif not attendance.isdigit():
            error.update(Text(t["attendance_needed"]))
            self._focus_after_enter(field, "#attendance")
        else:
            # From the screen's own queue (this runs in the field's), not awaited.
            answer = (place, facilitator, int(attendance))

            def finish() -> None:
                self.dismiss(answer)

            self.call_later(finish)

    def _focus_after_enter(self, field: Input, to: str) -> None:
        """At once, before the keys typed after Enter are read; those already given to
        `field` follow the focus (FollowsFocus)."""
        target = self.query_one(to, Input)
        if target is not field:
            self.set_focus(target)
            if isinstance(field, FollowsFocus):
                field.pass_on()

    def action_cancel(self) -> None:
        self.dismiss(None)
