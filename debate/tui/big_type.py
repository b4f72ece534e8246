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
    # A first guess from the text's own mean advance, a little over; shrunk below until
    # every line fits (a few tries: a line's width varies little around the mean).
    advance = (pixel_width(text.replace("\n", " ")) + 1) / max(len(text), 1)
    chars = max(int(room / advance * 1.25), 1)
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
    least = sum(len(FONT[c][0]) for c in text if not c.isspace())  # however lines break
    for scale in range(min(MAX_SCALE, height // line_height(1)), 0, -1):
        if least * scale > width * (height // line_height(scale)):
            continue  # more than the box's lines could hold, however they break
        lines = lines_at(text, scale, width)
        if lines is not None and len(lines) * line_height(scale) <= height:
            return scale, tuple(lines)
    return None


@lru_cache(maxsize=1024)
def _glyph_cells(char: str, scale: int) -> tuple[str, ...]:
    """One glyph in half blocks at `scale`: its rows of cells."""
    tall = ["".join(pixel * scale for pixel in row) for row in FONT[char] for _ in range(scale)]
    return tuple(
        "".join(HALF_BLOCKS[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(tall[::2], tall[1::2], strict=True)
    )


def draw_line(line: str, scale: int) -> list[str]:
    """One line of text in half blocks, `scale` columns and half-rows a pixel; glyphs
    one blank pixel column apart."""
    glyphs = [_glyph_cells(c, scale) for c in line]
    gap = " " * scale
    return [gap.join(glyph[row] for glyph in glyphs) for row in range(line_height(scale))]


def draw(text: str, width: int, height: int) -> list[str] | None:
    """`text` in big type within width x height cells, row by row; None when it does not
    fit at any scale or has a character the font lacks (show it as ordinary text)."""
    fitted = layout(text, width, height)
    if fitted is None:
        return None
    scale, lines = fitted
    return [row.rstrip() for line in lines for row in draw_line(line, scale)]
