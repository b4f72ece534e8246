"""Text from a deck, a journal, a file name or the keyboard, made safe to show or print.

Such text is data, never instructions: a terminal must not run the escape sequence a deck
title hides (OSC 52 writes the clipboard, RIS resets the screen), a printer must not get a
form feed from a remark, and bidi overrides must not reorder what the room reads.
`printable()` is the one cleaning function: every output (screen, minutes, exports,
messages) passes untrusted text through it. Nothing is dropped silently: each control
character becomes a visible stand-in, so a reader sees that something odd was there.

Markup is a separate matter: the TUI shows untrusted text as Rich `Text`, never parsed
(debate/tui), and CSV and Markdown exports escape what their formats interpret.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# C0 controls, DEL and C1 controls (0x9B is CSI, an escape sequence by itself on some
# terminals), the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
# the line and paragraph separators, and lone surrogates (a JSON journal can hold "\ud800",
# which no encoder can write).
_RANGES = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"


@cache
def _unsafe(kept: str) -> re.Pattern[str]:
    """The characters to replace: all of the above but those in `kept`."""
    c0 = "".join(chr(c) for c in range(0x20) if chr(c) not in kept)
    return re.compile(f"[{re.escape(c0)}{_RANGES}]")


_UNSAFE = _unsafe("")
_UNSAFE_IN_BLOCK = _unsafe("\n")
REPLACEMENT = "\ufffd"


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def printable(text: str, *, lines: bool = False, keep: str = "") -> str:
    """`text` with every control character replaced by a visible stand-in.

    One line by default (a newline shows as ␊); `lines=True` keeps newlines, for text that
    is several lines by nature (a remark, a summary). A tab becomes a space either way:
    it would shift the columns of the minutes. `keep` names C0 controls a document is
    made of and that drive no terminal: a form feed between printed pages, the tabs of
    a tab-separated listing."""
    kept = "".join(sorted(set(keep + ("\n" if lines else ""))))
    pattern = _unsafe(kept)
    if lines:
        text = text.replace("\r\n", "\n")
    return pattern.sub(_stand_in, text) if pattern.search(text) else text


def is_printable(text: str, *, lines: bool = False) -> bool:
    """True when `printable(text)` would change nothing (tabs aside)."""
    return (_UNSAFE_IN_BLOCK if lines else _UNSAFE).search(text.replace("\t", " ")) is None


# Letters and symbols that draw nothing: the Hangul fillers, the blank braille pattern.
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def shows_nothing(text: str) -> bool:
    """True when `text` would look empty to a reader: only spaces, format characters
    (zero-width spaces and joiners, direction marks, bidi controls), combining marks with
    nothing to combine with, or blank glyphs such as U+3164 and U+2800."""
    return all(
        ch.isspace()
        or ch in _BLANK_GLYPHS
        or unicodedata.category(ch) in ("Cf", "Cc", "Mn", "Me", "Zs", "Zl", "Zp")
        for ch in text
    )


_OPENS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_OPENS.update(dict.fromkeys("\u2066\u2067\u2068", "\u2069"))
_CLOSES = frozenset(_OPENS.values())


def unbalanced_bidi(text: str) -> str | None:
    """The first bidi embedding, override or isolate of `text` left open (or a close
    with nothing open), or None: an open one reorders whatever is shown after the text
    (an override turns "pour" into "ruop" for the rest of the line)."""
    stack: list[str] = []
    for ch in text:
        if ch in _OPENS:
            stack.append(ch)
        elif ch in _CLOSES:
            if not stack or _OPENS[stack[-1]] != ch:
                return ch
            stack.pop()
    return stack[0] if stack else None
