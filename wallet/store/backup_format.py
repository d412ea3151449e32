"""The encrypted, segmented container of a backup file (see docs/backup-format.md).

Header (big-endian): magic ``KREDOBAK`` | version u16 | Argon2id memory_kib u32, iterations
u32, lanes u32 | salt 16 | nonce prefix 7. Then segments: u32 word (top bit = final, low 31
bits = ciphertext length) | AES-256-GCM ciphertext+tag. Segment ``i`` uses nonce
``prefix || u32(i) || final`` and AAD ``header || word``, so reordering, dropping, truncating
or editing anything (header included) fails authentication.
"""

from __future__ import annotations

import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wallet.errors import BackupError, StoreError
from wallet.store.kdf import (
    MAX_ITERATIONS,
    MAX_LANES,
    MAX_MEMORY_KIB,
    SALT_BYTES,
    Argon2Params,
    derive_key,
    new_salt,
    normalise_passphrase,
    passphrase_forms,
)
from wallet.translation import tr

MAGIC = b"KREDOBAK"
VERSION = 1
SEGMENT_PLAINTEXT_BYTES = 1024 * 1024
_TAG_BYTES = 16
_PREFIX_BYTES = 7
_HEADER = struct.Struct(f">8sHIII{SALT_BYTES}s{_PREFIX_BYTES}s")
_WORD = struct.Struct(">I")
_FINAL = 0x8000_0000
_MAX_SEGMENTS = 0xFFFF_FFFF


@dataclass(frozen=True)
class ContainerHeader:
    params: Argon2Params
    salt: bytes
    nonce_prefix: bytes

    def pack(self) -> bytes:
        return _HEADER.pack(MAGIC, VERSION, self.params.memory_kib, self.params.iterations,
                            self.params.lanes, self.salt, self.nonce_prefix)


def _nonce(prefix: bytes, index: int, final: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if final else 0)


class SegmentWriter:
    """Encrypts a byte stream into authenticated segments."""

    def __init__(self, out: BinaryIO, passphrase: str, params: Argon2Params) -> None:
        self._out = out
        self._header = ContainerHeader(params=params, salt=new_salt(),
                                       nonce_prefix=secrets.token_bytes(_PREFIX_BYTES))
        self._packed = self._header.pack()
        self._aead = AESGCM(derive_key(normalise_passphrase(passphrase), self._header.salt,
                                       params))
        self._buffer = bytearray()
        self._index = 0
        out.write(self._packed)

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > SEGMENT_PLAINTEXT_BYTES:
            chunk = bytes(self._buffer[:SEGMENT_PLAINTEXT_BYTES])
            del self._buffer[:SEGMENT_PLAINTEXT_BYTES]
            self._emit(chunk, final=False)

    def finish(self) -> None:
        self._emit(bytes(self._buffer), final=True)
        self._buffer.clear()

    def _emit(self, chunk: bytes, *, final: bool) -> None:
        word = _WORD.pack((len(chunk) + _TAG_BYTES) | (_FINAL if final else 0))
        sealed = self._aead.encrypt(_nonce(self._header.nonce_prefix, self._index, final),
                                    chunk, self._packed + word)
        self._out.write(word + sealed)
        self._index += 1


def _first_segment(keys: Iterator[AESGCM], nonce: bytes, sealed: bytes,
                   aad: bytes) -> tuple[AESGCM, bytes]:
    """The key that opens segment 0 (NFC first; backups of older Kredo were keyed with the
    passphrase as typed) and its plaintext."""
    for aead in keys:
        try:
            return aead, aead.decrypt(nonce, sealed, aad)
        except InvalidTag:
            continue
    raise BackupError(tr("The backup passphrase is wrong, or the file was altered; nothing was "
                         "restored."))


def read_segments(source: BinaryIO, passphrase: str) -> Iterator[bytes]:
    """Yield each segment's plaintext after checking it; raise BackupError on any fault."""
    packed = source.read(_HEADER.size)
    if len(packed) < _HEADER.size or not packed.startswith(MAGIC):
        raise BackupError(tr("This is not a Kredo backup file, or it is cut short."))
    _magic, version, memory_kib, iterations, lanes, salt, prefix = _HEADER.unpack(packed)
    if version != VERSION:
        raise BackupError(
            tr("This backup was written by a newer Kredo; update Kredo to restore it."),
                          details=f"backup version {version}")
    try:  # checked before any derivation: a header asking for 4 GiB is refused at once
        params = Argon2Params(memory_kib=memory_kib, iterations=iterations, lanes=lanes)
    except StoreError as exc:
        raise BackupError(tr(
            "The backup file asks for more key-stretching work than Kredo ever uses (at most "
            "{memory} MiB of memory, {passes} passes and {lanes} lanes), so it was altered or "
            "not made by Kredo; nothing was restored.",
            memory=MAX_MEMORY_KIB // 1024, passes=MAX_ITERATIONS, lanes=MAX_LANES),
            details=exc.details) from exc
    keys = (AESGCM(derive_key(form, salt, params)) for form in passphrase_forms(passphrase))
    aead: AESGCM | None = None
    index = 0
    while True:
        word_bytes = source.read(_WORD.size)
        if len(word_bytes) < _WORD.size:
            raise BackupError(tr("The backup file is cut short; nothing was restored."),
                              details=f"no final segment after {index}")
        (word,) = _WORD.unpack(word_bytes)
        final = bool(word & _FINAL)
        length = word & ~_FINAL
        if not (_TAG_BYTES <= length <= SEGMENT_PLAINTEXT_BYTES + _TAG_BYTES):
            raise BackupError(tr("The backup file is damaged; nothing was restored."),
                              details=f"segment {index} length {length}")
        sealed = source.read(length)
        if len(sealed) < length:
            raise BackupError(tr("The backup file is cut short; nothing was restored."),
                              details=f"segment {index} truncated")
        nonce, aad = _nonce(prefix, index, final), packed + word_bytes
        if aead is None:  # the first segment tells which form of the passphrase made the key
            aead, plain = _first_segment(keys, nonce, sealed, aad)
        else:
            try:
                plain = aead.decrypt(nonce, sealed, aad)
            except InvalidTag as exc:
                raise BackupError(tr("The backup file was altered or damaged; nothing was "
                                     "restored."), details=f"segment {index}") from exc
        yield plain
        if final:
            if source.read(1):
                raise BackupError(tr("The backup file has data after its end; nothing was "
                                     "restored."))
            return
        index += 1
        if index >= _MAX_SEGMENTS:
            raise BackupError(tr("The backup file is too large."))
