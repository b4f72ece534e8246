"""The minutes as a list of sections, in words: what the printed text (minutes.py) and
the Markdown export (markdown.py) both lay out.

Every word, figure and order is decided here, once; a renderer only chooses typography
(underlines and indents for paper, `#` and tables for Markdown). The kinds of section are
in section_kinds.py; a debated card's section is worded in card_section.py.
"""

from __future__ import annotations

from debate.i18n import Words, built, words_for
from debate.record.card_section import card_name, card_section, lean, proposal
from debate.record.results import GRADED, CardResult, Ranking, RoundResult, SessionResults
from debate.record.results_code import results_codes
from debate.record.section_kinds import (
    Codes,
    Field,
    Header,
    NoCards,
    NotDebated,
    RankingSection,
    ResultsTable,
    Section,
    Signatures,
    Signer,
    TableRow,
    Undebated,
)
from debate.record.textfmt import clean, clock, dashed
from debate.record.wording import attendance_words, long_date
from debate.told import say
from debate.vocabulary import Round


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
    if r.facilitator.strip():
        fields.append(Field(t["min_facilitator"], clean(r.facilitator)))
    changes = tuple(f"{t['min_at']} {clock(at, r.date)}{colon} {n}" for at, n in r.attendance_log)
    fields.append(
        Field(t["min_attendance"], attendance_words(r.most_present, r.attendance, t), changes)
    )
    # The meeting's own mends, in one log (a card's are under its card): an attendance
    # typed wrong, then a close by mistake.
    mended = tuple(
        t["min_attendance_mended"].format(set=clock(m.set_at, r.date), time=clock(m.at, r.date))
        + f"{colon} {m.before} -> {m.after}"
        for m in r.attendance_mends
    ) + tuple(
        t["min_reopening"].format(closed=clock(c, r.date), reopened=clock(o, r.date))
        for c, o in r.reopenings
    )
    if mended:
        fields.append(Field(t["min_corrections"], mended[0], mended[1:]))
    notices: tuple[str, ...] = ()
    if not r.deck_found:
        notices = (t["min_deck_missing"],)
    elif r.deck_changed:
        notices = (t["min_deck_changed"],)
    heading = t["min_title_rehearsal" if r.rehearsal else "min_title"]
    return Header(heading, clean(r.deck_title) or "?", tuple(fields), notices)


# -- rankings, the table, signatures, the code --------------------------------------------


def ranking_section(ranking: Ranking, r: SessionResults, t: Words) -> RankingSection:
    heading = t["min_ranking"].format(round=built(t, f"round_{ranking.round}"))
    if ranking.problem:
        return RankingSection(heading, no_ranking(ranking, t), ())
    rows = []
    for ranked in ranking.ranked:
        card = r.card(ranked.id)
        res = card.round(ranking.round) if card else None
        if card is None or res is None:
            continue
        grade = clean(res.labels[ranked.median])
        rows.append(f"{ranked.rank}. {card_name(card, r, t)}{t['min_colon']} {grade}")
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
