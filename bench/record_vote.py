"""Recording a vote through the real Meeting, as the app does: `Meeting.record(vote)` is
what the confirmation waits for (the journal line appended and fsynced), and the minutes
rendered and rewritten atomically (temporary file, fsync, rename, fsync of the folder) come
after the repaint, in the after-repaint hook the app hands the Meeting (run here at once,
timed apart). Each meeting goes card by card: the card shown (not timed), then its
indicative and final votes (each timed), on the 10-card default deck and on generated
decks of each `--cards` size. For reference, `Session.record(vote)` with its minutes, the
way a vote was recorded before the minutes followed the repaint (`--no-before` skips it).

Baseline in the same run: a bare os.write + os.fsync of one line of the same length, on
the same disk. Target (issue 13): key to confirmation at most the journal's own fsync plus
one frame (16.7 ms at 60 Hz), at any size: the time spent in os.fsync during each record
is measured (a wrapper in this process), and what remains is held to one frame. `--slow`
adds 15 ms to every fsync (an SD card, an old disk), in this process only, as
bench/slow_disk.py does for the app. `--thread` hands the Meeting the minutes' thread the
app gives it (debate/meeting/background.py): the after-repaint row is then what the main
thread spends, and each write is waited for, untimed, before the next vote.

    python bench/record_vote.py [--cards 100 250] [--meetings 5] [--dir DIR] [--slow]
                                [--thread]
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import slow_disk
from common import (
    machine_line,
    median,
    ms,
    percentile,
    print_table,
    temp_dir,
    vote_event,
    write_deck,
)

from debate.deck import load_deck
from debate.deck.model import Deck
from debate.meeting.background import InThread
from debate.meeting.meeting import Meeting
from debate.record.events import CardShown
from debate.record.minutes import render_minutes  # noqa: F401  (imported before timing)
from debate.record.session import Session

ATTENDANCE = 40
FRAME = 1 / 60  # seconds: one frame at 60 Hz


class Stopped:
    def stop(self) -> None:
        pass


class FsyncClock:
    """Time spent inside os.fsync, so that a vote's own fsync can be told from the rest."""

    def __init__(self) -> None:
        self.spent = 0.0
        self._fsync = os.fsync
        os.fsync = self._timed

    def _timed(self, fd: int) -> None:
        start = time.perf_counter()
        try:
            self._fsync(fd)
        finally:
            self.spent += time.perf_counter() - start


FSYNC: FsyncClock | None = None
THREAD = False  # --thread: the minutes in their own thread, as in the app


def meeting(deck: Deck, folder: Path) -> tuple[list[float], list[float], list[float]]:
    """Seconds per Meeting.record(vote) (to the confirmation), the part of it that is not
    the vote's own fsync, and per minutes write after the repaint."""
    assert FSYNC is not None
    confirm, beyond, after = [], [], []
    repaint: list[Callable[[], None]] = []
    session = Session.create(
        deck, folder, place="Salle des fêtes", facilitator="Camille", attendance=ATTENDANCE,
        language=deck.language, when=datetime.now(),
    )  # fmt: skip
    background = InThread(lambda: None) if THREAD else None
    live = Meeting(session, lambda _delay, _callback: Stopped(), repaint.append, background)
    for n, card in enumerate(deck.cards):
        live.shown(card.id)
        for round_ in ("indicative", "final"):
            event = vote_event(card, round_, ATTENDANCE, n)
            fsynced, start = FSYNC.spent, time.perf_counter()
            refused = live.record(event)
            confirm.append(time.perf_counter() - start)
            beyond.append(confirm[-1] - (FSYNC.spent - fsynced))
            if refused is not None or live.at_risk:
                raise SystemExit(f"not recorded: {refused or live.problem}")
            start = time.perf_counter()
            while repaint:
                repaint.pop(0)()
            after.append(time.perf_counter() - start)
            live.settle()  # the write in the thread, waited for (untimed); else a no-op
            if not session.saved:
                raise SystemExit(f"minutes not saved: {live.problem}")
    live.finish()
    return confirm, beyond, after


def before(deck: Deck, folder: Path) -> list[float]:
    """Seconds per Session.record(vote) with the minutes: what a vote waited for before."""
    times = []
    session = Session.create(
        deck, folder, place="Salle des fêtes", facilitator="Camille", attendance=ATTENDANCE,
        language=deck.language, when=datetime.now(),
    )  # fmt: skip
    for n, card in enumerate(deck.cards):
        session.record(CardShown(card=card.id))
        for round_ in ("indicative", "final"):
            event = vote_event(card, round_, ATTENDANCE, n)
            start = time.perf_counter()
            session.record(event)
            times.append(time.perf_counter() - start)
    session.release()
    return times


