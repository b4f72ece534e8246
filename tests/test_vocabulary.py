"""The shared words are spelled once, and every one of them reads in every language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from debate.i18n import WORDS
from debate.vocabulary import Method, Round, Rule

ROOT = Path(__file__).resolve().parents[1] / "debate"
VALUES = {str(v) for enum in (Method, Rule) for v in enum} | {
    "for-against-abstain",
    "refuse",
    "lowest",
}


@pytest.mark.parametrize("language", sorted(WORDS))
def test_every_method_rule_and_round_has_its_words(language: str) -> None:
    words = WORDS[language]
    for value in [*Rule, Method.MAJORITY_JUDGMENT]:
        assert f"rule_{value}" in words, (language, value)
    for round_ in Round:
        assert f"min_round_{round_}" in words, (language, round_)


def test_no_module_spells_a_method_rule_or_ungraded_value_itself() -> None:
    """The journal and the decks hold these strings: a second spelling is a second
    place to forget in a format change."""
    found = []
    for path in ROOT.rglob("*.py"):
        if path.name == "vocabulary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and node.value in VALUES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not found, found
