"""`debate` as if on a slow disk: every os.fsync takes 15 ms longer, as on an SD card or
an old laptop's spinning disk. For bench/keypress.py; the arguments are debate's.

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


os.fsync = slow_fsync  # debate calls os.fsync through the module: it gets this one

from debate.cli import main  # noqa: E402  (after the patch, on purpose)

sys.exit(main(sys.argv[1:]))
