"""Shown over everything while the terminal is smaller than the app can lay out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class TooSmall(Screen[None]):
    # Keys do nothing here: nothing should change on a screen nobody can read.
    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        text = self.app.t["too_small"].format(w=width, h=height)  # type: ignore[attr-defined]
        self.query_one("#too-small", Static).update(text)
