"""Results codes read back: the text a phone's scanner gives from the minutes' QR code,
one code per line, parsed strictly (docs/session-format.md, "Results QR").

The text comes from anywhere (a phone, an e-mail, typed by hand): every field is checked,
every size bounded, and a problem is one line naming the file and the line, never a
traceback. Nothing here judges a vote: `gathered.py` rebuilds the rounds and the results
module judges them, as for a journal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from debate.error_words import Error
from debate.record.events import MEETING_ID
from debate.record.results_code import (
    AMENDMENT_CODE,
    MAX_TEXT_LINE,
    PLAIN_VERSION,
    QR_MAGIC,
    QR_VERSION,
    REHEARSAL_MARK,
    ROUND_CODES,
    TEXT_CODE,
    TEXT_GOES_ON,
)
from debate.told import Told
from debate.vocabulary import Round

# A code holds 410 bytes; a line of the scanner's text several codes' worth at most.
MAX_LINE = MAX_TEXT_LINE
MAX_LINES = 100_000
_COUNT = r"\d{1,7}"  # no hall holds ten million people
# A round: I, F, or (DEBATE3) A + an amendment's number + '.'; the counts; '@' and the
# attendance (DEBATE3: left out when the round before it in the card had the same).
_ROUND = re.compile(
    rf"([IF]|{AMENDMENT_CODE}[1-9]\d{{0,2}}\.)((?:{_COUNT}-)*{_COUNT})(?:@({_COUNT}))?"
    r"(A|R|T|N|\?|M\d{1,3})"
)
_PART = re.compile(
    rf"DEBATE([{PLAIN_VERSION}-{QR_VERSION}])(?: ([1-9]\d{{0,2}})/([1-9]\d{{0,2}}))?"
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|")
_DECK = re.compile(r"[0-9a-f]{8}|")
_ATTENDANCE = re.compile(rf"({_COUNT})-({_COUNT})")
_ROUNDS = {code: round_ for round_, code in ROUND_CODES.items()}
# DEBATE4: an amendment's text, or the rest of one, in a field of its own.
_TEXT = re.compile(
    rf"{AMENDMENT_CODE}([1-9]\d{{0,2}})([{TEXT_CODE}{re.escape(TEXT_GOES_ON)}])(.*)", re.DOTALL
)
AMENDMENT_VERSION = 3  # the first with amendment rounds and attendances left out
TEXT_VERSION = 4  # the first that carries amendments' texts


class CodeError(Told, ValueError):
    """A line that is not a results code this debate reads; one line: FILE:LINE: why."""


@dataclass(frozen=True)
class CodeRound:
    round: Round  # final for an amendment's vote, as in the journal
    counts: tuple[int, ...]  # as decided on (majority judgment: ungraded in the lowest grade)
    attendance: int  # the room the round was judged on
    outcome: str  # the code's letter: A, R, T, N, ? or M<n>
    amendment: int = 0  # the vote on that amendment of the card (its number from 1)


@dataclass(frozen=True)
class CodeCard:
    key: str  # the card's number in the deck, or its id
    rounds: tuple[CodeRound, ...]  # the card's own, indicative and final
    amendments: tuple[CodeRound, ...] = ()  # DEBATE3: the votes on its amendments


@dataclass(frozen=True)
class CodeText:
    """DEBATE4: a voted amendment's text, or (`goes_on`) the next piece of one."""

    key: str  # the card, as its votes' field names it
    amendment: int  # its number from 1
    text: str  # unescaped, never empty
    goes_on: bool = False


@dataclass(frozen=True)
class ResultsCode:
    """One results code: a whole meeting's, or part `part` of `parts` of it."""

    date: str
    place: str
    meeting: str  # the meeting id; "*" + an id for the totals of a merge
    deck: str  # 8 hex digits of the deck's digest, or "" when it was not recorded
    most: int
    final: int
    cards: tuple[CodeCard, ...]
    part: int = 1
    parts: int = 1
    where: str = ""  # FILE:LINE, for messages
    rehearsal: bool = False  # the code's meeting field began with REHEARSAL_MARK
    texts: tuple[CodeText, ...] = ()  # DEBATE4: the voted amendments' texts, in order

    @property
    def merged(self) -> bool:
        return self.meeting.startswith("*")


