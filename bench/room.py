"""The room's window (`debate room`): CPU while nothing changes, and how soon it follows.

Three apps side by side in tmux (100x30): the minimal app, a facilitator's `debate run`
and a room's `debate room` following it. Idle: the CPU time of all the room's threads
(/proc/PID/task/*/schedstat, ns) over a window where nothing happens, against the minimal
app's in the same window; the main thread's share apart (the watching thread asks a few
`stat` calls every 50 ms, Textual's input thread polls the terminal ten times a second
in both). Following: PageDown in the facilitator's window until the item it reveals is
on the room's screen (polled with `capture-pane`), and how much later than on the
facilitator's own screen: the target is on that delay.

    python bench/room.py [--seconds 30] [--runs 3] [--settle 2]
"""

from __future__ import annotations

import argparse
import re
import time

from common import (
    DEFAULT_DECK_TITLE,
    Tmux,
    byte_compile_debate,
    cpu_seconds,
    debate_run,
    machine_line,
    median,
    minimal_run,
    ms,
    percentile,
    print_table,
    ratio,
    room_run,
    temp_dir,
    verdict,
)
from minimal_app import READY

from debate.deck import load_deck
from debate.presenter import reveal_order

CPU_TARGET = 1.0  # no more than the minimal app while nothing changes (issue 14)
FOLLOW_TARGET = 0.1  # seconds: "follows each step within a tenth of a second"
DECK = "desescalade-fr"


def reveals() -> list[str]:
    """What each PageDown on card 1 shows first: the item's mark and the start of its
    text, up to its first wrap or no-break space (never in the facilitator's "next" line,
    which has no mark)."""
    card = load_deck(DECK).cards[0]
    found = []
    for side, i in reveal_order(card):
        item = card.arguments[i] if side == "for" else card.objections[i]
        start = re.split(r"[\s\u00a0\u202f]", item.text[:16].replace(" ", "\0"))[0]
        found.append(("+ " if side == "for" else "− ") + start.replace("\0", " "))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="idle window per run")
    parser.add_argument("--runs", type=int, default=3, help="windows, each with fresh apps")
    parser.add_argument("--settle", type=float, default=2.0, help="wait after first paint")
    args = parser.parse_args()
    byte_compile_debate()

    cpu: dict[str, list[float]] = {"minimal": [], "room": []}
    main_cpu: dict[str, list[float]] = {"minimal": [], "room": []}
    own: list[float] = []  # PageDown to the facilitator's own screen
    followed: list[float] = []  # PageDown to the room's screen
    items = reveals()
    with temp_dir() as tmp, Tmux(100, 30) as tmux:
        for run in range(args.runs):
            sessions = tmp / f"s{run}"
            tmux.launch(f"facilitator{run}", debate_run(DECK, sessions), DEFAULT_DECK_TITLE)
            tmux.launch(f"room{run}", room_run(DECK, sessions), DEFAULT_DECK_TITLE)
            tmux.launch(f"minimal{run}", minimal_run(), READY)
            pids = {"room": tmux.app_pid(f"room{run}"), "minimal": tmux.app_pid(f"minimal{run}")}
            time.sleep(args.settle)
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            before_main = {name: cpu_seconds(pid, main_only=True) for name, pid in pids.items()}
            time.sleep(args.seconds)
            for name, pid in pids.items():
                cpu[name].append(cpu_seconds(pid) - before[name])
                main_cpu[name].append(cpu_seconds(pid, main_only=True) - before_main[name])
            for item in items:
                start = time.perf_counter()
                own.append(tmux.press(f"facilitator{run}", "PageDown", item))
                followed.append(tmux.wait_for(f"room{run}", item, start))
                time.sleep(0.3)  # the minutes' debounce passes: each press starts alike
            for name in (f"room{run}", f"facilitator{run}", f"minimal{run}"):
                tmux.kill(name)

    print(f"The room's window, {args.runs} runs, tmux 100x30 ({machine_line()})")
    print_table(
        ["app", f"idle CPU over {args.runs} x {args.seconds:g} s", "of which main thread"],
        [
            [name, f"{sum(cpu[name]) * 1000:.1f} ms", f"{sum(main_cpu[name]) * 1000:.1f} ms"]
            for name in ("minimal", "room")
        ],
    )
    print()
    print_table(
        ["PageDown on card 1, until the item shows", "median", "p90", "max"],
        [
            ["on the facilitator's screen", ms(median(own)), ms(percentile(own, 90)),
             ms(max(own))],
            ["on the room's screen", ms(median(followed)), ms(percentile(followed, 90)),
             ms(max(followed))],
        ],
    )  # fmt: skip
    print()
    cpu_ratio = ratio(sum(cpu["room"]), sum(cpu["minimal"]))
    # The step is the facilitator's screen showing it; the room's delay is counted from
    # there (both screens are polled alike, so tmux's own time cancels out).
    later = [room - mine for room, mine in zip(followed, own, strict=True)]
    worst = percentile(later, 90)
    print_table(
        ["measure", "value", "target", "verdict"],
        [
            ["idle CPU (room / minimal)", f"{cpu_ratio:.2f}x", f"<= {CPU_TARGET}x",
             verdict(cpu_ratio, CPU_TARGET)],
            ["the room after the facilitator (median)", ms(median(later)), "", ""],
            ["the room after the facilitator (p90)", ms(worst), f"<= {ms(FOLLOW_TARGET)}",
             verdict(worst, FOLLOW_TARGET)],
        ],
    )  # fmt: skip


if __name__ == "__main__":
    main()
