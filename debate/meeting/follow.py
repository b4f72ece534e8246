"""The room's window: a reader that follows the live meeting, and never writes.

It reads the meeting's journal with the same reader as every other command (torn last
line skipped, damage named), and the facilitator's slide (debate/meeting/slide.py). What
tells it to read again is `watch_key()`, a few `stat` calls that a caller may repeat
often: every file system on every system has them, where change notifications differ by
system and by file system (a USB stick, a network share). Nothing is read while nothing
changes.

Which meeting: the one named, or else the newest unfinished meeting of the deck in the
sessions folder, and when that one is closed, the next one opened there after it.

No Textual here: the room's app calls `reload()` when the key changes and listens for the
view published after it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from debate import platform
from debate.deck.model import Deck
from debate.meeting.meeting import Listener, Publishes, SaveStatus, View
from debate.meeting.slide import Slide, read_slide
from debate.meeting.speaker import Speaker
from debate.paths import lock_for, session_id_of, slide_for, theme_path
from debate.record.errors import SessionError
from debate.record.journal import JournalError, replay_journal
from debate.record.lock import SessionLock, read_pid
from debate.record.state import CardRecord, SessionState
from debate.records import record

if TYPE_CHECKING:
    from debate.record.results import CardResult

Stat = tuple[int, int, int] | None  # inode, size, modification time in ns; None: no file


def _stat(path: Path | None) -> Stat:
    if path is None:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


@record(frozen=True)
class Followed:
    """What the room shows: the meeting's state and the facilitator's slide."""

    journal: Path | None  # None: no meeting yet
    state: SessionState
    slide: Slide | None
    # Why the journal cannot be read (it names the file and line), worded by the window in
    # its own language; None when it reads.
    problem: JournalError | None

    @property
    def closed(self) -> bool:
        return self.state.finished


class Follower(Publishes):
    """Follows one sessions folder. `named` fixes the journal; else `deck`'s newest
    unfinished meeting is followed (a rehearsal's only with `rehearsal`, as `run` resumes
    them), then the next one once it is closed."""

    def __init__(
        self, sessions_dir: Path, deck: Deck, named: Path | None = None, rehearsal: bool = False
    ) -> None:
        self.sessions_dir = Path(sessions_dir)
        self.deck = deck
        self.named = named
        self.rehearsal = rehearsal
        self.journal: Path | None = named
        self._seen: tuple[Stat, Stat] = (None, None)  # the journal's, the slide's, last read
        self.followed = Followed(named, SessionState(), None, None)
        self._view: View | None = None
        # Each card's judgement, carried from view to view while its record stands.
        self._judged: dict[str, tuple[CardRecord, CardResult]] = {}
        self._listeners: list[Listener] = []
        self.speaker = Speaker()  # the facilitator's countdown, as the slide last showed it

    # -- when to read again -----------------------------------------------------------

    def watch_key(self) -> tuple[Stat, ...]:
        """Changes whenever something the room shows may have changed. A few stat calls:
        safe from another thread (it reads two attributes, each replaced whole)."""
        journal = self.journal
        key: tuple[Stat, ...] = (_stat(journal), _stat(slide_for(journal) if journal else None))
        key += (_stat(theme_path(self.sessions_dir)),)  # the facilitator chose another theme
        if self._looking():  # a meeting may be opened: the folder's own time moves then
            key += (_stat(self.sessions_dir),)
        return key

    def _looking(self) -> bool:
        return self.named is None and (self.journal is None or self.followed.closed)

    def reload(self) -> bool:
        """Read again what changed; publish a view and return True if what is shown did."""
        if self._looking():
            self._choose()
        journal = self.journal
        seen = (_stat(journal), _stat(slide_for(journal) if journal else None))
        if seen == self._seen and journal == self.followed.journal:
            return False
        before = self.followed
        state, problem = before.state, before.problem
        if journal != before.journal or seen[0] != self._seen[0]:
            state, problem = self._replay(journal)
        slide = read_slide(slide_for(journal)) if journal else None
        self._seen = seen
        self.followed = Followed(journal, state, slide, problem)
        if self.followed == before:
            return False
        self._publish()
        return True

    def _choose(self) -> None:
        from debate.record.catalog import unfinished_for

        found = unfinished_for(self.sessions_dir, self.deck, self.rehearsal)
        if not found or found[0].path == self.journal:
            return
        # After a close, only a meeting opened since: never last month's, left unfinished,
        # in place of tonight's "closed". Ids begin with the date and time.
        if self.journal is None or session_id_of(found[0].path) > session_id_of(self.journal):
            self.journal = found[0].path

    def _replay(self, journal: Path | None) -> tuple[SessionState, JournalError | None]:
        if journal is None:
            return SessionState(), None
        try:
            # The state only: memory never holds the events of a long meeting twice.
            return replay_journal(journal, keep_events=False).state, None
        except JournalError as exc:
            # Keep showing what was last read: a damaged line is said, not a blank wall.
            return self.followed.state, exc

    # -- what the card screen asks of a meeting (the room records nothing) -------------

    @property
    def state(self) -> SessionState:
        return self.followed.state

    @property
    def at_risk(self) -> bool:
        return False

    def view(self) -> View:
        view = self._view
        if view is None or view.state is not self.state:
            view = self._view = View(self.state, SaveStatus.SAVED, "", self.deck, self._judged)
        return view

    def shown(self, card_id: str) -> None:
        """A move on the room's screen follows the facilitator's: nothing to record."""

    def turn_ended(self, card_id: str, side: str, seconds: int) -> None:
        """The facilitator's window records the turn; the room's only shows it."""

    def next_speaker(self) -> None:
        """The room's keys do nothing: the facilitator's window hands over."""

    def retry(self) -> bool:
        return True

    def settle(self) -> str | None:
        return None


def writer_gone(journal: Path) -> bool:
    """Whether the facilitator's window that writes `journal` is known to be gone: its
    lock file was removed (it quit) or names a process that no longer runs (it was killed,
    or crashed: the kernel drops its lock, the file stays with its pid). False where that
    cannot be told (no pid written yet, or a system that cannot be asked). A read of a
    few bytes and a signal 0: cheap enough once a second, while a timer runs."""
    path = lock_for(journal)
    if not os.path.lexists(path):
        return True
    pid = read_pid(path)
    return pid is not None and platform.process_alive(pid) is False


# -- whether a room's window follows: the facilitator's window then says what is next -------

ROOM_LOCK = "room.lock"  # in the sessions folder: a room's window may wait for a meeting


def announce(sessions_dir: Path) -> SessionLock | None:
    """Held by a room's window while it runs (the kernel drops it if the window is
    killed): the facilitator's window shows what is next only then, so that with one
    screen the wall never shows it. None where it cannot be taken (a read-only folder,
    another room's window): the room still follows, its facilitator just sees no hint."""
    try:
        Path(sessions_dir).mkdir(parents=True, exist_ok=True)
        return SessionLock.acquire(Path(sessions_dir) / ROOM_LOCK, "room")
    except (OSError, SessionError):
        return None


def room_follows(sessions_dir: Path) -> bool:
    """Whether a room's window holds the folder's room lock. One stat when none ever ran;
    cheap enough for each key press of the facilitator."""
    path = Path(sessions_dir) / ROOM_LOCK
    try:
        fd = platform.open_regular(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if platform.descriptor_locks():
            if platform.try_lock(fd):
                platform.unlock(fd)  # left by a window that was killed: nobody follows
                return False
            return True
        with os.fdopen(os.dup(fd), "rb") as file:
            pid = file.read(32).strip()
        return pid.isdigit() and platform.process_alive(int(pid)) is not False
    except OSError:
        return False
    finally:
        os.close(fd)
