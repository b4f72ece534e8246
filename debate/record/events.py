"""Session events: what the facilitator recorded, one JSON object per journal line.

Events are self-describing (a vote carries its method, labels and rule) so that the
minutes can be rebuilt from the journal alone, even if the deck file is gone or changed.
The format is documented in docs/session-format.md; bump FORMAT on incompatible change.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
from dataclasses import MISSING, asdict, field, fields, replace
from datetime import datetime
from typing import Any, ClassVar

from debate.error_words import Error
from debate.records import record
from debate.told import Told
from debate.vocabulary import Round, Ungraded

# 2: a corrected vote keeps the room it was taken in; 3: a meeting id; 4: a rehearsal;
# 5: amendments voted; 6: an attendance set by mistake mended (docs: Versioning). FORMAT
# is the newest this debate reads, and what every journal it opens says: a journal is
# opened before anyone knows whether an amendment will be voted or a mistake mended, so
# an older debate must refuse it as newer at its first line rather than stop at an event
# it does not know in the middle of it.
FORMAT = 6
REHEARSAL_FORMAT = 4  # the first format with rehearsals
# What an opening without a `format` field reads as (the dataclass's default).
MEETING_FORMAT = 3


# A meeting id: 8 characters of lowercase base32 (40 bits), made once at opening. Random,
# so that two villages opening at the same minute in halls of the same name never collide.
MEETING_ID = re.compile(r"[a-z2-7]{8}")


# A correction's `amendment` when it mends the card's own vote (its round), not an
# amendment's: the field is then left out of the journal line.
NO_AMENDMENT = -1


def new_meeting_id() -> str:
    return base64.b32encode(secrets.token_bytes(5)).decode("ascii").lower()


def derived_meeting_id(text: str) -> str:
    """The id of a meeting opened before ids existed (format 1 and 2): from its opening's
    content, so that every copy of that journal, read by any debate, gets the same."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    return base64.b32encode(digest[:5]).decode("ascii").lower()


def now() -> str:
    """Local time with its UTC offset, to the second: what the minutes print."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


# The events are frozen, keyword-only dataclasses (what mypy checks them as), whose
# methods are written once for every class (debate/records.py), not compiled per class at
# import.
@record(frozen=True, kw_only=True)
class Event:
    """Something recorded: when (`at`), and what the subclass says."""

    kind: ClassVar[str] = ""
    at: str = field(default_factory=now)

    # Fields left out of the line while they hold their default: added to an event that
    # older journals hold, so that a line without them reads as it always did.
    optional: ClassVar[tuple[str, ...]] = ()

    def to_json(self) -> str:
        data = asdict(self)
        for name in self.optional:
            if data[name] == NO_AMENDMENT:
                del data[name]
        if data.get("rehearsal") is False:  # SessionOpened: only a rehearsal says so
            del data["rehearsal"]
        return json.dumps({"type": self.kind, **_plain(data)}, ensure_ascii=False)


@record(frozen=True, kw_only=True)
class SessionOpened(Event):
    kind: ClassVar[str] = "session-opened"
    format: int = MEETING_FORMAT
    deck_title: str
    deck_path: str
    deck_digest: str
    language: str
    place: str
    facilitator: str = ""
    meeting: str = ""  # MEETING_ID; empty in journals of format 1 and 2: see meeting_id
    # A try before the real meeting: kept apart from real ones (resume, merge, summary).
    # Written only when true, so that an older journal's opening (whose derived meeting
    # id hashes its JSON) reads back to the very same bytes.
    rehearsal: bool = False

    @property
    def meeting_id(self) -> str:
        """The meeting's id: as recorded, or derived from the opening of an older journal."""
        return self.meeting or derived_meeting_id(self.to_json())


@record(frozen=True, kw_only=True)
class AttendanceSet(Event):
    kind: ClassVar[str] = "attendance-set"
    count: int


@record(frozen=True, kw_only=True)
class AttendanceCorrected(Event):
    """An attendance set by mistake (raised to 203 by a count typed wrong): the `entry`th
    attendance-set (from 0, in the journal's order) reads `count` instead, in the log and,
    for the latest, in force. The mistaken count stays in the journal; votes keep the room
    they are judged on (VoteAttendanceCorrected judges one again)."""

    kind: ClassVar[str] = "attendance-corrected"
    entry: int
    count: int


