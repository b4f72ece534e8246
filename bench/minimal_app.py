"""The baseline: the smallest Textual app that shows one Static and reacts to a key.

`debate` is measured against this (start-up, key to screen, idle CPU and memory) in the
same run and the same venv, so the ratios say what debate adds to Textual's own floor.
PageDown (the key a presenter clicker sends) bumps the counter in the text.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

READY = "minimal app: count 0000"


def label(count: int) -> str:
    return f"minimal app: count {count:04d}"


class MinimalApp(App[None]):
    BINDINGS = [("pagedown", "bump", "Bump")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static(label(0), id="text")

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#text", Static).update(label(self.count))


if __name__ == "__main__":
    MinimalApp().run()
