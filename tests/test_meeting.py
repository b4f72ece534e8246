"""The meeting layer without a screen: the vote window's verdicts, and what is written
when (moves after the repaint, decisions at once, the minutes once the keys stop)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from debate.deck import Deck, load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.deck.model import Method, Ungraded, VoteSpec
from debate.meeting.background import InThread, Job
from debate.meeting.meeting import MINUTES_DEBOUNCE, Meeting, Refused, SaveStatus, View
from debate.meeting.speaker import DEFAULT_SECONDS, STEP, Speaker
from debate.meeting.vote_check import Asked, Verdict, check_vote
from debate.record.events import (
    AttendanceSet,
    CardShown,
    Event,
    RemarkMade,
    Round,
    SessionClosed,
    TimerUsed,
    VoteRecorded,
)
from debate.record.journal import read_journal
from debate.record.minutes import render_minutes
from debate.record.session import Session

FAA = VoteSpec()
MJ = VoteSpec(method=Method.MAJORITY_JUDGMENT, grades=("Très bien", "Bien", "Passable"))
MJ_LOWEST = replace(MJ, ungraded=Ungraded.LOWEST)


# -- the vote window's verdicts ---------------------------------------------------------


def test_counts_within_the_room_are_recorded() -> None:
    check = check_vote(FAA, (20, 7, 3), vote_room=35, room_now=35)
    assert (check.verdict, check.total, check.room, check.raise_to) == (
        Verdict.RECORD,
        30,
        35,
        None,
    )


def test_no_hand_raised_is_asked_once_then_recorded() -> None:
    assert check_vote(FAA, (0, 0, 0), vote_room=35, room_now=35).verdict is Verdict.CONFIRM_EMPTY
    again = check_vote(FAA, (0, 0, 0), vote_room=35, room_now=35, asked=Asked(empty=True))
    assert again.verdict is Verdict.RECORD


def test_more_hands_than_people_is_raised_only_by_its_own_key() -> None:
    offer = check_vote(FAA, (30, 10, 2), vote_room=35, room_now=35)
    assert (offer.verdict, offer.raise_to, offer.room) == (Verdict.OFFER_RAISE, 42, 35)
    # Asked once already (a second Enter): still only the offer, never the raise.
    again = check_vote(FAA, (30, 10, 2), vote_room=35, room_now=35, asked=Asked(empty=True))
    assert (again.verdict, again.raise_to) == (Verdict.OFFER_RAISE, 42)
    yes = check_vote(FAA, (30, 10, 2), vote_room=35, room_now=35, raising=True)
    assert (yes.verdict, yes.raise_to) == (Verdict.RECORD, 42)
    # Within the room the key records nothing: a stray `a` is not an Enter.
    within = check_vote(FAA, (20, 10, 2), vote_room=35, room_now=35, raising=True)
    assert (within.verdict, within.code) == (Verdict.REFUSED, "nothing_to_raise")


def test_a_correction_fits_the_room_of_its_vote_or_the_room_now() -> None:
    # Voted with 30 present, 40 now: 38 hands is a correction the room now explains.
    check = check_vote(FAA, (30, 6, 2), vote_room=30, room_now=40, existing=(20, 5, 2))
    assert (check.verdict, check.raise_to) == (Verdict.RECORD, None)
    same = check_vote(FAA, (20, 5, 2), vote_room=30, room_now=40, existing=(20, 5, 2))
    assert same.verdict is Verdict.UNCHANGED


def test_majority_judgment_needs_every_present_person_graded_unless_told_otherwise() -> None:
    short = check_vote(MJ, (10, 10, 5), vote_room=30, room_now=30)
    assert (short.verdict, short.code) == (Verdict.REFUSED, "mj_total")
    assert check_vote(MJ, (10, 10, 10), vote_room=30, room_now=30).verdict is Verdict.RECORD
    assert check_vote(MJ_LOWEST, (10, 10, 5), vote_room=30, room_now=30).verdict is Verdict.RECORD
    # More grades than people is the same question as more hands than people.
    over = check_vote(MJ, (20, 10, 5), vote_room=30, room_now=30)
    assert (over.verdict, over.raise_to) == (Verdict.OFFER_RAISE, 35)


# -- what is written when ----------------------------------------------------------------


class Frames:
    """The app's side, played by hand: what runs after the repaint, and the timers."""

    def __init__(self) -> None:
        self.after_repaint: list[Callable[[], None]] = []
        self.timers: list[Timer] = []

    def after_refresh(self, callback: Callable[[], None]) -> None:
        self.after_repaint.append(callback)

    def set_timer(self, delay: float, callback: Callable[[], None]) -> Timer:
        timer = Timer(delay, callback)
        self.timers.append(timer)
        return timer

    def repaint(self) -> None:
        callbacks, self.after_repaint = self.after_repaint, []
        for callback in callbacks:
            callback()

    def keys_stop(self) -> None:
        """Every running timer fires, as it would once the keys have stopped."""
        for timer in [t for t in self.timers if not t.stopped]:
            timer.fire()


