"""A French facilitator reads no English on the command line: help, usage, argparse's own
errors, the commands' messages and the domain's errors (issue 15; issue 13, item 4).

Each command runs in-process with LANG=fr_FR.UTF-8, and what it prints is searched for
the English of every phrase in the catalogs (debate/cli_words.py, argparse_words.py,
error_words.py) and for English words that French never uses: a phrase left out of a
catalog, or printed around it, fails here.
"""

from __future__ import annotations

import ctypes
import os
import re
import string
import sys
import types
from dataclasses import replace
from pathlib import Path

import pytest
from french_check import assert_french, catalog
from scripted_session import scripted_events, write_journal

from debate import cli_lang
from debate.cli import COMMANDS, main
from debate.platform import system_language

GOLDEN = Path(__file__).parent / "golden"
BALANCE = Path(__file__).parent / "decks" / "balance"
BALANCE_DECKS = ("unequal-count", "one-sided", "long-page", "last-word")


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str]:
    try:
        code = main(list(words))
    except SystemExit as exc:  # argparse: --help, usage errors
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out + out.err


def rehearsed(tmp: Path) -> tuple[Path, str, str]:
    """A folder of the evening's meeting and the afternoon's rehearsal: their ids."""
    folder = tmp / "rehearsed"
    folder.mkdir()
    first, *rest = scripted_events("fr")
    real, tried = "2026-03-01-2005-salle-a", "2026-03-01-1400-repetition-salle-b"
    write_journal(folder / f"{real}.jsonl", [first, *rest])
    try_ = replace(first, rehearsal=True, format=4, meeting="bbbbbbbb")  # type: ignore[type-var]
    write_journal(folder / f"{tried}.jsonl", [try_, *rest])
    return folder, real, tried


