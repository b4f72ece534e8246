"""A field for free text (a place, a name, a remark) that never holds a control character."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from debate.untrusted import printable


class FollowsFocus(Input):
    """A field that can pass on the letters typed after a key that moved the focus away
    from it in its own queue of keys.

    Keys read in one burst are each given to the field focused when the app reads them.
    On the setup form, Enter is decided in the focused field's queue, after the keys typed
    before it (SetupScreen.action_submit); the letters typed after it are already in that
    queue too. When that Enter moved the focus (no place yet: to the place), they went
    into "Present", whose digits-only filter dropped them: `pass_on()` sends them on to the
    field focused now, until this one is focused again."""

    _passing_on = False

    def pass_on(self) -> None:
        self._passing_on = True

    def _on_focus(self, event: events.Focus) -> None:
        self._passing_on = False

    async def _on_key(self, event: events.Key) -> None:
        focused = self.screen.focused if self._passing_on and self.is_attached else None
        if event.is_printable and focused is not self and isinstance(focused, Input):
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return
        await super()._on_key(event)


class NumberField(FollowsFocus):
    """A count typed in a form (restricted by the caller to digits)."""


class TextField(FollowsFocus):
    """Typed keys are printable already, but a paste (or a `--place` given on the command
    line) can hold ESC: the field would draw it raw to the terminal and the meeting would
    record it. Each control character becomes its visible stand-in instead, one for one,
    so the cursor stays where it was put."""

    def validate_value(self, value: str) -> str:
        return printable(value)
