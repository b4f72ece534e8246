"""The item in focus is drawn in its side's colour, set on the widget (tui/focus_side.py):
the theme's success colour for an argument, its error colour for an objection, the
proposal in bold; and again in the other theme's colours once the theme changes."""

from __future__ import annotations

from textual.color import Color

from debate.presenter import reveal_order
from debate.tui.app import DebateApp
from debate.tui.screens.card import CardScreen
from debate.tui.themes import THEMES
from debate.tui.widgets.big_text import BigText

from .conftest import MakeApp


def drawn_colour(app: DebateApp) -> str:
    """The colour the item in focus's text is drawn in, as #rrggbb."""
    style = app.screen.query_one("#focus", BigText).rich_style
    assert style.color is not None and style.color.triplet is not None
    return style.color.triplet.hex


def expected(app: DebateApp, role: str) -> str:
    return Color.parse(app.theme_variables[role]).hex.lower()


def card_sides(app: DebateApp) -> list[str]:
    """The sides of card 1's items, in the order the presses reveal them."""
    screen = app.screen
    assert isinstance(screen, CardScreen)
    return [side for side, _ in reveal_order(screen.presenter.card)]


async def test_each_side_in_its_colour_in_both_themes(make_app: MakeApp):
    app = make_app(theme="light")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        sides = card_sides(app)
        focus = app.screen.query_one("#focus", BigText)
        assert focus.rich_style.bold  # the proposal
        assert drawn_colour(app) == expected(app, "foreground")
        assert {"for", "against"} <= set(sides)
        for side in sides:
            await pilot.press("pagedown")
            assert not focus.rich_style.bold
            assert drawn_colour(app) == expected(app, "success" if side == "for" else "error")
        light = drawn_colour(app)
        app.action_toggle_theme()
        await pilot.pause()
        assert app.theme == THEMES["dark"].name
        last = "success" if sides[-1] == "for" else "error"
        assert drawn_colour(app) == expected(app, last) != light


async def test_a_theme_changed_in_the_whole_card_leaves_the_slide_right(make_app: MakeApp):
    # The whole card (w) keeps the slide's item as it was; a theme changed there, then a
    # move back to an argument "for", must draw that argument in the new success colour.
    app = make_app(theme="light")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        sides = card_sides(app)
        at = next(i for i in range(len(sides) - 1) if sides[i : i + 2] == ["for", "against"])
        for _ in range(at + 1):
            await pilot.press("pagedown")
        assert drawn_colour(app) == expected(app, "success")
        await pilot.press("w", "pagedown")
        app.action_toggle_theme()
        await pilot.pause()
        await pilot.press("pageup", "w")
        await pilot.pause()
        assert app.theme == THEMES["dark"].name
        assert drawn_colour(app) == expected(app, "success")