class Timer:
    def __init__(self, delay: float, callback: Callable[[], None]) -> None:
        self.delay, self.callback, self.stopped = delay, callback, False

    def stop(self) -> None:
        self.stopped = True

    def fire(self) -> None:
        self.stopped = True
        self.callback()


@pytest.fixture
def deck() -> Deck:
    return load_deck(str(EXAMPLE_DECK))


@pytest.fixture
def frames() -> Frames:
    return Frames()


@pytest.fixture
def meeting(deck: Deck, tmp_path: Path, frames: Frames) -> Meeting:
    session = Session.create(
        deck, tmp_path, "Salle des fêtes", "Anne", 30, "fr", datetime(2026, 3, 1, 20, 5)
    )
    return Meeting(session, frames.set_timer, frames.after_refresh)


def kinds(meeting: Meeting) -> list[str]:
    return [event.kind for event in read_journal(meeting.session.journal_path)[0]]


def vote(deck: Deck, card: int, counts: tuple[int, ...]) -> VoteRecorded:
    spec = deck.cards[card].vote
    return VoteRecorded(
        card=deck.cards[card].id,
        round=Round.FINAL,
        method=spec.method.value,
        labels=spec.labels,
        counts=counts,
        rule=spec.rule.value,
    )


def test_a_move_is_written_after_the_repaint_and_the_minutes_once_keys_stop(
    meeting: Meeting, frames: Frames, deck: Deck
) -> None:
    minutes = meeting.session.minutes_path
    written = minutes.stat().st_mtime_ns
    meeting.shown(deck.cards[1].id)
    assert kinds(meeting)[-1] != "card-shown" and meeting.status is SaveStatus.WRITING
    frames.repaint()
    assert kinds(meeting)[-1] == "card-shown"
    assert minutes.stat().st_mtime_ns == written and meeting.status is SaveStatus.WRITING
    [timer] = frames.timers
    assert timer.delay == MINUTES_DEBOUNCE
    frames.keys_stop()
    assert meeting.status is SaveStatus.SAVED
    assert deck.cards[1].title in minutes.read_text("utf-8").replace("\n", " ")


def test_quick_moves_record_the_last_and_restart_the_wait(
    meeting: Meeting, frames: Frames, deck: Deck
) -> None:
    meeting.shown(deck.cards[1].id)
    meeting.shown(deck.cards[2].id)  # no repaint between: one move recorded
    frames.repaint()
    meeting.shown(deck.cards[1].id)
    frames.repaint()
    shown = [e for e in read_journal(meeting.session.journal_path)[0] if e.kind == "card-shown"]
    assert [e.card for e in shown if isinstance(e, CardShown)] == [
        deck.cards[2].id,
        deck.cards[1].id,
    ]
    first, second = frames.timers
    assert first.stopped and not second.stopped  # the wait started again at the last move


