"""`debate` as if on a slow disk: every os.fsync takes 15 ms longer, as on an SD card or
an old laptop's spinning disk. For bench/keypress.py (run as a script: the arguments are
debate's) and bench/record_vote.py --slow (imported: `install()` in its own process).
Only ever in a benchmark's own process: nothing in debate or its tests reads it.

    python bench/slow_disk.py run DECK --sessions DIR ...
"""

from __future__ import annotations

import os
import sys
import time

DELAY = 0.015  # seconds added to each fsync

_fsync = os.fsync


def slow_fsync(fd: int) -> None:
    time.sleep(DELAY)
    _fsync(fd)


def install() -> None:
    os.fsync = slow_fsync  # debate calls os.fsync through the module: it gets this one


if __name__ == "__main__":
    install()
    from debate.cli import main  # after the patch, on purpose

    sys.exit(main(sys.argv[1:]))
