"""Shared helpers for the benchmarks: a tmux driver, statistics, a generated deck, a table.

Every benchmark compares against a baseline measured in the same run, so the figures are
ratios that mean something on any machine. Nothing here imports debate's TUI.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PY = sys.executable  # the same venv for debate and the baseline
MINIMAL_APP = BENCH / "minimal_app.py"
DEFAULT_DECK_TITLE = "1. Sécuriser les services essentiels"  # card 1 of desescalade-fr


# -- statistics -------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def ratio(value: float, base: float) -> float:
    """value / base, where a base of 0 (an app that used no CPU at all) stays meaningful."""
    if base == 0:
        return 1.0 if value == 0 else float("inf")
    return value / base


def verdict(ratio: float, target: float) -> str:
    return "met" if ratio <= target else f"MISSED by {(ratio / target - 1) * 100:.0f}%"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def machine_line() -> str:
    load = os.getloadavg()[0]
    return (
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load {load:.1f}, "
        f"Python {sys.version.split()[0]}"
    )


def byte_compile_debate() -> None:
    """Measure debate as a facilitator's install runs it: byte-compiled, as pip leaves a
    wheel. An editable install under PYTHONDONTWRITEBYTECODE=1 (some sandboxes and CI
    images set it) would otherwise compile every debate module from source at every
    launch, about 90 ms, while Textual, installed by pip, starts from its .pyc files."""
    import compileall

    compileall.compile_dir(REPO / "debate", quiet=1)


# -- a generated deck -------------------------------------------------------------------


def card_title(n: int) -> str:
    """Card n's title (1-based); zero-padded so no title is a substring of another."""
    return f"Proposition {n:04d}"


def argument_token(n: int, side: str, i: int) -> str:
    """A unique word that starts the i-th (0-based) argument ('F') or objection ('C')."""
    return f"{side}{n:04d}{'abcdefghij'[i]}"


def write_deck(
    path: Path, cards: int, *, arguments: int = 3, objections: int = 2, language: str = "fr"
) -> Path:
    """A valid deck of `cards` cards shaped like the default deck's (summary, arguments,
    objections with answers, a question, a source), written with a safe YAML dumper."""
    body = []
    for n in range(1, cards + 1):
        card: dict[str, object] = {
            "id": f"proposition-{n:04d}",
            "title": card_title(n),
            "summary": (
                f"La commune étudie la mesure numéro {n}. Elle en mesure le coût, en parle "
                "avec les habitants et décide en conseil municipal après ce débat public."
            ),
        }
        if arguments:
            card["arguments"] = [
                {
                    "text": f"{argument_token(n, 'F', i)} un argument court pour la mesure.",
                    "source": "Étude locale",
                }
                for i in range(arguments)
            ]
        if objections:
            card["objections"] = [
                {
                    "text": f"{argument_token(n, 'C', i)} une objection courte.",
                    "response": "Une réponse brève.",
                }
                for i in range(objections)
            ]
        card["questions"] = ["Qui, dans la salle, est concerné ?"]
        card["sources"] = [{"title": "Dossier", "url": f"https://example.org/mesure/{n}"}]
        body.append(card)
    deck = {
        "title": f"Deck généré de {cards} cartes",
        "language": language,
        "description": "Généré par bench/common.py pour mesurer la montée en charge.",
        "vote": {
            "method": "for-against-abstain",
            "choices": ["Pour", "Contre", "Abstention"],
            "rule": "majority-of-cast",
        },
        "cards": body,
    }
    path.write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False), "utf-8")
    return path


# -- commands ---------------------------------------------------------------------------


def debate_run(deck: str | Path, sessions: Path) -> list[str]:
    """`debate run` skipping the setup form: card 1 is the first screen."""
    return [
        PY,
        "-m",
        "debate",
        "run",
        str(deck),
        "--sessions",
        str(sessions),
        "--place",
        "Salle des fêtes",
        "--attendance",
        "40",
        "--new",
    ]


def room_run(deck: str | Path, sessions: Path) -> list[str]:
    """`debate room`, the room's window, following the meeting of `sessions`."""
    return [PY, "-m", "debate", "room", str(deck), "--sessions", str(sessions)]


def minimal_run(*flags: str) -> list[str]:
    """The baseline app; flags: --full or --lines (see minimal_app.py)."""
    return [PY, str(MINIMAL_APP), *flags]


# -- processes --------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    """Every descendant of pid, from /proc (no psutil needed)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def is_python(pid: int) -> bool:
    try:
        return os.path.realpath(f"/proc/{pid}/exe").split("/")[-1].startswith("python")
    except OSError:
        return False


