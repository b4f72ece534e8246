"""`debate print` through a fake `lp` (or `lpr`) on PATH that keeps what it is sent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from scripted_session import scripted_deck, scripted_events, scripted_state, write_journal

from debate.record.minutes import render_minutes
from debate.record.printing import PrintError, print_text

SESSION_ID = "2026-03-01-2005-salle-des-fetes"
LAYOUT = [
    *("-o", "cpi=12", "-o", "lpi=6"),
    *("-o", "page-left=54", "-o", "page-right=54", "-o", "page-top=36", "-o", "page-bottom=36"),
]
TITLE = "Compte rendu – Salle des fêtes – 1er mars 2026"


def fake_spooler(folder: Path, name: str, *, fail: bool = False) -> Path:
    """A stand-in for lp/lpr: saves its arguments and stdin next to itself, or refuses.
    lp answers with a request id, as CUPS's does; lpr says nothing."""
    folder.mkdir(exist_ok=True)
    cat = shutil.which("cat")
    answer = 'echo "request id is Salle-7 (1 file(s))"\n' if name == "lp" else ""
    body = (
        'echo "lp: The printer or class does not exist." >&2\necho "second line" >&2\nexit 1\n'
        if fail
        else f'printf "%s\\n" "$@" > "{folder}/args"\n{cat} > "{folder}/printed"\n{answer}'
    )
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}", encoding="utf-8")
    script.chmod(0o755)
    return folder


def refusing_lp(folder: Path, refusal: str) -> Path:
    """A stand-in lp that refuses every job with `refusal`, as CUPS's does."""
    folder.mkdir()
    lp = folder / "lp"
    lp.write_text(f'#!/bin/sh\necho "{refusal}" >&2\nexit 1\n', encoding="utf-8")
    lp.chmod(0o755)
    return folder


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    write_journal(folder / f"{SESSION_ID}.jsonl", scripted_events("fr"))
    return folder


