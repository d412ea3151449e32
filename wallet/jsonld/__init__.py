"""Offline JSON-LD: bundled contexts only, never the network.

``canonicalize`` and ``expand`` are what the rest of the core uses; ``offline_document_loader``
is the pyld document loader behind them, for code that must call pyld directly.
"""

from __future__ import annotations

from wallet.jsonld.bundled_contexts import bundled_context_urls, load_bundled_context
from wallet.jsonld.document_loader import offline_document_loader
from wallet.jsonld.processing import Canonicalized, canonicalize, canonicalize_checked, expand
from wallet.jsonld.rdfc_hash import RdfcHash

__all__ = [
    "Canonicalized",
    "RdfcHash",
    "bundled_context_urls",
    "canonicalize",
    "canonicalize_checked",
    "expand",
    "load_bundled_context",
    "offline_document_loader",
]