def typical(tmp: Path) -> list[tuple[str, ...]]:
    empty = tmp / "empty"
    empty.mkdir()
    deck = str(GOLDEN / "deck-fr.yaml")
    damaged = tmp / "damaged.jsonl"
    damaged.write_text("not json\n", encoding="utf-8")
    folder, real, tried = rehearsed(tmp)
    both = ("--sessions", str(folder), real, tried)
    unknown_event = tmp / "unknown-event.jsonl"
    unknown_event.write_text(
        (folder / f"{real}.jsonl").read_text(encoding="utf-8") + '{"type": "nope", "at": "x"}\n',
        encoding="utf-8",
    )
    missing_fields = tmp / "missing-fields.jsonl"
    missing_fields.write_text('{"type": "session-opened"}\n', encoding="utf-8")
    meeting = folder / f"{real}.jsonl"
    torn = tmp / "torn.jsonl"
    torn.write_text(meeting.read_text(encoding="utf-8") + '{"type": "card-sh', encoding="utf-8")
    on_deck = decks_elsewhere(tmp)
    only_damaged = tmp / "only-damaged"
    only_damaged.mkdir()
    (only_damaged / "2026-03-01-2000-x.jsonl").write_text("pas du json\n", encoding="utf-8")
    a_link = tmp / "a-link.txt"
    a_link.symlink_to(tmp / "nowhere.txt")
    (tmp / "deck.yaml").write_text((GOLDEN / "deck-fr.yaml").read_text(encoding="utf-8"))
    return [
        ("--help",),
        *[(command, "--help") for command in COMMANDS],
        ("check", "--bogus"),  # unrecognized arguments
        ("summary",),  # the following arguments are required
        ("summary", "x", "--format", "doc"),  # invalid choice
        ("run", "--attendance", "x"),  # a type's own message
        ("run", "--new", "--resume"),  # not allowed with
        ("summary", "--sessions"),  # expected one argument
        ("check", str(tmp / "nope.yaml")),  # no such deck
        ("check", ""),  # an empty deck name
        ("check", deck),  # the ok line
        # Warnings of one-sided or long cards (decks whose own text holds no English word
        # the search below looks for).
        *[("check", str(BALANCE / f"{name}.yaml")) for name in BALANCE_DECKS],
        ("decks",),
        ("decks", "-o", str(tmp / "x.txt")),
        ("handout", deck, "--printer", "Bureau"),
        ("handout", deck, "--print", "-o", str(tmp / "x.txt")),
        ("handout", deck, "-o", str(tmp / "out.jsonl")),  # will not write over a journal
        ("sessions", "--sessions", str(empty)),
        ("sessions", "--sessions", deck),  # not a folder
        ("summary", "nope", "--sessions", str(empty)),  # no such session
        ("summary", "", "--sessions", str(empty)),  # no session given
        ("print", "nope", "--sessions", str(empty)),
        ("merge", "nope", "--sessions", str(empty)),
        ("summary", str(damaged)),  # a journal that cannot be read
        ("summary", str(unknown_event)),  # EventError's detail: which kind of line
        ("summary", str(missing_fields)),
        ("summary", str(torn), "-o", str(tmp / "torn.txt")),  # a line cut short, skipped
        # The deck a meeting ran on: gone, unreadable, never recorded (a note each).
        *[("summary", str(path), "-o", str(tmp / f"{path.stem}.txt")) for path in on_deck],
        # Where a result is never written: a folder, a link, a deck.
        ("summary", str(meeting), "-o", str(tmp)),
        ("summary", str(meeting), "-o", str(a_link)),
        ("summary", str(meeting), "-o", str(tmp / "deck.yaml")),
        ("handout", str(tmp / "nope.yaml")),
        # --resume where nothing can be resumed but a journal is damaged.
        ("run", deck, "--sessions", str(only_damaged), "--resume"),
        # What the system says: "No such file or directory", by its errno.
        ("handout", deck, "-o", str(tmp / "no-such-folder" / "x.txt")),
        # Merge's refusals, and its results codes' and exports' readers'.
        *[("merge", str(path)) for path in merge_inputs(tmp)],
        ("merge", str(GOLDEN / "deck-en.yaml")),  # not an input merge reads
        ("merge", str(folder / f"{real}.jsonl"), str(english_meeting(tmp))),  # two decks
        ("sessions", "--sessions", str(tmp)),  # listed as damaged, with the reason
        # Rehearsals: marked in the list, left out of merge and summary of several (a note
        # says so), refused alone, never resumed by the other kind of run.
        ("sessions", "--sessions", str(folder)),
        ("merge", *both, "-o", str(tmp / "merged.txt")),
        ("summary", *both, "-o", str(tmp / "both.csv")),
        ("merge", "--sessions", str(folder), tried),
        ("run", "--sessions", str(folder), "--resume", tried),
        ("run", "--sessions", str(folder), "--rehearsal", "--resume", real),
        # The room's window: its deck, its folder, the meeting it names, its terminal.
        ("room", str(tmp / "nope.yaml")),
        ("room", "--theme", "grey"),
        ("room", "--sessions", deck),
        ("room", "--session", "nope", "--sessions", str(empty)),
        ("room", "--session", "", "--sessions", str(empty)),
        ("room", deck, "--sessions", str(empty)),  # stdout is not a terminal
    ]


