"""Show-of-hands vote: one count per choice (or grade), typed or counted with + / -.

Refuses impossible input in place, with the reason; a sum above the attendance is
recorded only by its own key (`a`), which raises the attendance first (both are
recorded), never by a second Enter; a vote where nobody raised a hand is, on a second
Enter.
A card whose vote is already recorded reopens prefilled, and Enter records a correction.
"""

from __future__ import annotations

from dataclasses import replace

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.geometry import Size
from textual.widgets import Input, Label, Static

from debate.deck.model import Card
from debate.i18n import built, counted
from debate.meeting.vote_check import (
    Asked,
    Verdict,
    check_vote,
    correction_events,
    recorded_spec,
    voted_on,
)
from debate.record.events import AmendmentVoted, AttendanceSet, Event, VoteRecorded
from debate.record.state import SessionState, Vote
from debate.tui import keys
from debate.tui.keys import bindings
from debate.tui.plain import fill, plain
from debate.tui.screens.base import DebateModal
from debate.vocabulary import Method, Round


class CountField(Input):
    """One count: digits typed, `+` / `-` one hand more or less.

    The field handles + and - itself, in its own queue of keys, so they apply in order
    with the digits typed just before them. As a priority binding on the screen they
    ran before those digits reached the field: "1" "+" "+" typed quickly gave 1, not 3.
    """

    def on_key(self, event: events.Key) -> None:
        if event.character in ("+", "-"):
            event.stop()
            event.prevent_default()  # not inserted as text by Input
            self.bump(1 if event.character == "+" else -1)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Digits, + and - only: a letter is the window's key (`a` raises the attendance),
        # not text the field would refuse anyway.
        return character is not None and (character.isdigit() or character in "+-")

    def bump(self, step: int) -> None:
        value = int(self.value) if self.value.isdigit() else 0
        self.value = str(max(0, value + step))
        self.cursor_position = len(self.value)


FIELD_ROWS = 3  # a count field with its border
# Around the fields, besides the title and the hint: border and padding (4), the
# title's and the hint's padding (2), the sum with its padding (2), a two-line message.
CHROME_ROWS = 10
DIALOG_WIDTH = 110  # .dialog's max-width in debate.tcss


