"""'Enlarge the window': below 60x20 nothing of a card can be read, so a notice covers
the facilitator's screens until the window is large enough again (a projector's zoom can
shrink a terminal that far). It stays on top of whatever opens meanwhile, and nothing but
quitting opens over it."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.events import Resize
from textual.screen import Screen

MIN_WIDTH, MIN_HEIGHT = 60, 20


class SizeGuard(App[None]):
    """The size check of the facilitator's app; `start_size_guard()` once the first
    screen is up."""

    _guarding = False

    def start_size_guard(self) -> None:
        # Last at start, so that the notice goes over the first screen, not under it.
        self._guarding = True
        self._check_size(self.size.width, self.size.height)

    def on_resize(self, event: Resize) -> None:
        # The first Resize arrives before on_mount: on_mount checks the size itself.
        if self._guarding:
            self._check_size(event.size.width, event.size.height)

    def push_under_notice(self, screen: Screen[Any]) -> None:
        """Push `screen`, keeping the "enlarge the window" notice on top if it shows."""
        from debate.tui.screens.too_small import TooSmall

        small = isinstance(self.screen, TooSmall)
        if small:
            self.pop_screen()
        self.push_screen(screen)
        if small:
            self.push_screen(TooSmall())

    def _check_size(self, width: int, height: int) -> None:
        from debate.tui.screens.too_small import TooSmall

        small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmall)
        if small and not showing:
            self.push_screen(TooSmall())
        elif showing:
            screen = self.screen
            assert isinstance(screen, TooSmall)
            if small:
                screen.show_size(width, height)
            else:
                self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from debate.tui.screens.too_small import TooSmall

        # Nothing opens over "enlarge the window" (help, palette): it would stay stuck
        # under that screen once the window is large again. Ctrl+Q still quits.
        return action == "quit" or not isinstance(self.screen, TooSmall)
