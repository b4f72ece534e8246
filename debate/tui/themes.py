"""Two themes for projectors: light (the default: reads best washed out) and dark.

High contrast first: pure black on white, saturated accents that survive a projector and
the 16-colour fallback Textual picks under TERM=linux.
"""

from __future__ import annotations

from textual.theme import Theme

LIGHT = Theme(
    name="debate-light",
    primary="#003a8c",
    secondary="#5a2d82",
    accent="#003a8c",
    warning="#8a4b00",
    error="#b00020",
    success="#005c2e",
    foreground="#000000",
    background="#ffffff",
    surface="#ffffff",
    panel="#e6e6e6",
    dark=False,
    variables={"footer-key-foreground": "#003a8c", "block-cursor-text-style": "bold"},
)

DARK = Theme(
    name="debate-dark",
    primary="#8ab4ff",
    secondary="#d0a8ff",
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
