"""Issue 15's proof: a meeting in a real terminal, run by a nervous facilitator who makes
each mistake of the issue in turn, then mends it on the record. The minutes at the end
are right, and each mend is in their corrections; nothing was deleted from the journal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui_terminal.meeting import (
    EXEMPLE,
    QUIT_TITLE,
    debate_argv,
    exemple,
    journal_in,
    title_line,
)
from tui_terminal.tmux import Server

pytestmark = pytest.mark.slow


def burst(server: Server, pane_name: str, *keys: str) -> None:
    """Keys in one send-keys call: the app reads them at once, as from a hurried hand."""
    server.tmux("send-keys", "-t", pane_name, *keys)


def flat(screen: str) -> str:
    return " ".join(screen.replace("┃", " ").split())


def test_every_mistake_of_the_evening_is_mended_on_the_record(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    server = tmux(110, 40)
    pane = server.start(debate_argv("run", EXEMPLE, "--sessions", sessions))
    pane.wait_for("Nouvelle réunion")
    card_1 = title_line(exemple(), "jardin-partage")

    # The setup form: Enter on "Présents" with no place, the place typed right after.
    burst(server, pane.name, "Tab", "Tab", "10", "Enter", "Mairie", "Enter")
    pane.wait_for(card_1)
    assert "Présents : 10" in flat(pane.screen())

    # i and the counts in one burst, 200 for 2, then Enter Enter: nothing raised.
    burst(server, pane.name, "i", "200", "Tab", "3", "Enter", "Enter")
    pane.wait_for(lambda s: "203 mains mais seulement 10 présents" in flat(s))
    pane.press("a")  # the mistake, this time made on purpose: 203 present
    # The status line tells the vote first (the attendance follows it, cut at this
    # width); the journal holds the raised attendance by the time it is told.
    pane.wait_for(lambda s: "Vote enregistré : Pour 200" in flat(s))
    assert '"count": 203' in journal_in(sessions).read_text("utf-8")

    # The room is counted again, and the vote corrected and judged on it.
    pane.press("a")
    pane.wait_for("Combien de personnes")
    burst(server, pane.name, "10", "Enter")
    pane.wait_for("Combien de personnes", gone=True)
    journal = journal_in(sessions)
    pane.wait_for(lambda s: journal.read_text("utf-8").rstrip().endswith('"count": 10}'))
    pane.press("i")
    pane.wait_for("Présents lors de ce vote")
    burst(server, pane.name, "6", "Tab", "Tab", "Tab", "10", "Enter")
    pane.wait_for("Correction du vote enregistré", gone=True)

    # Escape on counts typed asks first.
    burst(server, pane.name, "v", "5", "Escape")
    pane.wait_for(lambda s: "Échap à nouveau pour les abandonner" in flat(s))
    pane.press("Escape")
    pane.wait_for("Vote final", gone=True)

    # A remark noted, then withdrawn.
    pane.press("n")
    pane.wait_for("Remarque de la salle")
    burst(server, pane.name, "Hors sujet", "Enter")
    pane.wait_for("• Hors sujet")
    burst(server, pane.name, "Up", "C-u", "Enter")
    pane.wait_for(lambda s: "Entrée à nouveau pour retirer cette note" in flat(s))
    pane.press("Enter")
    pane.wait_for("• Hors sujet", gone=True)
    pane.press("Escape")
    pane.wait_for("Remarque de la salle", gone=True)

    # q Enter stays; c asks; o (oui) closes; debate says where the minutes are.
    pane.press("q")
    pane.wait_for(QUIT_TITLE)
    pane.press("Enter")
    pane.wait_for(QUIT_TITLE, gone=True)
    pane.press("q", "c")
    pane.wait_for("Clore définitivement la réunion ?")
    pane.press("o")
    assert pane.wait_exit() == 0
    journal = journal_in(sessions)
    assert "".join(f"le compte rendu est dans {journal.with_suffix('.txt')}".split()) in "".join(
        pane.history().split()
    )

    # Closed by mistake: reopened, on the record.
    again = server.start(
        debate_argv("run", EXEMPLE, "--sessions", sessions, "--resume", journal.stem)
    )
    again.wait_for("Cette réunion est close")
    again.press("o")
    again.wait_for(card_1)
    again.press("q", "o")
    assert again.wait_exit() == 0

    minutes = " ".join(journal.with_suffix(".txt").read_text(encoding="utf-8").split())
    minutes = minutes.replace("\u00a0", " ")
    assert "194 sur 203" not in minutes and "1 sur 10 présents" in minutes
    assert "200-3-0 -> 6-3-0" in minutes
    assert "jugé sur 10 présents au lieu de 203" in minutes
    assert "retirée à" in minutes and "« Hors sujet »" in minutes
    assert "par erreur, rouverte à" in minutes
    kinds = [
        line.split('"type": "', 1)[1].split('"', 1)[0] for line in journal.read_text().splitlines()
    ]
    assert kinds.count("vote-recorded") == 1 and kinds.count("remark") == 1  # none deleted
    assert kinds.count("session-closed") == 1 and kinds[-1] != "session-closed"
