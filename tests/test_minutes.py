"""The minutes: golden texts in French and English, the 80-column promise on random
sessions, and the results QR code read back by a real decoder (zbarimg)."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qrdecode import decode_half_blocks
from scripted_session import GOLDEN, at, scripted_deck, scripted_events, scripted_state

from debate.qr import modules
from debate.record.events import (
    AmendmentProposed,
    AttendanceSet,
    CardShown,
    Event,
    RemarkMade,
    Round,
    SessionClosed,
    SessionOpened,
    TimerUsed,
    VoteCorrected,
    VoteRecorded,
)
from debate.record.minutes import render_minutes
from debate.record.results import build_results
from debate.record.results_code import QR_BYTES, results_codes
from debate.record.state import InvalidEvent, SessionState, apply, replay
from debate.record.textfmt import WIDTH
from debate.textutil import columns

REGEN = os.environ.get("DEBATE_REGEN_GOLDEN") == "1"

CARDS_CODE = (
    "1:I20-12-5@40A:F25-10-5@42A|2:F20-10-10@42A|3:I15-15-5@42T:F0-0-0@42N"
    "|4:F6-12-10-8-6@42M3|parc-velos:F5-9-14-9-5@42M3"
)
EXPECTED_CODE = {
    "fr": f"DEBATE2|2026-03-01|Salle des fêtes|salle234|{{deck}}|42-42|{CARDS_CODE}",
    "en": f"DEBATE2|2026-03-01|Village hall|hall2345|{{deck}}|42-42|{CARDS_CODE}",
}


def expected_code(lang: str) -> str:
    """The golden session's code: its deck's digest is that of tests/golden's deck file."""
    return EXPECTED_CODE[lang].format(deck=scripted_deck(lang).digest[:8])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_golden_minutes(lang: str) -> None:
    """Byte for byte: any change to the minutes' layout shows up here, to be reviewed.
    Regenerate with DEBATE_REGEN_GOLDEN=1 after checking the new text by eye."""
    text = render_minutes(scripted_state(lang), scripted_deck(lang))
    golden = GOLDEN / f"minutes-{lang}.txt"
    if REGEN:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_minutes_say_what_happened_in_the_session_language(lang: str) -> None:
    text = render_minutes(scripted_state(lang), scripted_deck(lang))
    words = {
        "fr": [
            "Salle des fêtes",
            "Claire Martin",
            "indicatif, égalité",
            "aucun vote",
            "deux tiers des suffrages exprimés",
            "24-10-6 -> 25-10-5",
            "20:32",
            "Présents sans vote : 3 sur 40 présents",
            "Mention majoritaire : Assez bien",
            "4 min 05 s",
            "absente du jeu de fiches",
            "Présentée, sans vote.",
        ],
        "en": [
            "Village hall",
            "Claire Martin",
            "indicative, tie",
            "no votes",
            "two thirds of votes cast",
            "24-10-6 -> 25-10-5",
            "20:32",
            "Present, did not vote: 3 of 40 present",
            "Majority grade: Fair",
            "4 min 05 s",
            "not in the deck",
            "Shown, not voted.",
        ],
    }[lang]
    for word in words:
        assert word in text
    # Deck order, the card the deck does not know last.
    positions = [text.index(f" {n} · ") for n in range(1, 6)]
    assert positions == sorted(positions)
    assert positions[-1] < text.index("parc-velos")


def test_minutes_are_deterministic_and_within_80_columns() -> None:
    state, deck = scripted_state("fr"), scripted_deck("fr")
    first = render_minutes(state, deck)
    assert render_minutes(replay(scripted_events("fr")), deck) == first
    assert max(len(line) for line in first.splitlines()) <= WIDTH


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_results_qr_code_decodes_to_the_compact_text(lang: str) -> None:
    text = render_minutes(scripted_state(lang), scripted_deck(lang))
    assert decode_half_blocks(text.splitlines()) == [expected_code(lang)]


