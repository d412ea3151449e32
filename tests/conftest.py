"""Suite-wide guards: Qt runs offscreen, and no test may open a network connection.

Loopback (127.0.0.0/8, ::1) and Unix sockets (the session bus of the keyring tests) are
allowed; anything else fails the test that tried it.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the developer's own wallet and keyring out of every test.
os.environ.pop("KREDO_HOME", None)
os.environ.pop("KREDO_PASSPHRASE", None)
# The core's sentences follow the environment's language; the tests read them in English.
os.environ["KREDO_LANG"] = "en"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


class UnexpectedConnection(AssertionError):
    pass


def _is_allowed(sock: socket.socket, address: Any) -> bool:
    if sock.family == getattr(socket, "AF_UNIX", None):
        return True
    host = address[0] if isinstance(address, tuple) else address
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _guarded_connect(self: socket.socket, address: Any) -> None:
    if not _is_allowed(self, address):
        raise UnexpectedConnection(f"test tried to connect to {address!r}")
    _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    if not _is_allowed(self, address):
        raise UnexpectedConnection(f"test tried to connect to {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    yield


@pytest.fixture
def czech() -> Iterator[None]:
    """The core's sentences in Czech for one test (they are English by default)."""
    from wallet.translation import current_language, set_language

    before = current_language()
    set_language("cs")
    yield
    set_language(before)
