"""Every card voted, for the room: its outcome in a coloured band, a page at a time.

Shown at the end of the deck (the press after the last card's last item) and on `R` at
any time. It renders from the meeting's view alone, so a read-only window can show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Resize
from textual.widgets import Static

from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill, plain
from debate.tui.render import outcome_class, outcome_word
from debate.tui.screens.base import DebateModal
from debate.tui.screens.results import big_word
from debate.tui.widgets.big_figures import BigFigures
from debate.vocabulary import Round

if TYPE_CHECKING:
    from debate.deck.model import Card
    from debate.record.results import RoundResult

ROWS_PER_CARD = 3  # its title, its outcome band, a blank line
BIG_ROWS = 6  # its outcome in block letters too, on a tall window
TALL = 40
CHROME = 3  # the slide's title band, its page line, a spare row


class AllResultsScreen(DebateModal[None]):
    BINDINGS = bindings(keys.ALL_RESULTS)

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    @property
    def big(self) -> bool:
        return self.app.size.height >= TALL

    def per_page(self) -> int:
        rows = ROWS_PER_CARD + (BIG_ROWS if self.big else 0)
        return max(1, (self.app.size.height - CHROME) // rows)

    def voted(self) -> list[tuple[Card, RoundResult]]:
        """Every card voted, in deck order, with its final vote, or its indicative one
        until the final is taken."""
        view = self.debate.live_meeting.view()
        rows = []
        for card in self.debate.deck.cards:
            judged = view.results(card.id)
            vote = judged.round(Round.FINAL) or judged.round(Round.INDICATIVE)
            if vote is not None:
                # not deck text: a card and its vote, made plain where they are shown
                rows.append((card, vote))
        return rows

    def pages(self) -> int:
        return max(1, -(-len(self.voted()) // self.per_page()))

    def compose(self) -> ComposeResult:
        t = self.debate.t
        rows = self.voted()
        per_page = self.per_page()
        self.page = min(self.page, self.pages() - 1)
        with Vertical(id="all-results"):
            yield Static(Text(t["all_results_title"]), classes="slide-title")
            if not rows:
                yield Static(Text(t["no_votes_at_all"]), classes="slide-line")
                return
            for card, vote in rows[self.page * per_page :][:per_page]:
                counts = " · ".join(
                    f"{label} {n}" for label, n in zip(vote.labels, vote.tallied, strict=True)
                )
                outcome = outcome_word(vote, t).append(plain(f"   {counts}"))
                yield Static(plain(f"{card.number}. {card.title}"), classes="all-results-card")
                word = big_word(vote, t)
                if self.big and word:
                    yield BigFigures(word, classes=outcome_class(vote))
                yield Static(outcome, classes=f"outcome {outcome_class(vote)}")
            yield Static(self.page_line(), id="all-results-page")

    def page_line(self) -> Text:
        """Which page this is, and the keys that turn it."""
        return fill(self.debate.t["all_results_page"], page=self.page + 1, pages=self.pages())

    def action_page(self, step: int) -> None:
        page = max(0, min(self.page + step, self.pages() - 1))
        if page != self.page:
            self.page = page
            self.refresh(recompose=True)
            self.debate.slide_changed()  # the room's window turns the page too

    def on_resize(self, event: Resize) -> None:
        self.refresh(recompose=True)

    def action_close(self) -> None:
        self.dismiss(None)
