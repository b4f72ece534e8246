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
        body = t["resume_body"].format(
            place=self.info.place, date=self.info.date, voted=self.info.cards_voted
        )
        with Vertical(classes="dialog"):
            yield Static(t["resume_title"], classes="dialog-title")
            yield Static(body)
            yield Static(t["resume_keys"], classes="hint")

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume)
