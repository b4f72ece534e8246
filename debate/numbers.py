"""Numbers as a reader of the interface's language writes them: one place, so that the
screens, the minutes and the exports agree ("66,7" in French, never "-0,0").

No Textual, no Rich, no locale: the decimal separator is the language's, not the
machine's (a French meeting on an English laptop still prints commas).
"""

from __future__ import annotations

from debate.i18n import language_of

DECIMAL_SEPARATORS = {"en": ".", "fr": ","}


def decimal(value: float, lang: str, *, places: int = 1, signed: bool = False) -> str:
    """`value` with `places` decimals: decimal(66.666, "fr") == "66,7"; signed adds "+"
    to positive values. A value that rounds to zero is "0.0" (or "+0.0"), never "-0.0":
    a shift of -0.04 points is no shift."""
    rounded = round(value, places)
    if rounded == 0:
        rounded = 0.0  # drops the sign of -0.0
    text = f"{rounded:{'+' if signed else ''}.{places}f}"
    return text.replace(".", DECIMAL_SEPARATORS[language_of(lang)])
