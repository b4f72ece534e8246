"""Deck v2 on the card screen: both sides answered and attributed alike, a card that
starts with "against", and the glossary on `g`."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from debate.deck import Deck, parse_deck
from debate.tui.app import DebateApp
from debate.tui.screens.card import CardScreen
from debate.tui.screens.glossary import GlossaryScreen

from .conftest import MakeApp
from .tuitools import flat, region_text, screen_text

SIZE = (120, 40)

DECK = """\
title: Deck v2
language: en
glossary:
  PLUi: "local urban plan of the community of communes"
  "[bold]RLP[/bold]": "local advertising rules [red]not markup[/red]"
references:
  - title: "The manifesto, [b]in full[/b]"
    url: https://example.org
    note: home page only
  - title: "An article without an address"
cards:
  - id: against-first
    title: Against speaks first
    summary: The summary of the card.
    first: against
    arguments:
      - text: The argument for.
        by: the manifesto
        source: Measure 1
        response: The answer from the against side.
    objections:
      - text: The objection against.
        by: a reader
        source: Next.ink
        response: The answer from the for side.
  - id: plain
    title: A plain card
    summary: Nothing more.
"""


def deck(text: str = DECK) -> Deck:
    return parse_deck(text.encode("utf-8"), "v2.yaml")


def card_screen(app: DebateApp) -> CardScreen:
    assert isinstance(app.screen, CardScreen)
    return app.screen


async def test_against_first_and_both_sides_shown_alike(make_app: MakeApp):
    app = make_app(deck())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("pagedown")
        text = flat(screen_text(app))
        assert "The objection against." in text and "The argument for." not in text
        # Who says it, then where it comes from, after the text; the answer under it.
        assert "− The objection against. — a reader (Next.ink)" in text
        assert "↳ Answer: The answer from the for side." in text
        await pilot.press("pagedown")
        text = flat(screen_text(app))
        assert "+ The argument for. — the manifesto (Measure 1)" in text
        assert "↳ Answer: The answer from the against side." in text
        assert card_screen(app).presenter.fully_revealed
        # On the whole card, each side's column holds its own item and the answer it
        # received.
        await pilot.press("w")
        assert "The answer from the against side." in flat(region_text(app, "#for"))
        assert "The answer from the for side." in flat(region_text(app, "#against"))


async def test_g_shows_the_glossary_as_written_and_escape_returns(make_app: MakeApp):
    app = make_app(deck())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GlossaryScreen)
        text = flat(region_text(app, "#glossary"))
        assert "PLUi local urban plan of the community of communes" in text
        # Deck text is never read as markup: the brackets are shown as typed.
        assert "[bold]RLP[/bold] local advertising rules [red]not markup[/red]" in text
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen)
        assert card_screen(app).presenter.step == 0  # g moved nothing
        await pilot.press("g", "g")  # g again closes it too
        assert isinstance(app.screen, CardScreen)


async def test_g_lists_the_references_after_the_glossary(make_app: MakeApp):
    app = make_app(deck())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        text = flat(region_text(app, "#glossary"))
        assert text.index("PLUi") < text.index("The documents behind these cards")
        # Title, address and note, in that order, the brackets shown as typed.
        manifesto = [text.index(s) for s in ("[b]in full[/b]", "example.org", "home page only")]
        assert manifesto == sorted(manifesto)
        assert "An article without an address" in text


async def test_a_deck_with_references_and_no_glossary_offers_g(make_app: MakeApp):
    app = make_app(deck(DECK.split("glossary:")[0] + "references:" + DECK.split("references:")[1]))
    assert app.deck.glossary == () and len(app.deck.references) == 2
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "g glossary" in flat(region_text(app, "#keybar"))
        await pilot.press("g")
        text = flat(region_text(app, "#glossary"))
        assert "This deck has no glossary." in text and "An article without an address" in text


async def test_a_deck_without_glossary_says_so(make_app: MakeApp):
    app = make_app(deck(DECK.split("glossary:")[0] + "cards:" + DECK.split("cards:")[1]))
    assert app.deck.glossary == ()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GlossaryScreen)
        assert "This deck has no glossary." in flat(region_text(app, "#glossary"))


async def test_the_glossary_in_french(make_app: MakeApp):
    app = make_app(deck(), lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        text = flat(region_text(app, "#glossary"))
        assert "Glossaire : les mots de ces fiches" in text
        assert "Échap ou g : retour à la fiche" in text


async def test_the_key_bar_offers_g_only_when_the_deck_has_a_glossary(make_app: MakeApp):
    for lang, label in (("en", "g glossary"), ("fr", "g glossaire")):
        app = make_app(deck(), lang=lang, mode="new")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert label in flat(region_text(app, "#keybar"))
    plain_deck = deck(DECK.split("glossary:")[0] + "cards:" + DECK.split("cards:")[1])
    app = make_app(plain_deck, mode="new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = flat(region_text(app, "#keybar"))
        assert "n notes · ? help" in bar and "glossary" not in bar


async def test_the_help_screen_names_the_glossary_key(make_app: MakeApp):
    for lang, line in (
        ("en", "g glossary: the deck's terms explained"),
        ("fr", "g glossaire : les termes des fiches expliqués"),
    ):
        app = make_app(deck(), lang=lang, mode="new")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            assert line in flat(screen_text(app))


# -- what it looks like: regenerate with --snapshot-update after a deliberate change ----


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize(
    "keys", [["pagedown", "pagedown"], ["g"]], ids=["both-sides-answered", "glossary"]
)
def test_snapshot(snap_compare: Any, make_app: MakeApp, keys: list[str], size: tuple[int, int]):
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    app = make_app(deck(), mode="new")
    assert snap_compare(app, terminal_size=size, run_before=run_before)
