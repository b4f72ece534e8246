"""Results gathered back from other communes, made SessionResults like a journal's: from
results codes (scanned from the minutes' QR code) and from JSON exports.

Neither carries a judgement this module trusts: each round is rebuilt from its counts,
method, rule and attendance, and judged by the results module (`judge`), as a journal's
rounds are. A results code names its deck by an 8-digit digest only: the deck itself
gives the cards' titles, the vote's method, labels and rule.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from debate.deck.model import Card, Deck, VoteSpec
from debate.error_words import Error
from debate.record.code_reader import (
    CodeCard,
    CodeError,
    CodeRound,
    ResultsCode,
    amendment_texts,
)
from debate.record.events import MEETING_ID
from debate.record.exports import AMENDMENT_ROUND
from debate.record.results import (
    AmendmentResult,
    CardResult,
    RoundResult,
    SessionResults,
    judged_round,
)
from debate.record.state import Correction, Note
from debate.record.tally import shift
from debate.said import Said
from debate.told import Phrase, Told
from debate.vocabulary import Method, Round

JSON_FORMAT = "debate-results"  # exports.results_dict's "format"
JSON_VERSION = 2  # the first version that carries the meeting id and the deck's digest
MAX_JSON = 16 << 20  # a meeting's export is some kilobytes


class GatherError(Told, ValueError):
    """Input that cannot be read as a meeting's results; one line naming the file."""


class _NotExport(Told, ValueError):
    """Why a JSON document is not a meeting's export (GatherError says which file)."""


# A list's kind of item in a sentence ('"counts" is not a list of int').
_KINDS = {
    int: Said("int", "nombres entiers"),
    str: Said("str", "textes"),
    dict: Said("dict", "objets"),
}


# -- results codes --------------------------------------------------------------------------


def from_codes(parts: Sequence[ResultsCode], deck: Deck) -> SessionResults:
    """One meeting's results from its code(s), in order, on `deck` (whose digest they name)."""
    first = parts[0]
    texts = amendment_texts(parts)
    voted = {
        (card.key, r.amendment) for part in parts for card in part.cards for r in card.amendments
    }
    for key, number in texts.keys() - voted:
        why = CodeError(Error.CODE_TEXT_NOT_VOTED, card=key[:30], number=number)
        raise CodeError(Error.AT_WHERE, where=first.where, why=why)
    cards = [_code_card(card, deck, texts) for part in parts for card in part.cards]
    ids = [c.id for c in cards]
    if len(set(ids)) != len(ids):
        raise GatherError(Error.GATHER_CARD_TWICE, where=first.where, meeting=first.meeting)
    order = {cid: i for i, cid in enumerate(deck.ids)}
    cards.sort(key=lambda c: (order.get(c.id, len(order)), ids.index(c.id)))
    return SessionResults(
        deck_title=deck.title,
        deck_path=deck.path,
        deck_found=True,
        deck_changed=False,
        place=first.place,
        facilitator="",
        language=deck.language,
        started=first.date,
        ended=None,
        attendance=first.final,
        attendance_log=((first.date, first.most), (first.date, first.final)),
        cards=tuple(cards),
        rankings=(),
        meeting=first.meeting,
        rehearsal=first.rehearsal,
        deck_digest=deck.digest,
    )


def unread(parts: Sequence[ResultsCode], title: str = "") -> SessionResults:
    """A meeting's code before its deck is found: who, where and on which deck, no cards;
    enough to say which meetings are on which deck."""
    first = parts[0]
    return SessionResults(
        deck_title=title,
        deck_path="",
        deck_found=False,
        deck_changed=False,
        place=first.place,
        facilitator="",
        language="en",
        started=first.date,
        ended=None,
        attendance=first.final,
        attendance_log=((first.date, first.most), (first.date, first.final)),
        cards=(),
        rankings=(),
        meeting=first.meeting,
        rehearsal=first.rehearsal,
        deck_digest=first.deck,
    )


def _code_card(code: CodeCard, deck: Deck, texts: dict[tuple[str, int], str]) -> CardResult:
    card = _deck_card(code.key, deck)
    rounds = tuple(
        _code_round(r, card.vote if card else _guess(r, deck))
        for r in sorted(code.rounds, key=lambda r: r.round != Round.INDICATIVE)
    )
    # Voted as the card is (the same vote window and rules); DEBATE3 carries no text.
    amended = [
        (
            r.amendment,
            texts.get((code.key, r.amendment), ""),
            "",
            _code_round(r, card.vote if card else _guess(r, deck)),
        )
        for r in code.amendments
    ]
    return _card_result(card.id if card else code.key, card, rounds, amended)


def _deck_card(key: str, deck: Deck) -> Card | None:
    if key.isdigit():
        return next((c for c in deck.cards if c.number == int(key)), None)
    return deck.card(key)


