"""A small tmux driver for the real-terminal tests: the app runs in a real pseudo-terminal,
keys go in with send-keys and the screen comes back with capture-pane.

Each Server has its own socket (`tmux -L <unique>`), so parallel xdist workers, a developer's
own tmux and the benchmarks never share a server. Panes stay on screen after their process
ends (remain-on-exit), so a crash leaves its last words to read in a failure message.

Waits poll the screen until a deadline: they are waits, not timing assertions. A slow
machine only makes them take longer; the deadline is there so that a hang fails with the
last screen instead of hanging the suite.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

WAIT = 20.0  # seconds: a generous deadline for anything to show up on screen
POLL = 0.04
PY = sys.executable  # the venv that runs the tests runs the app too

# The app's environment: a UTF-8 locale and nothing that changes its colours or size. The
# C locale names no language (nor does an empty LANGUAGE, which the suite sets to "en"):
# the app speaks its deck's, unless a test gives --lang or a locale.
APP_ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "", "TERM": "tmux-256color"}
CONF = """\
set -g remain-on-exit on
set -g history-limit 2000
set -g status off
set -g default-terminal tmux-256color
set -g escape-time 0
"""


# Left out of the server's environment, which every pane inherits: pytest-xdist's
# workers have COLUMNS and LINES (80 x 24), which the app's console took for its size
# over the pane's, laying out a pane of 110 columns in 80.
NOT_INHERITED = ("COLUMNS", "LINES")


class ScreenTimeout(AssertionError):
    """What was waited for did not show up; the message holds the last screen."""


def debate_argv(*args: str | Path) -> list[str]:
    """`python -m debate ARGS`, run by the tests' own interpreter (no shell: the pane's
    process is the app itself, so its pid is the pane's pid)."""
    return [PY, "-m", "debate", *(str(a) for a in args)]


