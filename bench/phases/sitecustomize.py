"""Marks a key press's phases in an app run by bench/keypress_phases.py: Python imports
this file at start-up when its folder is on PYTHONPATH and PHASES_FILE is set.

Each mark is one line of `perf_counter` (the same clock in every process, on Linux), the
mark's name and its thread, appended to PHASES_FILE.<pid>:
  next / nextcard / next_end   debate's CardScreen.action_next, entered and left
  idle                         a Screen's idle handler (Textual asks for the frame there)
  upd0 / upd1                  Screen._on_timer_update: the frame's layout and render
  enq                          the frame handed to Textual's writer thread
  w0 / w1                      the writer thread's write to the terminal
  ar0 / ar1                    debate's Meeting._after_repaint: the disk work after a frame
The modules are patched as they are imported, so the apps start as they always do.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
import threading
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

_PATH = os.environ.get("PHASES_FILE")
_out = open(f"{_PATH}.{os.getpid()}", "a", buffering=1) if _PATH else None  # noqa: SIM115


def mark(what: str) -> None:
    assert _out is not None
    _out.write(f"{time.perf_counter():.6f} {what} {threading.current_thread().name}\n")


def _wrap(owner: Any, name: str, before: str, after: str) -> None:
    inner = getattr(owner, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        mark(before)
        try:
            return inner(*args, **kwargs)
        finally:
            mark(after)

    setattr(owner, name, wrapped)


def _writer(module: ModuleType) -> None:
    thread = module.WriterThread
    init, put = thread.__init__, thread.write

    class Marked:
        def __init__(self, file: Any) -> None:
            self._file = file

        def write(self, text: str) -> int:
            mark("w0")
            written = self._file.write(text)
            mark("w1")
            return written

        def __getattr__(self, name: str) -> Any:
            return getattr(self._file, name)

    def marked_init(self: Any, file: Any) -> None:
        init(self, Marked(file))

    def marked_put(self: Any, text: str) -> None:
        mark("enq")
        put(self, text)

    thread.__init__, thread.write = marked_init, marked_put


def _screen(module: ModuleType) -> None:
    _wrap(module.Screen, "_on_timer_update", "upd0", "upd1")
    idle = module.Screen._on_idle

    async def marked_idle(self: Any, event: Any) -> None:
        mark("idle")
        await idle(self, event)

    module.Screen._on_idle = marked_idle


def _card(module: ModuleType) -> None:
    action = module.CardScreen.action_next

    def marked(self: Any) -> None:
        mark("nextcard" if self.presenter.fully_revealed else "next")
        action(self)
        mark("next_end")

    module.CardScreen.action_next = marked


def _meeting(module: ModuleType) -> None:
    _wrap(module.Meeting, "_after_repaint", "ar0", "ar1")


PATCHES: dict[str, Callable[[ModuleType], None]] = {
    "textual.drivers._writer_thread": _writer,
    "textual.screen": _screen,
    "debate.tui.screens.card": _card,
    "debate.meeting.meeting": _meeting,
}


class _Patcher(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in PATCHES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        execute = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            execute(module)
            PATCHES[name](module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if _out is not None:
    sys.meta_path.insert(0, _Patcher())
