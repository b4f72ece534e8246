"""Text in big type: a deck's words in the pixel font (debate.tui.pixel_font), drawn in
half blocks, at the largest whole scale at which they fit a box.

Lines break where the project's text breaks them (debate.textutil.wrap, at spaces, never
at a no-break space); a line is then measured in pixels, since the face is proportional.
Nothing here reads markup: the result is plain strings of ▀ ▄ █ and spaces.
"""

from __future__ import annotations

from functools import lru_cache

from debate.textutil import wrap
from debate.tui.pixel_font import FONT, ROWS

HALF_BLOCKS = {("#", "#"): "█", ("#", "."): "▀", (".", "#"): "▄", (".", "."): " "}
WIDEST = 6  # pixels of the widest glyph, with its blank column: the first guess of a line
MAX_SCALE = 4  # beyond this, letters grow past what a slide needs and words get few a line


def drawable(text: str) -> bool:
    """Whether every character of `text` has a glyph (line breaks aside)."""
    return bool(text.strip()) and all(c in FONT for c in text if c != "\n")


def line_height(scale: int) -> int:
    """Rows of the screen one line of big type takes at `scale`."""
    return ROWS * scale // 2


def pixel_width(line: str) -> int:
    """Pixels `line` takes: its glyphs and one blank column between two of them."""
    return sum(len(FONT[c][0]) for c in line) + max(len(line) - 1, 0)


def lines_at(text: str, scale: int, width: int) -> list[str] | None:
    """`text` broken into lines that fit `width` columns at `scale`, or None when a word
    does not fit a line whole (a word is never cut in big type: ordinary type does it
    better)."""
    room = width // scale  # pixels a line may take
    chars = max(room // (WIDEST // 2), 1)  # more characters than can fit: shrunk below
    while chars >= 1:
        lines = [line.strip(" ") for line in wrap(text, chars)]
        words = text.split()
        if sum(len(line.split()) for line in lines) != len(words):
            return None  # a word was cut: too long for a line at this scale
        if all(pixel_width(line) <= room for line in lines):
            return lines
        chars -= 1
    return None


@lru_cache(maxsize=64)
def layout(text: str, width: int, height: int) -> tuple[int, tuple[str, ...]] | None:
    """(scale, lines) of `text` at the largest scale that fits width x height cells, or
    None when no scale does, or a character has no glyph."""
    if not drawable(text) or width <= 0:
        return None
    for scale in range(min(MAX_SCALE, height // line_height(1)), 0, -1):
        lines = lines_at(text, scale, width)
        if lines is not None and len(lines) * line_height(scale) <= height:
            return scale, tuple(lines)
    return None


def draw_line(line: str, scale: int) -> list[str]:
    """One line of text in half blocks, `scale` columns and half-rows a pixel."""
    glyphs = [FONT[c] for c in line]
    rows = [".".join(glyph[r] for glyph in glyphs) for r in range(ROWS)]
    tall = ["".join(p * scale for p in row) for row in rows for _ in range(scale)]
    return [
        "".join(HALF_BLOCKS[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(tall[::2], tall[1::2], strict=True)
    ]


def draw(text: str, width: int, height: int) -> list[str] | None:
    """`text` in big type within width x height cells, row by row; None when it does not
    fit at any scale or has a character the font lacks (show it as ordinary text)."""
    fitted = layout(text, width, height)
    if fitted is None:
        return None
    scale, lines = fitted
    return [row.rstrip() for line in lines for row in draw_line(line, scale)]
