"""Every bad deck in tests/decks/bad/ is refused by `debate check` with the expected lines.

Each deck runs in its own process, as a facilitator would run it, under a 1 GiB address-space
limit: an alias bomb or deep nesting must be refused by the loader, not by the machine.
What each file must print is in tests/decks/bad/EXPECTED.txt.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from french_check import assert_french

BAD = Path(__file__).parent / "decks" / "bad"
MEMORY_LIMIT = 1 << 30  # bytes of address space for the checking process
OK_CARD = '  - id: jardin\n    title: "Un jardin"\n    summary: "Un jardin partagé."\n'


def expectations() -> dict[str, list[tuple[str, str]]]:
    """File name -> [(LINE:COLUMN, message fragment)], in the order they must be printed."""
    rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in (BAD / "EXPECTED.txt").read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            name, expected = row.split("\t")
            place, fragment = expected.split(": ", 1)
            rows[name].append((place, fragment))
    return dict(rows)


EXPECTED = expectations()


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


# `python -m debate` with PyYAML's C loader taken away, as on a PyYAML built without libyaml.
WITHOUT_LIBYAML = (
    "import sys, runpy, yaml; del yaml.CSafeLoader; sys.argv[0] = 'debate'; "
    "runpy.run_module('debate', run_name='__main__')"
)


def check(
    path: Path, cwd: Path, *, libyaml: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    start = ["-m", "debate"] if libyaml else ["-c", WITHOUT_LIBYAML]
    return subprocess.run(
        [sys.executable, *start, "check", str(path)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=limit_memory,
        check=False,
    )


def assert_refused(
    path: Path, expected: list[tuple[str, str]], cwd: Path, *, libyaml: bool = True
) -> None:
    done = check(path, cwd, libyaml=libyaml)
    assert "Traceback" not in done.stderr
    assert done.stderr == ""
    assert done.returncode == 1, done.stdout
    printed = done.stdout.splitlines()
    assert len(printed) == len(expected), printed
    for line, (place, fragment) in zip(printed, expected, strict=True):
        assert line.startswith(f"{path}:{place}: "), line
        assert fragment in line.removeprefix(f"{path}:{place}: "), line


def test_the_corpus_and_its_expectations_match() -> None:
    files = sorted(p.name for p in BAD.glob("*.yaml"))
    assert len(files) >= 30
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_deck_is_refused_with_its_place(name: str, tmp_path: Path) -> None:
    assert_refused(BAD / name, EXPECTED[name], tmp_path)


def french_system() -> dict[str, str]:
    drop = ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
    return {k: v for k, v in os.environ.items() if k not in drop} | {"LANG": "fr_FR.UTF-8"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_french_system_reads_each_problem_in_french_at_its_place(
    name: str, tmp_path: Path
) -> None:
    """Issue 15: a French facilitator's `debate check` says the same problems, at the same
    FILE:LINE:COLUMN, one line each, in French; no traceback, no English."""
    path = BAD / name
    done = check(path, tmp_path, env=french_system())
    assert "Traceback" not in done.stderr and done.stderr == ""
    assert done.returncode == 1, done.stdout
    printed = done.stdout.splitlines()
    assert len(printed) == len(EXPECTED[name]), printed
    for line, (place, _english) in zip(printed, EXPECTED[name], strict=True):
        assert line.startswith(f"{path}:{place}: "), line
        assert_french(line.removeprefix(f"{path}:{place}: "), ("check", name))


@pytest.mark.parametrize("name", sorted(EXPECTED)[::10])
def test_the_french_check_catches_the_same_problems_in_english(name: str, tmp_path: Path) -> None:
    """The control: on an English system the same lines are caught as English."""
    english = french_system() | {"LANG": "en_GB.UTF-8"}
    path = BAD / name
    for line, (place, _) in zip(
        check(path, tmp_path, env=english).stdout.splitlines(), EXPECTED[name], strict=True
    ):
        with pytest.raises(AssertionError):
            assert_french(line.removeprefix(f"{path}:{place}: "), ("check", name))


def test_a_python_tag_is_reported_never_run(tmp_path: Path) -> None:
    deck = BAD / "python-object-tag.yaml"
    assert_refused(deck, EXPECTED[deck.name], tmp_path)
    assert not (tmp_path / "MARKER").exists()


def test_the_python_tag_deck_is_a_real_exploit(tmp_path: Path) -> None:
    # The control: an unsafe loader does run the tag (here, harmlessly, `touch MARKER` in a
    # scratch folder). So the absence of MARKER above proves the loader is safe.
    unsafe = "import sys, yaml; yaml.unsafe_load(open(sys.argv[1], encoding='utf-8'))"
    deck = BAD / "python-object-tag.yaml"
    subprocess.run([sys.executable, "-c", unsafe, str(deck)], cwd=tmp_path, check=True)
    assert (tmp_path / "MARKER").exists()


def test_the_alias_bomb_would_be_huge_expanded() -> None:
    # Count what a loader that expands aliases would build, sharing the counts per node
    # (the composed tree reuses one node per anchor, so this stays small).
    root = yaml.compose((BAD / "alias-bomb.yaml").read_text(encoding="utf-8"), yaml.SafeLoader)
    sizes: dict[int, int] = {}

    def expanded(node: yaml.Node) -> int:
        if id(node) not in sizes:
            children = node.value if isinstance(node, yaml.SequenceNode) else []
            if isinstance(node, yaml.MappingNode):
                children = [part for pair in node.value for part in pair]
            sizes[id(node)] = 1 + sum(expanded(child) for child in children)
        return sizes[id(node)]

    assert expanded(root) > 10**10


def test_a_file_over_5_mb_is_refused_unread(tmp_path: Path) -> None:
    deck = tmp_path / "huge.yaml"
    filler = "# " + "x" * 98 + "\n"
    deck.write_text('title: "Budget"\nlanguage: fr\ncards:\n' + OK_CARD + filler * 60_000)
    size = deck.stat().st_size
    assert size > 5_000_000
    assert_refused(
        deck, [("1:1", f"file is {size:,} bytes; a deck is at most 5,000,000")], tmp_path
    )


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize("levels", [1_500, 200_000])
def test_nesting_deep_enough_to_crash_libyaml_is_refused(
    tmp_path: Path, levels: int, libyaml: bool
) -> None:
    # libyaml 0.2.5's composer recurses in C: 200,000 open brackets overflowed its stack
    # (SIGSEGV); later releases refuse 1,000 levels in their own words, far ahead of the
    # 21st. Either way the deck writer reads debate's message, at the 21st level.
    deck = tmp_path / "deep.yaml"
    deck.write_text('title: "Budget"\ndescription: ' + "[" * levels + "]" * levels + "\n")
    assert_refused(deck, [("2:33", "nested more than 20 levels deep")], tmp_path, libyaml=libyaml)


def test_the_pure_python_path_really_runs_without_libyaml(tmp_path: Path) -> None:
    # The control for the test above: the prelude does take libyaml away.
    probe = WITHOUT_LIBYAML.replace("runpy.run_module('debate', run_name='__main__')", "")
    probe += "import debate.deck.yamlsafe as y; print(y._Loader.__name__)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "SafeLoader"


def test_a_deck_within_the_limits_loads(tmp_path: Path) -> None:
    # The limits refuse attacks, not decks: an anchor reused by every card, and 4 MB of
    # comments, are fine.
    first = (
        '  - id: c0\n    title: "T"\n    summary: "S"\n    sources: &sources\n'
        '      - title: "Dossier"\n        url: https://example.org\n'
    )
    others = "".join(
        f'  - id: c{i}\n    title: "T"\n    summary: "S"\n    sources: *sources\n'
        for i in range(1, 200)
    )
    deck = tmp_path / "fine.yaml"
    deck.write_text(
        'title: "Budget"\nlanguage: fr\ncards:\n' + first + others + ("#" * 99 + "\n") * 40_000
    )
    done = check(deck, tmp_path)
    assert done.returncode == 0, done.stdout
    assert done.stdout == f"{deck}: ok: 'Budget', 200 cards\n"


def test_a_deck_of_100000_cards_names_the_limit_it_hit(tmp_path: Path) -> None:
    # Valid, but over the limit on values: refused before composing (which took seconds
    # and hundreds of MB), and not called an alias bomb, since it holds no alias.
    deck = tmp_path / "huge.yaml"
    cards = "".join(f"- id: c{i}\n  title: T\n  summary: S\n" for i in range(100_000))
    deck.write_text('title: "B"\nlanguage: fr\ncards:\n' + cards)
    done = check(deck, tmp_path)
    assert done.returncode == 1
    (line,) = done.stdout.splitlines()
    assert line.startswith(f"{deck}:")
    assert "more than 200,000 values (keys, texts, list items): a deck holds at most" in line
    assert "alias" not in line


def test_balanced_bidi_controls_and_visible_text_are_fine(tmp_path: Path) -> None:
    deck = tmp_path / "bidi.yaml"
    deck.write_text(
        'title: "Budget \\u2067مرحبا\\u2069 2026"\nlanguage: fr\ncards:\n'
        '  - id: jardin\n    title: "\\u200bUn jardin"\n    summary: "Un \\u202bjardin\\u202c."\n',
        encoding="utf-8",
    )
    done = check(deck, tmp_path)
    assert done.returncode == 0, done.stdout
    assert done.stdout.startswith(f"{deck}: ok: ")


@pytest.mark.parametrize("name", ["", "  "])
def test_check_of_an_empty_name_is_not_the_default_deck(name: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "debate", "check", name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"debate: {name!r}: an empty deck name; give a deck file")


def test_a_superscript_attendance_is_refused_in_plain_words(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "debate", "--attendance", "²", "--place", "Mairie"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "debate run: error: argument --attendance: '²' is not a whole number >= 0"
    )
    assert "_count" not in done.stderr
