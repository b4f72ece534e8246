"""The compact text of a session's results, carried by the QR code of the minutes:
DEBATE2|DATE|PLACE|MEETING|DECK|ATTENDANCE|CARD... (docs/session-format.md, "Results
QR"). code_reader.py reads it back; a new field or meaning bumps the version.

A meeting that voted an amendment writes DEBATE4 (its votes, and each voted amendment's
text), which an older reader refuses as newer rather than misread; every other meeting
still writes DEBATE2, byte for byte, so that a commune's older debate still merges it.
DEBATE3 (the votes without the texts) is read, no longer written."""

from __future__ import annotations

from debate.record.results import GRADED, CardResult, RoundResult, SessionResults
from debate.record.textfmt import clean
from debate.vocabulary import Outcome, Round

QR_VERSION = 4  # the newest written and read
PLAIN_VERSION = 2  # written when no amendment was voted: no amendment round, no omission
QR_MAGIC = f"DEBATE{QR_VERSION}"  # first field of a results code: format and version
# UTF-8 bytes one code of at most 80 columns always holds: the largest such code
# (version 13, level L, 72 modules + margins) takes 425 in byte mode, the least dense one.
# A part that somehow does not fit is printed as text, never dropped.
QR_BYTES = 410
# Before a rehearsal's meeting id: a reader from before rehearsals refuses the code (not
# a meeting id) rather than count the afternoon's try in the evening's totals.
REHEARSAL_MARK = "~"
MAX_TEXT_LINE = 4096  # the longest line code_reader reads: a code printed as text
MAX_PARTS = 999  # 'DEBATE4 i/n' with n of at most 3 digits (code_reader's pattern)
# The widest part marker a code could carry: a text piece sized against it fits any part.
_WIDEST_MARK = f"{QR_MAGIC} 999/999"


def results_codes(r: SessionResults) -> list[str]:
    """The compact text of the results, as one string per QR code (several if too long).

    DEBATE2|DATE|PLACE|MEETING|DECK|MOST-FINAL|CARD... where MEETING is the meeting id,
    DECK the deck's digest (8 hex digits), MOST-FINAL the largest and the final attendance,
    and CARD is KEY then, per round, ':' + I or F + the counts joined by '-' + '@' and the
    attendance the round was judged on + the outcome (A adopted, R rejected, T tie, N no
    votes, M<n> majority grade n, 1 = best; ? no result). DEBATE4 (an amendment voted)
    adds, between I and F, ':A' + the amendment's number + '.' + its vote as above, and
    leaves out '@' and the attendance of a round judged on the same as the round before
    it; after the card's field, one field per voted amendment, KEY:A<n>=TEXT, a text too
    long for one code going on in KEY:A<n>+REST fields. Split: 'DEBATE2 i/n' as first
    field, each part repeating the header. See docs/session-format.md, "Results QR".
    """
    amended = any(card.amendment_votes for card in r.cards)
    magic = QR_MAGIC if amended else f"DEBATE{PLAIN_VERSION}"
    head = [
        escape(r.date),
        escape(clean(r.place)),
        escape(marked_meeting(r)),
        escape(r.deck_short),
        f"{r.most_present}-{r.attendance}",
    ]
    # A header that alone fills a code (a place of hundreds of characters): no part can be
    # a QR code, each is printed as text, and parts are sized as a line the reader takes
    # (sized for a code, a text went one character a part, into more parts than
    # 'DEBATE4 i/n' numbers).
    limit = QR_BYTES if fits("|".join([_WIDEST_MARK, *head, "x"])) else MAX_TEXT_LINE
    fields = [
        field
        for card in r.cards
        if card.rounds or card.amendment_votes
        for field in [_card_code(card, amended), *_text_fields(card, head, limit)]
    ]
    whole = "|".join([magic, *head, *fields])
    if not fields or fits(whole):
        return [whole]
    widest = f"{magic} {len(fields)}/{len(fields)}"  # no real marker is longer
    parts: list[list[str]] = []
    for field in fields:
        if parts and fits("|".join([widest, *head, *parts[-1], field]), limit):
            parts[-1].append(field)
        else:
            parts.append([field])
    n = len(parts)
    if n == 1 or n > MAX_PARTS:  # one field alone too long for a code: printed as text
        return [whole]
    return ["|".join([f"{magic} {i}/{n}", *head, *p]) for i, p in enumerate(parts, 1)]


