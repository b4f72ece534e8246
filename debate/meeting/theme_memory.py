"""The theme chosen last in a sessions folder, so that a meeting resumed after a power cut
comes back in it (issue 15: it came back light), and the room's window follows it."""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from pathlib import Path

from debate.paths import theme_path
from debate.safefile import write_text_atomic

DEFAULT = "light"


def remembered_theme(sessions_dir: Path, known: Collection[str]) -> str:
    """The theme chosen last for these meetings; anything but one of the `known` names
    counts for nothing."""
    found = _written(sessions_dir)
    return found if found in known else DEFAULT


def _written(sessions_dir: Path) -> str:
    """What the folder's theme file says, "" when it cannot be read."""
    try:
        return theme_path(sessions_dir).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def remember_theme(sessions_dir: Path, theme: str) -> None:
    # A preference: a folder that cannot be written loses nothing of the record. Replaced
    # whole, never written through a link planted in the folder (LinkRefused is an OSError).
    # Not rewritten when it already says so (each meeting opened would fsync it again).
    if _written(sessions_dir) == theme:
        return
    with contextlib.suppress(OSError):
        write_text_atomic(theme_path(sessions_dir), theme + "\n")
