"""What comes next, for the facilitator's eyes only: the next item to reveal (or the next
card), and the card's questions to have in mind. Shown on the card screen only while a
room's window follows the meeting (`debate room`): with one screen, the wall is the
facilitator's window, and the next argument must not show before its press."""

from __future__ import annotations

from rich.text import Text

from debate.deck.model import Deck
from debate.i18n import Words
from debate.presenter import Presenter, reveal_order
from debate.tui.plain import fill

EXCERPT = 90  # characters of the next item: a reminder, not the item


def next_hint(deck: Deck, presenter: Presenter, t: Words) -> Text:
    card = presenter.card
    order = reveal_order(card)
    if presenter.step < len(order):
        side, i = order[presenter.step]
        item = card.arguments[i] if side == "for" else card.objections[i]
        words = " ".join(item.text.split())
        excerpt = words if len(words) <= EXCERPT else words[: EXCERPT - 1] + "…"
        hint = fill(t["next_item"], side=t[side], text=excerpt)
    elif presenter.index + 1 < len(deck.cards):
        following = deck.cards[presenter.index + 1]
        hint = fill(t["next_card"], number=following.number, title=following.title)
    else:
        hint = Text(t["next_end"])
    if card.questions and not presenter.fully_revealed:  # then the card shows them itself
        asked = " · ".join(" ".join(q.split()) for q in card.questions)
        hint.append("\n").append(fill(t["next_questions"], questions=asked))
    return hint
