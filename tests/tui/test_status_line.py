"""The card's status line, where what was just recorded and every notice are said (issue
14): the attendance and the card number always stay in view, at 80 columns as at 110, in
both languages; what was said is worded shorter, then cut, never they. No notice is a
toast drawn over the results or the vote window (a write that fails says why in the key
bar's place: tests/tui/test_write_order.py)."""

from __future__ import annotations

import re

import pytest

from debate.deck import load_deck
from debate.tui.screens.card import CardScreen
from debate.tui.screens.results import ResultsScreen
from debate.tui.screens.vote import VoteScreen

from .conftest import MakeApp
from .tuitools import flat, region_text, screen_lines

PRESENT = {"fr": "Présents : 140", "en": "Present: 140"}
CARD = {"fr": "Fiche 1/10", "en": "Card 1/10"}
COUNTS = {
    "fr": "Pour 62 · Contre 45 · Abstention 13",
    "en": "For 62 · Against 45 · Abstain 13",
}
RECORDED = {"fr": "Vote enregistré : ", "en": "Vote recorded: "}


def status(app: object) -> str:
    return region_text(app, "#status")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [60, 80, 90, 100, 110])
async def test_a_vote_confirmed_leaves_the_attendance_in_view(
    make_app: MakeApp, lang: str, width: int
) -> None:
    # The shipped deck: ten cards, a long title; three-digit counts.
    app = make_app(load_deck(f"desescalade-{lang}"), lang=lang, attendance=140)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("v", "6", "2", "tab", "4", "5", "tab", "1", "3", "enter")
        assert isinstance(app.screen, CardScreen)
        line = status(app)
        assert "\n" not in line.strip()
        # Whole, and not the start of a longer number ("140…").
        assert re.search(re.escape(PRESENT[lang]) + r"(?![\d…])", line), line
        assert CARD[lang] in line, line
        if width >= 80:  # every count said; at 60 columns the counts are cut, not they
            assert COUNTS[lang] in line, line
        else:
            assert "…" in line.split(CARD[lang])[0], line
        if width >= 100:  # room for the whole sentence
            assert RECORDED[lang] + COUNTS[lang] in line, line
        await pilot.press("pagedown")  # a move: the news is no longer news
        assert COUNTS[lang] not in status(app)
        assert "✓ " in status(app) and PRESENT[lang] in status(app)


async def test_a_notice_never_covers_the_results_nor_the_vote_window(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("v", "2", "0", "tab", "1", "0", "tab", "3", "enter", "r")
        assert isinstance(app.screen, ResultsScreen)
        before = screen_lines(app)
        app.tell(
            "Something to know, said at length so that a toast would be wide", severity="warning"
        )
        await pilot.pause()
        assert screen_lines(app) == before  # nothing the room reads is covered
        assert not app._notifications and not app.screen.query("Toast")

        await pilot.press("escape", "i", "1", "2")
        assert isinstance(app.screen, VoteScreen)
        before = screen_lines(app)
        app.tell("A second thing to know", severity="warning")
        await pilot.pause()
        # The window as it was; behind it, the card's status line alone may change.
        assert screen_lines(app)[1:] == before[1:]
        assert not app._notifications and not app.screen.query("Toast")

        await pilot.press("escape", "escape")
        assert isinstance(app.screen, CardScreen)
        # Said in the status line until the next move, the attendance still in view.
        line = flat(status(app))
        assert "⚠ A second thing to know" in line and "Present: 40" in line, line


async def test_a_notice_on_the_card_is_said_in_the_status_line(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.tell("[b]A warning[/b] quoting a journal", severity="warning")
        await pilot.pause()
        assert "⚠ [b]A warning[/b] quoting a journal" in status(app)  # plain, never markup
        assert not app._notifications
        await pilot.press("pagedown")
        assert "A warning" not in status(app)
