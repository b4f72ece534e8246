"""The card is a slide at every size the room may project (60x20 to 240x70): after every
press on every card of both default decks, the title band and the item just revealed
(the proposal before any press) are whole on screen, measured on the widgets' regions
against the screen, and at most one scrollbar shows."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from debate.deck import load_deck
from debate.presenter import reveal_order
from debate.tui.app import DebateApp
from debate.tui.screens.card import CardScreen

from .conftest import MakeApp
from .tuitools import flat, region_text, until

SIZES = [(60, 20), (80, 24), (120, 40), (240, 70)]
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
    title = screen.query_one("#card-title", Static)
    assert app.screen.region.contains_region(title.region), where
    assert title.region.y <= 2, where  # on top, under the status line
    assert flat(f"{card.number}. {card.title}") in flat(region_text(app, "#card-title")), where
    # The item in focus, whole: its region inside the body's visible part, and its words
    # drawn there (the first and the last of its text).
    focus = screen.query_one("#focus", Static)
    assert app.screen.region.contains_region(focus.region), where
    shown = flat(region_text(app, "#focus"))
    if step == 0:
        words = card.summary.split()
    else:
        side, index = reveal_order(card)[step - 1]
        items = card.arguments if side == "for" else card.objections
        words = items[index].text.split()
    assert words[0] in shown and words[-1] in shown, (where, shown)
    assert scrollbars(app) <= 1, where


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
