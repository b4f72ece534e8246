"""The card's first source URL as a QR code, for anyone who wants to read more."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from debate.deck.model import Card
from debate.qr import QRTooLarge, qr_lines


class SourceQRScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,s,q,enter", "close", "Close")]

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        t = self.app.t  # type: ignore[attr-defined]
        url = self.card.first_url
        with Vertical(id="qr", classes="dialog"):
            yield Static(t["qr_title"], classes="dialog-title")
            try:
                code = "\n".join(qr_lines(url, 76)) if url else None
            except QRTooLarge:
                code = None
            # QR modules are drawn as ink: the code sits on a light panel in both themes.
            yield Static(code or t["no_url"], id="qr-code", classes="qr" if code else "")
            yield Static(url or "", id="qr-url")

    def action_close(self) -> None:
        self.dismiss(None)
