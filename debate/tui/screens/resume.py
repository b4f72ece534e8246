"""Offer to resume the unfinished meeting of this deck: Enter resumes, n starts anew."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from debate.tui.screens.base import DebateModal


class ResumeDialog(DebateModal[bool]):
    BINDINGS = [
        Binding("enter,y", "answer(True)", "Resume"),
        Binding("n,escape", "answer(False)", "New meeting"),
    ]

    def __init__(self, info: Any) -> None:
        super().__init__()
        self.info = info

    def compose(self) -> ComposeResult:
        t = self.debate.t
        moment = self.info.opened_at  # '2026-11-22 17:11', not the journal's ISO stamp
        date = f"{moment:%Y-%m-%d %H:%M}" if moment else self.info.date
        info = self.info
        body = t["resume_body"].format(place=info.place, date=date, voted=info.cards_voted)
        with Vertical(classes="dialog"):
            yield Static(t["resume_title"], classes="dialog-title")
            yield Static(body)
            yield Static(t["resume_keys"], classes="hint")

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume)
