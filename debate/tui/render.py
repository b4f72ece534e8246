"""Turn a card and its record into Rich Text for the screens (no widgets here).

Deck and journal text goes in as plain text (debate.tui.plain), never as markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from debate.deck.model import Card, Item, Source
from debate.told import say
from debate.tui.plain import plain

if TYPE_CHECKING:
    from debate.record.results import CardResult, RoundResult


def arguments_text(card: Card, shown: int, t: dict[str, str]) -> Text:
    return _side(t["for"], "+ ", card.arguments, shown, t)


def objections_text(card: Card, shown: int, t: dict[str, str]) -> Text:
    return _side(t["against"], "− ", card.objections, shown, t)


def _side(heading: str, mark: str, items: Sequence[Item], shown: int, t: dict[str, str]) -> Text:
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


def outcome_word(result: RoundResult, t: dict[str, str]) -> Text:
    """The outcome as the minutes give it (debate.record.results), in the interface's words
    (a grade is the deck's, or the journal's: plain text)."""
    if result.problem:
        return plain(say(result.why, t["lang"]) if result.why else result.problem)
    if result.median is not None:  # majority judgment
        return plain(f"{t['median']}{t['colon']}{result.labels[result.median]}")
    return Text(t[result.outcome])


def votes_line(judged: CardResult, t: dict[str, str]) -> Text:
    """The card screen's line of votes: each round's counts and outcome, as judged once
    by the meeting (View.results)."""
    if not judged.rounds:
        return Text(t["no_votes_yet"], style="dim")
    text = Text(f"{t['votes']}{t['colon']}", style="bold")
    for vote in judged.rounds:  # indicative first
        counts = " · ".join(
            f"{label} {n}" for label, n in zip(vote.labels, vote.counts, strict=True)
        )
        text.append(f"{t[vote.round.value]}{t['colon']}")
        text.append(plain(f"{counts} → "))
        outcome = outcome_word(vote, t)
        outcome.stylize("bold")
        text.append(outcome)
        text.append("   ")
    return text
