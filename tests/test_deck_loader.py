"""The deck loader on every valid form, its messages, and the `debate check` command."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from debate.deck import (
    DEFAULT_DECK,
    Argument,
    Card,
    Deck,
    DeckError,
    DeckNotFound,
    Method,
    Objection,
    Source,
    Ungraded,
    VoteSpec,
    load_deck,
    loader,
    parse_deck,
    resolve,
)
from debate.deck.loader import EXAMPLE_DECK
from debate.record.tally import Rule

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "deck-format.md"
EXEMPLE = EXAMPLE_DECK
CARD = '  - id: jardin\n    title: "Un jardin"\n    summary: "Un jardin partagé."\n'


def deck_text(head: str = "", cards: str = CARD, language: str = "fr") -> str:
    return f'title: "Budget"\nlanguage: {language}\n{head}cards:\n{cards}'


def load(text: str) -> Deck:
    return parse_deck(text.encode("utf-8"), "deck.yaml")


def problems(text: str | bytes) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(DeckError) as caught:
        parse_deck(data, "deck.yaml")
    return caught.value.lines()


def debate(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


# -- valid forms ---------------------------------------------------------------


def test_a_minimal_deck_takes_every_default() -> None:
    deck = load(deck_text())
    assert (deck.title, deck.language, deck.description, deck.source) == (
        "Budget",
        "fr",
        None,
        None,
    )
    assert deck.path == "deck.yaml"
    assert deck.cards == (Card(1, "jardin", "Un jardin", "Un jardin partagé.", vote=deck.vote),)
    assert deck.vote == VoteSpec(
        method=Method.FOR_AGAINST_ABSTAIN,
        choices=("Pour", "Contre", "Abstention"),
        grades=(),
        rule=Rule.MAJORITY_OF_CAST,
        ungraded=Ungraded.REFUSE,
    )
    assert deck.cards[0].first_url is None
    assert deck.ids == ("jardin",)
    assert deck.card("jardin") is deck.cards[0]
    assert deck.card("nope") is None


def test_the_digest_is_the_sha256_of_the_bytes() -> None:
    data = deck_text().encode("utf-8")
    assert parse_deck(data).digest == hashlib.sha256(data).hexdigest()
    assert parse_deck(data + b"# edited\n").digest != parse_deck(data).digest


def complete_example() -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## A complete example", 1)[1]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)[0]


def test_the_documented_complete_example_loads_with_every_key() -> None:
    deck = load(complete_example())
    assert deck.title == "Aménagements du centre-bourg"
    assert deck.language == "fr"
    assert deck.description == (
        "Trois propositions issues des réunions de quartier, présentées au conseil "
        "municipal ouvert du printemps."
    )
    assert deck.source == "https://example.org/centre-bourg"
    assert deck.vote == VoteSpec(
        Method.FOR_AGAINST_ABSTAIN,
        ("Pour", "Contre", "Abstention"),
        (),
        Rule.TWO_THIRDS_OF_CAST,
        Ungraded.LOWEST,
    )
    zone, bancs, salle = deck.cards
    assert [c.number for c in deck.cards] == [1, 2, 3]
    assert zone.summary == (
        "La commune limite la vitesse à 30 km/h dans tout le bourg.\n"
        "Les panneaux sont posés avant l'été."
    )
    assert deck.glossary == (
        ("PLU", "plan local d'urbanisme : où et comment on peut construire"),
        ("zone 30", "rue où la vitesse est limitée à 30 km/h"),
    )
    assert zone.first == "against" and bancs.first == "for"
    assert zone.arguments == (
        Argument(
            "Un piéton heurté à 30 km/h survit dans la plupart des cas.",
            "Sécurité routière, 2023",
            by="le comité de quartier",
        ),
        Argument(
            "Le bruit baisse de moitié.",
            response="Pas sur la départementale, qui reste à 50.",
        ),
    )
    assert zone.objections == (
        Objection(
            "Les livreurs perdront du temps.",
            "Réunion de quartier du 12 mars",
            "Le bourg fait 800 mètres : une minute de plus au plus.",
            "un commerçant",
        ),
    )
    assert zone.questions == ("Qui, ici, traverse la grand-rue à pied chaque jour ?",)
    assert zone.sources == (
        Source("Dossier de la mairie", "https://example.org/centre-bourg/zone-30"),
        Source("Compte rendu de la réunion de quartier"),
    )
    assert zone.first_url == "https://example.org/centre-bourg/zone-30"
    assert zone.vote == deck.vote
    # Overrides only the rule; inherits the rest.
    assert bancs.vote == dataclasses.replace(deck.vote, rule=Rule.MAJORITY_OF_CAST)
    # Switches method: its own grades and ungraded; the deck's rule and choices carry over.
    assert salle.vote == VoteSpec(
        Method.MAJORITY_JUDGMENT,
        ("Pour", "Contre", "Abstention"),
        ("Très bien", "Bien", "Passable", "À rejeter"),
        Rule.TWO_THIRDS_OF_CAST,
        Ungraded.REFUSE,
    )
    assert salle.vote.labels == ("Très bien", "Bien", "Passable", "À rejeter")


def test_the_documented_error_sample_is_what_check_prints() -> None:
    text = DOC.read_text(encoding="utf-8").split("For this deck", 1)[1]
    deck, printed = re.findall(r"```\n(.*?)```", text, re.S)[:2]
    assert problems(deck) == printed.splitlines()


def test_majority_judgment_with_ungraded_lowest() -> None:
    deck = load(
        deck_text(
            "vote:\n  method: majority-judgment\n  grades: [Bien, Passable, Insuffisant]\n"
            "  ungraded: lowest\n"
        )
    )
    vote = deck.cards[0].vote
    assert vote.method is Method.MAJORITY_JUDGMENT
    assert vote.grades == ("Bien", "Passable", "Insuffisant")
    assert vote.labels == vote.grades
    assert vote.ungraded is Ungraded.LOWEST


def test_a_card_overrides_some_keys_and_inherits_the_others() -> None:
    head = (
        "vote:\n  method: majority-judgment\n  grades: [Bien, Mal]\n  rule: majority-of-present\n"
    )
    cards = (
        CARD
        + '  - id: b\n    title: "B"\n    summary: "S"\n    vote:\n      ungraded: lowest\n'
        + '  - id: c\n    title: "C"\n    summary: "S"\n    vote:\n      grades: [Oui, Bof, Non]\n'
        + '  - id: d\n    title: "D"\n    summary: "S"\n'
        + "    vote:\n      method: for-against-abstain\n      choices: [Oui, Non, Blanc]\n"
    )
    a, b, c, d = load(deck_text(head, cards)).cards
    assert a.vote.grades == ("Bien", "Mal") and a.vote.ungraded is Ungraded.REFUSE
    assert b.vote == dataclasses.replace(a.vote, ungraded=Ungraded.LOWEST)
    assert c.vote == dataclasses.replace(a.vote, grades=("Oui", "Bof", "Non"))
    assert d.vote == VoteSpec(
        Method.FOR_AGAINST_ABSTAIN, ("Oui", "Non", "Blanc"), (), Rule.MAJORITY_OF_PRESENT
    )
    assert d.vote.labels == ("Oui", "Non", "Blanc")


@pytest.mark.parametrize(
    ("language", "choices"),
    [
        ("fr", ("Pour", "Contre", "Abstention")),
        ("fr-CA", ("Pour", "Contre", "Abstention")),
        ("FR", ("Pour", "Contre", "Abstention")),
        ("en", ("For", "Against", "Abstain")),
        ("en-GB", ("For", "Against", "Abstain")),
        ("de", ("For", "Against", "Abstain")),
        ("oc", ("For", "Against", "Abstain")),
    ],
)
def test_default_choice_labels_follow_the_language(language: str, choices: tuple[str, ...]) -> None:
    deck = load(deck_text(language=language))
    assert deck.language == language
    assert deck.vote.choices == choices
    assert deck.cards[0].vote.labels == choices


def test_written_choices_replace_the_defaults() -> None:
    deck = load(deck_text("vote:\n  choices: [Ja, Nein, Enthaltung]\n", language="de"))
    assert deck.cards[0].vote.labels == ("Ja", "Nein", "Enthaltung")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("1984", "1984"),
        ("3.10", "3.10"),
        ("0x1F", "0x1F"),
        ("1e3", "1e3"),
        ("yes", "yes"),
        ("false", "false"),
        ("2026-03-15", "2026-03-15"),
        (".inf", ".inf"),
        ("'null'", "null"),
        ('"~"', "~"),
        ("  Salle   des  fêtes  ", "Salle des fêtes"),
        ('"Débat\u00a0: oui"', "Débat\u00a0: oui"),  # French non-breaking space kept
    ],
)
def test_any_scalar_reads_as_the_text_written(written: str, read: str) -> None:
    deck = load(
        f"title: {written}\nlanguage: fr\ncards:\n  - id: {'2026'}\n"
        f"    title: {written}\n    summary: ok\n"
    )
    assert deck.title == read
    assert deck.cards[0].title == read
    assert deck.cards[0].id == "2026"


def test_folded_and_literal_block_scalars() -> None:
    cards = (
        "  - id: jardin\n"
        "    title: >-\n      Un jardin\n      partagé\n"
        "    summary: |\n      Première ligne.\n        En retrait.\n\n      Après un blanc.\n"
        "    questions:\n      - >\n        Qui arrosera\n        en été ?\n"
    )
    card = load(deck_text(cards=cards)).cards[0]
    assert card.title == "Un jardin partagé"
    assert card.summary == "Première ligne.\n  En retrait.\n\nAprès un blanc."
    assert card.questions == ("Qui arrosera en été ?",)


def test_tabs_and_newlines_inside_text_are_allowed() -> None:
    card = load(deck_text(cards=CARD.replace("Un jardin partagé.", "Un\\tjardin\\nà deux"))).cards[
        0
    ]
    assert card.summary == "Un\tjardin\nà deux"


def test_a_byte_order_mark_is_allowed_and_does_not_shift_columns() -> None:
    bom = "\ufeff".encode()
    assert parse_deck(bom + deck_text().encode("utf-8")).title == "Budget"
    bad = bom + b"titel: x\nlanguage: fr\ncards:\n" + CARD.encode("utf-8")
    assert (
        problems(bad)[0] == "deck.yaml:1:1: unknown key 'titel' in the deck; did you mean 'title'?"
    )


def test_windows_line_endings_load() -> None:
    deck = parse_deck(deck_text().replace("\n", "\r\n").encode("utf-8"))
    assert deck.cards[0].summary == "Un jardin partagé."


def test_anchors_and_aliases_within_budget_are_fine() -> None:
    cards = (
        CARD + "    sources: &dossier\n      - title: Dossier\n        url: https://example.org\n"
        '  - id: bancs\n    title: "Bancs"\n    summary: "S"\n    sources: *dossier\n'
    )
    jardin, bancs = load(deck_text(cards=cards)).cards
    assert jardin.sources == bancs.sources == (Source("Dossier", "https://example.org"),)


def test_card_numbers_follow_positions_and_ids_may_be_digits() -> None:
    cards = "".join(f"  - id: {i}-x\n    title: T{i}\n    summary: S\n" for i in (3, 1, 2))
    deck = load(deck_text(cards=cards))
    assert [(c.number, c.id) for c in deck.cards] == [(1, "3-x"), (2, "1-x"), (3, "2-x")]


def test_both_sides_take_by_and_response_alike() -> None:
    cards = CARD + (
        "    first: against\n"
        "    arguments:\n"
        '      - {text: "A", by: "le manifeste", response: "R-A", source: "S-A"}\n'
        "    objections:\n"
        '      - {text: "O", by: "un lecteur", response: "R-O"}\n'
    )
    [card] = load(deck_text(cards=cards)).cards
    assert card.first == "against"
    assert card.arguments == (Argument("A", "S-A", "R-A", "le manifeste"),)
    assert card.objections == (Objection("O", None, "R-O", "un lecteur"),)
    assert card.line == 4  # the line of its '- id:', for the messages of `debate check`


def test_the_glossary_keeps_the_order_written() -> None:
    head = 'glossary:\n  RLP: "règlement local de publicité"\n  2026: "l\'année des élections"\n'
    deck = load(deck_text(head))
    assert deck.glossary == (
        ("RLP", "règlement local de publicité"),
        ("2026", "l'année des élections"),
    )


def test_first_glossary_and_items_are_checked_with_their_place() -> None:
    head = "glossary:\n  PLU: ~\n  ENT: |\n    deux\n    lignes\n"
    cards = CARD + (
        "    first: contre\n"  # 9
        "    arguments:\n"  # 10
        "      - {text: A, by: [x], reponse: R}\n"  # 11
    )
    assert problems(deck_text(head, cards)) == [
        "deck.yaml:4:8: the deck 'glossary' 'PLU' is empty",
        "deck.yaml:5:8: the deck 'glossary' 'ENT' must be one line",
        "deck.yaml:12:12: card 1 'first' 'contre' is not one of for, against",
        "deck.yaml:14:23: card 1 'arguments' item 1 'by' must be text, not a list",
        "deck.yaml:14:28: unknown key 'reponse' in card 1 'arguments' item 1; "
        "did you mean 'response'?",
    ]
    assert problems(deck_text("glossary: [PLU]\n")) == [
        "deck.yaml:3:11: the deck 'glossary' must be a mapping of terms to one-line explanations"
    ]


# -- messages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("titel", "title"),
        ("langauge", "language"),
        ("card", "cards"),
        ("descripton", "description"),
    ],
)
def test_an_unknown_key_names_the_closest_known_key(wrong: str, right: str) -> None:
    assert problems(f"{wrong}: x\n" + deck_text()) == [
        f"deck.yaml:1:1: unknown key {wrong!r} in the deck; did you mean {right!r}?"
    ]


def test_unknown_keys_in_cards_and_votes_name_the_closest_key() -> None:
    cards = CARD + "    argument:\n      - text: x\n    vote:\n      rules: majority-of-cast\n"
    assert problems(deck_text(cards=cards)) == [
        "deck.yaml:7:5: unknown key 'argument' in card 1; did you mean 'arguments'?",
        "deck.yaml:10:7: unknown key 'rules' in card 1's vote; did you mean 'rule'?",
    ]


def test_every_problem_is_reported_in_file_order() -> None:
    text = (
        "language: klingon-language-tag\n"  # 1
        "vote:\n"  # 2
        "  method: majority-judgment\n"  # 3
        "  choices: [Oui, Non]\n"  # 4
        "cards:\n"  # 5
        "  - id: a\n"  # 6
        "    title: A\n"  # 7
        "    summary: S\n"  # 8
        "    objections:\n"  # 9
        "      - response: R\n"  # 10
        "  - id: a\n"  # 11
        "    title: B\n"  # 12
        "    summary: S\n"  # 13
        "    sources: https://example.org\n"  # 14
        "    questions: [Q, ~]\n"  # 15
    )
    assert problems(text) == [
        "deck.yaml:1:1: the deck is missing 'title:'",
        "deck.yaml:1:11: the deck 'language' must be a language tag such as fr or en, "
        "not 'klingon-language-tag'",
        "deck.yaml:4:12: the deck's vote 'choices' needs exactly 3 labels: for, against, abstain",
        "deck.yaml:10:9: card 1 'objections' item 1 is missing 'text:'",
        "deck.yaml:11:5: card 2 repeats the id 'a' of card 1",
        "deck.yaml:14:14: card 2 'sources' must be a list (lines starting with '- ')",
        "deck.yaml:15:20: card 2 'questions' item 2 is empty",
    ]


def test_structural_refusals_come_first_and_together() -> None:
    text = deck_text("source: !!binary aGVsbG8=\ndescription: a\ndescription: b\n")
    assert problems(text) == [
        "deck.yaml:3:9: YAML tag 'tag:yaml.org,2002:binary' is not allowed in a deck",
        "deck.yaml:5:1: duplicate key 'description' (first on line 4)",
    ]


def test_a_deck_error_carries_its_problems() -> None:
    with pytest.raises(DeckError) as caught:
        parse_deck(b"title: x\n", "here.yaml")
    error = caught.value
    assert error.path == "here.yaml"
    assert [(p.line, p.column) for p in error.problems] == [(1, 1), (1, 1)]
    assert str(error) == "\n".join(error.lines())


def test_a_huge_file_is_refused_by_load_deck_without_parsing(tmp_path: Path) -> None:
    deck = tmp_path / "huge.yaml"
    deck.write_bytes(b"\0" * 6_000_000)  # NUL bytes: refused as binary if it were read whole
    with pytest.raises(DeckError) as caught:
        load_deck(str(deck))
    assert caught.value.lines() == [
        f"{deck}:1:1: file is 6,000,000 bytes; a deck is at most 5,000,000 bytes"
    ]


# -- finding decks -------------------------------------------------------------


def test_decks_resolve_by_path_or_embedded_name(tmp_path: Path) -> None:
    assert load_deck(str(EXEMPLE)).path == str(EXEMPLE)
    assert resolve(None).name == f"{DEFAULT_DECK}.yaml"
    assert load_deck(DEFAULT_DECK).path == DEFAULT_DECK
    with pytest.raises(DeckNotFound, match="no such file"):
        load_deck(str(tmp_path / "missing.yaml"))
    with pytest.raises(DeckNotFound, match="not a file"):
        load_deck(str(tmp_path))


# -- the model is frozen -------------------------------------------------------


def test_the_model_is_frozen() -> None:
    deck = load_deck(str(EXEMPLE))
    card = deck.cards[0]
    for thing, field in [
        (deck, "title"),
        (deck, "cards"),
        (card, "title"),
        (card, "vote"),
        (card.vote, "method"),
        (card.arguments[0], "text"),
        (card.objections[0], "response"),
        (card.sources[0], "url"),
    ]:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(thing, field, "changed")
    assert isinstance(deck.cards, tuple)
    assert isinstance(card.arguments, tuple) and isinstance(card.vote.choices, tuple)


# -- debate check --------------------------------------------------------------


def test_check_with_no_argument_checks_the_default_deck(tmp_path: Path) -> None:
    done = debate("check", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    line, *warnings = done.stdout.splitlines()
    assert re.fullmatch(r".*desescalade-fr\.yaml: ok: '.+', 10 cards(, \d+ warnings?)?", line)
    assert all(": warning: " in w for w in warnings), warnings


def test_check_a_missing_file_exits_2(tmp_path: Path) -> None:
    done = debate("check", "nope.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("debate: nope.yaml: no such file")
    assert len(done.stderr.splitlines()) == 1


def test_check_a_directory_exits_2(tmp_path: Path) -> None:
    done = debate("check", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"debate: {tmp_path}: not a file\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_deck_swapped_for_a_fifo_after_the_check_is_refused_without_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The name checked (a regular file) and the one opened (a FIFO, with no writer: a
    # blocking open would never return) differ, as when a file is swapped in between.
    checked, fifo = tmp_path / "deck.yaml", tmp_path / "fifo.yaml"
    checked.write_text(deck_text(), encoding="utf-8")
    os.mkfifo(fifo)
    monkeypatch.setattr(loader, "resolve", lambda spec: fifo)
    with pytest.raises(DeckNotFound, match="not a file"):
        load_deck(str(checked))


def test_check_a_fifo_exits_2_without_reading_it(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(tmp_path / "fifo.yaml")
    done = debate("check", "fifo.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "debate: fifo.yaml: not a file\n"


def test_check_several_decks_mixes_ok_and_problem_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(deck_text().replace("title:", "titel:", 1), encoding="utf-8")
    done = debate("check", str(EXEMPLE), str(bad), "desescalade-fr", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == ""
    # Warnings (tests/test_check_balance.py) aside, and their count on the ok line.
    lines = [re.sub(r", \d+ warnings?$", "", line) for line in done.stdout.splitlines()]
    assert [line for line in lines if ": warning: " not in line] == [
        f"{EXEMPLE}: ok: 'Budget participatif 2026', 3 cards",
        f"{bad}:1:1: unknown key 'titel' in the deck; did you mean 'title'?",
        f"{bad}:1:1: the deck is missing 'title:'",
        "desescalade-fr: ok: '10 propositions pour une désescalade numérique', 10 cards",
    ]


def test_check_a_missing_file_among_others_exits_2_and_checks_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\n", encoding="utf-8")
    done = debate("check", str(bad), "nope.yaml", str(EXEMPLE), cwd=tmp_path)
    assert done.returncode == 2
    ok = [line for line in done.stdout.splitlines() if ": ok: " in line]
    assert ok == [f"{EXEMPLE}: ok: 'Budget participatif 2026', 3 cards, 2 warnings"]
    assert done.stderr.startswith("debate: nope.yaml: no such file")


def test_check_never_imports_textual() -> None:
    probe = (
        "import sys\n"
        "from debate.cli import main\n"
        f"code = main(['check', {str(EXEMPLE)!r}, 'no-such-deck'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
        "print(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    *_, loaded, code = done.stdout.splitlines()
    assert loaded == "[]"
    assert code == "2"
    assert "ok: 'Budget participatif 2026'" in done.stdout


def test_check_counts_one_card_in_the_singular(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    one.write_text('title: "Un"\nlanguage: fr\ncards:\n  - {id: a, title: A, summary: s}\n')
    done = debate("check", str(one), cwd=tmp_path)
    assert done.stdout == f"{one}: ok: 'Un', 1 card\n"
