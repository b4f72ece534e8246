"""argparse's own words ("usage:", "error:", "the following arguments are required"...)
in the command line's language.

argparse looks each of its phrases up through the module-level `_` and `ngettext` it
imported from gettext, at the moment it says them (and builds its "options" titles when a
parser is made). `speaking()` points those two names at this catalog while debate builds
its parser and parses, and puts gettext's back after: nothing else in the process sees a
change. A phrase missing here stays English, and tests/test_cli_french.py fails on it.
Keys are argparse's msgids, as in Python 3.11 to 3.13.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from debate import cli_lang
from debate.said import Said

PHRASES: dict[str, Said] = {
    "usage: ": Said("usage: ", "utilisation : "),
    # argparse puts a colon right after a heading: French wants a (no-break) space first.
    "positional arguments": Said("positional arguments", "arguments\u00a0"),
    "options": Said("options", "options\u00a0"),
    "show this help message and exit": Said(
        "show this help message and exit", "afficher cette aide et quitter"
    ),
    "%(prog)s: error: %(message)s\n": Said(
        "%(prog)s: error: %(message)s\n", "%(prog)s : erreur : %(message)s\n"
    ),
    "argument %(argument_name)s: %(message)s": Said(
        "argument %(argument_name)s: %(message)s", "argument %(argument_name)s : %(message)s"
    ),
    "unrecognized arguments: %s": Said("unrecognized arguments: %s", "arguments non reconnus : %s"),
    "the following arguments are required: %s": Said(
        "the following arguments are required: %s", "ces arguments sont obligatoires : %s"
    ),
    "one of the arguments %s is required": Said(
        "one of the arguments %s is required", "l’un des arguments %s est obligatoire"
    ),
    "not allowed with argument %s": Said(
        "not allowed with argument %s", "impossible avec l’argument %s"
    ),
    "ignored explicit argument %r": Said(
        "ignored explicit argument %r", "valeur %r ignorée : cette option n’en prend pas"
    ),
    "expected one argument": Said("expected one argument", "une valeur attendue"),
    "expected at most one argument": Said(
        "expected at most one argument", "une valeur au plus attendue"
    ),
    "expected at least one argument": Said(
        "expected at least one argument", "au moins une valeur attendue"
    ),
    "ambiguous option: %(option)s could match %(matches)s": Said(
        "ambiguous option: %(option)s could match %(matches)s",
        "option ambiguë : %(option)s peut désigner %(matches)s",
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": Said(
        "invalid choice: %(value)r (choose from %(choices)s)",
        "choix invalide : %(value)r (choisir parmi %(choices)s)",
    ),
    "invalid %(type)s value: %(value)r": Said(
        "invalid %(type)s value: %(value)r", "valeur invalide (%(type)s) : %(value)r"
    ),
    "unexpected option string: %s": Said("unexpected option string: %s", "option inattendue : %s"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": Said(
        "unknown parser %(parser_name)r (choices: %(choices)s)",
        "commande inconnue %(parser_name)r (au choix : %(choices)s)",
    ),
    "can't open '%(filename)s': %(error)s": Said(
        "can't open '%(filename)s': %(error)s", "impossible d’ouvrir « %(filename)s » : %(error)s"
    ),
}

# ngettext's (singular, plural) pairs.
PLURALS: dict[tuple[str, str], tuple[Said, Said]] = {
    ("expected %s argument", "expected %s arguments"): (
        Said("expected %s argument", "%s valeur attendue"),
        Said("expected %s arguments", "%s valeurs attendues"),
    ),
}


def _gettext(message: str) -> str:
    said = PHRASES.get(message)
    return said.in_(cli_lang.current()) if said else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    pair = PLURALS.get((singular, plural))
    if pair is None:
        return singular if n == 1 else plural
    return pair[0 if n == 1 else 1].in_(cli_lang.current())


@contextmanager
def speaking() -> Iterator[None]:
    """argparse speaks the command line's language within this block."""
    module: Any = argparse  # its `_` and `ngettext` are private names
    saved = module._, module.ngettext
    module._, module.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        module._, module.ngettext = saved
