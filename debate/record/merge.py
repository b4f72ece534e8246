"""One report for several meetings on the same deck: per card, the totals across meetings
and each meeting's own line. Plain text, at most 80 columns, in the first meeting's language.

Counts are summed per card and round, and so are the attendances the votes were counted
in, so that a rule on those present (majority-of-present) is applied to everyone who was
present at any of the meetings. Majority judgment sums the grade counts (as decided, with
people who graded nothing in the lowest grade when the deck says so) and takes the median.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from debate.error_words import Error
from debate.i18n import Words, built, words_for
from debate.record.events import derived_meeting_id
from debate.record.exports import json_text, results_dict, to_csv
from debate.record.majority import CannotRank, RankedProposal, rank
from debate.record.minutes import (
    FORM_FEED,
    no_ranking,
    qr_section,
    results_table,
    share_of,
    short,
)
from debate.record.results import (
    ROUNDS,
    AmendmentResult,
    CardResult,
    Ranking,
    RoundResult,
    SessionResults,
    judged_round,
)
from debate.record.tally import VoteError
from debate.record.textfmt import WIDTH, clean, fit, percent
from debate.record.wording import attendance_words
from debate.textutil import columns, cut, ljust, rjust, wrap
from debate.told import Joined, Phrase, Told, say
from debate.vocabulary import Method, Round


class MergeError(Told, ValueError):
    """Sessions that cannot be merged; the message is one line for the facilitator."""


# The word of explanation a total may need: a key of debate.i18n.Words, or none.
Note = Literal["", "merge_cannot_add", "merge_different_rules"]


@dataclass(frozen=True)
class MergedRound:
    round: Round
    meetings: tuple[RoundResult | None, ...]  # one per session, None: not voted there
    total: RoundResult | None  # None: the meetings' counts cannot be added up
    note: Note = ""  # an i18n key, when the total needs a word of explanation


@dataclass(frozen=True)
class MergedCard:
    id: str
    number: int | None
    title: str | None
    rounds: tuple[MergedRound, ...]

    def round(self, round_: Round) -> MergedRound | None:
        return next((r for r in self.rounds if r.round == round_), None)


def merge_report(sessions: Sequence[SessionResults]) -> str:
    """The merged report; MergeError when the sessions are not on one deck."""
    check_same_deck(sessions)
    t = words_for(sessions[0].language)
    cards = merged_cards(sessions)
    out = _header(sessions, t)
    for card in cards:
        # A card whose amendments alone were voted (the final vote not reached) is in
        # the report too: its amendments' votes and texts are in no other section.
        if card.rounds or any(_amendment_votes(s, card.id) for s in sessions):
            out += ["", "", *_card_section(card, sessions, t)]
    for round_ in ROUNDS:
        out += _ranking(cards, round_, t)
    totals = merged_results(sessions, cards)
    if totals.cards:
        out += ["", "", *results_table(totals, t), FORM_FEED, *qr_section(totals, t)]
    while out and not out[-1]:
        out.pop()
    return "\n".join(fit(out)) + "\n"


MERGE_FORMATS = ("txt", "csv", "json")


def render_merge(sessions: Sequence[SessionResults], fmt: str, dialect: str = "rfc4180") -> str:
    """The merge as text (the report), CSV (each meeting's rows, then the totals' rows,
    whose meeting is "*" and an id) or JSON (`"format": "debate-merge"`, each meeting's
    export and the totals'); MergeError when the sessions are not on one deck."""
    if fmt == "txt":
        return merge_report(sessions)
    check_same_deck(sessions)
    totals = merged_results(sessions, merged_cards(sessions))
    if fmt == "csv":
        return to_csv([*sessions, totals], dialect)
    if fmt == "json":
        return json_text(
            {
                "format": "debate-merge",
                "version": 1,
                "meetings": [results_dict(s) for s in sessions],
                "totals": results_dict(totals),
            }
        )
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(MERGE_FORMATS)}")


