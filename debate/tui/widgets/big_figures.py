"""Figures and outcome words drawn in blocks, as large as the widget's box allows: the
counts of a vote, its outcome and the speaker's countdown, readable from the back of the
hall.

Textual's Digits is three rows high at every size; these are drawn from a 3 x 6 pixel font
with half blocks (two pixels a cell, so a pixel is about square), at the largest whole
scale that fits the box: 3 rows at 60 x 20, about a third of the screen at 240 x 70. Glyphs,
not colours: they read the same with 16 colours and with NO_COLOR. The colour is the
widget's own (the stylesheet's).
"""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.widget import Widget

# Each glyph: 6 rows of pixels ("#" set), the first for an accent, so that a capital with
# one (É) is as tall as the others; 6 half-rows make 3 cells at the smallest scale.
FONT: dict[str, tuple[str, ...]] = {
    "0": ("...", "###", "#.#", "#.#", "#.#", "###"),
    "1": ("...", ".#.", "##.", ".#.", ".#.", "###"),
    "2": ("...", "###", "..#", "###", "#..", "###"),
    "3": ("...", "###", "..#", ".##", "..#", "###"),
    "4": ("...", "#.#", "#.#", "###", "..#", "..#"),
    "5": ("...", "###", "#..", "###", "..#", "###"),
    "6": ("...", "###", "#..", "###", "#.#", "###"),
    "7": ("...", "###", "..#", ".#.", ".#.", ".#."),
    "8": ("...", "###", "#.#", "###", "#.#", "###"),
    "9": ("...", "###", "#.#", "###", "..#", "###"),
    "A": ("...", ".#.", "#.#", "###", "#.#", "#.#"),
    "B": ("...", "##.", "#.#", "##.", "#.#", "##."),
    "C": ("...", ".##", "#..", "#..", "#..", ".##"),
    "D": ("...", "##.", "#.#", "#.#", "#.#", "##."),
    "E": ("...", "###", "#..", "##.", "#..", "###"),
    "É": (".#.", "###", "#..", "##.", "#..", "###"),
    "F": ("...", "###", "#..", "##.", "#..", "#.."),
    "G": ("...", ".##", "#..", "#.#", "#.#", ".##"),
    "H": ("...", "#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("...", "###", ".#.", ".#.", ".#.", "###"),
    "J": ("...", "..#", "..#", "..#", "#.#", ".#."),
    "K": ("...", "#.#", "#.#", "##.", "#.#", "#.#"),
    "L": ("...", "#..", "#..", "#..", "#..", "###"),
    "M": ("...", "#.#", "###", "###", "#.#", "#.#"),
    "N": ("...", "##.", "#.#", "#.#", "#.#", "#.#"),
    "O": ("...", ".#.", "#.#", "#.#", "#.#", ".#."),
    "P": ("...", "##.", "#.#", "##.", "#..", "#.."),
    "Q": ("...", ".#.", "#.#", "#.#", "##.", ".##"),
    "R": ("...", "##.", "#.#", "##.", "#.#", "#.#"),
    "S": ("...", ".##", "#..", ".#.", "..#", "##."),
    "T": ("...", "###", ".#.", ".#.", ".#.", ".#."),
    "U": ("...", "#.#", "#.#", "#.#", "#.#", "###"),
    "V": ("...", "#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("...", "#.#", "#.#", "###", "###", "#.#"),
    "X": ("...", "#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("...", "#.#", "#.#", ".#.", ".#.", ".#."),
    "Z": ("...", "###", "..#", ".#.", "#..", "###"),
    ":": (".", ".", "#", ".", "#", "."),
    "+": ("...", "...", ".#.", "###", ".#.", "..."),  # the speaker's overtime, +0:15
    " ": ("..",) * 6,
}
ROWS = 6  # pixel rows of a glyph
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def drawable(text: str) -> bool:
    """Whether every character of `text` has a glyph (else it is shown as plain text)."""
    return all(c in FONT for c in text)


def pixels(figures: str) -> list[str]:
    """The pixel rows of `figures`, one blank column between glyphs."""
    glyphs = [FONT[c] for c in figures.upper() if c in FONT]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(ROWS)]


def size_at(figures: str, scale: int) -> tuple[int, int]:
    """(columns, rows) that `figures` take at `scale` cells a pixel."""
    width = len(pixels(figures)[0]) if figures else 0
    return width * scale, -(-ROWS * scale // 2)


def best_scale(figures: str, width: int, height: int) -> int:
    """The largest scale at which `figures` fit in width x height; 0 if none does."""
    scale = 0
    while True:
        w, h = size_at(figures, scale + 1)
        if w > width or h > height:
            return scale
        scale += 1


def draw(figures: str, scale: int) -> list[str]:
    """`figures` in half blocks at `scale`: each pixel is `scale` columns wide and `scale`
    half-rows high. Glyph by glyph, each drawn once a scale: the speaker's countdown
    redraws every second, and drawing its pixels anew cost 0.6 ms a tick at scale 7."""
    glyphs = [_glyph_cells(c, scale) for c in figures.upper() if c in FONT]
    if not glyphs:
        return [""] * (-(-ROWS * scale // 2))
    gap = " " * scale  # the blank pixel column between two glyphs
    return [gap.join(glyph[row] for glyph in glyphs) for row in range(len(glyphs[0]))]


@lru_cache(maxsize=256)
def _glyph_cells(char: str, scale: int) -> tuple[str, ...]:
    """One glyph in half blocks at `scale`: its rows of cells."""
    rows = [row.replace(".", " ") for row in FONT[char]]
    tall = ["".join(c * scale for c in row) for row in rows for _ in range(scale)]
    if len(tall) % 2:
        tall.append(" " * len(tall[0]))
    return tuple(
        "".join(HALF_BLOCKS[(a != " ", b != " ")] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(tall[::2], tall[1::2], strict=True)
    )


class BigFigures(Widget):
    """`figures` (digits, capitals, ":", "+" and spaces) as large as the box allows, centred
    in it; as plain bold text when not even the smallest scale fits, or when a character
    has no glyph."""

    DEFAULT_CSS = """
    BigFigures {
        width: 1fr;
        height: 1fr;
        min-height: 3;
        content-align: center middle;
    }
    """

    def __init__(
        self, figures: str = "", *, fit: str = "", id: str | None = None, classes: str = ""
    ) -> None:
        """`fit`: the figures the scale is chosen for, when several widgets side by side
        must draw at one size (the widest count of a vote)."""
        super().__init__(id=id, classes=classes)
        self.figures = figures
        self.fit = fit

    def update(self, figures: str) -> None:
        if figures != self.figures:
            self.figures = figures
            self.refresh()

    @property
    def scale(self) -> int:
        """The scale the figures are drawn at in the box they have now (0: as text)."""
        if not drawable(self.figures.upper()):
            return 0
        fit = self.fit or self.figures
        return best_scale(fit, self.content_size.width, self.content_size.height)

    def render(self) -> Text:
        scale = self.scale
        if not scale:
            return Text(self.figures, style="bold")
        return Text("\n".join(draw(self.figures, scale)))
