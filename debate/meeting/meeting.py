"""The live meeting: the one owner of what is written when.

A key press that only moves (the next card, a speaker's turn ended by that move) must not
wait for a disk: its journal line is written just after the repaint, and the minutes once
the keys have stopped. A decision of the room (a vote, a correction, a note, an attendance)
is written at once, and its confirmation waits for its own line and nothing else: the
minutes, rendered whole from the state and so slower the longer the meeting, are written
after the repaint that shows the confirmation, in a thread of their own (a key pressed
meanwhile is not kept waiting). They are current on disk before the next decision is
recorded (that write waited for, or done first if the repaint has not come yet) and at
exit; closing the meeting writes them at once, since the window goes next.

No Textual here: the app passes in how to run something after the next repaint, how to
start a timer and where to write the minutes (debate/meeting/background.py), and listens
for the view published after each change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from debate.deck.model import Deck
from debate.meeting.background import AtOnce, Background, Job
from debate.meeting.speaker import Speaker, Turn
from debate.record.events import CardShown, Event, SessionClosed, TimerUsed
from debate.record.session import Session
from debate.record.state import InvalidEvent, SessionState
from debate.records import record

if TYPE_CHECKING:
    from debate.record.results import CardResult
    from debate.record.state import CardRecord

    Judged = dict[str, tuple[CardRecord, CardResult]]

# After moving between cards, the minutes are rewritten once the keys have stopped for
# this long: the journal already holds the move, and a facilitator paging through five
# cards gets one rewrite, not five, none of them competing with the repaint.
MINUTES_DEBOUNCE = 0.3  # seconds


class Stoppable(Protocol):
    def stop(self) -> None: ...


SetTimer = Callable[[float, Callable[[], None]], Stoppable]
AfterRefresh = Callable[[Callable[[], None]], object]


class SaveStatus(StrEnum):
    SAVED = "saved"  # every event in the journal, the minutes current
    WRITING = "writing"  # recorded, a deferred write still to come (a move, the minutes)
    NOT_SAVED = "not-saved"  # the last write failed: `problem` says why; retried next time


@record(frozen=True)
class View:
    """What the screens show, published after every change. A card's results are
    judged here, once per view and only for the cards a screen asks about, so that the
    card, results and overview screens show one judgement, the minutes' own."""

    state: SessionState
    status: SaveStatus
    problem: str  # empty unless NOT_SAVED
    deck: Deck | None = None
    # Each card's judgement with the record it was judged from, shared by the views of one
    # meeting: a card's result depends on its own record alone, so a move (a new state, a
    # new view) does not judge again the cards whose record did not change (with every
    # card voted, judging the card on screen twice a press cost ~3.7 ms in process).
    _judged: Judged = field(default_factory=dict, compare=False, repr=False)

    def results(self, card_id: str) -> CardResult:
        record = self.state.card(card_id)
        judged = self._judged.get(card_id)
        if judged is not None and (judged[0] is record or judged[0] == record):
            return judged[1]
        # Here, not at the top: card 1 of a new meeting has no votes, and the start-up
        # need not import how they are judged.
        from debate.record.results import card_result

        result = card_result(self.state, card_id, self.deck)
        self._judged[card_id] = (record, result)
        return result


@record(frozen=True)
class Refused:
    """An event the record cannot take (InvalidEvent): nothing was written. The screen
    words `why` in its own language; `reason` is the English."""

    why: InvalidEvent

    @property
    def reason(self) -> str:
        return str(self.why)


Listener = Callable[[View], None]


class Publishes:
    """Hands each new view to the screens that subscribed: state flows one way. The
    facilitator's Meeting and the room's Follower publish alike."""

    _listeners: list[Listener]

    def view(self) -> View:
        raise NotImplementedError

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with each new view; returns how to stop."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _publish(self) -> None:
        view = self.view()
        for listener in list(self._listeners):
            listener(view)


