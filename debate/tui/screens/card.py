"""The main screen: one card, its arguments revealed one key press at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.containers import Container, VerticalScroll
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Static

from debate.presenter import Presenter, reveal_order
from debate.tui import keys
from debate.tui.focus_side import show_side
from debate.tui.keys import bindings, key_bar, key_names, palette
from debate.tui.next_hint import next_hint
from debate.tui.plain import plain
from debate.tui.render import (
    BigWords,
    arguments_text,
    focus_words,
    history_text,
    objections_text,
    status_line,
    title_words,
    votes_line,
)
from debate.tui.screens.base import apply_breakpoints
from debate.tui.screens.card_doors import CardDoors
from debate.tui.widgets.big_text import BigText

if TYPE_CHECKING:
    from debate.tui.widgets.speaker_timer import SpeakerTimer

WIDE = 100  # from this many columns, arguments and objections stand side by side


TALL, HUGE = 36, 56  # from these many rows, the slide spreads out (debate.tcss)
TITLE_SHARE = 0.25  # of the window's height, the most the title's big type may take
# Beside the timer the band has two rows of padding fewer (debate.tcss): a smaller share
# leaves its words no more rows than without the timer, at every height from HUGE on.
TITLE_SHARE_TIMED = 0.22


class CardScreen(CardDoors):
    """The card as a slide: the title in a band, the item revealed last whole and in
    view, what came before one dimmed line each; `w` shows the whole card instead."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall"), (HUGE, "-huge")]
    BINDINGS = bindings(keys.CARD)

    def __init__(self, index: int = 0) -> None:
        super().__init__()
        self.start_index = index
        self._shown: dict[str, Text | BigWords] = {}  # what each Static shows now
        self._speaker: SpeakerTimer | None = None  # mounted when first used
        self._unsubscribe: Callable[[], None] = lambda: None
        self._follows = False  # a room's window follows: the "next" line shows
        self._side_shown = ""  # the side whose colour the item in focus has

    def compose(self) -> ComposeResult:
        self.presenter = Presenter(self.debate.deck, self.start_index)
        # Classes and contents are set before the widgets mount: setting them afterwards
        # costs a restyle and a second layout before card 1 first shows.
        apply_breakpoints(self, *self.app.size)
        self._follows = self.debate.room_follows()
        shown = self._shown = self._contents()

        def text(selector: str) -> Text:  # what a Static of ordinary type shows
            content = shown.get(selector, Text())
            assert isinstance(content, Text)
            return content

        yield Static(text("#status"), id="status")
        # From a huge window on, the title and the item in focus grow in letters.
        title = title_words(self.presenter.card)
        yield BigText(title, share=TITLE_SHARE, from_rows=HUGE, id="card-title")
        # Not focusable: PageDown / PageUp belong to the clicker, not to scrolling.
        with VerticalScroll(id="card-body", can_focus=False):
            yield Static(text("#history"), id="history")
            focus = focus_words(self.presenter.card, self.presenter.step, self.debate.t)
            focused = BigText(focus, from_rows=HUGE, id="focus")
            self._paint_side(focused)
            yield focused
            yield Static(Text(), id="summary")
            with Container(id="sides"):
                yield Static(Text(), id="for", classes="side")
                yield Static(Text(), id="against", classes="side")
            questions = Static(text("#questions"), id="questions")
            questions.display = self._questions_shown()
            yield questions
            yield Static(text("#sources"), id="sources")
        yield Static(text("#votes"), id="votes")
        yield Static(text("#hint"), id="hint")
        hint = Static(text("#next"), id="next")  # the facilitator's, with a room's window
        hint.display = self._follows
        yield hint
        yield Static(text("#keybar"), id="keybar")

    def on_mount(self) -> None:
        # The status line follows the meeting: a deferred write that fails, or minutes
        # written once the keys stop, change what it says without a key press.
        self._unsubscribe = self.debate.live_meeting.subscribe(lambda _view: self.refresh_card())
        # A notice told while this screen shows (Ctrl+C, a warning at a resume).
        self.debate.told.subscribe(self, lambda _said: self.refresh_card())
        self.debate.room_signal.subscribe(self, lambda _follows: self.refresh_card())
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle_side())
        self._card_changed()

    def on_unmount(self) -> None:
        self._unsubscribe()

    def _restyle_side(self) -> None:
        """The theme changed: the side shown now in the new theme's colour (in the whole
        card, the one shown before it; the slide takes its own side back on return)."""
        if self._side_shown:
            show_side(self.query_one("#focus", Static), self._side_shown)

    def _keybar(self, width: int) -> Text:
        """The keys a facilitator needs, `g` among them only when the deck has a glossary
        or references, as many as fit on two lines. While a write fails, why, in their
        place: the facilitator's line, where no toast covers what the room reads."""
        meeting = self.debate.live_meeting
        if meeting.at_risk and meeting.view().problem:
            return plain(f"⚠ {meeting.view().problem}", lines=True)
        glossary = bool(self.debate.deck.glossary or self.debate.deck.references)
        return Text(key_bar(self.debate.options.lang, glossary, width))

    def on_resize(self, event: Resize) -> None:
        self._put("#keybar", self._keybar(event.size.width))
        self._put("#status", self._status(event.size.width))

    def on_screen_resume(self) -> None:
        self.refresh_card()  # a modal may have recorded a vote or a note

    # -- rendering ------------------------------------------------------------

    def _card_changed(self) -> None:
        self.debate.confirmation = None
        self.query_one("#card-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_card()
        if self.presenter.step:  # back to a card fully revealed: its last item in view
            self._keep_focus_in_view()
        # The meeting ends a speaker's turn at a move, for the card it was spoken on.
        self.debate.card_shown(self.presenter.card.id)
        if self._speaker is not None:
            # Drawn in the frame after the card's: the room waits for the card, and the
            # countdown's blocks cost that frame a few ms (bench/keypress.py). Not if the
            # timer was taken away meanwhile (a room's window following a slide without).
            self.call_after_refresh(self._sync_speaker, self._speaker)

    @property
    def whole(self) -> bool:
        """The whole card is shown, as a document, rather than the slide."""
        return self.has_class("-whole")

    def action_whole_card(self) -> None:
        self.toggle_class("-whole")
        self.refresh_card()
        self._keep_focus_in_view()

    def _focus_side(self) -> str:
        order = reveal_order(self.presenter.card)
        step = self.presenter.step
        return "summary" if step == 0 else order[step - 1][0]

    def _paint_side(self, focus: Widget) -> None:
        """The item in focus in the colour of its step's side, when that side changed."""
        side = self._focus_side()
        if side != self._side_shown:
            self._side_shown = side
            show_side(focus, side)

    def refresh_card(self) -> None:
        self.debate.slide_changed()  # for a room's window, after the repaint
        self.set_class(self.debate.live_meeting.at_risk, "-unsaved")
        # Set only when it changes: setting `display`, even to what it is, asks a layout.
        _show(self.query_one("#questions", Static), self._questions_shown())
        self._follows = self.debate.room_follows()
        _show(self.query_one("#next", Static), self._follows)
        if not self.whole:
            self._paint_side(self.query_one("#focus", Static))
        for selector, content in self._contents().items():
            self._put(selector, content)

    def _questions_shown(self) -> bool:
        return self.presenter.fully_revealed and bool(self.presenter.card.questions)

    def _contents(self) -> dict[str, Text | BigWords]:
        """What each Static shows, by selector, for the card and step on screen."""
        t = self.debate.t
        deck = self.debate.deck
        card = self.presenter.card
        shown = self.presenter.revealed
        session = self.debate.session
        contents: dict[str, Text | BigWords] = {
            "#status": self._status(self.app.size.width),
            "#keybar": self._keybar(self.app.size.width),
            "#card-title": title_words(card),
            "#questions": Text(f"{t['questions']}\n").append(
                plain("\n".join(f"? {q}" for q in card.questions), lines=True)
            ),
            "#sources": Text(f"{t['sources']}{t['colon']}").append(
                plain(" · ".join(s.title for s in card.sources))
            )
            # On the slide, the card's sources come once its items are all shown.
            if card.sources and (self.whole or self.presenter.fully_revealed)
            else Text(),
            "#hint": Text(
                f"{self.presenter.step}/{self.presenter.steps} · "
                + (t["all_shown"] if self.presenter.fully_revealed else t["press_next"])
            ),
            # Hidden, it stays empty: a Static updated costs a layout even when hidden.
            "#next": next_hint(deck, self.presenter, t) if self._follows else Text(),
        }
        # Only what the way of showing draws: a hidden Static updated still costs a layout.
        if self.whole:
            contents["#summary"] = plain(card.summary, lines=True)
            contents["#for"] = arguments_text(card, shown.arguments, t)
            contents["#against"] = objections_text(card, shown.objections, t)
        else:
            contents["#history"] = history_text(card, self.presenter.step)
            contents["#focus"] = focus_words(card, self.presenter.step, t)
        if session is not None:
            view = self.debate.live_meeting.view()
            # A card without a vote needs nothing judged: card 1 of a new meeting shows
            # before debate.record.results is imported.
            judged = view.results(card.id) if view.state.card(card.id).votes else None
            contents["#votes"] = votes_line(judged, t)
        return contents

    def _status(self, width: int) -> Text:
        """The save mark, what was just said (a vote recorded, a notice), the card and
        the attendance, the deck's title: in one line of `width`, where only what was said
        and the title are shortened, never the attendance."""
        t = self.debate.t
        deck = self.debate.deck
        session = self.debate.session
        state = session.state if session else None
        attendance = state.attendance if state else 0
        meeting = self.debate.live_meeting
        at_risk = meeting.at_risk
        rehearsal = bool(state and state.opened and state.opened.rehearsal)
        mark = Text("⚠ " + t["not_saved"] if at_risk else "✓ " + t["saved"], style="bold")
        if rehearsal:  # never taken for the real one
            mark.append(f" · {t['rehearsal']}", style="bold")
        # A vote confirmed on its journal line stays said when its minutes fail.
        said = self.debate.confirmation
        wordings = [w for w in (said.text, said.short) if w] if said else []
        # Most important first, and never cut: the mark (ours alone, bold: the deck's title,
        # last and in italics, cannot pass for it even if it ends in "✓ saved"), the card,
        # the attendance.
        tail = f" · {t['card']} {self.presenter.card.number}/{len(deck.cards)} · "
        tail += f"{t['attendance']}{t['colon']}{attendance}"
        title = plain(deck.title, style="italic")
        merged = said is not None and said.recorded and not at_risk and not rehearsal
        width -= 4  # the padding, and " …" where the title is cut: never "140…"
        return status_line(
            width, mark, wordings, tail, title, merged=Text("✓ ", style="bold") if merged else None
        )

    def _put(self, selector: str, content: Text | BigWords) -> None:
        """Update a Static only when its content changed: each update costs a layout pass,
        and a key press changes one or two of the nine."""
        if self._shown.get(selector) != content:
            self._shown[selector] = content
            if isinstance(content, BigWords):
                self.query_one(selector, BigText).show(content)
            else:
                self._update(selector, content)

    def _update(self, selector: str, content: Text) -> None:
        self.query_one(selector, Static).update(content)

    # -- actions --------------------------------------------------------------

    def _retry_saving(self) -> None:
        """A reveal records nothing, but the facilitator was told that what a disk fault
        kept off the disk is written "at the next action": a reveal is one."""
        self.debate.live_meeting.retry()

    def _moved(self) -> None:
        """A move: the vote said in the status line is no longer the news."""
        self._retry_saving()
        self.debate.confirmation = None

    def action_next(self) -> None:
        self._moved()
        last = self.presenter.index == len(self.debate.deck.cards) - 1
        if last and self.presenter.fully_revealed:  # the end of the deck: the room's results
            self.action_all_results()
            return
        if self.presenter.next():
            self._card_changed()
        else:
            self.refresh_card()
            self._keep_focus_in_view()

    def _keep_focus_in_view(self) -> None:
        """Scroll to the item in focus once the new contents are laid out: the refresh
        that follows a Static's update measures it, the one after places it (scrolling
        after the first alone left the item's last lines below the fold)."""
        self.call_after_refresh(lambda: self.call_after_refresh(self._show_focus))

    def _show_focus(self) -> None:
        """Scroll just enough that the item in focus is whole on screen (what came before
        scrolls away first); in the whole card, the side revealed last."""
        body = self.query_one("#card-body", VerticalScroll)
        if self.whole:
            order = reveal_order(self.presenter.card)[: self.presenter.step]
            if not order:
                return
            shown = self.query_one("#for" if order[-1][0] == "for" else "#against", Static)
            overflow = shown.region.bottom - body.content_region.bottom
            if overflow > 0:
                body.scroll_relative(y=overflow, animate=False)
            return
        body.scroll_to_widget(self.query_one("#focus", Static), animate=False, immediate=True)

    def action_back(self) -> None:
        self._moved()
        if self.presenter.back():
            self._card_changed()
        else:
            self.refresh_card()
            self._keep_focus_in_view()

    def go_to(self, index: int) -> None:
        if self.presenter.go_to(index):
            self._card_changed()

    # -- timer ----------------------------------------------------------------
    # Mounted the first time it is used, above the hint: composed hidden with the card,
    # its large digits cost about a tenth of the start-up, on every launch, for a timer
    # many meetings never start.

    async def _timer(self) -> SpeakerTimer:
        from debate.tui.widgets.speaker_timer import SpeakerTimer

        self.debate.slide_changed()  # written after the repaint, which shows the change
        if self._speaker is None:
            t = self.debate.t
            labels = {"for": t["for"], "against": t["against"]}
            speaker = self.debate.live_meeting.speaker
            self._speaker = SpeakerTimer(labels, speaker, id="timer")
            await self.mount(self._speaker, before="#hint")
            self._timed(True)
        return self._speaker

    def _sync_speaker(self, speaker: SpeakerTimer) -> None:
        if speaker is self._speaker:
            speaker.sync()

    def _timed(self, timed: bool) -> None:
        """With the timer on screen, the title's band and the item give up their outer
        margins (debate.tcss) so the item keeps its big type; the title's share shrinks
        with its band so that its letters never grow from the margins it gave up."""
        self.set_class(timed, "-timed")
        title = self.query_one("#card-title", BigText)
        title.share = TITLE_SHARE_TIMED if timed else TITLE_SHARE
        title.refresh(layout=True)

    async def action_timer(self) -> None:
        timer = await self._timer()
        timer.speaker.toggle()
        timer.sync()

    async def action_timer_reset(self) -> None:
        # Recorded after the repaint, like a move: a turn is not the room's decision.
        timer = await self._timer()
        self.debate.live_meeting.next_speaker()
        timer.sync()

    async def action_timer_adjust(self, direction: int) -> None:
        from debate.meeting.speaker import STEP

        timer = await self._timer()
        timer.speaker.adjust(direction * STEP)
        timer.sync()

    def palette_commands(self) -> Iterator[SystemCommand]:
        """Every card-screen action, for the command palette (Ctrl+P), in the interface
        language."""
        lang = self.debate.options.lang
        for key in palette(keys.CARD):
            yield SystemCommand(
                key.command.in_(lang),
                self.debate.t["palette_key"].format(keys=key_names(key.keys, lang)),
                lambda action=key.action: self.run_action(action),
            )


def _show(widget: Widget, shown: bool) -> None:
    if widget.display != shown:
        widget.display = shown