def test_the_documented_example_is_what_the_minutes_encode() -> None:
    doc = (GOLDEN.parent.parent / "docs" / "session-format.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Results QR") :]
    assert f"```text\n{expected_code('fr')}\n```" in section


def test_without_the_deck_cards_are_named_by_id_and_the_minutes_say_so() -> None:
    text = render_minutes(scripted_state("en"), None)
    assert "The deck file is not available" in text
    assert "Card jardin-partage" in text and "shared garden" not in text
    code = decode_half_blocks(text.splitlines())[0]
    assert code.split("|")[6] == "jardin-partage:I20-12-5@40A:F25-10-5@42A"


def test_each_qr_code_starts_a_printed_page() -> None:
    """A code cut by the bottom of a page cannot be scanned: a form feed comes before it."""
    lines = render_minutes(scripted_state("en"), scripted_deck("en")).split("\n")
    assert lines.count("\f") == 1
    after = lines[lines.index("\f") + 1 :]
    assert after[:2] == ["Results code", "------------"]
    assert after[2].startswith("This code holds the results above as short text")
    assert decode_half_blocks(after) == [expected_code("en")]
    assert len(after) <= 60  # caption and code fit one page


def test_a_deck_changed_since_the_session_opened_is_noted() -> None:
    events = scripted_events("fr")
    events[0] = replace(events[0], deck_digest="sha256 of an older deck file")
    text = render_minutes(replay(events), scripted_deck("fr"))
    assert "Le jeu de fiches a changé depuis l’ouverture de la séance" in text
    assert "Fiche 1 · Un jardin partagé" in text  # cards still matched by id


def test_a_session_still_open_says_so() -> None:
    state = replay(scripted_events("fr")[:-1])
    assert "Fin :         séance non close" in render_minutes(state, scripted_deck("fr"))


def test_a_vote_is_decided_on_the_attendance_it_was_counted_in() -> None:
    """11 of 20 present is a majority of those present; 10 more arriving later does not
    undo an outcome already announced."""
    events = [
        opened("en"),
        AttendanceSet(at=at("20:00"), count=20),
        faa("motion", Round.FINAL, (11, 5, 0), "20:10", rule="majority-of-present"),
        AttendanceSet(at=at("20:30"), count=30),
    ]
    result = build_results(replay(events), None).cards[0].rounds[0]
    assert (result.attendance, result.outcome, result.not_voted) == (20, "adopted", 4)


def test_a_correction_is_judged_on_the_room_the_vote_was_taken_in() -> None:
    """Fixing the abstentions after 10 more arrived must not overturn the vote: it was
    taken among 20. People leaving afterwards is allowed (the vote keeps its 20)."""
    events = [
        opened("en"),
        AttendanceSet(at=at("20:00"), count=20),
        faa("motion", Round.FINAL, (11, 5, 4), "20:10", rule="majority-of-present"),
        AttendanceSet(at=at("20:30"), count=30),
        VoteCorrected(at=at("20:40"), card="motion", round=Round.FINAL, counts=(11, 5, 3)),
        AttendanceSet(at=at("21:00"), count=12),  # fewer than the vote counted: they left
    ]
    state = replay(events)
    assert state.attendance == 12
    result = build_results(state, None).cards[0].rounds[0]
    assert (result.attendance, result.outcome, result.not_voted) == (20, "adopted", 1)
    text = render_minutes(state, None)
    assert "Present, did not vote: 1 of 20 present" in text
    assert "Result: adopted" in text


def test_a_journal_of_format_1_replays_as_its_minutes_were_printed() -> None:
    """Before format 2, a correction was judged on the attendance when it was made: the
    same journal must still say "rejected", as the screen and the paper said then."""
    events = [
        replace(opened("en"), format=1),
        AttendanceSet(at=at("20:00"), count=20),
        faa("motion", Round.FINAL, (11, 5, 4), "20:10", rule="majority-of-present"),
        AttendanceSet(at=at("20:30"), count=30),
        VoteCorrected(at=at("20:40"), card="motion", round=Round.FINAL, counts=(11, 5, 3)),
    ]
    result = build_results(replay(events), None).cards[0].rounds[0]
    assert (result.attendance, result.outcome, result.not_voted) == (30, "rejected", 11)