def _guess(r: CodeRound, deck: Deck) -> VoteSpec:
    """A card the deck does not know (a code names it by its id): majority judgment when
    it was graded, on the deck's first grades of as many labels; else for/against/abstain."""
    graded = r.outcome.startswith("M") or len(r.counts) != 3
    specs = [deck.vote, *(c.vote for c in deck.cards)]
    for spec in specs:
        if (spec.method is Method.MAJORITY_JUDGMENT) == graded and len(spec.labels) == len(
            r.counts
        ):
            return spec
    raise CodeError(Error.CODE_CARD_NOT_IN_DECK, n=len(r.counts))


def _code_round(r: CodeRound, spec: VoteSpec) -> RoundResult:
    if len(r.counts) != len(spec.labels):
        raise CodeError(Error.CODE_COUNTS_CHOICES, n=len(r.counts), choices=len(spec.labels))
    return judged_round(
        round_=r.round,
        method=spec.method.value,
        labels=spec.labels,
        counts=r.counts,
        rule="" if spec.method is Method.MAJORITY_JUDGMENT else spec.rule.value,
        ungraded=spec.ungraded.value,
        attendance=r.attendance,
        at="",
    )


# -- JSON exports ---------------------------------------------------------------------------


def from_json(text: str, name: str) -> SessionResults:
    """A meeting's results from its JSON export (`debate summary --format json`)."""
    if len(text) > MAX_JSON:
        raise GatherError(Error.EXPORT_TOO_LARGE, name=name)
    try:
        data = json.loads(text)
    except RecursionError:
        raise GatherError(Error.EXPORT_TOO_DEEP, name=name) from None
    except ValueError as exc:
        raise GatherError(Error.EXPORT_NOT_JSON, name=name, why=_json_why(exc)) from None
    try:
        return _from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise GatherError(Error.EXPORT_NOT_EXPORT, name=name, why=_why(exc)) from None


def _json_why(exc: ValueError) -> object:
    """json's own words in English ("Expecting value: line 1 column 1 (char 0)"); where
    it is, in the other languages."""
    if isinstance(exc, json.JSONDecodeError):
        where = Phrase(Error.JSON_AT, line=exc.lineno, column=exc.colno)
        return Said(str(exc), where.in_("fr"))
    return str(exc)


def _why(exc: Exception) -> object:
    if isinstance(exc, KeyError):
        return Phrase(Error.EXPORT_NO_KEY, key=str(exc.args[0]) if exc.args else "")
    if isinstance(exc, Told):
        return exc
    return str(exc) or type(exc).__name__


def _from_dict(data: Any) -> SessionResults:
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT:
        raise _NotExport(Error.EXPORT_FORMAT, format=JSON_FORMAT)
    version = data.get("version")
    if version == 1:
        raise _NotExport(Error.EXPORT_VERSION_1)
    if version != JSON_VERSION:
        raise _NotExport(Error.EXPORT_VERSION, version=version, reads=JSON_VERSION)
    deck, session, attendance = _obj(data, "deck"), _obj(data, "session"), _obj(data, "attendance")
    meeting = _str(session, "meeting")
    if not MEETING_ID.fullmatch(meeting):
        raise _NotExport(Error.EXPORT_NOT_MEETING_ID, text=meeting[:20])
    changes = tuple((_str(c, "at"), _int(c, "count")) for c in _list(attendance, "changes", dict))
    return SessionResults(
        deck_title=_str(deck, "title"),
        deck_path=_str(deck, "path"),
        deck_found=False,
        deck_changed=False,
        place=_str(session, "place"),
        facilitator=_str(session, "facilitator"),
        language=_str(session, "language"),
        started=_str(session, "started"),
        ended=None,
        attendance=_int(attendance, "count"),
        attendance_log=changes,
        cards=tuple(_json_card(c) for c in _list(data, "cards", dict)),
        rankings=(),
        meeting=meeting,
        deck_digest=_str(deck, "digest"),
        rehearsal=_rehearsal(session),
    )


def _rehearsal(session: dict[str, Any]) -> bool:
    """Absent in the exports written before rehearsals: a real meeting."""
    value = session.get("rehearsal", False)
    if not isinstance(value, bool):
        raise _NotExport(Error.EXPORT_REHEARSAL)
    return value


def _json_card(c: dict[str, Any]) -> CardResult:
    number = c.get("number")
    if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
        raise _NotExport(Error.EXPORT_CARD_NUMBER)
    title = c.get("title")
    if title is not None and not isinstance(title, str):
        raise _NotExport(Error.EXPORT_CARD_TITLE)
    rounds = tuple(_json_round(r) for r in _list(c, "rounds", dict))
    if len({r.round for r in rounds}) != len(rounds):
        raise _NotExport(Error.EXPORT_SAME_ROUND)
    # Added within version 2: an export written before amendments were voted has none.
    found = _list(c, "amendments", dict) if "amendments" in c else []
    amended = [_json_amendment(a) for a in found]
    card = _card_result(_str(c, "id"), None, rounds, amended)
    return replace(card, number=number, title=title)


