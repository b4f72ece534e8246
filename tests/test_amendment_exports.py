"""Amendments voted (issue 15) in what leaves the laptop: the CSV (both dialects), the JSON
export, the results code (decoded by zbarimg) and `debate merge` of journals, exports and
codes. Each amendment stays attached to its card with its text (where the record has it),
its counts and its outcome. Files are really written and read back."""

from __future__ import annotations

import codecs
import csv
import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from qrdecode import decode_half_blocks
from scripted_session import (
    FIN,
    at,
    deck_path,
    scripted_deck,
    scripted_events,
    write_journal,
)
from test_merge import SECOND

from debate.qr import qr_lines
from debate.record.code_reader import (
    MAX_LINE,
    CodeError,
    parse_code,
    read_codes,
    split_fields,
    whole_meetings,
)
from debate.record.events import AmendmentProposed, AmendmentVoted, Event, VoteRecorded
from debate.record.exports import FORMATS, render, to_csv, to_json
from debate.record.gathered import from_codes, from_json
from debate.record.results import SessionResults, build_results
from debate.record.results_code import QR_BYTES, results_codes
from debate.record.state import replay
from debate.record.textfmt import WIDTH, clean

FORMULA = "=cmd|' /C calc'!A0"


def amended(events: list[Event]) -> list[Event]:
    """The scripted evening with amendments voted: the garden's amendment adopted 22-12-6
    before its final vote, a formula proposed on the lighting and rejected 5-25-5, and an
    amendment on the benches graded like the card (majority judgment)."""
    out: list[Event] = []
    for event in events:
        final = isinstance(event, VoteRecorded) and event.round == FIN
        if final and event.card == "jardin-partage":
            out.append(vote_on(event, 0, (22, 12, 6), "20:28"))
        if final and event.card == "eclairage":
            out += [
                AmendmentProposed(at=at("21:00"), card="eclairage", text=FORMULA),
                vote_on(event, 0, (5, 25, 5), "21:05"),
            ]
        if final and event.card == "bancs":
            out += [
                AmendmentProposed(at=at("21:20"), card="bancs", text="Deux bancs, pas quatre"),
                vote_on(event, 0, (10, 10, 10, 6, 4), "21:25"),
            ]
        out.append(event)
    return out


def vote_on(final: VoteRecorded, index: int, counts: tuple[int, ...], when: str) -> AmendmentVoted:
    """An amendment voted as the card is (the vote window takes the card's vote)."""
    return AmendmentVoted(
        at=at(when),
        card=final.card,
        amendment=index,
        method=final.method,
        labels=final.labels,
        counts=counts,
        rule=final.rule,
        ungraded=final.ungraded,
    )


def results() -> SessionResults:
    return build_results(replay(amended(scripted_events("fr"))), scripted_deck("fr"))


def votes_of(r: SessionResults) -> list[tuple[str, int, tuple[int, ...], int, str]]:
    """Every amendment vote: card, number, counts, attendance and outcome."""
    return [
        (card.id, a.number, a.vote.tallied, a.vote.attendance, a.vote.outcome)
        for card in r.cards
        for a in card.amendment_votes
    ]


EXPECTED = [
    ("jardin-partage", 1, (22, 12, 6), 42, "adopted"),
    ("eclairage", 1, (5, 25, 5), 42, "rejected"),
    ("bancs", 1, (10, 10, 10, 6, 6), 42, "majority-grade"),  # 2 ungraded, in the lowest
]


def test_the_results_hold_each_amendment_vote() -> None:
    assert votes_of(results()) == EXPECTED