# What `debate merge` is given that it refuses, one file each (none holds English text).
MERGE_INPUTS = {
    "lone-backslash.txt": "DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3A\\\n",
    "older-code.txt": "DEBATE1|2026-03-01|S\n",
    "newer-code.txt": "DEBATE9|2026-03-01|S\n",
    "not-a-code.txt": "bonjour\n",
    "cut-short.txt": "DEBATE2|2026-03-01|S\n",
    "bad-date.txt": "DEBATE2|hier|S|aaaaaaaa||3-3|1:F1-1-1@3A\n",
    "bad-meeting.txt": "DEBATE2|2026-03-01|S|ABC||3-3|1:F1-1-1@3A\n",
    "bad-digest.txt": "DEBATE2|2026-03-01|S|aaaaaaaa|xyz|3-3|1:F1-1-1@3A\n",
    "bad-attendance.txt": "DEBATE2|2026-03-01|S|aaaaaaaa||3|1:F1-1-1@3A\n",
    "final-over.txt": "DEBATE2|2026-03-01|S|aaaaaaaa||3-5|1:F1-1-1@3A\n",
    "no-round.txt": "DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1\n",
    "bad-round.txt": "DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:Z\n",
    "round-twice.txt": "DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3A:F1-1-1@3A\n",
    "bad-escape.txt": "DEBATE2|2026-03-01|S\\x|aaaaaaaa||3-3|1:F1-1-1@3A\n",
    "part-missing.txt": "DEBATE2 1/2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3T\n",
    "no-such-part.txt": "DEBATE2 3/2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3T\n",
    "read-twice.txt": "DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F1-1-1@3T\n"
    "DEBATE2|2026-03-01|S|aaaaaaaa||3-3|1:F2-1-0@3A\n",
    "totals.txt": "DEBATE2|2026-03-01|S|*aaaaaaaa||3-3|1:F1-1-1@3T\n",
    "unknown-deck.txt": "DEBATE2|2026-03-01|S|aaaaaaaa|0123abcd|3-3|1:F1-1-1@3T\n",
    "empty.txt": "\n",
    "not-json.json": '{"format": 3',
    "no-deck.json": '{"format": "debate-results", "version": 2}',
    "version-1.json": '{"format": "debate-results", "version": 1}',
    "other-format.json": '{"format": "x"}',
}


def merge_inputs(tmp: Path) -> list[Path]:
    folder = tmp / "merge-inputs"
    folder.mkdir()
    for name, text in MERGE_INPUTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    latin = folder / "latin-1.txt"
    latin.write_bytes("Fête\n".encode("latin-1"))
    return [*(folder / name for name in MERGE_INPUTS), latin]


def decks_elsewhere(tmp: Path) -> list[Path]:
    """Meetings whose deck is gone, cannot be read, or was never recorded."""
    first, *rest = scripted_events("fr")
    bad = Path(__file__).parent / "decks" / "bad" / "empty.yaml"
    paths = []
    # Named in French: `debate sessions` of this folder lists them.
    for name, deck in (("parti", str(tmp / "parti.yaml")), ("illisible", str(bad)), ("aucun", "")):
        opened = replace(first, deck_path=deck)  # type: ignore[type-var]
        paths.append(write_journal(tmp / f"jeu-{name}.jsonl", [opened, *rest]))
    return paths


def english_meeting(tmp: Path) -> Path:
    """A meeting on the English deck: merged with a French one, refused (two decks)."""
    path = tmp / "english.jsonl"
    write_journal(path, scripted_events("en"))
    return path


