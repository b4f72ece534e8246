"""A/B of start to card 1: this working tree's debate against another copy of it, with
the minimal app as the baseline, launched in turn in the same run (bench/startup.py's
method: one discarded warm-up round, the starting variant rotating each round).

    python bench/ab_startup.py OTHER_DEBATE_PARENT [--runs 21]

OTHER_DEBATE_PARENT holds a `debate` package (e.g. `git archive REV debate | tar -x -C
/tmp/base`), byte-compiled as this one is; it is put first on PYTHONPATH for its launches.
"""

from __future__ import annotations

import argparse
import compileall
from pathlib import Path

from common import (
    DEFAULT_DECK_TITLE,
    Tmux,
    byte_compile_debate,
    debate_run,
    machine_line,
    median,
    minimal_run,
    ms,
    print_table,
    temp_dir,
)
from minimal_app import READY


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the folder holding the other `debate`")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    byte_compile_debate()
    compileall.compile_dir(str(args.other / "debate"), quiet=1)
    with temp_dir() as tmp, Tmux(100, 30) as tmux:
        n = 0

        def sessions() -> Path:
            nonlocal n
            n += 1
            return tmp / f"sessions-{n}"

        cache = {"XDG_CACHE_HOME": str(tmp / "cache")}
        variants = {
            "minimal app": (minimal_run, READY, {}),
            "this debate": (
                lambda: debate_run("desescalade-fr", sessions()), DEFAULT_DECK_TITLE, cache
            ),
            "other debate": (
                lambda: debate_run("desescalade-fr", sessions()),
                DEFAULT_DECK_TITLE,
                {**cache, "PYTHONPATH": str(args.other.resolve())},
            ),
        }  # fmt: skip
        names = list(variants)
        times: dict[str, list[float]] = {name: [] for name in names}
        for round_ in range(-1, args.runs):
            order = names[round_ % len(names) :] + names[: round_ % len(names)]
            for name in order:
                argv, text, env = variants[name]
                session = f"ab{round_ + 1}-{names.index(name)}"
                elapsed = tmux.launch(session, argv(), text, env=env)
                tmux.kill(session)
                if round_ >= 0:
                    times[name].append(elapsed)
    base = median(times["minimal app"])
    print(f"Start to first screen, tmux 100x30 ({machine_line()})")
    rows = []
    for name in names:
        paired = median([x / y for x, y in zip(times[name], times["minimal app"], strict=True)])
        rows.append([name, len(times[name]), ms(median(times[name])),
                     f"{median(times[name]) / base:.2f}x", f"{paired:.2f}x"])  # fmt: skip
    print_table(["variant", "runs", "median", "vs minimal", "paired"], rows)
    ab = median([x / y for x, y in zip(times["this debate"], times["other debate"], strict=True)])
    print(f"\nthis / other, paired: {ab:.3f}x")


if __name__ == "__main__":
    main()
