"""Cold start: launch to the first card's title visible in a real terminal (tmux 100x30).

Baseline: bench/minimal_app.py (one Static), same venv, same run. Variants are interleaved
(the starting variant rotates each round) so that a slow spell of the machine hits them all
alike; one discarded warm-up launch per variant fills the OS file cache first, so "cold"
means a fresh process, not a cold disk.

debate keeps the decks it has checked in a cache ($XDG_CACHE_HOME, here a folder of the
run): the warm-up launch fills it, as a facilitator's first launch (or `debate check`)
does, and the variants marked "first launch" start each time with an empty cache, as the
first launch after editing a deck does.

Besides the ratio of the medians (the figure the targets are about), the median of the
per-round ratios is printed: each round's launches are seconds apart, so that ratio moves
less when the machine's load changes during the run.

    python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from common import (
    DEFAULT_DECK_TITLE,
    Tmux,
    byte_compile_debate,
    card_title,
    debate_run,
    machine_line,
    median,
    minimal_run,
    ms,
    print_table,
    temp_dir,
    verdict,
    write_deck,
)
from minimal_app import READY

START_TARGET = 1.2  # debate on the default deck vs the minimal app (issue 13)
SCALE_TARGET = 1.3  # the 1,000-card deck vs the 10-card default deck


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="launches per variant (>= 5)")
    args = parser.parse_args()
    byte_compile_debate()

    with temp_dir() as tmp, Tmux(100, 30) as tmux:
        big = write_deck(tmp / "deck-1000.yaml", 1000)
        small = write_deck(tmp / "deck-10.yaml", 10)
        first = f"1. {card_title(1)}"
        n = 0

        def sessions() -> Path:
            nonlocal n
            n += 1
            return tmp / f"sessions-{n}"

        def cached() -> dict[str, str]:
            return {"XDG_CACHE_HOME": str(tmp / "cache")}

        def empty_cache() -> dict[str, str]:
            return {"XDG_CACHE_HOME": str(tmp / f"cache-{n}")}  # n: a new one per launch

        Variant = tuple[Callable[[], list[str]], str, Callable[[], dict[str, str]]]
        variants: dict[str, Variant] = {
            "minimal app (one Static)": (minimal_run, READY, dict),
            "debate, default deck (10 cards)": (
                lambda: debate_run("desescalade-fr", sessions()), DEFAULT_DECK_TITLE, cached
            ),
            "debate, generated 10 cards": (lambda: debate_run(small, sessions()), first, cached),
            "debate, generated 1,000 cards": (lambda: debate_run(big, sessions()), first, cached),
            "debate, default deck, first launch": (
                lambda: debate_run("desescalade-fr", sessions()), DEFAULT_DECK_TITLE, empty_cache
            ),
            "debate, 1,000 cards, first launch": (
                lambda: debate_run(big, sessions()), first, empty_cache
            ),
        }  # fmt: skip
        names = list(variants)
        times: dict[str, list[float]] = {name: [] for name in names}
        for round_ in range(-1, args.runs):  # round -1 is the discarded warm-up
            order = names[round_ % len(names) :] + names[: round_ % len(names)]
            for name in order:
                argv, text, env = variants[name]
                session = f"run{round_ + 1}-{names.index(name)}"
                command = argv()  # before env(): a new sessions folder, hence a new n
                elapsed = tmux.launch(session, command, text, env=env())
                tmux.kill(session)
                if round_ >= 0:
                    times[name].append(elapsed)

    base = median(times[names[0]])
    default = median(times[names[1]])
    rows = []
    for name in names:
        values = times[name]
        rows.append(
            [
                name,
                len(values),
                ms(median(values)),
                ms(min(values)),
                ms(max(values)),
                f"{median(values) / base:.2f}x",
            ]
        )
    print(f"Start to first screen, tmux 100x30 ({machine_line()})")
    print_table(["variant", "runs", "median", "min", "max", "vs minimal"], rows)
    print()

    def paired(a: str, b: str) -> str:
        return f"{median([x / y for x, y in zip(times[a], times[b], strict=True)]):.2f}x"

    start_ratio = default / base
    scale_ratio = median(times[names[3]]) / default
    scale_gen = median(times[names[3]]) / median(times[names[2]])
    first_ratio = median(times[names[4]]) / base
    first_scale = median(times[names[5]]) / median(times[names[4]])
    print_table(
        ["ratio", "of medians", "paired", "target", "verdict"],
        [
            ["debate default deck / minimal app", f"{start_ratio:.2f}x", paired(names[1], names[0]),
             f"<= {START_TARGET}x", verdict(start_ratio, START_TARGET)],
            ["1,000-card deck / default deck", f"{scale_ratio:.2f}x", paired(names[3], names[1]),
             f"<= {SCALE_TARGET}x", verdict(scale_ratio, SCALE_TARGET)],
            ["1,000-card deck / generated 10 cards", f"{scale_gen:.2f}x",
             paired(names[3], names[2]), "(same card shape)", ""],
            ["first launch: default deck / minimal app", f"{first_ratio:.2f}x",
             paired(names[4], names[0]), f"(<= {START_TARGET}x)",
             verdict(first_ratio, START_TARGET)],
            ["first launch: 1,000 cards / default deck", f"{first_scale:.2f}x",
             paired(names[5], names[4]), f"(<= {SCALE_TARGET}x)",
             verdict(first_scale, SCALE_TARGET)],
        ],
    )  # fmt: skip


if __name__ == "__main__":
    main()
