"""A 16-colour console (TERM=linux, as on an old laptop without a desktop): the app draws
with the 16 standard colours only, and the card stays on screen, in both themes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tui_terminal.meeting import exemple, run_argv, title_line
from tui_terminal.tmux import Server

pytestmark = pytest.mark.slow

SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def extended_colours(screen: str) -> set[str]:
    """SGR sequences that ask for a 256-colour or true colour (38/48;5 or 38/48;2)."""
    found = set()
    for params in SGR.findall(screen):
        parts = params.replace(":", ";").split(";")
        for i, part in enumerate(parts[:-1]):
            if part in ("38", "48") and parts[i + 1] in ("2", "5"):
                found.add(params)
    return found


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_linux_console_gets_sixteen_colours(
    tmux: Callable[..., Server], sessions: Path, theme: str
) -> None:
    server = tmux(100, 30)
    # tmux sets TERM itself for the pane's process: `env` (which execs) sets it after.
    argv = ["env", "TERM=linux", "COLORTERM=", *run_argv(sessions, "--theme", theme)]
    pane = server.start(argv)
    title = title_line(exemple(), "jardin-partage")
    pane.wait_for(title)
    coloured = server.tmux("capture-pane", "-p", "-e", "-t", pane.name)
    assert SGR.search(coloured), "no colour at all: the capture did not keep attributes"
    assert extended_colours(coloured) == set()
    assert title in pane.screen()
