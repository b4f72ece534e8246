"""The facilitator's window tells the room's window what the wall shows (its slide).

After each repaint that may have changed it (a reveal, a move, the timer, the results
opened or closed), the slide is taken from the screens: the card screen's card, step and
timer, and whether the card's results, the meeting's (at which page) or the blank screen
are on top. Everything else on top
(the vote window being filled, the notes being typed, a dialog) is not the room's: the
room keeps the card. It is written only when it changed, after the repaint, so that a key
press never waits for it (debate/meeting/slide.py says why it is not fsynced).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from debate.meeting.slide import Countdown, Slide, write_slide
from debate.paths import slide_for

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from debate.tui.screens.card import CardScreen
    from debate.tui.widgets.speaker_timer import SpeakerTimer


class SlideFeed:
    def __init__(self, app: App[None]) -> None:
        self.app = app
        self._asked = False
        self._written: tuple[object, ...] | None = None  # what the file holds, by `_key`
        self._journal: Path | None = None

    def changed(self, journal: Path | None) -> None:
        """Something the room may see changed: write the slide after the next repaint."""
        self._journal = journal
        if not self._asked and journal is not None:
            self._asked = True
            self.app.call_after_refresh(self._write)

    def _write(self) -> None:
        self._asked = False
        journal = self._journal
        card = _card_screen(self.app)
        if journal is None or card is None:
            return
        shown = _speaker(card)
        timer = None if shown is None else shown.speaker
        top = self.app.screen
        key = (
            journal,
            card.presenter.card.id,
            card.presenter.step,
            None
            if timer is None
            else (timer.side, timer.duration, timer.running, timer.elapsed, timer.started),
            _is(top, "debate.tui.screens.results", "ResultsScreen"),
            _is(top, "debate.tui.screens.blank", "BlankScreen"),
            _page(top),
        )
        if key == self._written:
            return
        countdown = None
        if timer is not None:
            countdown = Countdown(
                timer.side, timer.duration, timer.spoken, timer.running, time.time()
            )
        slide = Slide(
            card.presenter.card.id, card.presenter.step, countdown, key[4], key[5], key[6]
        )
        try:
            write_slide(slide_for(journal), slide)
        except OSError:
            # Not a record: a folder that refuses it leaves the room's window on the card
            # the journal names; the status line speaks of what is recorded only.
            self._written = None
            return
        self._written = key


def _card_screen(app: App[None]) -> CardScreen | None:
    from debate.tui.screens.card import CardScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, CardScreen):
            return screen
    return None


def _speaker(card: CardScreen) -> SpeakerTimer | None:
    from textual.css.query import NoMatches

    from debate.tui.widgets.speaker_timer import SpeakerTimer

    try:
        return card.query_one("#timer", SpeakerTimer)
    except NoMatches:  # mounted when first used: not on this card screen yet
        return None


def _page(screen: Screen[object]) -> int | None:
    """The page of the meeting's results on top, if they are."""
    if not _is(screen, "debate.tui.screens.all_results", "AllResultsScreen"):
        return None
    page: int = getattr(screen, "page", 0)
    return page


def _is(screen: Screen[object], module: str, name: str) -> bool:
    """Whether `screen` is that screen class, without importing its module: a screen
    never opened has not been imported, and the start-up need not pay for it."""
    found = sys.modules.get(module)
    return found is not None and isinstance(screen, getattr(found, name))
