"""Exports: CSV read back with the csv module, JSON read back and rewritten identically,
Markdown that keeps its tables whatever the room typed. Files are really written and read."""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from scripted_session import at, scripted_deck, scripted_events, scripted_state

from debate.record.events import (
    AttendanceSet,
    CardShown,
    RemarkMade,
    Round,
    SessionOpened,
    VoteRecorded,
)
from debate.record.exports import CSV_COLUMNS, FORMATS, render, to_csv, to_json, to_markdown
from debate.record.minutes import render_minutes
from debate.record.results import build_results
from debate.record.results_code import results_codes
from debate.record.state import MJ, replay
from debate.record.tally import Counts, Rule, decide
from debate.safefile import write_text_atomic


def read_csv(path: Path, dialect: str = "rfc4180") -> list[dict[str, str]]:
    """The rows as a spreadsheet would see them: the excel-fr file opened as French Excel
    does (a byte-order mark, ';', CRLF)."""
    data = path.read_bytes()
    if dialect == "excel-fr":
        assert data.startswith(codecs.BOM_UTF8)
        assert data.count(b"\r\n") == data.count(b"\n")  # every line ends with CRLF
        text = data.decode("utf-8-sig")
    else:
        assert not data.startswith(codecs.BOM_UTF8) and b"\r" not in data
        text = data.decode("utf-8")
    delimiter = ";" if dialect == "excel-fr" else ","
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("dialect", ["rfc4180", "excel-fr"])
def test_csv_is_one_row_per_card_round_and_choice(tmp_path: Path, dialect: str) -> None:
    state, deck = scripted_state("fr"), scripted_deck("fr")
    results = build_results(state, deck)
    path = tmp_path / "results.csv"
    write_text_atomic(path, to_csv([results], dialect))
    rows = read_csv(path, dialect)
    assert list(rows[0]) == list(CSV_COLUMNS)
    # One row per choice of each vote, one for a card shown and never voted, and one for
    # the garden's amendment, proposed and not voted.
    expected = sum(
        sum(len(v.labels) for v in record.votes.values()) or 1 for record in state.cards.values()
    )
    assert len(rows) == expected + 1
    assert {(r["meeting"], r["date"], r["place"], r["deck"]) for r in rows} == {
        (results.meeting, "2026-03-01", "Salle des fêtes", "sha256:" + deck.digest[:8])
    }
    (amendment,) = [r for r in rows if r["round"] == "amendment"]
    assert (amendment["card"], amendment["amendment"], amendment["count"]) == (
        "jardin-partage",
        "1",
        "",
    )
    assert amendment["amendment_text"].startswith("Limiter le jardin")
    decimal = "," if dialect == "excel-fr" else "."
    for card_id, record in state.cards.items():
        card = deck.card(card_id)
        for round_, vote in record.votes.items():
            mine = [r for r in rows if (r["card"], r["round"]) == (card_id, round_.value)]
            assert [r["choice"] for r in mine] == list(vote.labels)  # as the deck gives them
            assert {r["number"] for r in mine} == {str(card.number) if card else ""}
            assert {r["title"] for r in mine} == {card.title if card else ""}
            assert {r["corrections"] for r in mine} == {str(len(vote.corrections))}
            if vote.method == MJ:
                continue
            assert [int(r["count"]) for r in mine] == list(vote.counts)
            decision = decide(Counts(*vote.counts), Rule(vote.rule), vote.attendance)
            assert {r["outcome"] for r in mine} == {decision.outcome.value}
            p = decision.percentages
            assert [r["percentage"] for r in mine] == [
                f"{x:.1f}".replace(".", decimal) for x in (p.for_, p.against, p.abstain)
            ]
            # Each percentage is of its base: for and against of the base, abstentions of
            # the hands raised under an of-cast rule.
            for r in mine:
                base = int(r["base"])
                share = float(r["percentage"].replace(",", ".")) if base else 0.0
                assert abs(share - (100 * int(r["count"]) / base if base else 0)) < 0.051
    # The shown-but-not-voted card has its row, with no round.
    (fountain,) = [r for r in rows if r["card"] == "fontaine"]
    assert (fountain["number"], fountain["round"], fountain["count"]) == ("5", "", "")
    # Majority judgment: the lowest grade holds the 2 present who graded nothing.
    bancs = [r for r in rows if (r["card"], r["round"]) == ("bancs", "final")]
    assert [int(r["count"]) for r in bancs] == [6, 12, 10, 8, 6]
    assert {(r["outcome"], r["result"]) for r in bancs} == {("majority-grade", "Assez bien")}
    # Counts sum: the point of one value per cell.
    garden = [r for r in rows if (r["card"], r["round"]) == ("jardin-partage", "final")]
    assert sum(int(r["count"]) for r in garden) == 40


