"""Decode half-block QR codes with a real decoder: text -> modules -> PNG -> `zbarimg`.

The encoder's own output is never trusted: what a phone camera would read is what counts.
Each run of lines holding block characters is one code, decoded on its own, so the texts
come back in the order the codes appear on the page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image

BLOCKS = {"▀": (True, False), "▄": (False, True), "█": (True, True)}
SCALE = 6  # pixels per module: small codes decode more reliably a little enlarged
MARGIN = 8  # light modules around each code, on top of its own quiet zone


def decode_half_blocks(lines: list[str]) -> list[str]:
    """The text of every QR code drawn in `lines` (other lines are ignored), in order."""
    return [_decode(block) for block in _blocks(lines)]


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if any(ch in BLOCKS for ch in line):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks


def _modules(block: list[str]) -> list[list[bool]]:
    width = max(len(line) for line in block)
    grid: list[list[bool]] = []
    for line in block:
        cells = [BLOCKS.get(ch, (False, False)) for ch in line.ljust(width)]
        grid.append([top for top, _ in cells])
        grid.append([bottom for _, bottom in cells])
    return grid


def _need_zbarimg() -> None:
    """Skip on a developer's machine without zbar-tools; in CI a missing decoder fails."""
    if shutil.which("zbarimg") is None:
        message = "zbarimg is not installed (Debian: apt-get install zbar-tools)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _decode(block: list[str]) -> str:
    _need_zbarimg()
    grid = _modules(block)
    size = (len(grid[0]) + 2 * MARGIN, len(grid) + 2 * MARGIN)
    image = Image.new("L", size, 255)
    for y, row in enumerate(grid):
        for x, dark in enumerate(row):
            if dark:
                image.putpixel((x + MARGIN, y + MARGIN), 0)
    image = image.resize((size[0] * SCALE, size[1] * SCALE), Image.Resampling.NEAREST)
    with tempfile.TemporaryDirectory() as folder:
        png = Path(folder) / "code.png"
        image.save(png)
        done = subprocess.run(
            ["zbarimg", "--raw", "-q", "-Sbinary", str(png)],
            capture_output=True,
            check=False,
        )
    if done.returncode != 0:
        raise AssertionError(f"zbarimg could not decode the code (exit {done.returncode})")
    # -Sbinary hands back the code's bytes untouched (no charset guessing), then a newline.
    return done.stdout.removesuffix(b"\n").decode("utf-8")
