"""What a secretary needs to file the minutes in the commune's register without
retyping them, and the one section model the printed and the Markdown minutes share."""

from __future__ import annotations

import re

import pytest
from qrdecode import decode_half_blocks
from scripted_session import at, scripted_deck, scripted_events, scripted_state

from debate.record.events import AttendanceSet, SessionClosed
from debate.record.markdown import to_markdown
from debate.record.minutes import FORM_FEED, render_minutes
from debate.record.results import build_results
from debate.record.section_kinds import (
    CardSection,
    Codes,
    Header,
    NotDebated,
    RankingSection,
    ResultsTable,
    Signatures,
)
from debate.record.sections import minutes_sections
from debate.record.state import replay


def flat(text: str) -> str:
    """The text with its line wrapping and indents undone: a phrase wrapped over two
    lines is still found."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def unescaped(markdown: str) -> str:
    return flat(re.sub(r"\\(.)", r"\1", markdown))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_card_has_its_full_title_and_proposal(lang: str) -> None:
    deck = scripted_deck(lang)
    minutes = render_minutes(scripted_state(lang), deck)
    text = flat(minutes)
    # The table's card column, read down: each title in full, wrapped in its column.
    start = minutes.index({"fr": "Tableau des résultats", "en": "Results\n"}[lang])
    table = minutes[start : minutes.index("Signatures")].splitlines()[3:]
    column = flat(" ".join(line[:26] for line in table))
    summary = {"fr": "Proposition : ", "en": "Proposal: "}[lang]
    for card in deck.cards:
        assert f"{card.number} · {card.title}" in text
        voted = card.id not in ("marche", "fontaine")
        assert (f"{card.number} · {card.title}" in column) == voted
        assert summary + card.summary in text
    assert "…" not in minutes


def test_cards_never_shown_are_listed_as_not_debated() -> None:
    text = render_minutes(scripted_state("fr"), scripted_deck("fr"))
    section = text[text.index("Fiches non débattues") :]
    assert section.splitlines()[2] == "  - Fiche 6 · Un marché de producteurs le samedi matin"
    # Shown without a vote is not "not debated": the fountain was presented.
    assert "fontaine" not in section and "Remettre la fontaine" not in section.split("\n\n")[0]
    assert "Présentée, sans vote." in text
    # Without the deck nobody knows which cards were left out: no such section.
    assert "non débattues" not in render_minutes(scripted_state("fr"), None)


def test_the_minutes_end_with_a_signature_block_before_the_code_page() -> None:
    text = render_minutes(scripted_state("fr"), scripted_deck("fr"))
    before_code = text.split(f"\n{FORM_FEED}\n")[0]
    block = before_code[before_code.rindex("Signatures") :].splitlines()
    assert block[2].split() == ["Animation", "Secrétaire", "de", "séance"]
    assert block[3].startswith("Claire Martin") and "Nom : ...." in block[3]
    assert block[-1].split() == ["Signature", ":", "Signature", ":"]
    assert all(not line.strip() for line in block[4:-1])  # room to sign


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_developer_file_is_named_and_the_code_is_explained(lang: str) -> None:
    text = render_minutes(scripted_state(lang), scripted_deck(lang))
    assert "docs/" not in text and ".md" not in text and "format" not in text
    page = text.split(FORM_FEED)[-1]
    explains = {"fr": "Ce code reprend les résultats ci-dessus", "en": "This code holds"}
    assert explains[lang] in page


def test_the_date_is_written_out_and_attendance_gives_largest_and_final() -> None:
    events = scripted_events("fr")
    events[-1:-1] = [AttendanceSet(at=at("21:55"), count=28)]  # people left before the end
    text = render_minutes(replay(events), scripted_deck("fr"))
    # The header's labels line up on its longest, "Corrections" (an attendance mended).
    assert "Date :        dimanche 1er mars 2026\n" in text
    assert "Présence :    42 présents au plus, 28 à la fin\n" in text
    assert "              à 21:55 : 28\n" in text
    english = render_minutes(replay([*scripted_events("en")[:-1], SessionClosed()]), None)
    assert "Attendance:  42 present\n" in english


# -- one section model for paper and Markdown ---------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_text_and_markdown_say_every_section_the_same(lang: str) -> None:
    """Every phrase of every section is in both renderings: they are drawn from the same
    list of sections and cannot drift apart."""
    results = build_results(scripted_state(lang), scripted_deck(lang))
    sections = minutes_sections(results)
    kinds = {type(s) for s in sections}
    every = {Header, CardSection, NotDebated, RankingSection, ResultsTable, Signatures, Codes}
    assert every <= kinds
    text = flat(render_minutes(scripted_state(lang), scripted_deck(lang)))
    markdown = unescaped(to_markdown(results))
    for section in sections:
        phrases = [p for p in _phrases(section) if p]
        assert phrases
        for phrase in phrases:
            assert flat(phrase) in text, phrase
            assert flat(phrase) in markdown, phrase
    # The codes' texts: drawn as a QR code on paper, written out in Markdown.
    (codes,) = [s for s in sections if isinstance(s, Codes)]
    printed = render_minutes(scripted_state(lang), scripted_deck(lang)).splitlines()
    assert decode_half_blocks(printed) == list(codes.texts)
    assert all(f"```text\n{code}\n```" in to_markdown(results) for code in codes.texts)


def _phrases(section: object) -> list[str]:
    """The strings a section holds (headings, labels, values, rows), walked generically so
    that a new field is checked without changing this test; the codes' texts aside."""
    if isinstance(section, str):
        return [section]
    if isinstance(section, tuple):
        return [p for item in section for p in _phrases(item)]
    if hasattr(section, "__dataclass_fields__"):
        skip = ("texts", "too_long")
        fields = [name for name in section.__dataclass_fields__ if name not in skip]
        return [p for name in fields for p in _phrases(getattr(section, name))]
    return []