@record(frozen=True, kw_only=True)
class CardShown(Event):
    kind: ClassVar[str] = "card-shown"
    card: str


@record(frozen=True, kw_only=True)
class VoteRecorded(Event):
    kind: ClassVar[str] = "vote-recorded"
    card: str
    round: Round
    method: str  # debate.deck.Method value
    labels: tuple[str, ...]  # choices (for, against, abstain) or grades, best first
    counts: tuple[int, ...]  # one per label
    rule: str = ""  # debate.record.tally.Rule value; empty for majority judgment
    ungraded: str = Ungraded.REFUSE.value  # majority judgment: debate.deck.Ungraded value


@record(frozen=True, kw_only=True)
class VoteCorrected(Event):
    kind: ClassVar[str] = "vote-corrected"
    optional: ClassVar[tuple[str, ...]] = ("amendment",)
    card: str
    round: Round
    counts: tuple[int, ...]  # the new counts; the earlier ones stay in the journal
    amendment: int = NO_AMENDMENT  # set: the vote on that amendment is corrected


@record(frozen=True, kw_only=True)
class RemarkMade(Event):
    kind: ClassVar[str] = "remark"
    card: str
    text: str


@record(frozen=True, kw_only=True)
class AmendmentProposed(Event):
    kind: ClassVar[str] = "amendment"
    card: str
    text: str


@record(frozen=True, kw_only=True)
class AmendmentVoted(Event):
    """The room voted on an amendment: `amendment` counts the card's amendments in the
    order they were made, withdrawn ones included (as NoteEdited's `index`). Taken like a
    vote (method, labels, rule), on the attendance in force; corrected by VoteCorrected
    and VoteAttendanceCorrected carrying the same `amendment` (their `round` is final)."""

    kind: ClassVar[str] = "amendment-voted"
    card: str
    amendment: int
    method: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    rule: str = ""
    ungraded: str = Ungraded.REFUSE.value


@record(frozen=True, kw_only=True)
class TimerUsed(Event):
    kind: ClassVar[str] = "timer-used"
    card: str
    side: str  # "for" or "against"
    seconds: int  # how long the speaker actually spoke


@record(frozen=True, kw_only=True)
class VoteAttendanceCorrected(Event):
    """The room a vote was taken in was miscounted: the vote is judged again on this
    attendance. The attendance in force and the earlier room stay in the journal."""

    kind: ClassVar[str] = "vote-attendance-corrected"
    optional: ClassVar[tuple[str, ...]] = ("amendment",)
    card: str
    round: Round
    attendance: int
    amendment: int = NO_AMENDMENT  # set: the vote on that amendment is judged again


NOTE_KINDS = ("remark", "amendment")  # a note's `note` field: which list of its card


@record(frozen=True, kw_only=True)
class NoteEdited(Event):
    """A remark or amendment reworded; `index` counts the card's notes of that kind in
    the order they were made, withdrawn ones included. The old text stays in the journal."""

    kind: ClassVar[str] = "note-edited"
    card: str
    note: str  # one of NOTE_KINDS
    index: int
    text: str


@record(frozen=True, kw_only=True)
class NoteWithdrawn(Event):
    """A remark or amendment taken back: left out of the minutes' notes, kept (with its
    text) in their corrections."""

    kind: ClassVar[str] = "note-withdrawn"
    card: str
    note: str
    index: int


@record(frozen=True, kw_only=True)
class SessionClosed(Event):
    kind: ClassVar[str] = "session-closed"


@record(frozen=True, kw_only=True)
class SessionReopened(Event):
    """A meeting closed by mistake, open again: the closing stays in the journal."""

    kind: ClassVar[str] = "session-reopened"


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        SessionOpened,
        AttendanceSet,
        AttendanceCorrected,
        CardShown,
        VoteRecorded,
        VoteCorrected,
        RemarkMade,
        AmendmentProposed,
        AmendmentVoted,
        TimerUsed,
        VoteAttendanceCorrected,
        NoteEdited,
        NoteWithdrawn,
        SessionClosed,
        SessionReopened,
    )
}


