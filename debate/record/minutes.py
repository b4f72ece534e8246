"""The minutes of a session: plain UTF-8 text, at most 80 columns, ready for any printer.

Rendered from the state alone (plus the deck for card numbers and titles), so the same
state always gives the same text: the Session rewrites it after every event.
"""

from __future__ import annotations

from debate.deck.model import Deck
from debate.record.state import SessionState

WIDTH = 80


def render_minutes(state: SessionState, deck: Deck | None) -> str:
    """The minutes as text, ending with a newline. (First version: header only.)"""
    opened = state.opened
    title = opened.deck_title if opened else (deck.title if deck else "")
    return f"{title}\n"
