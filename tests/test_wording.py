"""Dates and attendance in words: written out by debate itself, whatever the locale."""

from __future__ import annotations

import pytest

from debate.i18n import counted, words_for
from debate.record.wording import attendance_words, long_date


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("2026-12-01", "fr", "mardi 1er décembre 2026"),
        ("2026-03-01", "fr", "dimanche 1er mars 2026"),
        ("2026-08-15T20:05:00+02:00", "fr-CA", "samedi 15 août 2026"),
        ("2026-02-02", "fr", "lundi 2 février 2026"),
        ("2026-12-01", "en", "Tuesday 1 December 2026"),
        ("2026-07-04", "de", "Saturday 4 July 2026"),  # a language we do not speak: English
    ],
)
def test_dates_are_written_out_in_the_language(iso: str, lang: str, expected: str) -> None:
    assert long_date(iso, lang) == expected


def test_without_the_weekday_and_with_text_that_is_no_date() -> None:
    assert long_date("2026-12-01", "fr", weekday=False) == "1er décembre 2026"
    assert long_date("2026-12-01", "en", weekday=False) == "1 December 2026"
    assert long_date("", "fr") == ""
    assert long_date("yesterday", "en") == "yesterday"


@pytest.mark.parametrize(
    ("lang", "most", "final", "expected"),
    [
        ("fr", 35, 28, "35 présents au plus, 28 à la fin"),
        ("fr", 28, 28, "28 présents"),
        ("fr", 1, 1, "1 présent"),
        ("en", 35, 28, "35 present at most, 28 at the end"),
        ("en", 42, 42, "42 present"),
    ],
)
def test_attendance_gives_the_largest_and_the_final_count(
    lang: str, most: int, final: int, expected: str
) -> None:
    assert attendance_words(most, final, words_for(lang)) == expected


@pytest.mark.parametrize(
    ("lang", "n", "expected", "sentence"),
    [
        ("fr", 0, "0 présent", "S, mardi : 0 fiche votée."),
        ("fr", 1, "1 présent", "S, mardi : 1 fiche votée."),
        ("fr", 2, "2 présents", "S, mardi : 2 fiches votées."),
        ("en", 0, "0 present", "S, Tuesday: 0 cards voted."),
        ("en", 1, "1 present", "S, Tuesday: 1 card voted."),
    ],
)
def test_french_puts_zero_in_the_singular(lang: str, n: int, expected: str, sentence: str) -> None:
    """Issue 14: singular and plural right everywhere; in French 0 takes the singular."""
    t = words_for(lang)
    assert attendance_words(n, n, t) == expected
    day = "mardi" if lang == "fr" else "Tuesday"
    said = counted(t, "resume_body", n).format(place="S", date=day, voted=n)
    assert said == sentence
