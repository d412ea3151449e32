"""The pyld document loader: bundled contexts only, and never a socket."""

from __future__ import annotations

from typing import Any

from wallet.jsonld.bundled_contexts import load_bundled_context


def offline_document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serve ``url`` from the bundled contexts or raise ``ContextNotAvailable``.

    The ``static`` tag lets pyld keep the processed context in its process-wide cache, which
    is what makes canonicalizing many credentials cheap (a few ms each instead of re-parsing
    every context every time). That is safe only because bundled contexts never change while
    the process runs.
    """
    del options  # pyld passes request headers; nothing here uses them.
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": load_bundled_context(url),
        "contentType": "application/ld+json",
        "tag": "static",
    }
