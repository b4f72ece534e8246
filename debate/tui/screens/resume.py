"""Choose the meeting to resume: every unfinished meeting of this deck, newest first.

↑ / ↓ choose; Enter resumes a meeting opened in the last hours (the power came back, even
past midnight; see SessionInfo.freshness); for an older one, one dated in the future or
not dated at all, Enter starts a new meeting, as the hint says, and `y` (or `o`) resumes
it. Quitting leaves a meeting unfinished, so last month's is usually there, and a reflex
Enter must not put tonight's votes into it. `c` then `y` closes the chosen one for good.
Esc quits without starting anything: one Escape after a power cut must not split the
evening in two meetings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from debate.i18n import built, counted
from debate.paths import lock_for
from debate.record.lock import held_elsewhere
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill
from debate.tui.screens.base import DebateModal

if TYPE_CHECKING:
    from debate.record.catalog import SessionInfo

# What the dialog answers: ("resume", path), ("new", None) or ("quit", None).
Answer = tuple[str, Path | None]


class ResumeDialog(DebateModal[Answer]):
    BINDINGS = bindings(keys.RESUME)

    def __init__(self, infos: list[SessionInfo], notice: str = "") -> None:
        super().__init__()
        self.infos = list(infos)
        self.notice = notice  # why the last choice could not be resumed
        self.closing = False  # `c` pressed: the next yes closes the chosen meeting

    @property
    def chosen(self) -> SessionInfo:
        index = self.query_one("#resume-list", OptionList).highlighted or 0
        return self.infos[min(index, len(self.infos) - 1)]

    def _line(self, info: SessionInfo) -> Text:
        t = self.debate.t
        moment = info.opened_at  # '2026-11-22 17:11', not the journal's ISO stamp
        date = f"{moment:%Y-%m-%d %H:%M}" if moment else info.date
        # The place and the date are the journal's: plain text (a place typed with "[/]"
        # crashed every later launch here), never markup.
        voted = info.cards_voted
        line = fill(counted(t, "resume_body", voted), place=info.place, date=date, voted=voted)
        freshness = info.freshness()
        if freshness != "recent":  # why Enter will not resume it
            line.append(f"\n  {built(t, f'resume_{freshness}')}")
        if held_elsewhere(lock_for(info.path)):  # said before Enter, not only after it
            line.append(f"\n  {t['resume_held']}")
        return line

    def compose(self) -> ComposeResult:
        t = self.debate.t
        with Vertical(classes="dialog", id="resume"):
            # The list holds one kind only (catalog.unfinished_for): say which.
            one = len(self.infos) == 1
            if self.infos[0].rehearsal:
                title = t["resume_title_rehearsal"] if one else t["resume_title_rehearsal_many"]
            else:
                title = t["resume_title"] if one else t["resume_title_many"]
            yield Static(Text(title), classes="dialog-title")
            yield OptionList(*(Option(self._line(i)) for i in self.infos), id="resume-list")
            yield Static(Text(self.notice), classes="error", id="resume-notice")
            yield Static(self._keys(), classes="hint", id="resume-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#resume-list", OptionList))

    def _keys(self) -> Text:
        t = self.debate.t
        if self.closing:
            return Text(t["resume_keys_close"])
        recent = bool(self.infos) and self.infos[0].freshness() == "recent"
        if self.is_mounted:
            recent = self.chosen.freshness() == "recent"
        return Text(t["resume_keys" if recent else "resume_keys_old"])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.closing = False
        self.query_one("#resume-keys", Static).update(self._keys())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_answer_default()

    def action_answer_default(self) -> None:
        """Enter: resume a recent meeting; start a new one when the chosen one is old."""
        if self.closing:
            self.action_stay()
        elif self.chosen.freshness() == "recent":
            self.dismiss(("resume", self.chosen.path))
        else:
            self.dismiss(("new", None))

    def action_yes(self) -> None:
        if self.closing:
            self._close_chosen()
        else:
            self.dismiss(("resume", self.chosen.path))

    def action_new(self) -> None:
        self.dismiss(("new", None))

    def action_close_chosen(self) -> None:
        self.closing = True
        self._say(self.debate.t["resume_close_ask"].format(place=self.chosen.place))

    def action_stay(self) -> None:
        """Esc: back from "close it?"; else quit, saying that nothing was started."""
        if self.closing:
            self.closing = False
            self._say("")
        else:
            self.dismiss(("quit", None))

    def _say(self, notice: str) -> None:
        self.query_one("#resume-notice", Static).update(Text(notice))
        self.query_one("#resume-keys", Static).update(self._keys())

    def _close_chosen(self) -> None:
        """Close the chosen meeting for good, on its own journal (it was left unfinished
        by a plain quit): it is no longer offered. Refused if another window has it."""
        from debate.record.errors import SessionError
        from debate.record.session import Session

        info = self.chosen
        self.closing = False
        try:
            with Session.resume(info.path, self.debate.deck) as session:
                pass  # leaving the block closes it (SessionClosed) and lets it go
            done = session.saved
        except SessionError:
            done = False
        if not done:
            self._say(self.debate.t["resume_not_closed"].format(place=info.place))
            return
        listing = self.query_one("#resume-list", OptionList)
        index = self.infos.index(info)
        self.infos.pop(index)
        listing.remove_option_at_index(index)
        if not self.infos:
            self.dismiss(("new", None))
            return
        self._say(self.debate.t["resume_closed"].format(place=info.place))
