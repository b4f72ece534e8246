"""The keys a deck may write, at each level, and the vote's default labels by language.

What docs/deck-format.md allows; the checker (validate.py) refuses any other key.
"""

from __future__ import annotations

from debate.deck.model import Side

DECK_KEYS = (
    "title",
    "language",
    "description",
    "source",
    "vote",
    "glossary",
    "references",
    "cards",
)
CARD_KEYS = (
    "id",
    "title",
    "summary",
    "first",
    "arguments",
    "objections",
    "questions",
    "sources",
    "vote",
)
VOTE_KEYS = ("method", "choices", "grades", "rule", "ungraded")
ITEM_KEYS = ("text", "source", "by", "response")  # an argument's, and an objection's
SIDES: tuple[Side, ...] = ("for", "against")
SOURCE_KEYS = ("title", "url")
REFERENCE_KEYS = ("title", "url", "note")

DEFAULT_CHOICES = {
    "fr": ("Pour", "Contre", "Abstention"),
    "en": ("For", "Against", "Abstain"),
}


def default_choices(language: str) -> tuple[str, ...]:
    return DEFAULT_CHOICES.get(language.split("-")[0].lower(), DEFAULT_CHOICES["en"])
