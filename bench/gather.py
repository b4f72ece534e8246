"""Gathering results from many communes: `debate merge` of 1,000 meetings on the default
deck, from their journals and from a file of their results codes (one per line, as a
phone's scanner gives them), each against merging one meeting the same way in the same
run. The command is timed whole, as an organiser runs it: start-up included.

    python bench/gather.py [--runs 5] [--meetings 1000]
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from common import PY, machine_line, print_table, temp_dir
from scale import _write_journal, interleaved, row

from debate.deck import load_deck
from debate.record.journal import replay_journal
from debate.record.results import build_results
from debate.record.results_code import results_codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each figure (>= 5)")
    parser.add_argument("--meetings", type=int, default=1000, help="meetings to merge")
    args = parser.parse_args()

    deck = load_deck("desescalade-fr")
    with temp_dir() as tmp:
        folder = tmp / "sessions"
        folder.mkdir()
        journals = [_write_journal(deck, folder, n) for n in range(args.meetings)]
        codes = [results_codes(build_results(replay_journal(p).state, deck)) for p in journals]
        one, all_ = tmp / "one.txt", tmp / "all.txt"
        one.write_text("\n".join(codes[0]) + "\n", encoding="utf-8")
        all_.write_text("".join(f"{c}\n" for code in codes for c in code), encoding="utf-8")

        def merge(*inputs: Path) -> subprocess.CompletedProcess[bytes]:
            argv = [PY, "-m", "debate", "merge", *map(str, inputs), "--sessions", str(folder)]
            return subprocess.run(argv, check=True, capture_output=True)

        # Fails loudly here rather than inside the timing; and the two agree.
        if merge(*journals).stdout != merge(all_).stdout:
            raise SystemExit("the merge of the codes differs from the merge of the journals")
        t = interleaved(
            {
                "journal one": lambda: merge(journals[0]),
                "journal all": lambda: merge(*journals),
                "codes one": lambda: merge(one),
                "codes all": lambda: merge(all_),
            },
            args.runs,
        )
    n = args.meetings
    print(f"Gather ({machine_line()})")
    print_table(
        ["what", "runs", "median", "min", "max", "vs one meeting"],
        [
            row("debate merge, 1 journal", t["journal one"], None),
            row(f"debate merge, {n:,} journals", t["journal all"], t["journal one"]),
            row("debate merge, 1 meeting's results codes", t["codes one"], None),
            row(f"debate merge, {n:,} meetings' results codes", t["codes all"], t["codes one"]),
        ],
    )


if __name__ == "__main__":
    main()