def merged_results(sessions: Sequence[SessionResults], cards: list[MergedCard]) -> SessionResults:
    """The totals as if the meetings were one, for the table and the QR code the minutes
    use: the date of the earliest meeting (that opened), "Results of N meetings" for the
    place, and each card's rounds that could be added up (one that cannot is left out)."""
    t = words_for(sessions[0].language)
    totals = [
        CardResult(
            id=card.id,
            number=card.number,
            title=card.title,
            shown=True,
            rounds=tuple(r.total for r in card.rounds if r.total is not None),
            shift=None,
            remarks=(),
            amendments=(),
            spoken=(),
        )
        for card in cards
    ]
    first = sessions[0]
    started = min((s.started for s in sessions if s.started), default="")
    return replace(
        first,
        place=merge_title(len(sessions), t),
        facilitator="",
        started=started,
        ended=None,
        # Largest and final: each meeting's, added up.
        attendance=sum(s.attendance for s in sessions),
        attendance_log=((started, sum(s.most_present for s in sessions)),),
        meeting="*" + derived_meeting_id(" ".join(sorted(s.meeting for s in sessions))),
        rehearsal=any(s.rehearsal for s in sessions),  # counted with --rehearsals
        cards=tuple(card for card in totals if card.rounds),
        rankings=(),
    )


def merge_title(n: int, t: Words) -> str:
    return t["merge_title_one"] if n == 1 else t["merge_title"].format(n=n)


def check_same_deck(sessions: Sequence[SessionResults]) -> None:
    """MergeError unless every meeting ran on one deck: the same digest (the same file),
    or, for journals that recorded none, the same title. Says which meeting ran on which."""
    if not sessions:
        raise MergeError(Error.MERGE_NOTHING)
    names = meeting_names(sessions)
    decks: dict[str, list[int]] = {}
    for i, s in enumerate(sessions):
        decks.setdefault(s.deck_short or f"title:{s.deck_title}", []).append(i)
    if len(decks) > 1:
        said: list[object] = []
        for key, members in decks.items():
            first = sessions[members[0]]
            digest = "" if key.startswith("title:") else f" ({key})"
            who = " / ".join(names[i] for i in members[:3])
            more = Phrase(Error.MERGE_AND_MORE, n=len(members) - 3) if len(members) > 3 else ""
            said.append(
                Phrase(
                    Error.MERGE_DECK_GROUP,
                    deck=_deck_said(first),
                    digest=digest,
                    who=who,
                    more=more,
                )
            )
        raise MergeError(Error.MERGE_DECKS, decks=Joined(Error.SEMICOLON.value, said))


def _deck_said(s: SessionResults) -> object:
    return repr(clean(s.deck_title)) if s.deck_title else Error.MERGE_A_DECK.value


def meeting_names(sessions: Sequence[SessionResults]) -> list[str]:
    """Each meeting by its place and date, and its id where two would read alike."""
    plain = [f"{clean(s.place) or '?'}, {s.date or '?'}" for s in sessions]
    return [
        f"{name} ({s.meeting})" if plain.count(name) > 1 else name
        for name, s in zip(plain, sessions, strict=True)
    ]


def merged_cards(sessions: Sequence[SessionResults]) -> list[MergedCard]:
    """Every card any meeting touched, with its rounds summed across meetings."""
    return [_merge_card(card_id, sessions) for card_id in _card_ids(sessions)]


def _card_ids(sessions: Sequence[SessionResults]) -> list[str]:
    """Deck order (by card number), then cards no deck knew, in the order first met."""
    found: dict[str, int | None] = {}
    for s in sessions:
        for card in s.cards:
            if found.get(card.id) is None:
                found[card.id] = card.number
    numbered = sorted((n, cid) for cid, n in found.items() if n is not None)
    return [cid for _, cid in numbered] + [cid for cid, n in found.items() if n is None]


def _merge_card(card_id: str, sessions: Sequence[SessionResults]) -> MergedCard:
    per_session = [s.card(card_id) for s in sessions]
    known = [c for c in per_session if c is not None]
    number = next((c.number for c in known if c.number is not None), None)
    title = next((c.title for c in known if c.title is not None), None)
    rounds = []
    for round_ in ROUNDS:
        lines = tuple(c.round(round_) if c else None for c in per_session)
        voted = [res for res in lines if res is not None]
        if voted:
            total, note = _total(voted)
            rounds.append(MergedRound(round_, lines, total, note))
    return MergedCard(card_id, number, title, tuple(rounds))


