"""An error that carries a code and its parameters, not a sentence: the screen and the
command line put it in their own language (a French screen never shows the English).

`str(error)` is the English, for logs and for callers that only need a line; `in_(lang)`
is what the facilitator reads. A parameter that is itself a Said, a Phrase or a Told (a
round's name, why a folder cannot be reached, the reason a journal line was refused) is
put in the same language.
"""

from __future__ import annotations

import string

from debate.error_words import Error
from debate.i18n import language_of
from debate.said import Said

# A French number of thousands is grouped by a no-break space ("200 000"), not a comma.
THOUSANDS = {"en": ",", "fr": "\xa0"}


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.separator = THOUSANDS[language_of(lang)]

    def format_field(self, value: object, format_spec: str) -> str:
        text: str = super().format_field(value, format_spec)
        if "," in format_spec and isinstance(value, int):
            return text.replace(",", self.separator)
        return text


def fill(text: str, lang: str, params: dict[str, object]) -> str:
    """`text`'s {fields} filled in `lang`: each parameter worded in it (`worded`), and a
    number's thousands grouped as that language groups them ({n:,})."""
    return _Formatter(lang).vformat(text, (), {k: worded(v, lang) for k, v in params.items()})


class Phrase:
    """A message, or a part of one, with its code, not yet worded."""

    def __init__(self, error: Error, **params: object) -> None:
        self.error, self.params = error, params

    def in_(self, lang: str) -> str:
        said: Said = self.error.value
        return fill(said.in_(lang), lang, self.params)

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


class Joined:
    """Parts of a message (phrases, or words already final) joined by `sep`, each worded
    in the language the message is: "deck A: Mairie; deck B: Halle"."""

    def __init__(self, sep: Said, parts: list[object]) -> None:
        self.sep, self.parts = sep, parts

    def in_(self, lang: str) -> str:
        return self.sep.in_(lang).join(say(part, lang) for part in self.parts)

    def __str__(self) -> str:
        return self.in_("en")


def say(value: object, lang: str) -> str:
    """A message in `lang`: a Told, Phrase or Said in that language, anything else as it
    words itself (an exception from outside debate)."""
    return str(worded(value, lang))


def worded(value: object, lang: str) -> object:
    """A parameter in `lang`; a number or a name stays itself, for `{n:,}` and `{x!r}`."""
    if isinstance(value, (Told, Said, Phrase, Joined)):
        return value.in_(lang)
    return value
