"""The minutes of a session: plain UTF-8 text, at most 80 columns, ready for any printer.

Rendered from the state alone (plus the deck for card numbers and titles), with no clock
and no I/O, so the same state always gives the same text: the Session rewrites it after
every event, and golden tests compare it byte for byte.

The results end with a QR code of a compact text (results_code.py, documented in
docs/session-format.md under "Results QR"), split over numbered codes when too long, each
code on a new printed page (form feed).
"""

from __future__ import annotations

from debate.deck.model import Deck
from debate.i18n import labels
from debate.qr import QRTooLarge, qr_lines
from debate.record.results import (
    GRADED,
    CardResult,
    Ranking,
    RoundResult,
    SessionResults,
    build_results,
)
from debate.record.results_code import fits, results_codes
from debate.record.state import SessionState
from debate.record.textfmt import (
    WIDTH,
    Labels,
    clean,
    clock,
    dashed,
    duration,
    fit,
    percent,
)
from debate.textutil import columns, cut, ljust, rjust, wrap
from debate.untrusted import printable
from debate.vocabulary import Method, Round, Rule

# A page break, alone on its line, before each QR code: a code cut by the bottom of a
# printed page cannot be scanned, and one code (at most 41 lines) fits any page.
FORM_FEED = "\f"


def render_minutes(state: SessionState, deck: Deck | None) -> str:
    """The minutes of `state` as text, ending with a newline."""
    return minutes_text(build_results(state, deck))


def minutes_text(results: SessionResults) -> str:
    t = labels(results.language)
    out = _header(results, t)
    if not results.cards:
        out += ["", t["min_no_cards"]]
    for card in results.cards:
        out += ["", "", *_card_section(card, results, t)]
    for ranking in results.rankings:
        out += ["", "", *_ranking_section(ranking, results, t)]
    if any(card.rounds for card in results.cards):
        out += ["", "", *results_table(results, t)]
    out += [FORM_FEED, *qr_section(results, t)]
    while out and not out[-1]:  # the page below the last code is blank anyway
        out.pop()
    # Every line, whatever field it came from: `cat` of the minutes must run no escape
    # sequence. Before fit(), which measures the stand-ins.
    return "\n".join(fit([printable(line, lines=True, keep=FORM_FEED) for line in out])) + "\n"


# -- header -------------------------------------------------------------------------------


def _header(r: SessionResults, t: Labels) -> list[str]:
    title = wrap(clean(r.deck_title) or "?", WIDTH)
    out = [t["min_title"], *title, "=" * max(map(columns, title)), ""]
    colon = t["min_colon"]
    fields = [
        (t["min_place"], clean(r.place)),
        (t["min_date"], r.date),
        (t["min_start"], clock(r.started, r.date)),
        (t["min_end"], clock(r.ended, r.date) if r.ended else t["min_not_closed"]),
    ]
    if r.facilitator.strip():
        fields.append((t["min_facilitator"], clean(r.facilitator)))
    fields.append((t["min_attendance"], str(r.attendance)))
    key_width = max(columns(label + colon) for label, _ in fields) + 1
    for label, value in fields:
        out += wrap(value, WIDTH, ljust(label + colon, key_width), " " * key_width)
    for at, count in r.attendance_log:
        out.append(f"{' ' * key_width}{t['min_at']} {clock(at, r.date)}{colon} {count}")
    if not r.deck_found:
        out += ["", *wrap(t["min_deck_missing"], WIDTH)]
    elif r.deck_changed:
        out += ["", *wrap(t["min_deck_changed"], WIDTH)]
    return out


# -- one card -----------------------------------------------------------------------------


def card_name(card: CardResult, r: SessionResults, t: Labels) -> str:
    """'Card 3 · Title', or 'Card some-id (not in the deck)' when the deck lacks it."""
    if card.title is not None:
        return f"{t['card']} {card.number} · {clean(card.title)}"
    missing = f" ({t['min_not_in_deck']})" if r.deck_found else ""
    return f"{t['card']} {clean(card.id)}{missing}"


