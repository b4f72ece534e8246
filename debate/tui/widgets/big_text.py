"""A Static whose words grow in letters on a big window: the slide's title and its item
in focus, drawn in big type (debate.tui.big_type) as large as the box allows, with what
goes around them (a heading, the small print) in ordinary type.

A terminal has one font size: the letters are drawn in half blocks instead, which every
terminal font has. Where the words do not fit, or a character has no glyph, the widget
shows its ordinary text, exactly as a Static would.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widgets import Static

from debate.tui.render import BigWords


class BigText(Static):
    """`share`: the part of its container's height the big words may take; `from_rows`:
    the window's height from which big type is tried at all (below, ordinary type)."""

    def __init__(
        self,
        content: BigWords,
        *,
        share: float = 1.0,
        from_rows: int = 0,
        id: str | None = None,
        classes: str = "",
    ) -> None:
        super().__init__(content.ordinary, id=id, classes=classes)
        self.words = content
        self.share = share
        self.from_rows = from_rows
        self._rows: int | None = None  # big-type rows allowed, from the last layout
        self._drawn: tuple[tuple[BigWords, int, int], Text | None] | None = None

    def show(self, content: BigWords) -> None:
        if content != self.words:
            self.words = content
            self._drawn = None
            self._ordinary(content.ordinary)

    def _ordinary(self, text: Text) -> None:
        self.update(text)

    def _lines(self, text: Text, width: int) -> int:
        return len(text.wrap(self.app.console, width)) if text.plain else 0

    def _big(self, width: int, rows: int) -> Text | None:
        """The whole content with its words in big type at `width`, or None."""
        key = (self.words, width, rows)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        from debate.tui.big_type import draw

        content = self.words
        big: Text | None = None
        room = rows - self._lines(content.head, width) - self._lines(content.tail, width)
        drawn = draw(content.words, width, room) if content.words and room > 0 else None
        if drawn is not None:
            # Rows of blocks are no wider than `width`: only the head and tail wrap.
            parts = (content.head, Text("\n".join(drawn)), content.tail)
            big = Text("\n").join(part for part in parts if part.plain)
        self._drawn = (key, big)
        return big

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._rows = None
        if self.words.words and viewport.height >= self.from_rows:
            # `container` comes without this widget's padding; the share is of the whole.
            gutter = self.styles.gutter.height
            self._rows = int((container.height + gutter) * self.share) - gutter
            big = self._big(width, self._rows)
            if big is not None:
                return self._lines(big, width)
        return super().get_content_height(container, viewport, width)

    @property
    def big(self) -> bool:
        """Whether the words are drawn in big type in the box the widget has now."""
        return self._now() is not None

    def _now(self) -> Text | None:
        if self._rows is None:
            return None
        return self._big(self.content_size.width, self._rows)

    def render(self) -> RenderResult:
        big = self._now()
        return super().render() if big is None else big
