"""SVG snapshots of the card, vote and results screens at 80x24 and 120x40, light and dark.

On the tests' own deck (tests/tui/decks), so that a change of the default deck's wording
does not move them. Nothing on these screens depends on the clock: the session's date and
time appear only in its id and minutes, neither of which is drawn here. The "vote
recorded" toasts are cleared and the cursor does not blink, so two runs draw the same
picture.

Regenerate after a deliberate change of the screens, then look at the pictures:
`pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from .conftest import MakeApp

KEYS = {
    # Two arguments and the objection between them, with its answer.
    "card": ["pagedown", "pagedown", "pagedown"],
    # A final vote being counted: two fields typed, the running sum.
    "vote": ["v", "2", "0", "tab", "1", "0"],
    # Both rounds recorded: counts, bars, percentages, outcome, the shift.
    "results": [
        *["i", "1", "2", "tab", "5", "tab", "2", "enter"],
        *["v", "2", "0", "tab", "1", "0", "tab", "3", "enter", "r"],
    ],
}


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("screen", list(KEYS))
def test_screen(
    snap_compare: Any, make_app: MakeApp, screen: str, size: tuple[int, int], theme: str
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        *keys, last = KEYS[screen]
        await pilot.press(*keys)
        # Cleared while the screen they were shown on is on top, so that it is redrawn
        # without them before the next screen covers it (else a modal's see-through
        # background may show where they were, or not, depending on timing).
        pilot.app.clear_notifications()
        await pilot.pause()
        await pilot.press(last)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(theme=theme), terminal_size=size, run_before=run_before)
