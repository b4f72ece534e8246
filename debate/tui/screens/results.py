"""The card's result, for the room: the outcome in a coloured band, the counts in block
figures sized to the window, bars on one base that the screen names, the shift."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Static

from debate.deck.model import Card
from debate.i18n import Words, built, counted
from debate.numbers import decimal
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill, plain
from debate.tui.render import outcome_class, outcome_word
from debate.tui.screens.base import DebateModal
from debate.tui.widgets.big_figures import BigFigures, drawable
from debate.vocabulary import Method, Round, Rule

if TYPE_CHECKING:
    from debate.record.results import RoundResult

BAR = 30  # cells for 100 %, when the window has room
# With more choices than this, the block figures need this many rows to leave the bars
# (one line each) on screen below them.
FEW_LABELS, FIGURES_MIN_HEIGHT = 3, 24
CHROME = 6  # the slide's padding and scrollbar, in columns
BAR_LINE = 33  # a bar line without its bar: label, spaces, "100.0 %  (12345)"
ABSTAIN = 2  # the abstentions' place among for / against / abstain
BIG_WORD_HEIGHT = 30


def bar(share: float, width: int = BAR) -> str:
    cells = round(width * share / 100)
    return "█" * cells + "░" * (width - cells)


def on_base(vote: RoundResult) -> list[int]:
    """The choices whose bars are drawn: all of them, but the abstentions under a rule of
    votes cast, which are not part of its base (their count is shown, not a bar)."""
    of_cast = vote.method != Method.MAJORITY_JUDGMENT and vote.rule != Rule.MAJORITY_OF_PRESENT
    return [i for i in range(len(vote.labels)) if not (of_cast and i == ABSTAIN)]


def big_word(vote: RoundResult, t: Words) -> str:
    """The outcome in capitals for block letters, or "" when it cannot be drawn so (a
    grade or a problem: the deck's or the journal's words, any character)."""
    if vote.problem or vote.median is not None:
        return ""
    word = outcome_word(vote, t).plain.upper().replace("\u00a0", " ")
    return word if drawable(word) else ""


class ResultsScreen(DebateModal[None]):
    BINDINGS = bindings(keys.RESULTS)
    # The outcome in block letters from this many rows (below, its band alone).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (BIG_WORD_HEIGHT, "-tall")]

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
        with VerticalScroll(id="results", can_focus=False):
            yield Static(
                fill(t["results_title"], number=self.card.number, title=self.card.title),
                classes="slide-title",
            )
            if vote is None:
                yield Static(Text(t["no_result"]), classes="slide-line")
                return
            yield Static(
                Text(t["indicative_vote"] if vote.round == Round.INDICATIVE else t["final_vote"]),
                classes="round-name",
            )
            # First, so that no window is too small for it.
            colour = outcome_class(vote)
            word = big_word(vote, t)
            if word:
                yield BigFigures(word, id="outcome-big", classes=colour)
            outcome = Static(outcome_word(vote, t), id="outcome", classes="outcome")
            outcome.add_class(colour)
            yield outcome
            counts, shares = vote.tallied, vote.percentages
            # Sized to the window: a wrapped bar line would leave the room without a bar.
            width, height = self.app.size
            inner = width - CHROME
            column = inner // len(vote.labels)
            fits = len(vote.labels) <= FEW_LABELS or height >= FIGURES_MIN_HEIGHT
            if fits and all(cell_len(x) < column for x in vote.labels):
                widest = max((str(c) for c in counts), key=len)
                with Horizontal(id="result-figures"):
                    for i, (label, count) in enumerate(zip(vote.labels, counts, strict=True)):
                        with Vertical(classes=f"result-count choice-{min(i, ABSTAIN)}"):
                            yield Static(plain(label), classes="result-label")
                            yield BigFigures(str(count), fit=widest)
            cells = max(8, min(BAR, inner - BAR_LINE))
            lines = Text()
            drawn = on_base(vote)
            places = range(len(counts))
            for i, label, count, share in zip(places, vote.labels, counts, shares, strict=True):
                lines.append(plain(f"{label:<14.14}"))
                if i in drawn:
                    # not deck text: the bar, the share and the count are ours or numbers
                    lines.append(f" {bar(share, cells)} {decimal(share, lang):>5} %  ({count})\n")
                else:
                    # not deck text: a count, without a bar (not part of the base)
                    lines.append(f" {'':{cells}} {'':>5}    ({count})\n")
            yield Static(lines, id="result-bars")
            yield Static(self._base(vote), id="result-base", classes="slide-line")
            ungraded = sum(counts) - sum(vote.counts)
            if ungraded:
                note = fill(counted(t, "ungraded", ungraded), n=ungraded, grade=vote.labels[-1])
                yield Static(note, id="ungraded", classes="slide-line")
            if vote.rule:
                rule = Text(f"{t['rule']}{t['colon']}{built(t, f'scr_rule_{vote.rule}')}")
                yield Static(rule, classes="slide-line")
            moved = judged.shift.for_share_points if judged.shift else None
            if moved is not None:
                points = decimal(moved, lang, signed=True)  # as the minutes write it
                yield Static(fill(t["shift"], points=points), id="shift", classes="slide-line")

    def _base(self, vote: RoundResult) -> Text:
        """What every bar is a share of, named, with its size."""
        t = self.debate.t
        if vote.method == Method.MAJORITY_JUDGMENT:
            said = t["base_grades"]
        elif vote.rule == Rule.MAJORITY_OF_PRESENT:
            said = t["base_present"]
        else:
            said = t["base_cast"]
        return fill(said, n=vote.base)

    def on_resize(self, event: Resize) -> None:
        self.refresh(recompose=True)

    def action_close(self) -> None:
        self.dismiss(None)
