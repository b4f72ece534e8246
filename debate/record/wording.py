"""Dates and attendance in words, as the minutes, the merge report and the print job's
title say them: the same phrase wherever a meeting is described.

The French and English words are written here rather than taken from the system's
locale: a laptop set to English prints French minutes in French, and a machine without
the fr_FR locale installed (most minimal systems) prints them at all.
"""

from __future__ import annotations

from datetime import date

from debate.i18n import Words, language_of, singular

_MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
# Monday first, as date.weekday() counts.
_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def long_date(iso: str, language: str, *, weekday: bool = True) -> str:
    """'2026-12-01' -> 'mardi 1er décembre 2026' or 'Tuesday 1 December 2026' (without
    the weekday if asked). Text that is not a date (a damaged journal) comes back as is."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    lang = "fr" if language_of(language) == "fr" else "en"
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    text = f"{number} {_MONTHS[lang][day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[lang][day.weekday()]} {text}" if weekday else text


def attendance_words(most: int, final: int, t: Words) -> str:
    """How many were present: '28 présents', or '35 présents au plus, 28 à la fin' when
    people left before the end. The minutes' header and the merge report both say it so,
    and a reader comparing them finds the same figures."""
    if most <= final:
        return t["att_one" if singular(final, t["lang"]) else "att_many"].format(n=final)
    return t["att_range"].format(most=most, final=final)
