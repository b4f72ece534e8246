"""The card is a slide at every size the room may project (60x20 to 240x70): after every
press on every card of both default decks, the title band and the item just revealed
(the proposal before any press) are whole on screen, measured on the widgets' regions
against the screen, and at most one scrollbar shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from debate.deck import Deck, load_deck
from debate.presenter import reveal_order
from debate.tui.app import DebateApp
from debate.tui.screens.card import CardScreen
from debate.tui.widgets.big_figures import BigFigures
from debate.tui.widgets.big_text import BigText
from debate.tui.widgets.speaker_timer import SpeakerTimer

from .conftest import MakeApp
from .tuitools import flat, region_text, until

SIZES = [(60, 20), (80, 24), (120, 40), (240, 70)]
BIG_TYPE = [(240, 70)]  # the sizes where the title and the item in focus grow in letters
DECKS = {"desescalade-fr": "fr", "desescalade-en": "en"}


def card_screen(app: DebateApp) -> CardScreen:
    assert isinstance(app.screen, CardScreen)
    return app.screen


def focus_in_view(app: DebateApp) -> bool:
    screen = card_screen(app)
    body = screen.query_one("#card-body")
    return body.content_region.contains_region(screen.query_one("#focus").region)


def scrollbars(app: DebateApp) -> int:
    widgets: list[Widget] = [app.screen, *app.screen.query("*")]
    return sum(w.show_vertical_scrollbar + w.show_horizontal_scrollbar for w in widgets)


async def check_slide(pilot: Pilot[Any], app: DebateApp, width: int, height: int) -> None:
    screen = card_screen(app)
    card, step = screen.presenter.card, screen.presenter.step
    where = f"card {card.number}, step {step}, {width}x{height}"
    await until(pilot, lambda: focus_in_view(app), f"the item in focus in view: {where}")
    title = screen.query_one("#card-title", BigText)
    assert app.screen.region.contains_region(title.region), where
    assert title.region.y <= 2, where  # on top, under the status line
    # The item in focus, whole: its region inside the body's visible part, and its words
    # drawn there (the first and the last of its text).
    focus = screen.query_one("#focus", BigText)
    assert app.screen.region.contains_region(focus.region), where
    if step == 0:
        text = card.summary
    else:
        side, index = reveal_order(card)[step - 1]
        text = (card.arguments if side == "for" else card.objections)[index].text
    big = (width, height) in BIG_TYPE
    # Big letters on a big window; below, ordinary type, as before.
    assert title.big == big, where
    assert focus.big == big, where
    if title.big:  # the words in blocks: those given to the font, all its rows drawn
        assert title.words.words == f"{card.number}. {card.title}", where
        assert drawn_rows(app, "#card-title"), where
    else:
        assert flat(f"{card.number}. {card.title}") in flat(region_text(app, "#card-title")), where
    if focus.big:
        assert focus.words.words == text, where
        assert drawn_rows(app, "#focus"), where
        assert set(region_text(app, "#focus")) & set("▀▄█"), where
    else:
        shown = flat(region_text(app, "#focus"))
        words = text.split()
        assert words[0] in shown and words[-1] in shown, (where, shown)
    assert scrollbars(app) <= 1, where


def drawn_rows(app: DebateApp, selector: str) -> bool:
    """Every row of big type the widget renders is on screen, in its region."""
    widget = app.screen.query_one(selector, BigText)
    rows = [row for row in widget.render().plain.split("\n") if set(row) & set("▀▄█")]
    shown = region_text(app, selector).split("\n")
    return all(any(row.strip() in line for line in shown) for row in rows)


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
@pytest.mark.parametrize("name", list(DECKS))
async def test_the_item_revealed_last_is_whole_on_screen_after_every_press(
    make_app: MakeApp, name: str, width: int, height: int
):
    deck = load_deck(name)
    app = make_app(deck, lang=DECKS[name])
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        for number, card in enumerate(deck.cards, start=1):
            screen = card_screen(app)
            assert screen.presenter.card.number == number
            for _ in range(len(card.arguments) + len(card.objections) + 1):
                await check_slide(pilot, app, width, height)
                if number < len(deck.cards) or not screen.presenter.fully_revealed:
                    await pilot.press("pagedown")
        # Back through the last card: each item comes back into focus, whole.
        for _ in range(3):
            await pilot.press("pageup")
            await check_slide(pilot, app, width, height)


def one_card_deck(folder: Path, title: str, *arguments: str) -> Deck:
    """A deck of one card with `title` and `arguments` (YAML scalars, quoted)."""
    listed = ", ".join(f"{{text: {text}}}" for text in arguments)
    deck_file = folder / "deck.yaml"
    deck_file.write_text(
        "title: T\nlanguage: en\ncards:\n"
        f"  - {{id: a, title: {title}, summary: 'Short and sweet.', arguments: [{listed}]}}\n",
        encoding="utf-8",
    )
    return load_deck(str(deck_file))


def timer_rows(app: DebateApp) -> list[str]:
    """The rows of blocks the speaker timer's figures render."""
    digits = app.screen.query_one("#timer-digits", BigFigures)
    return [row for row in digits.render().plain.split("\n") if set(row) & set("▀▄█")]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