def _card_section(card: CardResult, r: SessionResults, t: Labels) -> list[str]:
    heading = wrap(card_name(card, r, t), WIDTH)
    out = [*heading, "-" * max(map(columns, heading))]
    colon = t["min_colon"]
    if not card.rounds and card.shown:
        out.append(t["min_not_voted_card"])
    for result in card.rounds:
        out += ["", *_round_block(result, r, t)]
    shift = shift_text(card, t)
    if shift:
        out += ["", *wrap(f"{t['min_shift']}{colon} {shift}", WIDTH, "", "  ")]
    if card.spoken:
        spoken = ", ".join(f"{t['min_' + side]} {duration(s)}" for side, s in card.spoken)
        out += ["", *wrap(f"{t['min_spoken']}{colon} {spoken}", WIDTH, "", "  ")]
    for key, notes in (("min_remarks", card.remarks), ("min_amendments", card.amendments)):
        if notes:
            out += ["", f"{t[key]}{colon}"]
            for note in notes:
                out += wrap(f"{clock(note.at, r.date)} {clean(note.text)}", WIDTH, "  - ", "    ")
    corrections = [(res, c) for res in card.rounds for c in res.corrections]
    if corrections:
        out += ["", f"{t['min_corrections']}{colon}"]
        for res, c in corrections:
            when = t["min_corrected"].format(
                round=t[f"min_round_{res.round}"], time=clock(c.at, r.date)
            )
            change = f"{dashed(c.before)} -> {dashed(c.after)}"
            out += wrap(f"{when}{colon} {change}", WIDTH, "  - ", "    ")
    return out


def _round_block(res: RoundResult, r: SessionResults, t: Labels) -> list[str]:
    colon = t["min_colon"]
    out = [f"{t[f'min_round_{res.round}']} ({t['min_at']} {clock(res.at, r.date)})"]
    rule = Method.MAJORITY_JUDGMENT.value if res.is_mj else res.rule
    rule_text = t.get(f"rule_{rule}", rule)
    out += wrap(f"{t['min_rule']}{colon} {rule_text}", WIDTH, "", "  ")
    names = [clean(label) for label in res.labels]
    name_width = min(max(map(columns, names), default=0), 30)
    count_width = max(len(str(c)) for c in (*res.tallied, 0))
    for i, (name, count) in enumerate(zip(names, res.tallied, strict=False)):
        if columns(name) > name_width:  # a very long label gets a line of its own
            out += wrap(name, WIDTH, "  ", "  ")
            name = ""
        row = f"  {ljust(name, name_width)}  {count:>{count_width}}"
        if not res.problem and res.base:  # a share of nothing is not worth printing
            row += f"  {percent(res.percentages[i], t):>7} {share_of(res, i, t)}"
        out.append(row.rstrip())
    padded = sum(res.tallied) - sum(res.counts)
    if res.is_mj and padded > 0:
        note = t["min_ungraded"].format(n=padded, grade=names[-1])
        out += wrap(f"({note})", WIDTH, "  ", "   ")
    if not res.is_mj or res.not_voted:
        out.append(
            f"  {t['min_not_voted']}{colon} {res.not_voted} "
            + t["min_out_of"].format(n=res.attendance)
        )
    out += wrap(outcome_text(res, t), WIDTH, "  ", "    ")
    return out


def share_of(res: RoundResult, index: int, t: Labels) -> str:
    """What a percentage is of, as decide() computed it."""
    if res.is_mj:
        return t["min_of_grades"]
    if res.rule == Rule.MAJORITY_OF_PRESENT:
        return t["min_of_present"]
    return t["min_of_hands"] if index == 2 else t["min_of_cast"]


def outcome_text(res: RoundResult, t: Labels) -> str:
    colon = t["min_colon"]
    if res.problem:
        return f"{t['min_result']}{colon} {t['min_problem'].format(detail=res.problem)}"
    if res.outcome == GRADED and res.median is not None:
        return f"{t['min_majority_grade']}{colon} {clean(res.labels[res.median])}"
    return f"{t['min_result']}{colon} {t['outcome_' + res.outcome]}"


def shift_text(card: CardResult, t: Labels) -> str:
    before, after = card.round(Round.INDICATIVE), card.round(Round.FINAL)
    if before is None or after is None:
        return ""
    if card.shift is not None:
        s = card.shift
        moves = [
            f"{clean(label)} {delta:+d}"
            for label, delta in zip(after.labels, (s.for_, s.against, s.abstain), strict=False)
        ]
        text = ", ".join(moves)
        if s.for_share_points is not None:
            points = f"{s.for_share_points:+.1f}".replace(".", t["min_decimal"])
            text += " ; " if t["min_colon"].startswith(" ") else "; "
            text += t["min_share_points"].format(points=points)
        return text
    if before.median is not None and after.median is not None and before.labels == after.labels:
        return t["min_grade_shift"].format(
            before=clean(before.labels[before.median]), after=clean(after.labels[after.median])
        )
    return ""


