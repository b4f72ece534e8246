"""Every card voted, for the room: its outcome in a coloured band, a page at a time.

Shown at the end of the deck (the press after the last card's last item) and on `R` at
any time. It renders from the meeting's view alone, so a read-only window can show it."""

from __future__ import annotations

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
from debate.vocabulary import Round

ROWS_PER_CARD = 3  # its title, its outcome band, a blank line
CHROME = 3  # the slide's title band, its page line, a spare row


class AllResultsScreen(DebateModal[None]):
    BINDINGS = bindings(keys.ALL_RESULTS)

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    def per_page(self) -> int:
        return max(1, (self.app.size.height - CHROME) // ROWS_PER_CARD)

    def voted(self) -> list[tuple[Text, Text, str]]:
        """(title, outcome, colour class) of every card voted, in deck order: its final
        vote, or its indicative one until the final is taken."""
        t = self.debate.t
        view = self.debate.live_meeting.view()
        rows = []
        for card in self.debate.deck.cards:
            judged = view.results(card.id)
            vote = judged.round(Round.FINAL) or judged.round(Round.INDICATIVE)
            if vote is None:
                continue
            counts = " · ".join(
                f"{label} {n}" for label, n in zip(vote.labels, vote.tallied, strict=True)
            )
            outcome = outcome_word(vote, t).append(plain(f"   {counts}"))
            rows.append((plain(f"{card.number}. {card.title}"), outcome, outcome_class(vote)))
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
            for title, outcome, colour in rows[self.page * per_page :][:per_page]:
                yield Static(title, classes="all-results-card")
                yield Static(outcome, classes=f"outcome {colour}")
            page = fill(t["all_results_page"], page=self.page + 1, pages=self.pages())
            yield Static(page, id="all-results-page")

    def action_page(self, step: int) -> None:
        page = max(0, min(self.page + step, self.pages() - 1))
        if page != self.page:
            self.page = page
            self.refresh(recompose=True)

    def on_resize(self, event: Resize) -> None:
        self.refresh(recompose=True)

    def action_close(self) -> None:
        self.dismiss(None)
