"""Receive the browser's redirect on a loopback address (RFC 8252 §7.3).

For the authorization code flow Kredo opens the system browser and listens, for one answer,
on ``http://127.0.0.1:<random port>/callback``. This is the only listening socket in Kredo:
it is bound to 127.0.0.1 (never to other interfaces), opens no outgoing connection, lives only
while a sign-in is under way, and accepts exactly one redirect whose ``state`` matches the
request. Other paths (a browser asking for ``/favicon.ico``) get 404 and are ignored.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, HTTPServer
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

from wallet.errors import IssuanceError, UserCancelled
from wallet.translation import current_language, tr

CALLBACK_PATH = "/callback"
DEFAULT_WAIT_SECONDS = 300.0
_POLL_SECONDS = 0.2


def _done_page() -> bytes:
    """What the browser shows after the redirect, in the language Kredo speaks now."""
    sentence = tr("The sign-in is finished. You can close this window and return to Kredo.")
    return (
        f'<!doctype html><html lang="{current_language()}"><meta charset=utf-8>'
        f"<title>Kredo</title><p>{escape(sentence)}</p></html>"
    ).encode()


@dataclass(frozen=True)
class RedirectAnswer:
    code: str | None
    state: str | None
    error: str | None
    error_description: str | None


class LoopbackRedirect:
    """``with LoopbackRedirect() as receiver:`` open the browser at a URL naming
    ``receiver.redirect_uri``, then ``receiver.wait_for_code(state)``."""

    def __init__(self, path: str = CALLBACK_PATH) -> None:
        self._path = path
        self._answer: RedirectAnswer | None = None
        self._lock = threading.Lock()
        self._server: HTTPServer | None = None

    @property
    def redirect_uri(self) -> str:
        if self._server is None:
            raise RuntimeError("the loopback receiver is not listening")
        return f"http://127.0.0.1:{self._server.server_address[1]}{self._path}"

    def __enter__(self) -> LoopbackRedirect:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != receiver._path:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                query = parse_qs(parts.query)
                receiver._record(
                    RedirectAnswer(
                        code=_single(query, "code"),
                        state=_single(query, "state"),
                        error=_single(query, "error"),
                        error_description=_single(query, "error_description"),
                    )
                )
                page = _done_page()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the query holds the authorization code: never log it

        self._server = HTTPServer(("127.0.0.1", 0), Handler)
        self._server.timeout = _POLL_SECONDS
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._server is not None:
            self._server.server_close()
            self._server = None

    def _record(self, answer: RedirectAnswer) -> None:
        with self._lock:
            if self._answer is None:
                self._answer = answer

    def wait_for_code(
        self,
        state: str,
        *,
        timeout: float = DEFAULT_WAIT_SECONDS,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> str:
        """The authorization code of the one redirect, checked against ``state``."""
        if self._server is None:
            raise RuntimeError("the loopback receiver is not listening")
        deadline = time.monotonic() + timeout
        while self._answer is None:
            if cancelled():
                raise UserCancelled()
            if time.monotonic() >= deadline:
                raise IssuanceError(
                    tr(
                        "The sign-in in the browser was not finished within {seconds} seconds.",
                        seconds=f"{timeout:g}",
                    )
                )
            self._server.handle_request()
        answer = self._answer
        if answer.state != state:
            raise IssuanceError(
                tr("The browser came back with an answer that does not belong to this sign-in."),
                details="state mismatch",
            )
        if answer.error is not None:
            if answer.error == "access_denied":
                raise UserCancelled()
            raise IssuanceError(
                tr("The issuer refused the sign-in."),
                details=f"{answer.error}: {answer.error_description or ''}"[:300],
            )
        if not answer.code:
            raise IssuanceError(tr("The browser came back without an authorization code."))
        return answer.code


def _single(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    if not values:
        return None
    return values[0][:4096]
