"""`debate check [--strict] [DECK...]`: ok, or one FILE:LINE:COLUMN line per problem; then
one FILE:LINE line per warning (debate.deck.balance: a one-sided or long card), errors with
--strict."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from debate import cli_lang
from debate.cli_words import W, tell
from debate.commands import fail

if TYPE_CHECKING:
    from debate.deck import Deck
    from debate.said import Said


def register(sub: Any) -> None:
    parser = sub.add_parser("check", help=tell(W.check_help), description=tell(W.check_description))
    parser.add_argument("--strict", action="store_true", help=tell(W.strict_help))
    parser.add_argument("decks", nargs="*", metavar=tell(W.deck), help=tell(W.deck_arg))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from debate.deck import DeckError, DeckNotFound, load_deck

    worst = 0
    for spec in args.decks or [None]:
        try:
            deck = load_deck(spec, cached=False)  # a check reads the file, whatever is cached
        except DeckNotFound as exc:
            worst = max(worst, fail(exc, 2))
        except DeckError as exc:
            print("\n".join(exc.lines(cli_lang.current())))
            worst = max(worst, 1)
        else:
            cli_lang.fallback(deck.language)
            worst = max(worst, report(deck, args.strict))
    return worst


def report(deck: Deck, strict: bool) -> int:
    """The ok line and the deck's warnings; 1 if --strict and there are any."""
    from debate.deck.balance import deck_findings

    found = deck_findings(deck)
    level = tell(W.level_error if strict else W.level_warning)
    if not (strict and found):
        tail = plural(len(found), W.one_warning, W.warnings) if found else ""
        cards = plural(len(deck.cards), W.one_card, W.cards)
        print(tell(W.ok, path=deck.path, title=deck.title, cards=cards, warnings=tail))
    for finding in found:
        card = finding.card
        if card is None:
            print(tell(W.finding, where=deck.path, level=level, message=finding.phrase))
        else:
            where = f"{deck.path}:{card.line}" if card.line else deck.path
            message = finding.phrase
            print(tell(W.card_finding, where=where, level=level, card=card.id, message=message))
    return 1 if strict and found else 0


def plural(n: int, one: Said, many: Said) -> str:
    return tell(one) if n == 1 else tell(many, n=n)
