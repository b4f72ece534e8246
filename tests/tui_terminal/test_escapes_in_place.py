"""A place holding terminal escapes, drawn by the resume dialog in a real terminal
(issue 11, "Nothing reaches a terminal raw"): OSC 0 renamed the window, OSC 52 wrote the
clipboard. tmux reports both (the pane's title, its paste buffers), so the test sees
what the terminal was sent, not what the app meant to draw."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tui_terminal.meeting import EXEMPLE, RESUME_TITLE, exemple, quit_app, title_line
from tui_terminal.tmux import PY, WAIT, Pane, Server, debate_argv

pytestmark = pytest.mark.slow

ESCAPES = "Mairie\x1b]0;pwned\x07 \x1b]52;c;cm0gLXJmIH4=\x07 [/]"
SHOWN = "Mairie␛]0;pwned␇ ␛]52;c;cm0gLXJmIH4=␇ [/]"


def title(pane: Pane) -> str:
    return pane.server.tmux("display-message", "-p", "-t", pane.name, "#{pane_title}").strip()


def buffers(server: Server) -> str:
    return server.tmux("list-buffers", check=False)


def wait_title(pane: Pane, wanted: str) -> None:
    """Poll tmux until the pane's title is `wanted` (a wait with a deadline, not a delay)."""
    deadline = time.monotonic() + WAIT
    while title(pane) != wanted:
        assert time.monotonic() < deadline, title(pane)
        time.sleep(0.04)


def test_the_resume_dialog_sends_no_escape_from_a_place(
    tmux: Callable[..., Server], sessions: Path
) -> None:
    server = tmux(100, 30)
    first = server.start(
        debate_argv("run", EXEMPLE, "--sessions", sessions, "--place", ESCAPES, "--attendance", "9")
    )
    first.wait_for(title_line(exemple(), "jardin-partage"))
    # Accept OSC 52 from programs (tmux's default passes it on without keeping it).
    server.tmux("set-option", "-g", "set-clipboard", "on")
    assert quit_app(first) == 0

    pane = server.start(debate_argv("run", EXEMPLE, "--sessions", sessions))
    screen = pane.wait_for(RESUME_TITLE)
    assert SHOWN in " ".join(screen.split())
    assert title(pane) != "pwned"
    assert buffers(server) == ""
    pane.press("Enter")
    pane.wait_for(title_line(exemple(), "jardin-partage"))
    assert title(pane) != "pwned" and buffers(server) == ""
    assert quit_app(pane) == 0

    # The control: the same bytes written raw do rename the pane and fill a buffer here.
    raw = f"import sys; sys.stdout.write({ESCAPES!r}); sys.stdout.flush(); input()"
    control = server.start([PY, "-c", raw])
    wait_title(control, "pwned")
    assert buffers(server) != ""