async def test_the_slide_holds_with_the_speaker_timer_running(
    make_app: MakeApp, width: int, height: int
):
    """With the timer running, on every step of every card: the title band and
    the item revealed last whole on screen, in big type on a huge window as without the
    timer (the title's band gives up its margins); the timer's figures drawn whole, 3 rows
    on a small window and at least a quarter of the screen on a huge one."""
    deck = load_deck("desescalade-en")
    app = make_app(deck)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await until(pilot, lambda: card_screen(app).query("#timer-digits"), "the timer")
        timer = card_screen(app).query_one("#timer", SpeakerTimer)
        assert timer.ticking
        for card in deck.cards:
            for _ in range(len(card.arguments) + len(card.objections) + 1):
                await check_slide(pilot, app, width, height)
                rows = timer_rows(app)
                digits = card_screen(app).query_one("#timer-digits", BigFigures)
                assert app.screen.region.contains_region(timer.region)
                shown = region_text(app, "#timer-digits").split("\n")
                assert all(any(row.strip() in line for line in shown) for row in rows)
                if height <= 24:
                    assert len(rows) == 3 and digits.scale == 1
                if (width, height) in BIG_TYPE:
                    assert len(rows) >= height / 4, len(rows)
                await pilot.press("pagedown")


async def test_big_type_falls_back_to_ordinary_type_where_it_cannot_draw(
    make_app: MakeApp, tmp_path: Path
):
    """A title with a character the font lacks, and an item with a word too wide for a
    line of big type, are shown in ordinary type, whole; the next item, in big type."""
    word = "x" * 60
    app = make_app(one_card_deck(tmp_path, "'会議 [b]x[/b]'", f"'One {word}'", "'Plain words'"))
    async with app.run_test(size=(240, 70)) as pilot:
        await pilot.pause()
        title = card_screen(app).query_one("#card-title", BigText)
        focus = card_screen(app).query_one("#focus", BigText)
        assert not title.big and "1. 会議 [b]x[/b]" in region_text(app, "#card-title")
        assert focus.big  # the proposal
        await pilot.press("pagedown")
        await until(pilot, lambda: not focus.big, "the long word in ordinary type")
        assert f"One {word}" in flat(region_text(app, "#focus"))
        await pilot.press("pagedown")
        await until(pilot, lambda: focus.big, "the next item in big type")
        assert "Plain" not in region_text(app, "#focus")  # drawn in blocks, not letters
        # A window too short for big type: ordinary type again, nothing else changed.
        await pilot.resize_terminal(240, 50)
        await until(pilot, lambda: not focus.big, "ordinary type below 56 rows")
        assert "Plain words" in flat(region_text(app, "#focus"))


@pytest.mark.parametrize("height", [56, 60, 70, 75])
async def test_starting_the_timer_never_grows_the_title(
    make_app: MakeApp, tmp_path: Path, height: int
):
    """Beside the timer the title's band loses its margins so that the item keeps its
    big type; a short title must not take them for larger letters (it did: "Budget" went
    from 10 rows of blocks to 15 at 240x70, and the item lost rows instead of gaining)."""
    app = make_app(one_card_deck(tmp_path, "'Budget'", "'Plain words'"))
    async with app.run_test(size=(240, height)) as pilot:
        await pilot.pause()
        screen = card_screen(app)
        title = screen.query_one("#card-title", BigText)
        focus = screen.query_one("#focus", BigText)
        assert title.big
        before = len(title.render().plain.split("\n"))
        band = title.region.height
        await pilot.press("t")
        await until(pilot, lambda: screen.query("#timer-digits"), "the timer")
        await pilot.pause()
        assert title.big
        assert len(title.render().plain.split("\n")) <= before
        assert title.region.height < band  # the margins went to the item
        assert focus.big
