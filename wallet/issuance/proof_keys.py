"""The holder keys a proof of possession is signed with, kept in the encrypted wallet.

An issuer binds the credential to a key the wallet proves it holds (OpenID4VCI 1.0 §8.2).
Kredo has two: the learner's default Ed25519 ``did:key`` profile (the one that also signs
presentations, :mod:`wallet.share.holder`) and one P-256 key for issuers that accept only
ES256, named as ``did:jwk`` or as a bare JWK. The P-256 key is a row of the same holder key
table (key type ``P-256``, Multikey secret), made the first time an issuer needs it.

:func:`choose_binding` picks, from what a credential configuration allows, the first of:
EdDSA with did:key, ES256 with did:jwk, ES256 with a JWK, EdDSA with a JWK.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from cryptography.hazmat.primitives.asymmetric import ec

from wallet.crypto.jwk import PrivateKey, jwk_from_public_key
from wallet.crypto.multikey import multikey_from_private_key, private_key_from_multikey
from wallet.did import did_jwk_from_public_key
from wallet.errors import IssuanceError, StoreError, WalletError
from wallet.issuance.metadata import CredentialConfiguration
from wallet.share.holder import HolderKeyStore, HolderProfiles
from wallet.translation import tr

P256_KEY_TYPE = "P-256"
P256_LABEL = "OpenID4VCI ES256 key"
BindingForm = Literal["did:key", "did:jwk", "jwk"]


@dataclass(frozen=True)
class ProofKey:
    """A signing key and how a proof names it: ``kid`` (a DID URL) or an embedded ``jwk``."""

    alg: str
    form: BindingForm
    did: str | None
    kid: str | None
    private_key: PrivateKey = field(repr=False)

    def header(self) -> dict[str, object]:
        if self.form == "jwk":
            return {"jwk": jwk_from_public_key(self.private_key.public_key())}
        return {"kid": self.kid}


@dataclass(frozen=True)
class _Option:
    alg: str
    form: BindingForm
    methods: tuple[str, ...]  # binding method names that allow this form


_OPTIONS = (
    _Option("EdDSA", "did:key", ("did:key", "did")),
    _Option("ES256", "did:jwk", ("did:jwk", "did")),
    _Option("ES256", "jwk", ("jwk",)),
    _Option("EdDSA", "jwk", ("jwk",)),
)


def choose_binding(configuration: CredentialConfiguration) -> tuple[str, BindingForm]:
    """The (algorithm, key form) Kredo will prove possession with for this credential."""
    proof_types = configuration.proof_types
    if proof_types and "jwt" not in proof_types:
        raise IssuanceError(
            tr(
                "The issuer asks for a kind of key proof Kredo cannot make ({kinds}); "
                "Kredo makes JWT proofs.",
                kinds=", ".join(sorted(proof_types))[:100],
            ),
        )
    algs = proof_types.get("jwt", ())
    methods = configuration.binding_methods
    for option in _OPTIONS:
        alg_ok = not algs or option.alg in algs
        method_ok = not methods or any(m in methods for m in option.methods)
        if alg_ok and method_ok:
            return option.alg, option.form
    raise IssuanceError(
        tr(
            "The issuer asks for a key Kredo does not have: Kredo proves possession with "
            "Ed25519 (did:key) or P-256 (did:jwk, JWK) keys."
        ),
        details=f"methods {list(methods)[:10]}, algorithms {list(algs)[:10]}",
    )


def proof_key(store: HolderKeyStore, alg: str, form: BindingForm) -> ProofKey:
    """The wallet's key for ``alg`` in ``form``; the P-256 key is made on first use."""
    if alg == "EdDSA":
        profile = HolderProfiles(store).default()
        key: PrivateKey = profile.signing_key()
        if form == "did:key":
            return ProofKey(alg, form, profile.did, profile.verification_method, key)
        return ProofKey(alg, form, None, None, key)
    p256 = _p256_key(store)
    if form == "did:jwk":
        did = did_jwk_from_public_key(p256.public_key())
        return ProofKey(alg, form, did, f"{did}#0", p256)
    return ProofKey(alg, form, None, None, p256)


def _p256_key(store: HolderKeyStore) -> ec.EllipticCurvePrivateKey:
    for row in store.holder_keys():
        if row.key_type == P256_KEY_TYPE:
            return _load_p256(row.private_key, row.did)
    key = ec.generate_private_key(ec.SECP256R1())
    did = did_jwk_from_public_key(key.public_key())
    store.add_holder_key(did, multikey_from_private_key(key).encode("ascii"), P256_KEY_TYPE,
                         P256_LABEL)
    return key


def _load_p256(secret: bytes, did: str) -> ec.EllipticCurvePrivateKey:
    try:
        key = private_key_from_multikey(secret.decode("ascii"))
    except (UnicodeDecodeError, WalletError):
        raise StoreError(
            tr("The wallet's P-256 holder key is damaged and cannot sign.")
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise StoreError(tr("The wallet's P-256 holder key is not a P-256 key."))
    if did_jwk_from_public_key(key.public_key()) != did:
        raise StoreError(tr("The wallet's P-256 holder key does not match its DID."))
    return key


KeyProvider = Callable[[str, BindingForm], ProofKey]


def wallet_key_provider(store: HolderKeyStore) -> KeyProvider:
    """A :data:`KeyProvider` over the wallet's holder keys."""

    def provide(alg: str, form: BindingForm) -> ProofKey:
        return proof_key(store, alg, form)

    return provide

