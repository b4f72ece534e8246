"""The window speaks `--lang`, else the system's language, else its deck's (issue 15):
the rule of the command line's messages (debate/cli_lang.py), so that what is printed
before and after the window agrees with it. In a real terminal: the locale is the app's
environment, not an option a test could hand to the app object."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from scripted_session import deck_path, scripted_events, write_journal

from debate.record.events import SessionClosed
from debate.record.lock import SessionLock
from tui_terminal.tmux import Server, debate_argv

pytestmark = pytest.mark.slow

ENGLISH_DECK = deck_path("en")
FRENCH_DECK = deck_path("fr")
# A French system: LANG says the language; LC_CTYPE keeps a character set this machine has.
FRENCH = {"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_CTYPE": "C.UTF-8"}


def opened_on(
    tmux: Callable[..., Server], deck: Path, sessions: Path, env: dict[str, str], *more: str
) -> str:
    server = tmux(100, 30)
    pane = server.start(debate_argv("run", deck, "--sessions", sessions, *more), env=env)
    return pane.wait_for(lambda screen: "réunion" in screen or "meeting" in screen.lower())


def test_a_french_system_gets_a_french_window_on_an_english_deck(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    screen = opened_on(tmux, ENGLISH_DECK, sessions, FRENCH)
    assert "Nouvelle réunion" in screen, screen


def test_lang_wins_over_the_system(tmux: Callable[..., Server], sessions: Path) -> None:
    screen = opened_on(tmux, FRENCH_DECK, sessions, FRENCH, "--lang", "en")
    assert "New meeting" in screen, screen


def test_a_system_that_names_no_language_leaves_it_to_the_deck(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    screen = opened_on(tmux, FRENCH_DECK, sessions, {})  # C.UTF-8: no language
    assert "Nouvelle réunion" in screen, screen
    screen = opened_on(tmux, ENGLISH_DECK, sessions / "other", {})
    assert "New meeting" in screen, screen


def test_resuming_a_meeting_another_window_holds_says_so_in_the_system_s_language(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    """`debate --resume` on an English deck's meeting open elsewhere, on a French system:
    one French line, not the record's English."""
    events = [e for e in scripted_events("en") if not isinstance(e, SessionClosed)]
    journal = write_journal(sessions / "2026-03-01-2000-village-hall-a.jsonl", events)
    lock = SessionLock.acquire(journal.with_suffix(".lock"), journal.stem)
    try:
        lock.cover(journal)
        server = tmux(100, 30)
        pane = server.start(
            debate_argv("run", ENGLISH_DECK, "--sessions", sessions, "--resume", journal.stem),
            env=FRENCH,
        )
        assert pane.wait_exit() == 1
    finally:
        lock.release()
    said = " ".join(pane.history().split())
    assert "est ouverte dans une autre fenêtre de debate" in said, said
    assert "another debate window" not in said
    # Said as French says it (a space before the colon), and no pid: nothing a
    # facilitator can act on.
    assert f"debate : la séance {journal.stem} est ouverte" in said, said
    assert "processus" not in said and "pid" not in said and str(os.getpid()) not in said


def test_the_room_s_window_follows_the_same_rule(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    server = tmux(100, 30)
    pane = server.start(debate_argv("room", ENGLISH_DECK, "--sessions", sessions), env=FRENCH)
    pane.wait_for("En attente de la réunion")