def read_codes(text: str, name: str) -> list[ResultsCode]:
    """Every code in `text`, one per line (blank lines skipped); CodeError at the first
    line that is not one. Lines end at a newline alone (a CR before it is trimmed with the
    line's spaces): FILE:LINE counts lines as an editor and `grep -n` do, and a form
    feed, a vertical tab, U+2028 or U+0085 inside a code (str.splitlines breaks at
    those) stays in its field (a text prints it as the minutes do)."""
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        raise CodeError(Error.CODE_TOO_MANY_LINES, name=name, limit=MAX_LINES)
    return [parse_code(line, f"{name}:{n}") for n, line in enumerate(lines, 1) if line.strip()]


def parse_code(line: str, where: str) -> ResultsCode:
    """One line, a results code; CodeError naming `where` (FILE:LINE) if it is not one."""
    try:
        return _parse(line.strip(), where)
    except CodeError as exc:
        raise CodeError(Error.AT_WHERE, where=where, why=exc) from None


def _parse(line: str, where: str) -> ResultsCode:
    if len(line.encode("utf-8", "surrogatepass")) > MAX_LINE:
        raise CodeError(Error.CODE_LINE_TOO_LONG, limit=MAX_LINE)
    fields = split_fields(line)
    magic = _PART.fullmatch(fields[0])
    if magic is None:
        old = re.fullmatch(r"DEBATE(\d{1,3})(?: \d+/\d+)?", fields[0])
        if old and int(old.group(1)) < PLAIN_VERSION:
            raise CodeError(Error.CODE_OLDER, magic=old.group(0).split()[0])
        if old and int(old.group(1)) > QR_VERSION:
            raise CodeError(Error.CODE_NEWER, magic=old.group(0).split()[0], reads=QR_MAGIC)
        raise CodeError(Error.CODE_NOT_CODE, plain=f"DEBATE{PLAIN_VERSION}", qr=QR_MAGIC)
    version = int(magic.group(1))
    part, parts = (int(magic.group(2)), int(magic.group(3))) if magic.group(2) else (1, 1)
    if part > parts:
        raise CodeError(Error.CODE_NO_PART, part=part, parts=parts)
    if len(fields) < 6:
        raise CodeError(Error.CODE_CUT_SHORT)
    date, place, meeting, deck, attendance, *cards = fields[1:]
    if not _DATE.fullmatch(date):
        raise CodeError(Error.CODE_NOT_DATE, text=date[:20])
    rehearsal = meeting.startswith(REHEARSAL_MARK)
    meeting = meeting.removeprefix(REHEARSAL_MARK)
    if not MEETING_ID.fullmatch(meeting.removeprefix("*")):
        raise CodeError(Error.CODE_NOT_MEETING, text=meeting[:20])
    if not _DECK.fullmatch(deck):
        raise CodeError(Error.CODE_NOT_DECK, text=deck[:20])
    present = _ATTENDANCE.fullmatch(attendance)
    if present is None:
        raise CodeError(Error.CODE_NOT_ATTENDANCE, text=attendance[:20])
    most, final = int(present.group(1)), int(present.group(2))
    if final > most:
        raise CodeError(Error.CODE_FINAL_OVER, text=attendance)
    read = [_text(field) or _card(field, version) for field in cards]
    texts = tuple(f for f in read if isinstance(f, CodeText))
    if texts and version < TEXT_VERSION:
        raise CodeError(Error.CODE_TEXT_BEFORE, card=texts[0].key[:30], magic=fields[0])
    return ResultsCode(
        date=date,
        place=unescape(place),
        meeting=meeting,
        deck=deck,
        most=most,
        final=final,
        cards=tuple(f for f in read if isinstance(f, CodeCard)),
        part=part,
        parts=parts,
        where=where,
        rehearsal=rehearsal,
        texts=texts,
    )


def _text(field: str) -> CodeText | None:
    """KEY:A<n>=TEXT or KEY:A<n>+REST; None for any other field (a card's votes)."""
    subfields = split_fields(field, ":")
    found = _TEXT.fullmatch(subfields[-1]) if len(subfields) == 2 else None
    if found is None:
        return None
    key, (number, mark, text) = unescape(subfields[0]), found.groups()
    if not key or not text:
        raise CodeError(Error.CODE_TEXT_EMPTY, card=key[:30] or field[:30])
    return CodeText(key, int(number), unescape(text), goes_on=mark == TEXT_GOES_ON)


