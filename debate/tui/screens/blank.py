"""A blank screen, to draw the room's eyes away from the wall; any key returns."""

from __future__ import annotations

from textual import events

from debate.tui.screens.base import SCREENS_CSS, DebateScreen


class BlankScreen(DebateScreen[None]):
    CSS_PATH = SCREENS_CSS

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss(None)
