"""Shared fixtures for the in-process TUI tests: the app on a throw-away sessions folder.

Async tests run in their own event loop (no pytest plugin needed): Textual's
`App.run_test()` drives the real app headless, and `Pilot` presses its keys.
"""

from __future__ import annotations

import asyncio
import inspect
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from debate.deck import Deck, load_deck
from debate.meeting.options import Mode, Options
from debate.tui.app import DebateApp

from .tuitools import MEETING


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """No field's cursor blinks in these tests: a blink would land between two snapshots
    or two screen reads at random, and tests must not depend on when they look."""
    created = Input.__init__

    def init(self: Input, *args: object, **kwargs: object) -> None:
        created(self, *args, **kwargs)  # type: ignore[arg-type]
        self.cursor_blink = False

    monkeypatch.setattr(Input, "__init__", init)


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


@pytest.fixture
def meeting() -> Deck:
    return load_deck(str(MEETING))


MakeApp = Callable[..., DebateApp]


@pytest.fixture
def make_app(sessions: Path, meeting: Deck) -> MakeApp:
    """A DebateApp on the tests' sessions folder; by default on the meeting deck, in
    English, with place and attendance given (so the setup form is skipped)."""

    def make(
        deck: Deck | None = None,
        *,
        lang: str = "en",
        theme: str | None = "light",
        mode: Mode = "ask",
        place: str | None = "Village hall",
        facilitator: str | None = None,
        attendance: int | None = 40,
        rehearsal: bool = False,
    ) -> DebateApp:
        options = Options(
            deck=deck or meeting,
            sessions_dir=sessions,
            lang=lang,
            theme=theme,
            mode=mode,
            place=place,
            facilitator=facilitator,
            attendance=attendance,
            rehearsal=rehearsal,
        )
        return DebateApp(options)

    return make


class Clock:
    """Stands in for time.monotonic in the speaker timer, so no test waits for real time."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(
        "debate.meeting.speaker.time", types.SimpleNamespace(monotonic=clock.monotonic)
    )
    return clock
