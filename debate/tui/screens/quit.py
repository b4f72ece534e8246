"""Quit after a confirmation. Everything is already on disk; `c` then `y` also closes the
meeting.

Every answer that leaves is a letter, never Enter: a stray `q` Enter must not drop to the
shell in front of the room. `y` and the French `o` (oui) mean yes wherever yes is asked.
Closing for good asks once more, since a closed meeting takes no more votes (it can be
reopened, on the record, from `debate --resume ID`).

Unless a disk fault kept something off it: the card screen tries to write it once more
before opening the dialog, and if that fails the dialog says so, instead of promising
that everything is saved (quitting would lose it).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from debate.record.events import SessionClosed
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill
from debate.tui.screens.base import DebateModal


class QuitDialog(DebateModal[None]):
    BINDINGS = bindings(keys.QUIT)

    def __init__(self, problem: str | None = None) -> None:
        super().__init__()
        self.problem = problem  # why something is still not on disk, after a last try
        self.closing = False  # `c` pressed: the next yes closes the meeting for good

    def compose(self) -> ComposeResult:
        t = self.debate.t
        with Vertical(classes="dialog"):
            yield Static(Text(t["quit_title"]), classes="dialog-title", id="quit-title")
            if self.problem is None:
                yield Static(Text(t["quit_body"]), id="quit-body")
            else:
                # The problem names a path: a folder may be called "[annexe]" too.
                unsaved = fill(t["quit_unsaved"], problem=self.problem)
                yield Static(unsaved, classes="error", id="quit-body")

    def action_yes(self) -> None:
        if self.closing:
            self._close_meeting()
            return
        self.app.exit()  # the meeting keeps a speaker's turn as it lets go

    def action_close_meeting(self) -> None:
        """Ask once more: closing is for good (a reopening is on the record)."""
        t = self.debate.t
        self.closing = True
        self.query_one("#quit-title", Static).update(Text(t["close_title"]))
        self.query_one("#quit-body", Static).update(Text(t["close_body"]))

    def _close_meeting(self) -> None:
        session = self.debate.session
        # Not saved: the key bar says why, and quitting would lose the closing.
        if session is not None and self.debate.record(SessionClosed()) and session.saved:
            self.app.exit()

    def action_stay(self) -> None:
        self.dismiss(None)
