"""Screens that know their app is a DebateApp: `self.debate` gives the session, the deck
and the interface's words, typed, instead of an untyped `self.app`."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.binding import Binding
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from debate.tui.app import DebateApp

ResultT = TypeVar("ResultT")

# For forms. Priority: Tab acts as it arrives, so text typed right after it (a burst from
# a fast typist, or tmux) lands in the next field, not at the end of this one.
FIELD_KEYS = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]


class DebateScreen(Screen[ResultT]):
    @property
    def debate(self) -> DebateApp:
        return cast("DebateApp", self.app)


class DebateModal(ModalScreen[ResultT]):
    @property
    def debate(self) -> DebateApp:
        return cast("DebateApp", self.app)
