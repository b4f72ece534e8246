"""debate/platform.py on real files, and the fallbacks of the systems without fcntl, fchmod
or O_NOFOLLOW run for real by taking those pieces away (Linux runs them all; what Windows
does that Linux cannot, the msvcrt lock, is not pretended here: see the README)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from debate import platform
from debate.deck import load_deck
from debate.deck.loader import EXAMPLE_DECK
from debate.platform import LinkRefused
from debate.record.journal import read_journal
from debate.record.session import Session, SessionLocked

EXEMPLE = EXAMPLE_DECK

# A child interpreter in which the Unix-only modules cannot be imported, as on Windows.
WITHOUT_UNIX = "import sys\nsys.modules['fcntl'] = None\nsys.modules['termios'] = None\n"


def test_a_link_is_never_opened_for_writing(tmp_path: Path) -> None:
    victim = tmp_path / "victim.jsonl"
    victim.write_bytes(b"precious\n")
    link = tmp_path / "x.lock"
    link.symlink_to(victim)
    with pytest.raises(LinkRefused, match="is a link"):
        platform.open_regular(link, os.O_RDWR | os.O_CREAT)
    assert victim.read_bytes() == b"precious\n"


def test_without_o_nofollow_a_link_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "O_NOFOLLOW")  # Windows has none: the lstat comparison decides
    victim = tmp_path / "victim.jsonl"
    victim.write_bytes(b"precious\n")
    link = tmp_path / "x.lock"
    link.symlink_to(victim)
    with pytest.raises(LinkRefused, match="is a link"):
        platform.open_regular(link, os.O_WRONLY | os.O_APPEND)
    assert victim.read_bytes() == b"precious\n"


def test_a_planted_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "x.lock"
    os.mkfifo(fifo)
    with pytest.raises(LinkRefused, match="not a regular file"):
        platform.open_regular(fifo, os.O_RDONLY | os.O_CREAT)


def test_a_new_file_is_created_exclusively_and_an_old_one_reopened(tmp_path: Path) -> None:
    path = tmp_path / "new.lock"
    fd = platform.open_regular(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b"1\n")
    os.close(fd)
    fd = platform.open_regular(path, os.O_RDONLY | os.O_CREAT)
    assert os.read(fd, 8) == b"1\n"
    os.close(fd)


def test_without_fchmod_the_mode_is_set_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "fchmod")  # missing on Windows before Python 3.13
    from debate.safefile import write_text_atomic

    target = tmp_path / "minutes.txt"
    old = os.umask(0o022)
    try:
        write_text_atomic(target, "bonjour\n")
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == "bonjour\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's 0600


def test_a_folder_that_cannot_be_opened_is_not_synced_and_not_an_error(tmp_path: Path) -> None:
    platform.sync_dir(tmp_path)  # Linux: opened and synced
    platform.sync_dir(tmp_path / "missing")  # as Windows, where a folder cannot be opened


def test_the_user_folders_follow_the_xdg_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert platform.data_dir() == tmp_path / "data" / "debate"
    assert platform.cache_dir() == tmp_path / "cache" / "debate"


def test_printing_goes_by_the_print_verb_only_where_there_is_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert platform.spools_by_verb() is hasattr(os, "startfile")
    monkeypatch.setattr(os, "startfile", lambda *a: None, raising=False)
    assert platform.spools_by_verb()


def test_notepad_is_asked_for_the_named_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSTEMROOT", "/win")
    path = Path("/tmp/m.txt")
    assert platform.notepad_command(path, None) == ["/win/notepad.exe", "/p", str(path)]
    assert platform.notepad_command(path, "Salle") == [
        "/win/notepad.exe",
        "/pt",
        str(path),
        "Salle",
    ]


def test_a_process_that_exists_is_alive_and_a_reaped_one_is_not() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert platform.process_alive(os.getpid()) is True
    assert platform.process_alive(child.pid) is False


# -- without fcntl: the lock as a file made exclusively ---------------------------------

HOLD_WITHOUT_FCNTL = (
    WITHOUT_UNIX
    + """
