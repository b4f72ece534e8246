"""What showing deck text as plain Text costs, against the markup it replaced.

A Static given a str parses it as markup (Content.from_markup); given a Text it converts it
(Content.from_rich_text). The TUI now passes deck text through debate.tui.plain (printable,
then Text) on the way. Measured in-process on the default deck's card 1: its summary
through each path, and the card screen's title, summary and sources built both ways.

    python bench/plain_text.py [--number 20000]
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable

from common import machine_line, print_table
from textual.content import Content

from debate.deck import load_deck
from debate.tui.plain import plain


def best(function: Callable[[], object], number: int) -> float:
    """Seconds per call, the best of five runs (the least disturbed by the machine)."""
    return min(timeit.repeat(function, number=number, repeat=5)) / number


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--number", type=int, default=20000)
    number = parser.parse_args().number
    card = load_deck(None, cached=False).cards[0]  # the default deck; no cache written
    summary = card.summary

    def markup() -> object:
        return Content.from_markup(summary)

    def plain_text() -> object:
        return Content.from_rich_text(plain(summary, lines=True))

    def strings() -> object:
        sources = " · ".join(s.title for s in card.sources)
        return [f"{card.number}. {card.title}", summary, sources]

    def texts() -> object:
        sources = " · ".join(s.title for s in card.sources)
        return [plain(f"{card.number}. {card.title}"), plain(summary, lines=True), plain(sources)]

    print(f"Deck text to a Static's content, in-process ({machine_line()})")
    rows = []
    for what, base, ours in (
        (f"a summary ({len(summary)} chars) into Content", markup, plain_text),
        ("card title, summary, sources built", strings, texts),
    ):
        b, o = best(base, number), best(ours, number)
        rows.append((what, f"{b * 1e6:.1f} us", f"{o * 1e6:.1f} us", f"{o / b:.2f}x"))
    print_table(["what", "str (markup)", "plain Text", "ratio"], rows)


if __name__ == "__main__":
    main()