def test_nothing_a_french_facilitator_reads_is_english(
    french: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for words in typical(tmp_path):
        _, text = run(capsys, *words)
        assert text.strip(), words
        assert_french(text, words)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows prints through its shell")
def test_printing_without_a_print_service_is_said_in_french(
    french: None,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, real, _ = rehearsed(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))  # neither lp nor lpr
    deck = str(GOLDEN / "deck-fr.yaml")
    for words in (("print", "--sessions", str(folder), real), ("handout", deck, "--print")):
        code, text = run(capsys, *words)
        assert code == 1 and "aucune commande d’impression" in text, text
        assert_french(text, words)


def test_the_same_commands_speak_english_to_an_english_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The check above can fail: the same words, in an English locale, are caught."""
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    missed = []
    for words in typical(tmp_path):
        _, text = run(capsys, *words)
        try:
            assert_french(text, words)
        except AssertionError:
            continue
        missed.append((words, text))
    assert missed == []


def test_argparse_speaks_french(french: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "summary")
    assert code == 2
    assert text.startswith("utilisation : debate summary")
    assert "debate summary : erreur : ces arguments sont obligatoires : SÉANCE" in text
    _, text = run(capsys, "check", "--help")
    assert "-h, --help" in text and "afficher cette aide et quitter" in text


def test_lang_wins_over_the_locale_before_or_after_the_command(
    french: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for words in (("--lang", "en", "summary"), ("summary", "--lang=en"), ("--lang=en", "summary")):
        _, text = run(capsys, *words)
        assert "the following arguments are required" in text, words


def test_without_a_language_the_deck_speaks(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A C locale names no language: the deck's, argparse's own errors included (the
    deck named, else the shipped default, French); English for a command without one."""
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    _, text = run(capsys, "summary")
    assert "the following arguments are required" in text
    _, text = run(capsys, "run", "--attendance", "x")
    assert "debate run : erreur : argument --attendance : 'x' n’est pas un nombre" in text
    _, text = run(capsys, "--attendance", "x")  # `debate run` implied
    assert "erreur" in text and "error" not in text
    _, text = run(capsys, "run", "desescalade-en", "--attendance", "x")
    assert "debate run: error: argument --attendance: 'x' is not a whole number" in text
    _, text = run(capsys, "run", str(GOLDEN / "deck-en.yaml"), "--attendance", "x")
    assert "error: argument --attendance" in text
    _, text = run(capsys, "run", "x\0y", "../../etc/x", "--attendance", "x")  # no deck
    assert "erreur" in text
    if hasattr(os, "mkfifo"):  # a FIFO named like a deck is not read: no hang
        os.mkfifo(tmp_path / "fifo.yaml")
        _, text = run(capsys, "run", str(tmp_path / "fifo.yaml"), "--attendance", "x")
        assert "--attendance" in text
    deck = str(GOLDEN / "deck-fr.yaml")
    _, text = run(capsys, "handout", deck, "--printer", "Bureau")
    assert text == "debate : --printer va avec --print\n"
    _, text = run(capsys, "handout", str(GOLDEN / "deck-en.yaml"), "--printer", "Bureau")
    assert text == "debate: --printer goes with --print\n"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language debate does not speak: English
        ({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),  # LC_ALL first
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, None),  # C names none: the deck decides
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "fr"),  # the first it speaks
    ],
)
def test_the_locale_names_the_language(environ: dict[str, str], lang: str | None) -> None:
    assert cli_lang.from_locale(environ) == lang


def test_windows_says_its_language_where_the_environment_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kernel32 = types.SimpleNamespace(GetUserDefaultUILanguage=lambda: 0x040C)  # fr-FR
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    assert system_language() == "fr"
    assert cli_lang.from_locale({}) == "fr"
    kernel32.GetUserDefaultUILanguage = lambda: 0x0407  # de-DE
    assert cli_lang.from_locale({}) == "en"


def test_no_windows_no_language() -> None:
    if hasattr(ctypes, "windll"):
        pytest.skip("this is Windows")
    assert system_language() is None


def fields(text: str) -> list[str]:
    return sorted(
        [f[1] for f in string.Formatter().parse(text) if f[1] is not None]
        + re.findall(r"%\([a-z_]+\)[sr]|%[sr]", text)
    )


def test_every_phrase_has_its_french_with_the_same_fields() -> None:
    for where, said in catalog():
        assert said.en.strip() and said.fr.strip(), where
        assert fields(said.en) == fields(said.fr), where


@pytest.mark.parametrize(
    ("locale", "default"),
    [
        ("fr_FR.UTF-8", "par défaut : celle du système, sinon celle du jeu de fiches"),
        ("en_GB.UTF-8", "default: the locale, else the deck's language"),
    ],
)
def test_run_s_help_gives_the_language_default_the_app_follows(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], locale: str, default: str
) -> None:
    """The window takes the system's language before the deck's (test_window_language.py):
    `debate run --help` said the deck's only."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    _, text = run(capsys, "run", "--help")
    assert default in " ".join(text.split())


@pytest.mark.parametrize(
    ("word", "theme"), [("sombre", "dark"), ("Clair", "light"), ("dark", "dark")]
)
def test_the_theme_takes_its_french_words_too(word: str, theme: str) -> None:
    """The French help says clair and sombre: the option takes them."""
    from debate.cli import build_parser

    assert build_parser("run").parse_args(["run", "--theme", word]).theme == theme
    assert build_parser("room").parse_args(["room", "--theme", word]).theme == theme
