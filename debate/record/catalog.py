"""The sessions folder: what each journal holds, which meeting to offer to resume, and
which journal a name on the command line means. Reads only; never writes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from debate.deck.model import Deck
from debate.error_words import Error
from debate.paths import (
    DEFAULT_SESSIONS_DIR,
    JOURNAL_SUFFIX,
    journal_path,
    journals_in,
    session_id_of,
)
from debate.record.errors import SessionNotFound, SessionOfOtherKind
from debate.record.journal import JournalError, replay_journal
from debate.record.journal_glance import glance
from debate.records import record
from debate.told import Phrase, Told
from debate.untrusted import printable

RECENT = timedelta(hours=12)  # see SessionInfo.freshness
# Two laptops' clocks a few minutes apart (a journal copied from one to the other).
CLOCK_SLACK = timedelta(minutes=5)


def deck_location(deck: Deck) -> str:
    """What a session records as its deck's path: absolute for a file, so that the session
    finds its deck from any folder; an embedded deck's name as it is."""
    path = Path(deck.path)
    return str(path.resolve()) if deck.path and path.is_file() else deck.path


@record(frozen=True)
class SessionInfo:
    """One journal in a sessions directory, as `debate sessions` and the resume dialog
    show it. A damaged journal has `reason` set and empty details."""

    id: str
    path: Path
    date: str = ""  # when it was opened, ISO 8601 with offset
    place: str = ""
    facilitator: str = ""
    deck_title: str = ""
    deck_path: str = ""
    deck_digest: str = ""
    cards_voted: int = 0
    finished: bool = False
    rehearsal: bool = False
    reason: str | None = None  # why it cannot be read (in English)
    why: Told | Phrase | None = None  # the same, to word in the reader's language
    warnings: tuple[Phrase, ...] = ()

    @property
    def damaged(self) -> bool:
        return self.reason is not None

    @property
    def opened_at(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.date) if self.date else None
        except ValueError:
            return None

    def freshness(self, now: datetime | None = None) -> str:
        """ "recent" if opened within the last RECENT (the power came back, even past
        midnight): a reflex Enter may resume it. Else "old", "future" (dated after `now`:
        a laptop with a wrong clock, or a planted journal) or "undated": resuming it needs
        a deliberate key, never a reflex Enter that would put tonight's votes into it."""
        opened = self.opened_at
        if opened is None:
            return "undated"
        now = now or datetime.now(opened.tzinfo)
        if opened.tzinfo is None and now.tzinfo is not None:
            now = now.replace(tzinfo=None)
        elif opened.tzinfo is not None and now.tzinfo is None:
            now = now.astimezone()
        age = now - opened
        if age < -CLOCK_SLACK:
            return "future"
        return "recent" if age < RECENT else "old"


def session_info(path: Path) -> SessionInfo:
    """What a journal holds, without ever raising for a bad one."""
    sid = session_id_of(path)
    try:
        replayed = replay_journal(path, keep_events=False)
    except JournalError as exc:
        return SessionInfo(sid, path, reason=printable(str(exc)), why=exc)
    state = replayed.state
    opened = state.opened
    if opened is None:
        why = Phrase(Error.NOTHING_RECORDED, path=path)
        return SessionInfo(
            sid, path, reason=printable(str(why)), why=why, warnings=replayed.warnings
        )
    # What the listing and the resume dialog show comes from the journal: made printable
    # here, once, for every screen that shows it.
    return SessionInfo(
        sid,
        path,
        date=printable(opened.at),
        place=printable(opened.place),
        facilitator=printable(opened.facilitator),
        deck_title=opened.deck_title,
        deck_path=opened.deck_path,
        deck_digest=opened.deck_digest,
        cards_voted=len(state.voted),
        finished=state.finished,
        rehearsal=opened.rehearsal,
        warnings=replayed.warnings,
    )


def find_sessions(sessions_dir: Path = DEFAULT_SESSIONS_DIR) -> list[SessionInfo]:
    """Every session in `sessions_dir`, oldest first (ids begin with the date and time)."""
    return [session_info(p) for p in journals_in(Path(sessions_dir))]


def unfinished_for(sessions_dir: Path, deck: Deck, rehearsal: bool = False) -> list[SessionInfo]:
    """Sessions on this deck (same title or same file) that were not closed, newest first:
    what the app offers to resume. Rehearsals only with `rehearsal`, real meetings only
    without: the afternoon's try is never resumed into the evening's meeting."""
    places = {deck.path, deck_location(deck)} - {""}

    def candidate(path: Path) -> bool:
        # A glance at its first and last lines: at start-up, a folder of long meetings
        # (or a 2 GB file) is not read whole; only this deck's unfinished ones are.
        seen = glance(path)
        opened = seen.opened
        return (
            opened is not None
            and not seen.closed
            and opened.rehearsal == rehearsal
            and (opened.deck_title == deck.title or opened.deck_path in places)
        )

    infos = [session_info(p) for p in journals_in(Path(sessions_dir)) if candidate(p)]
    found = [
        info
        for info in infos
        if not info.damaged
        and not info.finished
        and (info.deck_title == deck.title or info.deck_path in places)
    ]
    return sorted(found, key=_newest_key, reverse=True)


def _newest_key(info: SessionInfo) -> tuple[float, str]:
    moment = info.opened_at
    return (moment.timestamp() if moment and moment.tzinfo else 0.0, info.id)


def resolve_session(spec: str, sessions_dir: Path = DEFAULT_SESSIONS_DIR) -> Path:
    """The journal named by `spec`: a journal path, an id in `sessions_dir`, or a unique
    beginning of one (`2026-03-01`) or of its meeting id (`k3x7`, the end of its name, which
    the minutes and the results code give). SessionNotFound says what was looked for, and
    where."""
    if not spec.strip():
        raise SessionNotFound(Error.NO_SESSION_GIVEN)
    given = Path(spec)
    if given.is_file():
        return given
    if spec.endswith(JOURNAL_SUFFIX) or given.exists():
        raise SessionNotFound(Error.NO_SUCH_JOURNAL, spec=spec)
    sessions_dir = Path(sessions_dir)
    exact = journal_path(sessions_dir, spec)
    if exact.is_file():
        return exact
    matches = [
        p
        for p in journals_in(sessions_dir)
        if session_id_of(p).startswith(spec) or session_id_of(p).rsplit("-", 1)[-1].startswith(spec)
    ]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = ", ".join(session_id_of(p) for p in matches)
        raise SessionNotFound(Error.SEVERAL_SESSIONS, spec=spec, folder=sessions_dir, names=names)
    raise SessionNotFound(Error.NO_SUCH_SESSION, spec=spec, folder=sessions_dir)


def named_for_resume(spec: str, sessions_dir: Path, rehearsal: bool) -> SessionInfo:
    """`--resume ID`: the meeting `spec` names, if it is of the kind asked for (a rehearsal
    with --rehearsal, a real meeting without): SessionOfOtherKind says which flag to use,
    so that an id typed from `debate sessions` never mixes the try with the real one."""
    info = session_info(resolve_session(spec, sessions_dir))
    if not info.damaged and info.rehearsal != rehearsal:
        error = Error.IS_A_REHEARSAL if info.rehearsal else Error.NOT_A_REHEARSAL
        raise SessionOfOtherKind(error, spec=printable(spec))
    return info
