"""A meeting as a facilitator runs it in a real terminal, and what it left on disk.

The app is driven only through keys; what it recorded is read back from the files it
wrote (the journal through the real reader, the minutes as text, as a person reads them).
"""

from __future__ import annotations

import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from debate.deck import Deck, load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.i18n import words_for
from debate.record.events import Round
from debate.record.journal import Replayed, replay_journal
from tui_terminal.tmux import PY, Pane, Server, debate_argv

REPO = Path(__file__).resolve().parents[2]
EXEMPLE = EXAMPLE_DECK  # jardin-partage (3 reveals), boite-a-livres, bancs
PLACE = "Salle des fêtes"
ATTENDANCE = 30

# The words of the French interface (the example deck's language) that the tests look for.
RECORDED = "Vote enregistré"
SAVED = "✓ enregistré"
NOT_SAVED = "⚠ NON ENREGISTRÉ"
ROUND_TITLE = {Round.INDICATIVE: "Vote indicatif", Round.FINAL: "Vote final"}
ROUND_KEY = {Round.INDICATIVE: "i", Round.FINAL: "v"}
QUIT_TITLE = "Quitter debate ?"
RESUME_TITLE = "Réunion non terminée"
ALL_SHOWN = "Tous les arguments sont affichés"


def exemple() -> Deck:
    return load_deck(str(EXEMPLE))


def title_line(deck: Deck, card_id: str) -> str:
    """What the card screen shows as the card's title."""
    card = deck.cards[deck.ids.index(card_id)]
    return f"{card.number}. {card.title}"


def run_argv(sessions: Path, *mode: str, deck: Path = EXEMPLE) -> list[str]:
    """`debate run` with --place and --attendance: the setup form is skipped."""
    return debate_argv(
        "run",
        deck,
        "--sessions",
        sessions,
        "--place",
        PLACE,
        "--attendance",
        str(ATTENDANCE),
        *mode,
    )


def start(server: Server, sessions: Path, *mode: str, wait: str | None = None) -> Pane:
    """Start the app and wait for `wait` (default: card 1's title, then `settled`)."""
    pane = server.start(run_argv(sessions, *mode))
    pane.wait_for(wait or title_line(exemple(), "jardin-partage"))
    if wait is None:
        settled(sessions)
    return pane


def settled(sessions: Path, timeout: float = 20.0) -> None:
    """Wait for what follows card 1 on screen: the move to it is journaled just after it
    is drawn, and the minutes are written 0.3 s later. A test that reads the files or
    breaks the disk next then starts from what a facilitator would leave."""
    deadline = time.monotonic() + timeout
    while True:
        journals = sorted(sessions.glob("*.jsonl"), key=lambda p: p.stat().st_mtime_ns)
        if journals:
            journal = journals[-1]
            minutes = journal.with_suffix(".txt")
            if (
                b'"card-shown"' in journal.read_bytes()
                and minutes.exists()
                and minutes.stat().st_mtime_ns >= journal.stat().st_mtime_ns
            ):
                return
        assert time.monotonic() < deadline, f"{sessions}: card 1's move and minutes not written"
        time.sleep(0.02)


# -- votes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VoteInput:
    card: str
    round: Round
    counts: tuple[int, ...]
    labels: tuple[str, ...] = ("Pour", "Contre", "Abstention")

    @property
    def confirmation(self) -> str:
        """What the card's status line says once the vote is on disk: "Vote enregistré :"
        then the counts, or on a narrow window "Vote :" and the counts (the attendance
        stays in view)."""
        shown = " · ".join(f"{lab} {n}" for lab, n in zip(self.labels, self.counts, strict=True))
        return f" : {shown}"

    def keys(self) -> list[str]:
        """Every key of this vote, one per write: open the modal, the counts, Enter."""
        keys = [ROUND_KEY[self.round]]
        for n, count in enumerate(self.counts):
            if n:
                keys.append("Tab")
            keys += list(str(count))
        return [*keys, "Enter"]