# -- majority judgment ranking and the table of results -----------------------------------------


def _ranking_section(ranking: Ranking, r: SessionResults, t: Labels) -> list[str]:
    heading = wrap(t["min_ranking"].format(round=t[f"round_{ranking.round}"]), WIDTH)
    out = [*heading, "-" * max(map(columns, heading))]
    if ranking.problem:
        return out + wrap(no_ranking(ranking, t), WIDTH)
    colon = t["min_colon"]
    for proposal in ranking.ranked:
        card = r.card(proposal.id)
        res = card.round(ranking.round) if card else None
        if card is None or res is None:
            continue
        grade = clean(res.labels[proposal.median])
        line = f"{proposal.rank}. {card_name(card, r, t)}{colon} {grade}"
        out += wrap(line, WIDTH, "  ", "     ")
    return out


def no_ranking(ranking: Ranking, t: Labels) -> str:
    """Why there is no ranking, in the minutes' language when the reason is known."""
    detail = ranking.problem
    if ranking.reason:
        detail = t[f"rank_{ranking.reason}"].format(totals=", ".join(map(str, ranking.totals)))
    return t["min_no_ranking"].format(detail=detail)


def results_table(r: SessionResults, t: Labels) -> list[str]:
    """Every vote in one table, a row per round (also the merge report's totals)."""
    heading = [t["min_table"], "-" * columns(t["min_table"])]
    cols = [t["col_for"], t["col_against"], t["col_abstain"]]
    counts = [c for card in r.cards for res in card.rounds if not res.is_mj for c in res.counts]
    count_widths = [max([columns(h), *(len(str(c)) for c in counts)]) for h in cols]
    round_width = max(columns(t[key]) for key in ("col_round", "round_indicative", "round_final"))
    span = sum(count_widths) + 2 * (len(cols) - 1)
    card_width = 26
    result_width = WIDTH - card_width - round_width - span - 6
    if result_width < 10:  # huge counts: give the room back from the card titles
        card_width = max(card_width - (10 - result_width), 8)
        result_width = WIDTH - card_width - round_width - span - 6

    def row(card: str, round_: str, middle: str, result: str) -> str:
        return (
            f"{ljust(cut(card, card_width), card_width)}  {ljust(round_, round_width)}  "
            f"{middle}  {cut(result, result_width)}"
        ).rstrip()

    header_mid = "  ".join(rjust(h, w) for h, w in zip(cols, count_widths, strict=True))
    out = [*heading, row(t["col_card"], t["col_round"], header_mid, t["col_result"])]
    for card in r.cards:
        name = f"{card.key} · {clean(card.title)}" if card.title else clean(card.id)
        for i, res in enumerate(card.rounds):
            if res.is_mj:
                middle = f"{cut('-'.join(map(str, res.tallied)), span):>{span}}"
            else:
                middle = "  ".join(
                    f"{c:>{w}}" for c, w in zip(res.counts, count_widths, strict=False)
                )
            out.append(row(name if i == 0 else "", t[f"round_{res.round}"], middle, short(res, t)))
    return out


def short(res: RoundResult, t: Labels) -> str:
    """The outcome in a word or two: for tables."""
    if res.problem:
        return t["short_problem"]
    if res.outcome == GRADED and res.median is not None:
        return clean(res.labels[res.median])
    return t["short_" + res.outcome]


# -- the results QR code ------------------------------------------------------------------------


def qr_section(r: SessionResults, t: Labels) -> list[str]:
    """The results as QR codes (several, a page each, if they do not fit in one)."""
    codes = results_codes(r)
    out = wrap(t["min_qr"], WIDTH)
    for i, text in enumerate(codes, start=1):
        if len(codes) > 1:
            out += [FORM_FEED] if i > 1 else [""]
            out.append(t["min_qr_part"].format(i=i, n=len(codes)))
        try:
            if not fits(text):  # no need to build a code of 177 modules to learn that
                raise QRTooLarge(text)
            out += qr_lines(text, WIDTH)
        except QRTooLarge:  # never drop a result: print the text the code would have held
            out += [t["min_qr_too_long"], *wrap(text, WIDTH)]
    return out
