"""Regenerate the README's screenshots: `python docs/make_screenshots.py`.

Drives the real app with Textual's Pilot on the default deck, in a throwaway sessions
folder, and saves one SVG per main screen in docs/screenshots/.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from debate.deck import load_deck
from debate.meeting.options import Options
from debate.tui.app import DebateApp

OUT = Path(__file__).parent / "screenshots"
SIZE = (110, 34)

Step = Callable[[Pilot[None]], Awaitable[None]]


async def shoot(
    lang: str, theme: str, shots: list[tuple[str, Step]], setup_form: bool = False
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        deck = load_deck(f"desescalade-{lang}")
        options = Options(
            deck=deck,
            sessions_dir=Path(folder),
            lang=lang,
            theme=theme,
            mode="new",
            place=None if setup_form else "Salle des fêtes" if lang == "fr" else "Village hall",
            attendance=None if setup_form else 42,
        )
        app = DebateApp(options)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for name, step in shots:
                await step(pilot)
                await pilot.pause()
                app.save_screenshot(f"{name}.svg", str(OUT))
                print(f"wrote {OUT / name}.svg")


def keys(*names: str) -> Step:
    async def press(pilot: Pilot[None]) -> None:
        await pilot.press(*names)

    return press


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    await shoot(
        "fr",
        "light",
        [
            ("card", keys("pagedown", "pagedown", "pagedown")),
            ("vote", keys("i", "1", "8", "tab", "1", "5", "tab", "plus", "plus", "plus")),
            ("results", keys("enter", "r")),
            ("meeting-results", keys("escape", "R")),
            ("overview", keys("escape", "o")),
            ("help", keys("escape", "question_mark")),
            ("source-qr", keys("escape", "s")),
            ("timer", keys("escape", "t", "t")),
            ("notes", keys("n", *"Et le coût pour la commune ?", "enter")),
        ],
    )
    await shoot("fr", "light", [("setup", keys(*"Salle des fêtes", "tab", *"Claire"))], True)
    await shoot("en", "dark", [("card-en-dark", keys("pagedown", "pagedown"))])


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
