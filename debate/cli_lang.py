"""Which language debate speaks, on the command line and in its windows: `--lang`, else
the locale, else the deck's.

The locale is LANGUAGE's first language debate speaks (GNU gettext's list for messages),
else LC_ALL, else LC_MESSAGES, else LANG (POSIX's order); a C or POSIX locale names no
language. Where the environment names none, Windows' own setting
(debate/platform.py). Where nothing names one, the language of the deck or session the
command reads, once it is known (`fallback`; guessed from the words before argparse
reads them, `deck_words`), else English. One value per process:
`debate` runs one command and exits.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from debate.i18n import language_of

_chosen: str | None = None  # by --lang or the locale: it wins over any deck
_fallback = "en"


def choose(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """Decide from the command's words and the environment, before argparse speaks."""
    global _chosen, _fallback
    _chosen = _from_words(argv) or from_locale(os.environ if environ is None else environ)
    _fallback = "en"
    return current()


def fallback(deck_language: str) -> None:
    """The deck (or session) the command reads speaks `deck_language`: the messages that
    follow use it, unless --lang or the locale chose already."""
    global _fallback
    _fallback = language_of(deck_language)


# The commands that read a deck, the shipped deck when none is named (deck.loader's).
DECK_COMMANDS = ("run", "room", "handout")
DEFAULT_DECK_LANGUAGE = "fr"
_DECK_LANGUAGE = re.compile(rb"^language:[ \t]*[\"']?([a-zA-Z-]+)", re.MULTILINE)


def deck_words(words: Sequence[str]) -> None:
    """Before argparse reads `words` (the command first): where nothing chose a language,
    the deck's, so that argparse's own errors are in it too. The deck named (a shipped
    one, or a file's `language:` line among its first bytes) or, none named, the shipped
    default deck's. A guess from the words alone: once the deck is read, its language
    is taken again (`fallback`)."""
    if _chosen is not None or not words or words[0] not in DECK_COMMANDS:
        return
    for word in words[1:]:
        path = Path(word) if word.endswith((".yaml", ".yml")) else _shipped(word)
        if path is not None:
            found = _language_of_file(path)
            if found:
                fallback(found)
            return
    fallback(DEFAULT_DECK_LANGUAGE)


def _shipped(word: str) -> Path | None:
    path = DECKS / f"{word}.yaml"
    try:  # any word of the command line: a NUL in it, or a name too long, is no deck
        return path if "/" not in word and path.is_file() else None
    except (OSError, ValueError):
        return None


DECKS = Path(__file__).parent / "decks"  # the shipped decks


def _language_of_file(path: Path) -> str | None:
    """A deck file's `language:`, from its first 4 KB; None if it cannot be read there.
    Never blocks: a FIFO or a device named like a deck is not read (the deck's loader
    refuses it later, in words). Nor opened: opening some devices does something."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        head = os.read(fd, 4096)
    except OSError:
        return None
    finally:
        os.close(fd)
    found = _DECK_LANGUAGE.search(head)
    return found.group(1).decode("ascii") if found else None


def current() -> str:
    return _chosen or _fallback


def for_window(deck_language: str) -> str:
    """The language of a window on a deck that speaks `deck_language` (the app, the
    room's): the command line's own rule, so that the screen and the messages printed
    before and after it agree."""
    fallback(deck_language)
    return current()


def explicit() -> str | None:
    """The language --lang or the locale chose, or None (the app then follows its deck)."""
    return _chosen


def _from_words(argv: Sequence[str]) -> str | None:
    words = list(argv)
    for i, word in enumerate(words):
        if word == "--":
            break
        if word.startswith("--lang="):
            return _known(word.partition("=")[2])
        if word == "--lang" and i + 1 < len(words):
            return _known(words[i + 1])
    return None


def _known(tag: str) -> str | None:
    """--lang's value if debate speaks it; else None (argparse then says what it takes)."""
    return tag if tag in ("fr", "en") else None


def from_locale(environ: os._Environ[str] | dict[str, str]) -> str | None:
    # LANGUAGE first, as GNU gettext reads it: a list of languages for messages alone
    # ("fr:en"); the first one debate speaks decides.
    for tag in environ.get("LANGUAGE", "").split(":"):
        known = _locale_language(tag) if tag else None
        if known and tag.split("_")[0].split("-")[0].lower() in ("fr", "en"):
            return known
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:  # the first one set decides, even if it is C
            return _locale_language(value)
    from debate.platform import system_language

    found = system_language()
    return language_of(found) if found else None


def _locale_language(value: str) -> str | None:
    """'fr_FR.UTF-8' -> 'fr', 'de_DE' -> 'en' (debate speaks no German), 'C.UTF-8' -> None."""
    base = value.split(".")[0].split("@")[0]
    if base in ("C", "POSIX", ""):
        return None
    return language_of(base.replace("_", "-"))
