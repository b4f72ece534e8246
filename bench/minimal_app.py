"""The baseline: the smallest Textual app that shows one Static and reacts to a key.

`debate` is measured against this (start-up, key to screen, idle CPU and memory) in the
same run and the same venv, so the ratios say what debate adds to Textual's own floor.
PageDown (the key a presenter clicker sends) bumps the counter in the text.

With --full, the Static holds a screenful of wrapped text that changes entirely at each
PageDown: what Textual costs to repaint a whole screen through a widget (text wrapped,
layout), which is what debate does when it moves to the next card (bench/keypress.py
reports both baselines).

With --lines, the same screenful goes through Textual's Line API instead: the widget's
lines are Strips wrapped ahead of time, after each refresh, so a PageDown only swaps them.
A reference for keypress.py: a whole-screen change in Textual with no widgets, no layout
and no wrapping at key time (bench/raw_screen.py is the one without Textual at all).
"""

from __future__ import annotations

import sys
import textwrap

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

READY = "minimal app: count 0000"


def label(count: int) -> str:
    return f"minimal app: count {count:04d}"


def page(count: int) -> str:
    """The label, then ~2,500 characters of words that all change with `count`."""
    words = " ".join(f"mot{(count * 31 + i) % 1000:03d}" for i in range(350))
    return f"{label(count)}\n\n{words}"


def page_lines(count: int, width: int) -> list[str]:
    """page(count) wrapped at word boundaries to `width`, as the Static wraps it."""
    return [
        wrapped
        for line in page(count).split("\n")
        for wrapped in textwrap.wrap(line, width) or [""]
    ]


class PageLines(Widget):
    """page(count) through the Line API. The next page's Strips are made after each
    refresh, so PageDown only swaps them and asks for a repaint."""

    DEFAULT_CSS = "PageLines { height: 1fr; }"

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.lines: list[Strip] = []  # empty: to be wrapped at the next paint
        self.blank = Strip.blank(0)
        self.upcoming: tuple[int, int, list[Strip]] = (-1, -1, [])  # count, width, strips

    def strips(self, count: int) -> list[Strip]:
        width, style = self.size.width, self.rich_style
        return [
            Strip([Segment(line.ljust(width), style)], width) for line in page_lines(count, width)
        ]

    def on_resize(self) -> None:
        self.lines = []
        self.refresh()

    def render_line(self, y: int) -> Strip:
        # Called for every line at each paint: nothing here but a list look-up (reading
        # self.size or self.rich_style 30 times measured ~0.3 ms slower per PageDown).
        if not self.lines:  # the first paint, or a resize: not at key time
            self.lines = self.strips(self.count)
            self.blank = Strip.blank(self.size.width, self.rich_style)
            self.call_after_refresh(self.prepare)
        return self.lines[y] if y < len(self.lines) else self.blank

    def bump(self) -> None:
        self.count += 1
        count, width, lines = self.upcoming
        if (count, width) != (self.count, self.size.width):  # presses faster than repaints
            lines = self.strips(self.count)
        self.lines = lines
        self.refresh()
        self.call_after_refresh(self.prepare)

    def prepare(self) -> None:
        self.upcoming = (self.count + 1, self.size.width, self.strips(self.count + 1))


class MinimalApp(App[None]):
    BINDINGS = [("pagedown", "bump", "Bump")]

    def __init__(self, full: bool = False, lines: bool = False) -> None:
        super().__init__()
        self.count = 0
        self.text = page if full else label
        self.lines = lines

    def compose(self) -> ComposeResult:
        yield PageLines() if self.lines else Static(self.text(0), id="text")

    def action_bump(self) -> None:
        if self.lines:
            self.query_one(PageLines).bump()
            return
        self.count += 1
        self.query_one("#text", Static).update(self.text(self.count))


if __name__ == "__main__":
    MinimalApp(full="--full" in sys.argv[1:], lines="--lines" in sys.argv[1:]).run()
