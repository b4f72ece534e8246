"""Decks: the YAML format, its loader and the immutable model. Never imports Textual."""

from debate.deck.errors import DeckError, DeckNotFound, Problem
from debate.deck.loader import DEFAULT_DECK, embedded_names, load_deck, parse_deck, resolve
from debate.deck.model import Argument, Card, Deck, Objection, Source, VoteSpec
from debate.vocabulary import Method, Ungraded

__all__ = [
    "DEFAULT_DECK",
    "Argument",
    "Card",
    "Deck",
    "DeckError",
    "DeckNotFound",
    "Method",
    "Objection",
    "Problem",
    "Source",
    "Ungraded",
    "VoteSpec",
    "embedded_names",
    "load_deck",
    "parse_deck",
    "resolve",
]
