"""Regenerate debate/cell_widths.py from Rich's table: `python docs/make_width_table.py`.

Paper (minutes, handout) must measure text as the screen draws it, and the screen is
Rich's. The domain may not import Rich (it would slow `check`, `summary` and `print`),
so debate carries a copy of Rich's widths; tests/test_text_width.py fails when the Rich
in the lock file draws a character differently, and this script brings the copy in step.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

from rich.cells import get_character_cell_size, load_cell_table

VERSION = "latest"  # what Textual draws unless UNICODE_VERSION says otherwise
OUT = Path(__file__).resolve().parents[1] / "debate" / "cell_widths.py"


def runs() -> list[tuple[int, int, int]]:
    """(first, last, width) for every run of code points whose width is not 1."""
    out: list[tuple[int, int, int]] = []
    for cp in range(sys.maxunicode + 1):
        width = 1 if 0xD800 <= cp <= 0xDFFF else get_character_cell_size(chr(cp), VERSION)
        if width == 1:
            continue
        if out and out[-1][1] == cp - 1 and out[-1][2] == width:
            out[-1] = (out[-1][0], cp, width)
        else:
            out.append((cp, cp, width))
    return out


def main() -> None:
    rows = runs()
    wide = "".join(sorted(load_cell_table(VERSION).narrow_to_wide))
    lines = [
        '"""How many columns each character takes on the screen: a copy of Rich\'s table',
        "(the one Textual draws with), made by docs/make_width_table.py; do not edit.",
        '"""',
        "",
        "# (first code point, last code point, columns) of the runs not one column wide.",
        "RUNS: tuple[tuple[int, int, int], ...] = (",
        *(f"    ({a:#x}, {b:#x}, {w})," for a, b, w in rows),
        ")",
        "# Characters that variation selector 16 (U+FE0F) turns from one column into two.",
        f"NARROW_TO_WIDE = frozenset({wide!r})",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT}: {len(rows)} runs, from Rich {version('rich')}")


if __name__ == "__main__":
    main()
