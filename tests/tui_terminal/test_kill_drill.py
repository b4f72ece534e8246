"""Fault drill: SIGKILL at a random moment of a scripted meeting in a real terminal.

Each trial runs the same meeting (four votes on two cards, reveals, card changes) in tmux,
kills the app with SIGKILL after a random number of keys plus a random delay, then checks
the promise: every vote whose confirmation reached the screen before the kill is in the
journal, and in the minutes after a restart with --resume. The journal always replays (a
line torn by the kill would be skipped with a warning, reported here as a warning too),
holds only votes exactly as typed, and the restart shows the card where the meeting
stopped.

The trials are seeded: DEBATE_DRILL_SEED=N replays a run (each trial prints its seed).
"""

from __future__ import annotations

import os
import random
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from debate.record.events import Round
from debate.record.journal import replay_journal
from tui_terminal.meeting import (
    ALL_SHOWN,
    ROUND_TITLE,
    SAVED,
    VoteInput,
    exemple,
    journal_in,
    journal_votes,
    minutes_votes,
    quit_app,
    run_argv,
    start,
    status_line,
    title_line,
)
from tui_terminal.tmux import Pane, Server

pytestmark = pytest.mark.slow

TRIALS = 50
BASE_SEED = int(os.environ.get("DEBATE_DRILL_SEED") or time.time_ns() % 1_000_000_000)

IND, FIN = Round.INDICATIVE, Round.FINAL
VOTES = (
    VoteInput("jardin-partage", IND, (12, 5, 3)),
    VoteInput("jardin-partage", FIN, (20, 4, 1)),
    VoteInput("boite-a-livres", IND, (7, 9, 2)),
    VoteInput("boite-a-livres", FIN, (11, 13, 0)),
)
TYPED = {(v.card, v.round): v.counts for v in VOTES}


@dataclass(frozen=True)
class Key:
    """One key of the script; before the next key is sent, `then` must be on screen (the
    facilitator looks before pressing on). `vote`: the vote this key completes (Enter)."""

    name: str
    then: Callable[[str], bool] | None = None
    vote: VoteInput | None = None
    card: str | None = None  # the card this key brings on screen


def showing(text: str) -> Callable[[str], bool]:
    def test(screen: str) -> bool:
        return text in screen

    test.__doc__ = text
    return test


def confirmed(vote: VoteInput) -> Callable[[str], bool]:
    def test(screen: str) -> bool:
        return vote.confirmation in status_line(screen)

    test.__doc__ = vote.confirmation
    return test


def vote_keys(vote: VoteInput) -> list[Key]:
    keys = vote.keys()
    return [
        Key(keys[0], showing(ROUND_TITLE[vote.round])),
        *(Key(k) for k in keys[1:-1]),
        Key(keys[-1], confirmed(vote), vote=vote),
    ]


def script() -> list[Key]:
    deck = exemple()
    card2 = title_line(deck, "boite-a-livres")
    card3 = title_line(deck, "bancs")
    return [
        Key("PageDown", showing("+ Le terrain est inutilisé")),
        *vote_keys(VOTES[0]),
        Key("Right"),
        Key("space", showing(ALL_SHOWN)),
        *vote_keys(VOTES[1]),
        Key("PageDown", showing(card2), card="boite-a-livres"),
        *vote_keys(VOTES[2]),
        *vote_keys(VOTES[3]),
        Key("PageDown", showing(card3), card="bancs"),
    ]


@dataclass
class Run:
    """What the screen showed before the kill."""

    confirmed: set[tuple[str, Round]] = field(default_factory=set)
    card: str = "jardin-partage"  # the card on screen before the last key
    maybe: str | None = None  # the card the last key asked for, if it did
    last_screen: str = ""


def run_until_kill(pane: Pane, keys: list[Key], kill_at: int, delay: float) -> Run:
    """Press keys[0..kill_at], waiting as a facilitator does except after the last one;
    then wait `delay`, look at the screen one last time, and SIGKILL the app."""
    seen = Run()
    for key in keys[:kill_at]:
        pane.press(key.name)
        if key.then is not None:
            pane.wait_for(key.then)
        if key.vote is not None:
            seen.confirmed.add((key.vote.card, key.vote.round))
        seen.card = key.card or seen.card
    pane.press(keys[kill_at].name)
    seen.maybe = keys[kill_at].card
    if delay:
        time.sleep(delay)
    seen.last_screen = pane.screen()
    shown = status_line(seen.last_screen)
    seen.confirmed |= {(v.card, v.round) for v in VOTES if v.confirmation in shown}
    pane.kill9()
    return seen


def pick_kill(rng: random.Random, keys: list[Key]) -> tuple[int, float]:
    """Half the trials kill right after a vote's Enter (the moment that matters most), the
    others after any key; the delay is none, a few milliseconds, or up to 0.3 s."""
    enters = [n for n, key in enumerate(keys) if key.vote is not None]
    kill_at = rng.choice(enters) if rng.random() < 0.5 else rng.randrange(len(keys))
    delay = rng.choice([0.0, rng.uniform(0, 0.02), rng.uniform(0, 0.3)])
    return kill_at, delay


@pytest.mark.parametrize("trial", range(TRIALS))
def test_sigkill_at_a_random_moment_loses_no_confirmed_vote(
    trial: int, tmux: Callable[..., Server], tmp_path: Path
) -> None:
    seed = BASE_SEED + trial
    rng = random.Random(seed)
    keys = script()
    kill_at, delay = pick_kill(rng, keys)
    where = (
        f"trial {trial}, seed {seed} (DEBATE_DRILL_SEED={BASE_SEED} to replay): "
        f"killed {delay * 1000:.0f} ms after key {kill_at} ({keys[kill_at].name})"
    )
    print(where)
    deck = exemple()
    sessions = tmp_path / "sessions"
    server = tmux(100, 30)  # one server per trial: the killed and the restarted app
    pane = start(server, sessions, "--new")
    seen = run_until_kill(pane, keys, kill_at, delay)

    # Right after the kill: the journal replays, and holds every confirmed vote.
    journal = journal_in(sessions)
    replayed = replay_journal(journal)
    for warning in replayed.warnings:
        warnings.warn(f"{where}: {warning}", stacklevel=1)
    on_disk = journal_votes(replayed)
    missing = seen.confirmed - on_disk.keys()
    assert not missing, f"{where}: confirmed on screen, not in the journal: {missing}"
    for key, counts in on_disk.items():
        assert counts == TYPED[key], f"{where}: {key} recorded as {counts}, typed {TYPED[key]}"
    # The card on screen is recorded; if the last key asked for the next card, the kill
    # may have come before or after it was shown.
    current = replayed.state.current
    assert current is not None and current in (seen.card, seen.maybe), f"{where}: {current}"

    # The restart resumes on that card; quitting leaves minutes with every recorded vote.
    again = server.start(run_argv(sessions, "--resume"))
    screen = again.wait_for(showing(title_line(deck, current)))
    assert SAVED in screen.splitlines()[0], f"{where}:\n{screen}"
    assert quit_app(again) == 0, f"{where}:\n{again.history()}"
    assert journal_in(sessions) == journal  # resumed, not a new meeting
    after = replay_journal(journal)
    assert journal_votes(after) == on_disk, where
    minutes = journal.with_suffix(".txt").read_text(encoding="utf-8")
    assert minutes_votes(minutes, deck) == on_disk, f"{where}:\n{minutes}"
