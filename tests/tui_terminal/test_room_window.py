"""Two windows in real terminals: the facilitator's runs a meeting, the room's (`debate
room`) follows each step, never shows the vote window being filled, survives a `kill -9`
of the facilitator's window and its restart, says when the meeting is closed, and follows it
again once it is reopened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from debate.record.events import Round
from tui_terminal.meeting import (
    EXEMPLE,
    ROUND_TITLE,
    VoteInput,
    cast,
    exemple,
    flat,
    start,
    status_line,
    title_line,
)
from tui_terminal.tmux import Pane, Server, debate_argv

pytestmark = pytest.mark.slow

FIRST_ARGUMENT = "+ Le terrain est inutilisé depuis dix ans."
FIRST_OBJECTION = "− Qui arrosera pendant les vacances"
VOTE = VoteInput("jardin-partage", Round.INDICATIVE, (12, 5, 3))
VOTES_LINE = "indicatif : Pour 12 · Contre 5 · Abstention 3"
RESULTS_TITLE = "Résultats · fiche 1"
CLOSED = "La réunion est close."
REOPEN = "Cette réunion est close"
WAITING = "En attente de la réunion"
NEXT = "À suivre (Pour)\u00a0: Le terrain est inutilisé"
GONE = "La fenêtre de l’animateur s’est fermée"


def room_window(server: Server, sessions: Path) -> Pane:
    return server.start(debate_argv("room", EXEMPLE, "--sessions", sessions))


def test_the_room_follows_each_step(tmux: Callable[..., Server], sessions: Path) -> None:
    server = tmux(100, 30)
    deck = exemple()
    room = room_window(server, sessions)
    room.wait_for(WAITING)  # started first: it waits for the meeting
    facilitator = start(server, sessions, "--new")
    room.wait_for(title_line(deck, "jardin-partage"))
    # What comes next is the facilitator's alone.
    facilitator.wait_for(NEXT)
    assert NEXT not in room.screen()

    facilitator.press("PageDown")
    room.wait_for(FIRST_ARGUMENT)
    assert FIRST_OBJECTION not in room.screen()
    facilitator.press("PageDown")
    room.wait_for(FIRST_OBJECTION)

    facilitator.press("t")  # the speaker timer, running
    room.wait_for("▶")
    facilitator.press("t")
    room.wait_for("❚❚")

    # The vote window is the facilitator's alone; the room sees the result once recorded.
    facilitator.press("i")
    facilitator.wait_for(ROUND_TITLE[Round.INDICATIVE])
    facilitator.press(*VOTE.keys()[1:])
    screen = room.wait_for(lambda s: VOTES_LINE in flat(s))
    assert ROUND_TITLE[Round.INDICATIVE] not in screen
    assert "Vote enregistré" not in screen  # nor its confirmation
    # The vote window closed (its line reached the journal first): r is the card's key.
    facilitator.wait_for(lambda s: VOTE.confirmation in status_line(s))
    facilitator.press("r")
    facilitator.wait_for(RESULTS_TITLE)
    room.wait_for(RESULTS_TITLE)
    facilitator.press("Escape")
    room.wait_for(RESULTS_TITLE, gone=True)

    # The facilitator's window dies while the speaker speaks: the room keeps the slide,
    # stops the timer and says why, then follows the restart.
    facilitator.press("t")
    room.wait_for("▶")
    facilitator.kill9()
    screen = room.wait_for(GONE)
    assert "❚❚" in screen and "▶" not in screen, screen
    assert FIRST_OBJECTION in screen
    stopped = room.screen()
    again = start(server, sessions, "--resume")
    room.wait_for(FIRST_ARGUMENT, gone=True)  # the restarted window shows the card afresh
    assert stopped != room.screen() and GONE not in room.screen()
    again.press("PageDown")
    room.wait_for(FIRST_ARGUMENT)
    again.press("PageDown", "PageDown", "PageDown")  # to card 2
    room.wait_for(title_line(deck, "boite-a-livres"))

    again.press("q")
    again.wait_for("clore")
    again.press("c")
    again.wait_for("Clore définitivement")
    again.press("o")
    room.wait_for(CLOSED)
    assert again.wait_exit() == 0

    # Closed by mistake: reopened from `debate --resume ID`, the wall follows it again.
    (journal,) = sessions.glob("*.jsonl")
    reopened = start(server, sessions, "--resume", journal.stem, wait=REOPEN)
    reopened.press("o")
    room.wait_for(CLOSED, gone=True)
    room.wait_for(title_line(deck, "boite-a-livres"))
    reopened.press("PageUp")  # back to card 1: the wall goes on following
    room.wait_for(title_line(deck, "jardin-partage"))
    reopened.press("q")
    reopened.wait_for("clore")
    reopened.press("o")  # quit, the meeting left open: the wall keeps the slide
    assert reopened.wait_exit() == 0
    assert CLOSED not in room.screen()
    room.press("q")
    assert room.wait_exit() == 0


def test_a_second_vote_corrects_what_the_room_shows(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    """A correction (the same round voted again) reaches the wall too."""
    server = tmux(80, 24)
    facilitator = start(server, sessions, "--new")
    facilitator.wait_for(title_line(exemple(), "jardin-partage"))
    assert NEXT not in facilitator.screen()  # one screen: the wall must not see it
    room = room_window(server, sessions)
    room.wait_for(title_line(exemple(), "jardin-partage"))
    # The room's window opened after the facilitator's: the "next" line shows at once,
    # without a key pressed.
    facilitator.wait_for(NEXT)
    cast(facilitator, VOTE)
    room.wait_for(lambda s: VOTES_LINE in flat(s))
    cast(facilitator, VoteInput("jardin-partage", Round.INDICATIVE, (13, 5, 3)), confirmed=False)
    room.wait_for(lambda s: "indicatif : Pour 13 · Contre 5 · Abstention 3" in flat(s))
