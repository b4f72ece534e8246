"""A fixed, scripted meeting with fixed times: the input of the golden minutes and exports.

It touches every part of the minutes: attendance changes (one typed wrong and mended),
both rounds with a shift, a correction, the three rules (a tie under majority-of-present),
majority judgment with people who graded nothing, a card the deck does not know, a card
shown but not voted, remarks, amendments, speaking time, the closing.
"""

from __future__ import annotations

from pathlib import Path

from debate.deck import Deck, load_deck
from debate.record.events import (
    AmendmentProposed,
    AttendanceCorrected,
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
from debate.record.state import SessionState, replay

GOLDEN = Path(__file__).parent / "golden"
IND, FIN = Round.INDICATIVE, Round.FINAL

PLACES = {"fr": "Salle des fêtes", "en": "Village hall"}
MEETINGS = {"fr": "salle234", "en": "hall2345"}  # fixed: the golden minutes' QR holds them
TEXTS = {
    "fr": (
        "Et qui arrose pendant les vacances d'été ? Plusieurs personnes proposent un "
        "planning entre familles, affiché à la mairie.",
        "Limiter le jardin à la moitié du terrain, l'autre moitié restant un pré.",
        "Demander l'avis de la gendarmerie avant de décider.",
    ),
    "en": (
        "Who waters during the summer holidays? Several people offer a rota between "
        "families, put up at the town hall.",
        "Keep the garden to half the ground, the other half staying a meadow.",
        "Ask the police for their opinion before deciding.",
    ),
}


def deck_path(lang: str) -> Path:
    return GOLDEN / f"deck-{lang}.yaml"


def scripted_deck(lang: str) -> Deck:
    return load_deck(str(deck_path(lang)))


def at(hhmm: str, day: str = "2026-03-01") -> str:
    return f"{day}T{hhmm}:00+01:00"


def scripted_events(lang: str) -> list[Event]:
    deck = scripted_deck(lang)
    remark, amendment, police = TEXTS[lang]

    def vote(card: str, round_: Round, counts: tuple[int, ...], when: str) -> VoteRecorded:
        found = deck.card(card)
        spec = found.vote if found else deck.card("bancs").vote  # type: ignore[union-attr]
        return VoteRecorded(
            at=at(when),
            card=card,
            round=round_,
            method=spec.method.value,
            labels=spec.labels,
            counts=counts,
            rule="" if spec.method.value == "majority-judgment" else spec.rule.value,
            ungraded=spec.ungraded.value if found else "refuse",
        )

    return [
        SessionOpened(
            at=at("20:05"),
            deck_title=deck.title,
            deck_path=str(deck_path(lang)),
            deck_digest=deck.digest,
            language=lang,
            place=PLACES[lang],
            facilitator="Claire Martin",
            meeting=MEETINGS[lang],
        ),
        AttendanceSet(at=at("20:06"), count=40),
        CardShown(at=at("20:07"), card="jardin-partage"),
        vote("jardin-partage", IND, (20, 12, 5), "20:08"),
        TimerUsed(at=at("20:12"), card="jardin-partage", side="for", seconds=180),
        TimerUsed(at=at("20:15"), card="jardin-partage", side="against", seconds=150),
        TimerUsed(at=at("20:17"), card="jardin-partage", side="for", seconds=65),
        RemarkMade(at=at("20:18"), card="jardin-partage", text=remark),
        AmendmentProposed(at=at("20:20"), card="jardin-partage", text=amendment),
        AttendanceSet(at=at("20:25"), count=420),  # a 0 too many, mended at once
        AttendanceCorrected(at=at("20:26"), entry=1, count=42),
        vote("jardin-partage", FIN, (24, 10, 6), "20:30"),
        VoteCorrected(at=at("20:32"), card="jardin-partage", round=FIN, counts=(25, 10, 5)),
        CardShown(at=at("20:35"), card="boite-a-livres"),
        vote("boite-a-livres", FIN, (20, 10, 10), "20:45"),
        CardShown(at=at("20:50"), card="eclairage"),
        vote("eclairage", IND, (15, 15, 5), "20:52"),
        RemarkMade(at=at("20:58"), card="eclairage", text=police),
        vote("eclairage", FIN, (0, 0, 0), "21:10"),
        CardShown(at=at("21:15"), card="bancs"),
        vote("bancs", FIN, (6, 12, 10, 8, 4), "21:30"),
        CardShown(at=at("21:35"), card="parc-velos"),
        vote("parc-velos", FIN, (5, 9, 14, 9, 5), "21:40"),
        CardShown(at=at("21:50"), card="fontaine"),
        SessionClosed(at=at("22:10")),
    ]


def scripted_state(lang: str) -> SessionState:
    return replay(scripted_events(lang))


def write_journal(path: Path, events: list[Event]) -> Path:
    """A journal as the Session writes it: one event's JSON per line."""
    path.write_text("".join(e.to_json() + "\n" for e in events), encoding="utf-8")
    return path
