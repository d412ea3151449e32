"""The suite-wide network guard really refuses outside connections."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import UnexpectedConnection


def test_outside_connection_is_refused() -> None:
    # GIVEN a normal TCP socket  WHEN it connects to a public address  THEN the guard stops it
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(UnexpectedConnection),
    ):
        sock.connect(("192.0.2.1", 443))


def test_loopback_is_allowed() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())
