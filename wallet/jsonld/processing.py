"""JSON-LD expansion and RDF dataset canonicalization, offline.

Canonicalization is RDFC-1.0 (published as URDNA2015 in pyld) to N-Quads: the input the
Data Integrity cryptosuites hash. It hashes with SHA-256 unless the caller chooses SHA-384
(ecdsa-rdfc-2019 with P-384; see ``rdfc_hash``). Every context comes from the bundled set; an
unknown one raises :class:`ContextNotAvailable`, any other processing failure raises
:class:`MalformedCredential`. pyld's own exceptions never escape this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from wallet.errors import MalformedCredential, WalletError
from wallet.jsonld.document_loader import offline_document_loader
from wallet.jsonld.memoizing_processor import memoizing_processor_class
from wallet.jsonld.rdfc_hash import RdfcHash, canonicalizer
from wallet.translation import tr

_T = TypeVar("_T")

# What a broken document can make pyld raise besides its own JsonLdError.
_OTHER_FAILURES = (ValueError, TypeError, KeyError, AttributeError, IndexError)


@cache
def _jsonld() -> Any:
    """pyld's processor module, imported on first use: importing it builds pyld's default
    (aiohttp) document loader, 0.2 s of every start and a network library loaded for
    nothing — Kredo only ever passes its offline loader."""
    from pyld import jsonld  # noqa: PLC0415

    return jsonld


def _processor_class() -> type[Any]:
    return memoizing_processor_class(_jsonld())


@dataclass(frozen=True)
class Canonicalized:
    """Canonical N-Quads plus the properties JSON-LD silently dropped.

    A dropped property is one no context defines; it is not part of the RDF dataset, so a
    signature over the dataset does not protect it. Verifiers report it (the reference
    implementations refuse such documents in their "safe mode").
    """

    nquads: str
    dropped_terms: tuple[str, ...]


def expand(document: dict[str, Any]) -> list[Any]:
    """JSON-LD expansion with the bundled contexts."""
    processor = _processor_class()()
    result: list[Any] = _run(lambda: processor.expand(document, _options()))
    return result


def canonicalize(document: dict[str, Any]) -> str:
    """Canonical N-Quads (RDFC-1.0 / URDNA2015, SHA-256) of ``document``."""
    return canonicalize_checked(document).nquads


def canonicalize_checked(
    document: dict[str, Any], *, hash_name: RdfcHash = "sha256"
) -> Canonicalized:
    """Canonical N-Quads of ``document``, its blank nodes labelled with RDFC-1.0 hashing
    with ``hash_name``, and the names of the properties it dropped."""
    jsonld = _jsonld()
    rdfc10 = canonicalizer(jsonld, hash_name)
    dropped: list[str] = []

    def note_dropped(term: str | None) -> None:
        dropped.append(term if term is not None else "(unnamed)")

    processor = _processor_class()(on_property_dropped=note_dropped)
    # What pyld's normalize() does, with the hash chosen: JSON-LD to an RDF dataset (the same
    # defaults: no generalized RDF, blank nodes as JSON-LD names them), then RDFC-1.0.
    dataset = _run(lambda: processor.to_rdf(document, _options()))
    nquads: str = _run(lambda: rdfc10().main(dataset, {"format": "application/n-quads"}))
    return Canonicalized(nquads=nquads, dropped_terms=tuple(sorted(set(dropped))))


def _options() -> dict[str, Any]:
    # A fresh dict per call: pyld stores per-operation state in the options it is given.
    return {"documentLoader": offline_document_loader}


def _run(operation: Callable[[], _T]) -> _T:
    try:
        return operation()
    except (_jsonld().JsonLdError, *_OTHER_FAILURES) as exc:
        wallet_error = _wallet_error_in_chain(exc)
        if wallet_error is not None:
            raise wallet_error from None
        raise MalformedCredential(
            tr("The document's JSON-LD could not be processed."),
            details=f"{type(exc).__name__}: {_short_reason(exc)}",
        ) from None
    except RecursionError:
        raise MalformedCredential(
            tr("The document's JSON-LD nests too deeply to process.")
        ) from None


def _wallet_error_in_chain(exc: BaseException) -> WalletError | None:
    """pyld wraps loader errors (several layers deep); find ours again."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, WalletError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _short_reason(exc: BaseException) -> str:
    if isinstance(exc, _jsonld().JsonLdError):
        code = getattr(exc, "code", None)
        return f"{code or exc.type}"
    return str(exc)[:200]
