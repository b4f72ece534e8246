"""Merging three meetings on one deck: totals across meetings, each meeting's own line, and
sessions on different decks refused. Through the API and through `debate merge`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from qrdecode import decode_half_blocks
from scripted_session import at, deck_path, scripted_deck, scripted_events, write_journal

from debate.record.events import AttendanceSet, CardShown, Event, Round, SessionOpened, VoteRecorded
from debate.record.merge import MergeError, merge_report, merged_cards
from debate.record.results import SessionResults, build_results
from debate.record.state import replay

FAA = ("Pour", "Contre", "Abstention")


def flat(text: str) -> str:
    return " ".join(text.split())


GRADES = ("Très bien", "Bien", "Assez bien", "Passable", "À rejeter")


def meeting(
    day: str, place: str, attendance: int, votes: list[VoteRecorded], meeting: str = ""
) -> list[Event]:
    deck = scripted_deck("fr")
    events: list[Event] = [
        SessionOpened(
            at=at("18:00", day),
            deck_title=deck.title,
            deck_path=str(deck_path("fr")),
            deck_digest=deck.digest,
            language="fr",
            place=place,
            meeting=meeting,
        ),
        AttendanceSet(at=at("18:01", day), count=attendance),
    ]
    for vote in votes:
        events += [CardShown(at=vote.at, card=vote.card), vote]
    return events


def faa(day: str, card: str, round_: Round, counts: tuple[int, int, int]) -> VoteRecorded:
    rule = {"boite-a-livres": "two-thirds-of-cast", "eclairage": "majority-of-present"}
    return VoteRecorded(
        at=at("18:30", day),
        card=card,
        round=round_,
        method="for-against-abstain",
        labels=FAA,
        counts=counts,
        rule=rule.get(card, "majority-of-cast"),
    )


def bancs(day: str, counts: tuple[int, ...]) -> VoteRecorded:
    return VoteRecorded(
        at=at("19:00", day),
        card="bancs",
        round=Round.FINAL,
        method="majority-judgment",
        labels=GRADES,
        counts=counts,
        ungraded="lowest",
    )


FINAL, INDICATIVE = Round.FINAL, Round.INDICATIVE
SECOND = meeting(
    "2026-03-08",
    "Mairie annexe",
    30,
    [faa("2026-03-08", "jardin-partage", FINAL, (10, 15, 2)), bancs("2026-03-08", (3, 5, 8, 6, 4))],
    "mairie23",
)
THIRD = meeting(
    "2026-03-15",
    "École",
    25,
    [
        faa("2026-03-15", "jardin-partage", INDICATIVE, (5, 5, 5)),
        faa("2026-03-15", "jardin-partage", FINAL, (12, 11, 0)),
        faa("2026-03-15", "eclairage", FINAL, (13, 2, 0)),
    ],
    "ecole234",
)


def three() -> list[SessionResults]:
    deck = scripted_deck("fr")
    return [
        build_results(replay(events), deck) for events in (scripted_events("fr"), SECOND, THIRD)
    ]


def test_totals_add_up_across_meetings() -> None:
    cards = {card.id: card for card in merged_cards(three())}
    garden = cards["jardin-partage"].round(FINAL)
    assert garden is not None and garden.total is not None
    assert [m.counts if m else None for m in garden.meetings] == [
        (25, 10, 5),
        (10, 15, 2),
        (12, 11, 0),
    ]
    assert garden.total.counts == (47, 36, 7)
    assert garden.total.attendance == 42 + 30 + 25
    assert (garden.total.outcome, garden.total.not_voted) == ("adopted", 97 - 90)
    # Voted in the first and third meetings only.
    indicative = cards["jardin-partage"].round(INDICATIVE)
    assert indicative is not None and indicative.total is not None
    assert indicative.meetings[1] is None
    assert indicative.total.counts == (25, 17, 10)
    # Majority of those present across all who were present at those votes: 13 + 0 of 67.
    lights = cards["eclairage"].round(FINAL)
    assert lights is not None and lights.total is not None
    assert (lights.total.counts, lights.total.attendance) == ((13, 2, 0), 67)
    assert lights.total.outcome == "rejected"
    # Majority judgment: grade counts summed, the absent graders in the lowest grade.
    benches = cards["bancs"].round(FINAL)
    assert benches is not None and benches.total is not None
    assert benches.total.tallied == (9, 17, 18, 14, 14)
    assert benches.total.median == 2  # 9 + 17 = 26 of 72, then 44: "Assez bien"


def test_the_report_shows_each_meeting_and_the_totals() -> None:
    text = merge_report(three())
    assert text.startswith("Résultats de 3 réunions\nBudget participatif 2026\n")
    assert "   1. Salle des fêtes, 2026-03-01 : 42 présents\n" in text
    assert "Présents, toutes réunions : 97 présents" in text
    garden = text[text.index("Fiche 1 ·") : text.index("Fiche 2 ·")]
    final = garden[garden.index("Vote final") :]
    assert re.search(r"1\. Salle des fêtes 2026-03-01 +25 +10 +5 +42 +adoptée", final)
    assert re.search(r"2\. Mairie annexe 2026-03-08 +10 +15 +2 +30 +rejetée", final)
    assert re.search(r"3\. École 2026-03-15 +12 +11 +0 +25 +adoptée", final)
    assert re.search(r"Toutes les réunions +47 +36 +7 +97 +adoptée", final)
    assert "2. Mairie annexe 2026-03-08     pas de vote dans cette réunion" in garden
    assert re.search(r"Toutes les réunions +9-17-18-14-14 +72 +Assez bien", text)
    # The two graded cards were graded by 42 and 72 people: no ranking, said in French.
    ranking = flat(text[text.index("Classement") : text.index("Tableau")])
    assert "pas été évaluées par autant de personnes (42, 72)" in ranking
    assert "different totals" not in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_sessions_on_different_decks_are_refused() -> None:
    english = build_results(replay(scripted_events("en")), scripted_deck("en"))
    with pytest.raises(MergeError, match="different decks") as caught:
        merge_report([*three(), english])
    assert "'Budget participatif 2026'" in str(caught.value)
    assert "'Participatory budget 2026'" in str(caught.value)
    fr = scripted_deck("fr").digest[:8]
    assert (
        f"'Budget participatif 2026' ({fr}): Salle des fêtes, 2026-03-01 / Mairie annexe, "
        "2026-03-08 / École, 2026-03-15;" in str(caught.value)
    )


def run_debate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args], capture_output=True, text=True, check=False
    )


def test_debate_merge_on_three_journals(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    write_journal(folder / "2026-03-01-2005-salle-des-fetes.jsonl", scripted_events("fr"))
    write_journal(folder / "2026-03-08-1800-mairie-annexe.jsonl", SECOND)
    write_journal(folder / "2026-03-15-1800-ecole.jsonl", THIRD)
    out = tmp_path / "merged.txt"
    done = run_debate(
        "merge", "2026-03-01", "2026-03-08", "2026-03-15", "--sessions", str(folder), "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == merge_report(three())

    twice = run_debate("merge", "2026-03-01", "2026-03-01", "--sessions", str(folder))
    assert twice.returncode == 0, twice.stderr
    assert twice.stdout == merge_report(three()[:1])  # counted once
    assert "are the same meeting: counted once" in twice.stderr

    write_journal(folder / "2026-03-02-2000-hall.jsonl", scripted_events("en"))
    refused = run_debate("merge", "2026-03-01", "2026-03-02", "--sessions", str(folder))
    assert refused.returncode == 1
    assert refused.stderr.startswith("debate: these meetings are on different decks: ")
    # Which meeting is on which deck: by title and digest, then place and date.
    english = scripted_deck("en").digest[:8]
    assert f"'Participatory budget 2026' ({english}): Village hall, 2026-03-01;" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1 and not refused.stdout


def test_the_report_ends_with_the_totals_table_and_their_qr_code() -> None:
    text = merge_report(three())
    table = text[text.index("Tableau des résultats") :]
    assert re.search(r"1 · Un jardin partagé.* +indicatif +25 +17 +10 +majorité pour", table)
    # The second round's row carries the rest of the card's title (titles are in full).
    assert re.search(r"\n +derrière l'école +final +47 +36 +7 +adoptée", table)
    assert re.search(r"4 · Des bancs.* +final +9-17-18-14-14 +Assez bien", table)
    # The code is the minutes' own format (docs/session-format.md, "Results QR"): the
    # first meeting's date, "Results of N meetings" for the place, the totals per card.
    assert "\f" in text  # on a page of its own when printed
    # The meeting id is '*' and one derived from the meetings' ids: never taken for a
    # meeting; the attendance is the meetings' largest and final counts added up.
    (code,) = decode_half_blocks(text.splitlines())
    head, totals = code.split("|")[:6], code.split("|")[6:]
    digest = scripted_deck("fr").digest[:8]
    assert head[:3] + head[4:] == [
        "DEBATE2",
        "2026-03-01",
        "Résultats de 3 réunions",
        digest,
        "97-97",
    ]
    assert re.fullmatch(r"\*[a-z2-7]{8}", head[3])
    assert totals == [
        "1:I25-17-10@65A:F47-36-7@97A",
        "2:F20-10-10@42A",
        "3:I15-15-5@42T:F13-2-0@67R",
        "4:F9-17-18-14-14@72M3",
        "parc-velos:F5-9-14-9-5@42M3",
    ]
    assert max(len(line) for line in text.splitlines()) <= 80


def test_the_totals_code_takes_the_earliest_date_whatever_the_order() -> None:
    text = merge_report(list(reversed(three())))
    assert "   1. École, 2026-03-15" in text  # listed in the order given
    (code,) = decode_half_blocks(text.splitlines())
    assert code.startswith("DEBATE2|2026-03-01|Résultats de 3 réunions|")


def test_one_meeting_is_one_meeting() -> None:
    text = merge_report(three()[:1])
    assert text.startswith("Résultats d’une réunion\n")
    (code,) = decode_half_blocks(text.splitlines())
    assert code.startswith("DEBATE2|2026-03-01|Résultats d’une réunion|")


def test_a_meeting_counts_the_most_people_present_not_those_left_at_the_end() -> None:
    """Attendance may go down as people leave; a meeting's size in the report is its
    largest attendance, as its votes were counted among them."""
    # Another meeting in a hall of the same name on the same day: told apart by its id.
    emptied = [
        replace(SECOND[0], meeting="annexe45"),  # type: ignore[arg-type]
        *SECOND[1:],
        AttendanceSet(at=at("21:30", "2026-03-08"), count=12),
    ]
    deck = scripted_deck("fr")
    sessions = [build_results(replay(events), deck) for events in (SECOND, emptied)]
    assert [s.attendance for s in sessions] == [30, 12]
    text = merge_report(sessions)
    # Said as the minutes say it: the largest and the final attendance.
    assert "   1. Mairie annexe, 2026-03-08 (mairie23) : 30 présents\n" in text
    assert "2. Mairie annexe, 2026-03-08 (annexe45) : 30 présents au plus, 12 à la fin" in text
    assert "Présents, toutes réunions : 60 présents au plus, 42 à la fin" in text


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text("abcdefghij ", min_size=1, max_size=18).map(str.strip).filter(bool),
        min_size=5,
        max_size=5,
        unique=True,
    )
)
def test_french_never_breaks_a_line_before_percent_or_inside_guillemets(
    grades: list[str],
) -> None:
    """'20,0' at the end of a line and '% des mentions' on the next: French typography
    keeps them together (a no-break space), and « » with the word they quote."""

    def graded(day: str, counts: tuple[int, ...]) -> VoteRecorded:
        return replace(bancs(day, counts), labels=tuple(grades))

    first = meeting("2026-03-01", "Salle", 40, [graded("2026-03-01", (9, 8, 8, 8, 7))])
    second = meeting("2026-03-08", "Mairie", 30, [graded("2026-03-08", (3, 5, 8, 6, 8))])
    deck = scripted_deck("fr")
    text = merge_report([build_results(replay(events), deck) for events in (first, second)])
    lines = [line.strip() for line in text.splitlines()]
    assert "%" in text
    assert not any(line.startswith(("%", "»")) or line.endswith("«") for line in lines)


def test_one_meeting_under_two_names_is_counted_once(tmp_path: Path) -> None:
    """A hard link, a copy in backup/, and a copy taken before the end of the evening:
    each is the same meeting (same opening), counted once, from the fullest record."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    first = write_journal(folder / "2026-03-01-2005-salle-des-fetes.jsonl", scripted_events("fr"))
    second = write_journal(folder / "2026-03-08-1800-mairie-annexe.jsonl", SECOND)
    backup = tmp_path / "backup"
    backup.mkdir()
    os.link(first, backup / "link.jsonl")
    shutil.copy(first, backup / "copy.jsonl")
    write_journal(backup / "early.jsonl", scripted_events("fr")[:5])  # taken mid-meeting
    expected = merge_report(three()[:2])
    for other in ("link.jsonl", "copy.jsonl", "early.jsonl"):
        for order in ((backup / other, first, second), (first, second, backup / other)):
            done = run_debate("merge", *map(str, order), "--sessions", str(folder))
            assert done.returncode == 0, done.stderr
            assert done.stdout == expected, (other, order)
            assert "same meeting: counted once, from " in done.stderr
            assert done.stderr.rstrip().endswith(f"from {first}") or other != "early.jsonl"


def test_two_records_of_one_meeting_that_differ_are_refused(tmp_path: Path) -> None:
    """The same meeting id, then different votes: one meeting that went on on two
    laptops. Neither record can be dropped silently, nor the votes both hold counted
    twice: the merge stops and says which files."""
    events = scripted_events("fr")
    one = write_journal(tmp_path / "one.jsonl", events[:6])
    other = write_journal(tmp_path / "other.jsonl", [*events[:5], *events[7:8]])
    done = run_debate("merge", str(one), str(other))
    assert done.returncode == 1 and not done.stdout
    assert done.stderr == (
        f"debate: {one} and {other} are the same meeting (salle234) but hold different "
        "records (recorded on two laptops, or taken at two moments?): merge one of them\n"
    )
    # Two villages whose openings match but for the id are two meetings.
    twin = [replace(events[0], meeting="twinnnnn"), *events[1:6]]  # type: ignore[arg-type]
    write_journal(other, twin)
    done = run_debate("merge", str(one), str(other))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Résultats de 2 réunions\n")
    assert "(salle234)" in done.stdout and "(twinnnnn)" in done.stdout
