"""Compressed status bitstrings: decode, inflate with a cap, and read one entry.

W3C lists (Bitstring Status List v1.0 §4.2 "Bitstring Expansion", StatusList2021,
RevocationList2020) GZIP the bitstring and index it from the most significant bit of the
first byte. The IETF Token Status List uses ZLIB and packs entries from the least
significant bit (draft-ietf-oauth-status-list §4.1). Both are read here so the bit order
lives in one place.
"""

from __future__ import annotations

from wallet.base64url import b64url_decode
from wallet.errors import MalformedCredential
from wallet.inflate import InflateFailure, inflate
from wallet.limits import MAX_INFLATED_BYTES
from wallet.status.outcome import StatusListError, StatusState
from wallet.translation import tr, tr_n

# Bitstring Status List §3.2 step 7: a list holds at least 131,072 entries (16 KB at one bit
# each), so that one credential's index does not single out its holder.
MIN_BITSTRING_ENTRIES = 131_072


def decode_encoded_list(text: object, *, multibase: bool) -> bytes:
    """The compressed bytes of an ``encodedList``.

    Bitstring Status List wants multibase base64url (``u`` prefix); StatusList2021 and
    RevocationList2020 use plain base64url. Some issuers write padding or the standard
    alphabet, and some early Bitstring issuers dropped the ``u``; the gzip header that
    follows tells these apart safely, so they are read too.
    """
    if not isinstance(text, str) or not text:
        raise _failed(tr("The issuer's status list has no encoded list."))
    body = text
    if multibase and text.startswith("u"):
        body = text[1:]
    elif multibase and not text.startswith("H4sI"):  # base64 of the gzip magic bytes
        raise _failed(tr("The issuer's status list is not encoded as the standard requires."))
    try:
        return b64url_decode(body, tolerant=True)
    except MalformedCredential:
        raise _failed(tr("The issuer's status list is not valid base64url.")) from None


def inflate_status_list(
    compressed: bytes, *, wbits: int, limit: int = MAX_INFLATED_BYTES
) -> bytes:
    """Decompress at most ``limit`` bytes; a bomb or a damaged stream is a failed list."""
    result = inflate(compressed, wbits=wbits, limit=limit)
    if result.failure is InflateFailure.DAMAGED:
        raise _failed(tr("The issuer's status list is damaged (it does not decompress)."))
    if result.failure is InflateFailure.TOO_LARGE:
        raise _failed(
            tr(
                "The issuer's status list expands beyond {megabytes} MB, more than Kredo "
                "accepts.",
                megabytes=limit // (1024 * 1024),
            )
        )
    if result.failure is InflateFailure.TRUNCATED:
        raise _failed(tr("The issuer's status list is damaged (it is cut short)."))
    return result.data


def read_entry(bits: bytes, index: int, size: int, *, msb_first: bool = True) -> int:
    """The ``size``-bit value of entry ``index``; outside the list is a failed check."""
    total_entries = len(bits) * 8 // size
    if index < 0 or index >= total_entries:
        raise _failed(
            tr_n(
                "The credential's position ({index}) lies outside the issuer's status list "
                "of {n} entry.",
                "The credential's position ({index}) lies outside the issuer's status list "
                "of {n} entries.",
                total_entries,
                index=index,
            )
        )
    value = 0
    start = index * size
    for bit_position in range(start, start + size):
        byte = bits[bit_position // 8]
        offset = bit_position % 8
        bit = (byte >> (7 - offset)) & 1 if msb_first else (byte >> offset) & 1
        if msb_first:
            value = (value << 1) | bit
        else:
            value |= bit << (bit_position - start)
    return value


def check_minimum_length(bits: bytes, size: int) -> None:
    """Bitstring Status List §3.2 step 7 (STATUS_LIST_LENGTH_ERROR)."""
    if len(bits) * 8 // size < MIN_BITSTRING_ENTRIES:
        raise _failed(
            tr(
                "The issuer's status list is shorter than the standard's minimum, so it "
                "could single out the people it lists."
            ),
            details=f"{len(bits) * 8 // size} entries",
        )


def _failed(message: str, *, details: str | None = None) -> StatusListError:
    return StatusListError(StatusState.FAILED, message, details=details)
