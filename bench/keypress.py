"""Key to screen: PageDown until the change is visible in a real terminal (tmux 100x30).

debate runs a generated deck whose cards have 3 arguments and 2 objections: PageDown
reveals them one by one, then moves to the next card (recording that the card was shown:
a journal line fsynced and the minutes rewritten). The baseline is bench/minimal_app.py,
whose Static changes on PageDown. Both apps run side by side and the presses alternate;
each is timed from `tmux send-keys` to the text seen by polling `capture-pane`.

    python bench/keypress.py [--cards 20]
"""

from __future__ import annotations

import argparse

from common import (
    Tmux,
    argument_token,
    card_title,
    debate_run,
    machine_line,
    median,
    minimal_run,
    ms,
    percentile,
    print_table,
    temp_dir,
    verdict,
    write_deck,
)
from minimal_app import READY, label

TARGET = 1.2
ARGUMENTS, OBJECTIONS = 3, 2


def steps(card: int) -> list[tuple[str, str]]:
    """(kind, text that shows once done) for each PageDown from card `card`'s summary."""
    shown = []
    for i in range(max(ARGUMENTS, OBJECTIONS)):
        if i < ARGUMENTS:
            shown.append(("reveal", argument_token(card, "F", i)))
        if i < OBJECTIONS:
            shown.append(("reveal", argument_token(card, "C", i)))
    return [*shown, ("next card", f"{card + 1}. {card_title(card + 1)}")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=20, help="card changes to time (>= 5)")
    args = parser.parse_args()

    times: dict[str, list[float]] = {"minimal": [], "reveal": [], "next card": []}
    with temp_dir() as tmp, Tmux(100, 30) as tmux:
        deck = write_deck(
            tmp / "deck.yaml", args.cards + 1, arguments=ARGUMENTS, objections=OBJECTIONS
        )
        tmux.launch("debate", debate_run(deck, tmp / "sessions"), f"1. {card_title(1)}")
        tmux.launch("minimal", minimal_run(), READY)
        count = 0
        for card in range(1, args.cards + 1):
            for kind, text in steps(card):
                count += 1
                pair = [("debate", kind, text), ("minimal", "minimal", label(count))]
                for session, what, expected in pair if count % 2 else pair[::-1]:
                    times[what].append(tmux.press(session, "PageDown", expected))

    base = median(times["minimal"])
    rows = [
        [
            name,
            len(values),
            ms(median(values)),
            ms(percentile(values, 90)),
            ms(max(values)),
            f"{median(values) / base:.2f}x",
        ]
        for name, values in (
            ("minimal app: Static updated", times["minimal"]),
            ("debate: next argument shown", times["reveal"]),
            ("debate: next card shown", times["next card"]),
        )
    ]
    print(f"PageDown to screen, tmux 100x30 ({machine_line()})")
    print_table(["what", "presses", "median", "p90", "max", "vs minimal"], rows)
    print()
    ratio = median(times["next card"]) / base
    print_table(
        ["ratio", "value", "target", "verdict"],
        [["next card / minimal refresh", f"{ratio:.2f}x", f"<= {TARGET}x", verdict(ratio, TARGET)]],
    )


if __name__ == "__main__":
    main()