def test_a_move_back_to_the_recorded_card_writes_nothing(
    meeting: Meeting, frames: Frames, deck: Deck
) -> None:
    meeting.shown(deck.cards[0].id)
    frames.repaint()
    meeting.shown(deck.cards[0].id)
    frames.repaint()
    before = len(kinds(meeting))
    meeting.shown(deck.cards[1].id)
    meeting.shown(deck.cards[0].id)
    frames.repaint()
    assert len(kinds(meeting)) == before


class Writes:
    """Every write of the minutes (the real one, counted) and the journal's length at
    each: the order of the disk's work, not its time."""

    def __init__(self, meeting: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
        import debate.record.session as session_module

        self.minutes: list[int] = []  # the journal's event count at each minutes write
        real = session_module.write_text_atomic

        def counted(path: Path, text: str) -> None:
            self.minutes.append(len(kinds(meeting)))
            real(path, text)

        monkeypatch.setattr(session_module, "write_text_atomic", counted)


def test_a_decision_is_journaled_at_once_and_its_minutes_follow_the_repaint(
    meeting: Meeting, frames: Frames, deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes = Writes(meeting, monkeypatch)
    meeting.turn_ended(deck.cards[0].id, "for", 95)
    meeting.shown(deck.cards[1].id)
    assert meeting.record(RemarkMade(card=deck.cards[1].id, text="Le car scolaire")) is None
    # What the confirmation waits for: the journal lines, the pending move's first.
    assert kinds(meeting)[-3:] == ["timer-used", "card-shown", "remark"]
    assert writes.minutes == [] and not meeting.at_risk
    assert meeting.status is SaveStatus.WRITING
    assert "Le car scolaire" not in meeting.session.minutes_path.read_text("utf-8")
    frames.repaint()  # the confirmation is on screen: now the minutes, once
    assert writes.minutes == [len(kinds(meeting))] and meeting.status is SaveStatus.SAVED
    assert "Le car scolaire" in meeting.session.minutes_path.read_text("utf-8")
    assert not [t for t in frames.timers if not t.stopped]  # no second rewrite to come


def test_the_minutes_are_current_before_the_next_decision_is_recorded(
    meeting: Meeting, frames: Frames, deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes = Writes(meeting, monkeypatch)
    meeting.record(vote(deck, 0, (20, 7, 3)))
    voted = len(kinds(meeting))
    # Two decisions with no repaint between (a busy laptop): the first's minutes are
    # written before the second's line, and the second's after its own repaint.
    meeting.record(RemarkMade(card=deck.cards[0].id, text="Le car scolaire"))
    assert writes.minutes == [voted]
    frames.repaint()
    assert writes.minutes == [voted, voted + 1] and meeting.status is SaveStatus.SAVED


def test_the_minutes_do_not_wait_for_the_repaint_at_exit_or_at_closing(
    meeting: Meeting, frames: Frames, deck: Deck
) -> None:
    meeting.record(RemarkMade(card=deck.cards[0].id, text="Le car scolaire"))
    assert meeting.finish()  # the repaint never came: the window is closing
    assert "Le car scolaire" in meeting.session.minutes_path.read_text("utf-8")
    unclosed = meeting.session.minutes_path.read_text("utf-8")
    again = Session.resume(meeting.session.journal_path, deck)
    later = Frames()
    closing = Meeting(again, later.set_timer, later.after_refresh)
    assert closing.record(SessionClosed()) is None
    # The window goes next: closing writes the minutes before it returns.
    assert closing.status is SaveStatus.SAVED and not later.after_repaint
    assert again.minutes_path.read_text("utf-8") != unclosed
    again.release()


def test_a_batch_is_checked_whole_and_rewrites_the_minutes_once(
    meeting: Meeting, frames: Frames, deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes = Writes(meeting, monkeypatch)
    views: list[View] = []
    meeting.subscribe(views.append)
    assert meeting.record(AttendanceSet(count=42), vote(deck, 0, (30, 10, 2))) is None
    assert kinds(meeting)[-2:] == ["attendance-set", "vote-recorded"]
    frames.repaint()
    assert writes.minutes == [len(kinds(meeting))]  # once, after both lines
    assert [v.status for v in views] == [SaveStatus.WRITING, SaveStatus.SAVED]
    assert views[0].state.attendance == 42
    # Refused whole: the attendance raise before an impossible vote is not written either.
    before = kinds(meeting)
    refused = meeting.record(AttendanceSet(count=50), vote(deck, 0, (1, 1, 1)))
    assert isinstance(refused, Refused) and "already recorded" in refused.reason
    assert kinds(meeting) == before and meeting.state.attendance == 42


def test_a_disk_fault_in_the_minutes_is_told_and_kept_until_they_are_written(
    meeting: Meeting, frames: Frames, deck: Deck
) -> None:
    # A folder where the minutes go: they cannot be renamed in, even by root.
    minutes = meeting.session.minutes_path
    minutes.unlink()
    minutes.mkdir()
    views: list[View] = []
    meeting.subscribe(views.append)
    assert meeting.record(RemarkMade(card=deck.cards[0].id, text="Premier")) is None
    assert kinds(meeting)[-1] == "remark"  # the record itself is safe
    assert not meeting.at_risk  # the confirmation may say so
    frames.repaint()
    assert meeting.status is SaveStatus.NOT_SAVED and str(minutes) in views[-1].problem
    # The next line reaches the journal; the minutes still do not, and the view says so.
    meeting.record(RemarkMade(card=deck.cards[0].id, text="Second"))
    assert kinds(meeting)[-1] == "remark" and meeting.at_risk
    assert str(minutes) in views[-1].problem
    minutes.rmdir()
    assert meeting.retry() and meeting.status is SaveStatus.SAVED
    assert "Second" in meeting.session.minutes_path.read_text("utf-8")


def test_finish_writes_what_was_deferred_and_lets_the_meeting_go(
    meeting: Meeting, frames: Frames, deck: Deck
) -> None:
    meeting.shown(deck.cards[2].id)
    assert meeting.finish()
    assert kinds(meeting)[-1] == "card-shown"
    assert deck.cards[2].title in meeting.session.minutes_path.read_text("utf-8").replace("\n", " ")
    # Released: another window can take the meeting now.
    again = Session.resume(meeting.session.journal_path, deck)
    assert again.state.current == deck.cards[2].id
    again.release()


# -- the speaker's turns -----------------------------------------------------------------


class Hand:
    """A clock turned by hand: no test waits for a speaker to speak."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_countdown_ends_a_turn_with_what_was_spoken_and_hands_over() -> None:
    hand = Hand()
    speaker = Speaker(hand)
    assert speaker.leave() is None  # nobody spoke: nothing to record
    speaker.toggle()
    hand.now += 40
    speaker.toggle()  # paused: the pause is not spoken
    hand.now += 500
    assert (speaker.spoken, speaker.remaining) == (40, DEFAULT_SECONDS - 40)
    speaker.adjust(STEP)
    speaker.toggle()
    hand.now += DEFAULT_SECONDS + STEP - 40 + 15  # past the turn, lengthened by +
    assert (speaker.remaining, speaker.overtime) == (0, 15)
    assert speaker.next_turn() == ("for", DEFAULT_SECONDS + STEP + 15)
    # The other side, a full turn: + was for the turn that ended.
    assert (speaker.side, speaker.duration, speaker.running) == ("against", DEFAULT_SECONDS, False)
    speaker.toggle()
    hand.now += 10
    assert speaker.leave() == ("against", 10)
    assert speaker.side == "for"  # the next card starts with "for"


def timer_used(meeting: Meeting) -> list[tuple[str, str, int]]:
    return [
        (e.card, e.side, e.seconds)
        for e in read_journal(meeting.session.journal_path)[0]
        if isinstance(e, TimerUsed)
    ]


def speak(meeting: Meeting, hand: Hand, seconds: int) -> None:
    meeting.speaker.clock = hand
    meeting.speaker.toggle()
    hand.now += seconds


def test_a_move_records_the_turn_for_the_card_it_was_spoken_on(
    meeting: Meeting, frames: Frames, deck: Deck
) -> None:
    hand = Hand()
    first, second = deck.cards[0].id, deck.cards[1].id
    meeting.shown(first)
    speak(meeting, hand, 30)
    meeting.next_speaker()  # the reset key: the card on screen's, after the repaint
    assert timer_used(meeting) == []
    speak(meeting, hand, 20)
    meeting.shown(second)  # PageDown while "against" speaks
    assert not meeting.speaker.running and meeting.speaker.side == "for"
    frames.repaint()
    assert timer_used(meeting) == [(first, "for", 30), (first, "against", 20)]
    assert kinds(meeting)[-3:] == ["timer-used", "timer-used", "card-shown"]


def test_a_turn_is_kept_at_exit_and_before_the_closing(
    meeting: Meeting, frames: Frames, deck: Deck
) -> None:
    hand = Hand()
    meeting.shown(deck.cards[0].id)
    speak(meeting, hand, 25)
    assert meeting.finish()  # Ctrl+Q, or `q` then `y`: nobody asked to end the turn
    assert timer_used(meeting) == [(deck.cards[0].id, "for", 25)]
    again = Session.resume(meeting.session.journal_path, deck)
    closing = Meeting(again, frames.set_timer, frames.after_refresh)
    closing.shown(deck.cards[0].id)
    speak(closing, hand, 12)
    assert closing.record(SessionClosed()) is None
    assert kinds(closing)[-2:] == ["timer-used", "session-closed"]
    again.release()


# -- the minutes in their own thread -----------------------------------------------------

PATIENCE = 60.0  # seconds: only a write that never comes is this late (no test waits it)


class Woken:
    """The app's side of the minutes' thread: `wake` as the app's message would be."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def wake(self) -> None:
        self.event.set()

    def wait(self) -> None:
        assert self.event.wait(PATIENCE), "the minutes' thread never said it was done"
        self.event.clear()


@pytest.fixture
def threaded(deck: Deck, tmp_path: Path, frames: Frames) -> tuple[Meeting, Woken]:
    session = Session.create(
        deck, tmp_path, "Salle des fêtes", "Anne", 30, "fr", datetime(2026, 3, 1, 20, 5)
    )
    woken = Woken()
    return Meeting(session, frames.set_timer, frames.after_refresh, InThread(woken.wake)), woken


def test_the_minutes_on_disk_are_current_before_each_vote_and_at_exit(
    threaded: tuple[Meeting, Woken], frames: Frames, deck: Deck
) -> None:
    meeting, _woken = threaded
    minutes = meeting.session.minutes_path
    decisions = [
        vote(deck, 0, (20, 7, 3)),
        vote(deck, 1, (12, 15, 3)),
        RemarkMade(card=deck.cards[1].id, text="Le car scolaire"),
    ]
    for n, decision in enumerate(decisions):
        before = meeting.state  # what the minutes must hold when the next one is recorded
        assert meeting.record(decision) is None
        if n:
            assert minutes.read_text("utf-8") == render_minutes(before, deck)
        frames.repaint()  # the minutes of this one start in their thread
    assert meeting.finish()
    assert minutes.read_text("utf-8") == render_minutes(meeting.state, deck)


class Gate:
    """The real write of the minutes, held at a gate until the test opens it: which of
    two things comes first is checked by the order of events, never by a delay."""

    def __init__(self, meeting: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
        import debate.record.session as session_module

        self.started, self.open, self.done = threading.Event(), threading.Event(), False
        real = session_module.write_text_atomic

        def gated(path: Path, text: str) -> None:
            self.started.set()
            assert self.open.wait(PATIENCE)
            real(path, text)
            self.done = True

        monkeypatch.setattr(session_module, "write_text_atomic", gated)


def test_the_next_vote_waits_for_the_minutes_being_written(
    deck: Deck, tmp_path: Path, frames: Frames, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session.create(deck, tmp_path, "Mairie", "Anne", 30, "fr", datetime(2026, 3, 1))
    reached = threading.Event()  # the second vote is waiting for the minutes, or journaled

    class Watched(InThread):
        def run(self, work: Callable[[], str | None]) -> Job:
            job = super().run(work)
            real = job.result

            def result(timeout: float | None = None) -> str | None:
                reached.set()
                return real(timeout)

            job.result = result  # type: ignore[method-assign]
            return job

    meeting = Meeting(session, frames.set_timer, frames.after_refresh, Watched(lambda: None))
    assert meeting.record(vote(deck, 0, (20, 7, 3))) is None
    gate = Gate(meeting, monkeypatch)
    frames.repaint()  # the first vote's minutes start, and stop at the gate
    assert gate.started.wait(PATIENCE)
    journaled: list[bool] = []  # whether the first minutes were done at the second line
    real_append = session._journal.append  # type: ignore[union-attr]

    def append(event: Event) -> None:
        journaled.append(gate.done)
        reached.set()
        real_append(event)

    monkeypatch.setattr(session._journal, "append", append)
    second = threading.Thread(target=meeting.record, args=(vote(deck, 1, (12, 15, 3)),))
    second.start()
    assert reached.wait(PATIENCE)
    gate.open.set()
    second.join(PATIENCE)
    assert journaled == [True], "the second vote was journaled before the first's minutes"
    assert kinds(meeting)[-1] == "vote-recorded"
    assert meeting.finish()


def test_a_fault_writing_the_minutes_in_their_thread_is_still_told(
    threaded: tuple[Meeting, Woken], frames: Frames, deck: Deck
) -> None:
    meeting, woken = threaded
    minutes = meeting.session.minutes_path
    minutes.unlink()
    minutes.mkdir()  # they cannot be renamed in, even by root
    views: list[View] = []
    meeting.subscribe(views.append)
    assert meeting.record(vote(deck, 0, (20, 7, 3))) is None
    frames.repaint()
    woken.wait()
    meeting.minutes_done()  # what the app does on the thread's message
    assert meeting.status is SaveStatus.NOT_SAVED and str(minutes) in views[-1].problem
    minutes.rmdir()
    assert meeting.retry() and meeting.status is SaveStatus.SAVED
    assert meeting.finish()


# -- judging a card once -------------------------------------------------------------------


def test_a_card_is_judged_again_only_when_its_record_changes(
    meeting: Meeting, deck: Deck, frames: Frames, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every move publishes a new view (a new state); the cards whose record stands keep
    their judgement from view to view, and a card whose record changes is judged anew."""
    import debate.record.results as results

    judged: list[str] = []
    judge = results.card_result

    def counted(state: object, card_id: str, deck_: Deck | None) -> results.CardResult:
        judged.append(card_id)
        return judge(state, card_id, deck_)  # type: ignore[arg-type]

    monkeypatch.setattr(results, "card_result", counted)
    first, second = deck.cards[0].id, deck.cards[1].id
    meeting.shown(first)
    frames.repaint()
    assert meeting.record(vote(deck, 0, (20, 5, 3))) is None
    frames.repaint()  # the minutes are written: they judge on their own
    judged.clear()
    before = meeting.view().results(first)
    assert before.rounds and judged == [first]
    meeting.view().results(second)
    judged.clear()
    for card in (second, first, second, first):  # a page back and forth: new views
        meeting.shown(card)
        frames.repaint()
        view = meeting.view()
        assert view.results(first) is before
        view.results(second)  # shown now, where it was not at first: judged once more
    assert judged == [second], "a card whose record stood was judged again"
    assert meeting.record(RemarkMade(card=first, text="Et le budget ?")) is None
    judged.clear()
    after = meeting.view().results(first)
    assert after is not before and after.remarks and judged == [first]
