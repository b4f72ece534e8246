"""Keys read in one burst reach the screen they were typed for, in the order they were typed.

A key goes to the screen on top when it arrives, and comes back to the app if that
screen does not take it. Keys read in one burst (i 1 2 Tab 5 typed at once, or the place
typed right after Enter) all reach the card screen before `i` opens the vote window: they
came back past a window that never saw them, and were dropped. Such a key is given again
to the screen now on top.

Given again, it must not be overtaken. On a busy laptop the terminal's burst arrives in
pieces, and a key of a later piece can reach the app (and go straight to the vote window)
while the keys before it are still on their way back from the card screen: `i 200 Tab 3`
recorded 0-320-0. So a key given again waits in `InOrder`, and every key read after it
waits behind it, until no key given to a screen that is no longer on top is still on its
way back; then they are given in the order they were read.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable
from itertools import count
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.timer import Timer

K = TypeVar("K")

# A key on its way is known by the queues that hold it; one that a widget of a screen
# below took may be held on to a while longer by that widget's loop. Past this, what
# waits is given anyway: in order still, only maybe ahead of such a key.
BACKSTOP_SECONDS = 0.3


class InOrder(Generic[K]):
    """Keys that wait, each with the number it was read under, given back in that order."""

    def __init__(self) -> None:
        self._waiting: list[tuple[int, int, K]] = []
        self._ties = count()

    def __bool__(self) -> bool:
        return bool(self._waiting)

    def wait(self, read: int, key: K) -> None:
        insort(self._waiting, (read, next(self._ties), key), key=lambda w: (w[0], w[1]))

    def release(self, on_their_way: Callable[[], bool]) -> list[K]:
        """Every waiting key, in the order read, unless an earlier key is still on its way."""
        if on_their_way():
            return []
        keys = [key for _read, _tie, key in self._waiting]
        self._waiting.clear()
        return keys


class KeysInBursts(App[None]):
    def __init__(self) -> None:
        super().__init__()
        # Each key given to a screen: that screen, and when the key was read. A key a
        # widget took is let go (the entry goes with it).
        self._given: WeakKeyDictionary[events.Key, tuple[Screen[Any], int]] = WeakKeyDictionary()
        self._reads = count()
        self._waiting: InOrder[tuple[int, events.Key]] = InOrder()
        self._backstop: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key):
            await super().on_event(event)
        elif not event.is_forwarded:
            read = next(self._reads)
            if self._waiting or self._on_their_way():
                self._wait(read, event)  # behind the keys read before it
                await self._give_waiting()
            else:
                await self._give(read, event)
        else:
            screen, read = self._given.pop(event, (self.screen, -1))
            if screen is self.screen:
                await super().on_event(event)
            else:  # typed for the window now on top, which never saw it
                self._wait(read, events.Key(event.key, event.character))
                await self._give_waiting()

    def _on_their_way(self) -> bool:
        return any(screen is not self.screen for screen, _read in self._given.values())

    def _wait(self, read: int, key: events.Key) -> None:
        self._waiting.wait(read, (read, key))
        if self._backstop is None:
            self._backstop = self.set_timer(BACKSTOP_SECONDS, self._give_anyway)

    async def _give(self, read: int, key: events.Key) -> None:
        self._given[key] = (self.screen, read)
        await super().on_event(key)
        if not key.is_forwarded:  # a priority binding took it here: nothing comes back
            self._given.pop(key, None)

    async def _give_waiting(self, *, anyway: bool = False) -> None:
        keys = self._waiting.release(lambda: not anyway and self._on_their_way())
        if not self._waiting and self._backstop is not None:
            self._backstop.stop()
            self._backstop = None
        for read, key in keys:
            await self._give(read, key)

    async def _give_anyway(self) -> None:
        self._backstop = None
        await self._give_waiting(anyway=True)
