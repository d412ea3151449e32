"""The one shape of "get a document from the web" the status checks use.

:func:`wallet.net.fetch` fits it; tests pass the same function against a local server.
"""

from __future__ import annotations

from typing import Protocol

from wallet.net import FetchedDocument


class Fetcher(Protocol):
    def __call__(
        self,
        url: str,
        *,
        allowed: bool,
        max_bytes: int = ...,
        timeout: float = ...,
        accept: str | None = ...,
    ) -> FetchedDocument: ...