class Server:
    """A private tmux server. `close()` (or the `tmux_server` fixture) ends it and
    everything it runs."""

    def __init__(self, workdir: Path, width: int = 100, height: int = 30) -> None:
        self.width, self.height = width, height
        self.socket = f"debate-test-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.conf = workdir / f"{self.socket}.conf"
        self.conf.write_text(CONF, encoding="utf-8")
        self.panes: list[Pane] = []
        self._count = 0

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            env={
                **{k: v for k, v in os.environ.items() if k not in NOT_INHERITED},
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
            },
            check=False,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(
        self,
        argv: Sequence[str | Path],
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> Pane:
        """Run argv (exec'd, no shell) in a new detached session of the server's size."""
        self._count += 1
        name = f"s{self._count}"
        extra = [f"-e{k}={v}" for k, v in {**APP_ENV, **(env or {})}.items()]
        where = ["-c", str(cwd)] if cwd else []
        size = ["-x", str(self.width), "-y", str(self.height)]
        self.tmux("new-session", "-d", "-s", name, *size, *where, *extra, *map(str, argv))
        pane = Pane(self, name)
        self.panes.append(pane)
        return pane

    def nudge(self) -> None:
        """Send our server a SIGCHLD, so that it collects whichever of its children ended."""
        with contextlib.suppress(RuntimeError, ValueError, ProcessLookupError):
            os.kill(int(self.tmux("display-message", "-p", "#{pid}").strip()), signal.SIGCHLD)

    def close(self) -> None:
        """SIGKILL what still runs in our panes (we started them), then end the server."""
        for pane in self.panes:
            pid = pane.pid_if_alive()
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        self.tmux("kill-server", check=False)
        self.conf.unlink(missing_ok=True)


class Pane:
    def __init__(self, server: Server, name: str) -> None:
        self.server = server
        self.name = name

    # -- reading ----------------------------------------------------------------------

    def screen(self) -> str:
        """What the terminal shows now, one line per row, trailing blanks removed."""
        return self.server.tmux("capture-pane", "-p", "-t", self.name, check=False)

    def history(self) -> str:
        """Everything the pane printed, scrolled-off rows included (what a program that
        never took the whole screen said before it ended)."""
        return self.server.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", self.name, check=False)

    def _fields(self, *names: str) -> list[str]:
        fmt = "|".join(f"#{{{name}}}" for name in names)
        found = self.server.tmux("list-panes", "-t", self.name, "-F", fmt)
        return found.rstrip("\n").split("|")

    @property
    def dead(self) -> bool:
        return self._fields("pane_dead") == ["1"]

    def _end(self) -> tuple[int | None, int | None] | None:
        """(exit status, signal) once tmux has seen the process end, else None. The pane
        is marked dead when its terminal closes, a moment before the status is known."""
        dead, status, signal_number = self._fields(
            "pane_dead", "pane_dead_status", "pane_dead_signal"
        )
        if dead != "1" or not (status or signal_number):
            return None
        return (int(status) if status else None, int(signal_number) if signal_number else None)

    def exit_status(self) -> int | None:
        """The exit code (None while it runs, or if a signal ended it)."""
        end = self._end()
        return end[0] if end else None

    def exit_signal(self) -> int | None:
        end = self._end()
        return end[1] if end else None

    @property
    def pid(self) -> int:
        return int(self._fields("pane_pid")[0])

    def pid_if_alive(self) -> int | None:
        try:
            return None if self.dead else self.pid
        except (RuntimeError, ValueError):
            return None

    # -- waiting ----------------------------------------------------------------------

    def wait_for(
        self,
        what: str | Callable[[str], bool],
        timeout: float = WAIT,
        *,
        gone: bool = False,
    ) -> str:
        """Poll the screen until `what` (a text, or a test of the screen) holds, or no longer
        holds with gone=True; return that screen. ScreenTimeout with the last screen."""
        test = what if callable(what) else (lambda screen: what in screen)
        deadline = time.monotonic() + timeout
        for polls in itertools.count():
            screen = self.screen()
            if test(screen) != gone:
                return screen
            # Whether the app ended is asked less often: each question is a tmux process.
            ended = polls % 10 == 9 and self.dead and test(self.screen()) == gone
            if time.monotonic() > deadline or ended:
                why = "exited" if self.dead else f"waited {timeout:.0f} s"
                label = what if isinstance(what, str) else what.__doc__ or what.__qualname__
                raise ScreenTimeout(
                    f"{'still' if gone else 'never'} showing {label!r} ({why}); "
                    f"last screen of {self.name}:\n{screen}"
                )
            time.sleep(POLL)
        raise AssertionError("unreachable")  # pragma: no cover - the loop never ends

    def wait_exit(self, timeout: float = WAIT) -> int | None:
        """Wait until the process has ended; its exit code (None if a signal ended it)."""
        deadline = time.monotonic() + timeout
        while self._end() is None:
            if self.dead:
                # Its terminal closed but tmux has not collected its status: tmux built with
                # libutempter can miss a SIGCHLD (tmux/tmux#311) and leave the process a
                # zombie. Another SIGCHLD makes the server collect it.
                self.server.nudge()
            if time.monotonic() > deadline:
                raise ScreenTimeout(
                    f"{self.name} still running ({process_report(self.pid)}); "
                    f"last screen:\n{self.screen()}"
                )
            time.sleep(POLL)
        return self.exit_status()

    # -- acting -----------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Send tmux key names (`PageDown`, `Tab`, `Enter`, `i`...), one write per key, so
        that the app reads each key on its own as it would from a person."""
        for key in keys:
            self.server.tmux("send-keys", "-t", self.name, key)

    def type(self, text: str) -> None:
        """Send text literally (no key-name lookup)."""
        self.server.tmux("send-keys", "-t", self.name, "-l", text)

    def kill9(self) -> None:
        """SIGKILL the app (the pane's own process) and wait until tmux saw it die."""
        os.kill(self.pid, signal.SIGKILL)
        self.wait_exit()
        assert self.exit_signal() == signal.SIGKILL, self.screen()


def process_report(pid: int) -> str:
    """What a process that does not end is doing: each thread's state and kernel wait."""
    found = []
    try:
        for tid in sorted(os.listdir(f"/proc/{pid}/task")):
            base = f"/proc/{pid}/task/{tid}"
            with open(f"{base}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
            with open(f"{base}/wchan") as f:
                wchan = f.read().strip()
            with open(f"{base}/comm") as f:
                comm = f.read().strip()
            found.append(f"{tid} {comm} {state} {wchan}")
    except OSError as exc:
        found.append(str(exc))
    try:
        with open(f"/proc/{pid}/stat") as f:
            ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        with open(f"/proc/{ppid}/stat") as f:
            pstate = f.read().rsplit(")", 1)[1].split()[0]
        with open(f"/proc/{ppid}/wchan") as f:
            found.append(f"parent {ppid} {pstate} {f.read().strip()}")
    except (OSError, ValueError, IndexError) as exc:
        found.append(str(exc))
    return f"pid {pid}: " + "; ".join(found)