@pytest.mark.parametrize("journal_format", [1, 2])
def test_a_graded_vote_corrected_after_people_left_replays(journal_format: int) -> None:
    """Everyone present grades: 20 graded, 5 left, and the correction counts the 15 who
    stayed. Format 1 allowed it; format 2 judges it on the 15 too (they do not fit 20)."""
    grades = ("Good", "Fair", "Poor", "Reject")
    events = [
        replace(opened("en"), format=journal_format),
        AttendanceSet(at=at("20:00"), count=20),
        mj("bench", Round.FINAL, grades, (5, 5, 5, 5), "20:10"),
        AttendanceSet(at=at("20:30"), count=15),
        VoteCorrected(at=at("20:40"), card="bench", round=Round.FINAL, counts=(5, 5, 5, 0)),
    ]
    vote = replay(events).vote("bench", Round.FINAL)
    assert vote is not None and (vote.counts, vote.attendance) == ((5, 5, 5, 0), 15)


def test_a_correction_with_more_hands_than_the_room_takes_the_raised_attendance() -> None:
    """The room was miscounted too: the vote screen raises the attendance first."""
    events = [
        opened("en"),
        AttendanceSet(at=at("20:00"), count=20),
        faa("motion", Round.FINAL, (11, 5, 4), "20:10"),
    ]
    with pytest.raises(InvalidEvent, match="22 votes for an attendance of 20"):
        replay([*events, VoteCorrected(card="motion", round=Round.FINAL, counts=(13, 5, 4))])
    events += [
        AttendanceSet(at=at("20:20"), count=22),
        VoteCorrected(at=at("20:20"), card="motion", round=Round.FINAL, counts=(13, 5, 4)),
    ]
    vote = replay(events).vote("motion", Round.FINAL)
    assert vote is not None and (vote.counts, vote.attendance) == ((13, 5, 4), 22)


def test_free_text_is_escaped_in_the_compact_text() -> None:
    events = [replace(opened("en"), place="Hall A|B: \\east"), CardShown(at=at("20:01"), card="x")]
    events += [AttendanceSet(at=at("20:02"), count=3), faa("x", Round.FINAL, (1, 1, 1), "20:03")]
    text = render_minutes(replay(events), None)
    assert decode_half_blocks(text.splitlines()) == [
        "DEBATE2|2026-03-01|Hall A\\|B\\: \\\\east|village2||3-3|x:F1-1-1@3T"
    ]


def test_many_cards_are_split_over_numbered_codes_and_nothing_is_dropped() -> None:
    grades = ("Excellent", "Very good", "Good", "Fair", "Poor", "Insufficient", "Reject")
    events: list[Event] = [opened("en"), AttendanceSet(at=at("20:01"), count=7000)]
    expected = []
    for n in range(1, 31):
        counts = tuple((n * 37 + k * 101) % 1000 for k in range(6))
        counts = (*counts, 7000 - sum(counts))
        card = f"proposal-{n}"
        events.append(mj(card, Round.FINAL, grades, counts, "21:00"))
        expected.append(card)
    state = replay(events)
    codes = results_codes(build_results(state, None))
    assert len(codes) > 1
    text = render_minutes(state, None)
    decoded = decode_half_blocks(text.splitlines())
    assert decoded == codes
    cards = []
    for i, code in enumerate(decoded, start=1):
        fields = code.split("|")
        assert fields[:6] == [
            f"DEBATE2 {i}/{len(codes)}",
            "2026-03-01",
            "Village hall",
            "village2",
            "",
            "7000-7000",
        ]
        assert f"QR code {i}/{len(codes)}:" in text
        cards += [field.split(":")[0] for field in fields[6:]]
    assert cards == expected  # every card once, in order
    assert max(len(line) for line in text.splitlines()) <= WIDTH


