"""Keys typed in one burst (one read of the terminal: tmux, a fast typist, a busy
laptop) land where they would have landed typed slowly: in the window a key opened, in
the field a message moved the focus to."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.command import CommandList
from textual.events import Key

from debate.tui import keys
from debate.tui.keys import help_rows

from .conftest import MakeApp
from .tuitools import journals, of_type, region_text, screen_text, until

SIZE = (100, 30)


def burst(app, *keys: str) -> None:
    for key in keys:
        character = key if len(key) == 1 else {"tab": "\t", "enter": "\r"}.get(key)
        app.post_message(Key(key, character))


async def test_counts_typed_with_i_in_one_burst_are_kept(make_app: MakeApp, sessions: Path):
    # Issue 15: i 1 2 Tab 5 Tab 3 Enter typed at once dropped the counts, window open.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "i", "1", "2", "tab", "5", "tab", "3", "enter")
        await until(pilot, lambda: of_type(sessions, "vote-recorded"), "the vote")
    assert [e["counts"] for e in of_type(sessions, "vote-recorded")] == [[12, 5, 3]]


async def test_the_place_typed_after_its_error_goes_into_the_place(
    make_app: MakeApp, sessions: Path
):
    # Issue 15: Enter on the last field said "Say where the meeting is held." and the
    # place typed next, in the same burst, went into "Present" (and its letters were lost).
    app = make_app(place=None, attendance=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "tab", "tab", "3", "5", "enter", *"Mairie", "enter")
        await until(pilot, lambda: journals(sessions) and of_type(sessions, "card-shown"))
    (opened,) = of_type(sessions, "session-opened")
    assert opened["place"] == "Mairie"
    assert [e["count"] for e in of_type(sessions, "attendance-set")] == [35]


async def test_ctrl_c_says_how_to_quit_in_the_interface_language(make_app: MakeApp):
    # Issue 15: Textual's own "Press ctrl+q to quit" showed in the French interface.
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        # In the status line, never a toast over the screen.
        assert "Pour quitter : q (avec confirmation), ou Ctrl+Q." in region_text(app, "#status")
        assert not app._notifications
        assert app.is_running


async def test_the_palette_names_the_theme_once(make_app: MakeApp):
    # Issue 15: "Basculer thème clair / sombre" was listed twice (its title and its help).
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"thème")
        await app.workers.wait_for_complete()
        await pilot.pause()
        found = app.screen.query_one(CommandList)
        prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        lines = [line for prompt in prompts for line in prompt.splitlines()]
        assert lines.count("Basculer thème clair / sombre") == 1, lines


async def test_the_dark_theme_comes_back_with_the_resumed_meeting(
    make_app: MakeApp, sessions: Path
):
    # Issue 15: a meeting resumed after a power cut came back in the light theme.
    first = make_app(theme=None)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert first.theme == "debate-light"
        first.action_toggle_theme()  # as the palette does
        await pilot.press("q", "y")
    again = make_app(theme=None, mode="resume", place=None, attendance=None)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "debate-dark"
    light = make_app(theme="light", mode="new")  # --theme still has the last word
    async with light.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert light.theme == "debate-light"


async def test_help_lists_the_vote_windows_keys(make_app: MakeApp):
    # Issue 15: the help did not list the vote window's keys (a, Esc twice...).
    app = make_app(lang="fr")
    async with app.run_test(size=(120, 100)) as pilot:
        await pilot.press("question_mark")
        text = " ".join(screen_text(app).replace("┃", " ").split())
        assert "Dans la fenêtre de vote" in text
        for _keys, what in help_rows(keys.VOTE, "fr"):
            assert " ".join(what.split()) in text, what


async def test_keys_read_behind_a_key_on_its_way_back_wait_for_it(
    make_app: MakeApp, sessions: Path
):
    # A burst read in pieces on a busy laptop: `i 2 0` reached the card screen, `i`
    # opened the vote window, and `Tab 3 Tab 0 Enter` (the next piece) reached the app while
    # `2 0` were still on their way back from the card screen. The card screen is held
    # back here (a callback in its queue, released by the test) to make that order
    # certain; the counts were recorded 0-320-0 when keys given again went last.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        card = app.screen
        target = app.focused or card
        first, second = asyncio.Event(), asyncio.Event()

        async def hold(gate: asyncio.Event) -> None:
            await gate.wait()

        def behind_i() -> None:  # runs once the app has given `i` to the card screen
            target.call_later(hold, second)
            burst(app, "2", "0")

        target.call_later(hold, first)
        burst(app, "i")
        app.call_later(behind_i)
        first.set()
        for _ in range(MAX_WAITS):  # the vote window opens while 2 0 are held back
            if app.screen is not card and app.focused is not None:
                break
            await asyncio.sleep(0.01)
        assert app.screen is not card
        burst(app, "tab", "3", "tab", "0", "enter")
        await asyncio.sleep(0.05)  # whatever the app does with them meanwhile
        second.set()
        await until(pilot, lambda: of_type(sessions, "vote-recorded"), "the vote")
    assert [e["counts"] for e in of_type(sessions, "vote-recorded")] == [[20, 3, 0]]


MAX_WAITS = 1_000
