"""The deck as a plain-text paper handout: 80 columns, one card per page, a QR per card."""

from __future__ import annotations

from debate.deck.model import Card, Deck
from debate.i18n import labels
from debate.qr import QRTooLarge, qr_lines
from debate.textutil import columns, wrap

WIDTH = 80
FORM_FEED = "\f"


def render_handout(deck: Deck) -> str:
    """All cards, separated by form feeds so that each starts a new printed page."""
    pages = [render_card(deck, card) for card in deck.cards]
    return FORM_FEED.join("\n".join(lines) + "\n" for lines in pages)


def render_card(deck: Deck, card: Card) -> list[str]:
    t = labels(deck.language)
    out = wrap(deck.title, WIDTH)
    heading = wrap(f"{t['card']} {card.number}/{len(deck.cards)} · {card.title}", WIDTH)
    out += ["", *heading, "=" * max(map(columns, heading))]
    out += ["", *wrap(card.summary, WIDTH)]
    if card.arguments:
        out += ["", t["arguments"], "-" * columns(t["arguments"])]
        for arg in card.arguments:
            out += wrap(_with_source(arg.text, arg.source, t["source"]), WIDTH, "+ ", "  ")
    if card.objections:
        out += ["", t["objections"], "-" * columns(t["objections"])]
        for obj in card.objections:
            out += wrap(_with_source(obj.text, obj.source, t["source"]), WIDTH, "- ", "  ")
            if obj.response:
                out += wrap(f"{t['response']} {obj.response}", WIDTH, "  > ", "    ")
    if card.questions:
        out += ["", t["questions"], "-" * columns(t["questions"])]
        for question in card.questions:
            out += wrap(question, WIDTH, "? ", "  ")
    if card.sources:
        out += ["", t["sources"], "-" * columns(t["sources"])]
        for src in card.sources:
            out += wrap(f"{src.title}: {src.url}" if src.url else src.title, WIDTH, "* ", "  ")
    out += ["", *_qr_block(card.first_url, t)]
    return out


def _with_source(text: str, source: str | None, word: str) -> str:
    return f"{text} ({word} {source})" if source else text


def _qr_block(url: str | None, t: dict[str, str]) -> list[str]:
    if not url:
        return [t["no_source"]]
    try:
        return [t["qr_caption"], *qr_lines(url, WIDTH)]
    except QRTooLarge:  # a URL too long for 80 columns is still printed in full above
        return [t["qr_too_long"]]
