"""QR codes drawn with half-block characters, for paper and terminals alike.

Two rows of modules per text line: '▀' top dark, '▄' bottom dark, '█' both, ' ' neither.
Dark modules print as ink, so the code reads on paper (dark on light) as the standard asks.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

QUIET_ZONE = 4  # modules of light margin the standard asks for; phones need it on paper


def _qrcode() -> Any:
    """The qrcode package, imported lazily (the first screen does not need it) and without
    Pillow: where Pillow is installed, qrcode imports its Pillow drawers for backward
    compatibility, which debate never uses (tens of ms and a few MiB kept for the whole
    meeting; docs/benchmarks.md). qrcode works without Pillow, as when it is not
    installed. Pillow already loaded by someone else is left alone."""
    if "qrcode.main" not in sys.modules and "PIL" not in sys.modules:
        sys.modules["PIL"] = None  # type: ignore[assignment]  # import PIL: ImportError
        try:
            import qrcode.main
        finally:
            if "PIL" in sys.modules and sys.modules["PIL"] is None:
                del sys.modules["PIL"]
    import qrcode
    import qrcode.constants

    return qrcode


class QRTooLarge(ValueError):
    """The text does not fit a QR code of the width allowed."""


def modules(text: str, max_width: int = 80, border: int = QUIET_ZONE) -> list[list[bool]]:
    """The module grid (True = dark) of the smallest QR code holding `text`, with its margin.

    Uses the lowest error correction: the code is printed or projected, not worn out, and
    this keeps it within `max_width` columns for the longest texts.
    """
    qrcode = _qrcode()
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_L, border=border)
    code.add_data(text.encode("utf-8"))
    try:
        code.make(fit=True)
    except Exception as exc:  # qrcode raises DataOverflowError past version 40
        raise QRTooLarge(f"{len(text)} characters do not fit a QR code") from exc
    grid: list[list[bool]] = code.get_matrix()
    if len(grid[0]) > max_width:
        raise QRTooLarge(f"{len(text)} characters need {len(grid[0])} columns, over {max_width}")
    return grid


def half_blocks(grid: list[list[bool]]) -> list[str]:
    """Each pair of module rows becomes one line of text."""
    rows = [*grid, [False] * len(grid[0])] if len(grid) % 2 else grid
    glyph = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
    return [
        "".join(glyph[top, bottom] for top, bottom in zip(upper, lower, strict=True)).rstrip()
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]


def qr_lines(text: str, max_width: int = 80) -> list[str]:
    return list(_qr_lines(text, max_width))


@lru_cache(maxsize=64)
def _qr_lines(text: str, max_width: int) -> tuple[str, ...]:
    # The minutes are rewritten after every event, mostly with the same results: encode
    # each text once (a QR code costs 5-50 ms; QRTooLarge is not cached, and is rare).
    return tuple(half_blocks(modules(text, max_width)))
