"""Offer to resume the unfinished meeting of this deck: y resumes, n starts anew.

Enter resumes a meeting opened in the last hours (the power came back, even past
midnight; see SessionInfo.freshness); for an older one, one dated in the future or not
dated at all, Enter starts a new meeting. Quitting leaves a meeting
unfinished, so last month's is usually there, and a reflex Enter must not put tonight's
votes into it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill
from debate.tui.screens.base import DebateModal


class ResumeDialog(DebateModal[bool]):
    BINDINGS = bindings(keys.RESUME)

    def __init__(self, info: Any) -> None:
        super().__init__()
        self.info = info
        self.freshness = info.freshness()
        self.recent = self.freshness == "recent"

    def compose(self) -> ComposeResult:
        t = self.debate.t
        moment = self.info.opened_at  # '2026-11-22 17:11', not the journal's ISO stamp
        date = f"{moment:%Y-%m-%d %H:%M}" if moment else self.info.date
        info = self.info
        # The place and the date are the journal's: plain text (a place typed with "[/]"
        # crashed every later launch here), never markup.
        body = fill(t["resume_body"], place=info.place, date=date, voted=info.cards_voted)
        if not self.recent:  # why Enter will not resume it
            body.append(f"\n{t[f'resume_{self.freshness}']}")
        with Vertical(classes="dialog"):
            title = t["resume_title_rehearsal" if self.info.rehearsal else "resume_title"]
            yield Static(Text(title), classes="dialog-title")
            yield Static(body)
            keys = t["resume_keys" if self.recent else "resume_keys_old"]
            yield Static(Text(keys), classes="hint")

    def action_answer_default(self) -> None:
        self.dismiss(self.recent)

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume)
