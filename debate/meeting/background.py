"""Where the Meeting writes the minutes: in a thread of their own, one write at a time, so
that a key pressed while they are rendered is not kept waiting; or at once, where nothing
else runs (the tests of what is written when, a command without a screen).

No Textual: the app passes `wake`, a thread-safe way to tell its own thread that a write
is done (it posts a message), and the Meeting collects the outcome there.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

Work = Callable[[], "str | None"]  # writes the minutes: None when done, else why not


class Job(Protocol):
    def done(self) -> bool: ...

    def result(self) -> str | None:
        """The outcome, once the work is done (waits for it until then)."""
        ...


class Background(Protocol):
    def run(self, work: Work) -> Job: ...

    def close(self) -> None: ...


class AtOnce:
    """Runs the work before `run` returns."""

    def run(self, work: Work) -> Job:
        job: Future[str | None] = Future()
        job.set_result(work())
        return job

    def close(self) -> None:
        pass


class InThread:
    """One thread, started at the first write (not at start-up), for the minutes only:
    a write waits for the one before it, so they reach the disk in order."""

    def __init__(self, wake: Callable[[], object]) -> None:
        self._wake = wake
        self._pool: ThreadPoolExecutor | None = None

    def run(self, work: Work) -> Job:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="minutes")
        job = self._pool.submit(work)
        job.add_done_callback(lambda _job: self._wake())
        return job

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
