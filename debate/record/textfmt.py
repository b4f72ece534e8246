"""Small formatting helpers shared by the minutes, the exports and the merge report."""

from __future__ import annotations

import re
from datetime import datetime

from debate.i18n import Words
from debate.numbers import decimal
from debate.textutil import columns, wrap
from debate.untrusted import printable

WIDTH = 80  # columns on paper: every printed text keeps to it (see textutil.columns)


# What breaks a line or moves along it: a space on one printed line.
_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")


def clean(text: str | None) -> str:
    """Text safe on one printed line: line breaks and tabs become spaces, every other
    control character its visible stand-in (debate.untrusted)."""
    if not text:
        return ""
    return printable(_BREAKS.sub(" ", text)).strip()


def clock(at: str | None, day: str) -> str:
    """'20:05', or '2026-03-02 00:10' past midnight; the raw text if it is not a time."""
    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return clean(at)
    date = moment.date().isoformat()
    return moment.strftime("%H:%M") if date == day else f"{date} {moment:%H:%M}"


def duration(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min {secs:02d} s"
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def percent(value: float, t: Words) -> str:
    return t["min_percent"].format(n=decimal(value, t["lang"]))


def dashed(counts: tuple[int, ...]) -> str:
    return "-".join(map(str, counts))


def fit(lines: list[str]) -> list[str]:
    """The 80-column promise, kept even for inputs no layout foresaw (a 100-digit count)."""
    out: list[str] = []
    for line in lines:
        if columns(line) <= WIDTH:
            out.append(line)
        else:
            indent = " " * min(len(line) - len(line.lstrip(" ")), 8)
            out += wrap(line.strip(), WIDTH, indent, indent + "  ")
    return out
