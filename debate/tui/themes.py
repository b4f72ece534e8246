"""Two themes for projectors: light (the default: reads best washed out) and dark.

High contrast first: pure black on white, saturated accents that survive a projector and
the 16-colour fallback Textual picks under TERM=linux. Each accent is chosen so that the
nearest of the 16 standard colours is a hue, not a grey: the light theme's first green
(#005c2e) fell to bright black (SGR 90), and every argument "for" looked disabled.
tests/tui/test_colours.py holds each theme to it.
"""

from __future__ import annotations

from textual.theme import Theme

LIGHT = Theme(
    name="debate-light",
    primary="#003a8c",
    secondary="#6f2a96",
    accent="#003a8c",
    warning="#8a4b00",
    error="#b00020",
    success="#007a1f",
    foreground="#000000",
    background="#ffffff",
    surface="#ffffff",
    panel="#e6e6e6",
    dark=False,
    variables={"footer-key-foreground": "#003a8c", "block-cursor-text-style": "bold"},
)

DARK = Theme(
    name="debate-dark",
    primary="#66b3ff",
    secondary="#e08aff",
    accent="#ffd866",
    warning="#ffb347",
    error="#ff6b6b",
    success="#7ee081",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#262626",
    dark=True,
)

THEMES = {"light": LIGHT, "dark": DARK}