def cpu_seconds(pid: int, main_only: bool = False) -> float:
    """CPU time of all of pid's threads (or of its main thread), in seconds, to the
    nanosecond: the first field of /proc/PID/task/TID/schedstat. (utime + stime count
    10 ms clock ticks, too coarse for an idle app.)"""
    total = 0
    for tid in [str(pid)] if main_only else os.listdir(f"/proc/{pid}/task"):
        # A thread may end between the listing and the read.
        with contextlib.suppress(FileNotFoundError), open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            total += int(f.read().split()[0])
    return total / 1e9


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak resident) of pid, in KiB."""
    found = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
    return found


def end_process(pid: int, grace: float = 2.0) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds, for one pid we started."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if not os.path.exists(f"/proc/{pid}") or _zombie(pid):
                return
            time.sleep(0.02)


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


# -- tmux -------------------------------------------------------------------------------


class TmuxTimeout(RuntimeError):
    pass


class Tmux:
    """A private tmux server (its own socket, so other users' sessions are never touched).

    Use as a context manager: on exit every session is killed, then any app process that
    survived, then the server. A keeper session is started first so that launching an
    app never pays for starting the tmux server.
    """

    def __init__(self, width: int = 100, height: int = 30) -> None:
        if shutil.which("tmux") is None:
            raise SystemExit("tmux is needed for this benchmark")
        self.width, self.height = width, height
        self.socket = f"debate-bench-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.sessions: list[str] = []
        self.pids: set[int] = set()
        self.socket_path = ""

    def __enter__(self) -> Tmux:
        self.new("keeper", ["sleep", "100000"])
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip()
        self.tmux("set-option", "-g", "remain-on-exit", "on")  # keep a crash's traceback
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env={**os.environ, "LANG": "C.UTF-8"},
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def new(self, name: str, argv: Sequence[str], env: dict[str, str] | None = None) -> None:
        """Start argv (exec'd directly, no shell) in a detached session of the set size."""
        extra = [f"-e{k}={v}" for k, v in (env or {}).items()]
        size = ["-x", str(self.width), "-y", str(self.height)]
        self.tmux("new-session", "-d", "-s", name, *size, *extra, *argv)
        self.sessions.append(name)

    def capture(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name, check=False)

    def wait_for(self, name: str, text: str, start: float, timeout: float = 30.0) -> float:
        """Poll the pane as fast as possible until `text` shows; seconds since `start`."""
        while True:
            screen = self.capture(name)
            if text in screen:
                return time.perf_counter() - start
            if "Pane is dead" in screen:  # remain-on-exit keeps the app's last words
                raise TmuxTimeout(f"{name}: the app exited before showing {text!r}:\n{screen}")
            if time.perf_counter() - start > timeout:
                raise TmuxTimeout(f"{name}: {text!r} not shown in {timeout} s:\n{screen}")

    def launch(
        self,
        name: str,
        argv: Sequence[str],
        text: str,
        timeout: float = 30.0,
        env: dict[str, str] | None = None,
    ) -> float:
        """Start argv and return the seconds until `text` is on screen."""
        start = time.perf_counter()
        self.new(name, argv, env)
        elapsed = self.wait_for(name, text, start, timeout)
        self.pids.add(self.app_pid(name))
        return elapsed

    def press(self, name: str, key: str, text: str, timeout: float = 10.0) -> float:
        """Send a key and return the seconds until `text` is on screen."""
        start = time.perf_counter()
        self.tmux("send-keys", "-t", name, key)
        return self.wait_for(name, text, start, timeout)

    def pane_pid(self, name: str) -> int:
        return int(self.tmux("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])

    def app_pid(self, name: str) -> int:
        """The Python process running in the pane (the pane's process or a descendant)."""
        pid = self.pane_pid(name)
        for candidate in [pid, *children(pid)]:
            if is_python(candidate):
                return candidate
        raise RuntimeError(f"{name}: no python process under pane pid {pid}")

    def kill(self, name: str) -> None:
        pids = set()
        with contextlib.suppress(RuntimeError, ValueError, IndexError):
            pane = self.pane_pid(name)
            pids = {pane, *children(pane)}
        self.tmux("kill-session", "-t", name, check=False)
        if name in self.sessions:
            self.sessions.remove(name)
        for pid in pids:
            end_process(pid, grace=1.0)

    def close(self) -> None:
        for name in list(self.sessions):
            self.kill(name)
        self.tmux("kill-server", check=False)
        for pid in self.pids:
            end_process(pid, grace=1.0)
        if self.socket_path:  # tmux leaves its socket file behind
            with contextlib.suppress(OSError):
                os.unlink(self.socket_path)


@contextlib.contextmanager
def temp_dir(prefix: str = "debate-bench-") -> Iterator[Path]:
    """A temporary directory on the same disk as the project (fsync costs what it costs
    there), removed even on failure. Decks checked during the run are cached in it too
    ($XDG_CACHE_HOME, which the tmux server started next inherits), not in the user's
    cache."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix=prefix))
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(path / "cache")
    try:
        yield path
    finally:
        if before is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = before
        shutil.rmtree(path, ignore_errors=True)


# -- votes ------------------------------------------------------------------------------


def vote_event(card: Any, round_: str, attendance: int, seed: int) -> Any:
    """The VoteRecorded the vote screen would record for `card` (a deck Card): counts that
    vary with `seed` and never exceed the attendance."""
    from debate.record.events import VoteRecorded
    from debate.vocabulary import Round

    spec = card.vote
    labels = spec.labels
    counts = [0] * len(labels)
    for hand in range(attendance - seed % 5):
        counts[(hand * 7 + seed) % len(labels)] += 1
    return VoteRecorded(
        card=card.id,
        round=Round(round_),
        method=spec.method.value,
        labels=labels,
        counts=tuple(counts),
        rule="" if spec.method.value == "majority-judgment" else spec.rule.value,
        ungraded=spec.ungraded.value,
    )


def voted_state(deck: Any, attendance: int = 40, rounds: Sequence[str] = ("final",)) -> Any:
    """A SessionState (built with the real `apply`) where every card of `deck` was shown
    and voted in each of `rounds`."""
    from debate.record.events import AttendanceSet, CardShown, SessionOpened
    from debate.record.state import SessionState, apply

    state = SessionState()
    opened = SessionOpened(
        deck_title=deck.title,
        deck_path=deck.path,
        deck_digest=deck.digest,
        language=deck.language,
        place="Salle des fêtes",
        facilitator="Camille",
    )
    for event in (opened, AttendanceSet(count=attendance)):
        state = apply(state, event)
    for n, card in enumerate(deck.cards):
        state = apply(state, CardShown(card=card.id))
        for round_ in rounds:
            state = apply(state, vote_event(card, round_, attendance, n))
    return state
