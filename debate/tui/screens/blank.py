"""A blank screen, to draw the room's eyes away from the wall; any key returns."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class BlankScreen(Screen[None]):
    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss(None)
