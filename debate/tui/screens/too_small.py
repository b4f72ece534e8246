"""Shown over everything while the terminal is smaller than the app can lay out."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from debate.tui.screens.base import DebateScreen


class TooSmall(DebateScreen[None]):
    # Keys do nothing here: nothing should change on a screen nobody can read
    # (DebateApp.check_action refuses the app's own bindings too).
    def compose(self) -> ComposeResult:
        yield Static(self._text(self.app.size.width, self.app.size.height), id="too-small")

    def show_size(self, width: int, height: int) -> None:
        # A resize may come before this screen is composed: compose shows the size then.
        for label in self.query("#too-small").results(Static):
            label.update(self._text(width, height))

    def _text(self, width: int, height: int) -> Text:
        return Text(self.debate.t["too_small"].format(w=width, h=height))
