"""The minutes' content as Markdown, CSV and JSON, for the web page, the spreadsheet and tools.

All three read the same SessionResults as the printed minutes (debate.record.results), so
an outcome or a percentage is the same everywhere; the Markdown (markdown.py) lays out the
printed minutes' own sections. Deterministic like the minutes.

CSV: a long (tidy) table, one row per card, round and choice, with a header row, so that
a spreadsheet can sum, filter and pivot it; several meetings make one table. Columns:
    meeting (a rehearsal's after a '~'), date, place, deck (the deck's digest, 8 hex
    digits after `sha256:`, so that no spreadsheet reads it as a number), number (empty
    when the deck lacks the card), card, title, round (indicative | amendment | final),
    method, rule, choice (its label, as the deck gives it), count, percentage, base,
    outcome, result, attendance, not_voted, corrections, amendment, amendment_text
`count` is as decided (for majority judgment with ungraded: lowest, the lowest grade
includes those present who graded nothing); `percentage` is of `base`, with one decimal
(abstentions under an of-cast rule are a share of all hands raised, so their base is
that); `outcome` is a code (adopted, rejected, tie, no-votes, majority-grade, or empty
when no result could be computed) and `result` the same in words, in the session's
language (the majority grade for majority judgment); `corrections` is how many times
the counts were corrected. A card's rows come in the order the room voted: indicative,
each amendment (round `amendment`, its number as the minutes give it and its text in the
last two columns, empty on the card's own rows), final (on the proposal as amended when
an amendment was adopted). An amendment proposed and not voted has one row, with its
number and text and empty vote cells; a card shown and never voted or amended, one row
with an empty round.
Dialects: `rfc4180` (the default: ',', '.', LF, UTF-8) and `excel-fr` (';', decimal
comma, CRLF, UTF-8 with a byte-order mark: what French Excel and LibreOffice open by
double-click).
A text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or
a carriage return) starts with an apostrophe; control characters show as stand-ins.

JSON (`"format": "debate-results", "version": 2`), keys never renamed within a version
(version 2 added deck.digest and session.meeting; gathered.py reads it back):
    deck: {title, path, digest, found, changed}
    session: {meeting, place, facilitator, language, date, started, ended, closed,
              rehearsal (added within version 2: absent reads as false)}
    attendance: {count, changes: [{at, count}]}
    cards: [{id, number, title, shown,
             rounds: [{round, method, rule, ungraded, labels, counts, tallied, attendance,
                       outcome, majority_grade, percentages, base, not_voted, at, problem,
                       corrections: [{before, after, at, attendance?}]}],
             shift: {for, against, abstain, for_share_points} | null,
             remarks: [{at, text}], amendments: [{at, text, number, vote}],
             amended: [numbers], spoken: {for, against}}]
    rankings: [{round, problem, reason, totals, ranked: [{card, rank, majority_grade}]}]
    qr: [the compact texts of the results QR codes]
Texts are as recorded, with C1 controls, DEL, line separators and bidi controls written
as \\u escapes (JSON reads them back unchanged; a terminal shows them as text).
Times are ISO 8601 as recorded; percentages are rounded to two decimals; `tallied` is
`counts` as decided on (see CSV); `majority_grade` is a label or null. A ranking's
`problem` is English text; `reason` says the same for programs ("grades": the cards were
graded on different scales, "totals": by different numbers of people, listed in `totals`;
"nothing": nobody graded them), or is null.
An amendment's `number` is the minutes' (withdrawn amendments counted, and left out);
its `vote` is a round as above, with `"round": "amendment"`, or null when it was not
voted; `amended` lists the numbers adopted: the final vote was on the proposal so
amended (number, vote and amended were added within version 2: absent reads as none).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from debate.i18n import Words, words_for
from debate.record.markdown import to_markdown
from debate.record.minutes import minutes_text, short
from debate.record.results import (
    AmendmentResult,
    CardResult,
    Ranking,
    RoundResult,
    SessionResults,
)
from debate.record.results_code import marked_meeting, results_codes
from debate.record.textfmt import clean
from debate.untrusted import printable
from debate.vocabulary import Round

FORMATS = ("txt", "md", "csv", "json")

# Before the deck's digest in the CSV: so prefixed, a cell no spreadsheet takes for a number.
DECK_PREFIX = "sha256:"
# The `round` of an amendment's rows in the CSV, between the indicative and the final.
AMENDMENT_ROUND = "amendment"

CSV_COLUMNS = (
    "meeting",
    "date",
    "place",
    "deck",
    "number",
    "card",
    "title",
    "round",
    "method",
    "rule",
    "choice",
    "count",
    "percentage",
    "base",
    "outcome",
    "result",
    "attendance",
    "not_voted",
    "corrections",
    "amendment",
    "amendment_text",
)


@dataclass(frozen=True)
class CsvDialect:
    separator: str
    decimal: str
    newline: str
    bom: str


CSV_DIALECTS = {
    "rfc4180": CsvDialect(",", ".", "\n", ""),
    "excel-fr": CsvDialect(";", ",", "\r\n", "\ufeff"),
}


# -- CSV ----------------------------------------------------------------------------------


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...)).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet shows as typed: text that would start a formula gets a
    leading apostrophe, as spreadsheets expect; control characters are made visible."""
    if not isinstance(value, str):
        return value
    text = printable(value)
    return "'" + text if value.startswith(FORMULA_START) else text


