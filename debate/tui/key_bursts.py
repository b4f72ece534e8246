"""Keys read in one burst reach the screen they were typed for.

A key goes to the screen on top when it arrives, and comes back to the app if that
screen does not take it. Keys read in one burst (i 1 2 Tab 5 typed at once, or the place
typed right after Enter) all reach the card screen before `i` opens the vote window: they
came back past a window that never saw them, and were dropped. Such a key is given again,
in order, to the screen now on top.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.screen import Screen


class KeysInBursts(App[None]):
    def __init__(self) -> None:
        super().__init__()
        # The screen each key was given to; a key a widget took is let go.
        self._key_screens: WeakKeyDictionary[events.Key, Screen[Any]] = WeakKeyDictionary()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self._key_screens[event] = self.screen
            elif self._key_screens.pop(event, self.screen) is not self.screen:
                self.post_message(events.Key(event.key, event.character))
                return
        await super().on_event(event)
