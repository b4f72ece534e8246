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


GREYS = {30, 37, 90, 97}  # black, white and their bright forms: no hue


def colour_of(screen: str, text: str) -> int | None:
    """The 16-colour foreground (30-37, 90-97) in effect where `text` starts on the
    captured `screen` (escapes kept), or None for the terminal's default."""
    line = next(line for line in screen.splitlines() if text in SGR.sub("", line))
    plain, colour, at = "", None, 0
    for match in SGR.finditer(line):
        plain += line[at : match.start()]
        if text in plain:
            break
        at = match.end()
        numbers = [int(p) for p in match[1].replace(":", ";").split(";") if p.isdigit()]
        for n in numbers or [0]:
            if n == 0 or n == 39:
                colour = None
            elif 30 <= n <= 37 or 90 <= n <= 97:
                colour = n
    return colour


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_for_and_against_keep_distinct_hues_on_a_linux_console(
    tmux: Callable[..., Server], sessions: Path, theme: str
) -> None:
    # The first argument, then the first objection, each in focus on the slide: the issue
    # saw every argument "for" drawn in grey (SGR 90) on white.
    deck = exemple()
    card = deck.cards[0]
    server = tmux(100, 30)
    argv = ["env", "TERM=linux", "COLORTERM=", *run_argv(sessions, "--theme", theme)]
    pane = server.start(argv)
    pane.wait_for(title_line(deck, card.id))
    hues = []
    for item in (card.arguments[0], card.objections[0]):
        pane.press("PageDown")
        words = item.text[:20]
        pane.wait_for(words)
        screen = server.tmux("capture-pane", "-p", "-e", "-t", pane.name)
        hues.append(colour_of(screen, words))
    for_, against = hues
    assert for_ is not None and against is not None, hues
    assert for_ not in GREYS and against not in GREYS, hues
    assert for_ != against, hues