class EventError(Told, ValueError):
    """A journal line that is valid JSON but not an event we know how to apply: a code,
    worded in the reader's language where the journal error is shown."""


def from_json(line: str) -> Event:
    """Parse one journal line. Raises EventError (or ValueError for bad JSON)."""
    try:
        data = json.loads(line)
    except RecursionError:  # a line of 100,000 '[': the decoder gives up, as it should
        raise EventError(Error.EVENT_TOO_DEEP) from None
    if not isinstance(data, dict):
        raise EventError(Error.EVENT_NOT_OBJECT)
    kind = data.pop("type", None)
    cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None  # a list is unhashable
    if cls is None:
        raise EventError(Error.EVENT_UNKNOWN_TYPE)
    names, required, checks = _shape(cls)
    unknown = data.keys() - names
    if unknown:
        raise EventError(Error.EVENT_UNKNOWN_FIELDS, names=sorted(unknown))
    for key in ("labels", "counts"):
        if key in data and isinstance(data[key], list):
            data[key] = tuple(data[key])
    if "round" in data:
        try:
            data["round"] = Round(data["round"])
        except ValueError:
            raise EventError(Error.EVENT_UNKNOWN_ROUND, round=data["round"]) from None
    missing = [name for name in required if name not in data]
    if missing:  # said here, not in Python's words from the TypeError
        raise EventError(Error.EVENT_MISSING_FIELDS, names=missing)
    event = cls(**data)
    _check_types(event, checks)
    if (
        isinstance(event, SessionOpened)
        and event.meeting
        and not MEETING_ID.fullmatch(event.meeting)
    ):
        raise EventError(Error.EVENT_NOT_MEETING_ID)
    return event


Shape = tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, str], ...]]
_SHAPES: dict[type[Event], Shape] = {}


def _shape(cls: type[Event]) -> Shape:
    """An event class's field names, those without a default, and each field's type as
    written: looked up once per class, not at every line of a replay."""
    found = _SHAPES.get(cls)
    if found is None:
        found = _SHAPES[cls] = _shape_of(cls)
    return found


def _shape_of(cls: type[Event]) -> Shape:
    listed = fields(cls)
    required = tuple(
        f.name for f in listed if f.default is MISSING and f.default_factory is MISSING
    )
    return frozenset(f.name for f in listed), required, tuple((f.name, str(f.type)) for f in listed)


_EXPECTED = {"int": int, "str": str, "Round": str, "tuple[str, ...]": tuple}


def _check_types(event: Event, checks: tuple[tuple[str, str], ...]) -> None:
    for name, kind in checks:
        value = getattr(event, name)
        expected = _EXPECTED.get(kind)
        if kind == "bool":
            ok = isinstance(value, bool)
        elif kind == "tuple[int, ...]":
            ok = isinstance(value, tuple) and all(_is_int(v) for v in value)
        elif expected is int:
            ok = _is_int(value)
        elif expected is tuple:
            ok = isinstance(value, tuple) and all(isinstance(v, str) for v in value)
        else:
            ok = expected is None or isinstance(value, expected)
        if not ok:
            raise EventError(Error.EVENT_WRONG_TYPE, name=name)


# A lone surrogate: JSON can write one ("\\ud800"), but no UTF-8 file or terminal can hold
# it, so every output would fail on it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(event: Event) -> Event | None:
    """`event` with each lone surrogate in its text replaced by U+FFFD, or None if it has
    none. Only a hand-edited or hostile journal holds one: debate never writes them."""
    changes: dict[str, Any] = {}
    for f in fields(event):
        value = getattr(event, f.name)
        if isinstance(value, str) and _SURROGATE.search(value):
            changes[f.name] = _SURROGATE.sub("\ufffd", value)
        elif isinstance(value, tuple) and any(
            isinstance(v, str) and _SURROGATE.search(v) for v in value
        ):
            changes[f.name] = tuple(_SURROGATE.sub("\ufffd", v) for v in value)
    return replace(event, **changes) if changes else None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