@pytest.mark.parametrize("dialect", ["rfc4180", "excel-fr"])
def test_csv_rows_of_an_amendment_come_between_the_card_s_rounds(
    tmp_path: Path, dialect: str
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(to_csv([results()], dialect), encoding="utf-8", newline="")
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) == (dialect == "excel-fr")
    text = data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";,"[dialect == "rfc4180"]))
    garden = [r for r in rows if r["card"] == "jardin-partage"]
    assert [r["round"] for r in garden] == ["indicative"] * 3 + ["amendment"] * 3 + ["final"] * 3
    mine = [r for r in garden if r["round"] == "amendment"]
    assert [int(r["count"]) for r in mine] == [22, 12, 6]
    assert {(r["amendment"], r["outcome"]) for r in mine} == {("1", "adopted")}
    assert {r["amendment_text"] for r in mine} == {
        "Limiter le jardin à la moitié du terrain, l'autre moitié restant un pré."
    }
    assert {r["amendment"] + r["amendment_text"] for r in garden if r["round"] != "amendment"} == {
        ""
    }
    # The formula proposed on the lighting is text, and no cell starts a formula.
    light = [r for r in rows if (r["card"], r["round"]) == ("eclairage", "amendment")]
    assert {(r["amendment_text"], r["outcome"]) for r in light} == {("'" + FORMULA, "rejected")}
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    benches = [r for r in rows if (r["card"], r["round"]) == ("bancs", "amendment")]
    assert [int(r["count"]) for r in benches] == [10, 10, 10, 6, 6]


