"""Small text helpers shared by the handout, the minutes and session ids."""

from __future__ import annotations

import re
import textwrap
import unicodedata


def slug(text: str) -> str:
    """ASCII, lowercase, words joined by '-': 'Salle des fêtes' -> 'salle-des-fetes'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "x"


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap prose to `width` columns; words longer than a line (URLs) are cut, never overflow."""
    lines: list[str] = []
    for paragraph in text.split("\n") or [""]:
        lines.extend(
            textwrap.wrap(
                paragraph,
                width=width,
                initial_indent=first if not lines else rest,
                subsequent_indent=rest,
                break_long_words=True,
                break_on_hyphens=False,
            )
            or [first.rstrip()]
        )
    return lines
