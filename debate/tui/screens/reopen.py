"""`debate --resume ID` names a meeting closed by mistake: reopen it, on the record?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill
from debate.tui.screens.base import DebateModal

if TYPE_CHECKING:
    from debate.record.catalog import SessionInfo


class ReopenDialog(DebateModal[bool]):
    BINDINGS = bindings(keys.REOPEN)

    def __init__(self, info: SessionInfo, closed: str) -> None:
        super().__init__()
        self.info = info
        self.closed = closed  # when it was closed, as the journal has it

    def compose(self) -> ComposeResult:
        t = self.debate.t
        moment = self.info.opened_at
        date = f"{moment:%Y-%m-%d %H:%M}" if moment else self.info.date
        body = fill(t["reopen_body"], place=self.info.place, date=date, closed=self.closed[11:16])
        with Vertical(classes="dialog"):
            yield Static(Text(t["reopen_title"]), classes="dialog-title")
            yield Static(body)
            yield Static(Text(t["reopen_keys"]), classes="hint")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