def amendment_texts(parts: Iterable[ResultsCode]) -> dict[tuple[str, int], str]:
    """One meeting's amendment texts by (card key, number), the pieces of each joined in
    the order of the parts; CodeError for a text given twice or a piece without its start."""
    out: dict[tuple[str, int], str] = {}
    for code in parts:
        for t in code.texts:
            name = (t.key, t.amendment)
            if t.goes_on != (name in out):  # a start seen twice, or a rest without one
                error = Error.CODE_TEXT_NO_START if t.goes_on else Error.CODE_TEXT_TWICE
                raise CodeError(
                    Error.AT_WHERE,
                    where=code.where,
                    why=CodeError(error, card=t.key[:30], number=t.amendment),
                )
            out[name] = out.get(name, "") + t.text
    return out


def _card(field: str, version: int) -> CodeCard:
    key, *rounds = split_fields(field, ":")
    key = unescape(key)
    if not key or not rounds:
        raise CodeError(Error.CODE_CARD_EXPECTED, card=field[:30])
    parsed: list[CodeRound] = []
    for text in rounds:
        found = _ROUND.fullmatch(text)
        if found is None or (version < AMENDMENT_VERSION and not _plain(found)):
            raise CodeError(Error.CODE_NOT_ROUND, card=key[:30], text=text[:30])
        name, counts, attendance, outcome = found.groups()
        if attendance is None and not parsed:
            raise CodeError(Error.CODE_NO_ATTENDANCE, card=key[:30], text=text[:30])
        room = int(attendance) if attendance is not None else parsed[-1].attendance
        number = int(name[1:-1]) if name.startswith(AMENDMENT_CODE) else 0
        round_ = _ROUNDS.get(name, Round.FINAL)
        parsed.append(CodeRound(round_, tuple(map(int, counts.split("-"))), room, outcome, number))
    own = tuple(r for r in parsed if not r.amendment)
    amendments = tuple(r for r in parsed if r.amendment)
    if len({r.round for r in own}) != len(own):
        raise CodeError(Error.CODE_ROUND_TWICE, card=key[:30])
    if len({r.amendment for r in amendments}) != len(amendments):
        raise CodeError(Error.CODE_AMENDMENT_TWICE, card=key[:30])
    return CodeCard(key, own, amendments)


def _plain(found: re.Match[str]) -> bool:
    """A round as DEBATE2 writes it: I or F, with its attendance."""
    return found.group(1) in _ROUNDS and found.group(3) is not None


def split_fields(text: str, sep: str = "|") -> list[str]:
    """`text` split at each `sep` that no backslash escapes; escapes kept, for unescape."""
    out, current, escaped = [], [], False
    for ch in text:
        if escaped:
            current.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    if escaped:
        raise CodeError(Error.CODE_LONE_BACKSLASH)
    out.append("".join(current))
    return out


def unescape(text: str) -> str:
    r"""The text `results_code.escape` wrote: `\\`, `\|` and `\:` back to one character."""
    out, escaped = [], False
    for ch in text:
        if escaped:
            if ch not in "\\|:":
                raise CodeError(Error.CODE_NOT_ESCAPE, ch=ch)
            out.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        else:
            out.append(ch)
    return "".join(out)


def whole_meetings(codes: Iterable[ResultsCode]) -> list[list[ResultsCode]]:
    """The codes grouped by meeting, each meeting's parts in order, a part scanned twice
    kept once; CodeError when a part is missing or two say different things."""
    meetings: dict[str, dict[int, ResultsCode]] = {}
    for code in codes:
        parts = meetings.setdefault(code.meeting, {})
        seen = parts.get(code.part)
        if seen is not None and _content(seen) != _content(code):
            raise CodeError(
                Error.CODE_READ_TWICE, where=code.where, meeting=code.meeting, first=seen.where
            )
        parts.setdefault(code.part, code)
    out = []
    for meeting, parts in meetings.items():
        first = next(iter(parts.values()))
        counts = {(c.parts, *_header(c)) for c in parts.values()}
        missing = [i for i in range(1, first.parts + 1) if i not in parts]
        if len(counts) > 1 or missing:
            said = dict(where=first.where, meeting=meeting, place=first.place, date=first.date)
            if missing:
                raise CodeError(
                    Error.CODE_PART_MISSING, missing=missing[0], parts=first.parts, **said
                )
            raise CodeError(Error.CODE_PARTS_DISAGREE, **said)
        out.append([parts[i] for i in sorted(parts)])
    return out


def _header(code: ResultsCode) -> tuple[object, ...]:
    """What every part of one meeting's code repeats."""
    return (code.date, code.place, code.deck, code.most, code.final)


def _content(code: ResultsCode) -> tuple[object, ...]:
    return (*_header(code), code.cards, code.texts, code.parts)
