"""The card is a slide in a real terminal at every size the room may project (60x20 to
240x70): after every PageDown on every card of both default decks, and back through the
last card, the card's title is on screen at the top and the item just revealed (the
proposal before any press) is whole on screen, read from what tmux shows.

tests/tui/test_slide.py proves the same on the widgets' regions under Pilot; this one reads
the terminal: the words of the item in focus, joined across the lines they wrap on, stand
in one piece on the screen (the slide's earlier items are cut with "…", one line each, so
only the item in focus can show its text whole), and on a huge window, where the title and
the item in focus are drawn in big type, every row of their blocks is on screen."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest

from debate.deck import Deck, load_deck
from debate.deck.model import Card
from debate.i18n import words_for
from debate.presenter import reveal_order
from debate.tui.big_type import MAX_SCALE, draw_line, lines_at
from tui_terminal.meeting import flat
from tui_terminal.tmux import Pane, ScreenTimeout, Server, debate_argv

pytestmark = pytest.mark.slow

SIZES = [(60, 20), (80, 24), (120, 40), (240, 70)]
BIG_TYPE = [(240, 70)]  # the sizes where the title and the item in focus grow in letters
DECKS = {"desescalade-fr": "fr", "desescalade-en": "en"}
TOP = 3  # rows: the status line, then the title band's padding, then its first line
BLOCKS = set("▀▄█")
MARGIN = 40  # columns: the most the slide's padding and scrollbar take from big type
# The body's scrollbar, drawn at the right of the lines the item wraps on: eighths of a
# block for its thumb's ends (no deck's text holds any).
SCROLLBAR = re.compile("[▁▂▃▄▅▆▇█▔]+")


def focus_text(card: Card, step: int) -> str:
    """The words of the item in focus at `step`: the proposal, then each item revealed."""
    if step == 0:
        return card.summary
    side, index = reveal_order(card)[step - 1]
    return (card.arguments if side == "for" else card.objections)[index].text


@lru_cache(maxsize=256)
def drawings(text: str, width: int) -> tuple[tuple[str, ...], ...]:
    """Every way big type may draw `text` in a box a little narrower than the window's
    `width` (the slide's padding and the scrollbar take up to MARGIN columns, which move
    the line breaks): at each scale, its rows of blocks. A line's room is counted in
    pixels (columns // scale), so one width a pixel is tried at each scale."""
    found: dict[tuple[str, ...], None] = {}
    for scale in range(1, MAX_SCALE + 1):
        for pixels in range((width - MARGIN) // scale, width // scale + 1):
            lines = lines_at(text, scale, pixels * scale)
            if lines is not None:
                rows = tuple(row.rstrip() for line in lines for row in draw_line(line, scale))
                found[rows] = None
    return tuple(found)


def drawn_rows(screen: str, text: str, width: int) -> int | None:
    """The screen row where `text`, drawn in big type, starts with every row of its
    blocks on screen, one under the other; None if no drawing of it is whole there."""
    lines = screen.splitlines()
    for rows in drawings(text, width):
        first = rows[0].strip()
        for top, line in enumerate(lines):
            if first not in line or top + len(rows) > len(lines):
                continue
            if all(row.strip() in lines[top + n] for n, row in enumerate(rows)):
                return top
    return None


def title_row(screen: str, card: Card) -> int | None:
    """The screen row where the title band shows the card's number and title, whole
    (joined across the lines it wraps on); None if it does not."""
    title = flat(f"{card.number}. {card.title}")
    start = f"{card.number}. {card.title.split()[0]}"
    lines = screen.splitlines()
    for row, line in enumerate(lines):
        if start in line and title in flat("\n".join(lines[row : row + 4])):
            return row
    return None


def slide_problem(
    screen: str, deck: Deck, card: Card, step: int, lang: str, size: tuple[int, int]
) -> str:
    """What is wrong with the slide on `screen` for `card` at `step`, or "" if nothing."""
    t = words_for(lang)
    lines = screen.splitlines()
    status = lines[0] if lines else ""
    if f"{t['card']} {card.number}/{len(deck.cards)}" not in status:
        return "the status line does not name the card"
    steps = len(card.arguments) + len(card.objections)
    if f"{step}/{steps} · " not in flat(screen):
        return f"the hint does not say {step}/{steps}"
    text = focus_text(card, step)
    if size in BIG_TYPE:  # the words in blocks: every row of their drawing on screen
        title = drawn_rows(screen, f"{card.number}. {card.title}", size[0])
        if title is None or title > TOP:
            return f"the title in big type, whole at the top (found at row {title})"
        if not BLOCKS & set("".join(lines[title + 1 :])):
            return "no big type under the title"
        focus = drawn_rows(screen, text, size[0])
        if focus is None or focus <= title:
            return "the item in focus in big type, whole, under the title"
        return ""
    row = title_row(screen, card)
    if row is None or row > TOP - 1:
        return f"the title whole near the top (found at row {row})"
    words = text.split()
    shown = flat(SCROLLBAR.sub(" ", "\n".join(lines[row + 1 :])))
    if words[0] not in shown or words[-1] not in shown or flat(text) not in shown:
        return f"the item in focus whole ({words[0]!r} … {words[-1]!r})"
    return ""


def check_slide(
    pane: Pane, deck: Deck, card: Card, step: int, lang: str, size: tuple[int, int]
) -> None:
    """Wait for the slide of `card` at `step` to be whole on screen; fail with the screen."""
    width, height = size
    where = f"card {card.number}, step {step}, {width}x{height}"
    problem: list[str] = []

    def whole(screen: str) -> bool:
        problem[:] = [slide_problem(screen, deck, card, step, lang, size)]
        return not problem[0]

    whole.__doc__ = f"the slide whole: {where}"
    try:
        pane.wait_for(whole)
    except ScreenTimeout as timeout:
        pytest.fail(f"{where}: {problem[0]}\n{timeout}", pytrace=False)


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
@pytest.mark.parametrize("name", list(DECKS))
def test_the_item_revealed_last_is_whole_on_screen_after_every_press(
    tmux: Callable[..., Server], sessions: Path, name: str, width: int, height: int
) -> None:
    deck, lang, size = load_deck(name), DECKS[name], (width, height)
    server = tmux(width, height)
    argv = debate_argv(
        "run", name, "--sessions", sessions, "--place", "X", "--attendance", "20", "--lang", lang
    )
    pane = server.start(argv)
    for number, card in enumerate(deck.cards, start=1):
        steps = len(card.arguments) + len(card.objections)
        for step in range(steps + 1):
            check_slide(pane, deck, card, step, lang, size)
            if number < len(deck.cards) or step < steps:
                pane.press("PageDown")
    # Back through the last card: each item comes back into focus, whole.
    for step in range(steps - 1, steps - 4, -1):
        pane.press("PageUp")
        check_slide(pane, deck, card, step, lang, size)