def to_csv(results: Sequence[SessionResults], dialect: str = "rfc4180") -> str:
    """One table for every meeting given, one row per card, round and choice."""
    d = CSV_DIALECTS[dialect]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=d.separator, lineterminator=d.newline)
    writer.writerow(CSV_COLUMNS)
    for r in results:
        writer.writerows([csv_cell(v) for v in row] for row in _csv_rows(r, d))
    return d.bom + out.getvalue()


def _csv_rows(r: SessionResults, d: CsvDialect) -> list[list[object]]:
    t = words_for(r.language)
    rows: list[list[object]] = []
    width = len(CSV_COLUMNS)
    for card in r.cards:
        first: list[object] = [marked_meeting(r), r.date, clean(r.place), deck_cell(r)]
        first.append(card.number or "")
        first += [card.id, clean(card.title or "")]
        voted = {a.number: a for a in card.amendment_votes}
        proposed = _proposed(card)
        if not card.rounds and not proposed:
            rows.append([*first, *[""] * (width - len(first))])
        # In the order the room voted: indicative, each amendment, final (on the
        # proposal as amended when one was adopted).
        for res in card.rounds:
            if res.round == Round.FINAL:
                rows += _amendment_rows(first, proposed, voted, t, d, width)
            rows += _round_rows([*first, res.round.value], res, t, d, ["", ""])
        if not any(res.round == Round.FINAL for res in card.rounds):
            rows += _amendment_rows(first, proposed, voted, t, d, width)
    return rows


def _proposed(card: CardResult) -> list[tuple[int, str]]:
    """The card's standing amendments, by number (withdrawn ones counted, as the minutes
    number them), with their text as it stands."""
    return [(i, n.text) for i, n in enumerate(card.amendments, 1) if n.standing]


def _amendment_rows(
    first: list[object],
    proposed: list[tuple[int, str]],
    voted: dict[int, AmendmentResult],
    t: Words,
    d: CsvDialect,
    width: int,
) -> list[list[object]]:
    """Each amendment's vote, one row per choice (round `amendment`); an amendment never
    voted has one row with its number and text and empty vote cells."""
    rows: list[list[object]] = []
    for number, text in proposed:
        tail = [number, clean(text)]
        found = voted.get(number)
        if found is None:
            rows.append([*first, AMENDMENT_ROUND, *[""] * (width - len(first) - 3), *tail])
        else:
            rows += _round_rows([*first, AMENDMENT_ROUND], found.vote, t, d, tail)
    return rows


def _round_rows(
    head: list[object], res: RoundResult, t: Words, d: CsvDialect, tail: list[object]
) -> list[list[object]]:
    return [
        [
            *head,
            res.method,
            res.rule,
            clean(label),
            res.tallied[i],
            f"{res.percentages[i]:.1f}".replace(".", d.decimal),
            res.base_of(i),
            res.outcome,
            short(res, t),
            res.attendance,
            res.not_voted,
            len(res.corrections),
            *tail,
        ]
        for i, label in enumerate(res.labels)
    ]


def deck_cell(r: SessionResults) -> str:
    """The deck's short digest with its algorithm's name: always text to a spreadsheet,
    which takes 8 bare hex digits for a number when they are all digits or read as an
    exponent (12e45678)."""
    return DECK_PREFIX + r.deck_short if r.deck_short else ""


# -- JSON ---------------------------------------------------------------------------------


# What json.dumps leaves raw with ensure_ascii=False and a terminal or an editor would
# act on: DEL, C1 controls (0x9B is CSI), line separators, bidi controls. C0 controls
# JSON escapes itself; surrogates were replaced when the journal was read.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_json(r: SessionResults) -> str:
    return json_text(results_dict(r))


