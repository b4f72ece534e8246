"""What the screens may ask of the app: `self.debate` gives the session, the meeting,
the deck and the interface's words, typed, instead of an untyped `self.app`.

A protocol rather than DebateApp itself: screens never import the app module (an
import-linter contract in CI), so the app and its screens do not grow into each other,
and what a screen needs from the app is this short list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.signal import Signal

    from debate.deck.model import Deck
    from debate.i18n import Words
    from debate.meeting.meeting import Meeting
    from debate.meeting.options import Options
    from debate.record.events import Event
    from debate.record.session import Session
    from debate.tui.render import Confirmation


class Debate(Protocol):
    """The app, as its screens see it (debate.tui.app.DebateApp implements it)."""

    options: Options
    deck: Deck
    t: Words
    session: Session | None
    confirmation: Confirmation | None  # said by the status line until a move
    told: Signal[str]  # something was said: the card's status line shows it
    room_signal: Signal[bool]  # a room's window opened or closed: the "next" line follows

    @property
    def live(self) -> Session: ...

    @property
    def live_meeting(self) -> Meeting: ...

    def record(self, *events: Event) -> bool: ...

    def card_shown(self, card_id: str) -> None: ...

    def slide_changed(self) -> None: ...

    def room_follows(self) -> bool: ...

    def confirm(self, message: str, short: str = "") -> None: ...

    def tell(
        self,
        message: str,
        *,
        severity: SeverityLevel = "information",
    ) -> None: ...


ResultT = TypeVar("ResultT")


def breakpoint_classes(breakpoints: list[tuple[int, str]] | None, value: int) -> dict[str, bool]:
    """The classes Textual's breakpoints give a screen of this width (or height): the
    name of the last threshold at or below `value`. For a screen to have them from its
    first frame; Textual keeps them right at every resize after that."""
    chosen = [name for threshold, name in breakpoints or [] if value >= threshold]
    return {name: name == (chosen[-1] if chosen else "") for _, name in breakpoints or []}


def apply_breakpoints(screen: Screen[Any], width: int, height: int) -> None:
    classes = breakpoint_classes(screen.HORIZONTAL_BREAKPOINTS, width)
    classes |= breakpoint_classes(screen.VERTICAL_BREAKPOINTS, height)
    for name, on in classes.items():
        screen.set_class(on, name)


class DebateScreen(Screen[ResultT]):
    @property
    def debate(self) -> Debate:
        return cast("Debate", self.app)


# The stylesheet of every screen but the card and "enlarge the window": read by the app
# once card 1 is on screen, or by Textual when such a screen opens first (the setup form).
SCREENS_CSS = Path(__file__).resolve().parent.parent / "screens.tcss"


class DebateModal(ModalScreen[ResultT]):
    CSS_PATH = SCREENS_CSS

    @property
    def debate(self) -> Debate:
        return cast("Debate", self.app)
