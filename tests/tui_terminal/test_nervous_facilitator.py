"""Issue 15's proof: a meeting in a real terminal, run by a nervous facilitator who makes
each mistake of the issue in turn, then mends it on the record. The minutes at the end
are right, and each mend is in their corrections; nothing was deleted from the journal.

The mistakes come in the issue's order, but for the setup form's, which comes first
because an evening starts there: (1) the double Enter over the attendance, with the
counts typed in the same burst as `i` (8), the room counted again and the 203 itself
mended; (2) Escape on the resume prompt; (3) q Enter, then `c`
and `o` in the quit dialog, the meeting closed by mistake and reopened; (4) Escape on
typed counts and on a typed remark; (6) the timer's - pressed to cut one speaker; (7) a
second window; (9) Ctrl+C, help for the vote window, the palette's theme and the dark
theme after a resume, and where the minutes are at the exit. The timer's overtime at
0:00 needs its turn's real 30 s: test_speaker_overtime.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from debate.meeting.speaker import DEFAULT_SECONDS, STEP
from tui_terminal.meeting import (
    EXEMPLE,
    QUIT_TITLE,
    RESUME_TITLE,
    debate_argv,
    exemple,
    journal_in,
    title_line,
)
from tui_terminal.test_speaker_overtime import clock, shows
from tui_terminal.tmux import Pane, Server

pytestmark = pytest.mark.slow


def burst(server: Server, pane_name: str, *keys: str) -> None:
    """Keys in one send-keys call: the app reads them at once, as from a hurried hand."""
    server.tmux("send-keys", "-t", pane_name, *keys)


def flat(screen: str) -> str:
    return " ".join(screen.replace("┃", " ").split())


def said_at_exit(pane: Pane) -> str:
    """What the pane printed once the app left the screen, on one line."""
    return "".join(pane.history().split())


def background(server: Server, pane: Pane) -> str:
    """The status line's background colour, as the terminal was told it: the theme's."""
    row = server.tmux("capture-pane", "-e", "-p", "-t", pane.name).splitlines()[0]
    found = re.search(r"\x1b\[(?:[0-9;]*;)?(48;[0-9;]+?)m", row)
    return found.group(1) if found else ""


def test_every_mistake_of_the_evening_is_mended_on_the_record(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    server = tmux(110, 40)
    run = debate_argv("run", EXEMPLE, "--sessions", sessions)
    pane = server.start(run)
    pane.wait_for("Nouvelle réunion")
    card_1 = title_line(exemple(), "jardin-partage")

    # (5) The setup form: Enter on "Présents" with no place, the place typed right after.
    burst(server, pane.name, "Tab", "Tab", "10", "Enter", "Mairie", "Enter")
    pane.wait_for(card_1)
    assert "Présents : 10" in flat(pane.screen())
    light = background(server, pane)
    assert light

    # (1, 8) i, 200 for 2 and 3, then Enter Enter in one burst: the counts reach the vote
    # window in the order typed (on a loaded machine they once came out 0-320-0), and
    # nothing is raised.
    burst(server, pane.name, "i", "200", "Tab", "3", "Enter", "Enter")
    pane.wait_for(lambda s: "203 mains mais seulement 10 présents" in flat(s))
    pane.press("a")  # the mistake, this time made on purpose: 203 present
    # The status line tells the vote first (the attendance follows it, cut at this
    # width); the journal holds the raised attendance by the time it is told.
    pane.wait_for(lambda s: "Vote enregistré : Pour 200" in flat(s))
    journal = journal_in(sessions)
    assert '"count": 203' in journal.read_text("utf-8")

    # The room is counted again, and the vote corrected and judged on it.
    pane.press("a")
    pane.wait_for("Combien de personnes")
    burst(server, pane.name, "10", "Enter")
    pane.wait_for("Combien de personnes", gone=True)
    pane.wait_for(lambda s: journal.read_text("utf-8").rstrip().endswith('"count": 10}'))
    pane.press("i")
    pane.wait_for("Présents lors de ce vote")
    burst(server, pane.name, "6", "Tab", "Tab", "Tab", "10", "Enter")
    pane.wait_for("Correction du vote enregistré", gone=True)
    # And the 203 itself, mended in the attendance log: ↑ the 10, ↑ the 203.
    pane.press("a")
    pane.wait_for("Combien de personnes")
    pane.press("Up", "Up")
    pane.wait_for(lambda s: "Correction du nombre de présents de" in flat(s) and "(203)" in s)
    # Ctrl+U is the field's binding, taken once the key comes back to the app: a digit
    # read with it would reach the field first. So the field is seen empty first.
    before = flat(pane.screen()).count("203")
    pane.press("C-u")
    pane.wait_for(lambda s: flat(s).count("203") == before - 1)
    pane.press("1", "0", "Enter")
    pane.wait_for("Combien de personnes", gone=True)
    pane.wait_for(lambda s: '"attendance-corrected"' in journal.read_text("utf-8"))

    # (2) Escape on the resume prompt starts nothing; the meeting is offered again.
    pane.press("q")
    pane.wait_for(QUIT_TITLE)
    pane.press("o")  # oui
    assert pane.wait_exit() == 0
    prompt = server.start(run)
    prompt.wait_for(RESUME_TITLE)
    prompt.press("Escape")
    assert prompt.wait_exit() == 0
    assert "rienn’aétécommencé" in said_at_exit(prompt)
    assert list(sessions.glob("*.jsonl")) == [journal]  # no second meeting
    pane = server.start(run)
    pane.wait_for(RESUME_TITLE)
    pane.press("Enter")
    pane.wait_for(card_1)

    # (3) q Enter stays; c asks; o (oui) closes; debate says where the minutes are.
    pane.press("q")
    pane.wait_for(QUIT_TITLE)
    pane.press("Enter")
    pane.wait_for(QUIT_TITLE, gone=True)
    pane.press("q", "c")
    pane.wait_for("Clore définitivement la réunion ?")
    pane.press("o")
    assert pane.wait_exit() == 0
    where = f"le compte rendu est dans {journal.with_suffix('.txt')}"
    assert "".join(where.split()) in said_at_exit(pane)
    # Closed by mistake: reopened, on the record.
    resume = debate_argv("run", EXEMPLE, "--sessions", sessions, "--resume", journal.stem)
    pane = server.start(resume)
    pane.wait_for("Cette réunion est close")
    pane.press("o")
    pane.wait_for(card_1)

    # (4) Escape on counts typed asks first; so does Escape on a remark typed.
    burst(server, pane.name, "v", "5", "Escape")
    pane.wait_for(lambda s: "Échap à nouveau pour les abandonner" in flat(s))
    pane.press("Escape")
    pane.wait_for("Vote final", gone=True)
    pane.press("n")
    pane.wait_for("Remarque de la salle")
    burst(server, pane.name, "Hors sujet", "Enter")
    pane.wait_for("• Hors sujet")
    burst(server, pane.name, "Up", "C-u", "Enter")  # withdrawn: asked, then Enter again
    pane.wait_for(lambda s: "Entrée à nouveau pour retirer cette note" in flat(s))
    pane.press("Enter")
    pane.wait_for("• Hors sujet", gone=True)
    burst(server, pane.name, "Demander à l'école", "Escape")
    pane.wait_for(lambda s: "Échap à nouveau pour l’abandonner" in flat(s))
    pane.press("Enter")  # added after all
    pane.wait_for("• Demander à l'école")
    pane.press("Escape")
    pane.wait_for("Remarque de la salle", gone=True)

    # (6) One speaker cut short with -, four times: the next turn is a full one.
    pane.press("-")
    pane.wait_for(lambda s: shows(s, clock(DEFAULT_SECONDS - STEP)))
    pane.press("-", "-", "-")
    pane.wait_for(lambda s: shows(s, clock(STEP)))
    pane.press("T")
    pane.wait_for(lambda s: shows(s, clock(DEFAULT_SECONDS)))

    # (7) A second window: told in French, in place, and Escape leaves without a trace.
    second = server.start(run)
    second.wait_for(RESUME_TITLE)
    second.press("Enter")
    second.wait_for(lambda s: "ouverte dans une autre fenêtre de debate" in flat(s))
    second.press("Escape")
    assert second.wait_exit() == 0
    left = second.history()
    assert not re.search(r"\bpid\b", left) and "resume" not in left.lower()

    # (9) Ctrl+C in French; help lists the vote window's keys; the palette names the
    # theme once; the dark theme comes back with the resumed meeting.
    pane.press("C-c")
    pane.wait_for(lambda s: "Pour quitter : q (avec confirmation), ou Ctrl+Q." in flat(s))
    assert "ctrl+q to quit" not in pane.screen()
    pane.press("?")
    pane.wait_for("Dans la fenêtre de vote")
    pane.press("Escape")
    pane.wait_for("Dans la fenêtre de vote", gone=True)
    pane.press("C-p")
    pane.type("thème")
    palette = pane.wait_for("Basculer thème clair / sombre")
    assert palette.count("Basculer thème clair / sombre") == 1
    pane.press("Enter")
    pane.wait_for("Basculer thème clair / sombre", gone=True)
    pane.wait_for(lambda _: background(server, pane) not in ("", light))
    dark = background(server, pane)
    pane.press("q")
    pane.wait_for(QUIT_TITLE)
    pane.press("o")
    assert pane.wait_exit() == 0
    assert "".join(where.split()) in said_at_exit(pane)
    again = server.start(resume)
    again.wait_for(card_1)
    again.wait_for(lambda _: background(server, again) == dark)  # not the light one
    again.press("q", "o")
    assert again.wait_exit() == 0

    text = journal.with_suffix(".txt").read_text(encoding="utf-8").replace("\u00a0", " ")
    head = " ".join(text[: text.index("Fiche 1")].split())
    assert "Présence : 10 présents" in head and "203" not in head.split("Corrections")[0]
    assert "Corrections : présence de" in head and ": 203 -> 10" in head
    minutes = " ".join(text.split())
    assert "194 sur 203" not in minutes and "1 sur 10 présents" in minutes
    assert "200-3-0 -> 6-3-0" in minutes
    assert "jugé sur 10 présents au lieu de 203" in minutes
    assert "retirée à" in minutes and "« Hors sujet »" in minutes
    assert "Demander à l'école" in minutes
    assert "par erreur, rouverte à" in minutes
    kinds = [
        line.split('"type": "', 1)[1].split('"', 1)[0] for line in journal.read_text().splitlines()
    ]
    assert kinds.count("vote-recorded") == 1 and kinds.count("remark") == 2  # none deleted
    assert kinds.count("attendance-set") == 3 and kinds.count("attendance-corrected") == 1
    assert kinds.count("session-closed") == 1 and kinds[-1] != "session-closed"
