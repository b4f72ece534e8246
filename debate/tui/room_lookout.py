"""The facilitator's window learns at once that a room's window opened or closed, so that
its "next" line shows (or goes) then, not at the next key press.

A thread waits for the kernel to say the sessions folder changed (inotify, on Linux; it
costs no CPU while nothing happens) and then asks whether a room's window holds the
folder's room lock. The folder also changes at each of the facilitator's own writes: the
question is one open and one lock attempt, asked after the write. Where the kernel cannot
tell (Windows, macOS), nothing polls: the line follows at the next key press, as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debate.platform import FolderWatch


class RoomLookout:
    def __init__(self, sessions_dir: Path, changed: Callable[[bool], bool]) -> None:
        """`changed(follows)` is called from the thread when the answer changes; it
        returns False once the app can take no more (the thread then ends)."""
        self.sessions_dir = sessions_dir
        self._changed = changed
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._watch: FolderWatch | None = None

    def start(self, follows: bool) -> None:
        """Watch from the answer `follows` (what the screen shows now). The kernel's watch
        is made in the thread: finding the C library takes a while, and the first card
        must not wait for it."""
        self._thread = threading.Thread(
            target=self._run, args=(follows,), name="debate-room-lookout", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._watch is not None:  # made: its wait ends now (else the loop never starts)
            self._watch.stop()

    def _run(self, follows: bool) -> None:
        from debate import platform
        from debate.meeting.follow import room_follows

        watch = platform.watch_folder(self.sessions_dir)
        if watch is None:  # the next key press shows it
            return
        self._watch = watch
        try:
            woken = True  # once first: a room may have opened while the watch was made
            while not self._stop.is_set():
                if woken:
                    now = room_follows(self.sessions_dir)
                    if now != follows:
                        follows = now
                        if not self._changed(now):
                            return
                woken = watch.wait()
        finally:
            watch.close()
