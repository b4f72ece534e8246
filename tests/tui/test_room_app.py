"""The room's window (debate/tui/room_app.py) in process: it shows the facilitator's
slide and the recorded results, keeps the facilitator's parts (save status, key hints,
what comes next) off the wall, and no key but q does anything: nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from debate.deck import Deck
from debate.meeting.follow import Follower
from debate.meeting.options import Options
from debate.meeting.slide import Countdown, Slide, write_slide
from debate.paths import lock_for, slide_for, theme_path
from debate.record.events import Round, SessionClosed, SessionReopened, VoteRecorded
from debate.record.session import Session
from debate.tui.room_app import RoomApp, RoomCardScreen, RoomNotice
from debate.tui.widgets.speaker_timer import SpeakerTimer

from .test_room import running_timers
from .tuitools import flat, screen_text, stack

# A coroutine left unawaited by the watching thread (issue 14) fails these tests.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

SIZE = (100, 30)
# Every key the facilitator's card screen binds, and a few that type text.
EDITING_KEYS = [
    "pagedown", "right", "space", "pageup", "left", "i", "v", "a", "r", "o", "t", "T",
    "plus", "minus", "n", "s", "g", "b", "full_stop", "f1", "question_mark", "ctrl+p",
    "enter", "1", "2", "tab", "escape",
]  # fmt: skip


def open_meeting(sessions: Path, deck: Deck) -> Session:
    sessions.mkdir(parents=True, exist_ok=True)
    return Session.create(
        deck, sessions, "Village hall", "Anne", 40, "en", datetime(2026, 3, 1, 20)
    )


def room(sessions: Path, deck: Deck, lang: str = "en", rehearsal: bool = False) -> RoomApp:
    options = Options(deck=deck, sessions_dir=sessions, lang=lang)
    return RoomApp(options, Follower(sessions, deck, rehearsal=rehearsal))


def vote(deck: Deck, card_id: str, counts: tuple[int, ...]) -> VoteRecorded:
    card = deck.card(card_id)
    assert card is not None
    spec = card.vote
    return VoteRecorded(
        card=card_id,
        round=Round.INDICATIVE,
        method=spec.method.value,
        labels=spec.labels,
        counts=counts,
        rule=spec.rule.value,
        ungraded=spec.ungraded.value,
    )


async def card_shown(app: RoomApp, pilot: Pilot[None]) -> RoomCardScreen:
    """The wall's card screen, once the app has settled."""
    await pilot.pause()
    card = app.screen
    assert isinstance(card, RoomCardScreen)
    return card


def files(sessions: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(sessions.iterdir())}


async def test_no_key_changes_anything(sessions: Path, meeting: Deck) -> None:
    session = open_meeting(sessions, meeting)
    write_slide(slide_for(session.journal_path), Slide("shared-garden", 1))
    before = files(sessions)
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        card = await card_shown(app, pilot)
        assert card.presenter.step == 1
        shown = screen_text(app)
        for key in EDITING_KEYS:
            await pilot.press(key)
        await pilot.pause()
        assert stack(app) == ["RoomCardScreen"]  # no vote window, notes, dialog, palette
        assert card.presenter.step == 1 and card.presenter.index == 0
        assert not app.screen.query(SpeakerTimer)
        assert screen_text(app) == shown
    assert files(sessions) == before  # the room wrote nothing, not even a lock


async def test_the_wall_shows_the_slide_not_the_facilitators_parts(
    sessions: Path, meeting: Deck
) -> None:
    session = open_meeting(sessions, meeting)
    session.record(vote(meeting, "shared-garden", (20, 5, 1)))
    write_slide(slide_for(session.journal_path), Slide("shared-garden", 2))
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = flat(screen_text(app))
        assert "1. A shared garden behind the school" in text
        assert "The plot has been unused for ten years." in text
        assert "Who waters it in August?" in text
        assert "Pupils could follow the seasons." not in text  # the third, not revealed
        assert "indicative: For 20 · Against 5 · Abstain 1" in text
        for hidden in ("saved", "PageDown", "q quit", "Next"):
            assert hidden not in text, hidden
        assert "i = indicative" not in text


async def test_before_a_vote_no_key_hint_on_the_wall(sessions: Path, meeting: Deck) -> None:
    open_meeting(sessions, meeting)
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = flat(screen_text(app))
        assert "A shared garden" in text
        assert "No vote yet" not in text


