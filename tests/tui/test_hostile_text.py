"""Deck, journal and typed text on every screen: shown as written, never run as markup,
never passed raw to the terminal (issue 11, "Deck text is text, never markup").

The deck (tests/tui/decks/hostile-markup.yaml) passes `debate check` and holds markup in
every field the format has; the place is typed with markup too, and planted with escape
sequences. Each screen must show the exact text, crash on none, and run no action.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.events import Paste
from textual.widgets import Input, Static

from debate.deck import Deck, load_deck
from debate.tui.app import DebateApp
from debate.tui.screens.attendance import AttendanceScreen
from debate.tui.screens.blank import BlankScreen
from debate.tui.screens.card import CardScreen
from debate.tui.screens.help import HelpScreen
from debate.tui.screens.notes import NotesScreen
from debate.tui.screens.overview import OverviewScreen
from debate.tui.screens.quit import QuitDialog
from debate.tui.screens.results import ResultsScreen
from debate.tui.screens.resume import ResumeDialog
from debate.tui.screens.setup import SetupScreen
from debate.tui.screens.source_qr import SourceQRScreen
from debate.tui.screens.vote import VoteScreen

from .conftest import MakeApp
from .tuitools import (
    events,
    flat,
    journals,
    minutes,
    of_type,
    region_text,
    screen_lines,
    screen_text,
    stack,
)

SIZE = (120, 40)
HOSTILE = Path(__file__).with_name("decks") / "hostile-markup.yaml"
PLACE = "[/] Salle des fêtes [annexe]"
# What a journal may hold in a place: OSC 0 renames the window, OSC 52 writes the
# clipboard, RIS resets the terminal, CSI (C1) starts a sequence on some terminals.
ESCAPES = "Mairie\x1b]0;pwned\x07 \x1b]52;c;cm0gLXJmIH4=\x07 \x1bc \x9b31m [/]"
SHOWN_ESCAPES = "Mairie␛]0;pwned␇ ␛]52;c;cm0gLXJmIH4=␇ ␛c \ufffd31m [/]"


@pytest.fixture
def hostile() -> Deck:
    return load_deck(str(HOSTILE))


def shown(app: DebateApp) -> str:
    return flat(screen_text(app))


def assert_shows(app: DebateApp, *texts: str) -> None:
    screen = shown(app)
    for text in texts:
        assert flat(text) in screen, (text, stack(app), screen)


def assert_on(app: DebateApp, kind: type) -> None:
    assert isinstance(app.screen, kind), stack(app)


# -- every screen, the deck's text as written -----------------------------------------------


async def test_a_hostile_deck_shows_as_written_on_every_screen(
    make_app: MakeApp, hostile: Deck, sessions: Path
):
    app = make_app(hostile, place=None, attendance=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert_on(app, SetupScreen)
        await pilot.press(*PLACE, "enter", *"[b]Ada[/b]", "enter", "3", "0", "enter")
        await pilot.pause()
        assert_on(app, CardScreen)
        assert_shows(
            app,
            # The status line, the deck's title last: "✓ saved" is both ours and the deck's.
            "✓ saved · Card 1/2 · Present: 30 · Conseil [/] [blink]clignote[/blink] ✓ saved",
            "1. La photo [/] [b]gras",
            "[@click=app.screenshot('2026-03-01-2005-x.jsonl','sessions')]Voir la photo[/]",
        )
        # Ours in bold, the deck's in italics: its "✓ saved" cannot pass for the save mark.
        row = app.screen.query_one("#status", Static).content_region.y
        line = screen_lines(app)[row]
        ours, theirs = line.index("✓ saved"), line.rindex("✓ saved")
        assert ours < theirs
        mark, title = (app.screen.get_style_at(x, row) for x in (ours, theirs))
        assert (bool(mark.bold), bool(mark.italic)) == (True, False)
        assert (bool(title.bold), bool(title.italic)) == (False, True)
        # Both arguments and the objection, on the whole card (the slide shows the last).
        await pilot.press("pagedown", "pagedown", "pagedown", "w")
        assert_shows(
            app,
            "Argument [/x] [reverse]inversé",
            "([link=https://example.org/a]Source A[/link])",
            "[white on white]invisible[/] argument",
            "Objection [bold red]rouge[/]",
            "([/] source B)",
            "Réponse [@click=app.bell]cliquable[/]",
            "? Question [/] [blink]vraiment ?[/blink]",
            "Sources: Salle des fêtes [annexe] [/]",
        )

        await pilot.press("i")
        assert_on(app, VoteScreen)
        assert_shows(app, "Indicative vote · card 1: La photo [/] [b]gras")
        assert_shows(app, "Pour [/]", "[white on white]Contre", "[@click=app.quit]Abstention[/]")
        await pilot.press("1", "2", "tab", "5", "tab", "2", "enter")
        await pilot.pause()
        assert_on(app, CardScreen)  # "[@click=app.quit]" quit nothing
        labels = "Pour [/] 12 · [white on white]Contre 5 · [@click=app.quit]Abstention[/] 2"
        # Said in the status line, as plain text, not in a toast.
        assert f"Vote recorded: {labels}" in flat(region_text(app, "#status"))
        await pilot.press("v", "2", "0", "tab", "8", "tab", "1", "enter")
        await pilot.pause()
        assert_shows(
            app, "Pour [/] 20 · [white on white]Contre 8 · [@click=app.quit]Abstention[/] 1"
        )

        await pilot.press("r")
        assert_on(app, ResultsScreen)
        assert_shows(app, "Results · card 1: La photo [/] [b]gras", "FINAL")
        # The bars cut a label at 14 columns; the labels above the digits are whole.
        assert_shows(app, "Pour [/]", "[white on white]Contre", "[@click=app.quit]Abstention[/]")
        assert_shows(app, "[white on whit", "[@click=app.qu", "ADOPTED")
        await pilot.press("escape")

        await pilot.press("n")
        assert_on(app, NotesScreen)
        await pilot.press(*"[/] [link=x]lien[/link]", "enter")
        await pilot.pause()
        assert_shows(app, "• [/] [link=x]lien[/link]")
        await pilot.press("escape")

        await pilot.press("question_mark")
        assert_on(app, HelpScreen)
        await pilot.press("escape")

        await pilot.press("a")
        assert_on(app, AttendanceScreen)
        await pilot.press("escape")
        await pilot.press("b")
        assert_on(app, BlankScreen)
        await pilot.press("space")
        assert_on(app, CardScreen)
        assert_shows(app, "1. La photo [/] [b]gras")

        await pilot.press("s")
        assert_on(app, SourceQRScreen)
        assert_shows(app, "https://example.org/[x]?a=[/]")
        await pilot.press("escape")

        await pilot.press("ctrl+p")
        assert_on(app, CommandPalette)
        await pilot.press(*"[/]")  # typed into the palette's search
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(Input).value == "[/]"
        await pilot.press("escape")
        assert_on(app, CardScreen)

        await pilot.press("o")
        assert_on(app, OverviewScreen)
        assert_shows(
            app,
            " 1. La photo [/] [b]gras — voted: ADOPTED",
            " 2. Une fiche plus loin [/x] [link=https://example.org/b]lien[/link] — not shown",
        )
        await pilot.press("down", "enter")
        await pilot.pause()
        assert_on(app, CardScreen)
        assert_shows(
            app,
            "✓ saved · Card 2/2",
            "2. Une fiche plus loin [/x] [link=https://example.org/b]lien[/link]",
            "Résumé $var [on red]fond[/on red] \\[échappé]",
        )
        await pilot.press("pagedown", "pagedown")
        assert_shows(app, "+ [/]", "− [@click=app.screenshot()]capture[/]")

        await pilot.press("v")  # majority judgment: the deck's grades
        assert_on(app, VoteScreen)
        grades = ("Très bien [/]", "[white on white]Bien", "[blink]Passable", "À rejeter [/x]")
        assert_shows(app, *grades)
        await pilot.press("9", "tab", "5", "tab", "3", "tab", "2", "enter")
        await pilot.pause()
        assert_on(app, CardScreen)
        await pilot.press("r")
        assert_on(app, ResultsScreen)
        assert_shows(app, "Majority grade: [blink]Passable", "[white on whit █████")
        assert_shows(app, "(including 11 present who graded nothing, counted as “À rejeter [/x]”)")
        await pilot.press("escape")

        await pilot.press("q")
        assert_on(app, QuitDialog)
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running

    # The record holds what was typed, as typed.
    assert of_type(sessions, "session-opened")[0]["place"] == PLACE
    assert of_type(sessions, "session-opened")[0]["facilitator"] == "[b]Ada[/b]"
    assert of_type(sessions, "remark")[0]["text"] == "[/] [link=x]lien[/link]"
    assert "La photo [/] [b]gras" in minutes(sessions)

    # Every later launch offers to resume it: the place typed with "[/]" crashed here.
    again = make_app(hostile, place=None, attendance=None)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_on(again, ResumeDialog)
        assert_shows(again, f"{PLACE}, ", "2 cards voted.")
        await pilot.press("enter")
        await pilot.pause()
        assert_on(again, CardScreen)
        assert_shows(again, "2. Une fiche plus loin [/x]")


# -- the click that wrote a screenshot over a journal ---------------------------------------


def screenshot_deck(tmp_path: Path, target: str) -> Deck:
    text = HOSTILE.read_text(encoding="utf-8")
    summary = "[@click=app.screenshot('2026-03-01-2005-x.jsonl','sessions')]Voir la photo[/]"
    assert summary in text
    exploit = summary.replace("2026-03-01-2005-x.jsonl", target)
    deck = tmp_path / "exploit.yaml"
    deck.write_text(text.replace(summary, exploit), encoding="utf-8")
    return load_deck(str(deck))


def files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


def join_deliveries() -> None:
    """Wait for the threads Textual writes a screenshot in (Driver.deliver_binary) to end:
    the condition itself, not a delay."""
    for thread in threading.enumerate():
        target = getattr(thread, "_target", None)
        if getattr(target, "__name__", "") == "save_file_thread":
            thread.join()


async def test_clicking_a_summary_written_as_a_link_writes_no_file(
    make_app: MakeApp, sessions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """`[@click=app.screenshot(NAME, 'sessions')]` in a summary: one click overwrote NAME
    (another meeting's journal) with an SVG. The summary is plain text: no click runs."""
    monkeypatch.chdir(tmp_path)  # 'sessions' in the action is the sessions folder here
    sessions.mkdir()
    victim = sessions / "2026-03-01-2005-mairie.jsonl"
    victim.write_bytes(b'{"type": "session-opened"}\n')
    deck = screenshot_deck(tmp_path, victim.name)
    app = make_app(deck)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        summary = app.screen.query_one("#focus", Static)  # the slide's proposal
        assert "Voir la photo[/]" in shown(app)
        before = files(tmp_path)
        # On the words a reader would click ("Voir la photo" once read as markup): the
        # first line of text, below the widget's padding.
        inner = summary.content_region.offset - summary.region.offset
        words = [(inner.x + column, inner.y) for column in range(0, 13, 3)]
        for x, y in words:
            assert await pilot.click("#focus", offset=(x, y))
            assert "@click" not in summary.get_style_at(x, y).meta
        await pilot.pause()
        join_deliveries()
        assert app.session is not None
        ours = app.session.journal_path
        # Only the meeting's own minutes may have come since (their debounce ran out).
        assert files(tmp_path) - before <= {ours.with_suffix(".txt")}
        assert not [p for p in files(tmp_path) if p.read_bytes().startswith(b"<svg")]
        assert victim.read_bytes() == b'{"type": "session-opened"}\n'
        assert app.is_running and isinstance(app.screen, CardScreen)

        # The control: the same string read as markup is the exploit, and this test sees it.
        summary.update(deck.cards[0].summary)
        await pilot.pause()
        assert all("@click" in summary.get_style_at(x, y).meta for x, y in words)
        assert await pilot.click("#focus", offset=words[1])
        await pilot.pause()
        join_deliveries()
        assert victim.read_bytes().startswith(b"<svg")


# -- what the terminal gets from a journal --------------------------------------------------


async def test_the_resume_dialog_shows_escapes_in_a_place_as_stand_ins(
    make_app: MakeApp, sessions: Path
):
    """A place given as `--place` (or edited into a journal) with OSC 0, OSC 52, RIS and
    CSI: the resume dialog drew them raw, renaming the window, writing the clipboard and
    resetting the terminal. Each shows as a visible stand-in instead."""
    first = make_app(place=ESCAPES)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("q", "y")
        await pilot.pause()
    assert events(sessions)[0]["place"] == ESCAPES  # the record keeps what it was given
    app = make_app(place=None, attendance=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_on(app, ResumeDialog)
        assert_shows(app, f"{SHOWN_ESCAPES}, ")
        drawn = app.export_screenshot()
        for char in ("\x1b", "\x07", "\x9b"):
            assert char not in drawn
        await pilot.press("n")
        assert_on(app, SetupScreen)
    assert len(journals(sessions)) == 1


async def test_a_place_pasted_with_escapes_is_typed_as_stand_ins(make_app: MakeApp, sessions: Path):
    app = make_app(place=None, attendance=None)
    async with app.run_test(size=SIZE) as pilot:
        assert_on(app, SetupScreen)
        place = app.screen.query_one("#place", Input)
        place.post_message(Paste("Mairie\x1b]0;pwned\x07"))
        await pilot.pause()
        assert place.value == "Mairie␛]0;pwned␇"
        assert place.cursor_position == len(place.value)
        await pilot.press("enter", "enter", "7", "enter")
        await pilot.pause()
        assert_on(app, CardScreen)
    assert events(sessions)[0]["place"] == "Mairie␛]0;pwned␇"
