"""The two embedded decks: complete, parallel (same ids in the same order) and listed by
`debate decks` (tests/test_packaging.py checks they ship inside the wheel)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from debate.deck import DEFAULT_DECK, Deck, embedded_names, load_deck

ROOT = Path(__file__).resolve().parents[1]
EMBEDDED = ROOT / "debate" / "decks"
NAMES = {"desescalade-fr": "fr", "desescalade-en": "en"}
IDS = (
    "hors-reseau",
    "sobre-degafamisee",
    "service-public-humain",
    "emplois-pas-ia",
    "securite-sans-videosurveillance",
    "ecrans-publicitaires",
    "ecole-ouverte",
    "airbnbisation",
    "data-centers",
    "antennes-relais",
)


def deck(name: str) -> Deck:
    if not (EMBEDDED / f"{name}.yaml").is_file():
        pytest.skip(f"debate/decks/{name}.yaml is not written yet (another engineer's task)")
    return load_deck(name)


def test_the_default_deck_is_the_french_one() -> None:
    assert DEFAULT_DECK == "desescalade-fr"
    assert load_deck(None).language == "fr"


@pytest.mark.parametrize("name", sorted(NAMES))
def test_the_deck_loads_in_its_language_with_the_ten_measures(name: str) -> None:
    loaded = deck(name)
    assert loaded.language == NAMES[name]
    assert loaded.ids == IDS
    assert len(loaded.cards) == 10
    assert loaded.title and loaded.description and loaded.source


@pytest.mark.parametrize("name", sorted(NAMES))
def test_every_card_is_complete(name: str) -> None:
    for card in deck(name).cards:
        assert card.summary, card.id
        assert len(card.arguments) >= 3, card.id
        assert len(card.objections) >= 3, card.id
        assert 2 <= len(card.questions) <= 3, card.id
        assert any(s.url for s in card.sources), card.id
        assert all(s.url is None or s.url.startswith(("https://", "http://")) for s in card.sources)


def test_french_and_english_cards_match() -> None:
    fr, en = deck("desescalade-fr"), deck("desescalade-en")
    assert fr.ids == en.ids
    for a, b in zip(fr.cards, en.cards, strict=True):
        assert [s.url for s in a.sources] == [s.url for s in b.sources], a.id
        assert a.vote.method == b.vote.method and a.vote.rule == b.vote.rule, a.id
        # The same debate in both languages: who speaks first, how many items on each
        # side, which of them are answered and which are attributed.
        assert a.first == b.first, a.id
        for side in ("arguments", "objections"):
            ours, theirs = getattr(a, side), getattr(b, side)
            assert [(i.response is None, i.by is None) for i in ours] == [
                (i.response is None, i.by is None) for i in theirs
            ], (a.id, side)
    assert len(fr.glossary) and len(en.glossary) >= len(fr.glossary)
    assert [r.url for r in fr.references] == [r.url for r in en.references]
    assert fr.title != en.title  # translated, not copied


# The documents the cards cite short, with the exact titles their authors gave them.
EXACT_TITLES = (
    "Municipales : une dizaine d’associations proposent 10 mesures de « désescalade numérique »",
    "Entre la chaise et le clavier",
    "Organiser la désescalade numérique",
    "Désescalade numérique, ou 10 propositions de la société civile pour les municipales : "
    "comment cela résonne au TMNlab ?",
)


@pytest.mark.parametrize("name", ["desescalade-fr", "desescalade-en"])
def test_the_references_give_exact_titles_and_say_what_a_url_is(name: str) -> None:
    refs = deck(name).references
    # Typography aside (non-breaking spaces), the titles are the documents' own.
    titles = " ".join(r.title for r in refs).replace("\u00a0", " ")
    assert [t for t in EXACT_TITLES if t not in titles] == []
    for ref in refs:
        home_page = ref.url is not None and urlsplit(ref.url).path.strip("/") == ""
        # A bare home page, or no address at all, is said so to the reader.
        if home_page or ref.url is None:
            assert ref.note, ref.title
    # Every card's URL is one of the references'.
    urls = {r.url for r in refs}
    assert {s.url for c in deck(name).cards for s in c.sources} <= urls


def test_debate_decks_lists_both(tmp_path: Path) -> None:
    for name in NAMES:
        deck(name)
    done = subprocess.run(
        [sys.executable, "-m", "debate", "decks"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    rows = {line.split("\t")[0]: line.split("\t") for line in done.stdout.splitlines()}
    for name, language in NAMES.items():
        assert rows[name] == [name, language, load_deck(name).title, "10 cards"]
    assert set(NAMES) <= set(embedded_names())


def test_debate_decks_example_writes_a_deck_that_checks(tmp_path: Path) -> None:
    from debate.deck.loader import EXAMPLE_DECK

    target = tmp_path / "mon-deck.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "debate", "decks", "--example", "-o", str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert target.read_text("utf-8") == EXAMPLE_DECK.read_text("utf-8")
    assert load_deck(str(target)).cards  # a deck to start from, not a fragment
    # -o alone would silently print the list instead of writing anything.
    refused = subprocess.run(
        [sys.executable, "-m", "debate", "decks", "-o", str(tmp_path / "x.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2 and "--example" in refused.stderr
    assert not (tmp_path / "x.yaml").exists()
