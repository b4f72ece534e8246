"""The minutes as a list of sections, in words: what the printed text (minutes.py) and
the Markdown export (markdown.py) both lay out.

Every word, figure and order is decided here, once; a renderer only chooses typography
(underlines and indents for paper, `#` and tables for Markdown). A new kind of section
is a new class in `Section`: each renderer matches on it with `assert_never`, so mypy
names the renderer that forgot it. Words here are plain text, one line each (free
text passed through `clean`); Markdown escapes them, paper wraps them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from debate.i18n import Words, built, words_for
from debate.numbers import decimal
from debate.record.results import GRADED, CardResult, Ranking, RoundResult, SessionResults
from debate.record.results_code import results_codes
from debate.record.textfmt import clean, clock, dashed, duration, percent
from debate.record.wording import attendance_words, long_date
from debate.told import say
from debate.vocabulary import Method, Round, Rule


@dataclass(frozen=True)
class Line:
    """'Label : text' (the colon is the language's)."""

    label: str
    text: str


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    more: tuple[str, ...] = ()  # further facts under the value (attendance changes)


@dataclass(frozen=True)
class Notes:
    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Header:
    heading: str  # "Minutes"
    title: str  # the deck's
    fields: tuple[Field, ...]
    notices: tuple[str, ...]  # the deck is missing, or changed


@dataclass(frozen=True)
class Share:
    choice: str
    count: int
    percent: str  # "62.5%", or "" when there is nothing to share
    of: str  # what it is a share of: "of votes cast"


@dataclass(frozen=True)
class RoundPart:
    heading: str  # "Final vote (at 20:30)"
    rule: Line
    shares: tuple[Share, ...]
    ungraded: str  # majority judgment: those present who graded nothing, or ""
    not_voted: Line | None
    outcome: Line
    text: Line | None = None  # a vote on an amendment: the amendment's text


@dataclass(frozen=True)
class CardSection:
    heading: str  # "Card 3 · Title", in full
    proposal: Line | None  # the card's summary, from the deck
    status: str  # "Shown, not voted." or ""
    rounds: tuple[RoundPart, ...]
    facts: tuple[Line, ...]  # the shift between rounds, speaking time
    notes: tuple[Notes, ...]  # remarks, amendments, corrections


@dataclass(frozen=True)
class Undebated:
    name: str  # "Card 6 · Title"
    proposal: Line | None


@dataclass(frozen=True)
class NotDebated:
    heading: str
    cards: tuple[Undebated, ...]


@dataclass(frozen=True)
class RankingSection:
    heading: str
    problem: str  # why there is no ranking, or ""
    rows: tuple[str, ...]  # "1. Card 4 · Title: Good"


@dataclass(frozen=True)
class TableRow:
    card: str  # "1 · Title" in full; the same on each of the card's rows
    round: str
    counts: tuple[int, ...] | None  # for, against, abstain; None for majority judgment
    grades: str  # majority judgment: the grade counts, "6-12-10-8-6"
    result: str


@dataclass(frozen=True)
class ResultsTable:
    heading: str
    columns: tuple[str, str, str, str, str, str]  # card, round, for, against, abstain, result
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Signer:
    role: str
    name: str  # "" leaves a line to write it on


@dataclass(frozen=True)
class Signatures:
    heading: str
    signers: tuple[Signer, ...]
    name_label: str
    signature_label: str


@dataclass(frozen=True)
class Codes:
    heading: str
    caption: str  # what the code holds, for a citizen
    texts: tuple[str, ...]  # one per QR code
    part_labels: tuple[str, ...]  # "QR code 1/2:" when there are several, else ()
    too_long: str  # said before a text too long for any code


@dataclass(frozen=True)
class NoCards:
    text: str


Section = (
    Header | CardSection | NotDebated | RankingSection | ResultsTable | Signatures | Codes | NoCards
)


def minutes_sections(r: SessionResults) -> list[Section]:
    """The minutes, section by section, in the session's language."""
    t = words_for(r.language)
    out: list[Section] = [header(r, t)]
    if not r.cards:
        out.append(NoCards(t["min_no_cards"]))
    out += [card_section(card, r, t) for card in r.cards]
    if r.not_debated:
        cards = tuple(
            Undebated(f"{t['card']} {n} · {clean(title)}", proposal(summary, t))
            for n, title, summary in r.not_debated
        )
        out.append(NotDebated(t["min_not_debated"], cards))
    out += [ranking_section(ranking, r, t) for ranking in r.rankings]
    if any(card.rounds for card in r.cards):
        out.append(results_table_section(r, t))
    out.append(signatures(r, t))
    out.append(codes_section(r, t))
    return out


# -- header -------------------------------------------------------------------------------


def header(r: SessionResults, t: Words) -> Header:
    colon = t["min_colon"]
    fields = [
        Field(t["min_place"], clean(r.place)),
        Field(t["min_date"], long_date(r.date, r.language)),
        Field(t["min_start"], clock(r.started, r.date)),
        Field(t["min_end"], clock(r.ended, r.date) if r.ended else t["min_not_closed"]),
    ]
    if r.reopenings:
        mends = tuple(
            t["min_reopening"].format(closed=clock(c, r.date), reopened=clock(o, r.date))
            for c, o in r.reopenings
        )
        fields.append(Field(t["min_reopened"], mends[0], mends[1:]))
    if r.facilitator.strip():
        fields.append(Field(t["min_facilitator"], clean(r.facilitator)))
    changes = tuple(f"{t['min_at']} {clock(at, r.date)}{colon} {n}" for at, n in r.attendance_log)
    fields.append(
        Field(t["min_attendance"], attendance_words(r.most_present, r.attendance, t), changes)
    )
    if r.attendance_mends:
        mended = tuple(
            t["min_attendance_mended"].format(set=clock(m.set_at, r.date), time=clock(m.at, r.date))
            + f"{colon} {m.before} -> {m.after}"
            for m in r.attendance_mends
        )
        fields.append(Field(t["min_corrections"], mended[0], mended[1:]))
    notices: tuple[str, ...] = ()
    if not r.deck_found:
        notices = (t["min_deck_missing"],)
    elif r.deck_changed:
        notices = (t["min_deck_changed"],)
    heading = t["min_title_rehearsal" if r.rehearsal else "min_title"]
    return Header(heading, clean(r.deck_title) or "?", tuple(fields), notices)


# -- one card -----------------------------------------------------------------------------


def card_name(card: CardResult, r: SessionResults, t: Words) -> str:
    """'Card 3 · Title', or 'Card some-id (not in the deck)' when the deck lacks it."""
    if card.title is not None:
        return f"{t['card']} {card.number} · {clean(card.title)}"
    missing = f" ({t['min_not_in_deck']})" if r.deck_found else ""
    return f"{t['card']} {clean(card.id)}{missing}"


def card_section(card: CardResult, r: SessionResults, t: Words) -> CardSection:
    facts = []
    shift = shift_text(card, t)
    if shift:
        facts.append(Line(t["min_shift"], shift))
    if card.spoken:
        spoken = ", ".join(
            f"{t['min_for'] if side == 'for' else t['min_against']} {duration(s)}"
            for side, s in card.spoken
        )
        facts.append(Line(t["min_spoken"], spoken))
    if card.amended:
        numbers = ", ".join(str(n) for n in card.amended)
        by = t["min_amended_by"] if len(card.amended) == 1 else t["min_amended_by_many"]
        facts.append(Line(t["min_amended"], by.format(numbers=numbers)))
    notes = [
        Notes(heading, tuple(f"{clock(n.at, r.date)} {clean(n.text)}" for n in standing))
        for heading, found in (
            (t["min_remarks"], card.remarks),
            (t["min_amendments"], card.amendments),
        )
        if (standing := [n for n in found if n.standing])
    ]
    corrections = tuple(
        t["min_corrected"].format(
            round=built(t, f"min_round_{res.round}"), time=clock(c.at, r.date)
        )
        + f"{t['min_colon']} "
        + (
            t["min_judged_on"].format(before=c.rooms[0], after=c.rooms[1])
            if c.rooms
            else f"{dashed(c.before)} -> {dashed(c.after)}"
        )
        for res in card.rounds
        for c in res.corrections
    )
    corrections += tuple(
        t["min_amendment_corrected"].format(number=a.number, time=clock(c.at, r.date))
        + f"{t['min_colon']} "
        + (
            t["min_judged_on"].format(before=c.rooms[0], after=c.rooms[1])
            if c.rooms
            else f"{dashed(c.before)} -> {dashed(c.after)}"
        )
        for a in card.amendment_votes
        for c in a.vote.corrections
    ) + note_mends(card, r, t)
    if corrections:
        notes.append(Notes(t["min_corrections"], corrections))
    return CardSection(
        heading=card_name(card, r, t),
        proposal=proposal(card.summary, t),
        status=t["min_not_voted_card"] if not card.rounds and card.shown else "",
        rounds=card_rounds(card, r, t),
        facts=tuple(facts),
        notes=tuple(notes),
    )


def note_mends(card: CardResult, r: SessionResults, t: Words) -> tuple[str, ...]:
    """Each remark or amendment reworded or withdrawn: its earlier text, on the record."""
    lines = []
    q = t["min_quoted"]
    for said, found in (
        (t["min_note_remark"], card.remarks),
        (t["min_note_amendment"], card.amendments),
    ):
        for n in found:
            name = said.format(made=clock(n.at, r.date))
            texts = [old for _, old in n.edits] + [n.text]
            for (at, old), new in zip(n.edits, texts[1:], strict=True):
                when = t["min_note_edited"].format(note=name, time=clock(at, r.date))
                quoted = f"{q.format(clean(old))} -> {q.format(clean(new))}"
                lines.append(f"{when}{t['min_colon']} {quoted}")
            if n.withdrawn is not None:
                when = t["min_note_withdrawn"].format(note=name, time=clock(n.withdrawn, r.date))
                lines.append(f"{when}{t['min_colon']} {q.format(clean(n.text))}")
    return tuple(lines)


def proposal(summary: str | None, t: Words) -> Line | None:
    """What the card proposes, as the deck words it (its summary)."""
    text = clean(summary)
    return Line(t["min_proposal"], text) if text else None


def card_rounds(card: CardResult, r: SessionResults, t: Words) -> tuple[RoundPart, ...]:
    """The card's votes in the order they were taken: indicative, each amendment, final
    (said to be on the proposal as amended when an amendment was adopted)."""
    parts = [round_part(res, r, t) for res in card.rounds if res.round == Round.INDICATIVE]
    for a in card.amendment_votes:
        part = round_part(a.vote, r, t, t["min_round_amendment"].format(number=a.number))
        quoted = t["min_quoted"].format(clean(a.text))
        parts.append(replace(part, text=Line(t["min_amendment_text"], quoted)))
    final = card.round(Round.FINAL)
    if final is not None:
        name = t["min_round_final_amended"] if card.amended else None
        parts.append(round_part(final, r, t, name))
    return tuple(parts)


def round_part(res: RoundResult, r: SessionResults, t: Words, name: str | None = None) -> RoundPart:
    rule = Method.MAJORITY_JUDGMENT.value if res.is_mj else res.rule
    names = [clean(label) for label in res.labels]
    shares = tuple(
        Share(name, count, percent(res.percentages[i], t), share_of(res, i, t))
        if not res.problem and res.base  # a share of nothing is not worth printing
        else Share(name, count, "", "")
        for i, (name, count) in enumerate(zip(names, res.tallied, strict=False))
    )
    padded = sum(res.tallied) - sum(res.counts)
    ungraded = ""
    if res.is_mj and padded > 0:
        said = t["min_ungraded_one"] if padded == 1 else t["min_ungraded"]
        ungraded = said.format(n=padded, grade=names[-1])
    not_voted = None
    if not res.is_mj or res.not_voted:
        not_voted = Line(
            t["min_not_voted"], f"{res.not_voted} " + t["min_out_of"].format(n=res.attendance)
        )
    heading = name or built(t, f"min_round_{res.round}")
    return RoundPart(
        heading=f"{heading} ({t['min_at']} {clock(res.at, r.date)})",
        rule=Line(t["min_rule"], built(t, f"rule_{rule}", rule)),
        shares=shares,
        ungraded=ungraded,
        not_voted=not_voted,
        outcome=outcome_line(res, t),
    )


def share_of(res: RoundResult, index: int, t: Words) -> str:
    """What a percentage is of, as decide() computed it."""
    if res.is_mj:
        return t["min_of_grades"]
    if res.rule == Rule.MAJORITY_OF_PRESENT:
        return t["min_of_present"]
    return t["min_of_hands"] if index == 2 else t["min_of_cast"]


def outcome_line(res: RoundResult, t: Words) -> Line:
    if res.problem:
        detail = say(res.why, t["lang"]) if res.why else res.problem
        return Line(t["min_result"], t["min_problem"].format(detail=detail))
    if res.outcome == GRADED and res.median is not None:
        return Line(t["min_majority_grade"], clean(res.labels[res.median]))
    return Line(t["min_result"], built(t, lean(res, "outcome_")))


def lean(res: RoundResult, prefix: str) -> str:
    """The label key of an outcome: an indicative round is a sounding of the room, so it
    says where the majority stands ("indicatif : majorité pour"), never "adoptée"."""
    if res.round == Round.INDICATIVE and f"{prefix}ind_{res.outcome}" in INDICATIVE_KEYS:
        return f"{prefix}ind_{res.outcome}"
    return prefix + res.outcome


INDICATIVE_KEYS = {
    f"{prefix}ind_{outcome}"
    for prefix in ("outcome_", "short_")
    for outcome in ("adopted", "rejected", "tie")
}


def shift_text(card: CardResult, t: Words) -> str:
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
            points = decimal(s.for_share_points, t["lang"], signed=True)
            text += " ; " if t["min_colon"].startswith(" ") else "; "
            text += t["min_share_points"].format(points=points)
        return text
    if before.median is not None and after.median is not None and before.labels == after.labels:
        return t["min_grade_shift"].format(
            before=clean(before.labels[before.median]), after=clean(after.labels[after.median])
        )
    return ""


# -- rankings, the table, signatures, the code --------------------------------------------


def ranking_section(ranking: Ranking, r: SessionResults, t: Words) -> RankingSection:
    heading = t["min_ranking"].format(round=built(t, f"round_{ranking.round}"))
    if ranking.problem:
        return RankingSection(heading, no_ranking(ranking, t), ())
    rows = []
    for proposal in ranking.ranked:
        card = r.card(proposal.id)
        res = card.round(ranking.round) if card else None
        if card is None or res is None:
            continue
        grade = clean(res.labels[proposal.median])
        rows.append(f"{proposal.rank}. {card_name(card, r, t)}{t['min_colon']} {grade}")
    return RankingSection(heading, "", tuple(rows))


def no_ranking(ranking: Ranking, t: Words) -> str:
    """Why there is no ranking, in the minutes' language when the reason is known."""
    detail = say(ranking.why, t["lang"]) if ranking.why else ranking.problem
    if ranking.reason:
        totals = ", ".join(map(str, ranking.totals))
        detail = built(t, f"rank_{ranking.reason}").format(totals=totals)
    return t["min_no_ranking"].format(detail=detail)


def results_table_section(r: SessionResults, t: Words) -> ResultsTable:
    """Every vote in one table, a row per round (also the merge report's totals)."""
    rows = []
    for card in r.cards:
        name = f"{card.key} · {clean(card.title)}" if card.title else clean(card.id)
        for round_name, res in table_rounds(card, t):
            rows.append(
                TableRow(
                    card=name,
                    round=round_name,
                    counts=None if res.is_mj else res.counts,
                    grades=dashed(res.tallied) if res.is_mj else "",
                    result=short(res, t),
                )
            )
    cols = (
        t["col_card"],
        t["col_round"],
        t["col_for"],
        t["col_against"],
        t["col_abstain"],
        t["col_result"],
    )
    return ResultsTable(t["min_table"], cols, tuple(rows))


def table_rounds(card: CardResult, t: Words) -> list[tuple[str, RoundResult]]:
    """The card's votes as the table names them, in the order they were taken."""
    rounds = [(t["round_indicative"], res) for res in card.rounds if res.round == Round.INDICATIVE]
    rounds += [(t["round_amendment"].format(number=a.number), a.vote) for a in card.amendment_votes]
    rounds += [(t["round_final"], res) for res in card.rounds if res.round == Round.FINAL]
    return rounds


def short(res: RoundResult, t: Words) -> str:
    """The outcome in a word or two: for tables."""
    if res.problem:
        return t["short_problem"]
    if res.outcome == GRADED and res.median is not None:
        return clean(res.labels[res.median])
    return built(t, lean(res, "short_"))


def signatures(r: SessionResults, t: Words) -> Signatures:
    """Who signs the minutes for the register: the facilitator (named when the session
    recorded one) and the meeting's secretary, whose name is written by hand."""
    signers = (
        Signer(t["min_facilitator"], clean(r.facilitator)),
        Signer(t["min_secretary"], ""),
    )
    return Signatures(t["min_signatures"], signers, t["min_name"], t["min_signature"])


def codes_section(r: SessionResults, t: Words) -> Codes:
    texts = tuple(results_codes(r))
    parts: tuple[str, ...] = ()
    if len(texts) > 1:
        parts = tuple(t["min_qr_part"].format(i=i, n=len(texts)) for i in range(1, len(texts) + 1))
    return Codes(t["min_code"], t["min_qr"], texts, parts, t["min_qr_too_long"])
