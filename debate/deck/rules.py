"""What a checked deck's text looks like: shared by the checker (debate/deck/validate.py),
which reads YAML, and the cache (debate/deck/cache.py), which must trust no more than the
checker would. Nothing here imports PyYAML."""

from __future__ import annotations

import re

ASCII_SPACE = re.compile(r"[ \t\r]+")
CARD_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def tidy(value: str) -> str:
    """A text as the deck holds it once checked: ASCII runs of spaces collapsed on one
    line (a non-breaking space before ':' in French is meant), the ends stripped."""
    return ASCII_SPACE.sub(" ", value).strip() if "\n" not in value else value.strip()
