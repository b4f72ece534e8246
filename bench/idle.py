"""Idle: CPU time and resident memory with a card on screen, against the minimal app.

Both apps run side by side in tmux (100x30); once each shows its first screen and has
settled, the CPU time of all their threads is read from /proc/PID/task/*/schedstat (in
nanoseconds) at the start and end of the window, and VmRSS / VmHWM from
/proc/PID/status at the end. The main thread's share is shown apart: it runs the app's
code, while Textual's input thread polls the terminal ten times a second in both apps.

    python bench/idle.py [--seconds 30] [--runs 5] [--settle 2]
"""

from __future__ import annotations

import argparse
import time

from common import (
    DEFAULT_DECK_TITLE,
    Tmux,
    byte_compile_debate,
    cpu_seconds,
    debate_run,
    machine_line,
    median,
    memory_kib,
    minimal_run,
    print_table,
    ratio,
    temp_dir,
    verdict,
)
from minimal_app import READY

CPU_TARGET = 1.0  # no more than the minimal app, timer stopped (issue 13)
MEMORY_TARGET = 1.25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="idle window per run")
    parser.add_argument("--runs", type=int, default=5, help="windows, each with fresh apps")
    parser.add_argument("--settle", type=float, default=2.0, help="wait after first paint")
    args = parser.parse_args()
    byte_compile_debate()

    cpu: dict[str, list[float]] = {"minimal": [], "debate": []}
    main: dict[str, list[float]] = {"minimal": [], "debate": []}  # the main thread alone
    rss: dict[str, list[int]] = {"minimal": [], "debate": []}
    hwm: dict[str, list[int]] = {"minimal": [], "debate": []}
    with temp_dir() as tmp, Tmux(100, 30) as tmux:
        for run in range(args.runs):
            apps = {
                "minimal": (minimal_run(), READY),
                "debate": (debate_run("desescalade-fr", tmp / f"s{run}"), DEFAULT_DECK_TITLE),
            }
            pids = {}
            for name, (argv, text) in apps.items():
                tmux.launch(f"{name}{run}", argv, text)
                pids[name] = tmux.app_pid(f"{name}{run}")
            time.sleep(args.settle)
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            before_main = {name: cpu_seconds(pid, main_only=True) for name, pid in pids.items()}
            time.sleep(args.seconds)
            for name, pid in pids.items():
                cpu[name].append(cpu_seconds(pid) - before[name])
                main[name].append(cpu_seconds(pid, main_only=True) - before_main[name])
                memory = memory_kib(pid)
                rss[name].append(memory["VmRSS"])
                hwm[name].append(memory["VmHWM"])
                tmux.kill(f"{name}{run}")

    def total_ms(name: str) -> str:
        return f"{sum(cpu[name]) * 1000:.1f} ms ({', '.join(f'{c * 1000:.1f}' for c in cpu[name])})"

    print(
        f"Idle with the first screen shown, {args.runs} x {args.seconds:g} s, tmux 100x30 "
        f"({machine_line()})"
    )
    print_table(
        ["app", "CPU over all windows", "of which main thread", "VmRSS median", "VmHWM median"],
        [
            [name, total_ms(name), f"{sum(main[name]) * 1000:.1f} ms",
             f"{median(rss[name]) / 1024:.1f} MiB", f"{median(hwm[name]) / 1024:.1f} MiB"]
            for name in ("minimal", "debate")
        ],
    )  # fmt: skip
    print()
    cpu_ratio = ratio(sum(cpu["debate"]), sum(cpu["minimal"]))
    rss_ratio = median(rss["debate"]) / median(rss["minimal"])
    hwm_ratio = median(hwm["debate"]) / median(hwm["minimal"])
    print_table(
        ["ratio (debate / minimal)", "value", "target", "verdict"],
        [
            ["idle CPU", f"{cpu_ratio:.2f}x", f"<= {CPU_TARGET}x", verdict(cpu_ratio, CPU_TARGET)],
            ["resident memory (VmRSS)", f"{rss_ratio:.2f}x", f"<= {MEMORY_TARGET}x",
             verdict(rss_ratio, MEMORY_TARGET)],
            ["peak resident (VmHWM)", f"{hwm_ratio:.2f}x", f"<= {MEMORY_TARGET}x",
             verdict(hwm_ratio, MEMORY_TARGET)],
        ],
    )  # fmt: skip


if __name__ == "__main__":
    main()
