"""The same words in every language debate speaks: one typed pair per phrase.

A new language is a new field, and every entry must then give it: a NamedTuple built
without it is a TypeError when the module loads, and mypy says where. Used by the key
table (debate/tui/keys.py), the command line (debate/cli_words.py) and the domain's
errors (debate/told.py), so that no module imports Textual to speak French.
"""

from __future__ import annotations

from typing import NamedTuple

from debate.i18n import language_of


class Said(NamedTuple):
    en: str
    fr: str

    def in_(self, lang: str) -> str:
        return str(getattr(self, language_of(lang)))
