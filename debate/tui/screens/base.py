"""What the screens may ask of the app: `self.debate` gives the session, the meeting,
the deck and the interface's words, typed, instead of an untyped `self.app`.

A protocol rather than DebateApp itself: screens never import the app module (an
import-linter contract in CI), so the app and its screens do not grow into each other,
and what a screen needs from the app is this short list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from textual.binding import Binding
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from debate.deck.model import Deck
    from debate.meeting.meeting import Meeting
    from debate.record.events import Event
    from debate.record.session import Session
    from debate.tui.options import Options


class Debate(Protocol):
    """The app, as its screens see it (debate.tui.app.DebateApp implements it)."""

    options: Options
    deck: Deck
    t: dict[str, str]
    session: Session | None

    @property
    def live(self) -> Session: ...

    @property
    def live_meeting(self) -> Meeting: ...

    def record(self, *events: Event) -> bool: ...

    def card_shown(self, card_id: str) -> None: ...

    def end_speaking_turn(self) -> None: ...

    def tell(
        self,
        message: str,
        *,
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None: ...


ResultT = TypeVar("ResultT")

# For forms. Priority: Tab acts as it arrives, so text typed right after it (a burst from
# a fast typist, or tmux) lands in the next field, not at the end of this one.
FIELD_KEYS = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]


class DebateScreen(Screen[ResultT]):
    @property
    def debate(self) -> Debate:
        return cast("Debate", self.app)


class DebateModal(ModalScreen[ResultT]):
    @property
    def debate(self) -> Debate:
        return cast("Debate", self.app)