def _total(voted: list[RoundResult]) -> tuple[RoundResult | None, Note]:
    """The round as if all meetings were one room, and a note key when it needs one."""
    first = voted[0]
    if any(r.method != first.method or len(r.labels) != len(first.labels) for r in voted):
        return None, "merge_cannot_add"
    note: Note = "merge_different_rules" if len({r.rule for r in voted}) > 1 else ""
    counts = tuple(sum(values) for values in zip(*(r.counts for r in voted), strict=True))
    attendance = sum(r.attendance for r in voted)
    total = judged_round(
        round_=first.round,
        method=first.method,
        labels=first.labels,
        counts=counts,
        rule=first.rule,
        ungraded=first.ungraded,
        attendance=attendance,
        at=first.at,
    )
    return total, note


# -- text ---------------------------------------------------------------------------------


def _row_name(i: int, s: SessionResults, width: int) -> str:
    """A meeting in a table's first column: its number in the list above, its place cut
    to fit, its date whole, so that fifty rows of one hall still read apart."""
    number, date = f"{i}. ", f" {s.date}" if s.date else ""
    room = width - columns(number) - columns(date)
    return number + cut(clean(s.place) or "?", room) + date


def _header(sessions: Sequence[SessionResults], t: Words) -> list[str]:
    colon = t["min_colon"]
    title = wrap(clean(sessions[0].deck_title) or "?", WIDTH)
    out = [merge_title(len(sessions), t), *title, "=" * max(map(columns, title)), ""]
    out.append(f"{t['merge_meetings']}{colon}")
    for i, (s, name) in enumerate(zip(sessions, meeting_names(sessions), strict=True), start=1):
        # Attendance as the minutes' header says it: the largest and the final count.
        present = attendance_words(s.most_present, s.attendance, t)
        if s.rehearsal:  # counted only with --rehearsals: the report says which
            name += f" ({t['merge_rehearsal']})"
        out += wrap(f"{i:>2}. {name}{colon} {present}", WIDTH, "  ", "      ")
    most = sum(s.most_present for s in sessions)
    final = sum(s.attendance for s in sessions)
    out.append(f"{t['merge_all_present']}{colon} {attendance_words(most, final, t)}")
    return out


def _card_section(card: MergedCard, sessions: Sequence[SessionResults], t: Words) -> list[str]:
    colon = t["min_colon"]
    if card.title is not None:
        name = f"{t['card']} {card.number} · {clean(card.title)}"
    else:
        name = f"{t['card']} {clean(card.id)}"
    heading = wrap(name, WIDTH)
    out = [*heading, "-" * max(map(columns, heading))]
    for merged in card.rounds:
        round_, lines, total, note = merged.round, merged.meetings, merged.total, merged.note
        sample = total or next(r for r in lines if r is not None)
        rule = Method.MAJORITY_JUDGMENT.value if sample.is_mj else sample.rule
        rule_said = built(t, f"rule_{rule}", rule)
        out += [
            "",
            *wrap(f"{built(t, f'min_round_{round_}')}{colon} {rule_said}", WIDTH, "", "  "),
        ]
        out += _round_table(sessions, lines, total, t)
        if total is not None and not total.problem and total.base:
            shares = ", ".join(
                f"{clean(label)} {percent(total.percentages[i], t)} {share_of(total, i, t)}"
                for i, label in enumerate(total.labels)
            )
            out += wrap(shares, WIDTH, "  ", "  ")
        if note:
            out += wrap(t[note], WIDTH, "  ", "  ")
    return out + _amendments(card.id, sessions, t)


def _amendment_votes(s: SessionResults, card_id: str) -> tuple[AmendmentResult, ...]:
    card = s.card(card_id)
    return card.amendment_votes if card else ()


