"""Turn a card and its record into Rich Text for the screens (no widgets here)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from debate.deck.model import Card
from debate.record.state import CardRecord
from debate.vocabulary import Round

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
        text.append(body)
        if source:
            text.append(f"  ({source})", style="italic")
        text.append("\n")
        if response:
            text.append(f"  {t['answer_prefix']}", style="bold")
            text.append(f"{response}\n")
    hidden = len(items) - shown
    if hidden:
        text.append("· " * hidden, style="dim")
    return text


def outcome_word(result: RoundResult, t: dict[str, str]) -> str:
    """The outcome as the minutes give it (debate.record.results), in the interface's words."""
    if result.problem:
        return result.problem
    if result.median is not None:  # majority judgment
        return f"{t['median']}{t['colon']}{result.labels[result.median]}"
    return t[result.outcome]


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
        text.append(f"{t[round_.value]}{t['colon']}{counts} → ")
        text.append(outcome_word(round_result(vote), t), style="bold")
        text.append("   ")
    return text
