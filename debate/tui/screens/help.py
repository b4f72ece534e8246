"""Every key, in the interface language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from debate.tui import keys
from debate.tui.keys import HELP_SECTIONS, bindings, help_rows
from debate.tui.screens.base import DebateModal


class HelpScreen(DebateModal[None]):
    BINDINGS = bindings(keys.HELP_SCREEN)

    def compose(self) -> ComposeResult:
        t = self.debate.t
        lang = self.debate.options.lang
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text(t["help_title"]), classes="dialog-title")
            for heading, section in HELP_SECTIONS:
                yield Static(Text(heading.in_(lang), style="italic"), classes="help-heading")
                yield Static(self._rows(help_rows(section, lang)))

    @staticmethod
    def _rows(rows: list[tuple[str, str]]) -> Table:
        table = Table.grid(padding=(0, 3))
        table.add_column(style="bold")
        table.add_column()
        for key, what in rows:
            table.add_row(Text(key), Text(what))  # a str cell would be read as markup
        return table

    def action_close(self) -> None:
        self.dismiss(None)
