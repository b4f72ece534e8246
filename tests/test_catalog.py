"""The one catalog of words (debate/i18n.py's WORDS, tables in debate/words_*.py).

mypy already rejects a table missing a key of its TypedDict, an extra key, and a
literal `t["unknown"]`; these tests say the same at run time (parity), and that no key
is dead: each is read somewhere in debate/, as a string literal, or through one of the
few keys built at run time listed in BUILT below.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

import debate
from debate.i18n import COUNTABLE, LANGS, WORDS, Words, built, counted, language_of, words_for
from debate.vocabulary import Method, Outcome, Round, Rule

SOURCE = Path(debate.__file__).parent

RULES = [r.value for r in Rule]
ROUNDS = [r.value for r in Round]
OUTCOMES = [o.value for o in Outcome]
LEANS = ["adopted", "rejected", "tie"]  # the outcomes an indicative round words apart

# Keys built at run time, which no grep finds: pattern -> the values filled in.
BUILT: dict[str, list[str]] = {
    # card_section.round_part and merge: a round's rule; majority judgment names its method.
    "rule_{}": [*RULES, Method.MAJORITY_JUDGMENT.value],
    # The minutes' heading of a round, and the ranking's and the merge's round names.
    "min_round_{}": ROUNDS,
    "round_{}": ROUNDS,
    # Why cards cannot be ranked (majority.CannotRank.reason).
    "rank_{}": ["grades", "totals", "nothing"],
    # card_section.lean: the outcome in full and in short, an indicative round apart.
    "outcome_{}": OUTCOMES,
    "outcome_ind_{}": LEANS,
    "short_{}": OUTCOMES,
    "short_ind_{}": LEANS,
    # render.outcome_word's outcome word; vote.py's round name, t[self.round.value] (which
    # mypy checks: it knows Round's values, but a grep for "final" finds only Round's own).
    "{}": [*OUTCOMES, *ROUNDS],
    "lean_{}": LEANS,
    # The results slide's rule, shorter than the minutes'.
    "scr_rule_{}": RULES,
    # Why Enter does not resume a meeting (catalog.SessionInfo.freshness).
    "resume_{}": ["old", "future", "undated"],
    # i18n.counted: the singular twin of each countable sentence.
    "{}_one": list(COUNTABLE),
}


def python_files() -> Iterable[tuple[Path, ast.Module]]:
    for path in sorted(SOURCE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _is_table(node: ast.AST) -> bool:
    """The tables and their TypedDicts, whose keys are not readings of them."""
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id in {"WORDS", "ENGLISH", "FRENCH"}  # i18n, words_en, words_fr
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
        return isinstance(node.value.func, ast.Name) and node.value.func.id == "TypedDict"
    return False


def literals() -> set[str]:
    """Every string constant in debate/, outside the tables themselves."""
    found: set[str] = set()
    for _, tree in python_files():
        skipped = {id(n) for top in tree.body if _is_table(top) for n in ast.walk(top)}
        found |= {
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skipped
        }
    return found


def _pattern(arg: ast.expr) -> str | None:
    """f"rule_{rule}" or "min_" + side -> "rule_{}", "min_{}"; None for a plain name."""
    if isinstance(arg, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in arg.values)
    if isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant):
        return f"{arg.left.value}{{}}"
    return None


def test_every_language_gives_every_key() -> None:
    assert sorted(WORDS) == sorted(LANGS)
    assert Words.__optional_keys__ == frozenset()  # total: no language may leave one out
    for lang in LANGS:
        assert set(WORDS[lang]) == set(Words.__required_keys__), lang
        assert WORDS[lang]["lang"] == lang
        assert all(isinstance(word, str) for word in WORDS[lang].values())


def test_every_language_fills_the_same_fields() -> None:
    """A French sentence asks for what its English one does ("{Round}" may capitalise)."""

    def fields(word: str) -> set[str]:
        return {f.lower() for _, f, _, _ in string.Formatter().parse(word) if f is not None}

    for key, english in WORDS["en"].items():
        for lang in LANGS:
            assert fields(built(WORDS[lang], key)) == fields(english), (lang, key)


SPOKEN = [("fr-CA", "fr"), ("FR", "fr"), ("en", "en"), ("de", "en")]


@pytest.mark.parametrize(("tag", "lang"), SPOKEN)
def test_a_language_not_spoken_gets_english(tag: str, lang: str) -> None:
    assert language_of(tag) == lang
    assert words_for(tag) == WORDS[lang]


def test_a_caller_cannot_change_the_shared_table() -> None:
    t = words_for("fr")
    t["card"] = "changed"
    assert WORDS["fr"]["card"] == "Fiche"


def test_a_screen_and_the_minutes_say_each_thing_their_way() -> None:
    """The few things a screen says shorter than paper have their own key (`scr_`)."""
    for lang in LANGS:
        t = WORDS[lang]
        for rule in RULES:
            assert built(t, f"scr_rule_{rule}") != built(t, f"rule_{rule}"), (lang, rule)
        assert t["scr_qr_too_long"] != t["qr_too_long"], lang


def test_every_countable_sentence_has_its_singular() -> None:
    for lang in LANGS:
        t = words_for(lang)
        for key in COUNTABLE:
            assert counted(t, key, 1) == built(t, f"{key}_one")
            assert counted(t, key, 2) == t[key]


def test_a_key_built_at_run_time_is_always_there() -> None:
    for pattern, values in BUILT.items():
        for lang in LANGS:
            for value in values:
                assert pattern.format(value) in WORDS[lang], (lang, pattern, value)


def test_every_key_is_read_somewhere() -> None:
    made = {pattern.format(v) for pattern, values in BUILT.items() for v in values}
    dead = sorted(set(WORDS["en"]) - literals() - made)
    assert not dead, f"keys read nowhere in debate/: {dead}"


def test_every_key_built_at_run_time_is_listed() -> None:
    """A new built(t, f"prefix_{x}") must be added to BUILT, with its values."""
    listed = set(BUILT)
    built_here: dict[str, str] = {}
    for path, tree in python_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "built":
                pattern = _pattern(node.args[1]) if len(node.args) > 1 else None
                if pattern is not None:
                    built_here[pattern] = f"{path.relative_to(SOURCE)}:{node.lineno}"
    assert built_here, "no built() call found: has it been renamed?"
    assert {p: w for p, w in built_here.items() if p not in listed} == {}


def test_built_refuses_an_unknown_key() -> None:
    table: Mapping[str, object] = WORDS["en"]
    with pytest.raises(KeyError):
        built(table, "rule_unknown")
    assert built(table, "rule_unknown", "unknown") == "unknown"


def test_no_function_takes_its_words_as_a_plain_dict() -> None:
    """Words travel as `Words`, so mypy checks every key read from them."""
    plain = {"dict[str, str]", "Mapping[str, str]", "dict[str, object]", "Any"}
    found = []
    for path, tree in python_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                named = [(a.arg, a.annotation) for a in node.args.args + node.args.kwonlyargs]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                named = [(node.target.id, node.annotation)]
            else:
                continue
            found += [
                f"{path.relative_to(SOURCE)}:{node.lineno}: {name}: {ast.unparse(annotation)}"
                for name, annotation in named
                if name in {"t", "words"} and annotation and ast.unparse(annotation) in plain
            ]
    assert found == []
