"""The baseline: the smallest Textual app that shows one Static and reacts to a key.

`debate` is measured against this (start-up, key to screen, idle CPU and memory) in the
same run and the same venv, so the ratios say what debate adds to Textual's own floor.
PageDown (the key a presenter clicker sends) bumps the counter in the text.

With --full, the Static holds a screenful of wrapped text that changes entirely at each
PageDown: Textual's own floor for repainting a whole screen, which is what debate does
when it moves to the next card (bench/keypress.py reports both baselines).
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static

READY = "minimal app: count 0000"


def label(count: int) -> str:
    return f"minimal app: count {count:04d}"


def page(count: int) -> str:
    """The label, then ~2,500 characters of words that all change with `count`."""
    words = " ".join(f"mot{(count * 31 + i) % 1000:03d}" for i in range(350))
    return f"{label(count)}\n\n{words}"


class MinimalApp(App[None]):
    BINDINGS = [("pagedown", "bump", "Bump")]

    def __init__(self, full: bool = False) -> None:
        super().__init__()
        self.count = 0
        self.text = page if full else label

    def compose(self) -> ComposeResult:
        yield Static(self.text(0), id="text")

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#text", Static).update(self.text(self.count))


if __name__ == "__main__":
    MinimalApp(full="--full" in sys.argv[1:]).run()