@pytest.mark.parametrize("dialect", ["rfc4180", "excel-fr"])
@pytest.mark.parametrize("short", ["12345678", "12e45678", "00000000"])
def test_the_deck_column_is_text_whatever_its_digits(
    tmp_path: Path, dialect: str, short: str
) -> None:
    """Bare, 8 hex digits all digits or read as an exponent become a number in a
    spreadsheet (12e45678 overflows, 00000000 loses its zeros); after `sha256:` never."""
    results = replace(build_results(scripted_state("fr"), None), deck_digest=short + "ab" * 28)
    path = tmp_path / "r.csv"
    path.write_text(to_csv([results], dialect), encoding="utf-8", newline="")
    rows = read_csv(path, dialect)
    assert {r["deck"] for r in rows} == {f"sha256:{short}"}
    # Without a digest recorded (a journal from before digests): empty, not a bare prefix.
    bare = replace(results, deck_digest="")
    assert {r["deck"] for r in csv.DictReader(io.StringIO(to_csv([bare])))} == {""}


def test_csv_of_several_meetings_is_one_table(tmp_path: Path) -> None:
    fr = build_results(scripted_state("fr"), scripted_deck("fr"))
    other = replace(fr, meeting="bbbbbbbb", place="Mairie")
    path = tmp_path / "all.csv"
    path.write_text(to_csv([fr, other]), encoding="utf-8")
    rows = read_csv(path)
    assert [r["place"] for r in rows].count("Mairie") == len(rows) // 2
    assert {r["meeting"] for r in rows} == {fr.meeting, "bbbbbbbb"}


def test_no_cell_of_excel_fr_starts_a_formula(tmp_path: Path) -> None:
    events = scripted_events("fr")
    events[0] = replace(events[0], place='=HYPERLINK("http://x";"y")')
    path = tmp_path / "r.csv"
    path.write_text(to_csv([build_results(replay(events), None)], "excel-fr"), encoding="utf-8")
    rows = read_csv(path, "excel-fr")
    assert {r["place"] for r in rows} == {'\'=HYPERLINK("http://x";"y")'}
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_csv_keeps_commas_quotes_and_newlines_in_free_text(tmp_path: Path) -> None:
    events = scripted_events("en")
    events[0] = replace(events[0], place='Hall "B", upstairs\nnext to the school')
    path = tmp_path / "r.csv"
    path.write_text(to_csv([build_results(replay(events), None)]), encoding="utf-8")
    rows = read_csv(path)
    assert {row["place"] for row in rows} == {'Hall "B", upstairs next to the school'}


