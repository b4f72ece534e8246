"""The facilitator's app: screens over one live meeting.

Thin by design: a key press becomes an event recorded through the Meeting
(debate.meeting, which decides what is written when) or a navigation; screens render from
the session's state and follow the views the meeting publishes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from rich.console import RenderableType
from rich.text import Text
from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal

from debate.cli_words import signed
from debate.i18n import words_for
from debate.meeting.opening import Ask, Opening
from debate.meeting.options import Options
from debate.meeting.theme_memory import remember_theme, remembered_theme
from debate.record.events import Event
from debate.told import say
from debate.tui import keys
from debate.tui.key_bursts import KeysInBursts
from debate.tui.keys import bindings
from debate.tui.plain import plain
from debate.tui.render import Confirmation
from debate.tui.size_guard import SizeGuard
from debate.tui.themes import THEMES
from debate.untrusted import printable

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from debate.meeting.meeting import Meeting
    from debate.record.session import Session
    from debate.tui.room_lookout import RoomLookout
    from debate.tui.slide_feed import SlideFeed


class MinutesWritten(Message):
    """The minutes' thread is done with a write: the meeting takes its outcome here."""


class RoomChanged(Message):
    """A room's window opened or closed (debate/tui/room_lookout.py)."""

    def __init__(self, follows: bool) -> None:
        super().__init__()
        self.follows = follows