class VoteScreen(DebateModal[bool]):
    # Tab has priority (keys.FIELDS): a Tab that bubbles up from the Input moves the
    # focus only after the keys read with it were already given to the old field, so
    # "12<Tab>5" typed quickly (or on a busy laptop) recorded 125 and 0 instead of 12 and 5.
    BINDINGS = bindings(keys.VOTE)

    def __init__(self, card: Card, round_: Round, amendment: int | None = None) -> None:
        super().__init__()
        self.card = card
        self.round = round_
        self.amendment = amendment  # set: the vote is on that amendment of the card
        self.spec = card.vote  # a correction's is its vote's own: see compose
        self._asked = Asked()  # what Enter was asked since the counts last changed
        self._typed_on_open: tuple[str, ...] = ()  # the fields as they opened
        self._asked_discard = False  # Esc asked "throw the counts away?" already

    def _recorded(self, state: SessionState) -> Vote | None:
        """The vote this window records or corrects, if it is recorded already."""
        return voted_on(state, self.card.id, self.round, self.amendment)

    @property
    def existing(self) -> tuple[int, ...] | None:
        session = self.debate.session
        vote = self._recorded(session.state) if session else None
        return vote.counts if vote else None

    def _title(self) -> Text:
        t = self.debate.t
        if self.amendment is not None:
            session = self.debate.session
            notes = session.state.card(self.card.id).amendments if session else ()
            text = notes[self.amendment].text if self.amendment < len(notes) else ""
            return fill(
                t["amendment_vote_title"],
                number=self.amendment + 1,
                card=self.card.number,
                text=text,
            )
        word = t[self.round.value]
        return fill(
            t["vote_title"],
            round=word,
            Round=word.capitalize(),
            number=self.card.number,
            title=self.card.title,
        )

    def compose(self) -> ComposeResult:
        t = self.debate.t
        existing = self.existing
        session = self.debate.session
        recorded = self._recorded(session.state) if session else None
        if recorded is not None:
            self.spec = recorded_spec(recorded)
        with Vertical(id="vote", classes="dialog"):
            yield Static(
                self._title(),
                classes="dialog-title",
            )
            if existing is not None:
                yield Static(Text(t["correcting"]), classes="warning")
            with Grid(id="vote-fields"):
                for i, label in enumerate(self.spec.labels):
                    yield Label(plain(label), classes="vote-label")
                    value = str(existing[i]) if existing else ""
                    yield CountField(
                        value,
                        placeholder="0",
                        id=f"count-{i}",
                        restrict=r"[0-9]*",
                        max_length=5,
                        classes="count",
                    )
                if recorded is not None:  # the room it is judged on can be mended too
                    yield Label(Text(t["vote_room"]), classes="vote-label")
                    yield CountField(
                        str(recorded.attendance),
                        id="vote-room",
                        restrict=r"[0-9]*",
                        max_length=5,
                        classes="room",
                    )
            yield Static(id="vote-sum", classes="big-line")
            yield Static(id="vote-error", classes="error")
            yield Static(Text(t["vote_keys"]), classes="hint")

    def on_mount(self) -> None:
        self._fit(self.app.size)
        self.set_focus(self.query_one("#count-0", Input))
        self._typed_on_open = tuple(f.value for f in self._inputs())
        self._show_sum()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """One line per field (-compact) when full-size fields would push the last
        fields, a two-line message or the hint below the dialog's edge."""
        t = self.debate.t
        inner = max(1, min(DIALOG_WIDTH, size.width * 9 // 10) - 6)  # border, padding

        def lines(text: str) -> int:
            return -(-cell_len(text) // inner)

        rows = (
            FIELD_ROWS * len(self.spec.labels)
            + CHROME_ROWS
            + lines(self._title().plain)
            + lines(t["vote_keys"])
            + (self.existing is not None)
            + FIELD_ROWS * (self.existing is not None)  # the room it is judged on
        )
        self.set_class(rows > size.height * 95 // 100, "-compact")

    def _inputs(self) -> list[Input]:
        return list(self.query(".count").results(Input))

    def _counts(self) -> tuple[int, ...] | None:
        counts = []
        for label, field in zip(self.spec.labels, self._inputs(), strict=True):
            text = field.value.strip() or "0"
            if not text.isdigit():
                self._error(fill(self.debate.t["not_a_number"], label=label))
                return None
            counts.append(int(text))
        return tuple(counts)

    def _attendance(self) -> int:
        """The room the counts must fit: a correction's is the room its vote was taken in,
        or the one typed in its place (a room miscounted, mended on the record)."""
        session = self.debate.session
        if session is None:
            return 0
        vote = self._recorded(session.state)
        if vote is None:
            return session.state.attendance
        typed = self.query("#vote-room").results(Input)
        room = next(typed, None)
        return int(room.value) if room is not None and room.value.isdigit() else vote.attendance

    def _room_changed(self) -> bool:
        vote = self._recorded(self.debate.live.state)
        return vote is not None and self._attendance() != vote.attendance

    def _show_sum(self) -> None:
        t = self.debate.t
        values = [int(f.value) if f.value.isdigit() else 0 for f in self._inputs()]
        total, present = sum(values), self._attendance()
        missing = max(0, present - total)
        self.query_one("#vote-sum", Static).update(
            Text(
                f"{t['sum']}{t['colon']}{total} / {t['attendance']}{t['colon']}{present} · "
                f"{missing} {counted(t, 'not_voted', missing)}"
            )
        )
        self.set_class(total > present, "-over")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._asked = Asked()
        self._asked_discard = False
        self._error(Text())
        self._show_sum()

    def action_bump(self, step: int) -> None:
        focused = self.focused
        if isinstance(focused, CountField):
            focused.bump(step)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def action_raise_attendance(self) -> None:
        self.submit(raising=True)

    def submit(self, raising: bool = False) -> None:
        t = self.debate.t
        counts = self._counts()
        if counts is None:
            return
        existing = self.existing
        check = check_vote(
            self.spec,
            counts,
            vote_room=self._attendance(),
            room_now=self.debate.live.state.attendance,
            existing=existing,
            asked=self._asked,
            raising=raising,
        )
        if check.verdict is Verdict.UNCHANGED and not self._room_changed():
            self.dismiss(False)  # reopened and closed unchanged
            return
        if check.verdict is Verdict.CONFIRM_EMPTY:  # Enter pressed before any count
            self._asked = replace(self._asked, empty=True)
            self._error(Text(t["empty_vote"]))
            return
        if check.verdict is Verdict.REFUSED:
            self._error(fill(built(t, check.code), total=check.total, present=check.room))
            return
        if check.verdict is Verdict.OFFER_RAISE:
            self._error(fill(t["over_attendance"], total=check.total, present=check.room))
            return
        if check.raise_to is not None and not self.debate.record(
            AttendanceSet(count=check.raise_to)
        ):
            return
        events: list[Event]
        if existing is not None:
            state = self.debate.live.state
            room = self._attendance()
            events = correction_events(
                state, self.card.id, self.round, counts, room, self.amendment
            )
            done = t["corrected"]
        else:
            mj = self.spec.method is Method.MAJORITY_JUDGMENT
            event: Event = VoteRecorded(
                card=self.card.id,
                round=self.round,
                method=self.spec.method.value,
                labels=self.spec.labels,
                counts=counts,
                rule=self.spec.rule.value if not mj else "",
                ungraded=self.spec.ungraded.value,
            )
            if self.amendment is not None:  # the same vote, on the amendment
                event = AmendmentVoted(
                    card=self.card.id,
                    amendment=self.amendment,
                    method=self.spec.method.value,
                    labels=self.spec.labels,
                    counts=counts,
                    rule=self.spec.rule.value if not mj else "",
                    ungraded=self.spec.ungraded.value,
                )
            events = [event]
            done = t["recorded"]
        if not self.debate.record(*events):
            # Refused (the meeting closed meanwhile): said here, where the eyes are.
            said = self.debate.confirmation
            self._error(plain(said.text) if said else Text())
            return
        summary = " · ".join(f"{lab} {n}" for lab, n in zip(self.spec.labels, counts, strict=True))
        # Confirmed once its line is in the journal; the minutes follow the repaint.
        # In the card's status line, not a toast: a toast covered the results the room
        # reads next.
        if not self.debate.live_meeting.at_risk:
            # The deck's labels; at 80 columns the counts alone, the attendance in view.
            short = t["said_vote"].format(counts=summary)
            self.debate.confirm(done.format(counts=summary), short)
        self.dismiss(True)

    def _error(self, message: Text) -> None:
        self.query_one("#vote-error", Static).update(message)

    def action_cancel(self) -> None:
        """Esc: nothing recorded. Counts typed are asked about first: hands counted for a
        minute must not vanish on one key."""
        typed = tuple(f.value for f in self._inputs()) != self._typed_on_open
        if typed and not self._asked_discard:
            self._asked_discard = True
            self._error(Text(self.debate.t["discard_counts"]))
            return
        self.dismiss(False)
