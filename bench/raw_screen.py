"""No framework: the screenful of `minimal_app.py --full`, rewritten raw on each PageDown.

A reference for bench/keypress.py: what tmux itself costs (parsing ~2,500 characters,
redrawing its grid, `capture-pane` seeing it) when a whole screen changes, with no
Textual in the way. Nothing can show a new card faster than this. Ctrl+Q quits.
(Importing minimal_app for its text loads Textual, which never runs: launch is not timed.)

    python bench/raw_screen.py
"""

from __future__ import annotations

import os
import signal
import sys
import termios
import tty
from types import FrameType

from minimal_app import page_lines

PAGE_DOWN = b"\x1b[6~"
CTRL_Q = b"\x11"
# The alternate screen, cursor hidden, as Textual does; undone on exit.
ENTER, LEAVE = b"\x1b[?1049h\x1b[?25l", b"\x1b[?25h\x1b[?1049l"


def screen(count: int, fd: int) -> bytes:
    """Clear, then the lines of `minimal_app.py --full`'s screen (its top, if the terminal
    is too small: a line too many would scroll the label away)."""
    size = os.get_terminal_size(fd)
    lines = page_lines(count, size.columns)[: size.lines]
    return ("\x1b[H\x1b[2J" + "\r\n".join(lines)).encode()


def write(data: bytes) -> None:
    while data:  # a pty may take less than all of it at once
        data = data[os.write(1, data) :]


def stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)  # so that `finally` restores the terminal on kill-session too


def main() -> None:
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)
    tty.setraw(fd)
    count, pending = 0, b""
    try:
        write(ENTER + screen(count, fd))
        while True:
            data = os.read(fd, 64)
            if not data or CTRL_Q in data:  # b"": the pane is gone
                return
            pending += data
            presses = pending.count(PAGE_DOWN)
            # Keep a tail that may be the start of a PageDown split across two reads.
            pending = pending.rpartition(PAGE_DOWN)[2][-(len(PAGE_DOWN) - 1) :]
            if presses:
                count += presses
                write(screen(count, fd))
    finally:
        write(LEAVE)
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


if __name__ == "__main__":
    main()
