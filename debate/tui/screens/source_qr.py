"""The card's first source URL as a QR code, for anyone who wants to read more.

A code cut by the edge of the window cannot be scanned, so the screen fits it to the
window: the fullest frame around it that leaves it whole, then a narrower quiet zone,
and below that a message to enlarge the window (with the URL, still readable).
"""

from __future__ import annotations

import math

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Resize
from textual.geometry import Size
from textual.widgets import Static

from debate.deck.model import Card
from debate.qr import QUIET_ZONE, QRTooLarge, half_blocks, modules
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill, plain
from debate.tui.screens.base import DebateModal

# The frames around the code, fullest first: the class they set on the screen and the
# rows and columns they take (border, padding, title; the URL's rows are added).
FRAMES = (("", 6, 6), ("-compact", 1, 0), ("-bare", 0, 0))
DIALOG_WIDTH = 110  # .dialog's max-width: the URL wraps within it
MAX_MODULES = 177 + 2 * QUIET_ZONE  # QR version 40 with its margin: any URL a code holds


class SourceQRScreen(DebateModal[None]):
    BINDINGS = bindings(keys.SOURCE_QR)

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        t = self.debate.t
        with Vertical(id="qr", classes="dialog"):
            yield Static(Text(t["qr_title"]), id="qr-title", classes="dialog-title")
            yield Static(id="qr-code")
            url = Static(plain(self.card.first_url or ""), id="qr-url")
            url.display = bool(self.card.first_url)
            yield url

    def on_mount(self) -> None:
        self._fit(self.app.size)

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        t = self.debate.t
        code = self.query_one("#qr-code", Static)
        url = self.card.first_url
        layout, message = "", Text(t["no_url"])
        lines: list[str] = []
        if url:
            try:
                layout, lines = self._layout(url, size)
                message = fill(t["qr_enlarge"], w=size.width, h=size.height)
            except QRTooLarge:
                message = Text(t["scr_qr_too_long"])
        for name, _, _ in FRAMES[1:]:
            self.set_class(name == layout, name)
        # QR modules are drawn as ink: the code sits on a light panel in both themes.
        code.set_class(bool(lines), "qr")
        # not deck text: the code's modules, block characters drawn from the URL's bits
        code.update(Text("\n".join(lines)) if lines else message)

    @staticmethod
    def _layout(url: str, size: Size) -> tuple[str, list[str]]:
        """The fullest frame and widest quiet zone that show the whole code in `size`;
        ("", []) when even the barest does not fit. QRTooLarge for a too long URL."""
        for quiet in range(QUIET_ZONE, 1, -1):
            grid = modules(url, MAX_MODULES, border=quiet)
            width = len(grid[0])
            # Padded back to full width: the right-hand quiet zone is light panel too.
            lines = [line.ljust(width) for line in half_blocks(grid)]
            for layout, rows, columns in FRAMES:
                inner = min(DIALOG_WIDTH, size.width) - columns
                url_rows = math.ceil(cell_len(url) / max(1, inner)) if layout == "" else 1
                if len(lines) + rows + url_rows <= size.height and width + columns <= size.width:
                    return layout, lines
        return "", []

    def action_close(self) -> None:
        self.dismiss(None)
