"""The room's window (`debate room`): the slide the facilitator's window shows, read-only.

For a laptop that drives the projector as a second screen: the facilitator keeps their
window (the vote being typed, the notes, the dialogs, what comes next) and the wall gets
this one. It shows the card as the card screen draws it (the same screen, its keys
taken away), the revealed items, the speaker timer, and the results when the
facilitator has them up; never a window being filled in.

What it follows comes from disk (debate/meeting/follow.py): a thread waits for the
kernel to say the sessions folder changed (inotify, on Linux) or, where it cannot, asks a
few `stat` calls every POLL seconds; only when the journal or the slide changed does the
app read them again. So it follows each step within a tenth of a second, opens no socket,
survives the facilitator's window being killed and restarted (the files stay), and works
alike on every system. It writes nothing but `room.lock` in the sessions folder, held
while it runs: the facilitator's window shows what comes next only then.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal
from textual.widgets import Static

from debate.i18n import words_for
from debate.meeting.follow import Followed, Follower, announce, writer_gone
from debate.told import say
from debate.tui.plain import plain
from debate.tui.screens.all_results import AllResultsScreen
from debate.tui.screens.card import CardScreen
from debate.tui.screens.results import ResultsScreen
from debate.tui.themes import THEMES

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.timer import Timer

    from debate.meeting.options import Options
    from debate.meeting.slide import Countdown
    from debate.platform import FolderWatch
    from debate.record.events import Event
    from debate.record.lock import SessionLock

# Without kernel notifications, how often the files are looked at: a step shows within a
# tenth of a second, and a stat of two files twenty times a second costs about what
# Textual's own input polling does (bench/room.py).
POLL = 0.05  # seconds
LOOK = 1.0  # seconds: while a timer runs, how often the wall asks if the facilitator is there


class RoomCardScreen(CardScreen, inherit_bindings=False):
    """The card screen with no keys: it moves only as the facilitator's slide says."""

    BINDINGS = []

    def __init__(self, index: int = 0) -> None:
        super().__init__(index)
        # While the facilitator's timer runs, whether their window is still there: one
        # killed leaves a slide whose timer would count on the wall until a restart.
        self._lookout: Timer | None = None
        self._journal: Path | None = None
        self._line = ""  # what the wall's own line says

    def compose(self) -> ComposeResult:
        yield from super().compose()
        line = Static(id="room-line")  # the wall's own plain word: the facilitator is gone
        line.display = False
        yield line

    def on_mount(self) -> None:
        # After the card screen's own on_mount (Textual runs both), which shows card 1.
        self.call_later(self._first)

    async def _first(self) -> None:
        app = self.app
        assert isinstance(app, RoomApp)
        await app.show_followed()

    def refresh_card(self) -> None:
        super().refresh_card()
        # Before a vote the line only says which keys vote: the facilitator's words.
        record = self.debate.live_meeting.state.cards.get(self.presenter.card.id)
        self.query_one("#votes").display = bool(record and record.votes)

    async def follow(self, followed: Followed) -> None:
        """Show what the facilitator shows: the card, the items revealed, the timer."""
        slide = followed.slide
        ids = self.debate.deck.ids
        card = slide.card if slide else followed.state.current
        if card not in ids:  # a slide or a journal naming a card this deck lacks
            card = self.presenter.card.id if slide is None else ids[0]
        index = ids.index(card)
        step = min(slide.step if slide and slide.card == card else 0, _steps(self, index))
        presenter = self.presenter
        if index == presenter.index and step == presenter.step + 1:
            self.action_next()  # the facilitator's own path: the new item scrolled into view
        elif index != presenter.index:
            presenter.go_to(index)
            presenter.step = step
            self._card_changed()
        else:
            presenter.step = step
            self.refresh_card()
        await self._follow_timer(slide.timer if slide else None, followed.journal)

    async def _follow_timer(self, countdown: Countdown | None, journal: Path | None) -> None:
        if countdown is None:
            self._look_out(None)
            self._say_gone(False)
            if self._speaker is not None:
                await self._speaker.remove()
                self._speaker = None
                self._timed(False)
            return
        gone = countdown.running and journal is not None and writer_gone(journal)
        if gone:  # as the slide last had it: not a second counted since
            countdown = replace(countdown, running=False)
        timer = await self._timer()
        timer.speaker.follow(countdown)
        timer.sync()
        self._say_gone(gone)
        self._look_out(journal if countdown.running else None)

    def _look_out(self, journal: Path | None) -> None:
        """Ask whether the facilitator's window is there, each LOOK, while `journal`'s
        timer runs; never otherwise (an idle wall costs no CPU)."""
        self._journal = journal
        if journal is None and self._lookout is not None:
            self._lookout.stop()
            self._lookout = None
        elif journal is not None and self._lookout is None:
            self._lookout = self.set_interval(LOOK, self._look)

    def _look(self) -> None:
        journal = self._journal
        if journal is None or not writer_gone(journal):
            return
        timer = self._speaker
        if timer is not None and timer.speaker.running:
            timer.speaker.toggle()  # stopped where it stands
            timer.sync()
        self._say_gone(True)
        self._look_out(None)

    def _say_gone(self, gone: bool) -> None:
        """The wall's own line: that the facilitator is gone, and on a rehearsal's wall
        that it is one (the facilitator's status line, which says it, is not shown)."""
        t = self.debate.t
        opened = self.debate.live_meeting.state.opened
        said = [t["rehearsal"]] if opened and opened.rehearsal else []
        said += [t["room_gone"]] if gone else []
        text = " · ".join(said)
        if text == self._line:  # followed at every step: a layout pass only for a change
            return
        self._line = text
        line = self.query_one("#room-line", Static)
        line.update(Text(text))
        line.display = bool(text)


def _steps(screen: CardScreen, index: int) -> int:
    card = screen.debate.deck.cards[index]
    return len(card.arguments) + len(card.objections)


class FilesChanged(Message):
    """The watching thread saw the journal, the slide or the theme change on disk."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FilesChanged)  # a burst of changes: one reading


class RoomNotice(Screen[None]):
    """Over the card: no meeting yet, the meeting closed, or its journal unreadable."""

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.shown(), id="room-notice")

    def shown(self) -> Text:
        return self.text

    def say(self, text: Text) -> None:
        self.text = text
        if self.is_mounted:
            self.query_one("#room-notice", Static).update(text)


class RoomApp(App[None]):
    CSS_PATH = ["debate.tcss", "screens.tcss"]  # the wall shows the results slides too
    # The facilitator's parts of the card screen stay in their window: the save status,
    # the key hints, what comes next.
    CSS = """
    RoomCardScreen #status, RoomCardScreen #hint, RoomCardScreen #keybar,
    RoomCardScreen #next { display: none; }
    #room-line { height: auto; padding: 0 2; text-style: bold; background: $panel; }
    #room-notice { width: 100%; height: 100%; content-align: center middle;
                   text-align: center; text-style: bold; padding: 1 4; }
    """
    TITLE = "debate room"
    ENABLE_COMMAND_PALETTE = False
    confirmation = None  # the wall never says what was just recorded: its status is hidden
    BINDINGS = [Binding("q,ctrl+q", "quit", show=False, priority=True)]

    def __init__(self, options: Options, follower: Follower) -> None:
        super().__init__()
        self.options = options
        self.deck = options.deck
        self.t = words_for(options.lang)
        self.follower = follower
        # Never published: the wall is told nothing, and is the room's window itself.
        self.told: Signal[str] = Signal(self, "told")
        self.room_signal: Signal[bool] = Signal(self, "room")
        self._stop = threading.Event()
        self._watching: FolderWatch | None = None
        self._presence: SessionLock | None = None  # tells the facilitator's window
        for theme in THEMES.values():
            self.register_theme(theme)
        self._follow_theme()

    # -- what the card screen asks of the app (debate.tui.screens.base.Debate) ----------
    # The follower stands for the session and the meeting: it has their `state`,
    # `view()` and `subscribe()`, and records nothing.

    @property
    def session(self) -> Follower:
        return self.follower

    @property
    def live_meeting(self) -> Follower:
        return self.follower

    def record(self, *events: Event) -> bool:
        return False

    def card_shown(self, card_id: str) -> None:
        pass

    def slide_changed(self) -> None:
        pass

    def room_follows(self) -> bool:
        return False  # this is the room: what comes next is not for the wall

    def tell(self, message: str, *, severity: SeverityLevel = "information") -> None:
        pass  # the wall shows no notification

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action == "quit"  # read-only: no key but quit does anything

    # -- following ----------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        key = self.follower.watch_key()
        self.follower.reload()
        self._key = key
        state = self.follower.state
        ids = self.deck.ids
        return RoomCardScreen(ids.index(state.current) if state.current in ids else 0)

    def on_mount(self) -> None:
        self._presence = announce(self.options.sessions_dir)
        threading.Thread(target=self._watch, name="debate-room-watch", daemon=True).start()

    def on_unmount(self) -> None:
        self._stop.set()
        if self._watching is not None:
            self._watching.stop()
        if self._presence is not None:
            self._presence.release()

    def _watch(self) -> None:
        """The watching thread: woken by the kernel where it tells of a folder's changes
        (Linux), else every POLL; either way the app reads only when the files' stat
        changed (the minutes or a lock file changing are not the slide)."""
        from debate import platform

        key = self._key
        watch = platform.watch_folder(self.follower.sessions_dir)
        self._watching = watch
        try:
            while not self._stop.is_set():
                if watch is not None:
                    watch.wait()  # by a change in the folder, or the app's end
                elif self._stop.wait(POLL):
                    return
                found = self.follower.watch_key()
                if found == key:
                    continue
                key = found
                # A message, which Textual takes from any thread: nothing waits on the
                # app, and nothing is left unawaited if it is closing meanwhile.
                try:
                    if not self.post_message(FilesChanged()):
                        return  # the app is closing
                except RuntimeError:  # its loop closed meanwhile
                    return
        finally:
            if watch is not None:
                watch.close()

    def _follow_theme(self) -> None:
        """--theme, else the facilitator's last choice (issue 15), followed as it changes."""
        from debate.meeting.theme_memory import remembered_theme

        chosen = self.options.theme or remembered_theme(self.options.sessions_dir, THEMES)
        name = THEMES.get(chosen, THEMES["light"]).name
        if name != self.theme:
            self.theme = name

    async def on_files_changed(self, _message: FilesChanged) -> None:
        await self.follow_now()

    async def follow_now(self) -> None:
        """Read what changed on disk, and show it."""
        self._follow_theme()
        if self.follower.reload():
            await self.show_followed()

    async def show_followed(self) -> None:
        from debate.tui.screens.too_small import TooSmall

        followed = self.follower.followed
        card = self._card_screen()
        if card is not None:
            await card.follow(followed)
        small = isinstance(self.screen, TooSmall)  # stays on top of whatever comes
        if small:
            await self.pop_screen()
        await self._overlays(followed)
        if small:
            await self.push_screen(TooSmall())

    async def on_resize(self, event: Resize) -> None:
        from debate.tui.screens.too_small import TooSmall
        from debate.tui.size_guard import MIN_HEIGHT, MIN_WIDTH

        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        top = self.screen
        if isinstance(top, TooSmall):
            if small:
                top.show_size(event.size.width, event.size.height)
            else:
                await self.pop_screen()
        elif small:
            await self.push_screen(TooSmall())

    def _card_screen(self) -> RoomCardScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, RoomCardScreen):
                return screen
        return None

    async def _overlays(self, followed: Followed) -> None:
        """On top of the card, at most one thing: a notice (a blank screen is an empty
        one: Textual's blank screen would return at a key), the card's results, or the
        meeting's at the facilitator's page."""
        notice = self._notice_text(followed)
        card = self._card_screen()
        results = followed.slide is not None and followed.slide.results and card is not None
        page = followed.slide.meeting_results if followed.slide and card else None
        top = self.screen
        if isinstance(top, RoomNotice) and notice is not None:
            top.say(notice)
            return
        shown = card.presenter.card if card is not None else None
        if isinstance(top, ResultsScreen) and top.card is shown and notice is None and results:
            top.refresh(recompose=True)  # a vote recorded or corrected meanwhile
            return
        if isinstance(top, AllResultsScreen) and notice is None and page is not None:
            top.page = page
            top.refresh(recompose=True)  # a page turned, or a vote recorded meanwhile
            return
        if not isinstance(top, RoomCardScreen):
            await self.pop_screen()
        if notice is not None:
            await self.push_screen(RoomNotice(notice))
        elif page is not None:
            await self.push_screen(RoomAllResults(page))
        elif results and card is not None:
            await self.push_screen(RoomResults(card.presenter.card))

    def _notice_text(self, followed: Followed) -> Text | None:
        t = self.t
        if followed.problem is not None:
            reason = say(followed.problem, self.options.lang)
            return plain(t["room_unreadable"].format(reason=reason))
        if followed.journal is None or followed.state.opened is None:
            return Text(t["room_waiting"])
        if followed.closed:
            return plain(self.deck.title, style="italic").append(f"\n\n{t['room_closed']}")
        if followed.slide is not None and followed.slide.blank:
            return Text()
        return None


class RoomResults(ResultsScreen, inherit_bindings=False):
    """The card's results as the facilitator's window shows them, with no keys."""

    BINDINGS = []


class RoomAllResults(AllResultsScreen, inherit_bindings=False):
    """The meeting's results at the facilitator's page, with no keys to turn it."""

    BINDINGS = []

    def __init__(self, page: int) -> None:
        super().__init__()
        self.page = page

    def page_line(self) -> Text:
        return Text(f"{self.page + 1}/{self.pages()}")  # the keys are the facilitator's
