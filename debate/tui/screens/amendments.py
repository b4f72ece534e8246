"""Which standing amendment of the card is put to the vote, when there are several.

Each is listed with its number (the minutes' numbering, withdrawn ones counted) and, once
voted, its outcome; Enter opens the vote window on it (a voted one reopens, to correct)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from debate.deck.model import Card
from debate.record.state import SessionState
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill, plain
from debate.tui.render import outcome_word
from debate.tui.screens.base import DebateModal


def standing_amendments(state: SessionState, card_id: str) -> list[tuple[int, str]]:
    """(index, text) of the card's amendments not withdrawn, in the order they were made."""
    notes = state.card(card_id).amendments
    return [(i, n.text) for i, n in enumerate(notes) if n.standing]


class AmendmentsScreen(DebateModal[int | None]):
    BINDINGS = bindings(keys.AMENDMENTS)

    def __init__(self, card: Card, choices: list[tuple[int, str]]) -> None:
        super().__init__()
        self.card = card
        self.choices = choices

    def compose(self) -> ComposeResult:
        t = self.debate.t
        judged = self.debate.live_meeting.view().results(self.card.id)
        outcomes = {a.number - 1: a.vote for a in judged.amendment_votes}
        options = []
        for index, text in self.choices:
            line = Text(f"{index + 1}. ").append(plain(text))
            vote = outcomes.get(index)
            if vote is not None:
                line.append(f"  —  {t['amendment_voted']}{t['colon']}").append(
                    outcome_word(vote, t)
                )
            options.append(Option(line))
        with Vertical(id="amendments", classes="dialog"):
            yield Static(
                fill(t["amendments_title"], number=self.card.number), classes="dialog-title"
            )
            yield OptionList(*options, id="amendment-list")

    def on_mount(self) -> None:
        listing = self.query_one("#amendment-list", OptionList)
        listing.highlighted = 0
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][0])

    def action_close(self) -> None:
        self.dismiss(None)
