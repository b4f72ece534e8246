"""Legible on a 16-colour console (TERM=linux) in both themes: the colours that carry a
meaning fall to distinct hues of the 16 standard colours, never to a grey."""

from __future__ import annotations

import pytest
from rich.color import Color, ColorSystem

from debate.tui.themes import THEMES

# The 16 standard colours that are greys (black, white, and their bright forms).
GREYS = {0, 7, 8, 15}
MEANING = ("primary", "secondary", "success", "error", "warning")


def sixteen(colour: str) -> int:
    """The standard colour Textual (through Rich) draws `colour` with under 16 colours."""
    number = Color.parse(colour).downgrade(ColorSystem.STANDARD).number
    assert number is not None
    return number


@pytest.mark.parametrize("name", list(THEMES))
def test_meaningful_colours_are_hues_not_greys(name: str):
    theme = THEMES[name]
    for role in MEANING:
        assert sixteen(getattr(theme, role)) not in GREYS, (name, role)


@pytest.mark.parametrize("name", list(THEMES))
def test_for_and_against_keep_distinct_hues(name: str):
    theme = THEMES[name]
    assert theme.success is not None and theme.error is not None
    assert sixteen(theme.success) != sixteen(theme.error)
