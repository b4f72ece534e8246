"""The card's result, for the room: counts in big digits, bars, percentages, outcome, shift."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Digits, Static

from debate.deck.model import Card
from debate.numbers import decimal
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill, plain
from debate.tui.render import outcome_word
from debate.tui.screens.base import DebateModal
from debate.vocabulary import Round, Rule

if TYPE_CHECKING:
    pass

BAR = 30  # cells for 100 %, when the window has room
# Below this height the big digits give way, so that the outcome stays on screen (the
# counts are still on the bars' lines); likewise when a label is wider than its column.
DIGITS_MIN_HEIGHT = 24
CHROME = 6  # the dialog's border and padding, in columns
DIALOG_MAX_WIDTH = 140  # #results in debate.tcss
BAR_LINE = 33  # a bar line without its bar: label, spaces, "100.0 %  (12345)"


def bar(share: float, width: int = BAR) -> str:
    cells = round(width * share / 100)
    return "█" * cells + "░" * (width - cells)


class ResultsScreen(DebateModal[None]):
    BINDINGS = bindings(keys.RESULTS)

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        t = self.debate.t
        lang = self.debate.options.lang
        # Judged once, by the meeting, as the minutes judge it: on the room the vote was
        # taken in, and with those who gave no grade in the lowest one where the deck
        # says so.
        judged = self.debate.live_meeting.view().results(self.card.id)
        vote = judged.round(Round.FINAL) or judged.round(Round.INDICATIVE)
        with Vertical(id="results", classes="dialog"):
            yield Static(
                fill(t["results_title"], number=self.card.number, title=self.card.title),
                classes="dialog-title",
            )
            if vote is None:
                yield Static(Text(t["no_result"]))
                return
            yield Static(Text(t[vote.round.value].upper()), classes="round-name")
            result = vote
            counts, shares = result.tallied, result.percentages
            # Sized to the window: a wrapped bar line or an outcome pushed off screen
            # would leave the room without its result.
            width, height = self.app.size
            inner = min(width * 9 // 10, DIALOG_MAX_WIDTH) - CHROME
            column = inner // len(vote.labels)
            if height >= DIGITS_MIN_HEIGHT and all(cell_len(x) < column for x in vote.labels):
                with Horizontal(id="result-digits"):
                    for label, count in zip(vote.labels, counts, strict=True):
                        with Vertical(classes="result-count"):
                            yield Static(plain(label), classes="result-label")
                            yield Digits(str(count))
            cells = max(8, min(BAR, inner - BAR_LINE))
            lines = Text()
            for label, count, share in zip(vote.labels, counts, shares, strict=True):
                percent = f"{decimal(share, lang):>5}"
                lines.append(plain(f"{label:<14.14}"))
                # not deck text: the bar, the share and the count are ours or numbers
                lines.append(f" {bar(share, cells)} {percent} %  ({count})\n")
            yield Static(lines, id="result-bars")
            yield Static(outcome_word(result, t), id="outcome", classes="outcome")
            ungraded = sum(counts) - sum(vote.counts)
            if ungraded:  # below the outcome: on a small screen, the outcome comes first
                note = fill(t["ungraded"], n=ungraded, grade=vote.labels[-1])
                yield Static(note, id="ungraded", classes="hint")
            if vote.rule:
                present = vote.rule == Rule.MAJORITY_OF_PRESENT
                base = t["base_present" if present else "base_cast"]
                rule = Text(f"{t['rule']}{t['colon']}{t[f'rule_{vote.rule}']}\n{base}")
                yield Static(rule, classes="hint")
            moved = judged.shift.for_share_points if judged.shift else None
            if moved is not None:
                points = decimal(moved, lang, signed=True)  # as the minutes write it
                yield Static(fill(t["shift"], points=points), id="shift")

    def on_resize(self, event: Resize) -> None:
        self.refresh(recompose=True)

    def action_close(self) -> None:
        self.dismiss(None)