def test_a_place_too_long_for_any_qr_code_is_printed_as_text() -> None:
    place = "x" * 3000
    events = [replace(opened("en"), place=place), AttendanceSet(at=at("20:01"), count=1)]
    events.append(faa("m", Round.FINAL, (1, 0, 0), "20:02"))
    lines = render_minutes(replay(events), None).splitlines()
    assert "Too long for a QR code; its text:" in lines
    tail = "".join(lines[lines.index("Too long for a QR code; its text:") + 1 :])
    assert tail == f"DEBATE2|2026-03-01|{place}|village2||1-1|m:F1-0-0@1A"
    assert max(len(line) for line in lines) <= WIDTH


@pytest.mark.parametrize(
    "sample",
    [
        "a",
        "é",
        "Zz|9-",
        "0123456789" * 3 + "a|",
        "DEBATE2|2026-03-01|€|aaaaaaaa|0123abcd|35-28|1:F1-2-3@35A",
    ],
)
def test_the_byte_budget_always_fits_one_code_of_80_columns(sample: str) -> None:
    """results_codes() counts bytes rather than trying codes: the count must be safe."""
    text = (sample * QR_BYTES).encode()[:QR_BYTES].decode("utf-8", "ignore")
    assert len(modules(text, WIDTH)[0]) <= WIDTH


# -- the 80-column property on random sessions -------------------------------------------------

# Any text, and text heavy in two-column characters (CJK, emoji) and combining accents.
wide = st.sampled_from(list("日本語の会議 ＡＢ😀a\u0301 "))
texts = st.text(max_size=120) | st.text(wide, max_size=120)
ids = st.sampled_from(["a", "b", "c", "a-very-long-card-identifier-" + "x" * 70])
labels3 = st.lists(texts.filter(bool).map(lambda t: t[:50]), min_size=3, max_size=3).map(tuple)


@st.composite
def sessions(draw: st.DrawFn) -> SessionState:
    state = apply(
        SessionState(),
        replace(
            opened(draw(st.sampled_from(["fr", "en", "de"]))),
            place=draw(texts),
            facilitator=draw(texts),
            deck_title=draw(texts),
        ),
    )
    for minute in range(draw(st.integers(0, 25))):
        when = at(f"20:{minute:02d}")
        card = draw(ids)
        round_ = draw(st.sampled_from(list(Round)))
        event: Event = draw(
            st.one_of(
                st.builds(AttendanceSet, at=st.just(when), count=st.integers(0, 10**12)),
                st.builds(CardShown, at=st.just(when), card=ids),
                st.builds(
                    VoteRecorded,
                    at=st.just(when),
                    card=st.just(card),
                    round=st.just(round_),
                    method=st.just("for-against-abstain"),
                    labels=labels3,
                    counts=st.tuples(*[st.integers(0, 10**9)] * 3),
                    rule=st.sampled_from(
                        [
                            "",
                            "majority-of-cast",
                            "two-thirds-of-cast",
                            "majority-of-present",
                            "bogus",
                        ]
                    ),
                ),
                st.builds(
                    VoteRecorded,
                    at=st.just(when),
                    card=st.just(card),
                    round=st.just(round_),
                    method=st.just("majority-judgment"),
                    labels=st.just(("Very good", "Good", "Passable", "To reject")),
                    counts=st.tuples(*[st.integers(0, 10**6)] * 4),
                    ungraded=st.sampled_from(["refuse", "lowest"]),
                ),
                st.builds(
                    VoteCorrected,
                    at=st.just(when),
                    card=st.just(card),
                    round=st.just(round_),
                    counts=st.tuples(*[st.integers(0, 10**9)] * 3),
                ),
                st.builds(RemarkMade, at=st.just(when), card=ids, text=texts),
                st.builds(AmendmentProposed, at=st.just(when), card=ids, text=texts),
                st.builds(
                    TimerUsed,
                    at=st.just(when),
                    card=ids,
                    side=st.sampled_from(["for", "against"]),
                    seconds=st.integers(0, 10**7),
                ),
            )
        )
        try:
            state = apply(state, event)
        except InvalidEvent:
            continue
    if draw(st.booleans()):
        state = apply(state, SessionClosed(at=at("23:59")))
    return state


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(state=sessions(), with_deck=st.booleans())
def test_no_line_of_any_minutes_exceeds_80_columns(state: SessionState, with_deck: bool) -> None:
    deck = scripted_deck("en") if with_deck else None
    text = render_minutes(state, deck)
    lines = text.split("\n")
    assert text.endswith("\n")
    assert all(columns(line) <= WIDTH for line in lines), max(lines, key=columns)
    # One printed line per text line: no stray line break from the recorded text; the
    # only form feeds are the page breaks before the QR codes, alone on their lines.
    breaks = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
    assert all(line == "\f" or not any(ch in breaks for ch in line) for line in lines)


