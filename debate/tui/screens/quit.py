"""Quit after a confirmation. Everything is already on disk; `c` also closes the meeting."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from debate.record.events import SessionClosed


class QuitDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("y,enter", "quit_app", "Quit"),
        Binding("c", "close_meeting", "Close the meeting"),
        Binding("n,escape", "stay", "Stay"),
    ]

    def compose(self) -> ComposeResult:
        t = self.app.t  # type: ignore[attr-defined]
        with Vertical(classes="dialog"):
            yield Static(t["quit_title"], classes="dialog-title")
            yield Static(t["quit_body"])

    def action_quit_app(self) -> None:
        self.app.exit()

    def action_close_meeting(self) -> None:
        session = self.app.session  # type: ignore[attr-defined]
        if session is not None and self.app.record(SessionClosed()):  # type: ignore[attr-defined]
            self.app.exit()

    def action_stay(self) -> None:
        self.dismiss(None)
