"""Argon2id stretching of a passphrase, shared by the key header and backups.

The defaults follow OWASP's first Argon2id recommendation class (64 MiB, 3 passes, 4 lanes),
about 0.13 s here. Weaker parameters exist only when a caller passes them explicitly (tests).
Parameters are bounded at four times the defaults (256 MiB, 12 passes, 16 lanes: about 2 s),
checked before any derivation, so a key header or backup edited to ask for 4 GiB and 64
passes (minutes of work, or a MemoryError) is refused at once. Kredo never writes more.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from wallet.errors import StoreError
from wallet.translation import tr

KEY_BYTES = 32
SALT_BYTES = 16
# Upper bounds, written and read: four times the defaults (docs/backup-format.md).
MAX_MEMORY_KIB = 256 * 1024
MAX_ITERATIONS = 12
MAX_LANES = 16


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters; ``memory_kib`` is in KiB as Argon2 defines it."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        if not (1 <= self.lanes <= MAX_LANES):
            raise StoreError(tr("The key derivation parameters are out of range."),
                             details=f"lanes={self.lanes}")
        if not (8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB):
            raise StoreError(tr("The key derivation parameters are out of range."),
                             details=f"memory_kib={self.memory_kib}")
        if not (1 <= self.iterations <= MAX_ITERATIONS):
            raise StoreError(tr("The key derivation parameters are out of range."),
                             details=f"iterations={self.iterations}")

    def to_json(self) -> dict[str, Any]:
        return {"name": "argon2id", "memory_kib": self.memory_kib,
                "iterations": self.iterations, "lanes": self.lanes}

    @classmethod
    def from_json(cls, data: object) -> Argon2Params:
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise StoreError(tr("The key derivation parameters are not readable."),
                             details="kdf name is not argon2id")
        values = [data.get(k) for k in ("memory_kib", "iterations", "lanes")]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise StoreError(tr("The key derivation parameters are not readable."),
                             details="kdf parameters must be integers")
        memory_kib, iterations, lanes = (int(v) for v in values)  # type: ignore[arg-type]
        return cls(memory_kib=memory_kib, iterations=iterations, lanes=lanes)


DEFAULT_ARGON2 = Argon2Params()


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def normalise_passphrase(passphrase: str) -> str:
    """The passphrase as it is stretched: Unicode NFC, so "café" typed with a precomposed é
    and with e + a combining accent (some keyboards, macOS input) make the same key."""
    return unicodedata.normalize("NFC", passphrase)


def passphrase_forms(passphrase: str) -> tuple[str, ...]:
    """The forms to try when opening: NFC (what Kredo stretches since November 2026), then
    as typed and NFD (what older Kredo may have stretched); each only once."""
    forms = (normalise_passphrase(passphrase), passphrase,
             unicodedata.normalize("NFD", passphrase))
    return tuple(dict.fromkeys(forms))


def derive_key(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    """A 256-bit key from ``passphrase`` (UTF-8, exactly these code points) and ``salt``.

    Writers pass :func:`normalise_passphrase`; readers try :func:`passphrase_forms`.
    """
    kdf = Argon2id(salt=salt, length=KEY_BYTES, iterations=params.iterations,
                   lanes=params.lanes, memory_cost=params.memory_kib)
    try:
        return kdf.derive(passphrase.encode("utf-8"))
    except MemoryError:
        raise StoreError(tr("There is not enough free memory to derive the key from the "
                            "passphrase ({size} MiB are needed).",
                            size=params.memory_kib // 1024)) from None
