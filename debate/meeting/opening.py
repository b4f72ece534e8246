"""Which meeting a window opens, and what it must ask first.

`debate run` may name a meeting (--resume ID), ask for the newest unfinished one
(--resume), for a new one (--new, perhaps with --place and --attendance), or leave it to
the facilitator. What follows is decided here, without a screen: open a meeting before
the first frame, or ask whether to reopen a closed one, which unfinished one to resume,
or where and with how many people a new one starts. The app (debate/tui/opening_dialogs.py)
only shows the questions and calls back.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from debate.meeting.options import Options

if TYPE_CHECKING:
    from debate.record.catalog import SessionInfo
    from debate.record.session import Session


class Ask(StrEnum):
    NOTHING = "nothing"  # a meeting is open: its card shows
    REOPEN = "reopen"  # --resume ID named a closed meeting: reopen it, on the record?
    RESUME = "resume"  # this deck has unfinished meetings: resume one, or start anew?
    SETUP = "setup"  # a new meeting: where, who facilitates, how many people


NewMeeting = tuple[str, str, int]  # place, facilitator, attendance


class Opening:
    """One window's way to its meeting. `session` is the one opened, once it is."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.session: Session | None = None
        self.pending: list[SessionInfo] = []  # unfinished meetings of this deck, newest first
        self.reopening: SessionInfo | None = None  # --resume ID named a closed meeting

    def open_at_start(self) -> int | None:
        """Open what needs no question (--resume [ID], or --place and --attendance with
        nothing to resume): the index of the card to show first, or None when the
        facilitator must be asked (`first_question`). SessionError if it cannot be."""
        from debate.record.catalog import named_for_resume, unfinished_for

        o = self.options
        self.pending = (
            [] if o.mode == "new" else unfinished_for(o.sessions_dir, o.deck, o.rehearsal)
        )
        if o.resume_id is not None:
            info = named_for_resume(o.resume_id, o.sessions_dir, o.rehearsal)
            if info.finished:  # not opened here: the facilitator is asked first
                self.reopening = info
                return None
            return self.open_resumed(info.path)
        if self.pending and o.mode == "resume":
            return self.open_resumed(self.pending[0].path)
        if not self.pending and (given := self.new_meeting_given()) is not None:
            return self.open_new(*given)
        return None

    def first_question(self) -> Ask:
        """What to ask once the window shows, after `open_at_start`."""
        if self.reopening is not None:
            return Ask.REOPEN
        if self.session is not None:
            return Ask.NOTHING
        if self.pending and self.options.mode != "resume":
            return Ask.RESUME
        return Ask.SETUP

    def new_meeting_given(self) -> NewMeeting | None:
        """The new meeting the command line described whole, so that no form is shown."""
        o = self.options
        if o.place and o.attendance is not None:
            return (o.place, o.facilitator or "", o.attendance)
        return None

    def open_new(self, place: str, facilitator: str, attendance: int) -> int:
        """Create the session (SessionError if it cannot be); the card to show first."""
        from debate.record.session import Session

        o = self.options
        self.session = Session.create(
            o.deck,
            o.sessions_dir,
            place=place,
            facilitator=facilitator,
            attendance=attendance,
            language=o.lang,
            when=datetime.now(),
            minutes=False,  # written once card 1 is on screen (CardShown follows)
            rehearsal=o.rehearsal,
        )
        return 0

    def open_resumed(self, path: Path) -> int:
        """Reopen the session at `path` (SessionError if it cannot be); its current card."""
        from debate.record.session import Session

        session = self.session = Session.resume(path, self.options.deck)
        ids = self.options.deck.ids
        current = session.state.current
        return ids.index(current) if current in ids else 0


def closed_at(info: SessionInfo) -> str:
    """When the closed meeting `info` was closed, for the question whether to reopen it."""
    from debate.record.journal import replay_journal

    return replay_journal(info.path, keep_events=False).state.closed_at or ""
