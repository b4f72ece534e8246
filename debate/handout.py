"""The deck as a plain-text paper handout: 80 columns, one card per page, a QR per card,
then the glossary and the deck's references."""

from __future__ import annotations

from collections.abc import Sequence

from debate.deck.model import Card, Deck, Item
from debate.i18n import Words, words_for
from debate.qr import QRTooLarge, qr_lines
from debate.textutil import columns, wrap

WIDTH = 80
FORM_FEED = "\f"
# A printed page of plain text: the page length `pr` and nroff assume. A card longer
# than this spills onto a second sheet (debate check warns; see debate/deck/balance.py).
PAGE_LINES = 66


def render_handout(deck: Deck) -> str:
    """All cards, then the glossary and the references, separated by form feeds so that
    each starts a new printed page."""
    pages = [render_card(deck, card) for card in deck.cards]
    pages += render_glossary(deck) + render_references(deck)
    return FORM_FEED.join("\n".join(lines) + "\n" for lines in pages)


def render_card(deck: Deck, card: Card) -> list[str]:
    t = words_for(deck.language)
    out = wrap(deck.title, WIDTH)
    heading = wrap(f"{t['card']} {card.number}/{len(deck.cards)} · {card.title}", WIDTH)
    out += ["", *heading, "=" * max(map(columns, heading))]
    out += ["", *wrap(card.summary, WIDTH)]
    if card.arguments:
        out += ["", *_heading(t["arguments"]), *_items(card.arguments, "+", t)]
    if card.objections:
        out += ["", *_heading(t["objections"]), *_items(card.objections, "-", t)]
    if card.questions:
        out += ["", *_heading(t["questions"])]
        for question in card.questions:
            out += wrap(question, WIDTH, "? ", "  ")
    if card.sources:
        out += ["", *_heading(t["sources"])]
        for src in card.sources:
            said = f"{src.title}{t['colon']}{src.url}" if src.url else src.title
            out += wrap(said, WIDTH, "* ", "  ")
    out += ["", *_qr_block(card.first_url, t)]
    return out


def render_glossary(deck: Deck) -> list[list[str]]:
    """The glossary's pages (none without a glossary)."""
    t = words_for(deck.language)
    entries = [wrap(f"{term}{t['colon']}{what}", WIDTH, "", "    ") for term, what in deck.glossary]
    return _paged(deck, t["glossary"], entries)


def render_references(deck: Deck) -> list[list[str]]:
    """The documents behind the cards, with their exact titles (the cards name them
    short): where a URL is only a home page, the note says so."""
    t = words_for(deck.language)
    entries = []
    for ref in deck.references:
        entry = wrap(ref.title, WIDTH, "* ", "  ")
        if ref.url:
            entry += wrap(ref.url, WIDTH, "  ", "  ")
        if ref.note:
            entry += wrap(ref.note, WIDTH, "  ", "  ")
        entries.append(entry)
    return _paged(deck, t["references"], entries)


def _paged(deck: Deck, heading: str, entries: list[list[str]]) -> list[list[str]]:
    """Entries on pages (none without entries) of at most PAGE_LINES lines, each under the
    deck's title and `heading`; an entry is never split across two pages."""
    pages: list[list[list[str]]] = []
    room = PAGE_LINES - 4  # the deck's title, a blank line, the heading and its rule
    for entry in entries:
        if not pages or sum(len(e) for e in pages[-1]) + len(entry) > room:
            pages.append([])
        pages[-1].append(entry)
    out = []
    for n, page in enumerate(pages, 1):
        title = heading if len(pages) == 1 else f"{heading} ({n}/{len(pages)})"
        head = [*wrap(deck.title, WIDTH)[:1], "", *_heading(title)]
        out.append(head + [line for entry in page for line in entry])
    return out


def _heading(title: str) -> list[str]:
    return [title, "-" * columns(title)]


def _items(items: Sequence[Item], mark: str, t: Words) -> list[str]:
    """Arguments or objections: each side printed the same way, its answer under it."""
    out = []
    for item in items:
        said = item.text + (f" — {item.by}" if item.by else "")
        out += wrap(_with_source(said, item.source, t["source"]), WIDTH, f"{mark} ", "  ")
        if item.response:
            out += wrap(f"{t['response']} {item.response}", WIDTH, "  > ", "    ")
    return out


def _with_source(text: str, source: str | None, word: str) -> str:
    return f"{text} ({word} {source})" if source else text


def _qr_block(url: str | None, t: Words) -> list[str]:
    if not url:
        return [t["no_source"]]
    try:
        return [t["qr_caption"], *qr_lines(url, WIDTH)]
    except QRTooLarge:  # a URL too long for 80 columns is still printed in full above
        return [t["qr_too_long"]]
