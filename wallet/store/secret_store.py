"""OS secret stores behind one small Protocol, so a missing backend degrades, never crashes.

Today there is one integration, the ``keyring`` package (Secret Service, macOS Keychain,
Windows Credential Locker). Any failure of the OS side is reported as "not available" or as
:class:`wallet.errors.KeyUnavailable`; callers then fall back to the passphrase.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from typing import Any, Protocol

from wallet.errors import KeyUnavailable
from wallet.translation import tr

KEYRING_SERVICE = "kredo"


class SecretStore(Protocol):
    """Somewhere outside the wallet directory that keeps the database key."""

    @property
    def name(self) -> str: ...

    def is_available(self) -> bool:
        """True when secrets can be stored and fetched now."""
        ...

    def store(self, wallet_id: str, secret: bytes) -> None: ...

    def fetch(self, wallet_id: str) -> bytes | None:
        """The secret, or ``None`` when this store holds none for ``wallet_id``."""
        ...

    def delete(self, wallet_id: str) -> None: ...


class KeyringSecretStore:
    """The ``keyring`` package; ``backend`` pins one backend (tests), default is the system's."""

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend

    def _keyring(self) -> Any:
        if self._backend is not None:
            return self._backend
        import keyring  # noqa: PLC0415 - importing probes D-Bus; only pay when a key is needed

        return keyring.get_keyring()

    @property
    def name(self) -> str:
        try:
            return type(self._keyring()).__name__
        except Exception:  # a broken backend is only "unavailable"
            return "unavailable"

    def is_available(self) -> bool:
        try:
            from keyring.backends import chainer, fail  # noqa: PLC0415

            backend = self._keyring()
            if isinstance(backend, fail.Keyring):
                return False
            if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
                return False
            return float(getattr(backend, "priority", 1)) > 0
        except Exception:  # any backend error means "do not rely on it"
            return False

    def store(self, wallet_id: str, secret: bytes) -> None:
        try:
            self._keyring().set_password(KEYRING_SERVICE, wallet_id,
                                         base64.b64encode(secret).decode("ascii"))
        except Exception as exc:
            raise KeyUnavailable(tr("The system keyring refused to store the wallet key."),
                                 details=f"{type(exc).__name__}") from exc

    def fetch(self, wallet_id: str) -> bytes | None:
        try:
            value = self._keyring().get_password(KEYRING_SERVICE, wallet_id)
        except Exception as exc:
            raise KeyUnavailable(
                tr("The system keyring could not be read; unlock it, or use the wallet passphrase "
                   "if one was set."), details=f"{type(exc).__name__}") from exc
        if value is None:
            return None
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise KeyUnavailable(tr("The wallet key in the system keyring is damaged; restore the "
                                    "wallet from a backup."), details="not base64") from exc

    def delete(self, wallet_id: str) -> None:
        # Nothing to delete, or a backend that cannot delete, leaves nothing to do.
        with contextlib.suppress(Exception):
            self._keyring().delete_password(KEYRING_SERVICE, wallet_id)