class DebateApp(KeysInBursts, SizeGuard):
    CSS_PATH = "debate.tcss"
    TITLE = "debate"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = bindings(keys.APP)

    def __init__(self, options: Options) -> None:
        super().__init__()
        self.options = options
        self.deck = options.deck
        self.t = words_for(options.lang)
        self.session: Session | None = None
        self.meeting: Meeting | None = None  # the session's writer, once it is open
        self.confirmation: Confirmation | None = None  # said by the status line until a move
        self._styled = False  # some CSS has been applied: a theme change must restyle
        self.opening = Opening(options)  # which meeting, and what to ask first
        self._failure = Text()  # why the session could not be opened before the app ran
        # Something said (a vote recorded, a notice): the card screen's status line shows it.
        self.told: Signal[str] = Signal(self, "told")
        # A room's window opened or closed: the card screen's "next" line shows or goes.
        self.room_signal: Signal[bool] = Signal(self, "room")
        self._lookout: RoomLookout | None = None
        self._feed: SlideFeed | None = None  # the slide, for a room's window: made when first told
        for theme in THEMES.values():
            self.register_theme(theme)
        chosen = options.theme or remembered_theme(options.sessions_dir, THEMES)
        self.theme = THEMES.get(chosen, THEMES["light"]).name

    def refresh_css(self, animate: bool = True) -> None:
        # Setting the theme above queues a full CSS re-parse, but nothing has been parsed
        # or styled yet, and the first screen's registration parses everything anyway:
        # taking the theme's variables is enough, and saves a parse (~9 ms at start-up).
        if self._styled:
            super().refresh_css(animate)
        else:
            self.stylesheet.set_variables(self.get_css_variables())

    # -- start ----------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The first screen: the card to show when nothing needs asking (--place and
        --attendance given, or --resume), else an empty screen that on_mount covers with
        the setup form or the resume question. Opening on the card itself rather than
        pushing it over an empty screen saves a screen's mount and restyle at start-up."""
        from debate.record.errors import SessionError

        index = None
        self.opening = Opening(self.options)  # as they are when the app runs
        try:
            index = self.opening.open_at_start()
        except SessionError as exc:  # the app is not running yet: on_mount exits
            self._failure = plain(signed(say(exc, self.options.lang), self.options.lang))
        if index is None:
            return super().get_default_screen()
        self.opened()
        from debate.tui.screens.card import CardScreen

        return CardScreen(index)

    def on_mount(self) -> None:
        self._styled = True
        # The results or the blank screen opened or closed: the room's window shows them.
        self.screen_change_signal.subscribe(self, lambda _screen: self.slide_changed())
        if self._failure:
            self.exit(return_code=1, message=self._failure)
            return
        from debate.tui.opening_dialogs import OpeningDialogs

        # The other screens' stylesheet: after card 1 is on screen, or before the first
        # question, whose screen it styles (then Textual does not parse everything again).
        if self.opening.first_question() is Ask.NOTHING:
            self.call_after_refresh(self._read_screens_css)
        else:
            self._read_screens_css()
        OpeningDialogs(self).ask_first()
        self.start_size_guard()

    def _read_screens_css(self) -> None:
        """Add screens.tcss to the stylesheet. Parsed alone: Textual keeps what it parsed
        already (a screen naming it in CSS_PATH would have it all parsed again)."""
        from debate.tui.screens.base import SCREENS_CSS

        if not self.stylesheet.has_source(str(SCREENS_CSS)):
            self.stylesheet.read(SCREENS_CSS)
            self.stylesheet.parse()
            self.update_styles(self, animate=False)

    def opened(self) -> None:
        """The opening has opened a session: the meeting that writes it."""
        from debate.meeting.background import InThread
        from debate.meeting.meeting import Meeting

        session = self.opening.session
        assert session is not None
        self.session = session
        # Looked up at each call, not bound once: a test may hold the repaint back. The
        # minutes' thread tells this one by a message (post_message is thread-safe).
        self.meeting = Meeting(
            session,
            self.set_timer,
            lambda callback: self.call_after_refresh(callback),
            InThread(lambda: self.post_message(MinutesWritten())),
        )
        # A disk fault (a move's deferred write included) needs no telling: the card
        # screen's status line says NOT SAVED, and why, for as long as it lasts.
        self._look_for_a_room()
        # Its folder exists now: a restart after a power cut comes back in this theme. A
        # preference, not a record: written after the first frame, which need not wait.
        self.call_after_refresh(self._remember_theme)

    def _remember_theme(self) -> None:
        dark = self.theme == THEMES["dark"].name
        remember_theme(self.options.sessions_dir, "dark" if dark else "light")

    def _look_for_a_room(self) -> None:
        """From the session's opening (its folder exists then), a thread that learns from
        the kernel when a room's window opens or closes (debate/tui/room_lookout.py)."""
        from debate.tui.room_lookout import RoomLookout

        def changed(follows: bool) -> bool:
            try:
                return self.post_message(RoomChanged(follows))  # taken from any thread
            except RuntimeError:  # the app's loop closed meanwhile
                return False

        self._lookout = RoomLookout(self.options.sessions_dir, changed)
        # Started once the first card is drawn: finding the C library for the kernel's
        # watch runs `ldconfig`, and the thread's imports take turns with the app's.
        self.call_after_refresh(self._lookout.start, self.room_follows())

    def on_room_changed(self, message: RoomChanged) -> None:
        self.room_signal.publish(message.follows)

    def on_minutes_written(self, _message: MinutesWritten) -> None:
        if self.meeting is not None:
            self.meeting.minutes_done()

    def warn_resumed(self) -> None:
        for warning in self.live.warnings:  # they may quote the journal: plain text
            self.tell(warning, severity="warning")

    def show_cards(self, index: int) -> None:
        from debate.tui.screens.card import CardScreen

        self.push_under_notice(CardScreen(index))

    def on_unmount(self) -> None:
        if self._lookout is not None:
            self._lookout.stop()
        # Let another window (or a restart) open the meeting; it stays resumable. What
        # was waiting for the repaint or for the keys to stop is written first.
        if self.meeting is not None:
            self.meeting.finish()

    @property
    def live(self) -> Session:
        """The session, for screens that only exist once it does (after setup or resume)."""
        assert self.session is not None, "no session yet: setup or resume comes first"
        return self.session

    @property
    def live_meeting(self) -> Meeting:
        assert self.meeting is not None, "no meeting yet: setup or resume comes first"
        return self.meeting

    # -- recording ------------------------------------------------------------

    def card_shown(self, card_id: str) -> None:
        """The card on screen is now `card_id`: the meeting records it after the repaint
        (a move is not a decision of the room; its fsync must not hold the card back)."""
        self.live_meeting.shown(card_id)

    def slide_changed(self) -> None:
        """What the wall shows may have changed: the room's window is told after the
        repaint (debate/tui/slide_feed.py); nothing is written when nothing changed."""
        if self._feed is None:
            from debate.tui.slide_feed import SlideFeed

            self._feed = SlideFeed(self)
        self._feed.changed(self.session.journal_path if self.session else None)

    def room_follows(self) -> bool:
        """Whether a room's window (`debate room`) follows this folder: the card screen
        then shows the facilitator what comes next."""
        from debate.meeting.follow import room_follows

        return room_follows(self.options.sessions_dir)

    def record(self, *events: Event) -> bool:
        """Record the room's decision(s) at once; False (and a message) if the record
        cannot take them. Never raises; a disk fault is shown by the status line."""
        refused = self.live_meeting.record(*events)
        if refused is not None:
            self.tell(refused.why.in_(self.options.lang), severity="error")
            return False
        return True

    def confirm(self, message: str, short: str = "") -> None:
        """Say that a decision is recorded, in the card's status line until the next move:
        a toast would cover the results the room reads next, or the vote window. `short`
        says it on a narrow window, where the attendance must stay in view."""
        self.confirmation = Confirmation(message, short, recorded=True)
        self.told.publish(message)

    def tell(
        self,
        message: str,
        *,
        severity: SeverityLevel = "information",
    ) -> None:
        """A notice of ours that may quote a deck, a journal or a path (a vote's labels, a
        card id, an OS error naming a folder), said by the card's status line until the
        next move (shown as plain text, never markup). Never a toast: it would be drawn
        over the results the room reads, or over the vote window."""
        message = " ".join(printable(message, lines=True).split())
        if severity != "information":
            message = f"⚠ {message}"
        self.confirmation = Confirmation(message)
        self.told.publish(message)

    def action_help_quit(self) -> None:
        """Ctrl+C: Textual's own says "Press ctrl+q to quit" in English, whatever the
        interface language."""
        self.tell(self.t["ctrl_c"])

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Leaving a meeting says where its minutes are, in the interface's language."""
        if message is None and self.session is not None and return_code == 0:
            message = Text(self.t["minutes_at"].format(path=self.session.minutes_path))
        super().exit(result, return_code, message)

    def action_help(self) -> None:
        from debate.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        light = self.theme == THEMES["light"].name
        chosen = "dark" if light else "light"
        self.theme = THEMES[chosen].name
        remember_theme(self.options.sessions_dir, chosen)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        # is_open is typed for App[object]; this app returns None.
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            placeholder = self.t["palette_placeholder"]
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Not Textual's own (Keys, Theme, Quit, Screenshot): English whatever the
        # interface language, and its Quit leaves without the card screen's question.
        yield SystemCommand(self.t["theme"], self.t["theme_help"], self.action_toggle_theme)
        yield SystemCommand(
            keys.HELP.command.in_(self.options.lang), self.t["palette_help"], self.action_help
        )
        yield from getattr(screen, "palette_commands", lambda: [])()


if TYPE_CHECKING:
    from debate.tui.screens.base import Debate

    # mypy checks here that the app gives its screens all that they may ask of it.
    _gives_screens_what_they_need: type[Debate] = DebateApp
