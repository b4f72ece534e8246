"""Where a key press's time goes: bench/keypress.py run with every app's phases marked
(bench/phases/sitecustomize.py), then, per app and kind of press, the median of each
phase from `tmux send-keys` to the text seen:

  key to action     send-keys until debate's action starts (tmux, the pty, Textual's
                    input thread and its dispatch of the key to the binding)
  action            debate's CardScreen.action_next: what changes on the widgets
  action to frame   until Textual starts the frame (its idle messages, its update timer)
  key to frame      send-keys until the frame starts, for every app (the minimal ones too)
  frame             layout and render, until the frame is handed to the writer thread
  to the terminal   until the writer thread has written it (it waits for Python's lock
                    while the main thread works)
  seen              until the polling of capture-pane sees it

The marks cost a little themselves (a line written each): compare the apps of one run
with each other, not with bench/keypress.py's figures.

    python bench/keypress_phases.py [--cards 20]
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import common

PHASES = ["total", "key to action", "action", "action to frame", "key to frame", "frame"]
PHASES += ["to the terminal", "seen"]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="debate-phases-"))
    # The tmux server, started by the first session, passes its environment to every app.
    os.environ["PYTHONPATH"] = str(common.BENCH / "phases")
    os.environ["PHASES_FILE"] = str(folder / "app")
    presses: list[tuple[float, int, str, float]] = []  # sent at, app's pid, session, seconds
    pids: dict[str, int] = {}
    press = common.Tmux.press

    def timed(self: common.Tmux, name: str, key: str, text: str, timeout: float = 10.0) -> float:
        sent = time.perf_counter()
        seconds = press(self, name, key, text, timeout)
        if key == "PageDown":
            if name not in pids:  # asked once: it is a process listing
                pids[name] = self.app_pid(name)
            presses.append((sent, pids[name], name, seconds))
        return seconds

    common.Tmux.press = timed  # type: ignore[method-assign]
    import keypress

    keypress.main()
    print()
    print_phases(presses, read_marks(folder))


def read_marks(folder: Path) -> dict[int, list[tuple[float, str]]]:
    marks: dict[int, list[tuple[float, str]]] = {}
    for file in folder.glob("app.*"):
        lines = (line.split() for line in file.read_text().splitlines())
        marks[int(file.suffix[1:])] = [(float(p[0]), p[1]) for p in lines if len(p) >= 2]
    return marks


def first(marks: list[tuple[float, str]], what: str, after: float) -> float | None:
    return next((t for t, w in marks if w == what and t >= after), None)


def print_phases(
    presses: list[tuple[float, int, str, float]], marks: dict[int, list[tuple[float, str]]]
) -> None:
    rows: dict[str, list[dict[str, float]]] = defaultdict(list)
    for sent, pid, name, seconds in presses:
        seen = sent + seconds
        during = [(t, what) for t, what in marks.get(pid, []) if sent <= t <= seen]

        card = first(during, "nextcard", sent)
        action = card or first(during, "next", sent)
        kind = "" if action is None else " next card" if card else " next argument"
        done = first(during, "next_end", action) if action else None
        # The key's frame starts after the action (a countdown's tick may draw one between
        # the key and the action), and is the frame handed over before the next one starts.
        frame = first(during, "upd0", done or sent)
        after = first(during, "upd0", frame + 1e-9) if frame else None
        handed = first(during, "enq", frame) if frame else None
        if handed is not None and after is not None and handed > after:
            handed = None  # that frame wrote nothing: not the one that showed the text
        written = first(during, "w1", handed) if handed else None
        if frame is None or handed is None or written is None:
            continue
        row = {
            "total": seconds,
            "key to frame": frame - sent,
            "frame": handed - frame,
            "to the terminal": written - handed,
            "seen": seen - written,
        }
        if action is not None and done is not None:
            row.update({"key to action": action - sent, "action": done - action})
            row["action to frame"] = frame - done
        rows[name + kind].append(row)
    table = [
        [what, len(found)]
        + [
            common.ms(statistics.median(values))
            if (values := [r[p] for r in found if p in r])
            else "-"
            for p in PHASES
        ]
        for what, found in sorted(rows.items())
    ]
    print("Phases of a PageDown, medians (bench/phases/sitecustomize.py marks)")
    common.print_table(["app: press", "presses", *PHASES], table)


if __name__ == "__main__":
    main()
