"""The offline guard in conftest.py trips on network sockets and lets local ones through."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

GUARD = Path(__file__).with_name("conftest.py")
TRIPPED = pytest.fail.Exception


def test_tcp_connect_is_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(TRIPPED, match=r"offline guard: .*connect to \('127\.0\.0\.1', 9\)"):
            sock.connect(("127.0.0.1", 9))
        with pytest.raises(TRIPPED, match="offline guard"):
            sock.connect_ex(("127.0.0.1", 9))


def test_ipv6_bind_and_udp_send_are_refused() -> None:
    with (
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock,
        pytest.raises(TRIPPED, match=r"offline guard: .*bind"),
    ):
        sock.bind(("::1", 0))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        with pytest.raises(TRIPPED, match=r"offline guard: .*send to \('192\.0\.2\.1', 53\)"):
            udp.sendto(b"x", ("192.0.2.1", 53))
        with pytest.raises(TRIPPED, match="offline guard"):
            udp.sendto(b"x", 0, ("192.0.2.1", 53))


def test_create_connection_is_refused_before_any_lookup() -> None:
    with pytest.raises(TRIPPED, match=r"offline guard: .*example\.org"):
        socket.create_connection(("example.org", 80), timeout=1)


def test_local_sockets_still_work(tmp_path: Path) -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ping")
        assert right.recv(4) == b"ping"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "s"))
        server.listen()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(str(tmp_path / "s"))
            conn, _ = server.accept()
            with conn:
                client.sendall(b"pong")
                assert conn.recv(4) == b"pong"


def test_an_asyncio_loop_runs_under_the_guard() -> None:
    # Textual runs on asyncio, whose loop makes a socketpair for its self-pipe.
    async def answer() -> int:
        await asyncio.sleep(0)
        return 42

    assert asyncio.run(answer()) == 42


def test_a_test_that_hides_the_connection_error_still_fails(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(GUARD.read_text(encoding="utf-8"))
    pytester.makepyfile(
        test_sneaky="""
        import socket

        def test_swallows_errors():
            try:
                socket.create_connection(("192.0.2.1", 80), timeout=0.1)
            except Exception:
                pass

        def test_local_only():
            a, b = socket.socketpair()
            a.close(); b.close()
        """
    )
    # In a subprocess: the snapshot plugin keeps per-process state an inner session breaks.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:textual-snapshot")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*offline guard: a test tried to connect to*192.0.2.1*"])
