"""Untrusted text (a deck, a journal, the keyboard, a file name) as Rich Text for the screens.

Textual reads a `str` given to Static, Label, an OptionList prompt or a notification as
markup: `[/]` in a deck title crashed the app, `[@click=app.screenshot(...)]` made a
summary that overwrote a journal when clicked, and "Salle des fêtes [annexe]" lost its
last word. A `Text` is shown as it is, never parsed; `printable` (debate.untrusted) turns
its control characters into visible stand-ins on the way, since neither Rich nor Textual
keeps ESC from reaching the terminal. So every widget that shows such text is given what
these functions return (or a Text built from them), never a str made with it.

Our own sentences (debate/i18n.py) hold no markup either: `fill` puts untrusted
values into them as text.
"""

from __future__ import annotations

from rich.text import Text

from debate.untrusted import printable


def plain(text: str, *, lines: bool = False, style: str = "") -> Text:
    """`text` shown literally, its control characters as stand-ins. One line unless
    `lines` (a summary, an argument: prose that a deck may write on several lines)."""
    return Text(printable(text, lines=lines), style=style)


def fill(template: str, *, style: str = "", **values: object) -> Text:
    """One of our sentences with untrusted `values` put in (`str.format` fields): the
    sentence is ours; each value is one line of plain text, never markup (numbers stay
    numbers, for fields such as `{points:+.0f}`)."""
    safe = {k: v if isinstance(v, int | float) else printable(str(v)) for k, v in values.items()}
    return Text(template.format(**safe), style=style)