def json_text(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # Such characters occur only inside strings, where an escape is the same character:
    # a program reads the data unchanged, a terminal shows `\u009b`.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def results_dict(r: SessionResults) -> dict[str, Any]:
    return {
        "format": "debate-results",
        "version": 2,
        "deck": {
            "title": r.deck_title,
            "path": r.deck_path,
            "digest": r.deck_digest,
            "found": r.deck_found,
            "changed": r.deck_changed,
        },
        "session": {
            "meeting": r.meeting,
            "place": r.place,
            "facilitator": r.facilitator,
            "language": r.language,
            "date": r.date,
            "started": r.started,
            "ended": r.ended,
            "closed": r.ended is not None,
            "rehearsal": r.rehearsal,
        },
        "attendance": {
            "count": r.attendance,
            "changes": [{"at": at, "count": count} for at, count in r.attendance_log],
            "corrections": [
                {"at": m.at, "set_at": m.set_at, "before": m.before, "after": m.after}
                for m in r.attendance_mends
            ],
        },
        "cards": [_card_dict(card) for card in r.cards],
        "rankings": [_ranking_dict(ranking, r) for ranking in r.rankings],
        "qr": results_codes(r),
    }


def _card_dict(card: CardResult) -> dict[str, Any]:
    s = card.shift
    voted = {a.number: a for a in card.amendment_votes}
    return {
        "id": card.id,
        "number": card.number,
        "title": card.title,
        "shown": card.shown,
        "rounds": [_round_dict(res) for res in card.rounds],
        "shift": None
        if s is None
        else {
            "for": s.for_,
            "against": s.against,
            "abstain": s.abstain,
            "for_share_points": None
            if s.for_share_points is None
            else round(s.for_share_points, 2),
        },
        "remarks": [{"at": n.at, "text": n.text} for n in card.remarks if n.standing],
        "amendments": [
            {
                "at": n.at,
                "text": n.text,
                "number": i,
                "vote": _round_dict(voted[i].vote, AMENDMENT_ROUND) if i in voted else None,
            }
            for i, n in enumerate(card.amendments, 1)
            if n.standing
        ],
        "amended": list(card.amended),
        "spoken": dict(card.spoken),
    }


def _round_dict(res: RoundResult, name: str = "") -> dict[str, Any]:
    return {
        "round": name or res.round.value,
        "method": res.method,
        "rule": res.rule,
        "ungraded": res.ungraded,
        "labels": list(res.labels),
        "counts": list(res.counts),
        "tallied": list(res.tallied),
        "attendance": res.attendance,
        "outcome": res.outcome,
        "majority_grade": None if res.median is None else res.labels[res.median],
        "percentages": [round(p, 2) for p in res.percentages],
        "base": res.base,
        "not_voted": res.not_voted,
        "at": res.at,
        "problem": res.problem,
        "corrections": [
            {"before": list(c.before), "after": list(c.after), "at": c.at}
            | ({"attendance": list(c.rooms)} if c.rooms else {})
            for c in res.corrections
        ],
    }


def _ranking_dict(ranking: Ranking, r: SessionResults) -> dict[str, Any]:
    ranked = []
    for p in ranking.ranked:
        card = r.card(p.id)
        res = card.round(ranking.round) if card else None
        grade = res.labels[p.median] if res else None
        ranked.append({"card": p.id, "rank": p.rank, "majority_grade": grade})
    return {
        "round": ranking.round.value,
        "problem": ranking.problem,
        # Why there is no ranking, for programs (the problem is English): "grades",
        # "totals" or "nothing", and the totals that differ.
        "reason": ranking.reason or None,
        "totals": list(ranking.totals),
        "ranked": ranked,
    }


def render(r: SessionResults, fmt: str, dialect: str = "rfc4180") -> str:
    """The results in one of FORMATS (`dialect`: the CSV's, one of CSV_DIALECTS)."""
    return render_many([r], fmt, dialect)


def render_many(results: Sequence[SessionResults], fmt: str, dialect: str = "rfc4180") -> str:
    """Several meetings in one document: the minutes one after the other (a page break
    between), the CSV as one table, the JSON as a list (one meeting: its object)."""
    match fmt:
        case "txt":
            return "\f\n".join(minutes_text(r) for r in results)
        case "md":
            return "\n---\n\n".join(to_markdown(r) for r in results)
        case "csv":
            return to_csv(results, dialect)
        case "json":
            if len(results) == 1:
                return to_json(results[0])
            return json_text([results_dict(r) for r in results])
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
