"""Remarks from the room and proposed amendments for the current card.

↑ in a field brings back the card's earlier note of that kind to reword it (Enter saves,
recorded as note-edited) or, emptied, to withdraw it (Enter twice, note-withdrawn); ↓
goes back towards a new note. Nothing is deleted: the minutes keep the old text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Resize
from textual.widgets import Input, Label, Static

from debate.deck.model import Card
from debate.record.events import (
    AmendmentProposed,
    NoteEdited,
    NoteWithdrawn,
    RemarkMade,
)
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill, plain
from debate.tui.screens.base import DebateModal, apply_breakpoints
from debate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    pass


COMPACT_BELOW = 30  # rows: below this, full-size fields leave no room for the notes


class NotesScreen(DebateModal[None]):
    # Short windows: one-line fields, so that both fields and the hint stay on screen.
    VERTICAL_BREAKPOINTS = [(0, "-compact"), (COMPACT_BELOW, "-roomy")]
    BINDINGS = bindings(keys.NOTES)

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card
        self._asked_discard = False  # Esc asked "throw the typed text away?" already
        self._editing: dict[str, int] = {}  # field id -> index of the note it rewords
        self._asked_withdraw = False  # Enter on an emptied note asked "withdraw it?"

    def compose(self) -> ComposeResult:
        t = self.debate.t
        with Vertical(id="notes", classes="dialog"):
            yield Static(fill(t["notes_title"], number=self.card.number), classes="dialog-title")
            yield Static(id="notes-list")
            yield Label(Text(t["remark"]))
            yield TextField(id="remark", max_length=500)
            yield Label(Text(t["amendment"]))
            yield TextField(id="amendment", max_length=500)
            yield Static(id="notes-error", classes="error")
            yield Static(Text(t["notes_keys"]), classes="hint")

    def on_mount(self) -> None:
        apply_breakpoints(self, *self.app.size)
        self._show(self.app.size.height)
        self.query_one("#remark", Input).focus()

    def on_resize(self, event: Resize) -> None:
        self._show(event.size.height)  # the -compact class follows VERTICAL_BREAKPOINTS

    def _show(self, height: int) -> None:
        """The latest notes that fit a third of the window, one line each (the minutes
        hold them all, whole): many notes must not push the fields off the dialog."""
        t = self.debate.t
        session = self.debate.session
        record = session.state.card(self.card.id) if session else None
        groups = [
            (heading, notes)
            for heading, notes in (
                (t["remarks"], [n for n in record.remarks if n.standing] if record else ()),
                (t["amendments"], [n for n in record.amendments if n.standing] if record else ()),
            )
            if notes
        ]
        share = max(4, height // 3) // max(1, len(groups))  # lines per group, heading too
        text = Text()
        for heading, notes in groups:
            text.append(f"{heading}\n", style="bold")
            shown = notes if len(notes) < share else notes[-max(1, share - 2) :]
            if len(shown) < len(notes):
                text.append("…\n")
            for note in shown:
                text.append(plain(f"• {note.text}")).append("\n")
        self.query_one("#notes-list", Static).update(text)

    def _kind(self, field: Input) -> str:
        return "remark" if field.id == "remark" else "amendment"

    def _notes(self, kind: str) -> list[int]:
        """The indexes of the card's standing notes of `kind`, oldest first."""
        record = self.debate.live.state.card(self.card.id)
        found = record.remarks if kind == "remark" else record.amendments
        return [i for i, note in enumerate(found) if note.standing]

    def _say(self, message: str) -> None:
        self.query_one("#notes-error", Static).update(Text(message))

    def action_earlier_note(self) -> None:
        self._step(-1)

    def action_later_note(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        """Bring the previous (or next) note of the focused field's kind into it."""
        field = self.focused
        if not isinstance(field, Input) or field.id is None:
            return
        kind = self._kind(field)
        standing = self._notes(kind)
        current = self._editing.get(field.id)
        if current is None:
            choices = standing[-1:] if direction < 0 else []
        else:
            at = standing.index(current) + direction if current in standing else -1
            choices = [standing[at]] if 0 <= at < len(standing) else []
        self._asked_withdraw = False
        if not choices:
            if current is not None and direction > 0:  # past the newest: a new note again
                self._editing.pop(field.id, None)
                field.value = ""
                self._say("")
            return
        index = choices[0]
        record = self.debate.live.state.card(self.card.id)
        note = (record.remarks if kind == "remark" else record.amendments)[index]
        self._editing[field.id] = index
        field.value = note.text
        field.cursor_position = len(field.value)
        self._say(self.debate.t["note_editing"].format(time=note.at[11:16]))

    def _mend(self, field: Input, index: int, text: str) -> None:
        kind = self._kind(field)
        if not text and not self._asked_withdraw:
            self._asked_withdraw = True
            self._say(self.debate.t["note_withdraw_ask"])
            return
        card = self.card.id
        event = (
            NoteEdited(card=card, note=kind, index=index, text=text)
            if text
            else NoteWithdrawn(card=card, note=kind, index=index)
        )
        if self.debate.record(event):
            assert field.id is not None
            self._editing.pop(field.id, None)
            self._asked_withdraw = False
            field.value = ""
            self._say("")
            self._show(self.app.size.height)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        editing = self._editing.get(event.input.id or "")
        if editing is not None:
            self._mend(event.input, editing, text)
            return
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
            self._show(self.app.size.height)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._asked_discard = False
        if event.input.id not in self._editing:  # a reworded note keeps saying so
            self.query_one("#notes-error", Static).update(Text())

    def action_close(self) -> None:
        """Esc: back to the card. A remark typed and not added is asked about first."""
        typed = any(
            field.value.strip() and field.id not in self._editing
            for field in self.query(TextField).results(Input)
        )
        if typed and not self._asked_discard:
            self._asked_discard = True
            self.query_one("#notes-error", Static).update(Text(self.debate.t["discard_note"]))
            return
        self.dismiss(None)
