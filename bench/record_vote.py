"""Recording a vote through the real Session: the journal line appended and fsynced, the
minutes rendered and rewritten atomically (temporary file, fsync, rename, fsync of the
folder). Baseline in the same run: a bare os.write + os.fsync of one line of the same
length, on the same disk. Each meeting goes card by card: the card shown (not timed), then
its indicative and final votes (each timed).

    python bench/record_vote.py [--cards 100] [--meetings 10] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

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
from debate.record.events import CardShown
from debate.record.minutes import render_minutes
from debate.record.session import Session

ATTENDANCE = 40


def meeting(
    deck: Deck, folder: Path, on_vote: Callable[[Session], None] | None = None
) -> list[float]:
    """Seconds per Session.record(vote), indicative then final on every card."""
    times = []
    session = Session.create(
        deck, folder, place="Salle des fêtes", facilitator="Camille", attendance=ATTENDANCE,
        language=deck.language, when=datetime.now(),
    )  # fmt: skip
    with session:
        for n, card in enumerate(deck.cards):
            session.record(CardShown(card=card.id))
            for round_ in ("indicative", "final"):
                event = vote_event(card, round_, ATTENDANCE, n)
                start = time.perf_counter()
                session.record(event)
                times.append(time.perf_counter() - start)
                if not session.saved:
                    raise SystemExit(f"not saved: {session.problem}")
                if on_vote:
                    on_vote(session)
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
    parser.add_argument("--cards", type=int, default=100, help="cards of the generated deck")
    parser.add_argument("--meetings", type=int, default=10, help="meetings on the default deck")
    parser.add_argument("--dir", type=Path, help="where to write (default: the temp folder)")
    args = parser.parse_args()

    with temp_dir() as tmp:
        where = Path(args.dir) if args.dir else tmp
        where.mkdir(parents=True, exist_ok=True)
        work = Path(os.path.realpath(where)) / f"debate-bench-{os.getpid()}"
        work.mkdir()
        try:
            big = load_deck(str(write_deck(tmp / "deck.yaml", args.cards)))
            default = load_deck("desescalade-fr")
            line = (vote_event(default.cards[0], "final", ATTENDANCE, 0).to_json() + "\n").encode()

            rendering: list[float] = []

            def render_again(session: Session) -> None:  # the in-memory part, timed apart
                start = time.perf_counter()
                render_minutes(session.state, session.deck)
                rendering.append(time.perf_counter() - start)

            baseline = bare_fsync(work, 2 * args.cards, line)
            generated = meeting(big, work / "generated", render_again)
            realistic: list[float] = []
            for n in range(args.meetings):
                realistic += meeting(default, work / f"default-{n}")
            baseline += bare_fsync(work, 2 * args.cards, line)  # before and after: fair
        finally:
            shutil.rmtree(work, ignore_errors=True)

    base = median(baseline)
    rows = [
        [name, len(v), ms(median(v)), ms(percentile(v, 99)), ms(max(v)),
         f"{median(v) / base:.1f}x" if v is not rendering else ""]
        for name, v in (
            (f"bare os.write + os.fsync of one {len(line)}-byte line", baseline),
            (f"Session.record(vote), default deck, {args.meetings} meetings x 20", realistic),
            (f"Session.record(vote), generated {args.cards} cards x 2 rounds", generated),
            ("  of which render_minutes (in memory, same states)", rendering),
        )
    ]  # fmt: skip
    print(f"Recording a vote ({machine_line()}; disk: {_fs_type(where)})")
    print_table(["what", "n", "median", "p99", "max", "vs bare fsync"], rows)


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
