"""Turn a card and its record into Rich Text for the screens (no widgets here).

Deck and journal text goes in as plain text (debate.tui.plain), never as markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from debate.deck.model import Card
from debate.record.events import Round
from debate.record.state import CardRecord
from debate.tui.plain import plain

if TYPE_CHECKING:
    from debate.record.results import RoundResult


def arguments_text(card: Card, shown: int, t: dict[str, str]) -> Text:
    items = [(a.text, a.source, None) for a in card.arguments]
    return _side(t["for"], "+ ", items, shown, t)


def objections_text(card: Card, shown: int, t: dict[str, str]) -> Text:
    items = [(o.text, o.source, o.response) for o in card.objections]
    return _side(t["against"], "− ", items, shown, t)


def _side(
    heading: str,
    mark: str,
    items: Sequence[tuple[str, str | None, str | None]],
    shown: int,
    t: dict[str, str],
) -> Text:
    """One column of the card: its heading, the items revealed so far (text, source, and
    an objection's answer), then a dot for each item still hidden."""
    text = Text()
    text.append(f"{heading}\n", style="bold underline")
    for body, source, response in items[:shown]:
        text.append(mark, style="bold")
        text.append(plain(body, lines=True))
        if source:
            text.append(plain(f"  ({source})", style="italic"))
        text.append("\n")
        if response:
            text.append(f"  {t['answer_prefix']}", style="bold")
            text.append(plain(response, lines=True))
            text.append("\n")
    hidden = len(items) - shown
    if hidden:
        text.append("· " * hidden, style="dim")
    return text


def outcome_word(result: RoundResult, t: dict[str, str]) -> Text:
    """The outcome as the minutes give it (debate.record.results), in the interface's words
    (a grade is the deck's, or the journal's: plain text)."""
    if result.problem:
        return plain(result.problem)
    if result.median is not None:  # majority judgment
        return plain(f"{t['median']}{t['colon']}{result.labels[result.median]}")
    return Text(t[result.outcome])


def votes_line(record: CardRecord, t: dict[str, str]) -> Text:
    if not record.votes:
        return Text(t["no_votes_yet"], style="dim")
    # Here, not at the top: card 1 of a new meeting has no votes, and the start-up need
    # not import how they are judged.
    from debate.record.results import round_result

    text = Text(f"{t['votes']}{t['colon']}", style="bold")
    for round_ in (Round.INDICATIVE, Round.FINAL):
        vote = record.vote(round_)
        if vote is None:
            continue
        counts = " · ".join(
            f"{label} {n}" for label, n in zip(vote.labels, vote.counts, strict=True)
        )
        text.append(f"{t[round_.value]}{t['colon']}")
        text.append(plain(f"{counts} → "))
        outcome = outcome_word(round_result(vote), t)
        outcome.stylize("bold")
        text.append(outcome)
        text.append("   ")
    return text