def _json_amendment(a: dict[str, Any]) -> tuple[int, str, str, RoundResult | None]:
    number = a.get("number")
    if number is None:  # an export from before numbers: listed, never voted
        return 0, _str(a, "text"), _str(a, "at"), None
    if not isinstance(number, int) or isinstance(number, bool) or not 0 < number < 1000:
        raise _NotExport(Error.EXPORT_AMENDMENT_NUMBER)
    vote = a.get("vote")
    if vote is not None and not isinstance(vote, dict):
        raise _NotExport(Error.EXPORT_AMENDMENT_VOTE)
    return number, _str(a, "text"), _str(a, "at"), None if vote is None else _json_round(vote)


def _json_round(r: dict[str, Any]) -> RoundResult:
    labels = tuple(_list(r, "labels", str))
    counts = tuple(_list(r, "counts", int))
    if len(labels) != len(counts) or not counts or any(n < 0 for n in counts):
        raise _NotExport(Error.EXPORT_COUNTS_LABELS)
    corrections = tuple(
        Correction(tuple(_list(c, "before", int)), tuple(_list(c, "after", int)), _str(c, "at"))
        for c in _list(r, "corrections", dict)
    )
    name = _str(r, "round")
    return judged_round(
        round_=Round.FINAL if name == AMENDMENT_ROUND else Round(name),
        method=_str(r, "method"),
        labels=labels,
        counts=counts,
        rule=_str(r, "rule"),
        ungraded=_str(r, "ungraded"),
        attendance=_int(r, "attendance"),
        at=_str(r, "at"),
        corrections=corrections,
    )


def _obj(d: dict[str, Any], key: str) -> dict[str, Any]:
    value = d[key]
    if not isinstance(value, dict):
        raise _NotExport(Error.EXPORT_NOT_OBJECT, key=key)
    return value


def _str(d: dict[str, Any], key: str) -> str:
    value = d[key]
    if not isinstance(value, str):
        raise _NotExport(Error.EXPORT_NOT_TEXT, key=key)
    return value


def _int(d: dict[str, Any], key: str) -> int:
    value = d[key]
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**7:
        raise _NotExport(Error.EXPORT_NOT_COUNT, key=key)
    return value


def _list(d: dict[str, Any], key: str, kind: type) -> list[Any]:
    value = d[key]
    if not isinstance(value, list) or not all(
        isinstance(v, kind) and not isinstance(v, bool) for v in value
    ):
        raise _NotExport(Error.EXPORT_NOT_LIST, key=key, kind=_KINDS.get(kind, kind.__name__))
    if kind is int and not all(0 <= v < 10**7 for v in value):
        raise _NotExport(Error.EXPORT_COUNT_RANGE, key=key)
    return value


# -- both -----------------------------------------------------------------------------------


def _card_result(
    card_id: str,
    card: Card | None,
    rounds: tuple[RoundResult, ...],
    amended: Sequence[tuple[int, str, str, RoundResult | None]] = (),
) -> CardResult:
    """`amended`: the card's amendments as (number, text, made at, vote or None); number 0
    for one an older export listed without its number (after the numbered ones)."""
    before = rounds[0].counts_for_shift if len(rounds) == 2 else None
    after = rounds[-1].counts_for_shift if len(rounds) == 2 else None
    notes, votes = _amendments(card_id, amended)
    return CardResult(
        id=card_id,
        number=card.number if card else None,
        title=card.title if card else None,
        summary=card.summary if card else None,
        shown=True,
        rounds=rounds,
        shift=shift(before, after) if before and after else None,
        remarks=(),
        amendments=notes,
        spoken=(),
        amendment_votes=votes,
    )


def _amendments(
    card_id: str, amended: Sequence[tuple[int, str, str, RoundResult | None]]
) -> tuple[tuple[Note, ...], tuple[AmendmentResult, ...]]:
    """The notes numbered as the minutes number them (an amendment withdrawn before the
    record was made stands in as withdrawn, without text) and the votes on them."""
    numbered = {number: (text, at) for number, text, at, _ in amended if number}
    if len(numbered) != len([a for a in amended if a[0]]):
        raise _NotExport(Error.EXPORT_SAME_AMENDMENT, card=card_id[:30])
    notes = [
        Note(*numbered[n]) if n in numbered else Note("", "", withdrawn="")
        for n in range(1, max(numbered, default=0) + 1)
    ]
    notes += [Note(text, at) for number, text, at, _ in amended if not number]
    votes = tuple(
        AmendmentResult(number, text, vote)
        for number, text, _, vote in sorted(amended, key=lambda a: a[0])
        if vote is not None
    )
    return tuple(notes), votes
