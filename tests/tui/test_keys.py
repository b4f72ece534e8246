"""One table of keys (debate.tui.keys): every binding of every screen comes from it, every
entry of it is bound or listed on purpose, each says what it does in every language, and
the README lists the card screen's keys as the help screen does."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.screen import Screen

import debate.tui.screens
from debate.tui import keys
from debate.tui.app import DebateApp

README = Path(__file__).resolve().parents[2] / "README.md"


def owners() -> list[type]:
    """The app and every screen class of debate.tui.screens."""
    found: list[type] = [DebateApp]
    for module in pkgutil.iter_modules(debate.tui.screens.__path__):
        loaded = importlib.import_module(f"debate.tui.screens.{module.name}")
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == loaded.__name__:
                found.append(cls)
    return found


def bound(cls: type) -> list[Binding]:
    own = cls.__dict__.get("BINDINGS", [])
    assert all(isinstance(b, Binding) for b in own), cls
    return own


def test_every_binding_of_every_screen_comes_from_the_table():
    table = {(k.keys, k.action) for k in keys.every_key() if k.bound}
    seen = 0
    for cls in owners():
        for binding in bound(cls):
            assert (binding.key, binding.action) in table, (cls.__name__, binding)
            seen += 1
    assert seen >= 30, seen  # far fewer: the walk stopped finding the screens


def test_every_bound_entry_is_bound_somewhere_and_its_action_exists():
    used = {(b.key, b.action): cls for cls in owners() for b in bound(cls)}
    for key in keys.every_key():
        if not key.bound:
            continue
        assert (key.keys, key.action) in used, f"dead key: {key.action} on {key.keys}"
        owner = used[(key.keys, key.action)]
        name = key.action.split("(")[0]
        if name.startswith("app."):
            owner, name = DebateApp, name.removeprefix("app.")
        assert hasattr(owner, f"action_{name}"), (owner.__name__, name)


@pytest.mark.parametrize("key", keys.every_key(), ids=lambda k: f"{k.action}-{k.keys}")
def test_every_key_says_what_it_does_in_every_language(key: keys.Key):
    for said in (key.command, key.help, *([key.bar] if key.bar else [])):
        for lang in keys.Said._fields:
            assert said.in_(lang).strip(), (key.action, lang)
    assert key.command.en != key.command.fr or len(key.command.en) < 3


@pytest.mark.parametrize("owner", owners(), ids=lambda c: c.__name__)
def test_no_key_is_bound_twice_on_one_screen(owner: type):
    names = [k for b in bound(owner) for k in b.key.split(",")]
    assert len(names) == len(set(names)), names


def test_the_key_bar_and_the_help_follow_the_table():
    bar = keys.key_bar("fr", glossary=True)
    assert bar.startswith("→ suivant · ← retour") and bar.endswith("? aide · q quitter")
    assert "g glossaire" in bar and "g glossary" not in keys.key_bar("en", glossary=False)
    rows = dict(keys.help_rows(keys.CARD, "fr"))
    assert rows["→  PageSuiv  Espace"].endswith("puis la fiche suivante")
    assert rows["Ctrl+P"].startswith("palette de commandes")


@pytest.mark.parametrize("width", [60, 80, 100, 240])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_key_bar_takes_at_most_two_lines(lang: str, width: int):
    import textwrap

    bar = keys.key_bar(lang, glossary=True, width=width)
    assert len(textwrap.wrap(bar, width - 2)) <= 2, bar
    for needed in ("→", "←", "i/v", "?", "q "):  # moving, voting, help and quit stay
        assert needed in bar
    if width >= 240:
        assert bar == keys.key_bar(lang, glossary=True)  # all of it, where it fits


def readme_tables(
    readme: Path = README, section: str = "Keys", header: str = "key"
) -> list[list[tuple[str, str]]]:
    """The README's tables under "## Keys", each a list of (keys, what they do)."""
    text = readme.read_text("utf-8").split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    tables: list[list[tuple[str, str]]] = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip().splitlines()
        rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
        if rows and all(len(cells) == 2 for cells in rows) and rows[0][0] == header:
            tables.append([(keys_, what) for keys_, what in rows[2:]])
    return tables


def test_the_readme_lists_the_keys_the_help_lists():
    """Word for word and in the same order: the README's tables are the help screen's, in
    English (`python docs/make_key_tables.py` rewrites them when the table changes)."""
    wanted = [
        [(re.sub(r"\s{2,}", " / ", shown), what) for shown, what in keys.help_rows(table, "en")]
        for _, table in keys.HELP_SECTIONS
    ]
    assert readme_tables() == wanted
