"""What a session decided, card by card: the one computation behind minutes and exports.

The minutes (text), the Markdown, CSV and JSON exports and the merge of several meetings
all read a SessionResults, so they can never disagree on an outcome or a percentage.
Everything here is derived from the state (and the deck, for numbers and titles only):
no clock, no I/O, so the same state always gives the same results.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from debate.deck.model import Deck
from debate.error_words import Error
from debate.record.majority import CannotRank, RankedProposal, median_grade, pad_to, rank
from debate.record.state import (
    MJ,
    AttendanceMend,
    CardRecord,
    Correction,
    Note,
    SessionState,
    Vote,
)
from debate.record.tally import Counts, Shift, VoteError, decide, shift
from debate.told import Told
from debate.vocabulary import DEFAULT_RULE, Outcome, Round, Rule, Ungraded

# Outcome of a majority-judgment round that has a majority grade (see RoundResult.median).
GRADED = "majority-grade"
ROUNDS = (Round.INDICATIVE, Round.FINAL)


@dataclass(frozen=True)
class RoundResult:
    """One recorded vote (indicative or final) with what its rule made of it."""

    round: Round
    method: str  # debate.deck.Method value
    labels: tuple[str, ...]  # choices (for, against, abstain) or grades, best first
    counts: tuple[int, ...]  # the hands counted, after corrections
    tallied: tuple[int, ...]  # what the outcome is computed on: counts, or MJ padded to lowest
    rule: str  # Rule value; "" for majority judgment
    ungraded: str  # majority judgment: "refuse" or "lowest"
    attendance: int  # the room the vote was taken in (state.Vote.attendance)
    outcome: str  # an Outcome value, or GRADED; "" when `problem` says why there is none
    median: int | None  # majority judgment: index of the majority grade, 0 = best
    percentages: tuple[float, ...]  # one per label, in percent
    base: int  # what the percentages are of (for/against under an of-cast rule)
    not_voted: int  # present who raised no hand (MJ "lowest": counted in the lowest grade)
    at: str
    corrections: tuple[Correction, ...]
    problem: str = ""  # why there is no outcome, in English (the JSON export's words)
    # The same as a code, for the minutes and the screen to word in their language.
    why: Told | None = field(default=None, compare=False, repr=False)

    @property
    def is_mj(self) -> bool:
        return self.method == MJ

    def base_of(self, index: int) -> int:
        """What percentage `index` is of: the base, except abstentions under an of-cast
        rule, a share of all the hands raised (tally.decide)."""
        if not self.is_mj and index == 2 and self.rule != Rule.MAJORITY_OF_PRESENT.value:
            return sum(self.tallied) if self.base else 0
        return self.base

    @property
    def counts_for_shift(self) -> Counts | None:
        return Counts(*self.counts) if not self.is_mj and len(self.counts) == 3 else None


@dataclass(frozen=True)
class AmendmentResult:
    """An amendment put to the vote: its text as it stands and what the room made of it."""

    number: int  # 1 for the card's first amendment (withdrawn ones counted)
    text: str
    vote: RoundResult

    @property
    def adopted(self) -> bool:
        return self.vote.outcome == Outcome.ADOPTED.value


@dataclass(frozen=True)
class CardResult:
    id: str
    number: int | None  # position in the deck; None when the deck is missing or lacks it
    title: str | None
    shown: bool
    rounds: tuple[RoundResult, ...]  # those recorded, indicative first
    shift: Shift | None  # for/against/abstain voted in both rounds
    remarks: tuple[Note, ...]
    amendments: tuple[Note, ...]
    spoken: tuple[tuple[str, int], ...]  # ("for" | "against", seconds), in that order
    summary: str | None = None  # the card's proposal, from the deck
    amendment_votes: tuple[AmendmentResult, ...] = ()  # in the order of the amendments

    @property
    def amended(self) -> tuple[int, ...]:
        """The numbers of the amendments adopted: the final vote is on the proposal so
        amended (an amendment is voted before it). The deck itself never changes."""
        return tuple(a.number for a in self.amendment_votes if a.adopted)

    def round(self, round_: Round) -> RoundResult | None:
        return next((r for r in self.rounds if r.round == round_), None)

    @property
    def key(self) -> str:
        """How short texts name the card: its number, or its id when the deck lacks it."""
        return str(self.number) if self.number is not None else self.id


@dataclass(frozen=True)
class Ranking:
    """Majority-judgment cards of one round, best first (or why they cannot be ranked)."""

    round: Round
    ranked: tuple[RankedProposal, ...]
    problem: str = ""  # why there is no ranking, in English (the JSON export's words)
    reason: str = ""  # the same for the minutes' words: a majority.CannotRank reason
    totals: tuple[int, ...] = ()  # with reason "totals": the different totals
    why: Told | None = field(default=None, compare=False, repr=False)  # problem, as a code


@dataclass(frozen=True)
class SessionResults:
    deck_title: str
    deck_path: str
    deck_found: bool  # False: rendered without the deck, cards named by id
    deck_changed: bool  # the deck file's digest differs from the one recorded at opening
    place: str
    facilitator: str
    language: str
    started: str  # ISO times as recorded; "" when the session never opened
    ended: str | None
    attendance: int
    attendance_log: tuple[tuple[str, int], ...]
    cards: tuple[CardResult, ...]
    rankings: tuple[Ranking, ...]
    # The deck's cards the session never showed, as (number, title, summary): not debated.
    not_debated: tuple[tuple[int, str, str], ...] = ()
    reopenings: tuple[tuple[str, str], ...] = ()  # each closing by mistake: (closed, reopened)
    meeting: str = ""  # the meeting id (events.MEETING_ID); "*" + digest for a merge's totals
    deck_digest: str = ""  # SHA-256 of the deck file, as recorded at opening
    rehearsal: bool = False  # a try before the real meeting: left out of merges unless asked
    # Each attendance set by mistake, put right: attendance_log holds the right counts.
    attendance_mends: tuple[AttendanceMend, ...] = ()

    @property
    def deck_short(self) -> str:
        """The deck's digest as results codes and spreadsheets carry it: 8 hex digits,
        enough to tell a campaign's decks apart."""
        return self.deck_digest[:8]

    @property
    def date(self) -> str:
        return self.started[:10]

    @property
    def most_present(self) -> int:
        """The most people present at once: the meeting's size, however many had left by
        the end (the attendance may go down; each vote keeps its own)."""
        return max((count for _, count in self.attendance_log), default=self.attendance)

    def card(self, card_id: str) -> CardResult | None:
        return next((c for c in self.cards if c.id == card_id), None)


