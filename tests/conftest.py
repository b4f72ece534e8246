"""Shared test setup. The product is offline: any test that opens a network socket fails."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import settings

# The same examples on every run: a red CI is a change's fault, never a new random draw.
# `HYPOTHESIS_PROFILE=explore pytest` searches afresh, to find what a fixed draw misses.
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fixed"))

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}


def _refuse(what: str, address: object) -> None:
    # pytest.fail raises an exception that `except Exception` in the code under test
    # cannot swallow, so the test fails even if the caller hides connection errors.
    pytest.fail(f"offline guard: a test tried to {what} {address!r}: debate never uses the network")


def _guarded(what: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def method(self: socket.socket, address: Any, *args: Any) -> Any:
        if self.family in NETWORK_FAMILIES:
            _refuse(what, address)
        return real(self, address, *args)

    return method


def _guarded_sendto(real: Callable[..., Any]) -> Callable[..., Any]:
    def sendto(self: socket.socket, data: Any, *rest: Any) -> Any:
        # sendto(data, address) or sendto(data, flags, address)
        if self.family in NETWORK_FAMILIES:
            _refuse("send to", rest[-1] if rest else None)
        return real(self, data, *rest)

    return sendto


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Checked decks are cached under $XDG_CACHE_HOME, and meetings started outside a
    folder with `sessions/` are kept under $XDG_DATA_HOME (debate/platform.py): tests keep
    theirs in temporary folders, never the developer's, and so do the apps they start."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("xdg-data"))
    # The command line speaks the locale's language, else the deck's (debate/cli_lang.py):
    # the suite expects English unless a test says otherwise (tests/test_cli_french.py).
    # LANGUAGE, not LANG: it names messages only, so tmux and the shells it starts keep
    # their character set.
    os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse IPv4/IPv6 connect, bind and sendto. AF_UNIX sockets and socketpair() stay
    allowed: asyncio (under Textual) makes a socketpair for its self-pipe."""
    for name, what in (("connect", "connect to"), ("connect_ex", "connect to"), ("bind", "bind")):
        monkeypatch.setattr(socket.socket, name, _guarded(what, getattr(socket.socket, name)))
    monkeypatch.setattr(socket.socket, "sendto", _guarded_sendto(socket.socket.sendto))

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        _refuse("connect to", address)
        raise AssertionError("unreachable")  # pragma: no cover

    monkeypatch.setattr(socket, "create_connection", create_connection)
