"""The small versioned JSON file beside the database that says how to get its key.

``{"format": "kredo-key", "version": 1, "mode": "keyring" | "passphrase", "wallet_id": hex,
"kdf": {"name": "argon2id", "memory_kib", "iterations", "lanes", "salt": b64} | null,
"wrapped_key": b64(nonce || AES-256-GCM ciphertext+tag) | null}``

The wrapped key's AAD binds the format, version, wallet id and KDF parameters, so a header
edited to cheaper parameters or another wallet's id does not unwrap. The wrapping key is
stretched from the passphrase's Unicode NFC form; a key an older Kredo wrapped with the
passphrase as typed still unwraps, and is wrapped again in NFC (``wallet.store.keys``).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from wallet.errors import KeyUnavailable, StoreError, WalletError
from wallet.json_input import load_json
from wallet.store.kdf import SALT_BYTES, Argon2Params
from wallet.translation import tr

HEADER_FORMAT = "kredo-key"
HEADER_VERSION = 1
_MAX_HEADER_BYTES = 64 * 1024

KeyMode = Literal["keyring", "passphrase"]


@dataclass(frozen=True)
class WrappedKey:
    """The database key wrapped under an Argon2id-derived key."""

    params: Argon2Params
    salt: bytes
    blob: bytes  # 12-byte nonce || ciphertext || 16-byte tag


@dataclass(frozen=True)
class KeyHeader:
    mode: KeyMode
    wallet_id: str
    wrapped: WrappedKey | None

    def wrap_aad(self, params: Argon2Params) -> bytes:
        """Associated data for wrapping: everything an attacker could try to swap."""
        bound = {"format": HEADER_FORMAT, "version": HEADER_VERSION,
                 "wallet_id": self.wallet_id, "kdf": params.to_json()}
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("ascii")

    def to_json(self) -> dict[str, Any]:
        kdf: dict[str, Any] | None = None
        wrapped_key: str | None = None
        if self.wrapped is not None:
            kdf = {**self.wrapped.params.to_json(),
                   "salt": base64.b64encode(self.wrapped.salt).decode("ascii")}
            wrapped_key = base64.b64encode(self.wrapped.blob).decode("ascii")
        return {"format": HEADER_FORMAT, "version": HEADER_VERSION, "mode": self.mode,
                "wallet_id": self.wallet_id, "kdf": kdf, "wrapped_key": wrapped_key}

    @classmethod
    def from_json(cls, data: object) -> KeyHeader:
        if not isinstance(data, dict) or data.get("format") != HEADER_FORMAT:
            raise _unreadable("not a kredo-key header")
        if data.get("version") != HEADER_VERSION:
            raise StoreError(
                tr("The wallet key file was written by a newer Kredo; update Kredo."),
                             details=f"key header version {data.get('version')!r}")
        mode = data.get("mode")
        wallet_id = data.get("wallet_id")
        if mode not in ("keyring", "passphrase") or not isinstance(wallet_id, str):
            raise _unreadable("bad mode or wallet_id")
        wrapped: WrappedKey | None = None
        kdf, blob = data.get("kdf"), data.get("wrapped_key")
        if kdf is not None or blob is not None:
            if not isinstance(kdf, dict) or not isinstance(blob, str):
                raise _unreadable("kdf and wrapped_key must come together")
            params = Argon2Params.from_json(kdf)
            salt = _b64(kdf.get("salt"))
            if len(salt) != SALT_BYTES:
                raise _unreadable("salt length")
            wrapped = WrappedKey(params=params, salt=salt, blob=_b64(blob))
        if mode == "passphrase" and wrapped is None:
            raise _unreadable("passphrase mode without a wrapped key")
        return cls(mode=mode, wallet_id=wallet_id, wrapped=wrapped)


def read_header(path: Path) -> KeyHeader:
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_HEADER_BYTES + 1)
    except FileNotFoundError as exc:
        raise KeyUnavailable(
            tr("The wallet key file is missing; restore the wallet from a backup."),
            details=path.name) from exc
    except OSError as exc:
        raise StoreError(tr("The wallet key file could not be read."),
                         details=f"{type(exc).__name__}: {exc.strerror}") from exc
    if len(raw) > _MAX_HEADER_BYTES:
        raise _unreadable("header too large")
    try:
        data = load_json(raw, max_bytes=_MAX_HEADER_BYTES)
    except WalletError as exc:
        raise _unreadable(f"not JSON: {exc.message}") from exc
    return KeyHeader.from_json(data)


def write_header(path: Path, header: KeyHeader) -> None:
    """Replace the header atomically: a crash leaves the old or the new file, never half."""
    text = json.dumps(header.to_json(), indent=2, sort_keys=True) + "\n"
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(tr("The wallet key file could not be written."),
                         details=f"{type(exc).__name__}: {exc.strerror}") from exc
    fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    """Make a rename or unlink in ``directory`` durable (POSIX; elsewhere a no-op)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _b64(value: object) -> bytes:
    if not isinstance(value, str):
        raise _unreadable("expected base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _unreadable("bad base64") from exc


def _unreadable(details: str) -> StoreError:
    return StoreError(tr("The wallet key file is damaged; restore the wallet from a backup."),
                      details=details)
