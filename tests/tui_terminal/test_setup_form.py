"""The setup form in a real terminal, typed as one burst (as tmux, a fast typist or a
pasted line delivers it): each field gets its own text, and card 1 follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debate.record.journal import replay_journal
from tui_terminal.meeting import EXEMPLE, debate_argv, exemple, journal_in, quit_app, title_line
from tui_terminal.tmux import Server

pytestmark = pytest.mark.slow


def test_a_burst_of_keys_fills_each_field_in_turn(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    server = tmux(80, 24)
    pane = server.start(debate_argv("run", EXEMPLE, "--sessions", sessions))
    pane.wait_for("Nouvelle réunion")
    # One send-keys call: the keys reach the app in one read, Tabs among the letters.
    server.tmux("send-keys", "-t", pane.name, "Mairie", "Tab", "Claire", "Tab", "35", "Enter")
    pane.wait_for(title_line(exemple(), "jardin-partage"))
    assert quit_app(pane) == 0
    opened = replay_journal(journal_in(sessions)).state
    assert opened.opened is not None
    assert (opened.opened.place, opened.opened.facilitator, opened.attendance) == (
        "Mairie",
        "Claire",
        35,
    )


def test_leaving_says_where_the_minutes_are(tmux: Callable[..., Server], sessions: Path) -> None:
    # Issue 15: nothing said where the minutes were when debate exited.
    server = tmux(100, 30)
    pane = server.start(
        debate_argv(
            "run", EXEMPLE, "--sessions", sessions, "--place", "Mairie", "--attendance", "20"
        )
    )
    pane.wait_for(title_line(exemple(), "jardin-partage"))
    assert quit_app(pane) == 0
    minutes = journal_in(sessions).with_suffix(".txt")
    said = "".join(pane.history().split())  # the path may wrap at the pane's edge
    assert "".join(f"debate : le compte rendu est dans {minutes}".split()) in said, said
