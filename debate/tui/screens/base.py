"""Screens that know their app is a DebateApp: `self.debate` gives the session, the deck
and the interface's words, typed, instead of an untyped `self.app`."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from debate.tui.app import DebateApp

ResultT = TypeVar("ResultT")


class DebateScreen(Screen[ResultT]):
    @property
    def debate(self) -> DebateApp:
        return cast("DebateApp", self.app)


class DebateModal(ModalScreen[ResultT]):
    @property
    def debate(self) -> DebateApp:
        return cast("DebateApp", self.app)
