"""Small text helpers shared by the handout, the minutes and session ids.

Widths are in columns, not characters: printed and terminal text gives CJK ideographs,
fullwidth forms and most emoji two columns, and combining accents none, so a deck written
in Japanese keeps to 80 columns on paper like one in French. The widths are the screen's
(debate/cell_widths.py is Rich's table), so paper and screen measure text alike.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from debate.cell_widths import NARROW_TO_WIDE, RUNS

_FIRSTS = tuple(first for first, _, _ in RUNS)
_JOINER = "\u200d"  # joins the next character into the same glyph (emoji sequences)
_EMOJI_STYLE = "\ufe0f"  # variation selector 16: the character before drawn as an emoji
# Characters that surely take one column each: Latin, Greek and Cyrillic letters (not
# their combining marks), general punctuation (’ “ ” – …), arrows, box drawing and the
# block elements of the QR codes. Text made only of these is measured by len(), in C:
# the minutes are nearly all such text, and measuring them character by character in
# Python doubled the time to write them.
_ONE_COLUMN = re.compile(
    "[\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205f\u2190-\u21ff\u2500-\u259f]*"
)
# A line may break at spaces, and before or after a two-column character (CJK writing
# puts no spaces between words), except before closing punctuation and after an opening
# bracket, as Japanese and Chinese typesetting does. As in textwrap, only ASCII
# whitespace counts as space (U+3000, the ideographic space, is a two-column character).
_SPACES = re.compile(r"[ \t\n\r\x0b\x0c]+")
_PIECES = re.compile(r"[ \t\n\r\x0b\x0c]+|.", re.DOTALL)
_NO_BREAK_BEFORE = frozenset("、。，．：；？！）」』】〕〉》］｝ー々ゝゞヽヾ・")
_NO_BREAK_AFTER = frozenset("（「『【〔〈《［｛")


def slug(text: str, limit: int | None = None) -> str:
    """ASCII, lowercase, words joined by '-': 'Salle des fêtes' -> 'salle-des-fetes';
    at most `limit` characters, cut at a word when one ends near enough."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    joined = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if limit is not None and len(joined) > limit:
        cut = joined[: limit + 1]
        at_word = cut.rfind("-")
        joined = cut[:at_word] if at_word > limit // 2 else cut[:limit]
    return joined.strip("-") or "x"


def char_columns(ch: str) -> int:
    """Columns one character takes on its own: 0, 1 or 2."""
    if " " <= ch < "\x7f":  # ASCII: the common case
        return 1
    cp = ord(ch)
    run = bisect_right(_FIRSTS, cp) - 1
    return RUNS[run][2] if run >= 0 and cp <= RUNS[run][1] else 1


def columns(text: str) -> int:
    """Columns `text` takes on a terminal or a fixed-width printer."""
    if _ONE_COLUMN.fullmatch(text):
        return len(text)
    if _JOINER not in text and _EMOJI_STYLE not in text:
        return sum(map(char_columns, text))
    return sum(_glyph_columns(text))


def _glyph_columns(text: str) -> Iterator[int]:
    """What each character adds to the width of `text`, as Rich counts a joined emoji
    (the character after a joiner adds nothing) and an emoji-style selector (it widens
    the character before it to two columns)."""
    joined = False
    last = ""  # the last character that took a column
    for ch in text:
        if joined:
            joined = False
            yield 0
        elif ch == _JOINER:
            joined = True
            yield 0
        elif ch == _EMOJI_STYLE:
            yield int(last in NARROW_TO_WIDE)
            last = ""
        else:
            width = char_columns(ch)
            last = ch if width else last
            yield width


def ljust(text: str, width: int) -> str:
    """`text` padded with spaces on the right to `width` columns."""
    return text + " " * (width - columns(text))


def rjust(text: str, width: int) -> str:
    """`text` padded with spaces on the left to `width` columns."""
    return " " * (width - columns(text)) + text


def cut(text: str, width: int) -> str:
    """At most `width` columns; an ellipsis says something was cut (the full text is
    printed elsewhere)."""
    if columns(text) <= width:
        return text
    head, _ = _split_at(text, max(width - 1, 0))
    return head + "…"


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap prose to `width` columns; words longer than a line (URLs) are cut, never overflow."""
    lines: list[str] = []
    for paragraph in text.split("\n") or [""]:
        indent = first if not lines else rest
        if _ONE_COLUMN.fullmatch(paragraph + indent + rest):
            wrapped = textwrap.wrap(  # one column per character: the standard library's
                paragraph,
                width=width,
                initial_indent=indent,
                subsequent_indent=rest,
                break_long_words=True,
                break_on_hyphens=False,
            )
        else:
            wrapped = _wrap_columns(paragraph, width, indent, rest)
        lines.extend(wrapped or [indent.rstrip()])
    return lines


def _wrap_columns(paragraph: str, width: int, first: str, rest: str) -> list[str]:
    """textwrap.wrap counting columns: the standard library's algorithm, step for step, so
    that wide text wraps by the same rules as narrow text."""
    chunks = [" " * len(c) if _SPACES.fullmatch(c) else c for c in _words(paragraph)]
    chunks.reverse()  # popped from the end, as textwrap does
    lines: list[str] = []
    while chunks:
        indent = rest if lines else first
        room = width - columns(indent)
        if lines and _SPACES.fullmatch(chunks[-1]):  # no line starts with a space
            chunks.pop()
        line: list[str] = []
        used = 0
        while chunks and used + columns(chunks[-1]) <= room:
            used += columns(chunks[-1])
            line.append(chunks.pop())
        if chunks and columns(chunks[-1]) > room:  # longer than a line: cut it here
            head, tail = _split_at(chunks[-1], room - used if room >= 1 else 1)
            if not head and not line:  # a two-column character where one is left
                head, tail = tail[0], tail[1:]
            if head:
                line.append(head)
            if tail:
                chunks[-1] = tail
            else:
                chunks.pop()
        if line and _SPACES.fullmatch(line[-1]):
            line.pop()
        if line:
            lines.append(indent + "".join(line))
    return lines


def _words(paragraph: str) -> list[str]:
    """Runs of spaces, and words cut where a line may break inside them."""
    pieces: list[str] = []
    for match in _PIECES.finditer(paragraph.expandtabs()):
        piece = match.group()
        joined = (
            pieces
            and not _SPACES.fullmatch(piece)
            and not _SPACES.fullmatch(pieces[-1])
            and not _may_break(pieces[-1], piece)
        )
        if joined:
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def _may_break(word: str, ch: str) -> bool:
    """May a line break between `word` and the character `ch` that follows it?"""
    if char_columns(ch) == 0 or word[-1] == _JOINER:  # an accent, a skin tone, a joined emoji
        return False
    if ch in _NO_BREAK_BEFORE or word[-1] in _NO_BREAK_AFTER:
        return False
    last = next((c for c in reversed(word) if char_columns(c)), "")
    return char_columns(ch) == 2 or (last != "" and char_columns(last) == 2)


def _split_at(text: str, width: int) -> tuple[str, str]:
    """The longest head of `text` within `width` columns, and the rest."""
    used = 0
    for i, added in enumerate(_glyph_columns(text)):
        used += added
        if used > width:
            return text[:i], text[i:]
    return text, ""