def build_results(state: SessionState, deck: Deck | None) -> SessionResults:
    opened = state.opened
    cards = tuple(card_result(state, cid, deck) for cid in _card_order(state, deck))
    return SessionResults(
        deck_title=opened.deck_title if opened else (deck.title if deck else ""),
        deck_path=opened.deck_path if opened else (deck.path if deck else ""),
        deck_found=deck is not None,
        deck_changed=bool(
            deck is not None and opened and deck.digest and deck.digest != opened.deck_digest
        ),
        place=opened.place if opened else "",
        facilitator=opened.facilitator if opened else "",
        language=opened.language if opened else (deck.language if deck else "en"),
        started=opened.at if opened else "",
        ended=state.closed_at,
        attendance=state.attendance,
        attendance_log=state.attendance_log,
        attendance_mends=state.attendance_mends,
        reopenings=state.reopenings,
        cards=cards,
        rankings=tuple(r for r in (_ranking(cards, round_) for round_ in ROUNDS) if r),
        meeting=opened.meeting_id if opened else "",
        deck_digest=opened.deck_digest if opened else (deck.digest if deck else ""),
        rehearsal=bool(opened and opened.rehearsal),
        not_debated=tuple(
            (card.number, card.title, card.summary)
            for card in (deck.cards if deck else ())
            if card.id not in state.cards
        ),
    )


def _card_order(state: SessionState, deck: Deck | None) -> list[str]:
    """Deck order for the cards the deck knows, then the others in the order first touched."""
    known = [cid for cid in deck.ids if cid in state.cards] if deck else []
    return known + [cid for cid in state.order if cid not in known]