def _amendments(card_id: str, sessions: Sequence[SessionResults], t: Words) -> list[str]:
    """Each meeting's votes on the card's amendments, with their text: never added up,
    as amendment 1 of one hall is not the same text as another's."""
    colon = t["min_colon"]
    out: list[str] = []
    for i, s in enumerate(sessions, start=1):
        for a in _amendment_votes(s, card_id):
            name = t["round_amendment"].format(number=a.number)
            counts = f"{_joined(a.vote)} @ {a.vote.attendance}"
            line = f"{_row_name(i, s, WIDTH)}, {name}{colon} {short(a.vote, t)} ({counts})"
            out += wrap(line, WIDTH, "  ", "      ")
            text = t["min_quoted"].format(clean(a.text)) if a.text else t["merge_amendment_no_text"]
            out += wrap(text, WIDTH, "      ", "      ")
    amended = [
        str(i)
        for i, s in enumerate(sessions, 1)
        if (c := s.card(card_id)) and c.amended and c.round(Round.FINAL)
    ]
    if amended:  # the total's final vote adds up proposals amended in some meetings only
        said = t["merge_amended_in_one"] if len(amended) == 1 else t["merge_amended_in"]
        out += wrap(said.format(numbers=", ".join(amended)), WIDTH, "  ", "  ")
    if out:
        out = ["", *wrap(f"{t['merge_amendments']}{colon}", WIDTH), *out]
    return out


def _round_table(
    sessions: Sequence[SessionResults],
    lines: tuple[RoundResult | None, ...],
    total: RoundResult | None,
    t: Words,
) -> list[str]:
    voted = [r for r in (*lines, total) if r is not None]
    # One column of joined counts for majority judgment, or when the meetings differ.
    joined = any(r.is_mj or len(r.counts) != 3 for r in voted)
    present_w = max([columns(t["col_present"]), *(len(str(r.attendance)) for r in voted)])
    if joined:
        heads = [t["col_count"]]
        widths = [max([columns(heads[0]), *(len(_joined(r)) for r in voted)])]
    else:
        heads = [t["col_for"], t["col_against"], t["col_abstain"]]
        widths = [
            max([columns(h), *(len(str(r.counts[i])) for r in voted)]) for i, h in enumerate(heads)
        ]
    name_w = 30
    fixed = name_w + 2 + sum(w + 2 for w in widths) + present_w + 2
    result_w = max(WIDTH - 2 - fixed, 8)

    def row(name: str, cells: list[str], present: str, result: str) -> str:
        middle = "".join(f"{rjust(c, w)}  " for c, w in zip(cells, widths, strict=True))
        text = f"  {ljust(cut(name, name_w), name_w)}  {middle}{rjust(present, present_w)}  "
        return (text + cut(result, result_w)).rstrip()

    out = [row("", heads, t["col_present"], t["col_result"])]
    for i, (s, res) in enumerate(zip(sessions, [*lines], strict=True), start=1):
        name = _row_name(i, s, name_w)
        if res is None:
            out.append(f"  {ljust(name, name_w)}  {t['merge_not_voted']}")
        else:
            cells = [_joined(res)] if joined else [str(c) for c in res.counts]
            out.append(row(name, cells, str(res.attendance), short(res, t)))
    if total is None:
        out.append(f"  {cut(t['merge_total'], name_w)}")
    else:
        cells = [_joined(total)] if joined else [str(c) for c in total.counts]
        out.append(row(t["merge_total"], cells, str(total.attendance), short(total, t)))
    return out


def _joined(res: RoundResult) -> str:
    return "-".join(map(str, res.tallied))


def _ranking(cards: list[MergedCard], round_: Round, t: Words) -> list[str]:
    graded = {
        c.id: (c, m.total)
        for c in cards
        if (m := c.round(round_)) is not None and m.total is not None and m.total.is_mj
    }
    if len(graded) < 2:
        return []
    heading = t["min_ranking"].format(round=built(t, f"round_{round_}"))
    out = ["", "", heading, "-" * columns(heading)]
    try:
        ranked: list[RankedProposal] = rank(
            {cid: total.tallied for cid, (_, total) in graded.items()}
        )
    except CannotRank as exc:
        refused = Ranking(round_, (), str(exc), exc.reason, exc.totals)
        return out + wrap(no_ranking(refused, t), WIDTH)
    except VoteError as exc:
        return out + wrap(t["min_no_ranking"].format(detail=say(exc, t["lang"])), WIDTH)
    for p in ranked:
        card, total = graded[p.id]
        name = f"{t['card']} {card.number if card.number is not None else clean(card.id)}"
        if card.title:
            name += f" · {clean(card.title)}"
        out += wrap(
            f"{p.rank}. {name}{t['min_colon']} {clean(total.labels[p.median])}",
            WIDTH,
            "  ",
            "     ",
        )
    return out
