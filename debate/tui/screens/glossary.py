"""The deck's glossary (the terms its cards use, each explained in one line), then the
documents behind its cards with their exact titles."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.render import glossary_table, references_text
from debate.tui.screens.base import DebateModal


class GlossaryScreen(DebateModal[None]):
    BINDINGS = bindings(keys.GLOSSARY)

    def compose(self) -> ComposeResult:
        t = self.debate.t
        glossary = self.debate.deck.glossary
        with VerticalScroll(id="glossary", classes="dialog"):
            # Text, not str: a str given to Static is read as markup.
            yield Static(Text(t["glossary_title"]), classes="dialog-title")
            yield Static(glossary_table(glossary) if glossary else Text(t["no_glossary"]))
            if self.debate.deck.references:
                yield Static(Text(t["references_title"]), classes="dialog-title second")
                yield Static(references_text(self.debate.deck.references))
            yield Static(Text(t["glossary_keys"]), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
