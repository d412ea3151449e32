"""A real HTTP server on 127.0.0.1 for tests: routes set per test, started and stopped by a
fixture, and shut down on its own after a while should a test forget it.

Routes answer with a status, headers and body; a route may also stall (to prove timeouts),
trickle its body, or redirect. Every request is counted, so a test can prove that nothing
was asked.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

# Even a forgotten server stops: no test here runs for longer.
SERVER_LIFETIME_SECONDS = 60.0


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    stall_seconds: float = 0.0  # wait before answering (bounded by the server's stop event)
    omit_length: bool = False  # no Content-Length: the client must cap the body itself


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.stall_seconds:
                    server._stop.wait(route.stall_seconds)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if not route.omit_length:
                    self.send_header("Content-Length", str(len(route.body)))
                else:
                    self.close_connection = True
                self.end_headers()
                # The client may give up (size cap, timeout): that is expected.
                with contextlib.suppress(OSError):
                    self.wfile.write(route.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), daemon=True
        )
        self._timer = threading.Timer(SERVER_LIFETIME_SECONDS, self.stop)
        self._timer.daemon = True

    def start(self) -> LocalServer:
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._timer.cancel()
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def serve(self, path: str, body: bytes = b"", **route: object) -> str:
        self.routes[path] = Route(body=body, **route)  # type: ignore[arg-type]
        return self.url(path)


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    server = LocalServer().start()
    started = time.monotonic()
    try:
        yield server
    finally:
        server.stop()
        assert time.monotonic() - started < SERVER_LIFETIME_SECONDS
