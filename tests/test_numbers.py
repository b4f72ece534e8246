"""One number formatter: decimal comma in French, one decimal, never a negative zero."""

from __future__ import annotations

import pytest

from debate.numbers import decimal


@pytest.mark.parametrize(
    ("value", "lang", "signed", "shown"),
    [
        (66.666, "fr", False, "66,7"),
        (66.666, "en", False, "66.7"),
        (66.666, "fr-CA", False, "66,7"),
        (3.25, "fr", True, "+3,2"),  # banker's rounding of the float 3.25, as Python rounds
        (-12.0, "en", True, "-12.0"),
        (-0.04, "fr", True, "+0,0"),
        (-0.04, "en", False, "0.0"),
        (0.0, "de", False, "0.0"),  # a language we do not speak writes as English does
    ],
)
def test_decimal(value: float, lang: str, signed: bool, shown: str) -> None:
    assert decimal(value, lang, signed=signed) == shown


def test_places() -> None:
    assert decimal(2 / 3, "fr", places=0) == "1"
    assert decimal(-0.4, "fr", places=0, signed=True) == "+0"
