"""The whole journey in a real terminal: a meeting, `kill -9` right after a vote's
confirmation, a restart (with --resume, or answering the resume dialog), and the votes read
back from the minutes file and from `debate summary`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debate.record.events import Round
from tui_terminal.meeting import (
    ALL_SHOWN,
    RESUME_TITLE,
    VoteInput,
    cast,
    exemple,
    flat,
    journal_in,
    minutes_votes,
    quit_app,
    read_journal_votes,
    start,
    summary,
    title_line,
)
from tui_terminal.tmux import Pane, Server

pytestmark = pytest.mark.slow

IND, FIN = Round.INDICATIVE, Round.FINAL
VOTES = (
    VoteInput("jardin-partage", IND, (12, 5, 3)),
    VoteInput("jardin-partage", FIN, (20, 4, 1)),
    VoteInput("boite-a-livres", IND, (7, 9, 2)),
    VoteInput("boite-a-livres", FIN, (11, 13, 0)),
)
EXPECTED = {(v.card, v.round): v.counts for v in VOTES}


def run_meeting(pane: Pane) -> None:
    """Card 1: reveal, indicative vote, reveal the rest, final vote; card 2: both votes.
    Returns right after the last vote's confirmation is on screen."""
    deck = exemple()
    pane.press("PageDown")
    pane.wait_for("+ Le terrain est inutilisé depuis dix ans.")
    cast(pane, VOTES[0])
    pane.press("Right", "space")
    pane.wait_for(ALL_SHOWN)
    cast(pane, VOTES[1])
    pane.press("PageDown")
    pane.wait_for(title_line(deck, "boite-a-livres"))
    cast(pane, VOTES[2])
    cast(pane, VOTES[3])


def check_records(sessions: Path) -> None:
    deck = exemple()
    journal = journal_in(sessions)
    minutes = journal.with_suffix(".txt")
    assert read_journal_votes(journal) == EXPECTED
    assert minutes_votes(minutes.read_text(encoding="utf-8"), deck) == EXPECTED
    printed = summary(journal)
    assert printed.returncode == 0, printed.stderr
    assert minutes_votes(printed.stdout, deck) == EXPECTED


def test_kill_after_a_vote_then_resume(tmux: Callable[..., Server], sessions: Path) -> None:
    server = tmux(100, 30)
    pane = start(server, sessions, "--new")
    run_meeting(pane)
    pane.kill9()
    # What the screen confirmed is on disk already, before any restart.
    assert read_journal_votes(journal_in(sessions)) == EXPECTED

    # The killed terminal may be garbled: the restart gets a session of its own.
    again = start(server, sessions, "--resume", wait=title_line(exemple(), "boite-a-livres"))
    screen = again.screen()
    assert "2/3" in screen.splitlines()[0], screen  # the status line: card 2 of 3
    # The card shows the votes recorded on it (the line may wrap).
    assert "final : Pour 11 · Contre 13 · Abstention 0" in flat(screen), screen
    assert quit_app(again) == 0
    check_records(sessions)


def test_kill_after_a_vote_then_the_resume_dialog(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    server = tmux(80, 24)
    pane = start(server, sessions, "--new")
    run_meeting(pane)
    pane.kill9()

    # No --new nor --resume: the app asks, and Enter resumes where the meeting stopped.
    again = start(server, sessions, wait=RESUME_TITLE)
    again.press("Enter")
    again.wait_for(title_line(exemple(), "boite-a-livres"))
    assert quit_app(again) == 0
    check_records(sessions)