def cast(pane: Pane, vote: VoteInput, *, confirmed: bool = True) -> str:
    """Record `vote` through the vote modal; wait for its confirmation (or for the modal to
    close when confirmed=False: a vote that could not be saved has none)."""
    keys = vote.keys()
    pane.press(keys[0])
    pane.wait_for(ROUND_TITLE[vote.round])
    pane.press(*keys[1:])
    if confirmed:
        return pane.wait_for(lambda screen: vote.confirmation in status_line(screen))
    return pane.wait_for(ROUND_TITLE[vote.round], gone=True)


def flat(screen: str) -> str:
    """The screen's words on one line, to find a text that may wrap."""
    return " ".join(screen.split())


def status_line(screen: str) -> str:
    """The card screen's first line, where a vote's confirmation is said (a notification
    would cover the results the room reads next)."""
    return screen.splitlines()[0] if screen else ""


# -- what is on disk -----------------------------------------------------------------------


def journal_in(sessions: Path) -> Path:
    """The one journal in `sessions`."""
    journals = sorted(sessions.glob("*.jsonl"))
    assert len(journals) == 1, f"expected one journal in {sessions}: {journals}"
    return journals[0]


def journal_votes(replayed: Replayed) -> dict[tuple[str, Round], tuple[int, ...]]:
    """Every vote the journal holds (corrections applied), by card and round."""
    state = replayed.state
    return {
        (card_id, round_): record.votes[round_].counts
        for card_id, record in state.cards.items()
        for round_ in record.votes
    }


def read_journal_votes(path: Path) -> dict[tuple[str, Round], tuple[int, ...]]:
    return journal_votes(replay_journal(path))


_CARD_HEADING = re.compile(r"^\S.*? (\d+) · ")
_COUNT_ROW = re.compile(r"^  (\S.*?)\s+(\d+)(?:\s|$)")


def minutes_votes(
    text: str, deck: Deck, lang: str = "fr", choices: tuple[str, ...] = VoteInput.labels
) -> dict[tuple[str, Round], tuple[int, ...]]:
    """The for/against/abstain votes printed in minutes, read as a person reads them: under
    each card's heading, a round's line, then one row per choice with its count."""
    t = words_for(lang)
    rounds = {t[f"min_round_{r.value}"] + " (": r for r in Round}
    found: dict[tuple[str, Round], tuple[int, ...]] = {}
    rows = text.splitlines()
    card: str | None = None
    round_: Round | None = None
    counts: dict[str, int] = {}
    for n, row in enumerate(rows):
        underline = n + 1 < len(rows) and rows[n + 1].startswith("---") and row.strip()
        if underline:  # a section heading: a card's, or the results table's
            heading = _CARD_HEADING.match(row)
            card = deck.cards[int(heading.group(1)) - 1].id if heading else None
            round_ = None
            continue
        started = next((r for prefix, r in rounds.items() if row.startswith(prefix)), None)
        if card is not None and started is not None:
            round_, counts = started, {}
            continue
        row_match = _COUNT_ROW.match(row)
        if card is not None and round_ is not None and row_match:
            if row_match.group(1) in choices:
                counts[row_match.group(1)] = int(row_match.group(2))
            if len(counts) == len(choices):
                found[(card, round_)] = tuple(counts[c] for c in choices)
                round_ = None
    return found


def summary(journal: Path) -> subprocess.CompletedProcess[str]:
    """`debate summary JOURNAL`, as a facilitator types it after the meeting."""
    return subprocess.run(
        [PY, "-m", "debate", "summary", str(journal)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def quit_app(pane: Pane) -> int | None:
    """q, then y: the app exits; its exit status."""
    pane.press("q")
    pane.wait_for(QUIT_TITLE)
    pane.press("y")
    return pane.wait_exit()
