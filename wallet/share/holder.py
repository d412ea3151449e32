"""Holder profiles: the learner's own Ed25519 ``did:key`` identities that sign presentations.

Each profile is one row of the wallet's ``holder_keys`` table (inside the encrypted
database): the DID, the private key as a Multikey secret (``ed25519-priv`` multicodec,
base58btc), the key type and a label. One profile is the default (the ``holder.default``
setting names its DID; without it the oldest profile is the default). The private key is
loaded only to sign and never appears in a ``repr``, a log line or an error.

A wallet created by ``create_wallet`` gets a first profile at once; an older wallet gets one
the first time it needs one (:meth:`HolderProfiles.default`).
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.crypto.jwk import PrivateKey
from wallet.crypto.multikey import multikey_from_private_key, private_key_from_multikey
from wallet.did import (
    did_jwk_from_public_key,
    did_key_from_public_key,
    did_key_verification_method_id,
)
from wallet.errors import SharingError, StoreError, WalletError
from wallet.translation import tr, tr_n

ED25519_KEY_TYPE = "Ed25519"
DEFAULT_SETTING = "holder.default"
FIRST_PROFILE_LABEL = "default"
MAX_LABEL_CHARS = 60


class StoredHolderKey(Protocol):
    """A row of the holder key table (``wallet.store.records.HolderKey``)."""

    @property
    def did(self) -> str: ...

    @property
    def private_key(self) -> bytes: ...

    @property
    def key_type(self) -> str: ...

    @property
    def label(self) -> str | None: ...

    @property
    def created_at(self) -> str: ...


class HolderKeyStore(Protocol):
    """What profiles need from the repository (``CredentialRepository`` has it)."""

    def add_holder_key(self, did: str, private_key: bytes, key_type: str,
                       label: str | None = None, *, created_at: str | None = None) -> int: ...

    def holder_keys(self) -> Sequence[StoredHolderKey]: ...

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class HolderProfile:
    """One holder identity; :meth:`signing_key` is the only way to its private key."""

    label: str
    did: str
    is_default: bool
    created_at: str
    _secret: bytes = field(repr=False, compare=False)

    @property
    def verification_method(self) -> str:
        """The DID URL a proof made by this profile names (``did:key:z…#z…``)."""
        return did_key_verification_method_id(self.signing_key().public_key())

    def signing_key(self) -> ed25519.Ed25519PrivateKey:
        try:
            key = private_key_from_multikey(self._secret.decode("ascii"))
        except (UnicodeDecodeError, WalletError):
            raise StoreError(
                tr(
                    "The holder key of the profile “{label}” is damaged and cannot sign.",
                    label=self.label,
                )
            ) from None
        if not isinstance(key, ed25519.Ed25519PrivateKey):
            raise StoreError(
                tr("The holder key of the profile “{label}” is not Ed25519.", label=self.label)
            )
        if did_key_from_public_key(key.public_key()) != self.did:
            raise StoreError(
                tr(
                    "The holder key of the profile “{label}” does not match its DID.",
                    label=self.label,
                )
            )
        return key


class HolderProfiles:
    """The wallet's holder profiles, over the repository's holder key table."""

    def __init__(self, store: HolderKeyStore) -> None:
        self._store = store

    def list(self) -> builtins.list[HolderProfile]:
        """Every Ed25519 profile, oldest first (other key types are not profiles)."""
        rows = [row for row in self._store.holder_keys() if row.key_type == ED25519_KEY_TYPE]
        default_did = self._store.get_setting(DEFAULT_SETTING)
        if default_did not in {row.did for row in rows}:
            default_did = rows[0].did if rows else None
        profiles = []
        seen: set[str] = set()
        for row in rows:
            # A restored backup may bring a second "default": name it apart, never hide it.
            label = base = row.label or row.did
            number = 1
            while label.casefold() in seen:
                number += 1
                label = f"{base} ({number})"
            seen.add(label.casefold())
            profiles.append(
                HolderProfile(
                    label=label,
                    did=row.did,
                    is_default=row.did == default_did,
                    created_at=row.created_at,
                    _secret=row.private_key,
                )
            )
        return profiles

    def create(self, label: str, *, make_default: bool = False) -> HolderProfile:
        """A new Ed25519 did:key profile; the first one becomes the default."""
        clean = _clean_label(label)
        existing = self.list()
        if any(p.label.casefold() == clean.casefold() for p in existing):
            raise SharingError(
                tr("A holder profile named “{label}” already exists.", label=clean)
            )
        key = ed25519.Ed25519PrivateKey.generate()
        did = did_key_from_public_key(key.public_key())
        secret = multikey_from_private_key(key).encode("ascii")
        self._store.add_holder_key(did, secret, ED25519_KEY_TYPE, clean)
        if make_default or not existing:
            self._store.set_setting(DEFAULT_SETTING, did)
        return self.get(clean)

    def get(self, label: str) -> HolderProfile:
        wanted = label.strip().casefold()
        profiles = self.list()
        for profile in profiles:
            if profile.label.casefold() == wanted:
                return profile
        known = ", ".join(p.label for p in profiles) or tr("none yet")
        raise SharingError(
            tr(
                "No holder profile is named “{label}” (profiles: {known}).",
                label=label.strip()[:MAX_LABEL_CHARS],
                known=known,
            )
        )

    def default(self) -> HolderProfile:
        """The default profile, made now when the wallet has none (wallets from before)."""
        profiles = self.list()
        found = next((p for p in profiles if p.is_default), None)
        return found if found is not None else self.create(FIRST_PROFILE_LABEL)

    def choose(self, label: str | None) -> HolderProfile:
        """The profile named ``label``, or the default one."""
        return self.default() if label is None else self.get(label)

    def possession_keys(self) -> builtins.list[PrivateKey]:
        """Every intact key of the wallet (profiles, and keys made for issuers, e.g. P-256),
        for proving possession of a credential bound to one of them (SD-JWT key binding)."""
        found: builtins.list[PrivateKey] = []
        for row in self._store.holder_keys():
            try:
                key = private_key_from_multikey(row.private_key.decode("ascii"))
            except (UnicodeDecodeError, WalletError):
                continue  # a damaged row cannot prove anything; signing with it says so
            public = key.public_key()
            if row.did in (did_key_from_public_key(public), did_jwk_from_public_key(public)):
                found.append(key)
        return found

    def set_default(self, label: str) -> HolderProfile:
        profile = self.get(label)
        self._store.set_setting(DEFAULT_SETTING, profile.did)
        return self.get(label)


def _clean_label(label: str) -> str:
    clean = " ".join(label.split())
    if not clean:
        raise SharingError(tr("A holder profile needs a name."))
    if len(clean) > MAX_LABEL_CHARS:
        raise SharingError(
            tr_n(
                "A holder profile name has at most {n} character.",
                "A holder profile name has at most {n} characters.",
                MAX_LABEL_CHARS,
            )
        )
    return clean
