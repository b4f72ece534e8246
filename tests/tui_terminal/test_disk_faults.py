"""Disk full and a read-only sessions folder while the real app runs in a terminal.

The sessions folder is on a small tmpfs mounted for the test (as tests/test_session_faults.py
does for the session layer): filled up, then grown; or remounted read-only, then writable.
The vote typed meanwhile gets no confirmation, the status line says ⚠ NON ENREGISTRÉ, the
bottom lines say why (in the key bar's place, never a toast over the screen), and the next
recorded action writes it: journal and minutes.

Mounting needs root. Elsewhere these tests are skipped with that reason; in CI (CI set),
where the container runs as root, being unable to mount fails them instead.
"""

from __future__ import annotations

import errno
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from debate.record.events import CardShown, Round
from debate.record.journal import replay_journal
from tui_terminal.meeting import (
    ALL_SHOWN,
    NOT_SAVED,
    QUIT_TITLE,
    SAVED,
    VoteInput,
    cast,
    exemple,
    flat,
    journal_in,
    minutes_votes,
    quit_app,
    read_journal_votes,
    start,
    status_line,
    title_line,
)
from tui_terminal.tmux import Pane, Server

pytestmark = pytest.mark.slow

PAGE = 4096  # tmpfs hands out space a page at a time
INDICATIVE = VoteInput("jardin-partage", Round.INDICATIVE, (12, 5, 3))
FINAL = VoteInput("jardin-partage", Round.FINAL, (20, 4, 1))
DISK_FULL = "Non enregistré : disque plein ("
MINUTES_FULL = "Compte rendu non mis à jour : disque plein ("
READ_ONLY = "Non enregistré : le dossier des séances est en lecture seule ("


