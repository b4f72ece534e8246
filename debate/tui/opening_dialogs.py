"""The questions a window asks before its first card, in order: reopen the closed meeting
named? resume which unfinished one, or a new one? where, who, how many? What to ask and
what each answer opens is decided by debate/meeting/opening.py; this only shows the
dialogs and calls back, and leaves with a one-line message when a meeting cannot open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from debate.cli_words import signed
from debate.meeting.opening import Ask, NewMeeting, closed_at
from debate.told import say
from debate.tui.plain import plain

if TYPE_CHECKING:
    from debate.record.catalog import SessionInfo
    from debate.record.errors import SessionError
    from debate.tui.app import DebateApp


class OpeningDialogs:
    def __init__(self, app: DebateApp) -> None:
        self.app = app
        self.opening = app.opening

    def ask_first(self) -> None:
        """Once the window shows: the question `Opening.first_question` chose, if any."""
        ask = self.opening.first_question()
        if ask is Ask.REOPEN:
            assert self.opening.reopening is not None
            self._offer_reopening(self.opening.reopening)
        elif ask is Ask.NOTHING:  # opened before the first frame: a card is showing
            self.app.warn_resumed()
        elif ask is Ask.RESUME:
            self._offer_resuming()
        else:
            self._setup()

    def _offer_resuming(self, notice: str = "") -> None:
        from debate.tui.screens.resume import Answer, ResumeDialog

        def chosen(answer: Answer | None) -> None:
            what, path = answer or ("quit", None)
            if what == "resume" and path is not None:
                self._resume(path)
            elif what == "new":
                self._setup()
            else:  # Esc: nothing was started, and the meetings stay as they were
                self.app.exit(message=Text(self.app.t["resume_quit"]))

        self.app.push_screen(ResumeDialog(self.opening.pending, notice), chosen)

    def _offer_reopening(self, info: SessionInfo) -> None:
        from debate.record.errors import SessionError
        from debate.record.events import SessionReopened
        from debate.tui.screens.reopen import ReopenDialog

        def answered(reopen: bool | None) -> None:
            if not reopen:
                self.app.exit(message=Text(self.app.t["resume_quit"]))
                return
            try:
                index = self.opening.open_resumed(info.path)
            except SessionError as exc:
                self._cannot_open(exc)
                return
            self.app.opened()
            self.app.record(SessionReopened())
            self.app.show_cards(index)

        self.app.push_screen(ReopenDialog(info, closed_at(info)), answered)

    def _setup(self) -> None:
        given = self.opening.new_meeting_given()
        if given is not None:
            self._start(given)
            return
        from debate.tui.screens.setup import SetupScreen

        def done(answer: NewMeeting | None) -> None:
            if answer is None:
                self.app.exit()
            else:
                self._start(answer)

        o = self.opening.options
        self.app.push_screen(SetupScreen(o.place or "", o.facilitator or "", o.attendance), done)

    def _start(self, meeting: NewMeeting) -> None:
        from debate.record.errors import SessionError

        try:
            index = self.opening.open_new(*meeting)
        except SessionError as exc:
            self._cannot_open(exc)
            return
        self.app.opened()
        self.app.show_cards(index)

    def _resume(self, path: Path) -> None:
        from debate.record.errors import SessionError
        from debate.record.lock import SessionLocked

        try:
            index = self.opening.open_resumed(path)
        except SessionError as exc:
            if isinstance(exc, SessionLocked):
                # Said in the list, in the interface's language: another can be chosen.
                self._offer_resuming(self.app.t["resume_locked"])
                return
            self._cannot_open(exc)
            return
        self.app.opened()
        self.app.warn_resumed()
        self.app.show_cards(index)

    def _cannot_open(self, exc: SessionError) -> None:
        message = plain(signed(say(exc, self.app.options.lang), self.app.options.lang))
        self.app.exit(return_code=1, message=message)
