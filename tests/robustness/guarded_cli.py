"""Run ``kredo`` in a child process under the same rule as the test suite: no network.

The suite's socket guard (``tests/conftest.py``) lives in the pytest process; a child process
started by a test escapes it. ``python -m tests.robustness.guarded_cli ARGS`` refuses every
internet connection (Unix sockets stay allowed) and prints ``UNEXPECTED-CONNECTION`` on
stderr, which the tests look for, before raising.

``KREDO_TEST_FSIZE_LIMIT`` (bytes) caps the size of any file the child writes with
``RLIMIT_FSIZE``, the disk-full fallback where no small file system can be mounted.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
from typing import Any

MARKER = "UNEXPECTED-CONNECTION"


def _refuse(self: socket.socket, address: Any) -> Any:
    if self.family == getattr(socket, "AF_UNIX", None):
        return _real_connect(self, address)
    print(f"{MARKER} {address!r}", file=sys.stderr, flush=True)
    raise ConnectionRefusedError(f"kredo tried to connect to {address!r} in an offline test")


_real_connect = socket.socket.connect


def main() -> int:
    socket.socket.connect = _refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = _refuse  # type: ignore[method-assign]
    limit = os.environ.get("KREDO_TEST_FSIZE_LIMIT")
    if limit:
        import resource  # POSIX only, and only for the disk-full test

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))
    from wallet.cli import main as kredo  # after the guard is in place

    return kredo(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
