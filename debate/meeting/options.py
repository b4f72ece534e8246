"""What `debate run` was asked to do; built by the CLI, read by the app and the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from debate.deck.model import Deck
from debate.records import record

Mode = Literal["ask", "new", "resume"]


@record(frozen=True)
class Options:
    deck: Deck
    sessions_dir: Path
    lang: str  # interface language: fr or en
    theme: str | None = None  # None: the one last chosen here (debate.meeting.theme_memory)
    mode: Mode = "ask"
    place: str | None = None
    facilitator: str | None = None
    attendance: int | None = None
    rehearsal: bool = False  # a try before the meeting: marked, and kept apart from real ones
    resume_id: str | None = None  # --resume ID: this meeting (by id or its beginning)
