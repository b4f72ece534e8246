"""Turn a card and its record into Rich Text for the screens (no widgets here).

Deck and journal text goes in as plain text (debate.tui.plain), never as markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from debate.deck.model import Card, Item, Side, Source
from debate.i18n import built
from debate.presenter import reveal_order
from debate.records import record
from debate.told import say
from debate.tui.plain import plain
from debate.vocabulary import Round

if TYPE_CHECKING:
    from debate.i18n import Words
    from debate.record.results import CardResult, RoundResult


def arguments_text(card: Card, shown: int, t: Words) -> Text:
    return _side(t["for"], "+ ", card.arguments, shown, t)


def objections_text(card: Card, shown: int, t: Words) -> Text:
    return _side(t["against"], "− ", card.objections, shown, t)


def _side(heading: str, mark: str, items: Sequence[Item], shown: int, t: Words) -> Text:
    """One column of the card: its heading, the items revealed so far (text, who says it
    and its source in small print, then the other side's answer), then a dot for each
    item still hidden. Both sides are drawn by this one function, so alike."""
    text = Text()
    text.append(f"{heading}\n", style="bold underline")
    for item in items[:shown]:
        text.append(mark, style="bold")
        text.append(plain(item.text, lines=True))
        if item.by:
            text.append(plain(f"  — {item.by}", style="italic"))
        if item.source:
            text.append(plain(f"  ({item.source})", style="italic"))
        text.append("\n")
        if item.response:
            text.append(f"  {t['answer_prefix']}", style="bold")
            text.append(plain(item.response, lines=True))
            text.append("\n")
    hidden = len(items) - shown
    if hidden:
        text.append("· " * hidden, style="dim")
    return text


MARKS: dict[Side, str] = {"for": "+ ", "against": "− "}


def item_of(card: Card, side: Side, index: int) -> Item:
    return card.arguments[index] if side == "for" else card.objections[index]


def small_print(item: Item) -> Text:
    """Who says it and where it comes from, as the whole card words it: one line under
    the item on the slide, not half of it."""
    said = Text(style="italic")
    if item.by:
        said.append(plain(f"— {item.by}"))
    if item.source:
        said.append(plain(f" ({item.source})" if item.by else f"({item.source})"))
    return said


def focus_text(card: Card, step: int, t: Words) -> Text:
    """The slide's item in focus, whole: the proposal before any press, then the item
    revealed last, with its side, its place in that side, its small print and its answer."""
    if step == 0:
        return plain(card.summary, lines=True)
    side, index = reveal_order(card)[step - 1]
    item = item_of(card, side, index)
    total = len(card.arguments if side == "for" else card.objections)
    text = Text(f"{t[side]} {index + 1}/{total}\n", style="bold underline")
    text.append(MARKS[side], style="bold")
    text.append(plain(item.text, lines=True, style="bold"))
    said = small_print(item)
    if said:
        text.append("\n").append(said)
        said.stylize("dim")
    if item.response:
        text.append(f"\n{t['answer_prefix']}", style="bold")
        text.append(plain(item.response, lines=True))
    return text


@record(frozen=True)
class BigWords:
    """What a widget that may draw words in big type shows (debate.tui.widgets.big_text):
    `ordinary` where big type does not fit; else `head`, then `words` in big type, then
    `tail`, each in ordinary type (empty: left out)."""

    ordinary: Text
    words: str = ""
    head: Text = field(default_factory=Text)
    tail: Text = field(default_factory=Text)


def title_words(card: Card) -> BigWords:
    """The slide's band: the card's number and title, in big type when they fit."""
    title = plain(f"{card.number}. {card.title}")
    return BigWords(title, title.plain)


def focus_words(card: Card, step: int, t: Words) -> BigWords:
    """The item in focus (focus_text), its words alone in big type when they fit: its
    side and place above them, its small print and its answer below, in ordinary type."""
    ordinary = focus_text(card, step, t)
    if step == 0:
        return BigWords(ordinary, plain(card.summary, lines=True).plain)
    side, index = reveal_order(card)[step - 1]
    item = item_of(card, side, index)
    total = len(card.arguments if side == "for" else card.objections)
    head = Text(f"{MARKS[side]}{t[side]} {index + 1}/{total}", style="bold underline")
    tail = small_print(item)
    tail.stylize("dim")
    if item.response:
        if tail:
            tail.append("\n")
        tail.append(t["answer_prefix"], style="bold")
        tail.append(plain(item.response, lines=True))
    return BigWords(ordinary, plain(item.text, lines=True).plain, head, tail)


def one_line(text: str) -> str:
    return " ".join(text.split())


def history_text(card: Card, step: int) -> Text:
    """What was shown before the item in focus, one line each (the widget cuts them with
    "…"): the proposal, then the items revealed earlier, with their side's mark."""
    if step == 0:
        return Text()
    lines = [plain(one_line(card.summary))]
    for side, index in reveal_order(card)[: step - 1]:
        line = Text(MARKS[side], style="bold")
        lines.append(line.append(plain(one_line(item_of(card, side, index).text))))
    return Text("\n").join(lines)


def glossary_table(glossary: Sequence[tuple[str, str]]) -> Table:
    """The deck's terms and their explanations, as Text: never read as markup."""
    table = Table.grid(padding=(0, 3))
    table.add_column(style="bold", max_width=30)  # a long term wraps; the explanations stay in view
    table.add_column()
    for term, explained in glossary:
        table.add_row(plain(term), plain(explained))
    return table


def references_text(references: Sequence[Source]) -> Text:
    """The deck's documents, exact title first, then the URL and what to know of it."""
    text = Text()
    for n, ref in enumerate(references):
        if n:
            text.append("\n\n")
        text.append_text(plain(ref.title, lines=True, style="bold"))
        for extra, style in ((ref.url, ""), (ref.note, "italic")):
            if extra:
                text.append("\n  ")
                text.append_text(plain(extra, lines=True, style=style))
    return text


def outcome_word(result: RoundResult, t: Words, *, round_named: bool = False) -> Text:
    """The outcome as the minutes give it (debate.record.results), in the interface's words
    (a grade is the deck's, or the journal's: plain text). An indicative round is a
    sounding of the room: it says where the majority stands, never "adopted", and says
    that it is indicative unless `round_named` (the line already does)."""
    if result.problem:
        return plain(say(result.why, t["lang"]) if result.why else result.problem)
    if result.median is not None:  # majority judgment
        return plain(f"{t['median']}{t['colon']}{result.labels[result.median]}")
    if result.round == Round.INDICATIVE and f"lean_{result.outcome}" in t:
        lean = built(t, f"lean_{result.outcome}")
        return Text(lean if round_named else f"{t['indicative'].upper()}{t['colon']}{lean}")
    return Text(built(t, result.outcome))


def outcome_class(result: RoundResult) -> str:
    """The stylesheet's class for an outcome's colour: adopted, rejected, or neither (a
    tie, no votes, a grade, an indicative round, a problem)."""
    if result.problem or result.round == Round.INDICATIVE:
        return "-neutral"
    return {"adopted": "-adopted", "rejected": "-rejected"}.get(result.outcome, "-neutral")


def votes_line(judged: CardResult | None, t: Words) -> Text:
    """The card screen's line of votes: each round's counts and outcome, as judged once
    by the meeting (View.results); None for a card without a vote."""
    if judged is None or not judged.rounds:
        return Text(t["no_votes_yet"], style="dim")
    text = Text(f"{t['votes']}{t['colon']}", style="bold")
    for vote in judged.rounds:  # indicative first
        counts = " · ".join(
            f"{label} {n}" for label, n in zip(vote.labels, vote.counts, strict=True)
        )
        text.append(f"{t[vote.round.value]}{t['colon']}")
        text.append(plain(f"{counts} → "))
        outcome = outcome_word(vote, t, round_named=True)
        outcome.stylize("bold")
        text.append(outcome)
        text.append("   ")
    return text


@record(frozen=True)
class Confirmation:
    """What the card's status line says after the save mark, until the next move: a
    vote recorded, or a notice (which a toast would draw over the results or the vote
    window). `short` words it for a narrow window; `recorded` says it was written, so
    that it may stand in the place of the save mark's word."""

    text: str
    short: str = ""
    recorded: bool = False


def status_line(
    width: int,
    mark: Text,
    said: Sequence[str],
    tail: str,
    title: Text,
    *,
    merged: Text | None = None,
) -> Text:
    """The card's status line in `width` cells: `mark`, the first of `said`'s wordings
    (longest first) that leaves room for `tail` (the card and the attendance, never cut),
    else the last one cut with "…"; the deck's title at the end, cut by the Static.
    `merged` (a "✓ ") takes the mark's place before a wording that says it was saved."""
    room = width - cell_len(tail)
    end = Text(tail).append(" · ").append_text(title)
    if merged is not None:
        chosen = _fit(room - merged.cell_len, said)
        if chosen is not None:
            return Text.assemble(merged, chosen, end)
    chosen = _fit(room - mark.cell_len - len(" · "), said)
    if chosen is None:
        return Text.assemble(mark, end)
    return Text.assemble(mark, " · ", chosen, end)


MIN_SAID = 8  # cells: less than this of a confirmation says nothing


def _fit(room: int, said: Sequence[str]) -> Text | None:
    """The longest of `said`'s wordings (longest first) that fits `room` cells, else the
    last one cut with "…"; None if even that leaves less than MIN_SAID."""
    for wording in said:
        if cell_len(wording) <= room:
            return plain(wording, style="bold")
    if not said or room < MIN_SAID:
        return None
    cut = plain(said[-1], style="bold")
    cut.truncate(room, overflow="ellipsis")
    return cut
