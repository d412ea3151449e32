"""A local HTTP server on 127.0.0.1 whose every answer a test writes: for issuers that
misbehave (garbage, slowness, oversized answers) and for protocol shapes the Sphereon server
does not speak (draft 13 requests, deferred issuance, authorization code redirects).

Each route is a function of the request returning (status, JSON-able body or raw bytes);
every request is recorded with its body, so a test can check what Kredo sent.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest

MAX_STALL_SECONDS = 30.0


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


Answer = tuple[int, Any]
Route = Callable[[Request], Answer]


@dataclass
class ScriptedIssuer:
    routes: dict[tuple[str, str], Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def on(self, method: str, path: str, route: Route) -> None:
        self.routes[(method, path)] = route

    def answer(self, method: str, path: str, status: int, body: Any) -> None:
        self.on(method, path, lambda _request: (status, body))

    def stall(self, seconds: float) -> None:
        self.stop.wait(min(seconds, MAX_STALL_SECONDS))

    def sent(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.split("?")[0] == path]


@pytest.fixture
def scripted_issuer() -> Iterator[ScriptedIssuer]:
    issuer = ScriptedIssuer()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Request(method, self.path, dict(self.headers.items()),
                              self.rfile.read(length))
            issuer.requests.append(request)
            route = issuer.routes.get((method, self.path.split("?")[0]))
            status, body = route(request) if route else (404, {"error": "not_found"})
            raw = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            with contextlib.suppress(OSError):  # the client may have given up (timeout)
                self.wfile.write(raw)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    issuer.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield issuer
    finally:
        issuer.stop.set()
        server.shutdown()
        server.server_close()