async def test_it_follows_moves_the_timer_the_results_and_the_close(
    sessions: Path, meeting: Deck
) -> None:
    session = open_meeting(sessions, meeting)
    slide = slide_for(session.journal_path)
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        card = await card_shown(app, pilot)

        write_slide(slide, Slide("book-box", 0))
        await app.follow_now()
        assert card.presenter.card.id == "book-box"

        countdown = Countdown("against", 90, 30.0, running=False, at=time.time())
        write_slide(slide, Slide("book-box", 0, countdown))
        await app.follow_now()
        timer = card.query_one(SpeakerTimer)
        assert (timer.side, timer.duration, timer.remaining, timer.running) == (
            "against", 90, 60, False,
        )  # fmt: skip
        assert card.has_class("-timed")  # the title's band gives its margins to the item

        write_slide(slide, Slide("book-box", 0))  # a restarted facilitator's window
        await app.follow_now()
        await pilot.pause()
        assert not card.query(SpeakerTimer)
        assert not card.has_class("-timed")  # and takes them back with the timer gone

        write_slide(slide, Slide("book-box", 0, results=True))
        await app.follow_now()
        assert stack(app) == ["RoomCardScreen", "RoomResults"]
        write_slide(slide, Slide("book-box", 0, blank=True))
        await app.follow_now()
        assert stack(app) == ["RoomCardScreen", "RoomNotice"]
        assert not flat(screen_text(app))  # blank

        session.record(SessionClosed())
        await app.follow_now()
        assert isinstance(app.screen, RoomNotice)
        assert "The meeting is closed." in flat(screen_text(app))


async def test_the_meetings_results_go_up_on_the_wall_as_the_facilitator_shows_them(
    sessions: Path, meeting: Deck
) -> None:
    # Issue 14: on `R` (or past the last card) the facilitator's window showed every
    # card's outcome, and the wall kept the card.
    session = open_meeting(sessions, meeting)
    first, second = meeting.cards[:2]
    counts = [tuple(range(5, 5 + len(card.vote.labels))) for card in (first, second)]
    session.record(vote(meeting, first.id, counts[0]))
    session.record(vote(meeting, second.id, counts[1]))
    slide = slide_for(session.journal_path)
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await card_shown(app, pilot)
        write_slide(slide, Slide(first.id, 0, meeting_results=0))
        await app.follow_now()
        await pilot.pause()
        assert stack(app) == ["RoomCardScreen", "RoomAllResults"]
        text = flat(screen_text(app))
        for card in (first, second):
            assert f"{card.number}. {card.title}" in text
        assert "1/1" in text and "PageDown" not in text  # the keys are not the wall's
        before = files(sessions)
        for key in ("pagedown", "right", "escape", "enter"):  # the wall turns no page
            await pilot.press(key)
        await pilot.pause()
        assert stack(app) == ["RoomCardScreen", "RoomAllResults"]
        assert files(sessions) == before

        write_slide(slide, Slide(first.id, 0))  # closed in the facilitator's window
        await app.follow_now()
        assert stack(app) == ["RoomCardScreen"]


async def test_an_idle_wall_runs_no_timer_and_its_watch_waits_for_a_change(
    sessions: Path, meeting: Deck
) -> None:
    # Issue 14: "uses no CPU while nothing changes": no timer of the app ticks, and the
    # watching thread blocks on the kernel with no deadline (FolderWatch.stop ends it).
    open_meeting(sessions, meeting)
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await card_shown(app, pilot)
        assert running_timers(app) == []
        watching = [t for t in threading.enumerate() if t.name == "debate-room-watch"]
        assert len(watching) == 1 and watching[0].is_alive()
    watching[0].join(20)  # a deadline, not a timing: the app's end stops the wait at once
    assert not watching[0].is_alive()


async def test_a_meeting_reopened_is_followed_again(sessions: Path, meeting: Deck) -> None:
    """Closed by mistake, reopened from the facilitator's window (issue 15): the wall that
    said "closed" shows the card again, and goes on following."""
    session = open_meeting(sessions, meeting)
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session.close()
        await app.follow_now()
        assert isinstance(app.screen, RoomNotice)
        reopened = Session.resume(session.journal_path, meeting)
        reopened.record(SessionReopened())
        await app.follow_now()
        await pilot.pause()
        assert stack(app) == ["RoomCardScreen"]
        assert "A shared garden" in flat(screen_text(app))
        write_slide(slide_for(session.journal_path), Slide("shared-garden", 1))
        await app.follow_now()
        await pilot.pause()  # the slide scrolls to its item once laid out
        assert "The plot has been unused for ten years." in flat(screen_text(app))
        reopened.close()
        await app.follow_now()
        assert "The meeting is closed." in flat(screen_text(app))