# -- helpers ------------------------------------------------------------------------------------


def opened(lang: str) -> SessionOpened:
    return SessionOpened(
        at=at("20:00"),
        deck_title="Test deck",
        deck_path="",
        deck_digest="",
        language=lang,
        place="Village hall",
        meeting="village2",
    )


def faa(
    card: str, round_: Round, counts: tuple[int, ...], when: str, rule: str = "majority-of-cast"
) -> VoteRecorded:
    return VoteRecorded(
        at=at(when),
        card=card,
        round=round_,
        method="for-against-abstain",
        labels=("For", "Against", "Abstain"),
        counts=counts,
        rule=rule,
    )


def mj(
    card: str, round_: Round, grades: tuple[str, ...], counts: tuple[int, ...], when: str
) -> VoteRecorded:
    return VoteRecorded(
        at=at(when),
        card=card,
        round=round_,
        method="majority-judgment",
        labels=grades,
        counts=counts,
    )


@pytest.mark.parametrize(("lang", "zero"), [("fr", "+0,0"), ("en", "+0.0")])
def test_a_shift_that_rounds_to_nothing_is_never_minus_zero(lang: str, zero: str) -> None:
    # 1 of 3 for, then 333 of 1000: the share falls by 0.03 points, which is no shift.
    events = scripted_events(lang)[:3]
    events.append(AttendanceSet(at=at("20:07"), count=1000))
    for round_, counts in ((Round.INDICATIVE, (1, 2, 0)), (Round.FINAL, (333, 667, 0))):
        events.append(
            VoteRecorded(
                at=at("20:08"),
                card="jardin-partage",
                round=round_,
                method="for-against-abstain",
                labels=scripted_deck(lang).card("jardin-partage").vote.labels,  # type: ignore[union-attr]
                counts=counts,
                rule="majority-of-cast",
                ungraded="refuse",
            )
        )
    text = render_minutes(replay(events), scripted_deck(lang))
    assert zero in text
    assert "-0.0" not in text and "-0,0" not in text


@pytest.mark.parametrize(
    ("graded", "french"),
    [
        ((5, 5, 5, 4), "dont 1 présent sans mention, compté en « Reject »"),
        ((5, 5, 4, 4), "dont 2 présents sans mention, comptés en « Reject »"),
    ],
)
def test_one_present_without_a_grade_is_singular(graded: tuple[int, ...], french: str) -> None:
    # Issue 14: "1 présent sans mention", never "1 présents".
    grades = ("Good", "Fair", "Poor", "Reject")
    events = [
        opened("fr"),
        AttendanceSet(at=at("20:00"), count=20),
        replace(mj("bench", Round.FINAL, grades, graded, "20:10"), ungraded="lowest"),
    ]
    text = " ".join(render_minutes(replay(events), None).split())
    assert " ".join(french.split()) in text