def cannot(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the disk-fault drills: {reason}", pytrace=False)
    pytest.skip(reason)


def mount(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(command)}: {done.stderr.strip()}"


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs of our own, unmounted afterwards."""
    if os.geteuid() != 0:
        cannot("mounting a small file system needs root")
    target = tmp_path / "fs"
    target.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        cannot(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def remount(fs: Path, options: str) -> None:
    mount(["mount", "-o", f"remount,{options}", str(fs)])


def fill(fs: Path) -> None:
    """Take every free page; files already there keep the room left in their last page."""
    with open(fs / "filler", "wb", buffering=0) as handle:
        while True:
            try:
                handle.write(b"x" * PAGE)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                return


def wait_until(test: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        assert time.monotonic() < deadline, f"waited {timeout:.0f} s for {what}"
        time.sleep(0.02)


def grown(path: Path, size: int) -> Callable[[], bool]:
    return lambda: path.stat().st_size > size


def pad_journal(pane: Pane, journal: Path, below: int) -> None:
    """Add remarks (the notes screen, as a facilitator would) until the room left in the
    journal's last page is under `below` bytes: too little for a vote's line."""
    overhead = 120  # a remark's line without its text; measured after the first one
    pane.press("n")
    pane.wait_for("Remarque de la salle")
    while (room := -journal.stat().st_size % PAGE) >= below:
        length = max(1, min(480, room - overhead - below // 2))
        size = journal.stat().st_size
        pane.type("x" * length)
        pane.press("Enter")
        wait_until(grown(journal, size), "the remark's line")
        overhead = journal.stat().st_size - size - length
    # Wait for the dialog to close: an Escape followed at once by a key reads as Alt+key.
    pane.press("Escape")
    pane.wait_for("Notes · fiche 1", gone=True)


def not_saved_with(pane: Pane, message: str, *, journaled: bool = False) -> str:
    """Wait for the status line's warning and the bottom lines saying why. A vote whose
    line reached the journal (`journaled`: only its minutes failed, after the repaint
    that confirmed it) has its confirmation; one whose line did not has none."""
    screen = pane.wait_for(
        lambda s: s.splitlines()[0].strip().startswith(NOT_SAVED) and message in why(s)
    )
    assert (" : Pour " in status_line(screen)) is journaled, screen  # the vote's counts
    return screen


def why(screen: str) -> str:
    """The card screen's last lines, unwrapped: why a write failed, in the key bar's place."""
    return flat("\n".join(screen.rstrip("\n").splitlines()[-4:]))


def saved_again(pane: Pane) -> None:
    # "✓ enregistré", or "✓ Vote enregistré : …" where a vote confirmed takes its place.
    pane.wait_for(lambda s: s.splitlines()[0].strip().startswith(SAVED[:2]))


def check_written(sessions: Path, expected: dict[tuple[str, Round], tuple[int, ...]]) -> None:
    journal = journal_in(sessions)
    assert read_journal_votes(journal) == expected
    text = journal.with_suffix(".txt").read_text(encoding="utf-8")
    assert minutes_votes(text, exemple()) == expected


def test_a_vote_on_a_full_disk_is_written_once_space_is_back(
    tmux: Callable[..., Server], small_fs: Path
) -> None:
    sessions = small_fs / "sessions"
    pane = start(tmux(100, 30), sessions, "--new")
    journal = journal_in(sessions)
    pad_journal(pane, journal, below=200)  # a vote's line is longer than that
    fill(small_fs)
    before = journal.read_bytes()

    room = -len(before) % PAGE

    cast(pane, INDICATIVE, confirmed=False)
    not_saved_with(pane, DISK_FULL)
    # The start of the vote's line filled the last page: the journal still reads, without
    # the vote, and says that its last line is torn.
    torn = journal.read_bytes()
    assert torn.startswith(before) and len(torn) == len(before) + room
    assert read_journal_votes(journal) == {}
    assert len(replay_journal(journal).warnings) == (1 if room else 0)

    remount(small_fs, "size=1m")
    # The next action, even a reveal that records nothing itself, writes the vote.
    pane.press("PageDown")
    pane.wait_for("+ Le terrain est inutilisé")
    saved_again(pane)
    assert read_journal_votes(journal) == {("jardin-partage", Round.INDICATIVE): (12, 5, 3)}
    pane.press("PageDown", "PageDown")
    pane.wait_for(ALL_SHOWN)
    pane.press("PageDown")
    pane.wait_for(title_line(exemple(), "boite-a-livres"))
    assert quit_app(pane) == 0
    check_written(sessions, {("jardin-partage", Round.INDICATIVE): INDICATIVE.counts})
    replayed = replay_journal(journal)
    assert journal.read_bytes().startswith(torn)  # nothing overwritten
    assert len(replayed.warnings) == (1 if room else 0)  # the torn start, skipped
    assert replayed.state.current == "boite-a-livres"


def test_minutes_on_a_full_disk_are_written_once_space_is_back(
    tmux: Callable[..., Server], small_fs: Path
) -> None:
    sessions = small_fs / "sessions"
    pane = start(tmux(100, 30), sessions, "--new")
    journal = journal_in(sessions)
    # The first minutes are written just after card 1 is on screen: let them land.
    minutes = journal.with_suffix(".txt")
    wait_until(minutes.exists, "the first minutes, written once card 1 shows")
    assert -journal.stat().st_size % PAGE > 600  # room in the journal for the vote
    fill(small_fs)

    # Confirmed on its journal line, which fits; the minutes that follow the repaint
    # do not, and that is told. The confirmation stays said beside NOT SAVED (checked
    # there: "✓ Vote : ..." alone may last less than one look at the screen, and on a
    # narrow window the counts beside NOT SAVED are cut before the attendance).
    cast(pane, INDICATIVE, confirmed=False)
    not_saved_with(pane, MINUTES_FULL, journaled=True)
    # The vote is in the journal already; the minutes on disk do not have it yet.
    assert read_journal_votes(journal) == {("jardin-partage", Round.INDICATIVE): (12, 5, 3)}
    assert minutes_votes(journal.with_suffix(".txt").read_text("utf-8"), exemple()) == {}

    remount(small_fs, "size=1m")
    cast(pane, FINAL)  # confirmed: everything is on disk again
    saved_again(pane)
    assert quit_app(pane) == 0
    check_written(
        sessions,
        {(v.card, v.round): v.counts for v in (INDICATIVE, FINAL)},
    )


def started_read_only(server: Server, small_fs: Path) -> tuple[Pane, Path]:
    """A meeting on card 1, its sessions folder then made read-only: (pane, journal)."""
    remount(small_fs, "size=1m")
    sessions = small_fs / "sessions"
    pane = start(server, sessions, "--new")
    remount(small_fs, "ro")
    return pane, journal_in(sessions)


def test_a_vote_in_a_read_only_folder_is_written_once_it_is_writable(
    tmux: Callable[..., Server], small_fs: Path
) -> None:
    pane, journal = started_read_only(tmux(100, 30), small_fs)
    sessions = journal.parent
    before = journal.read_bytes()

    cast(pane, INDICATIVE, confirmed=False)
    not_saved_with(pane, READ_ONLY)
    assert journal.read_bytes() == before

    remount(small_fs, "rw")
    cast(pane, FINAL)  # written after the pending indicative vote, in order
    saved_again(pane)
    assert quit_app(pane) == 0
    check_written(
        sessions,
        {(v.card, v.round): v.counts for v in (INDICATIVE, FINAL)},
    )
    kinds = [e.kind for e in replay_journal(journal).events]
    assert kinds[-2:] == ["vote-recorded", "vote-recorded"]
    assert replay_journal(journal).warnings == ()


def test_quitting_with_a_vote_not_saved_warns_and_retries(
    tmux: Callable[..., Server], small_fs: Path
) -> None:
    pane, journal = started_read_only(tmux(100, 30), small_fs)
    sessions = journal.parent
    cast(pane, INDICATIVE, confirmed=False)
    not_saved_with(pane, READ_ONLY)

    # The quit dialog does not claim that everything is saved, and Enter does not quit.
    pane.press("q")
    screen = pane.wait_for(QUIT_TITLE)
    assert "Quitter maintenant perd ce qui n’est pas enregistré" in flat(screen), screen
    assert "lecture seule" in flat(screen), screen  # why, in the quit dialog
    assert "Tout est déjà enregistré" not in flat(screen)
    pane.press("Enter")  # Enter stays, as it always does in this dialog now
    pane.wait_for(QUIT_TITLE, gone=True)
    assert not pane.dead
    assert read_journal_votes(journal) == {}

    # Writable again: opening the dialog writes what was pending, then it can promise.
    remount(small_fs, "rw")
    pane.press("q")
    screen = pane.wait_for("Tout est déjà enregistré")
    pane.press("y")
    assert pane.wait_exit() == 0
    check_written(sessions, {("jardin-partage", Round.INDICATIVE): INDICATIVE.counts})


def to_card_2() -> list[str]:
    """The PageDowns from card 1's summary to card 2: each item revealed, then the move."""
    card = exemple().cards[0]
    return ["PageDown"] * (len(card.arguments) + len(card.objections) + 1)


def test_a_move_that_cannot_be_written_turns_the_status_line_red(
    tmux: Callable[..., Server], small_fs: Path
) -> None:
    # A move is journaled just after the new card is drawn; when that write fails, the
    # card must not go on saying "saved".
    pane, journal = started_read_only(tmux(100, 30), small_fs)
    pane.press(*to_card_2())
    pane.wait_for(title_line(exemple(), exemple().cards[1].id))
    not_saved_with(pane, READ_ONLY)
    assert pane.screen().splitlines()[0].strip().startswith(NOT_SAVED)

    remount(small_fs, "rw")
    pane.press("PageDown")  # the next action writes what was kept back
    saved_again(pane)
    shown = [e.card for e in replay_journal(journal).events if isinstance(e, CardShown)]
    assert shown[:2] == [exemple().cards[0].id, exemple().cards[1].id], shown
    assert quit_app(pane) == 0


def test_a_dialog_opened_in_the_same_breath_as_a_move_knows_it_is_not_saved(
    tmux: Callable[..., Server], small_fs: Path
) -> None:
    # PageDown to the next card and q at once: the move is recorded before the dialog
    # opens, so the dialog does not promise that everything is saved.
    pane, _ = started_read_only(tmux(100, 30), small_fs)
    pane.press(*to_card_2(), "q")
    screen = pane.wait_for(QUIT_TITLE)
    assert "Tout est déjà enregistré" not in flat(screen), screen
    assert "lecture seule" in flat(screen), screen
    remount(small_fs, "rw")
    pane.press("Escape")
    pane.wait_for(QUIT_TITLE, gone=True)
    assert quit_app(pane) == 0