async def test_the_walls_own_words_follow_the_interface_language(
    sessions: Path, meeting: Deck
) -> None:
    """Waiting, closed and unreadable in French, the journal's damage too: no English."""
    sessions.mkdir()
    app = room(sessions, meeting, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "En attente de la réunion" in flat(screen_text(app))
        session = open_meeting(sessions, meeting)
        await app.follow_now()
        await pilot.pause()
        assert stack(app) == ["RoomCardScreen"]
        with session.journal_path.open("ab") as journal:
            journal.write(b"not json\n{}\n")
        await app.follow_now()
        text = flat(screen_text(app))
        assert "Le journal de la réunion est illisible" in text
        assert "JSON" in text and "not valid" not in text and "line" not in text
        session.journal_path.write_bytes(
            session.journal_path.read_bytes().rsplit(b"not json", 1)[0]
        )
        session.close()
        await app.follow_now()
        assert "La réunion est close. Merci !" in flat(screen_text(app))


async def test_a_rehearsal_s_wall_says_it_is_one(sessions: Path, meeting: Deck) -> None:
    """Issue 15: a rehearsal marked everywhere; the wall hides the facilitator's status
    line, which says it, so the wall's own line does. `debate room --rehearsal` follows
    the try, as `run --rehearsal` resumes it; without, the wall waits for the real one."""
    sessions.mkdir()
    Session.create(
        meeting, sessions, "Hall", "Anne", 40, "en", datetime(2026, 3, 1, 17), rehearsal=True
    )
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert stack(app)[-1] == "RoomNotice" and "REHEARSAL" not in flat(screen_text(app))
    app = room(sessions, meeting, rehearsal=True)
    async with app.run_test(size=SIZE) as pilot:
        card = await card_shown(app, pilot)
        assert "REHEARSAL" in flat(screen_text(app))
        assert card.query_one("#room-line").region.height >= 1
        open_meeting(sessions, meeting)  # the evening's: never followed by this wall
        await app.follow_now()
        await pilot.pause()
        assert "REHEARSAL" in flat(screen_text(app))
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await card_shown(app, pilot)
        assert "REHEARSAL" not in flat(screen_text(app))


async def test_it_waits_for_a_meeting(sessions: Path, meeting: Deck) -> None:
    sessions.mkdir()
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Waiting for the meeting" in flat(screen_text(app))
        session = open_meeting(sessions, meeting)
        write_slide(slide_for(session.journal_path), Slide("shared-garden", 1))
        await app.follow_now()
        await pilot.pause()
        assert stack(app) == ["RoomCardScreen"]
        assert "The plot has been unused for ten years." in flat(screen_text(app))


async def test_a_hostile_slide_shows_the_card_the_journal_names(
    sessions: Path, meeting: Deck
) -> None:
    session = open_meeting(sessions, meeting)
    slide_for(session.journal_path).write_text('{"format": 1, "card": "[b]x", "step": 1e999}')
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        card = await card_shown(app, pilot)
        assert (card.presenter.index, card.presenter.step) == (0, 0)


async def test_without_kernel_notifications_it_polls(
    sessions: Path, meeting: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows and macOS: no inotify, so the watching thread asks `stat` every POLL."""
    monkeypatch.setattr("debate.platform.watch_folder", lambda folder: None)
    session = open_meeting(sessions, meeting)
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        card = await card_shown(app, pilot)
        write_slide(slide_for(session.journal_path), Slide("shared-garden", 2))
        # The step moves first, the screen at its redraw after: wait for what is drawn.
        await waited(pilot, lambda: "Who waters it in August?" in flat(screen_text(app)))
        assert card.presenter.step == 2


async def waited(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Until `condition` holds: the thread's next look at the files, then the app's
    redraw. A deadline of 20 s for a loaded machine, never a timing."""
    deadline = time.monotonic() + 20
    while not condition():
        assert time.monotonic() < deadline, "the room never followed"
        await pilot.pause(0.02)


async def test_too_small_a_window_says_so_and_still_follows(sessions: Path, meeting: Deck) -> None:
    session = open_meeting(sessions, meeting)
    app = room(sessions, meeting)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert stack(app)[-1] == "TooSmall"
        write_slide(slide_for(session.journal_path), Slide("shared-garden", 0, results=True))
        await app.follow_now()
        assert stack(app) == ["RoomCardScreen", "RoomResults", "TooSmall"]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert stack(app) == ["RoomCardScreen", "RoomResults"]


async def test_the_wall_takes_the_theme_the_facilitator_chose_last(
    sessions: Path, meeting: Deck
) -> None:
    """Chosen last, and followed when the facilitator chooses again; --theme wins."""
    open_meeting(sessions, meeting)
    theme_path(sessions).write_text("dark\n", encoding="utf-8")
    app = room(sessions, meeting)
    assert app.theme == "debate-dark"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        key = app.follower.watch_key()
        theme_path(sessions).write_text("light\n", encoding="utf-8")
        assert app.follower.watch_key() != key  # the watching thread wakes for it
        await app.follow_now()
        assert app.theme == "debate-light"
    options = Options(deck=meeting, sessions_dir=sessions, lang="en", theme="dark")
    fixed = RoomApp(options, Follower(sessions, meeting))
    async with fixed.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await fixed.follow_now()
        assert fixed.theme == "debate-dark"  # --theme dark, though light was chosen last


def dead_pid() -> int:
    """The pid of a process that has run and exited: what a window killed leaves."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


async def test_a_running_timer_stops_when_the_facilitators_window_is_killed(
    sessions: Path, meeting: Deck
) -> None:
    """kill -9 of the facilitator's window: its lock file stays, naming a dead process.
    The wall, which asks only while a timer runs, stops the timer and says why; the
    restarted window's slide takes over."""
    session = open_meeting(sessions, meeting)
    slide = slide_for(session.journal_path)
    lock = lock_for(session.journal_path)
    app = room(sessions, meeting)
    async with app.run_test(size=SIZE) as pilot:
        card = await card_shown(app, pilot)
        assert card._lookout is None  # no timer: nothing asked, ever
        paused = Countdown("for", 120, 10.0, running=False, at=time.time())
        write_slide(slide, Slide("shared-garden", 0, paused))
        await app.follow_now()
        assert card._lookout is None  # a paused timer does not count: nothing to ask
        running = Countdown("for", 120, 10.0, running=True, at=time.time())
        write_slide(slide, Slide("shared-garden", 0, running))
        await app.follow_now()
        timer = card.query_one(SpeakerTimer)
        assert timer.running and card._lookout is not None
        card._look()  # the facilitator is there: nothing changes
        assert timer.running and "window has closed" not in flat(screen_text(app))

        lock.write_text(f"{dead_pid()}\n")  # the window was killed
        card._look()  # what the interval does, once a second
        await pilot.pause()
        assert not timer.running and card._lookout is None
        assert "The facilitator's window has closed: the timer is stopped." in flat(
            screen_text(app)
        )
        stopped = timer.remaining
        await app.follow_now()  # anything read again meanwhile (a theme) keeps it stopped
        assert timer.remaining == stopped

        lock.write_text(f"{os.getpid()}\n")  # restarted: it shows the card, no timer
        write_slide(slide, Slide("shared-garden", 1))
        await app.follow_now()
        await pilot.pause()
        assert not card.query(SpeakerTimer)
        assert "window has closed" not in flat(screen_text(app))


async def test_a_wall_opened_after_the_facilitator_died_shows_the_timer_stopped(
    sessions: Path, meeting: Deck
) -> None:
    session = open_meeting(sessions, meeting)
    long_ago = time.time() - 3600  # an hour ago, running: never shown as an hour spoken
    countdown = Countdown("against", 120, 30.0, running=True, at=long_ago)
    write_slide(slide_for(session.journal_path), Slide("shared-garden", 0, countdown))
    lock_for(session.journal_path).write_text(f"{dead_pid()}\n")
    app = room(sessions, meeting, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        card = await card_shown(app, pilot)
        timer = card.query_one(SpeakerTimer)
        assert not timer.running and timer.remaining == 90
        assert "La fenêtre de l’animateur s’est fermée" in flat(screen_text(app))
