"""Run ``kredo`` in a child process under the same rule as the test suite: no network.

The suite's socket guard (``tests/conftest.py``) lives in the pytest process; a child process
started by a test escapes it. ``python -m tests.robustness.guarded_cli ARGS`` refuses every
internet connection (Unix sockets stay allowed) and prints ``UNEXPECTED-CONNECTION`` on
stderr, which the tests look for, before raising.

``python -m tests.robustness.guarded_cli --batch FILE`` runs each argument list of the JSON
list in FILE as one ``kredo`` command, in one process.

``KREDO_TEST_FSIZE_LIMIT`` (bytes) caps the size of any file the child writes with
``RLIMIT_FSIZE``, the disk-full fallback where no small file system can be mounted.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

MARKER = "UNEXPECTED-CONNECTION"
BATCH = "--batch"
SEPARATOR = "\x1e"


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

    if sys.argv[1:2] != [BATCH]:
        return kredo(sys.argv[1:])
    # One process for many commands (a process start costs most of a second): each command's
    # exit code follows its output on stdout and stderr as a line "<RS>EXIT <code>".
    for argv in json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")):
        code = kredo(argv)
        for stream in (sys.stdout, sys.stderr):
            print(f"{SEPARATOR}EXIT {code}", file=stream, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
