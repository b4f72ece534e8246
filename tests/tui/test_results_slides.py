"""Results the room can read: an indicative round is a sounding (never "adopted"), the
shift has one decimal and never "-0", a vote's confirmation goes to the status line (no
toast over the results), singular and plural, block figures sized to the window, and the
meeting's results slide, paged, on R and after the last card."""

from __future__ import annotations

import pytest

from debate.deck import load_deck
from debate.record.events import Round
from debate.tui.screens.all_results import AllResultsScreen
from debate.tui.screens.card import CardScreen
from debate.tui.screens.results import ResultsScreen
from debate.tui.widgets.big_figures import best_scale, draw, size_at

from .conftest import MakeApp
from .tuitools import after_timers, flat, minutes, record_vote, region_text, screen_text, stack

SIZE = (100, 30)


@pytest.mark.parametrize(
    ("lang", "said", "minuted"),
    [
        ("en", "INDICATIVE: MAJORITY FOR", "Result: indicative, majority for"),
        ("fr", "INDICATIF : MAJORITÉ POUR", "Résultat : indicatif, majorité pour"),
    ],
)
async def test_an_indicative_round_is_a_sounding_on_screen_and_in_the_minutes(
    make_app: MakeApp, sessions, lang: str, said: str, minuted: str
):
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "1", "2", "tab", "5", "tab", "2", "enter", "r")
        assert isinstance(app.screen, ResultsScreen)
        text = flat(screen_text(app))
        assert said in text
        assert "ADOPT" not in text  # neither ADOPTED nor ADOPTÉE
        await after_timers(pilot, lambda: minuted in minutes(sessions), "the minutes")
        label = minuted.split(":")[0]  # the minutes' "Result" line says no "adopted"
        assert f"{label}: adopt" not in minutes(sessions)
        assert f"{label} : adopt" not in minutes(sessions)


async def test_the_confirmation_is_in_the_status_line_and_no_toast_covers_the_results(
    make_app: MakeApp,
):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("v", "2", "0", "tab", "1", "0", "tab", "3", "enter")
        assert isinstance(app.screen, CardScreen)
        status = flat(region_text(app, "#status"))
        assert "Vote recorded: For 20 · Against 10 · Abstain 3" in status
        assert not app._notifications  # nothing drawn over the screen
        await pilot.press("r")
        assert isinstance(app.screen, ResultsScreen) and not app.screen.query("Toast")
        await pilot.press("escape", "pagedown")  # a move: the news is no longer news
        assert "Vote recorded" not in flat(region_text(app, "#status"))


async def test_one_is_singular(make_app: MakeApp):
    app = make_app(lang="fr", attendance=4)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "3")
        assert "1 n’a pas voté" in flat(screen_text(app))
        await pilot.press("backspace", "2")
        assert "2 n’ont pas voté" in flat(screen_text(app))


async def test_a_shift_that_rounds_to_nothing_is_no_shift(make_app: MakeApp, sessions):
    # For: 2 of 3 cast (66.67 %), then 667 of 1001 (66.63 %): -0.03 points, shown "+0.0"
    # as the minutes write it, never "-0.0".
    app = make_app(attendance=1100)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        card = app.deck.cards[0]
        record_vote(app, card, Round.INDICATIVE, (2, 1, 0))
        record_vote(app, card, Round.FINAL, (667, 334, 0))
        await pilot.press("r")
        text = flat(screen_text(app))
        assert "Shift since the indicative vote: +0.0 points for" in text
        assert "-0" not in text
        await after_timers(pilot, lambda: "+0.0" in minutes(sessions), "the minutes")
        assert "-0.0" not in minutes(sessions)


async def test_the_meetings_results_are_paged_and_follow_the_last_card(make_app: MakeApp):
    deck = load_deck("desescalade-fr")
    app = make_app(deck, lang="fr")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        for card in deck.cards:
            record_vote(app, card, Round.FINAL, (card.number, 1, 0))
        await pilot.press("R")
        screen = app.screen
        assert isinstance(screen, AllResultsScreen)
        first = flat(screen_text(app))
        assert "1. Sécuriser" in first and f"Page 1/{screen.pages()}" in first
        assert screen.pages() > 1  # ten cards do not fit in 20 rows
        await pilot.press("pagedown")
        assert "Page 2/" in flat(screen_text(app)) and "1. Sécuriser" not in flat(screen_text(app))
        await pilot.press("escape")
        # After the last card's last item, the next press shows them.
        await pilot.press("o", "end", "enter")
        last = deck.cards[-1]
        for _ in range(len(last.arguments) + len(last.objections) + 1):
            await pilot.press("pagedown")
        assert stack(app)[-1] == "AllResultsScreen"
        assert "ADOPTÉE" in flat(screen_text(app))


def test_block_figures_grow_with_the_box():
    # 3 rows at the smallest, then as large as the box, for the widest count.
    assert best_scale("20", 60, 3) == 1 and size_at("20", 1) == (7, 3)
    scales = [best_scale("20", 240, rows) for rows in (3, 6, 12, 23)]
    assert scales == sorted(scales) and scales[0] == 1 and scales[-1] >= 7
    assert len(draw("20", 2)) == size_at("20", 2)[1]
    assert best_scale("20", 5, 10) == 0  # too narrow: shown as text