def test_json_carries_each_amendment_with_its_vote_and_reads_back(tmp_path: Path) -> None:
    r = results()
    path = tmp_path / "r.json"
    path.write_text(to_json(r), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    garden = next(c for c in data["cards"] if c["id"] == "jardin-partage")
    (amendment,) = garden["amendments"]
    assert (amendment["number"], amendment["text"][:18]) == (1, "Limiter le jardin ")
    vote = amendment["vote"]
    assert (vote["round"], vote["counts"], vote["outcome"]) == ("amendment", [22, 12, 6], "adopted")
    assert garden["amended"] == [1]
    light = next(c for c in data["cards"] if c["id"] == "eclairage")
    assert light["amended"] == [] and light["amendments"][0]["text"] == FORMULA
    # What a merge reads from the export: the same votes, the same texts.
    back = from_json(path.read_text(encoding="utf-8"), "r.json")
    assert votes_of(back) == EXPECTED
    assert [a.text for c in back.cards for a in c.amendment_votes] == [
        a.text for c in r.cards for a in c.amendment_votes
    ]
    # Written again from what was read: the same amendments.
    again = json.loads(to_json(back))
    assert [c["amendments"] for c in again["cards"]] == [c["amendments"] for c in data["cards"]]


def test_an_export_from_before_amendment_votes_still_reads() -> None:
    data = json.loads(to_json(build_results(replay(scripted_events("fr")), scripted_deck("fr"))))
    for card in data["cards"]:
        card.pop("amended")
        for a in card["amendments"]:
            del a["number"], a["vote"]
    back = from_json(json.dumps(data), "old.json")
    garden = back.card("jardin-partage")
    assert garden is not None and not garden.amendment_votes
    assert [n.text[:8] for n in garden.amendments] == ["Limiter "]


def texts_of(r: SessionResults) -> list[tuple[str, int, str]]:
    return [(card.id, a.number, a.text) for card in r.cards for a in card.amendment_votes]


def test_the_results_code_carries_each_amendment_vote_and_text_on_its_card() -> None:
    codes = results_codes(results())
    assert all(code.startswith("DEBATE4") for code in codes)
    whole = "|".join(codes)
    # The attendance of a round left out when it is the one before it's; each text in a
    # field of its own after its card's votes, escaped like every free text.
    assert "|1:I20-12-5@40A:A1.22-12-6@42A:F25-10-5A|1:A1=Limiter le jardin" in whole
    assert "|3:I15-15-5@42T:A1.5-25-5R:F0-0-0N|3:A1==cmd\\|' /C calc'!A0|" in whole
    for code in codes:
        assert decode_half_blocks(qr_lines(code, WIDTH)) == [code]
    (parts,) = whole_meetings(parse_code(c, f"scan:{i}") for i, c in enumerate(codes, 1))
    back = from_codes(parts, scripted_deck("fr"))
    assert votes_of(back) == EXPECTED
    assert texts_of(back) == texts_of(results())
    assert ("eclairage", 1, FORMULA) in texts_of(back)


def test_a_meeting_without_amendment_votes_still_writes_debate2() -> None:
    (code,) = results_codes(build_results(replay(scripted_events("fr")), scripted_deck("fr")))
    assert code.startswith("DEBATE2|") and ":A1." not in code and "@40A:F25-10-5@42A" in code


def test_an_amendment_on_every_card_of_the_default_deck_takes_two_codes() -> None:
    """The worst case: the 10-card deck voted in both rounds by a hall of a hundred and an
    amendment voted on every card (docs/session-format.md, Results QR)."""
    from test_results_code import default_deck_meeting

    from debate.deck import load_deck

    deck = load_deck("desescalade-fr")
    events: list[Event] = []
    for event in default_deck_meeting():
        if isinstance(event, VoteRecorded) and event.round == FIN:
            events += [
                AmendmentProposed(card=event.card, text="Amendement"),
                vote_on(event, 0, event.counts, "21:00"),
            ]
        events.append(event)
    codes = results_codes(build_results(replay(events), deck))
    sizes = [len(c.encode("utf-8")) for c in codes]
    assert len(codes) == 2 and all(size <= QR_BYTES for size in sizes), sizes
    for code in codes:
        assert decode_half_blocks(qr_lines(code, WIDTH)) == [code]
    (parts,) = whole_meetings(parse_code(c, f"scan:{i}") for i, c in enumerate(codes, 1))
    back = from_codes(parts, deck)
    assert [len(c.amendment_votes) for c in back.cards] == [1] * 10


def with_texts(texts: dict[str, str]) -> SessionResults:
    """The evening of `amended`, the amendments of the cards named made with those texts."""
    events = []
    for event in amended(scripted_events("fr")):
        if isinstance(event, AmendmentProposed) and event.card in texts:
            event = AmendmentProposed(at=event.at, card=event.card, text=texts[event.card])
        events.append(event)
    return build_results(replay(events), scripted_deck("fr"))


def scanned_back(codes: list[str]) -> SessionResults:
    """The codes through a real decoder (zbarimg), read and gathered as `debate merge` does."""
    for code in codes:
        assert len(code.encode("utf-8")) <= QR_BYTES
        assert decode_half_blocks(qr_lines(code, WIDTH)) == [code]
    (parts,) = whole_meetings(parse_code(c, f"scan:{i}") for i, c in enumerate(codes, 1))
    return from_codes(parts, scripted_deck("fr"))


HOSTILE = "a|b:c\\d \\| \\: [link=file:///tmp/x]clic[/link] [b]gras[/] \x1b[31mrouge"


def test_a_hostile_amendment_text_goes_through_the_code_as_text() -> None:
    r = with_texts({"eclairage": HOSTILE + "\nsuite", "bancs": "|||:::\\\\"})
    back = scanned_back(results_codes(r))
    got = dict(((c, n), t) for c, n, t in texts_of(back))
    # As the minutes print it: on one line, the escape character shown, nothing interpreted.
    assert got[("eclairage", 1)] == clean(HOSTILE + "\nsuite")
    assert got[("eclairage", 1)].startswith("a|b:c\\d \\| \\: [link=file:///tmp/x]")
    assert "\x1b" not in got[("eclairage", 1)] and "\n" not in got[("eclairage", 1)]
    assert got[("bancs", 1)] == "|||:::\\\\"


@pytest.mark.parametrize("length", [300, 500, 1200])
def test_a_long_amendment_text_goes_on_over_codes_never_cut(length: int) -> None:
    """The note window takes 500 characters; a journal from elsewhere may hold more."""
    words = "Ouvrir le jardin partagé le dimanche, à l’école: et | le soir \\ "
    text = (words * 40)[:length].strip()
    codes = results_codes(with_texts({"bancs": text}))
    assert len(codes) > 1 and all(c.startswith("DEBATE4 ") for c in codes)
    back = scanned_back(codes)
    assert ("bancs", 1, text) in texts_of(back)
    assert ("eclairage", 1, FORMULA) in texts_of(back)


CODE = "DEBATE4|2026-03-01|S|salle234|41fe2e59|42-42|5:I1-1-1@3T:A1.2-1-0A:F1-1-1T"


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        (["5:A1=Un", "5:A1=Deux"], "the text of amendment 1 given twice"),
        (["5:A1+suite"], "the rest of amendment 1's text without its start"),
        (["5:A2=Un"], "a text for amendment 2, which the code does not vote"),
        (["6:A1=Un"], "a text for amendment 1, which the code does not vote"),
    ],
)
def test_a_code_s_texts_that_do_not_hold_together_are_refused(fields: list[str], why: str) -> None:
    (parts,) = whole_meetings([parse_code("|".join([CODE, *fields]), "scan:1")])
    with pytest.raises(CodeError) as caught:
        from_codes(parts, scripted_deck("fr"))
    assert (
        str(caught.value) == f"scan:1: card {fields[0].split(':')[0]!r}: {why.split(': ', 1)[-1]}"
    )


