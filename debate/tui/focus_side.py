"""The item in focus in its side's colour: an argument for in the theme's success colour,
an objection in its error colour, the proposal in bold.

Set on the widget rather than by a class: a class changed restyles the widget against
the whole stylesheet, which was half of what a reveal did before its frame
(bench/keypress_phases.py). The colours are the theme's own variables, taken again when
the theme changes; 16 colours and NO_COLOR apply to them as to the stylesheet's.
"""

from __future__ import annotations

from textual.color import Color
from textual.widget import Widget

# By side: the theme's colour (None: the screen's own) and the text style.
LOOKS: dict[str, tuple[str | None, str | None]] = {
    "summary": (None, "bold"),
    "for": ("success", None),
    "against": ("error", None),
}


def show_side(widget: Widget, side: str) -> None:
    colour, style = LOOKS[side]
    widget.styles.color = Color.parse(widget.app.theme_variables[colour]) if colour else None
    widget.styles.text_style = style
