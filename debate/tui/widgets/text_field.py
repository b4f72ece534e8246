"""A field for free text (a place, a name, a remark) that never holds a control character."""

from __future__ import annotations

from textual.widgets import Input

from debate.untrusted import printable


class TextField(Input):
    """Typed keys are printable already, but a paste (or a `--place` given on the command
    line) can hold ESC: the field would draw it raw to the terminal and the meeting would
    record it. Each control character becomes its visible stand-in instead, one for one,
    so the cursor stays where it was put."""

    def validate_value(self, value: str) -> str:
        return printable(value)
