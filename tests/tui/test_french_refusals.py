"""A French screen words the record's refusals in French (issue 13, item 4): the domain
raises a code (debate/error_words.py), never a sentence the screen must show as is."""

from __future__ import annotations

import re
from pathlib import Path

from debate.error_words import Error
from debate.record.events import SessionClosed
from debate.tui import keys

from .conftest import MakeApp
from .test_keys import readme_tables
from .tuitools import flat, of_type, region_text

SIZE = (100, 30)


async def test_a_refused_vote_is_told_in_french(make_app: MakeApp, sessions: Path) -> None:
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("i", "3", "0", "tab", "2")  # the vote window, counts typed
        # Meanwhile the meeting is closed by another way (as a second window would): the
        # window's own Enter is then one the record refuses.
        assert app.record(SessionClosed())
        await pilot.press("enter")
        await pilot.pause()
        # In the vote window's own line (the window stays open), never in a toast.
        assert not app._notifications
        shown = flat(region_text(app, "#vote-error"))
        assert flat("cette séance est close") in shown, shown
        for error in Error:  # no refusal's English, whichever it is
            for part in re.split(r"\{[^}]*\}", error.value.en):
                assert len(part) < 8 or flat(part) not in shown, (error, shown)
    assert of_type(sessions, "vote-recorded") == []  # refused: nothing written


LISEZMOI = Path(__file__).resolve().parents[2] / "LISEZMOI.md"


def test_the_french_readme_lists_the_keys_the_french_help_lists() -> None:
    """LISEZMOI.md's tables under "## Touches" are the French help screen's, word for word
    (`python docs/make_key_tables.py` rewrites them when the key table changes)."""
    tables = readme_tables(LISEZMOI, "Touches", "touche")
    wanted = [
        [(re.sub(r"\s{2,}", " / ", shown), what) for shown, what in keys.help_rows(table, "fr")]
        for _, table in keys.HELP_SECTIONS
    ]
    assert tables == wanted
