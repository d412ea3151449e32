"""VPQR: the Digital Credentials Consortium's ``VP1-`` QR form (CBOR-LD + base32 multibase).

``encode_vpqr(document)`` gives ``"VP1-B…"`` text for a QR code in alphanumeric mode;
``decode_vpqr(text)`` gives the JSON-LD document back, key for key, so its Data Integrity
proof still verifies. ``can_encode(document)`` says beforehand whether it will work.

What Kredo writes
    The form the DCC wallet reads (``@digitalcredentials/vpqr`` 2.2.1 with
    ``@digitalcredentials/cborld`` 4.3.4): CBOR tag ``0x0501`` ("legacy singleton",
    compressed), context numbers from that library's registry table, term numbers derived
    from the contexts, value codecs for URLs (http, https, ``urn:uuid``, ``did:key``,
    ``did:v1:nym``), base58btc/base64 multibase and ``xsd:date``/``xsd:dateTime``; then
    base32 (``B``). For the documents Kredo shares, the bytes are exactly what that library
    writes, and ``@digitalbazaar/vpqr`` 6.0.0 reads them too.

What Kredo reads
    All of that, plus what ``@digitalbazaar/cborld`` 8.x writes: the ``0xcb1d`` CBOR-LD 1.0
    tag and the ``0x0600`` range with registry entries 0 (uncompressed) and 1 (default
    tables), context numbers added since (VC 2.0 = 33, Data Integrity v2 = 51), cryptosuite
    numbers, ``data:`` URLs, base64url multibase, terms left uncompressed, and base45 (``R``)
    text.

What is not supported, and why
    * Contexts Kredo does not bundle (``resources/contexts``): CBOR-LD term numbers come from
      the context documents themselves and Kredo never downloads a context, so a document
      naming another context cannot be encoded or decoded (the error names the context).
    * Properties no context defines: CBOR-LD cannot number them, the DCC reader rejects
      them, and JSON-LD would drop them from what the signature covers anyway.
    * Lists nested in lists, non-text identifiers, types or dates: no reader rebuilds them.
    * JSON-LD keywords other than ``@id``, ``@type`` and ``@context`` as keys (value objects
      with ``@value``/``@language``): the DCC reader stops on them. Kredo still *reads* them
      when another writer used them.
    * A JSON number written with a fraction but an integral value (``4.0``) is kept as a
      float, so it stays ``4.0`` for Kredo's own checks; JavaScript writes it as the integer
      ``4``, the only place where Kredo's bytes differ from the DCC library's.
    * CBOR-LD registry entries above 1 (application-specific tables such as the TruAge
      ones): Kredo carries no such tables.
    * Values are compressed only when they come back unchanged; others stay text (the
      reference would sometimes lose characters, e.g. a ``did:key`` with two ``#``).

Everything runs offline. Bad input raises a :class:`FormatError` subclass; a document that
cannot be compressed raises :class:`SharingError` (:class:`QrPayloadTooLarge` when the
result is too long for one QR code).
"""

from __future__ import annotations

import json
from typing import Any

import cbor2

from wallet.errors import FormatError, QrPayloadTooLarge, SharingError
from wallet.qr.vpqr.compressor import compress_document
from wallet.qr.vpqr.decompressor import (
    ReadTables,
    decompress_document,
    plain_json_document,
)
from wallet.qr.vpqr.envelope import legacy_compressed, open_envelope, read_payload
from wallet.qr.vpqr.qr_text import cborld_from_vpqr_text, looks_like_vpqr, vpqr_text
from wallet.translation import tr

# Alphanumeric capacity of the largest QR code (version 40) at error correction level L.
MAX_QR_ALPHANUMERIC_CHARS = 4296
MAX_JSON_CHARS_WORTH_TRYING = 64 * 1024

__all__ = [
    "MAX_QR_ALPHANUMERIC_CHARS",
    "can_encode",
    "decode_cborld",
    "decode_vpqr",
    "encode_cborld",
    "encode_vpqr",
    "looks_like_vpqr",
]


def encode_cborld(document: dict[str, Any]) -> bytes:
    """Compressed CBOR-LD bytes (tag ``0x0501``) of a JSON-LD credential or presentation."""
    tree = compress_document(document)
    return legacy_compressed(cbor2.dumps(tree, canonical=True))


def encode_vpqr(document: dict[str, Any]) -> str:
    """``VP1-B…`` text for one QR code (alphanumeric mode)."""
    _refuse_hopelessly_large(document)
    text = vpqr_text(encode_cborld(document))
    if len(text) > MAX_QR_ALPHANUMERIC_CHARS:
        raise QrPayloadTooLarge(
            tr(
                "The document compresses to {chars} characters of VP1- text, more than one "
                "QR code holds ({most}).",
                chars=len(text),
                most=MAX_QR_ALPHANUMERIC_CHARS,
            ),
            details=f"vp1 text length {len(text)}",
        )
    return text


def _refuse_hopelessly_large(document: Any) -> None:
    # CBOR-LD shrinks a credential to about half; JSON this far above one QR code's
    # capacity cannot fit, and compressing megabytes only to say so would be slow.
    try:
        size = len(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    except (TypeError, ValueError):
        return  # not JSON: the compressor says exactly what is wrong
    if size > MAX_JSON_CHARS_WORTH_TRYING:
        raise QrPayloadTooLarge(
            tr(
                "The document is {chars} characters of JSON; a VP1- QR code cannot hold "
                "more than about {most} characters even compressed.",
                chars=size,
                most=MAX_QR_ALPHANUMERIC_CHARS,
            ),
            details=f"json length {size}",
        )


def can_encode(document: dict[str, Any]) -> bool:
    """True when ``encode_vpqr`` will succeed for ``document``."""
    try:
        encode_vpqr(document)
    except (SharingError, FormatError):
        return False
    return True


def decode_cborld(data: bytes) -> dict[str, Any]:
    """The JSON-LD document in CBOR-LD bytes (any tag form Kredo reads)."""
    envelope = open_envelope(data)
    payload = read_payload(envelope.payload)
    if not envelope.compressed:
        return plain_json_document(payload)
    return decompress_document(payload, ReadTables.for_envelope(legacy=envelope.legacy))


def decode_vpqr(text: str) -> dict[str, Any]:
    """The JSON-LD document in ``VP1-`` text."""
    return decode_cborld(cborld_from_vpqr_text(text))
