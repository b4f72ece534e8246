"""Every card with its status (not shown, debated, voted) and outcome; Enter jumps to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import plain
from debate.tui.render import outcome_word
from debate.tui.screens.base import DebateModal
from debate.vocabulary import Round

if TYPE_CHECKING:
    pass


class OverviewScreen(DebateModal[int | None]):
    BINDINGS = bindings(keys.OVERVIEW)

    def __init__(self, current: int) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        t = self.debate.t
        view = self.debate.live_meeting.view()
        options = []
        for card in self.debate.deck.cards:
            judged = view.results(card.id)
            final = judged.round(Round.FINAL)
            vote = final or judged.round(Round.INDICATIVE)
            if vote is not None:
                # An indicative vote alone says so: the card still needs its final vote.
                said = t["voted"] if final else t["indicative_only"]
                status = Text(f"{said}{t['colon']}").append(outcome_word(vote, t, round_named=True))
            elif judged.shown:
                status = Text(t["debated"])
            else:
                status = Text(t["not_shown"])
            line = plain(f"{card.number:>2}. {card.title}").append("  —  ").append(status)
            options.append(Option(line))
        with Vertical(id="overview", classes="dialog"):
            yield Static(Text(t["overview_title"]), classes="dialog-title")
            yield OptionList(*options, id="cards")

    def on_mount(self) -> None:
        cards = self.query_one("#cards", OptionList)
        cards.highlighted = self.current
        cards.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_close(self) -> None:
        self.dismiss(None)