from pathlib import Path
from debate.deck import load_deck
from debate.record.session import Session
from debate import platform
assert not platform.descriptor_locks()
session = Session.resume(Path(sys.argv[1]), load_deck(sys.argv[2]))
print("holding", flush=True)
sys.stdin.read()
"""
)


def test_without_fcntl_a_live_holder_keeps_the_session_and_a_dead_one_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = load_deck(str(EXEMPLE))
    session = Session.create(deck, tmp_path, "Mairie", "Anne", 20, "fr", datetime(2026, 3, 1))
    session.release()
    monkeypatch.setattr(platform, "_fcntl", None)  # this process too: no descriptor locks
    assert not platform.descriptor_locks()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WITHOUT_FCNTL, str(session.journal_path), str(EXEMPLE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "holding\n"
        with pytest.raises(SessionLocked) as caught:
            Session.resume(session.journal_path, deck)
        assert caught.value.pid == holder.pid
    finally:
        holder.kill()  # kill -9: its lock file stays behind, holding a dead pid
        holder.wait()
    lock = tmp_path / f"{session.id}.lock"
    assert lock.read_text(encoding="ascii") == f"{holder.pid}\n"
    resumed = Session.resume(session.journal_path, deck)  # the dead pid's lock taken over
    assert lock.read_text(encoding="ascii") == f"{os.getpid()}\n"
    resumed.close()
    assert not lock.exists()


RECORD_WITHOUT_FCNTL = (
    WITHOUT_UNIX
    + """
from datetime import datetime
from pathlib import Path
from debate.deck import load_deck
from debate.record.events import CardShown
from debate.record.session import Session
session = Session.create(
    load_deck(sys.argv[2]), Path(sys.argv[1]), "Mairie", "Anne", 20, "fr", datetime(2026, 3, 1)
)
session.record(CardShown(card="bancs"))
assert session.saved, session.problem
session.close()
from debate.cli import main
sys.exit(main(["sessions", "--sessions", sys.argv[1]]) or main(["summary", session.id,
    "--sessions", sys.argv[1], "-o", sys.argv[1] + "/out.md"]))
"""
)


def in_child(script: str, sessions: Path) -> subprocess.CompletedProcess[str]:
    """`script` run on `sessions` and the example deck; it must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(sessions), str(EXEMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_a_meeting_and_the_record_commands_run_without_the_unix_modules(tmp_path: Path) -> None:
    done = in_child(RECORD_WITHOUT_FCNTL, tmp_path)
    assert "2026-03-01 00:00  Mairie" in done.stdout
    assert "finished" in done.stdout
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# ")
    assert not list(tmp_path.glob("*.lock"))


# Only fcntl: on Linux Textual's own driver needs termios (on Windows it has another).
APP_WITHOUT_FCNTL = """
import sys
sys.modules['fcntl'] = None
import asyncio
from pathlib import Path
from debate import platform
from debate.deck import load_deck
from debate.tui.app import DebateApp
from debate.meeting.options import Options
assert not platform.descriptor_locks()
async def meeting() -> None:
    options = Options(deck=load_deck(sys.argv[2]), sessions_dir=Path(sys.argv[1]), lang="fr",
                      mode="new", place="Mairie", facilitator="Anne", attendance=20)
    async with DebateApp(options).run_test(size=(100, 30)) as pilot:
        await pilot.press("right")
        await pilot.press("q", "c", "y")  # close the meeting for good
asyncio.run(meeting())
"""


def test_the_app_runs_a_meeting_without_fcntl(tmp_path: Path) -> None:
    in_child(APP_WITHOUT_FCNTL, tmp_path)
    (journal,) = tmp_path.glob("*.jsonl")
    kinds = [type(event).__name__ for event in read_journal(journal)[0]]
    assert kinds[0] == "SessionOpened" and kinds[-1] == "SessionClosed", kinds
    assert not list(tmp_path.glob("*.lock"))