def bare_fsync(folder: Path, count: int, line: bytes) -> list[float]:
    times = []
    fd = os.open(folder / "bare.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        for _ in range(count):
            start = time.perf_counter()
            os.write(fd, line)
            os.fsync(fd)
            times.append(time.perf_counter() - start)
    finally:
        os.close(fd)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cards", type=int, nargs="+", default=[100, 250], help="generated deck sizes"
    )
    parser.add_argument("--meetings", type=int, default=5, help="meetings on the default deck")
    parser.add_argument("--dir", type=Path, help="where to write (default: the temp folder)")
    parser.add_argument("--slow", action="store_true", help="every fsync 15 ms longer")
    parser.add_argument("--no-before", action="store_true", help="skip the reference rows")
    parser.add_argument("--thread", action="store_true", help="the minutes in their thread")
    args = parser.parse_args()
    global THREAD
    THREAD = args.thread
    if args.slow:
        slow_disk.install()
    global FSYNC
    FSYNC = FsyncClock()

    rows = []
    with temp_dir() as tmp:
        where = Path(args.dir) if args.dir else tmp
        where.mkdir(parents=True, exist_ok=True)
        work = Path(os.path.realpath(where)) / f"debate-bench-{os.getpid()}"
        work.mkdir()
        try:
            default = load_deck("desescalade-fr")
            line = (vote_event(default.cards[0], "final", ATTENDANCE, 0).to_json() + "\n").encode()
            baseline = bare_fsync(work, 200, line)
            runs: list[tuple[str, Deck]] = [
                (f"default deck ({len(default.cards)} cards) x {args.meetings}", default)
            ]
            for size in args.cards:
                deck = load_deck(str(write_deck(tmp / f"deck-{size}.yaml", size)))
                runs.append((f"generated {size} cards", deck))
            measured = []
            for name, deck in runs:
                confirm: list[float] = []
                beyond: list[float] = []
                after: list[float] = []
                old: list[float] = []
                repeat = args.meetings if deck is default else 1
                for n in range(repeat):
                    c, b, a = meeting(deck, work / f"{len(measured)}-{n}")
                    confirm += c
                    beyond += b
                    after += a
                    if not args.no_before:
                        old += before(deck, work / f"before-{len(measured)}-{n}")
                measured.append((name, confirm, beyond, after, old))
            baseline += bare_fsync(work, 200, line)  # before and after: fair
        finally:
            shutil.rmtree(work, ignore_errors=True)

    base = median(baseline)
    rows.append([f"bare os.write + os.fsync of one {len(line)}-byte line", len(baseline),
                 ms(base), ms(percentile(baseline, 99)), ms(max(baseline)), ""])  # fmt: skip
    verdicts = []
    for name, confirm, beyond, after, old in measured:
        rows.append([f"{name}: Meeting.record (to confirmation)", len(confirm),
                     ms(median(confirm)), ms(percentile(confirm, 99)), ms(max(confirm)),
                     f"{median(confirm) / base:.1f}x"])  # fmt: skip
        rows.append([f"{name}:   of which not its own fsync", len(beyond), ms(median(beyond)),
                     ms(percentile(beyond, 99)), ms(max(beyond)), ""])  # fmt: skip
        hook = "then, on the main thread" if THREAD else "then the minutes, after the repaint"
        rows.append([f"{name}:   {hook}", len(after),
                     ms(median(after)), ms(percentile(after, 99)), ms(max(after)), ""])  # fmt: skip
        if old:
            rows.append([f"{name}: (before) Session.record with minutes", len(old),
                         ms(median(old)), ms(percentile(old, 99)), ms(max(old)),
                         f"{median(old) / base:.1f}x"])  # fmt: skip
        worst = percentile(beyond, 99)
        missed = f"MISSED by {ms(worst - FRAME)}"
        verdicts.append([name, ms(median(beyond)), ms(worst), f"<= {ms(FRAME)}",
                         "met" if worst <= FRAME else missed])  # fmt: skip
    disk = _fs_type(where) + (", every fsync +15 ms" if args.slow else "")
    print(f"Recording a vote ({machine_line()}; disk: {disk})")
    print_table(["what", "n", "median", "p99", "max", "vs bare fsync"], rows)
    print()
    small, large = measured[0][1], measured[-1][1]
    print(f"growth, largest deck / default deck, median to confirmation: "
          f"{median(large) / median(small):.2f}x")  # fmt: skip
    print_table(
        ["beyond the vote's own fsync", "median", "p99", "target (one frame)", "verdict (p99)"],
        verdicts,
    )


def _fs_type(path: Path) -> str:
    """The file system type of `path`, from /proc/mounts (the longest matching mount)."""
    real = os.path.realpath(path)
    best, kind = "", "?"
    with open("/proc/mounts") as f:
        for line in f:
            parts = line.split()
            mount = parts[1]
            inside = real == mount or real.startswith(mount.rstrip("/") + "/")
            if inside and len(mount) > len(best):
                best, kind = mount, parts[2]
    return f"{kind} at {best}"


if __name__ == "__main__":
    main()
