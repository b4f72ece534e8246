"""Remarks from the room and proposed amendments for the current card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from debate.deck.model import Card
from debate.record.events import AmendmentProposed, RemarkMade

if TYPE_CHECKING:
    from debate.tui.app import DebateApp


class NotesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card

    @property
    def debate(self) -> DebateApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        t = self.debate.t
        with Vertical(id="notes", classes="dialog"):
            yield Static(t["notes_title"].format(number=self.card.number), classes="dialog-title")
            yield Static(id="notes-list")
            yield Label(t["remark"])
            yield Input(id="remark", max_length=500)
            yield Label(t["amendment"])
            yield Input(id="amendment", max_length=500)
            yield Static(t["notes_keys"], classes="hint")

    def on_mount(self) -> None:
        self._show()
        self.query_one("#remark", Input).focus()

    def _show(self) -> None:
        t = self.debate.t
        session = self.debate.session
        record = session.state.card(self.card.id) if session else None
        text = Text()
        for heading, notes in (
            (t["remarks"], record.remarks if record else ()),
            (t["amendments"], record.amendments if record else ()),
        ):
            if notes:
                text.append(f"{heading}\n", style="bold")
                for note in notes:
                    text.append(f"• {note.text}\n")
        self.query_one("#notes-list", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        card = self.card.id
        recorded = self.debate.record(
            RemarkMade(card=card, text=text)
            if event.input.id == "remark"
            else AmendmentProposed(card=card, text=text)
        )
        if recorded:
            event.input.value = ""
            self._show()

    def action_close(self) -> None:
        self.dismiss(None)
