"""The compact text of a session's results, carried by the QR code of the minutes:
DEBATE2|DATE|PLACE|MEETING|DECK|ATTENDANCE|CARD... (docs/session-format.md, "Results
QR"). code_reader.py reads it back; a new field or meaning bumps the version."""

from __future__ import annotations

from debate.record.results import GRADED, CardResult, RoundResult, SessionResults
from debate.record.textfmt import clean
from debate.vocabulary import Outcome, Round

QR_VERSION = 2
QR_MAGIC = f"DEBATE{QR_VERSION}"  # first field of every results code: format and version
# UTF-8 bytes one code of at most 80 columns always holds: the largest such code
# (version 13, level L, 72 modules + margins) takes 425 in byte mode, the least dense one.
# A part that somehow does not fit is printed as text, never dropped.
QR_BYTES = 410
# Before a rehearsal's meeting id: a reader from before rehearsals refuses the code (not
# a meeting id) rather than count the afternoon's try in the evening's totals.
REHEARSAL_MARK = "~"


def results_codes(r: SessionResults) -> list[str]:
    """The compact text of the results, as one string per QR code (several if too long).

    DEBATE2|DATE|PLACE|MEETING|DECK|MOST-FINAL|CARD... where MEETING is the meeting id,
    DECK the deck's digest (8 hex digits), MOST-FINAL the largest and the final attendance,
    and CARD is KEY then, per round, ':' + I or F + the counts joined by '-' + '@' and the
    attendance the round was judged on + the outcome (A adopted, R rejected, T tie, N no
    votes, M<n> majority grade n, 1 = best; ? no result). Split: 'DEBATE2 i/n' as first
    field, each part repeating the header. See docs/session-format.md, "Results QR".
    """
    head = [
        escape(r.date),
        escape(clean(r.place)),
        escape(marked_meeting(r)),
        escape(r.deck_short),
        f"{r.most_present}-{r.attendance}",
    ]
    fields = [_card_code(card) for card in r.cards if card.rounds]
    whole = "|".join([QR_MAGIC, *head, *fields])
    if not fields or fits(whole):
        return [whole]
    widest = f"{QR_MAGIC} {len(fields)}/{len(fields)}"  # no real marker is longer
    parts: list[list[str]] = []
    for field in fields:
        if parts and fits("|".join([widest, *head, *parts[-1], field])):
            parts[-1].append(field)
        else:
            parts.append([field])
    n = len(parts)
    if n == 1:  # one field alone too long for a code: printed as text, unsplit
        return [whole]
    return ["|".join([f"{QR_MAGIC} {i}/{n}", *head, *p]) for i, p in enumerate(parts, 1)]


def marked_meeting(r: SessionResults) -> str:
    """The meeting as codes and spreadsheets carry it: the id, after REHEARSAL_MARK for a
    rehearsal's (never for a merge's totals, whose id starts with '*')."""
    rehearsal = r.rehearsal and not r.meeting.startswith("*")
    return REHEARSAL_MARK + r.meeting if rehearsal else r.meeting


def _card_code(card: CardResult) -> str:
    rounds = "".join(
        f":{ROUND_CODES[res.round]}"
        f"{'-'.join(map(str, res.tallied))}@{res.attendance}{_outcome_code(res)}"
        for res in card.rounds
    )
    return escape(card.key) + rounds


ROUND_CODES = {Round.INDICATIVE: "I", Round.FINAL: "F"}
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


def fits(text: str) -> bool:
    """Counted, not tried: building a code takes tens of milliseconds, and the Session
    renders the minutes after every event."""
    return len(text.encode("utf-8")) <= QR_BYTES


def escape(text: str) -> str:
    """Free text inside the compact format: backslash before '\\', '|' and ':'."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace(":", "\\:")
