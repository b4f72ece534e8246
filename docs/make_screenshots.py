"""Regenerate the README's screenshots: `python docs/make_screenshots.py`.

Drives the real app with Textual's Pilot on the default deck, in a throwaway sessions
folder, and saves one SVG per main screen in docs/screenshots/.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from textual.pilot import Pilot

from debate.deck import load_deck
from debate.meeting.follow import Follower, announce
from debate.meeting.options import Options
from debate.meeting.slide import Countdown, Slide, write_slide
from debate.paths import slide_for
from debate.record.events import Round, VoteRecorded
from debate.record.session import Session
from debate.tui.app import DebateApp
from debate.tui.room_app import RoomApp

OUT = Path(__file__).parent / "screenshots"
SIZE = (110, 34)

Step = Callable[[Pilot[None]], Awaitable[None]]


async def shoot(
    lang: str,
    theme: str,
    shots: list[tuple[str, Step]],
    setup_form: bool = False,
    room: bool = False,
) -> None:
    """`room`: as while a room's window follows, so the card shows the "next" line."""
    with tempfile.TemporaryDirectory() as folder:
        presence = announce(Path(folder)) if room else None
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
        if presence is not None:
            presence.release()


async def shoot_room(name: str, lang: str, theme: str) -> None:
    """The room's window (`debate room`) following a meeting: card 1, two items revealed,
    the speaker timer paused, the indicative vote recorded."""
    with tempfile.TemporaryDirectory() as folder:
        sessions = Path(folder)
        deck = load_deck(f"desescalade-{lang}")
        place = "Salle des fêtes" if lang == "fr" else "Village hall"
        session = Session.create(deck, sessions, place, "", 42, lang, datetime(2026, 3, 1, 20))
        card = deck.cards[0]
        session.record(
            VoteRecorded(
                card=card.id,
                round=Round.INDICATIVE,
                method=card.vote.method.value,
                labels=card.vote.labels,
                counts=(18, 15, 3),
                rule=card.vote.rule.value,
                ungraded=card.vote.ungraded.value,
            )
        )
        timer = Countdown("against", 120, 45.0, running=False, at=0.0)
        write_slide(slide_for(session.journal_path), Slide(card.id, 2, timer))
        options = Options(deck=deck, sessions_dir=sessions, lang=lang, theme=theme)
        app = RoomApp(options, Follower(sessions, deck))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            app.save_screenshot(f"{name}.svg", str(OUT))
            print(f"wrote {OUT / name}.svg")
        session.release()


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
    await shoot("fr", "light", [("next-line", keys("pagedown"))], room=True)
    await shoot_room("room", "fr", "light")


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
