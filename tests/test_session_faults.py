"""Disk full and read-only sessions folders, for real: a small tmpfs mounted for the test,
filled up, remounted read-only or bigger. The vote is kept, said to be unsaved, and written
once the disk is back; the journal stays readable throughout.

Mounting needs root (as in the project's CI container); elsewhere these tests are skipped
with that reason. Root ignores a folder's mode bits, so the permission test runs its child
process without the capability that lets it (setpriv).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from debate.deck import Deck, load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.record.events import CardShown, Event, RemarkMade, Round, VoteRecorded
from debate.record.journal import read_journal, replay_journal
from debate.record.minutes import render_minutes
from debate.record.session import Session

EXEMPLE = EXAMPLE_DECK
PAGE = 4096  # tmpfs hands out space a page at a time


@pytest.fixture
def deck() -> Deck:
    return load_deck(str(EXEMPLE))


def _mount(options: str, target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )


def remount(target: Path, options: str) -> None:
    done = subprocess.run(
        ["mount", "-o", f"remount,{options}", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"remount {options}: {done.stderr.strip()}"


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs of our own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    target = tmp_path / "fs"
    target.mkdir()
    mounted = _mount("size=64k,mode=0755", target)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def fill(fs: Path) -> Path:
    """Take every free page of `fs`; the files already there keep the room in their last
    page."""
    filler = fs / "filler"
    with open(filler, "wb", buffering=0) as handle:
        while True:
            try:
                handle.write(b"x" * PAGE)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                return filler


def remark(text: str) -> RemarkMade:
    return RemarkMade(card="jardin-partage", text=text)


def check_all_written(session: Session, recorded: list[Event]) -> None:
    events, _ = read_journal(session.journal_path)
    assert events == recorded
    assert replay_journal(session.journal_path).state == session.state
    assert session.minutes_path.read_text() == render_minutes(session.state, session.deck)


def test_disk_full_keeps_the_events_and_writes_them_when_space_is_back(
    deck: Deck, small_fs: Path
) -> None:
    session = Session.create(deck, small_fs / "sessions", "Salle", "Anne", 30, "en")
    recorded = list(read_journal(session.journal_path)[0])
    # Room in the journal's last page for a short line, not for a long one.
    while not 300 < session.journal_path.stat().st_size % PAGE < PAGE - 600:
        recorded.append(remark("padding the journal to a known place in its page"))
        session.record(recorded[-1])
    fill(small_fs)

    # 1. The journal still has room, the minutes have none.
    recorded.append(CardShown(card="jardin-partage"))
    session.record(recorded[-1])
    assert session.pending == []
    assert not session.saved
    assert session.problem == (
        f"Minutes not updated: disk full ({session.minutes_path}). Will retry on next action."
    )

    # 2. A line longer than the room left: part of it lands, then the disk is full.
    size = session.journal_path.stat().st_size
    room = PAGE - size % PAGE
    long_remark = remark("Une longue remarque de la salle. " * (room // 30 + 20))
    session.record(long_remark)
    recorded.append(long_remark)
    assert session.problem == (
        f"Not saved: disk full ({session.journal_path}). Will retry on next action."
    )
    assert session.pending == [long_remark]
    assert session.state.card("jardin-partage").remarks[-1].text == long_remark.text.strip()
    torn = session.journal_path.read_bytes()
    assert len(torn) == size + room, "the kernel wrote the line's start in the last page"
    # Readable right now: everything before the torn line, and a warning about it.
    events, warnings = read_journal(session.journal_path)
    assert events == recorded[:-1]
    assert len(warnings) == 1

    # 3. Still full: more actions queue up in order, the journal does not change.
    vote = VoteRecorded(
        card="jardin-partage",
        round=Round.INDICATIVE,
        method="for-against-abstain",
        labels=("Pour", "Contre", "Abstention"),
        counts=(12, 9, 3),
        rule="majority-of-cast",
    )
    session.record(vote)
    recorded.append(vote)
    assert session.pending == [long_remark, vote]
    assert session.flush_pending() is False
    assert session.journal_path.read_bytes() == torn
    assert session.state.vote("jardin-partage", Round.INDICATIVE) is not None

    # 4. Space is back: the next action writes everything, in order, after the torn bytes.
    remount(small_fs, "size=1m")
    later = CardShown(card="bancs")
    session.record(later)
    recorded.append(later)
    assert session.problem is None and session.saved and session.pending == []
    assert session.journal_path.read_bytes().startswith(torn)  # nothing overwritten
    check_all_written(session, recorded)
    session.close()
    assert Session.resume(session.journal_path, deck).state.finished


def test_a_session_created_on_a_full_disk_is_written_when_space_is_back(
    deck: Deck, small_fs: Path
) -> None:
    (small_fs / "sessions").mkdir()
    fill(small_fs)
    when = datetime(2026, 3, 1, 20, 5)
    session = Session.create(deck, small_fs / "sessions", "Salle", "Anne", 30, "fr", when)
    assert session.problem is not None
    assert session.problem.startswith("Non enregistré : disque plein (")
    assert session.problem.endswith("). Nouvel essai à la prochaine action.")
    assert len(session.pending) == 2
    session.record(CardShown(card="bancs"))  # the meeting goes on
    assert len(session.pending) == 3
    remount(small_fs, "size=1m")
    assert session.flush_pending() is True
    assert session.id == f"2026-03-01-2005-salle-{session.state.opened.meeting}"  # type: ignore[union-attr]
    assert [e.kind for e in read_journal(session.journal_path)[0]] == [
        "session-opened",
        "attendance-set",
        "card-shown",
    ]
    session.close()


def test_a_read_only_folder_keeps_the_events_until_it_is_writable(
    deck: Deck, small_fs: Path
) -> None:
    remount(small_fs, "size=1m")
    session = Session.create(deck, small_fs / "sessions", "Salle", "Anne", 30, "en")
    session.record(CardShown(card="bancs"))
    recorded = list(read_journal(session.journal_path)[0])
    before = session.journal_path.read_bytes()
    # Possible only because the session holds no file open for writing.
    remount(small_fs, "ro")
    for text in ("Première remarque", "Deuxième remarque"):
        session.record(remark(text))
        recorded.append(session.pending[-1])
    assert session.problem == (
        f"Not saved: the sessions folder is read-only ({session.journal_path}). "
        "Will retry on next action."
    )
    assert len(session.pending) == 2 and not session.saved
    assert session.journal_path.read_bytes() == before
    remount(small_fs, "rw")
    assert session.flush_pending() is True
    assert session.problem is None
    check_all_written(session, recorded)
    assert read_journal(session.journal_path)[1] == []  # nothing was torn
    session.close()


def test_a_session_created_in_a_read_only_folder_claims_its_id_later(
    deck: Deck, small_fs: Path
) -> None:
    (small_fs / "sessions").mkdir()
    remount(small_fs, "ro")
    when = datetime(2026, 3, 1, 20, 5)
    session = Session.create(deck, small_fs / "sessions", "Salle", "Anne", 30, "en", when)
    assert session.problem is not None and "read-only" in session.problem
    assert list((small_fs / "sessions").iterdir()) == []
    remount(small_fs, "rw")
    session.record(CardShown(card="bancs"))
    assert session.saved
    sid = f"2026-03-01-2005-salle-{session.state.opened.meeting}"  # type: ignore[union-attr]
    assert session.journal_path.name == f"{sid}.jsonl"
    assert len(read_journal(session.journal_path)[0]) == 3
    assert (small_fs / "sessions" / f"{sid}.lock").exists()  # held
    session.close()


CHILD = """
import sys
from datetime import datetime
from pathlib import Path
from debate.deck import load_deck
from debate.record.events import CardShown
from debate.record.session import Session
session = Session.create(
    load_deck(sys.argv[2]), Path(sys.argv[1]), "Salle", "Anne", 30, "en", datetime(2026, 3, 1)
)
print(session.problem, flush=True)
sys.stdin.readline()  # the test makes the folder writable, then says go
session.record(CardShown(card="bancs"))
print(session.problem, session.saved, session.journal_path, flush=True)
"""


def test_a_folder_without_write_permission(tmp_path: Path) -> None:
    # Root ignores mode bits; the same root without the capability that lets it does not.
    drop = "-dac_override,-dac_read_search"
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv (util-linux) to run a child without DAC override")
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o555)  # ours (root's): readable, not writable
    limited = [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}"]
    child = subprocess.Popen(
        [*limited, sys.executable, "-c", CHILD, str(folder), str(EXEMPLE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None and child.stderr is not None
    first = child.stdout.readline()
    assert first.startswith("Not saved: no permission to write in the sessions folder ("), (
        first + child.stderr.read()
    )
    assert list(folder.iterdir()) == []
    folder.chmod(0o755)
    child.stdin.write("go\n")
    child.stdin.flush()
    problem, saved, path = child.stdout.readline().split()
    assert (problem, saved) == ("None", "True")
    assert child.wait() == 0
    assert [e.kind for e in read_journal(Path(path))[0]] == [
        "session-opened",
        "attendance-set",
        "card-shown",
    ]
