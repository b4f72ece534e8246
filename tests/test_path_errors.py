"""The way to a deck or a sessions folder: which folder debate reads, and, when the file
system refuses, one line naming the real cause (never "no such file" for a closed folder)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from debate.deck.loader import EXAMPLE_DECK

ROOT = Path(__file__).resolve().parent.parent
EXEMPLE = EXAMPLE_DECK


def debate(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env},
        check=False,
    )


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    return done.stderr


# -- which sessions folder ----------------------------------------------------------------


def test_sessions_here_wins_and_is_named(tmp_path: Path) -> None:
    (tmp_path / "sessions").mkdir()
    done = debate("sessions", cwd=tmp_path, XDG_DATA_HOME=str(tmp_path / "data"))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"no sessions in {tmp_path / 'sessions'}\n"


def test_from_any_other_folder_the_user_data_folder_is_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    journal = data / "debate" / "sessions" / "2026-03-01-2005-mairie.jsonl"
    journal.parent.mkdir(parents=True)
    from scripted_session import scripted_events, write_journal

    write_journal(journal, scripted_events("fr"))
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    done = debate("sessions", cwd=elsewhere, XDG_DATA_HOME=str(data))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"sessions in {journal.parent}:"
    assert lines[1].endswith(journal.stem)
    done = debate("summary", journal.stem, cwd=elsewhere, XDG_DATA_HOME=str(data))
    assert done.returncode == 0, done.stderr


# -- the real cause, in one line -----------------------------------------------------------


def test_sessions_naming_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x\n")
    done = debate("sessions", "--sessions", "notes.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert one_line(done) == "debate: notes.txt: not a folder (given by --sessions)\n"


def test_a_file_taken_for_a_folder_on_the_way(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x\n")
    done = debate("sessions", "--sessions", "notes.txt/sessions", cwd=tmp_path)
    assert done.returncode == 2
    assert one_line(done) == "debate: notes.txt/sessions: notes.txt is a file, not a folder\n"
    done = debate("check", "notes.txt/deck.yaml", cwd=tmp_path)
    assert done.returncode != 0
    assert "notes.txt is a file, not a folder" in one_line(done)


def test_a_loop_of_links(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    done = debate("sessions", "--sessions", "a", cwd=tmp_path)
    assert done.returncode == 2
    assert one_line(done) == "debate: a: a loop of symbolic links at a\n"
    done = debate("check", "a/deck.yaml", cwd=tmp_path)
    assert "a loop of symbolic links at a" in one_line(done)


def test_a_name_too_long(tmp_path: Path) -> None:
    name = "x" * 300
    done = debate("check", f"{name}.yaml", cwd=tmp_path)
    assert done.returncode != 0
    assert "is too long for the file system (305 bytes; 255 at most)" in one_line(done)
    done = debate("sessions", "--sessions", name, cwd=tmp_path)
    assert done.returncode == 2
    assert "too long for the file system" in one_line(done)


def as_someone_else(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """debate run by a user the folders are closed to: as root (who passes any permission)
    through setpriv as nobody, otherwise as ourselves."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "debate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "XDG_CACHE_HOME": str(cwd / "cache")},
        check=False,
    )


def test_a_closed_parent_folder() -> None:
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("as root, needs setpriv to run debate as another user")
    with tempfile.TemporaryDirectory() as name:  # pytest's own are closed to other users
        here = Path(name)
        here.chmod(0o777)
        closed = here / "closed"
        (closed / "sessions").mkdir(parents=True)
        (closed / "deck.yaml").write_bytes(EXEMPLE.read_bytes())
        closed.chmod(0o000)
        try:
            done = as_someone_else("check", "closed/deck.yaml", cwd=here)
            assert "no permission to look into the folder closed" in one_line(done)
            done = as_someone_else("sessions", "--sessions", "closed/sessions", cwd=here)
            assert done.returncode == 2
            assert "no permission to look into the folder closed" in one_line(done)
            closed.chmod(0o755)
            (closed / "sessions").chmod(0o000)  # the folder itself: not "no sessions"
            done = as_someone_else("sessions", "--sessions", "closed/sessions", cwd=here)
            assert done.returncode == 2
            assert one_line(done) == (
                "debate: closed/sessions: cannot list this folder: Permission denied\n"
            )
        finally:
            closed.chmod(0o755)
            (closed / "sessions").chmod(0o755)
