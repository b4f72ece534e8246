"""Scale: a generated deck of 1,000 cards, the minutes of 1,000 voted cards, a merge of
100 sessions, the replay of journals of 1k, 10k and 100k events. Each figure is a
median, with a small case of the same thing measured in the same run as its baseline.

    python bench/scale.py [--runs 5] [--cards 1000] [--sessions 100]
"""

from __future__ import annotations

import argparse
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import (
    PY,
    machine_line,
    median,
    ms,
    print_table,
    temp_dir,
    verdict,
    vote_event,
    voted_state,
    write_deck,
)

from debate.deck import load_deck
from debate.deck.loader import parse_deck, resolve
from debate.record.minutes import render_minutes

Row = list[object]


def timed(action: Callable[[], Any], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def interleaved(actions: dict[str, Callable[[], Any]], runs: int) -> dict[str, list[float]]:
    """Each action once per round, round after round, so a slow spell hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            times[name] += timed(action, 1)
    return times


def row(name: str, values: list[float], base: list[float] | None) -> Row:
    ratio = f"{median(values) / median(base):.2f}x" if base else ""
    return [name, len(values), ms(median(values)), ms(min(values)), ms(max(values)), ratio]


def check_rows(big: Path, runs: int) -> list[Row]:
    def check(*deck: str) -> Callable[[], None]:
        return lambda: subprocess.run(
            [PY, "-m", "debate", "check", *deck], check=True, capture_output=True
        )

    default_bytes = resolve(None).read_bytes()
    big_bytes = big.read_bytes()
    t = interleaved(
        {
            "python -c pass": lambda: subprocess.run([PY, "-c", "pass"], check=True),
            "check default": check(),
            "check big": check(str(big)),
            "parse default": lambda: parse_deck(default_bytes, "default"),
            "parse big": lambda: parse_deck(big_bytes, str(big)),
        },
        runs,
    )
    cards = len(parse_deck(big_bytes).cards)
    return [
        row("python -c pass (interpreter floor)", t["python -c pass"], None),
        row("debate check, default deck (10 cards)", t["check default"], None),
        row(f"debate check, generated {cards} cards", t["check big"], t["check default"]),
        row("parse_deck, default deck (in process)", t["parse default"], None),
        row(f"parse_deck, generated {cards} cards", t["parse big"], t["parse default"]),
    ]


def minutes_rows(big: Path, runs: int) -> list[Row]:
    deck = load_deck(str(big))
    default = load_deck("desescalade-fr")
    build: dict[str, list[float]] = {"default": [], "big": []}
    states = {}
    for name, d in (("default", default), ("big", deck)):
        for _ in range(runs):
            start = time.perf_counter()
            states[name] = voted_state(d)
            build[name].append(time.perf_counter() - start)
    t = interleaved(
        {
            "default": lambda: render_minutes(states["default"], default),
            "big": lambda: render_minutes(states["big"], deck),
        },
        runs,
    )
    n = len(deck.cards)
    return [
        row("state of 10 voted cards (apply, default deck)", build["default"], None),
        row(f"state of {n} voted cards (apply)", build["big"], build["default"]),
        row("render_minutes, 10 voted cards", t["default"], None),
        row(f"render_minutes, {n} voted cards", t["big"], t["default"]),
    ]


def merge_rows(tmp: Path, sessions: int, runs: int) -> list[Row]:
    try:
        from debate.record.merge import merge_report
        from debate.record.results import build_results
    except ImportError as exc:
        print(f"note: merge skipped, debate.record.merge is not usable yet ({exc})")
        return []
    from debate.record.journal import replay_journal

    deck = load_deck("desescalade-fr")
    folder = tmp / "sessions"
    folder.mkdir()
    journals = [_write_journal(deck, folder, n) for n in range(sessions)]

    def merge_in_process(paths: list[Path]) -> Callable[[], str]:
        return lambda: merge_report([build_results(replay_journal(p).state, deck) for p in paths])

    def merge_command(paths: list[Path]) -> Callable[[], None]:
        argv = [PY, "-m", "debate", "merge", *map(str, paths), "--sessions", str(folder)]
        return lambda: subprocess.run(argv, check=True, capture_output=True)

    merge_in_process(journals)()  # fails loudly here rather than inside the timing
    t = interleaved(
        {
            "one": merge_in_process(journals[:1]),
            "all": merge_in_process(journals),
            "cmd one": merge_command(journals[:1]),
            "cmd all": merge_command(journals),
        },
        runs,
    )
    return [
        row("merge 1 session (replay + results + report)", t["one"], None),
        row(f"merge {sessions} sessions (in process)", t["all"], t["one"]),
        row("debate merge, 1 session", t["cmd one"], None),
        row(f"debate merge, {sessions} sessions", t["cmd all"], t["cmd one"]),
    ]


def replay_rows(tmp: Path, runs: int) -> list[Row]:
    """Replay time of journals of 1k, 10k and 100k events: each against the 1k one, so a
    linear fold reads ~10x and ~100x, a quadratic one 100x and 10,000x."""
    from debate.record.events import AttendanceSet, CardShown, RemarkMade, SessionOpened
    from debate.record.journal import replay_journal

    deck = load_deck("desescalade-fr")
    opening = SessionOpened(
        deck_title=deck.title, deck_path=deck.path, deck_digest=deck.digest,
        language=deck.language, place="Salle", facilitator="Camille",
    )  # fmt: skip
    sizes = (1_000, 10_000, 100_000)
    paths = {}
    for size in sizes:
        path = tmp / f"replay-{size}.jsonl"
        with path.open("w", encoding="utf-8") as file:
            for event in (opening, AttendanceSet(count=30)):
                file.write(event.to_json() + "\n")
            # Cards shown among size/10 ids (the state's mapping grows), remarks piling up
            # on one card (its tuple grows): what a copying fold pays for at every event.
            for n in range(size - 2):
                shown = CardShown(card=f"c{n % (size // 10)}")
                event = shown if n % 3 else RemarkMade(card="c0", text=f"r{n}")
                file.write(event.to_json() + "\n")
        paths[size] = path
    t = interleaved({size: (lambda p=paths[size]: replay_journal(p)) for size in sizes}, runs)
    base = t[sizes[0]]
    global REPLAY_GROWTH
    REPLAY_GROWTH = median(t[100_000]) / median(t[10_000])
    return [
        row(f"replay a journal of {size:,} events", t[size], None if size == sizes[0] else base)
        for size in sizes
    ]


REPLAY_GROWTH = 0.0  # replaying 100k events / 10k, set by replay_rows
REPLAY_TARGET = 10.0  # linear (issue 13)


def _write_journal(deck: Any, folder: Path, n: int) -> Path:
    """A finished meeting on `deck`, every card voted in both rounds, written as the
    Session writes its journal (one event per line); varied counts per meeting."""
    from debate.record.events import SessionClosed

    events = [*_events_of(deck, 20 + n % 30, place=f"Salle {n}"), SessionClosed()]
    path = folder / f"2026-03-{1 + n % 28:02d}-2000-salle-{n:03d}.jsonl"
    path.write_text("".join(e.to_json() + "\n" for e in events), "utf-8")
    return path


def _events_of(deck: Any, attendance: int, place: str = "Salle") -> list[Any]:
    """A meeting's events, with its own meeting id: merge counts each meeting once by it."""
    from debate.record.events import AttendanceSet, CardShown, SessionOpened, new_meeting_id

    events: list[Any] = [
        SessionOpened(
            deck_title=deck.title, deck_path=deck.path, deck_digest=deck.digest,
            language=deck.language, place=place, facilitator="Camille",
            meeting=new_meeting_id(),
        ),
        AttendanceSet(count=attendance),
    ]  # fmt: skip
    for n, card in enumerate(deck.cards):
        events.append(CardShown(card=card.id))
        events += [vote_event(card, r, attendance, n) for r in ("indicative", "final")]
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each figure (>= 5)")
    parser.add_argument("--cards", type=int, default=1000, help="cards of the generated deck")
    parser.add_argument("--sessions", type=int, default=100, help="sessions to merge")
    args = parser.parse_args()

    with temp_dir() as tmp:
        big = write_deck(tmp / f"deck-{args.cards}.yaml", args.cards)
        rows = check_rows(big, args.runs)
        rows += minutes_rows(big, args.runs)
        rows += merge_rows(tmp, args.sessions, args.runs)
        rows += replay_rows(tmp, args.runs)
    print(f"Scale ({machine_line()})")
    print_table(["what", "runs", "median", "min", "max", "vs small case"], rows)
    print()
    print_table(
        ["ratio", "value", "target", "verdict"],
        [["replay 100,000 events / 10,000", f"{REPLAY_GROWTH:.2f}x", f"<= {REPLAY_TARGET:g}x",
          verdict(REPLAY_GROWTH, REPLAY_TARGET)]],
    )  # fmt: skip


if __name__ == "__main__":
    main()