def debate_print(
    sessions: Path, bin_dir: Path, *args: str, c_locale: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": str(bin_dir)}  # only our fake spooler, if any
    if c_locale:  # no language named (the suite names English): the session's, French
        env.pop("LANGUAGE")
    return subprocess.run(
        [sys.executable, "-m", "debate", "print", SESSION_ID, "--sessions", str(sessions), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_the_minutes_go_to_lp_on_stdin(sessions: Path, tmp_path: Path) -> None:
    bin_dir = fake_spooler(tmp_path / "bin", "lp")
    done = debate_print(sessions, bin_dir, c_locale=True)
    assert done.returncode == 0, done.stderr
    printed = (bin_dir / "printed").read_text(encoding="utf-8")
    assert printed == render_minutes(scripted_state("fr"), scripted_deck("fr"))
    # No printer named: the default one; the job's title and the page layout.
    assert (bin_dir / "args").read_text(encoding="utf-8").splitlines() == ["-t", TITLE, *LAYOUT]
    # The queue that took it, in the session's language, not lp's "request id is ...".
    assert done.stderr == "compte rendu envoyé à l’imprimante Salle\n"


def test_the_printer_name_is_passed_to_lp_and_lpr(sessions: Path, tmp_path: Path) -> None:
    lp = fake_spooler(tmp_path / "lp-bin", "lp")
    assert debate_print(sessions, lp, "--printer", "Salle_1").returncode == 0
    assert (lp / "args").read_text().splitlines()[:2] == ["-d", "Salle_1"]
    lpr = fake_spooler(tmp_path / "lpr-bin", "lpr")
    assert debate_print(sessions, lpr, "--printer", "Salle_1").returncode == 0
    assert (lpr / "args").read_text(encoding="utf-8").splitlines() == [
        *("-P", "Salle_1", "-T", TITLE),
        *LAYOUT,
    ]
    # lpr says nothing back: the printer asked for is the one named.
    done = debate_print(sessions, lpr, "--printer", "Salle_1", c_locale=True)
    assert done.stderr == "compte rendu envoyé à l’imprimante Salle_1\n"
    assert (lpr / "printed").read_text(encoding="utf-8").startswith("Compte rendu\n")


def test_a_refusing_printer_gives_its_reason_in_one_line(sessions: Path, tmp_path: Path) -> None:
    bin_dir = fake_spooler(tmp_path / "bin", "lp", fail=True)
    done = debate_print(sessions, bin_dir, "--printer", "nowhere")
    assert done.returncode == 1
    assert done.stderr == (
        "debate: printer 'nowhere' refused the job: no printer has that name "
        "(`lpstat -p` lists them)\n"
    )


@pytest.mark.parametrize(
    ("refusal", "french"),
    [
        ("lp: Error - No default destination.", "il n’y a pas d’imprimante par défaut"),
        ("lp: Error - The printer or class does not exist.", "aucune imprimante ne porte"),
        ("lpr: Error - Scheduler not responding.", "le service d’impression (CUPS) ne"),
    ],
)
def test_cups_refusals_are_told_in_the_facilitator_s_language(
    sessions: Path, tmp_path: Path, refusal: str, french: str
) -> None:
    # Issue 15: "l'imprimante a refusé le travail : /usr/bin/lp: Error - No default
    # destination." reached a French facilitator in CUPS's English.
    done = debate_print(sessions, refusing_lp(tmp_path / "bin", refusal), c_locale=True)
    assert done.returncode == 1
    assert done.stderr.startswith(f"debate : l’imprimante a refusé le travail : {french}")
    assert "Error" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_an_unknown_refusal_is_passed_on_as_the_spooler_said_it(
    sessions: Path, tmp_path: Path
) -> None:
    bin_dir = refusing_lp(tmp_path / "bin", "lp: paper jam on tray 2")
    done = debate_print(sessions, bin_dir, c_locale=True)
    assert done.stderr == "debate : l’imprimante a refusé le travail : lp: paper jam on tray 2\n"


def test_no_lp_nor_lpr_is_said_plainly(sessions: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    done = debate_print(sessions, empty)
    assert done.returncode == 1
    assert done.stderr.startswith("debate: no printing command found (neither lp nor lpr)")
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    # How to get the file to print from another program: the session's own minutes, or
    # `debate summary` when the minutes file is gone.
    assert done.stderr.rstrip().endswith(f"`debate summary {SESSION_ID} -o FILE` writes it")
    minutes = sessions / f"{SESSION_ID}.txt"
    minutes.write_text("...")
    done = debate_print(sessions, empty)
    assert done.stderr.rstrip().endswith(f"the minutes file from another program: {minutes}")


def test_a_missing_session_is_a_usage_error(tmp_path: Path) -> None:
    bin_dir = fake_spooler(tmp_path / "bin", "lp")
    done = debate_print(tmp_path, bin_dir)
    assert done.returncode == 2
    assert done.stderr.startswith(f"debate: {SESSION_ID}: no such session")
    assert not (bin_dir / "printed").exists()


def test_print_text_prefers_lp_and_returns_its_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    both = fake_spooler(tmp_path / "bin", "lp")
    fake_spooler(both, "lpr", fail=True)
    monkeypatch.setenv("PATH", str(both))
    assert print_text("é\n", "A") == "Salle"  # the queue lp named in its answer
    assert (both / "printed").read_bytes() == "é\n".encode()
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrintError, match="neither lp nor lpr"):
        print_text("x")


def test_a_hung_spooler_is_given_up_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    hung = bin_dir / "lp"
    hung.write_text(f"#!/bin/sh\nexec {shutil.which('sleep')} 100000\n", encoding="utf-8")
    hung.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    # It never answers: whatever the limit, it is reached; a short one keeps the test short.
    with pytest.raises(PrintError, match=r"^lp did not answer within 0\.2 s and was stopped"):
        print_text("x\n", timeout=0.2)


def test_on_windows_the_file_goes_to_the_print_verb_with_a_byte_order_mark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []

    def startfile(path: str, verb: str) -> None:  # the shell's call, as Windows has it
        asked.append((path, verb))

    monkeypatch.setattr(os, "startfile", startfile, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert print_text("é\n", job="2026-03-01-2005-mairie") == ""
    ((path, verb),) = asked
    assert verb == "print"
    assert Path(path) == tmp_path / "cache" / "debate" / "print" / "2026-03-01-2005-mairie.txt"
    assert Path(path).read_bytes() == "\ufeffé\n".encode()


def test_on_windows_a_named_printer_goes_through_notepad(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "startfile", lambda *a: None, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("SYSTEMROOT", str(tmp_path))
    # A stand-in for notepad.exe that keeps its arguments and the file it was asked to print.
    notepad = tmp_path / "notepad.exe"
    notepad.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/args"\ncp "$2" "{tmp_path}/printed"\n',
        encoding="utf-8",
    )
    notepad.chmod(0o755)
    assert print_text("é\n", "Salle", job="m") == "Salle"
    path = tmp_path / "cache" / "debate" / "print" / "m.txt"
    assert (tmp_path / "args").read_text().splitlines() == ["/pt", str(path), "Salle"]
    assert (tmp_path / "printed").read_bytes() == "\ufeffé\n".encode()


def test_the_handout_prints_the_same_way_with_its_own_title(tmp_path: Path) -> None:
    bin_dir = fake_spooler(tmp_path / "bin", "lp")
    deck = str(Path(__file__).parent / "golden" / "deck-fr.yaml")
    env = {**os.environ, "PATH": str(bin_dir)}
    env.pop("LANGUAGE")  # a C locale: debate speaks the deck's language
    run = [sys.executable, "-m", "debate", "handout", deck, "--print"]
    done = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "fiches envoyées à l’imprimante Salle\n"
    args = (bin_dir / "args").read_text(encoding="utf-8").splitlines()
    assert args == ["-t", "Fiches – Budget participatif 2026", *LAYOUT]
    assert "\f" in (bin_dir / "printed").read_text(encoding="utf-8")  # a card a page
    both = subprocess.run([*run, "-o", "x.txt"], capture_output=True, text=True, env=env)
    assert (both.returncode, both.stderr) == (2, "debate : --print et --output : l’un ou l’autre\n")
