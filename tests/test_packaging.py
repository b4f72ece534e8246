"""What a user or a distribution packager gets: the wheel carries the decks, the example,
the stylesheet and the licence; the sdist carries everything its own tests need, and they
pass from it; neither build warns of anything deprecated."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import debate

ROOT = Path(__file__).resolve().parents[1]
# Not sources: caches, local venvs and what a meeting or a build leaves behind.
LOCAL = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "__pycache__",
    "*.egg-info",
    "build",
    "dist",
    "sessions",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "snapshot_report.html",
)
BUILD = """
import sys
from setuptools import build_meta
out = sys.argv[1]  # read first: the backend rewrites sys.argv as it runs
print(build_meta.build_sdist(out))
print(build_meta.build_wheel(out))
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(wheel, sdist, build log), built offline from a copy of the tree, so that the test
    never leaves build/ or *.egg-info in the work tree."""
    base = tmp_path_factory.mktemp("build")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=LOCAL)
    out = base / "dist"
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(out)],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    [wheel] = out.glob("public_debate-*.whl")
    [sdist] = out.glob("public_debate-*.tar.gz")
    return wheel, sdist, done.stdout + done.stderr


def test_the_build_warns_of_nothing_deprecated(built: tuple[Path, Path, str]) -> None:
    log = built[2]
    assert "eprecat" not in log, log


def test_the_wheel_carries_decks_example_stylesheet_and_licence(
    built: tuple[Path, Path, str],
) -> None:
    wheel = zipfile.ZipFile(built[0])
    files = set(wheel.namelist())
    shipped = [
        path.relative_to(ROOT).as_posix()
        for folder, pattern in (("decks", "*.yaml"), ("examples", "*.yaml"), ("tui", "*.tcss"))
        for path in (ROOT / "debate" / folder).glob(pattern)
    ]
    assert {"debate/decks/desescalade-fr.yaml", "debate/examples/exemple.yaml"} <= set(shipped)
    assert any(name.endswith(".tcss") for name in shipped)
    for name in shipped:
        assert name in files, name
        assert wheel.read(name) == (ROOT / name).read_bytes(), name
    info = f"public_debate-{debate.__version__}.dist-info"
    metadata = wheel.read(f"{info}/METADATA").decode("utf-8")
    assert "License-Expression: AGPL-3.0-or-later" in metadata
    assert f"Version: {debate.__version__}" in metadata
    assert wheel.read(f"{info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    assert "debate = debate.cli:main" in wheel.read(f"{info}/entry_points.txt").decode()


def test_the_sdist_holds_what_its_tests_need_and_they_pass(
    built: tuple[Path, Path, str], tmp_path: Path
) -> None:
    with tarfile.open(built[1]) as archive:
        archive.extractall(tmp_path, filter="data")
    [unpacked] = tmp_path.iterdir()
    wanted = [
        path.relative_to(ROOT)
        for folder in ("tests", "docs", "bench", "debate", "requirements")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and not LOCAL(str(path.parent), [path.name])
        if not any(part in {"__pycache__", ".hypothesis"} for part in path.parts)
    ]
    wanted += [Path("LICENSE"), Path("README.md"), Path("pyproject.toml")]
    missing = [str(path) for path in wanted if not (unpacked / path).is_file()]
    assert not missing, missing
    # The deck, minutes and handout tests read the data files the sdist must carry
    # (bad-deck corpus, golden minutes); run them against the unpacked copy of debate.
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            "tests/test_bad_decks.py",
            "tests/test_minutes.py",
            "tests/test_handout.py",
            "tests/test_default_decks.py",
        ],
        cwd=unpacked,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and " failed" not in done.stdout
    probe = subprocess.run(
        [sys.executable, "-c", "import debate; print(debate.__file__)"],
        cwd=unpacked,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(probe.stdout.strip()).is_relative_to(unpacked)
