"""Amendments voted (issue 15), key by key: an amendment noted with `n`, put to the vote
with `m` (chosen when there are several), corrected by `m` again, then the final vote on
the proposal as amended; checked on the screen and in the journal and minutes on disk."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from debate.tui.screens.amendments import AmendmentsScreen
from debate.tui.screens.card import CardScreen
from debate.tui.screens.vote import VoteScreen

from .conftest import MakeApp
from .tuitools import minutes, of_type, screen_text, stack

SIZE = (120, 40)


def field_values(screen: object) -> list[str]:
    assert isinstance(screen, VoteScreen)
    return [field.value for field in screen.query(".count").results(Input)]


async def test_record_an_amendment_vote_it_then_vote_the_proposal_as_amended(
    make_app: MakeApp, sessions: Path
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")  # nothing to vote yet: said, nothing opens
        assert isinstance(app.screen, CardScreen)
        await pilot.press("n", "tab", *"Compost", "enter", *"Sundays", "enter", "escape")
        assert isinstance(app.screen, CardScreen), stack(app)

        await pilot.press("m")  # two amendments: which one?
        assert isinstance(app.screen, AmendmentsScreen), stack(app)
        assert "1. Compost" in screen_text(app) and "2. Sundays" in screen_text(app)
        await pilot.press("enter")
        vote = app.screen
        assert isinstance(vote, VoteScreen) and vote.amendment == 0
        assert "Vote on amendment 1" in screen_text(app) and "Compost" in screen_text(app)
        await pilot.press("2", "0", "tab", "1", "0", "tab", "3", "enter")
        assert isinstance(app.screen, CardScreen), stack(app)

        await pilot.press("m", "down", "enter")
        assert isinstance(app.screen, VoteScreen) and app.screen.amendment == 1
        await pilot.press("5", "tab", "2", "5", "tab", "3", "enter")
        assert isinstance(app.screen, CardScreen), stack(app)

        await pilot.press("m")
        assert "voted: ADOPTED" in screen_text(app) or "voted: adopted" in screen_text(app)
        await pilot.press("enter")  # the first reopens with its counts: a correction
        assert field_values(app.screen) == ["20", "10", "3"]
        await pilot.press("backspace", "backspace", "2", "1", "enter")
        assert isinstance(app.screen, CardScreen), stack(app)

        await pilot.press("v", "2", "5", "tab", "5", "tab", "3", "enter")
        assert isinstance(app.screen, CardScreen), stack(app)

    voted = of_type(sessions, "amendment-voted")
    assert [(v["amendment"], v["counts"]) for v in voted] == [(0, [20, 10, 3]), (1, [5, 25, 3])]
    assert voted[0]["labels"] == ["For", "Against", "Abstain"]
    fixed = of_type(sessions, "vote-corrected")
    assert [(c["amendment"], c["counts"]) for c in fixed] == [(0, [21, 10, 3])]
    text = minutes(sessions)
    assert "Vote on amendment 1 (at" in text and "Vote on amendment 2 (at" in text
    assert "Final vote, on the proposal as amended (at" in text
    assert "Proposal amended: by amendment 1 (adopted)" in text
    assert "Vote on amendment 1, corrected at" in text and "20-10-3 -> 21-10-3" in text