def debate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_debate_summary_carries_the_amendments(tmp_path: Path, fmt: str) -> None:
    journal = write_journal(tmp_path / "salle.jsonl", amended(scripted_events("fr")))
    done = debate("summary", str(journal), "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout == render(results(), fmt)
    assert "Limiter le jardin" in done.stdout


def test_debate_merge_carries_amendments_per_card_and_meeting(tmp_path: Path) -> None:
    """The hall's journal, the town hall's JSON export, and the hall's code alone: each
    meeting's amendments under its card, never added up."""
    salle = write_journal(tmp_path / "salle.jsonl", amended(scripted_events("fr")))
    mairie = tmp_path / "mairie.json"
    mairie_events: list[Event] = []
    for event in SECOND:  # 30 present: an amendment of its own, rejected
        if isinstance(event, VoteRecorded) and event.card == "jardin-partage":
            mairie_events += [
                AmendmentProposed(at=event.at, card=event.card, text="Ouvrir le dimanche"),
                vote_on(event, 0, (8, 15, 2), "20:40"),
            ]
        mairie_events.append(event)
    mairie.write_text(to_json(build_results(replay(mairie_events), scripted_deck("fr"))))
    done = debate("merge", str(salle), str(mairie))
    assert done.returncode == 0, done.stderr
    report = done.stdout
    section = report[report.index("Fiche 1 ·") : report.index("Fiche 2 ·")]
    heading = "Amendements votés, réunion par réunion (jamais additionnés) :"
    assert heading in section
    after = section[section.index(heading) :].splitlines()
    assert after[1].startswith("  1. Salle des fêtes 2026-03-01, amendement 1 : adoptée")
    assert "(22-12-6 @ 42)" in after[1]
    assert after[2].strip().startswith("«\xa0Limiter le jardin")
    assert all(len(line) <= WIDTH for line in report.splitlines())
    # The town hall's came through its export: listed too, with its text.
    assert "2. Mairie annexe 2026-03-08, amendement 1 : rejetée (8-15-2 @ 30)" in section
    assert "«\xa0Ouvrir le dimanche\xa0»" in section
    assert report.count(", amendement 1 :") == len(EXPECTED) + 1
    # The totals' final vote adds up the hall's, on the amended garden, and the town
    # hall's, on the garden as the deck writes it: the report says which was which.
    assert "  Le vote final portait sur la proposition amendée dans la réunion 1." in section
    assert "proposition amendée" not in report[report.index("Fiche 3 ·") :]
    # CSV: each meeting's amendment rows; the totals have none (not added up).
    table = debate("merge", str(salle), str(mairie), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    amendments = {(r["meeting"], r["card"]) for r in rows if r["round"] == "amendment"}
    meetings = {r["meeting"] for r in rows}
    totals = next(m for m in meetings if m.startswith("*"))
    assert len(amendments) == len(EXPECTED) + 1 and all(m != totals for m, _ in amendments)
    data = json.loads(debate("merge", str(salle), str(mairie), "--format", "json").stdout)
    assert data["meetings"][0]["cards"][0]["amended"] == [1]
    assert all(a["vote"] is None for c in data["totals"]["cards"] for a in c["amendments"])
    # From the hall's code alone: the votes and their texts.
    codes = tmp_path / "codes.txt"
    codes.write_text("\n".join(results_codes(results())) + "\n")
    scanned = debate("merge", str(codes), "--deck", str(deck_path("fr")))
    assert scanned.returncode == 0, scanned.stderr
    assert "(22-12-6 @ 42)" in scanned.stdout
    assert "«\xa0Limiter le jardin" in scanned.stdout and "«\xa0Deux bancs" in scanned.stdout
    assert "dans le compte rendu de cette réunion" not in scanned.stdout
    # A DEBATE3 code (a debate from before the texts): the votes; the report says where
    # the text is.
    fields = split_fields(results_codes(results())[0])
    old = "|".join(f for f in fields if "A1=" not in f)
    codes.write_text(old.replace("DEBATE4|", "DEBATE3|") + "\n")
    scanned = debate("merge", str(codes), "--deck", str(deck_path("fr")))
    assert scanned.returncode == 0, scanned.stderr
    assert "(22-12-6 @ 42)" in scanned.stdout and "Limiter le jardin" not in scanned.stdout
    assert "(son texte : dans le compte rendu de cette réunion" in scanned.stdout


SHIPPED = Path(__file__).parent.parent / "debate" / "decks" / "desescalade-fr.yaml"
SHIPPED_CODE = (
    "DEBATE4|2026-03-01|Salle|salle234|6406758e|42-42|1:I10-20-5@40A:A1.20-10-5A:F20-10-5A"
)


@pytest.mark.parametrize("char", ["\f", "\v", "\x1c", "\x85", "\u2028", "\r"])
def test_a_line_break_python_knows_stays_inside_its_code(tmp_path: Path, char: str) -> None:
    """str.splitlines breaks at a form feed, a vertical tab, U+2028...: the text in the
    code was cut and the next 'line', which no editor shows, named as not a code. The
    text keeps it, as the minutes print a break: a space (textfmt.clean)."""
    codes = tmp_path / "codes.txt"
    codes.write_text(f"{SHIPPED_CODE}|1:A1=a{char}b\n", encoding="utf-8")
    done = debate("merge", str(codes), "--deck", str(SHIPPED))
    assert done.returncode == 0, done.stderr
    assert "«\xa0a b\xa0»" in done.stdout
    codes.write_text(f"{SHIPPED_CODE}|1:A1=a{char}b\nDEBATE9\n", encoding="utf-8")
    done = debate("merge", str(codes), "--deck", str(SHIPPED))
    assert done.returncode == 1 and f"{codes}:2: " in done.stderr
    assert "Traceback" not in done.stderr


def test_a_card_whose_amendment_alone_was_voted_is_in_the_merge(tmp_path: Path) -> None:
    """The hall voted the amendment, then ran out of time before the final vote: the code
    carries the vote and the text (results_code writes such a card); the report skipped
    every card without a round of its own, and both were lost."""
    codes = tmp_path / "codes.txt"
    head = SHIPPED_CODE.rsplit("|", 1)[0]
    codes.write_text(f"{head}|1:A1.20-10-5@40A|1:A1=Ouvrir le dimanche\n", encoding="utf-8")
    done = debate("merge", str(codes), "--deck", str(SHIPPED))
    assert done.returncode == 0, done.stderr
    section = done.stdout[done.stdout.index("Fiche 1 ·") :]
    assert "1. Salle 2026-03-01, amendement 1 : adoptée (20-10-5 @ 40)" in section
    assert "«\xa0Ouvrir le dimanche\xa0»" in section
    # No final vote: the report does not say it was on the amended proposal.
    assert "Le vote final portait" not in done.stdout


@pytest.mark.parametrize(("place", "words"), [(400, 300), (1000, 300), (400, 1500)])
def test_a_place_that_fills_a_code_gives_lines_the_reader_takes(place: int, words: int) -> None:
    """A header that leaves no room in a code cut the text a character a part: 1,294
    parts for 1,200 characters, more than 'DEBATE4 i/n' numbers, so that the reader
    refused the minutes' own codes. No part can be a QR code: lines the reader takes."""
    text = ("mot " * words).strip()
    r = replace(with_texts({"bancs": text}), place="P" * place)
    codes = results_codes(r)
    assert len(codes) <= len(text) // 2000 + 1
    assert all(len(c.encode("utf-8")) <= MAX_LINE for c in codes)
    (parts,) = whole_meetings(read_codes("\n".join(codes), "typed"))
    assert ("bancs", 1, text) in texts_of(from_codes(parts, scripted_deck("fr")))
