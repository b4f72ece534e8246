"""Every key, in the interface language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from debate.tui.screens.base import DebateModal
from debate.tui.strings import keys


class HelpScreen(DebateModal[None]):
    BINDINGS = [Binding("escape,q,f1,question_mark,enter", "close", "Close")]

    def compose(self) -> ComposeResult:
        t = self.debate.t
        table = Table.grid(padding=(0, 3))
        table.add_column(style="bold")
        table.add_column()
        for key, what in keys(self.debate.options.lang):
            table.add_row(Text(key), Text(what))  # a str cell would be read as markup
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text(t["help_title"]), classes="dialog-title")
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
