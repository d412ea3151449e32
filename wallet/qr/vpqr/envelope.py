"""The CBOR-LD envelope: the CBOR tag in front of the payload, and reading the payload safely.

Three tag families exist (CBOR-LD 1.0 draft and ``@digitalbazaar/cborld`` 8.x):

* ``0x0501`` / ``0x0500`` "legacy singleton": compressed / uncompressed payload follows.
  This is what ``@digitalcredentials/cborld`` 4.3.4 (the DCC wallet) reads and writes, and
  what Kredo writes.
* ``0xcb1d`` "CBOR-LD 1.0": the tagged item is ``[registry entry id, payload]``.
* ``0x0600``–``0x06ff`` "legacy range": the registry entry id is in the tag.

Registry entry 0 means "uncompressed", entry 1 "compressed with the default (empty) tables".
Other entries need application tables from the CBOR-LD registry, which Kredo does not carry;
such codes are refused with a clear sentence.

Payload reading: ``cbor2`` decodes, then every node is checked to be plain JSON-ish data
(no CBOR tags, no shared references, no undefined) and counted, so a small code cannot
expand into a large document.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cbor2

from wallet.errors import InputTooLarge, NotACredential
from wallet.qr.vpqr.value_codecs import damaged
from wallet.translation import tr

LEGACY_COMPRESSED_TAG = 0x0501
LEGACY_UNCOMPRESSED_TAG = 0x0500
CBORLD_1_0_TAG = 0xCB1D
LEGACY_RANGE = range(0x0600, 0x0700)

# A QR code holds at most 2,953 bytes; 64 KiB leaves room for VP1- text read from files.
MAX_CBORLD_BYTES = 64 * 1024
MAX_PAYLOAD_NODES = 20_000
_MAX_DEPTH = 128


@dataclass(frozen=True)
class CborldEnvelope:
    """What the tag says about the payload."""

    legacy: bool  # the 0x0501 family: URL values may be numbers from the context table
    registry_entry_id: int  # 0: uncompressed, 1: default tables
    payload: bytes

    @property
    def compressed(self) -> bool:
        return self.registry_entry_id != 0


def legacy_compressed(payload: bytes) -> bytes:
    """Wrap compressed payload bytes in the ``0x0501`` tag (CBOR major type 6, 16-bit)."""
    return bytes([0xD9, 0x05, 0x01]) + payload


def open_envelope(data: bytes) -> CborldEnvelope:
    if len(data) > MAX_CBORLD_BYTES:
        raise InputTooLarge(
            tr(
                "The VP1- code holds {size} bytes of CBOR-LD; Kredo reads at most {most}.",
                size=len(data),
                most=MAX_CBORLD_BYTES,
            )
        )
    if len(data) < 4 or data[0] != 0xD9:
        raise damaged(tr("it does not start with a CBOR-LD tag"))
    tag = int.from_bytes(data[1:3], "big")
    if tag in (LEGACY_COMPRESSED_TAG, LEGACY_UNCOMPRESSED_TAG):
        entry = 1 if tag == LEGACY_COMPRESSED_TAG else 0
        return CborldEnvelope(legacy=True, registry_entry_id=entry, payload=data[3:])
    if tag == CBORLD_1_0_TAG:
        if data[3] != 0x82:
            raise damaged(tr("its CBOR-LD 1.0 tag is not followed by a two-element array"))
        entry, offset = _read_uint(data, 4)
        return _supported(
            CborldEnvelope(legacy=False, registry_entry_id=entry, payload=data[offset:])
        )
    if tag in LEGACY_RANGE:
        entry = tag - LEGACY_RANGE.start
        if entry >= 128:
            # The tag holds the first byte of a varint: the entry is at least this.
            raise _unknown_registry_entry(f"≥ {entry}")
        return _supported(CborldEnvelope(legacy=False, registry_entry_id=entry, payload=data[3:]))
    raise damaged(tr("its CBOR tag {tag} is not a CBOR-LD tag", tag=f"{tag:#06x}"))


def _supported(envelope: CborldEnvelope) -> CborldEnvelope:
    if envelope.registry_entry_id not in (0, 1):
        raise _unknown_registry_entry(str(envelope.registry_entry_id))
    return envelope


def _unknown_registry_entry(entry: str) -> NotACredential:
    return NotACredential(
        tr(
            "This VP1- code is compressed with application tables from the CBOR-LD registry "
            "(entry {entry}) that Kredo does not have, so it cannot be read.",
            entry=entry,
        ),
        details=f"cbor-ld registry entry {entry}",
    )


def _read_uint(data: bytes, offset: int) -> tuple[int, int]:
    if offset >= len(data) or data[offset] >> 5 != 0:
        raise damaged(tr("its registry entry id is not an unsigned integer"))
    info = data[offset] & 0x1F
    if info < 24:
        return info, offset + 1
    width = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if width is None or offset + 1 + width > len(data):
        raise damaged(tr("its registry entry id is truncated"))
    end = offset + 1 + width
    return int.from_bytes(data[offset + 1 : end], "big"), end


def read_payload(payload: bytes) -> Any:
    """The payload item as plain Python data (dict, list, str, bytes, int, float, bool, None)."""
    stream = io.BytesIO(payload)
    try:
        item = cbor2.CBORDecoder(stream).decode()
    except (cbor2.CBORDecodeError, ValueError, TypeError, OverflowError, RecursionError):
        raise damaged(tr("its CBOR is invalid or truncated")) from None
    if stream.tell() != len(payload):
        raise damaged(tr("it has bytes after the CBOR-LD document"))
    return _PlainData().convert(item, depth=0)


class _PlainData:
    def __init__(self) -> None:
        self._nodes = 0
        self._containers: set[int] = set()

    def convert(self, item: Any, *, depth: int) -> Any:
        self._nodes += 1
        if self._nodes > MAX_PAYLOAD_NODES:
            raise InputTooLarge(
                tr(
                    "The VP1- code holds more than {most} values; Kredo refuses it.",
                    most=MAX_PAYLOAD_NODES,
                )
            )
        if depth > _MAX_DEPTH:
            raise damaged(tr("it nests too deeply"))
        if item is None or isinstance(item, (bool, str, bytes, float)):
            return item
        if isinstance(item, int):
            if not -(2**64) <= item < 2**64:
                raise damaged(tr("it holds a number larger than CBOR-LD writes"))
            return item
        if isinstance(item, (Mapping, list, tuple)):
            # cbor2 hands out the same object again for shared references (tag 28/29);
            # plain CBOR never does, so a repeat means a reference bomb.
            if id(item) in self._containers:
                raise damaged(tr("it uses CBOR shared references"))
            self._containers.add(id(item))
            if isinstance(item, Mapping):
                out: dict[Any, Any] = {}
                for key, value in item.items():
                    if not (
                        isinstance(key, str) or (isinstance(key, int) and not isinstance(key, bool))
                    ):
                        raise damaged(tr("it has a map key that is neither a number nor text"))
                    out[key] = self.convert(value, depth=depth + 1)
                return out
            return [self.convert(value, depth=depth + 1) for value in item]
        raise damaged(
            tr(
                "it holds a CBOR {kind} value, which JSON has no form for",
                kind=type(item).__name__,
            )
        )
