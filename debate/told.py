"""An error that carries a code and its parameters, not a sentence: the screen and the
command line put it in their own language (a French screen never shows the English).

`str(error)` is the English, for logs and for callers that only need a line; `in_(lang)`
is what the facilitator reads. A parameter that is itself a Said, a Phrase or a Told (a
round's name, why a folder cannot be reached, the reason a journal line was refused) is
put in the same language.
"""

from __future__ import annotations

from debate.error_words import Error
from debate.said import Said


class Phrase:
    """A message, or a part of one, with its code, not yet worded."""

    def __init__(self, error: Error, **params: object) -> None:
        self.error, self.params = error, params

    def in_(self, lang: str) -> str:
        said: Said = self.error.value
        return said.in_(lang).format(**{k: worded(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.in_("en")


class Told(Exception):
    def __init__(self, error: Error, **params: object) -> None:
        self.error, self.params = error, params
        self.phrase = Phrase(error, **params)
        super().__init__(self.phrase.in_("en"))

    @property
    def code(self) -> str:
        """Stable across languages and releases: 'vote-already-recorded'."""
        return self.error.name.lower().replace("_", "-")

    def in_(self, lang: str) -> str:
        return self.phrase.in_(lang)


def say(value: object, lang: str) -> str:
    """A message in `lang`: a Told, Phrase or Said in that language, anything else as it
    words itself (an exception from outside debate)."""
    return str(worded(value, lang))


def worded(value: object, lang: str) -> object:
    """A parameter in `lang`; a number or a name stays itself, for `{n:,}` and `{x!r}`."""
    if isinstance(value, (Told, Said, Phrase)):
        return value.in_(lang)
    return value
