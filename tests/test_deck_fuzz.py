"""Whatever bytes a deck file holds, the loader answers with a deck or a DeckError whose
every line is FILE:LINE:COLUMN: message. Never another exception, never a crash."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from debate.deck import Deck, DeckError, parse_deck
from debate.deck.loader import EXAMPLE_DECK

EXEMPLE = EXAMPLE_DECK.read_text(encoding="utf-8")
LINE = re.compile(r"fuzz\.yaml:(\d+):(\d+): \S.*")
# Characters that carry meaning in YAML, so that random text often reaches the parser's
# and the checker's corners rather than failing on the first character.
YAML_ALPHABET = st.sampled_from(
    [*" \n\t-:?,[]{}#&*!|>'\"%@`~\\", "title", "cards", "id", "vote", "<<", "---", "é", "\ufeff"]
)
BREAKS = (b"\n", b"\r", "\u0085".encode(), "\u2028".encode(), "\u2029".encode())


def check(data: bytes) -> None:
    """The property: a Deck, or a DeckError of well-formed, well-placed lines."""
    try:
        deck = parse_deck(data, "fuzz.yaml")
    except DeckError as error:
        assert error.lines(), "a DeckError with no problem in it"
        lines_in_file = 1 + sum(data.count(b) for b in BREAKS)
        for line in error.lines():
            assert "\n" not in line
            shape = LINE.fullmatch(line)
            assert shape, line
            number, column = int(shape[1]), int(shape[2])
            assert 1 <= number <= lines_in_file + 1, line
            assert column >= 1, line
    else:
        assert isinstance(deck, Deck) and deck.cards


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
@example("")
@example("\ud800")
@example("[" * 100)
@example("&a [*a]")
@example("a: !!python/object/apply:os.system ['true']")
def test_arbitrary_text(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(st.lists(YAML_ALPHABET, max_size=80).map("".join))
def test_yaml_like_text(text: str) -> None:
    check(text.encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.binary())
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example("titre: é".encode("latin-1"))
def test_arbitrary_bytes(data: bytes) -> None:
    check(data)


@st.composite
def mutated_exemple(draw: st.DrawFn) -> str:
    """The example deck with some lines deleted, duplicated, swapped or cut short."""
    lines = EXEMPLE.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "".join(lines)


@settings(max_examples=300, deadline=None)
@given(mutated_exemple())
def test_mutated_valid_deck(text: str) -> None:
    check(text.encode("utf-8"))


def test_the_unmutated_example_loads() -> None:
    # The mutations start from a deck that loads, so their failures come from the mutation.
    assert len(parse_deck(EXEMPLE.encode("utf-8"), "fuzz.yaml").cards) == 3