class Meeting(Publishes):
    """One Session, and the rules for writing it. Build it around an open Session."""

    def __init__(
        self,
        session: Session,
        set_timer: SetTimer,
        after_refresh: AfterRefresh,
        background: Background | None = None,
    ) -> None:
        self.session = session
        self._background = background or AtOnce()
        self._writing: tuple[SessionState, Job] | None = None  # the minutes being written
        self._set_timer = set_timer
        self._after_refresh = after_refresh
        self._deferred: list[Event] = []  # moves and turns, written after the repaint
        self._view: View | None = None
        self._judged: Judged = {}  # each card's judgement, kept while its record stands
        self._repaint_asked = False
        self._minutes_due = False  # a decision's minutes: written right after the repaint
        self._minutes_timer: Stoppable | None = None  # a move's: once the keys stop
        # Why the minutes could not be written, for as long as they stay unwritten: a
        # journal line written meanwhile clears the session's `problem`, not this.
        self._minutes_fault = ""
        self._listeners: list[Listener] = []
        # The speaker countdown of the card on screen; its turns are recorded for the card
        # they were spoken on, which a move, a reset, a closing or the exit ends.
        self.speaker = Speaker()
        self._on_card = ""

    # -- what the screens read ------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self.session.state

    @property
    def problem(self) -> str:
        """Why something recorded is not on disk yet (journal or minutes), or ""."""
        return self.session.problem or self._minutes_fault

    @property
    def at_risk(self) -> bool:
        """A write failed: something recorded is not on disk (the screen says NOT SAVED).
        Minutes waiting for the repaint or for the keys to stop are not at risk."""
        return bool(self.problem) or bool(self.session.pending)

    @property
    def status(self) -> SaveStatus:
        if self.problem:
            return SaveStatus.NOT_SAVED
        if self._deferred or not self.session.saved:
            return SaveStatus.WRITING
        return SaveStatus.SAVED

    def view(self) -> View:
        """The current view: the same one until the state or the save status changes."""
        view = self._view
        problem = self.problem
        state, status = self.state, self.status
        # The state is replaced by each event, never changed: `is` tells, at no cost.
        if (
            view is None
            or view.state is not state
            or (view.status, view.problem)
            != (
                status,
                problem,
            )
        ):
            view = self._view = View(state, status, problem, self.session.deck, self._judged)
        return view

    # -- moves: written after the repaint --------------------------------------------------

    def shown(self, card_id: str) -> None:
        """The card on screen is now `card_id` (recorded after the repaint). Only the last
        of several quick moves is recorded, and a move back to the card the record already
        has is no move at all. A speaker's unfinished turn belonged to the card before:
        it is recorded for that card, and the next card starts with a full "for" turn."""
        self.end_speaking_turn()
        self._on_card = card_id
        self._deferred = [e for e in self._deferred if not isinstance(e, CardShown)]
        if card_id != self.state.current:
            self._defer(CardShown(card=card_id))
        else:
            self._publish()

    def next_speaker(self) -> None:
        """The speaker's turn is over: recorded for the card on screen (after the repaint),
        and the other side's begins."""
        self._turn_over(self.speaker.next_turn())

    def end_speaking_turn(self) -> None:
        """A speaker's turn running or paused is recorded for its card, and the countdown
        starts afresh: at a move, before closing, at exit."""
        self._turn_over(self.speaker.leave())

    def _turn_over(self, turn: Turn | None) -> None:
        if turn is not None and self._on_card:
            self.turn_ended(self._on_card, *turn)

    def turn_ended(self, card_id: str, side: str, seconds: int) -> None:
        """A speaker's turn ended (by a move, a reset, a quit): recorded after the repaint."""
        self._defer(TimerUsed(card=card_id, side=side, seconds=seconds))

    def _defer(self, event: Event) -> None:
        # Turns stay in the order they happened relative to the move that ended them.
        if isinstance(event, TimerUsed):
            moves = [e for e in self._deferred if isinstance(e, CardShown)]
            self._deferred = [e for e in self._deferred if not isinstance(e, CardShown)]
            self._deferred += [event, *moves]
        else:
            self._deferred.append(event)
        # No view published until it is written: the screen is busy drawing the move, and
        # a view here only made it refresh the card once more before the frame (3 refreshes
        # instead of 1 on a move that ends a speaker's turn, measured in bench/keypress.py).
        self._ask_repaint()

    def _ask_repaint(self) -> None:
        if not self._repaint_asked:
            self._repaint_asked = True
            self._after_refresh(self._after_repaint)

    def _after_repaint(self) -> None:
        """The screen shows the move or the confirmation: now the disk."""
        self._repaint_asked = False
        if self._deferred:
            self._record_now(self._take_deferred())
            if not self._minutes_due:
                self._debounce_minutes()
        if self._minutes_due:
            self._write_minutes_behind()
        self._publish()

    def _take_deferred(self) -> list[Event]:
        events, self._deferred = self._deferred, []
        return events

    def _debounce_minutes(self) -> None:
        # Restarted at each move: a running timer would keep the first wait's deadline.
        if self._minutes_timer is not None:
            self._minutes_timer.stop()
        self._minutes_timer = self._set_timer(MINUTES_DEBOUNCE, self._keys_stopped)

    def _keys_stopped(self) -> None:
        self._minutes_timer = None
        self._write_minutes_behind()
        self._publish()

    def _write_minutes_behind(self) -> None:
        """Write what is pending now, and the minutes in the background."""
        self._minutes_are_taken()
        session = self.session
        if not session.flush_pending(minutes=False):  # the journal's fault: `problem` says
            return
        if session.saved:
            self._minutes_fault = ""
            return
        state = session.state  # never changed, only replaced: safe in the other thread
        self._writing = (state, self._background.run(lambda: session.write_minutes_of(state)))
        self._collect(wait=False)  # written already, when written at once

    def minutes_done(self) -> None:
        """The minutes written in the background are done (the app's thread, told by the
        background's `wake`): their outcome is taken, and a fault told."""
        self._collect(wait=False)
        self._publish()

    def _collect(self, wait: bool) -> None:
        if self._writing is None:
            return
        state, job = self._writing
        if not (wait or job.done()):
            return
        self._writing = None
        problem = job.result()
        self.session.minutes_written(state, problem)
        self._minutes_fault = problem or ""

    def _minutes_are_taken(self) -> None:
        """Whatever write of the minutes was waiting is about to happen: no other is due,
        and the one in the background (one at a time, in order) is waited for."""
        if self._minutes_timer is not None:
            self._minutes_timer.stop()
            self._minutes_timer = None
        self._minutes_due = False
        self._collect(wait=True)

    def _write_minutes(self) -> bool:
        """Write what is pending and the minutes, now. True when all of it is on disk."""
        self._minutes_are_taken()
        done = self.session.saved or self.session.flush_pending()
        if done:
            self._minutes_fault = ""
        elif not self.session.pending:  # the journal is whole: it is the minutes that failed
            self._minutes_fault = self.session.problem or ""
        return done

    # -- decisions: written at once --------------------------------------------------------

    def record(self, *events: Event) -> Refused | None:
        """Record the room's decision(s) now, in order, the deferred moves first. None when
        recorded (see `status` for the disk), Refused when the record cannot take them
        (nothing written then: every event is checked before any is saved). Only the
        journal is written before this returns; the minutes, once for the whole batch,
        after the next repaint."""
        if any(isinstance(event, SessionClosed) for event in events):
            self.end_speaking_turn()  # while the session still takes events
        events_ = [*self._take_deferred(), *events]
        try:
            self._check(events_)
        except InvalidEvent as exc:
            return Refused(exc)
        # The last decision's minutes first: waited for if they are being written, written
        # now if their repaint has not come or if they failed (a retry, as at any action).
        self._collect(wait=True)
        if self._minutes_due or self._minutes_fault:
            self._write_minutes()
        self._record_now(events_)
        if any(isinstance(event, SessionClosed) for event in events_):
            self._write_minutes()  # the window closes next: a fault must be told before
        else:
            if self._minutes_timer is not None:  # these minutes include the earlier moves
                self._minutes_timer.stop()
                self._minutes_timer = None
            self._minutes_due = True
            self._ask_repaint()
        self._publish()
        return None

    def _check(self, events: Sequence[Event]) -> None:
        from debate.record.state import apply

        state = self.state
        for event in events:
            state = apply(state, event)

    def _record_now(self, events: Sequence[Event]) -> None:
        """Journal `events`, each fsynced in turn; the minutes are the caller's to write."""
        for event in events:
            try:
                self.session.record(event, minutes=False)
            except InvalidEvent:
                # A deferred move the record no longer takes (the meeting was closed
                # meanwhile): a move is not a decision; dropping it loses nothing.
                if not isinstance(event, (CardShown, TimerUsed)):
                    raise

    # -- the end of the window -------------------------------------------------------------

    def finish(self) -> bool:
        """The window closes: everything deferred is written, the minutes too, and the
        meeting is let go (it stays resumable). True when all of it reached the disk. A
        speaker's unfinished turn is kept too."""
        self.end_speaking_turn()
        if self._deferred:
            self._record_now(self._take_deferred())
        done = self._write_minutes()
        self._background.close()
        self.session.release()
        return done

    def retry(self) -> bool:
        """After a disk fault: write what is pending again (each record retries too).
        A no-op when nothing failed: minutes merely waiting for the repaint or for the keys
        to stop are not a fault, and writing them now would put them before the repaint."""
        if not self.problem and not self.session.pending:
            return True
        done = self._write_minutes()
        self._publish()
        return done

    def settle(self) -> str | None:
        """Write everything now, deferred moves and minutes included, for a dialog that
        says what is saved (quit) or shows what was seen (the overview). The problem that
        kept something off the disk, or None."""
        if self._deferred:
            self._record_now(self._take_deferred())
        self._write_minutes()
        self._publish()
        return self.problem or None