def test_json_holds_the_state_and_rewrites_identically(tmp_path: Path) -> None:
    state, deck = scripted_state("en"), scripted_deck("en")
    results = build_results(state, deck)
    path = tmp_path / "results.json"
    write_text_atomic(path, to_json(results))
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert json.dumps(data, ensure_ascii=False, indent=2) + "\n" == text
    assert (data["format"], data["version"]) == ("debate-results", 2)
    assert data["session"]["meeting"] == results.meeting
    assert data["deck"]["digest"] == deck.digest
    assert data["session"]["place"] == "Village hall"
    assert data["session"]["closed"] is True
    assert data["attendance"] == {
        "count": 42,
        "changes": [{"at": at("20:06"), "count": 40}, {"at": at("20:25"), "count": 42}],
        # The 420 typed at 20:25 and mended: the changes give the right count.
        "corrections": [
            {"at": at("20:26"), "set_at": at("20:25"), "before": 420, "after": 42},
        ],
    }
    assert [c["id"] for c in data["cards"]] == [
        "jardin-partage",
        "boite-a-livres",
        "eclairage",
        "bancs",
        "fontaine",
        "parc-velos",
    ]
    for card in data["cards"]:
        record = state.cards[card["id"]]
        assert [r["round"] for r in card["rounds"]] == [r.value for r in record.votes]
        for r in card["rounds"]:
            vote = record.votes[next(k for k in record.votes if k.value == r["round"])]
            assert tuple(r["counts"]) == vote.counts
            assert [(tuple(c["before"]), tuple(c["after"]), c["at"]) for c in r["corrections"]] == [
                (c.before, c.after, c.at) for c in vote.corrections
            ]
        assert [n["text"] for n in card["remarks"]] == [n.text for n in record.remarks]
        assert card["spoken"] == dict(record.spoken)
    garden = data["cards"][0]
    assert garden["shift"] == {"for": 5, "against": -2, "abstain": 0, "for_share_points": 8.93}
    assert garden["rounds"][1]["outcome"] == "adopted"
    assert data["cards"][2]["rounds"][0]["outcome"] == "tie"
    assert data["cards"][3]["rounds"][0]["majority_grade"] == "Fair"
    assert data["rankings"] == [
        {
            "round": "final",
            "problem": "",
            "reason": None,
            "totals": [],
            "ranked": [
                {"card": "bancs", "rank": 1, "majority_grade": "Fair"},
                {"card": "parc-velos", "rank": 2, "majority_grade": "Fair"},
            ],
        }
    ]
    assert data["qr"] == results_codes(results)


def test_markdown_has_every_card_and_a_table_that_survives_pipes() -> None:
    events = scripted_events("fr")
    events.insert(-1, RemarkMade(at=at("21:55"), card="fontaine", text="a | b *c* <d>"))
    text = to_markdown(build_results(replay(events), scripted_deck("fr")))
    assert text.startswith("# Compte rendu · Budget participatif 2026\n")
    for heading in [
        "## Fiche 1 · Un jardin partagé derrière l'école",
        "## Fiche 5 · Remettre la fontaine en eau",
        "## Fiche parc-velos (absente du jeu de fiches)",
        "## Tableau des résultats",
    ]:
        assert f"\n{heading}\n" in text
    assert "- 21:55 a \\| b \\*c\\* \\<d\\>" in text
    assert "| 1 · Un jardin partagé derrière l'école | final | 25 | 10 | 5 | adoptée |" in text
    # Every table row has as many cells as its header.
    for block in text.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            cells = {len(line.replace("\\|", "").split("|")) for line in rows}
            assert len(cells) == 1, block


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(fmt: str) -> None:
    results = build_results(scripted_state("en"), scripted_deck("en"))
    first = render(results, fmt)
    assert first == render(build_results(scripted_state("en"), scripted_deck("en")), fmt)
    if fmt == "txt":
        assert first == render_minutes(scripted_state("en"), scripted_deck("en"))


def test_json_says_why_cards_cannot_be_ranked_in_words_a_program_can_read() -> None:
    """Two cards graded by different numbers of people (the room grew): the JSON gives
    the reason and the totals, not only an English sentence."""
    grades = ("Good", "Fair", "Reject")
    events = [
        SessionOpened(
            at=at("20:00"),
            deck_title="Test",
            deck_path="",
            deck_digest="",
            language="fr",
            place="Hall",
        ),
    ]
    for card, counts in (("a", (5, 3, 2)), ("b", (6, 6, 6))):  # eight more came in between
        events += [
            AttendanceSet(at=at("20:10"), count=sum(counts)),
            CardShown(at=at("20:10"), card=card),
            VoteRecorded(
                at=at("20:10"),
                card=card,
                round=Round.FINAL,
                method="majority-judgment",
                labels=grades,
                counts=counts,
            ),
        ]
    data = json.loads(to_json(build_results(replay(events), None)))
    [ranking] = data["rankings"]
    assert ranking["reason"] == "totals" and ranking["totals"] == [10, 18]
    assert ranking["problem"] and ranking["ranked"] == []