def card_result(state: SessionState, card_id: str, deck: Deck | None) -> CardResult:
    """One card's rounds judged, and its shift: what the minutes and the screens show."""
    record: CardRecord = state.card(card_id)
    card = deck.card(card_id) if deck else None
    rounds = tuple(round_result(vote) for r in ROUNDS if (vote := record.vote(r)) is not None)
    first, last = (rounds[0], rounds[-1]) if len(rounds) == 2 else (None, None)
    before = first.counts_for_shift if first else None
    after = last.counts_for_shift if last else None
    return CardResult(
        id=card_id,
        number=card.number if card else None,
        title=card.title if card else None,
        summary=card.summary if card else None,
        shown=record.shown,
        rounds=rounds,
        shift=shift(before, after) if before and after else None,
        remarks=record.remarks,
        amendments=record.amendments,
        spoken=tuple(
            (side, record.spoken[side]) for side in ("for", "against") if side in record.spoken
        ),
        amendment_votes=tuple(
            AmendmentResult(i + 1, record.amendments[i].text, round_result(vote))
            for i, vote in sorted(record.amendment_votes.items())
        ),
    )


def round_result(vote: Vote) -> RoundResult:
    """A vote judged as the minutes print it: on the room it was taken in, ungraded people
    counted in the lowest grade where the deck says so, percentages of the right base.
    The screens show this too, so the room sees what the minutes will say."""
    return judged_round(
        round_=vote.round,
        method=vote.method,
        labels=vote.labels,
        counts=vote.counts,
        rule=vote.rule,
        ungraded=vote.ungraded,
        attendance=vote.attendance,  # the room it was taken in (state.Vote)
        at=vote.at,
        corrections=vote.corrections,
    )


def judged_round(
    *,
    round_: Round,
    method: str,
    labels: tuple[str, ...],
    counts: tuple[int, ...],
    rule: str,
    ungraded: str,
    attendance: int,
    at: str,
    corrections: tuple[Correction, ...] = (),
) -> RoundResult:
    """A round from what was recorded, judged: a journal's vote, a merge's totals, a
    round read back from a results code or an export all go through here."""
    return judge(
        RoundResult(
            round=round_,
            method=method,
            labels=labels,
            counts=counts,
            tallied=counts,
            rule=rule,
            ungraded=ungraded,
            attendance=attendance,
            outcome="",
            median=None,
            percentages=tuple(0.0 for _ in counts),
            base=0,
            not_voted=max(attendance - sum(counts), 0),
            at=at,
            corrections=corrections,
        )
    )


def judge(result: RoundResult) -> RoundResult:
    """`result` with its outcome, percentages and base, from its counts, method, rule and
    attendance: the one judgement the minutes, the screens and `merge`'s totals share."""
    try:
        return _mj_outcome(result) if result.method == MJ else _faa_outcome(result)
    except VoteError as exc:  # counts the rule cannot decide on: say so, keep the counts
        return replace(result, problem=str(exc), why=exc)


def _faa_outcome(result: RoundResult) -> RoundResult:
    try:
        rule = Rule(result.rule) if result.rule else DEFAULT_RULE
    except ValueError:
        raise VoteError(Error.UNKNOWN_RULE, rule=result.rule) from None
    if len(result.counts) != 3:
        raise VoteError(Error.COUNTS_EXPECTED, expected=3, got=len(result.counts))
    decision = decide(Counts(*result.counts), rule, result.attendance)
    p = decision.percentages
    return replace(
        result,
        rule=rule.value,
        outcome=decision.outcome.value,
        percentages=(p.for_, p.against, p.abstain),
        base=decision.base,
        not_voted=decision.not_voted,
    )


def _mj_outcome(result: RoundResult) -> RoundResult:
    tallied = result.counts
    if result.ungraded == Ungraded.LOWEST:
        tallied = pad_to(result.counts, max(result.attendance, sum(result.counts)))
    total = sum(tallied)
    if total == 0:
        return replace(result, tallied=tallied, outcome=Outcome.NO_VOTES.value)
    return replace(
        result,
        tallied=tallied,
        outcome=GRADED,
        median=median_grade(tallied),
        percentages=tuple(100 * c / total for c in tallied),
        base=total,
    )


def _ranking(cards: tuple[CardResult, ...], round_: Round) -> Ranking | None:
    """Rank the majority-judgment cards of a round, when there are at least two."""
    graded = {c.id: r.tallied for c in cards if (r := c.round(round_)) is not None and r.is_mj}
    if len(graded) < 2:
        return None
    try:
        return Ranking(round_, tuple(rank(graded)))
    except CannotRank as exc:
        return Ranking(round_, (), str(exc), exc.reason, exc.totals, exc)
    except VoteError as exc:
        return Ranking(round_, (), str(exc), why=exc)
