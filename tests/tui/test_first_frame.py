"""What card 1 of a new meeting waits for, and what waits for it.

The first frame is drawn once the card screen is mounted: what it has not imported or
read by then is not paid for before card 1 shows. Each probe runs in a fresh interpreter,
since this process has imported everything already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from debate.paths import theme_path
from debate.tui.screens.base import SCREENS_CSS

from .tuitools import MEETING

PROBE = """
import asyncio, sys, threading
from pathlib import Path
from debate.deck import load_deck
from debate.meeting.options import Options
from debate.tui.app import DebateApp
from debate.tui.screens import card
from debate.tui.screens.base import SCREENS_CSS

seen = {}
mounted = card.CardScreen.on_mount

def on_mount(self):
    mounted(self)
    seen["results"] = "debate.record.results" in sys.modules
    seen["screens.tcss"] = self.app.stylesheet.has_source(str(SCREENS_CSS))
    seen["ctypes"] = "ctypes" in sys.modules  # the room lookout's watch
    seen["lookout"] = any(t.name == "debate-room-lookout" for t in threading.enumerate())

card.CardScreen.on_mount = on_mount

async def main():
    options = Options(
        deck=load_deck(sys.argv[1]), sessions_dir=Path(sys.argv[2]), lang="en",
        theme="dark", mode="new", place="Village hall", facilitator=None, attendance=40,
        rehearsal=False,
    )
    app = DebateApp(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        seen["screens.tcss later"] = app.stylesheet.has_source(str(SCREENS_CSS))
        seen["lookout later"] = app._lookout is not None and app._lookout._thread is not None
    print(sorted(seen.items()))

asyncio.run(main())
"""


def test_card_1_is_drawn_before_the_other_screens_and_the_judging_of_votes(
    tmp_path: Path,
) -> None:
    sessions = tmp_path / "sessions"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(MEETING), str(sessions)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # A new meeting's card 1 has no vote to judge; the dialogs' styles come once it shows,
    # and so does the thread that watches for a room's window (and the C library it finds).
    assert done.stdout.strip() == str(
        [
            ("ctypes", False),
            ("lookout", False),
            ("lookout later", True),
            ("results", False),
            ("screens.tcss", False),
            ("screens.tcss later", True),
        ]
    )
    # The theme, remembered after the first frame, is on disk when the window closes.
    assert theme_path(sessions).read_text(encoding="utf-8") == "dark\n"


def test_every_screen_but_the_card_is_styled_by_screens_tcss() -> None:
    from debate.tui.screens.base import DebateModal
    from debate.tui.screens.blank import BlankScreen
    from debate.tui.screens.setup import SetupScreen

    for screen in (DebateModal, BlankScreen, SetupScreen):
        assert screen.CSS_PATH == SCREENS_CSS
    assert SCREENS_CSS.is_file()
