"""The live session: apply an event, append it to the journal, rewrite the minutes.

`record()` never loses an event and never raises for a disk problem: an event that cannot
be written yet (disk full, read-only or vanished sessions folder) is applied to the state on
screen, kept in `pending`, and written first, in order, at the next action. `problem` says
so in one line. Events the state refuses (InvalidEvent) are never written.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Literal

from debate.deck.model import Deck
from debate.error_words import Error
from debate.fserrors import system_says
from debate.i18n import Words, words_for
from debate.paths import (
    PLACE_SLUG_MAX,
    journal_path,
    lock_for,
    minutes_for,
    session_id_of,
)
from debate.record.catalog import deck_location
from debate.record.errors import SessionError, SessionNotFound
from debate.record.events import (
    FORMAT,
    AttendanceSet,
    Event,
    SessionClosed,
    SessionOpened,
    new_meeting_id,
)
from debate.record.journal import JournalError
from debate.record.journal_writer import Journal
from debate.record.lock import LockRefused, SessionLock, SessionLocked
from debate.record.state import SessionState, apply
from debate.safefile import write_text_atomic
from debate.textutil import slug
from debate.told import Phrase, say

__all__ = ["JournalError", "Session", "SessionError", "SessionLocked", "SessionNotFound"]


class Session:
    """A session open for writing in this window. Build it with `create` or `resume`."""

    def __init__(
        self,
        deck: Deck,
        journal_path: Path,
        state: SessionState,
        journal: Journal | None,
        lock: SessionLock | None,
        pending: list[Event],
        warnings: list[str],
        base: str = "",
    ) -> None:
        self.deck = deck
        self.journal_path = journal_path
        self.state = state
        self.pending = pending  # applied to `state`, not yet in the journal, oldest first
        self.problem: str | None = None  # why the last write failed, for the screen
        self.warnings = warnings  # what resuming found (torn line, deck changed...)
        self._journal = journal
        self._lock = lock
        self._minutes_stale = True
        # A session created where nothing could be written yet claims its id at the first
        # write: another window may have taken this one meanwhile.
        self._unclaimed = journal is None
        self._base = base or self.id

    @property
    def id(self) -> str:
        return session_id_of(self.journal_path)

    @property
    def minutes_path(self) -> Path:
        return minutes_for(self.journal_path)

    @property
    def saved(self) -> bool:
        """Every event is in the journal and the minutes on disk are current."""
        return not self.pending and not self._minutes_stale

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        deck: Deck,
        sessions_dir: Path,
        place: str,
        facilitator: str,
        attendance: int,
        language: str,
        when: datetime | None = None,
        minutes: bool = True,
        meeting: str | None = None,
        rehearsal: bool = False,
    ) -> Session:
        """A new session `YYYY-MM-DD-HHMM-<place>-<meeting id>` (then `-2`, `-3`... if
        taken, which a random id makes all but impossible). `meeting` fixes the id (tests).

        InvalidEvent for an impossible attendance; a disk problem only sets `problem`.
        `minutes=False` leaves the minutes for a later `flush_pending()` (see `record`)."""
        moment = (when or datetime.now()).astimezone()
        at = moment.isoformat(timespec="seconds")
        meeting = meeting or new_meeting_id()
        # A rehearsal's name says so (in the session's language): told apart at a glance.
        marker = words_for(language)["rehearsal_name"] if rehearsal else ""
        parts = (f"{moment:%Y-%m-%d-%H%M}", marker, slug(place, PLACE_SLUG_MAX), meeting)
        base = "-".join(part for part in parts if part)
        opened = SessionOpened(
            at=at,
            deck_title=deck.title,
            deck_path=deck_location(deck),
            deck_digest=deck.digest,
            language=language,
            place=place,
            facilitator=facilitator,
            meeting=meeting,
            rehearsal=rehearsal,
            format=FORMAT,  # the newest: whatever is recorded next, it reads
        )
        events: list[Event] = [opened, AttendanceSet(at=at, count=attendance)]
        state = SessionState()
        for event in events:
            state = apply(state, event)
        sessions_dir = Path(sessions_dir)
        first = next(_free_journals(sessions_dir, base))
        session = cls(deck, first, state, None, None, events, [], base)
        session.flush_pending(minutes=minutes)
        return session

    @classmethod
    def resume(cls, journal_path: Path, deck: Deck) -> Session:
        """Reopen a session to go on recording. JournalError if its journal is damaged,
        SessionLocked if another window has it, SessionError if it holds nothing: all
        three are SessionErrors."""
        journal_path = Path(journal_path)
        sid = session_id_of(journal_path)
        try:
            # Locked before reading, so that no other window appends after our reading.
            lock: SessionLock | None = SessionLock.acquire(lock_for(journal_path), sid)
        except OSError:  # a read-only folder: nothing can be written; lock at the first write
            lock = None
        try:
            if lock is not None:
                with contextlib.suppress(OSError):  # unreadable: Journal.open says why
                    lock.cover(journal_path)
            journal, replayed = Journal.open(journal_path)
            state = replayed.state
            opened = state.opened
            if opened is None:
                raise JournalError(Error.NOTHING_RECORDED, path=journal_path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        words = words_for(opened.language)
        warnings = [
            Phrase(Error.TORN_LINE, where=f"{journal_path}:{n}").in_(opened.language)
            for n in replayed.torn_lines
        ]
        if deck.digest != opened.deck_digest:
            warnings.append(words["ses_deck_changed"])
        missing = [cid for cid in state.order if deck.card(cid) is None]
        if missing:
            warnings.append(words["ses_cards_missing"].format(cards=", ".join(missing)))
        session = cls(deck, journal_path, state, journal, lock, [], warnings)
        session.flush_pending()  # the minutes may predate the last event (a power cut)
        return session

    # -- recording ----------------------------------------------------------------------

    def record(self, event: Event, minutes: bool = True) -> None:
        """Apply `event` (InvalidEvent propagates, nothing written), then save it.

        Never raises for a disk problem: see `pending` and `problem`. With `minutes=False`
        only the journal is written now (it is the record: a resume rebuilds the minutes
        from it); the caller runs `flush_pending()` soon after, e.g. once the screen has
        moved to the next card, so that a key press is not kept waiting on the minutes."""
        self.state = apply(self.state, event)
        self.pending.append(event)
        self._minutes_stale = True
        self.flush_pending(minutes=minutes)

    @property
    def at_risk(self) -> bool:
        """Something recorded is not in the journal yet, or the last write failed."""
        return bool(self.pending) or self.problem is not None

    def flush_pending(self, minutes: bool = True) -> bool:
        """Write what is pending, in order, then (unless told not to) the minutes.
        True when all that was asked is written."""
        try:
            self._write_journal()
        except (OSError, SessionError) as exc:  # JournalError, SessionLocked, LockRefused
            self.problem = self._message("ses_not_saved", exc, self.journal_path)
            return False
        if self._minutes_stale and minutes:
            state = self.state
            self.minutes_written(state, self.write_minutes_of(state))
            return self.problem is None
        self.problem = None
        return True

    def write_minutes_of(self, state: SessionState) -> str | None:
        """Render the minutes of `state` and replace the file with them: None when done,
        else why not (worded for the screen). Changes nothing of the session, so that it
        may run in another thread while the journal takes the next line; the session's own
        thread then hands the outcome to `minutes_written`."""
        # Imported here: the minutes (and their QR encoder) are not needed before the
        # first card is on screen, and cost a tenth of a second of imports.
        from debate.record.minutes import render_minutes

        try:
            text = render_minutes(state, self.deck)
        except Exception as exc:
            # The event is safe in the journal: a fault in the minutes must not stop the
            # meeting, nor pass for a refused event. Said on screen, retried next time.
            return self._message("ses_minutes_not_saved", _Bug(exc), self.minutes_path)
        try:
            write_text_atomic(self.minutes_path, text)
        except OSError as exc:
            return self._message("ses_minutes_not_saved", exc, self.minutes_path)
        return None

    def minutes_written(self, state: SessionState, problem: str | None) -> None:
        """The outcome of `write_minutes_of(state)`: the minutes are current unless an
        event came since `state` (its own write follows), or the write failed."""
        if problem is not None:
            self.problem = problem
            return
        if state is self.state:
            self._minutes_stale = False
        if not self.pending:
            self.problem = None

    def _write_journal(self) -> None:
        if self._unclaimed:
            self._claim()
        if self._lock is None:
            self._lock = SessionLock.acquire(lock_for(self.journal_path), self.id)
        try:
            self._lock.cover(self.journal_path)
        except BaseException:
            # Someone else's now: hold nothing, so that the next try starts afresh.
            self.release()
            raise
        self._lock.verify()  # a lock file deleted behind our back is taken again, or lost
        assert self._journal is not None  # claimed above, or opened by resume
        while self.pending:
            self._journal.append(self.pending[0])
            self.pending.pop(0)

    def _claim(self) -> None:
        """Take a free id (lock, then create the journal exclusively): never overwrite."""
        self.journal_path.parent.mkdir(parents=True, exist_ok=True)
        for path in _free_journals(self.journal_path.parent, self._base):
            try:
                lock = SessionLock.acquire(lock_for(path), session_id_of(path))
            except (SessionLocked, LockRefused):  # being created by another window right
                continue  # now, or a name taken by something that is not ours: the next id
            try:
                journal = Journal.create(path)
                lock.cover(path)
            except FileExistsError:
                lock.release()
                continue
            except BaseException:
                lock.release()
                raise
            self.journal_path, self._journal, self._lock = path, journal, lock
            self._unclaimed = False
            return

    def _message(
        self, key: Literal["ses_not_saved", "ses_minutes_not_saved"], exc: BaseException, path: Path
    ) -> str:
        words = words_for(self.state.opened.language if self.state.opened else "en")
        return words[key].format(reason=_reason(exc, words), path=path)

    # -- closing ------------------------------------------------------------------------

    def close(self) -> None:
        """Record the end of the session and let another window open it.

        If something is still pending (see `saved`), `flush_pending()` may still be
        called: it takes the lock again to write."""
        if not self.state.finished:
            self.record(SessionClosed())
        self.release()

    def release(self) -> None:
        """Stop writing without closing the session (it can be resumed later)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # On an error the meeting did not end: leave it resumable rather than closed.
        if kind is None:
            self.close()
        else:
            self.release()


class _Bug(Exception):
    """An unexpected error, named by its type so that it can be reported."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")


def _reason(exc: BaseException, words: Words) -> str:
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return words["ses_disk_full"]
        if exc.errno == errno.EROFS:
            return words["ses_read_only"]
        if exc.errno in (errno.EACCES, errno.EPERM):
            return words["ses_no_permission"]
        if exc.errno == errno.ENOENT:
            return words["ses_gone"]
        return say(system_says(exc), words["lang"])
    return str(exc)


def _free_journals(sessions_dir: Path, base: str) -> Iterator[Path]:
    """`base`, `base-2`, `base-3`...: those with neither a journal nor minutes yet."""
    n = 1
    while True:
        path = journal_path(sessions_dir, base if n == 1 else f"{base}-{n}")
        if not path.exists() and not minutes_for(path).exists():
            yield path
        n += 1