def marked_meeting(r: SessionResults) -> str:
    """The meeting as codes and spreadsheets carry it: the id, after REHEARSAL_MARK for a
    rehearsal's (never for a merge's totals, whose id starts with '*')."""
    rehearsal = r.rehearsal and not r.meeting.startswith("*")
    return REHEARSAL_MARK + r.meeting if rehearsal else r.meeting


def _card_code(card: CardResult, amended: bool) -> str:
    """KEY:I…:A1.…:F…, the votes in the order taken; `amended` (DEBATE4): with amendment
    rounds, and a round on the same attendance as the one before it without '@N'."""
    votes: list[tuple[str, RoundResult]] = []
    for res in card.rounds:
        if res.round == Round.FINAL and amended:
            votes += [(f"{AMENDMENT_CODE}{a.number}.", a.vote) for a in card.amendment_votes]
        votes.append((ROUND_CODES[res.round], res))
    if amended and not card.round(Round.FINAL):
        votes += [(f"{AMENDMENT_CODE}{a.number}.", a.vote) for a in card.amendment_votes]
    out, room = [escape(card.key)], None
    for name, res in votes:
        at = "" if room == res.attendance else f"@{res.attendance}"
        out.append(f"{name}{'-'.join(map(str, res.tallied))}{at}{_outcome_code(res)}")
        room = res.attendance if amended else None
    return ":".join(out)


def _text_fields(card: CardResult, head: list[str], limit: int = QR_BYTES) -> list[str]:
    """KEY:A<n>=TEXT for each amendment voted on the card, the text on one line; a text
    that would not fit in a code with the header goes on in KEY:A<n>+REST fields, each
    fitting, so that no text is ever printed instead of a code nor cut."""
    room = limit - len("|".join([_WIDEST_MARK, *head, ""]).encode("utf-8"))
    out = []
    for a in card.amendment_votes:
        mark, text = TEXT_CODE, clean(a.text)
        while text:
            start = f"{escape(card.key)}:{AMENDMENT_CODE}{a.number}{mark}"
            piece = _longest_fitting(text, room - len(start.encode("utf-8")))
            out.append(start + escape(piece))
            text = text[len(piece) :]
            mark = TEXT_GOES_ON
    return out


def _longest_fitting(text: str, room: int) -> str:
    """The longest start of `text` whose escaped UTF-8 takes at most `room` bytes (at
    least one character: a header that leaves no room is a place too long for any code,
    printed as text anyway), never ending in a space, which a scanner may trim from the
    end of a line."""
    used = 0
    for i, ch in enumerate(text):
        used += len(escape(ch).encode("utf-8"))
        if used > room and i:
            return text[:i].rstrip() or text[:i]
    return text


ROUND_CODES = {Round.INDICATIVE: "I", Round.FINAL: "F"}
AMENDMENT_CODE = "A"  # DEBATE3: a vote on an amendment, its number then '.'; not an outcome
TEXT_CODE = "="  # DEBATE4: A<n>= then an amendment's text, in a field of its own
TEXT_GOES_ON = "+"  # DEBATE4: A<n>+ then the rest of a text too long for one code
OUTCOME_CODES = {
    Outcome.ADOPTED.value: "A",
    Outcome.REJECTED.value: "R",
    Outcome.TIE.value: "T",
    Outcome.NO_VOTES.value: "N",
}


def _outcome_code(res: RoundResult) -> str:
    if res.problem:
        return "?"
    if res.outcome == GRADED and res.median is not None:
        return f"M{res.median + 1}"
    return OUTCOME_CODES.get(res.outcome, "?")


def fits(text: str, limit: int = QR_BYTES) -> bool:
    """Counted, not tried: building a code takes tens of milliseconds, and the Session
    renders the minutes after every event."""
    return len(text.encode("utf-8")) <= limit


def escape(text: str) -> str:
    """Free text inside the compact format: backslash before '\\', '|' and ':'."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace(":", "\\:")
