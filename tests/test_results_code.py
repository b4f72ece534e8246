"""Results codes: what the minutes' QR code carries (meeting id, deck digest, attendance),
read back strictly by code_reader, the 10-card default deck in one code decoded by zbarimg,
and hostile lines refused with one message naming the line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from qrdecode import decode_half_blocks
from scripted_session import scripted_deck, scripted_state

from debate.deck import load_deck
from debate.qr import qr_lines
from debate.record.code_reader import CodeError, parse_code, read_codes, whole_meetings
from debate.record.events import AttendanceSet, CardShown, Event, SessionOpened, VoteRecorded
from debate.record.results import build_results
from debate.record.results_code import QR_BYTES, results_codes
from debate.record.state import replay
from debate.record.textfmt import WIDTH
from debate.vocabulary import Round


def default_deck_meeting() -> list[Event]:
    """Every card of the default deck voted in both rounds by a hall of a hundred, people
    leaving as the evening goes on: the longest code a village meeting makes."""
    deck = load_deck("desescalade-fr")
    assert len(deck.cards) == 10
    events: list[Event] = [
        SessionOpened(
            at="2026-03-01T20:00:00+01:00",
            deck_title=deck.title,
            deck_path="desescalade-fr",
            deck_digest=deck.digest,
            language="fr",
            place="Salle polyvalente de Saint-Martin",
            meeting="k3x7ab2c",
        ),
        AttendanceSet(at="2026-03-01T20:01:00+01:00", count=120),
    ]
    for card in deck.cards:
        present = 120 - card.number * 3
        events += [CardShown(card=card.id), AttendanceSet(count=present)]
        labels = card.vote.labels
        for round_ in (Round.INDICATIVE, Round.FINAL):
            counts = [present // len(labels)] * len(labels)
            counts[0] += present - sum(counts) - (card.number % 3)
            events.append(
                VoteRecorded(
                    card=card.id,
                    round=round_,
                    method=card.vote.method.value,
                    labels=labels,
                    counts=tuple(counts),
                    rule=""
                    if card.vote.method.value == "majority-judgment"
                    else card.vote.rule.value,
                    ungraded=card.vote.ungraded.value,
                )
            )
    return events


def test_the_default_deck_fits_one_code_that_zbarimg_reads() -> None:
    deck = load_deck("desescalade-fr")
    results = build_results(replay(default_deck_meeting()), deck)
    (code,) = results_codes(results)
    assert len(code.encode("utf-8")) <= QR_BYTES
    assert decode_half_blocks(qr_lines(code, WIDTH)) == [code]
    read = parse_code(code, "scan:1")
    assert (read.meeting, read.deck, read.most, read.final) == (
        "k3x7ab2c",
        deck.digest[:8],
        120,
        90,
    )
    assert [c.key for c in read.cards] == [str(n) for n in range(1, 11)]
    assert all(len(c.rounds) == 2 for c in read.cards)


def test_a_code_reads_back_to_what_it_was_made_of() -> None:
    results = build_results(scripted_state("fr"), scripted_deck("fr"))
    (code,) = results_codes(results)
    read = parse_code(code, "x:1")
    assert (read.date, read.place, read.meeting) == ("2026-03-01", "Salle des fêtes", "salle234")
    assert (read.most, read.final, read.part, read.parts, read.merged) == (42, 42, 1, 1, False)
    garden = read.cards[0]
    assert garden.key == "1"
    assert [(r.round, r.counts, r.attendance, r.outcome) for r in garden.rounds] == [
        (Round.INDICATIVE, (20, 12, 5), 40, "A"),
        (Round.FINAL, (25, 10, 5), 42, "A"),
    ]
    assert read.cards[-1].key == "parc-velos" and read.cards[-1].rounds[0].outcome == "M3"


def test_escapes_read_back() -> None:
    code = r"DEBATE2|2026-03-01|Hall A\|B\: \\east|aaaaaaaa||3-3|x\:y:F1-1-1@3T"
    read = parse_code(code, "f:1")
    assert read.place == r"Hall A|B: \east" and read.cards[0].key == "x:y"


BAD = [
    ("hello", "not a results code (it should start with DEBATE2| or DEBATE4|)"),
    ("DEBATE1|2026-03-01|Salle|1:F1-2-3A", "a results code of an older debate (DEBATE1)"),
    ("DEBATE5|x", "a results code of a newer debate (DEBATE5; this one reads DEBATE4)"),
    # Amendment rounds and an attendance left out exist from DEBATE3 only.
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:I1-1-1@3T:A1.1-1-1@3T", "'A1.1-1-1@3T' is not a round"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:I1-1-1@3T:F1-1-1T", "'F1-1-1T' is not a round"),
    ("DEBATE3|2026-03-01|S|aaaaaaaa||3-3|1:A1.1-1-1T", "its first round 'A1.1-1-1T' has no"),
    ("DEBATE3|2026-03-01|S|aaaaaaaa||3-3|1:A1.1-1-1@3T:A1.2-1-0A", "the same amendment voted"),
    ("DEBATE3|2026-03-01|S|aaaaaaaa||3-3|1:A0.1-1-1@3T", "'A0.1-1-1@3T' is not a round"),
    ("DEBATE3|2026-03-01|S|aaaaaaaa||3-3|1:A1-1-1@3T", "'A1-1-1@3T' is not a round"),
    # Amendments' texts exist from DEBATE4 only, never empty, never numbered 0.
    ("DEBATE3|2026-03-01|S|aaaaaaaa||3-3|1:A1.1-1-1@3T|1:A1=Oui", "in a DEBATE3 code"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3T|1:A1=Oui", "in a DEBATE2 code"),
    ("DEBATE4|2026-03-01|S|aaaaaaaa||3-3|1:A1.1-1-1@3T|1:A1=", "amendment's text is empty"),
    ("DEBATE4|2026-03-01|S|aaaaaaaa||3-3|1:A1.1-1-1@3T|:A1=Oui", "amendment's text is empty"),
    ("DEBATE4|2026-03-01|S|aaaaaaaa||3-3|1:A1.1-1-1@3T|1:A0=Oui", "'A0=Oui' is not a round"),
    ("DEBATE2|2026-03-01|Salle", "cut short"),
    ("DEBATE2|01/03/2026|S|aaaaaaaa||3-3|1:F1-1-1@3T", "'01/03/2026' is not a date"),
    ("DEBATE2|2026-03-01|S|../etc/x||3-3|1:F1-1-1@3T", "'../etc/x' is not a meeting id"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa|zz|3-3|1:F1-1-1@3T", "'zz' is not a deck digest"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3|1:F1-1-1@3T", "'3' is not an attendance"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-5|1:F1-1-1@3T", "the final count is over the largest"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1", "a card's number and at least one round"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1T", "'F1-1-1T' is not a round"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3A:F1-1-1@3A", "the same round twice"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F99999999-1-1@3A", "is not a round"),
    ("DEBATE2 3/2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3A", "part 3 of 2: no such part"),
    ("DEBATE2|2026-03-01|S\\x|aaaaaaaa||3-3|1:F1-1-1@3A", "'\\x' is not an escape"),
    ("DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3A\\", "ends with a lone backslash"),
    ("DEBATE2|" + "x" * 5000, "a line of more than 4096 bytes"),
]


@pytest.mark.parametrize(("line", "why"), BAD)
def test_a_bad_line_gets_one_message_naming_it(line: str, why: str) -> None:
    with pytest.raises(CodeError) as caught:
        read_codes(f"\n{line}\n", "codes.txt")
    message = str(caught.value)
    assert message.startswith("codes.txt:2: ") and why in message
    assert "\n" not in message


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | st.text("DEBATE23|0123456789-:@.IFARTNM?\\ab", max_size=300))
def test_no_text_makes_the_reader_raise_anything_but_its_error(text: str) -> None:
    try:
        read_codes(text, "t")
    except CodeError as exc:
        assert str(exc).startswith("t")


def test_split_codes_come_back_together_and_a_missing_part_is_named() -> None:
    codes = [
        "DEBATE2 1/2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3T",
        "DEBATE2 2/2|2026-03-01|S|aaaaaaaa||3-3|2:F2-1-0@3A",
        "DEBATE2 1/2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3T",  # scanned twice
    ]
    (meeting,) = whole_meetings(read_codes("\n".join(codes), "c"))
    assert [p.part for p in meeting] == [1, 2]
    with pytest.raises(
        CodeError, match=r"c:1: meeting aaaaaaaa \(S, 2026-03-01\): code 2/2 missing"
    ):
        whole_meetings(read_codes(codes[0], "c"))
    other_hall = codes[1].replace("|S|", "|T|")
    with pytest.raises(
        CodeError, match=r"c:1: meeting aaaaaaaa \(S, 2026-03-01\): code parts do not"
    ):
        whole_meetings(read_codes(f"{codes[0]}\n{other_hall}", "c"))
    changed = codes[2].replace("1-1-1@3T", "2-1-0@3A")
    with pytest.raises(CodeError, match="c:2: meeting aaaaaaaa already read from c:1"):
        whole_meetings(read_codes(f"{codes[0]}\n{changed}", "c"))
