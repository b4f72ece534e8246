"""Real-terminal tests: the app runs under tmux. Without tmux they are skipped, with that
reason; in CI (CI set) a missing tmux fails them instead, since .ci/run installs it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui_terminal.tmux import Server


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: starts the real app in a terminal (seconds each)")


@pytest.fixture(autouse=True)
def _tmux_installed() -> None:
    if shutil.which("tmux") is not None:
        return
    if os.environ.get("CI"):
        pytest.fail("tmux is missing in CI: .ci/run should have installed it", pytrace=False)
    pytest.skip("tmux is not installed: the real-terminal tests need it (apt-get install tmux)")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """Make a private tmux server (`tmux(width, height)`); all are ended after the test."""
    servers: list[Server] = []

    def make(width: int = 100, height: int = 30) -> Server:
        server = Server(tmp_path, width, height)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder
