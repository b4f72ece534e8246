"""The minutes' content as Markdown, CSV and JSON, for the web page, the spreadsheet and tools.

All three read the same SessionResults as the printed minutes (debate.record.results), so
an outcome or a percentage is the same everywhere. Deterministic like the minutes.

CSV: one row per card and round (a card shown but never voted has one row with an empty
round), with a header row. Columns, in order:
    date, place, number (empty when the deck lacks the card), id, title, round
    (indicative | final), method, rule, labels, counts, outcome, result, percentages,
    base, attendance, not_voted, corrections
`labels`, `counts` and `percentages` hold one value per choice or grade, joined by ';'
(counts as decided: for majority judgment with ungraded: lowest, the lowest grade includes
those present who graded nothing); `outcome` is a code (adopted, rejected, tie, no-votes,
majority-grade, or empty when no result could be computed) and `result` the same in words,
in the session's language (the majority grade for majority judgment); percentages use a
'.' and one decimal; `corrections` is how many times the counts were corrected.
A text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or
a carriage return) starts with an apostrophe; control characters show as stand-ins.

JSON (`"format": "debate-results", "version": 1`), keys never renamed within a version:
    deck: {title, path, found, changed}
    session: {place, facilitator, language, date, started, ended, closed}
    attendance: {count, changes: [{at, count}]}
    cards: [{id, number, title, shown,
             rounds: [{round, method, rule, ungraded, labels, counts, tallied, attendance,
                       outcome, majority_grade, percentages, base, not_voted, at, problem,
                       corrections: [{before, after, at}]}],
             shift: {for, against, abstain, for_share_points} | null,
             remarks: [{at, text}], amendments: [{at, text}], spoken: {for, against}}]
    rankings: [{round, problem, reason, totals, ranked: [{card, rank, majority_grade}]}]
    qr: [the compact texts of the results QR codes]
Texts are as recorded, with C1 controls, DEL, line separators and bidi controls written
as \\u escapes (JSON reads them back unchanged; a terminal shows them as text).
Times are ISO 8601 as recorded; percentages are rounded to two decimals; `tallied` is
`counts` as decided on (see CSV); `majority_grade` is a label or null. A ranking's
`problem` is English text; `reason` says the same for programs ("grades": the cards were
graded on different scales, "totals": by different numbers of people, listed in `totals`;
"nothing": nobody graded them), or is null.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from debate.i18n import labels
from debate.record.minutes import (
    card_name,
    minutes_text,
    no_ranking,
    outcome_text,
    share_of,
    shift_text,
    short,
)
from debate.record.results import CardResult, Ranking, RoundResult, SessionResults
from debate.record.results_code import results_codes
from debate.record.textfmt import clean, clock, dashed, duration, percent
from debate.untrusted import printable
from debate.vocabulary import Method

FORMATS = ("txt", "md", "csv", "json")

CSV_COLUMNS = (
    "date",
    "place",
    "number",
    "id",
    "title",
    "round",
    "method",
    "rule",
    "labels",
    "counts",
    "outcome",
    "result",
    "percentages",
    "base",
    "attendance",
    "not_voted",
    "corrections",
)

Labels = dict[str, str]


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


def to_csv(r: SessionResults) -> str:
    t = labels(r.language)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for card in r.cards:
        first = [r.date, clean(r.place), card.number or "", card.id, clean(card.title)]
        if not card.rounds:
            row = [*first, *[""] * (len(CSV_COLUMNS) - len(first))]
            writer.writerow([csv_cell(v) for v in row])
        for res in card.rounds:
            writer.writerow(
                csv_cell(v)
                for v in [
                    *first,
                    res.round.value,
                    res.method,
                    res.rule,
                    ";".join(clean(label) for label in res.labels),
                    ";".join(map(str, res.tallied)),
                    res.outcome,
                    short(res, t),
                    ";".join(f"{p:.1f}" for p in res.percentages),
                    res.base,
                    res.attendance,
                    res.not_voted,
                    len(res.corrections),
                ]
            )
    return out.getvalue()


# -- JSON ---------------------------------------------------------------------------------


# What json.dumps leaves raw with ensure_ascii=False and a terminal or an editor would
# act on: DEL, C1 controls (0x9B is CSI), line separators, bidi controls. C0 controls
# JSON escapes itself; surrogates were replaced when the journal was read.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_json(r: SessionResults) -> str:
    text = json.dumps(results_dict(r), ensure_ascii=False, indent=2)
    # Such characters occur only inside strings, where an escape is the same character:
    # a program reads the data unchanged, a terminal shows `\u009b`.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def results_dict(r: SessionResults) -> dict[str, Any]:
    return {
        "format": "debate-results",
        "version": 1,
        "deck": {
            "title": r.deck_title,
            "path": r.deck_path,
            "found": r.deck_found,
            "changed": r.deck_changed,
        },
        "session": {
            "place": r.place,
            "facilitator": r.facilitator,
            "language": r.language,
            "date": r.date,
            "started": r.started,
            "ended": r.ended,
            "closed": r.ended is not None,
        },
        "attendance": {
            "count": r.attendance,
            "changes": [{"at": at, "count": count} for at, count in r.attendance_log],
        },
        "cards": [_card_dict(card) for card in r.cards],
        "rankings": [_ranking_dict(ranking, r) for ranking in r.rankings],
        "qr": results_codes(r),
    }


def _card_dict(card: CardResult) -> dict[str, Any]:
    s = card.shift
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
        "remarks": [{"at": n.at, "text": n.text} for n in card.remarks],
        "amendments": [{"at": n.at, "text": n.text} for n in card.amendments],
        "spoken": dict(card.spoken),
    }


def _round_dict(res: RoundResult) -> dict[str, Any]:
    return {
        "round": res.round.value,
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
            {"before": list(c.before), "after": list(c.after), "at": c.at} for c in res.corrections
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


# -- Markdown -----------------------------------------------------------------------------

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str | None) -> str:
    """Free text that Markdown shows as typed: its punctuation escaped."""
    return MD_SPECIAL.sub(r"\\\1", clean(text))


def to_markdown(r: SessionResults) -> str:
    t = labels(r.language)
    colon = t["min_colon"]
    out = [f"# {md(t['min_title'])} · {md(r.deck_title) or '?'}", ""]
    fields = [
        (t["min_place"], md(r.place)),
        (t["min_date"], r.date),
        (t["min_start"], clock(r.started, r.date)),
        (t["min_end"], clock(r.ended, r.date) if r.ended else t["min_not_closed"]),
    ]
    if r.facilitator.strip():
        fields.append((t["min_facilitator"], md(r.facilitator)))
    changes = ", ".join(f"{clock(at, r.date)}{colon} {n}" for at, n in r.attendance_log)
    fields.append((t["min_attendance"], f"{r.attendance}" + (f" ({changes})" if changes else "")))
    out += [f"- **{label}{colon}** {value}" for label, value in fields]
    if not r.deck_found:
        out += ["", f"*{md(t['min_deck_missing'])}*"]
    elif r.deck_changed:
        out += ["", f"*{md(t['min_deck_changed'])}*"]
    if not r.cards:
        out += ["", md(t["min_no_cards"])]
    for card in r.cards:
        out += ["", *_md_card(card, r, t)]
    for ranking in r.rankings:
        out += ["", *_md_ranking(ranking, r, t)]
    if any(card.rounds for card in r.cards):
        out += ["", *_md_table(r, t)]
    out += ["", f"## {md(t['md_code'])}", "", md(t["md_compact"]), ""]
    for text in results_codes(r):
        fence = _fence(text)
        out += [f"{fence}text", printable(text), fence]
    return printable("\n".join(out), lines=True) + "\n"


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in `text`: a card id holding ```
    cannot close the block and let what follows be read as HTML."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _md_card(card: CardResult, r: SessionResults, t: Labels) -> list[str]:
    colon = t["min_colon"]
    out = [f"## {md(card_name(card, r, t))}"]
    if not card.rounds and card.shown:
        out += ["", md(t["min_not_voted_card"])]
    for res in card.rounds:
        out += ["", *_md_round(res, r, t)]
    shift = shift_text(card, t)
    if shift:
        out += ["", f"**{t['min_shift']}{colon}** {md(shift)}"]
    if card.spoken:
        spoken = ", ".join(f"{t['min_' + side]} {duration(s)}" for side, s in card.spoken)
        out += ["", f"**{t['min_spoken']}{colon}** {spoken}"]
    for key, notes in (("min_remarks", card.remarks), ("min_amendments", card.amendments)):
        if notes:
            out += ["", f"**{t[key]}{colon}**", ""]
            out += [f"- {clock(n.at, r.date)} {md(n.text)}" for n in notes]
    corrections = [(res, c) for res in card.rounds for c in res.corrections]
    if corrections:
        out += ["", f"**{t['min_corrections']}{colon}**", ""]
        for res, c in corrections:
            when = t["min_corrected"].format(
                round=t[f"min_round_{res.round}"], time=clock(c.at, r.date)
            )
            out.append(f"- {md(when)}{colon} {dashed(c.before)} -> {dashed(c.after)}")
    return out


def _md_round(res: RoundResult, r: SessionResults, t: Labels) -> list[str]:
    colon = t["min_colon"]
    rule = Method.MAJORITY_JUDGMENT.value if res.is_mj else res.rule
    out = [
        f"### {t[f'min_round_{res.round}']} ({t['min_at']} {clock(res.at, r.date)})",
        "",
        f"{t['min_rule']}{colon} {md(t.get(f'rule_{rule}', rule))}",
        "",
        f"| {t['col_choice']} | {t['col_count']} | {t['col_share']} |",
        "|---|---:|---|",
    ]
    for i, (label, count) in enumerate(zip(res.labels, res.tallied, strict=False)):
        share = ""
        if not res.problem and res.base:
            share = f"{percent(res.percentages[i], t)} {share_of(res, i, t)}"
        out.append(f"| {md(label)} | {count} | {share} |")
    out.append("")
    padded = sum(res.tallied) - sum(res.counts)
    if res.is_mj and padded > 0:
        out += [f"*{md(t['min_ungraded'].format(n=padded, grade=res.labels[-1]))}*", ""]
    if not res.is_mj or res.not_voted:
        out += [
            f"**{t['min_not_voted']}{colon}** {res.not_voted} "
            + t["min_out_of"].format(n=res.attendance),
            "",
        ]
    label, _, value = outcome_text(res, t).partition(colon + " ")
    out.append(f"**{label}{colon}** {md(value)}")
    return out


def _md_ranking(ranking: Ranking, r: SessionResults, t: Labels) -> list[str]:
    out = [f"## {md(t['min_ranking'].format(round=t[f'round_{ranking.round}']))}", ""]
    if ranking.problem:
        return [*out, md(no_ranking(ranking, t))]
    for p in ranking.ranked:
        card = r.card(p.id)
        res = card.round(ranking.round) if card else None
        if card is not None and res is not None:
            grade = md(res.labels[p.median])
            out.append(f"{p.rank}. {md(card_name(card, r, t))}{t['min_colon']} {grade}")
    return out


def _md_table(r: SessionResults, t: Labels) -> list[str]:
    head = [t[k] for k in ("col_card", "col_round", "col_for", "col_against", "col_abstain")]
    out = [
        f"## {md(t['min_table'])}",
        "",
        "| " + " | ".join([*head, t["col_result"]]) + " |",
        "|---|---|---:|---:|---:|---|",
    ]
    for card in r.cards:
        name = md(f"{card.key} · {clean(card.title)}" if card.title else card.id)
        for res in card.rounds:
            counts = (
                ["", "", md(dashed(res.tallied))] if res.is_mj else [str(c) for c in res.counts]
            )
            row = [name, t[f"round_{res.round}"], *counts, md(short(res, t))]
            out.append("| " + " | ".join(row) + " |")
    return out


def render(r: SessionResults, fmt: str) -> str:
    """The results in one of FORMATS."""
    match fmt:
        case "txt":
            return minutes_text(r)
        case "md":
            return to_markdown(r)
        case "csv":
            return to_csv(r)
        case "json":
            return to_json(r)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
