"""One debated card's section of the minutes, in words: its proposal, each vote in the
order taken with its shares and outcome, the shift between rounds, speaking time, remarks,
amendments and corrections (sections.py puts the sections together).
"""

from __future__ import annotations

from dataclasses import replace

from debate.i18n import Words, built
from debate.numbers import decimal
from debate.record.results import GRADED, CardResult, RoundResult, SessionResults
from debate.record.section_kinds import CardSection, Line, Notes, RoundPart, Share
from debate.record.state import Correction
from debate.record.textfmt import clean, clock, dashed, duration, percent
from debate.told import say
from debate.vocabulary import Method, Round, Rule


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
        + what_changed(c, t)
        for res in card.rounds
        for c in res.corrections
    )
    corrections += tuple(
        t["min_amendment_corrected"].format(number=a.number, time=clock(c.at, r.date))
        + what_changed(c, t)
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


def what_changed(c: Correction, t: Words) -> str:
    """After a correction's heading: the room it was judged on, or the counts, as mended."""
    if c.rooms:
        return f"{t['min_colon']} " + t["min_judged_on"].format(before=c.rooms[0], after=c.rooms[1])
    return f"{t['min_colon']} {dashed(c.before)} -> {dashed(c.after)}"


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
