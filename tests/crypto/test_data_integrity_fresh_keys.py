"""Sign with fresh keys in every suite, then verify: purposes, time, challenge, domain."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.crypto.data_integrity import sign, verify_proof, verify_proofs
from wallet.crypto.multikey import multikey_from_public_key
from wallet.did import did_key_from_public_key, did_key_verification_method_id, key_resolver
from wallet.errors import MalformedCredential, VerificationError, WalletError

SUITES: dict[str, tuple[str, Callable[[], Any]]] = {
    "eddsa-rdfc-2022": ("eddsa-rdfc-2022", ed25519.Ed25519PrivateKey.generate),
    "ecdsa-rdfc-2019-p256": ("ecdsa-rdfc-2019", lambda: ec.generate_private_key(ec.SECP256R1())),
    "ecdsa-rdfc-2019-p384": ("ecdsa-rdfc-2019", lambda: ec.generate_private_key(ec.SECP384R1())),
    "Ed25519Signature2020": ("Ed25519Signature2020", ed25519.Ed25519PrivateKey.generate),
}
ED25519_2020 = "https://w3id.org/security/suites/ed25519-2020/v1"


def _credential(issuer: str, suite: str) -> dict[str, Any]:
    context = ["https://www.w3.org/ns/credentials/v2"]
    if suite == "Ed25519Signature2020":
        context.append(ED25519_2020)
    return {
        "@context": context,
        "id": "urn:uuid:0b8f5a4e-8d4e-4c1e-9a55-3b8f0d6f1a10",
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "name": "Jana Nováková"},
    }


@pytest.mark.parametrize("label", sorted(SUITES))
def test_fresh_key_signs_and_verifies(label: str) -> None:
    suite, make_key = SUITES[label]
    key = make_key()
    issuer = did_key_from_public_key(key.public_key())
    # GIVEN a credential issued by the key's own did:key
    signed = sign(
        _credential(issuer, suite),
        private_key=key,
        verification_method=did_key_verification_method_id(key.public_key()),
        cryptosuite=suite,
    )
    # THEN it verifies with every check passing
    result = verify_proof(signed, resolve=key_resolver())
    assert result.ok, result.problems
    assert result.controller_matches_issuer is True
    assert result.cryptosuite == suite
    # AND changing one claim breaks it
    signed["credentialSubject"]["name"] = "Jan Novák"
    assert not verify_proof(signed, resolve=key_resolver()).signature_valid


def _ed25519_presentation(
    challenge: str | None = "c-123", domain: str | None = "verifier.example"
) -> tuple[dict[str, Any], str]:
    key = ed25519.Ed25519PrivateKey.generate()
    holder = did_key_from_public_key(key.public_key())
    presentation = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": holder,
    }
    signed = sign(
        presentation,
        private_key=key,
        verification_method=did_key_verification_method_id(key.public_key()),
        cryptosuite="eddsa-rdfc-2022",
        purpose="authentication",
        challenge=challenge,
        domain=domain,
    )
    return signed, holder


def test_presentation_with_expected_challenge_and_domain() -> None:
    signed, holder = _ed25519_presentation()
    result = verify_proof(
        signed,
        purpose="authentication",
        challenge="c-123",
        domain="verifier.example",
        resolve=key_resolver(),
    )
    assert result.ok, result.problems
    assert result.controller == holder


@pytest.mark.parametrize(
    ("challenge", "domain", "fragment"),
    [("other", "verifier.example", "challenge"), ("c-123", "evil.example", "domain")],
)
def test_presentation_with_wrong_challenge_or_domain(
    challenge: str, domain: str, fragment: str
) -> None:
    signed, _ = _ed25519_presentation()
    result = verify_proof(
        signed, purpose="authentication", challenge=challenge, domain=domain, resolve=key_resolver()
    )
    assert result.signature_valid
    assert not result.ok
    assert any(fragment in problem for problem in result.problems)


def test_presentation_checked_for_the_wrong_purpose() -> None:
    signed, _ = _ed25519_presentation()
    result = verify_proof(signed, resolve=key_resolver())  # default purpose: assertionMethod
    assert result.signature_valid
    assert not result.purpose_ok
    assert not result.ok


def test_key_not_authorised_for_the_purpose_in_its_controller_document() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    issuer = "https://school.example/issuer"
    vm = issuer + "#key-1"
    controller_document = {
        "id": issuer,
        "verificationMethod": [
            {
                "id": vm,
                "type": "Multikey",
                "controller": issuer,
                "publicKeyMultibase": multikey_from_public_key(key.public_key()),
            }
        ],
        "authentication": [vm],  # not assertionMethod
    }
    signed = sign(
        _credential(issuer, "eddsa-rdfc-2022"),
        private_key=key,
        verification_method=vm,
        cryptosuite="eddsa-rdfc-2022",
    )
    result = verify_proof(signed, resolve=key_resolver({issuer: controller_document}))
    assert result.signature_valid
    assert result.controller_matches_issuer is True
    assert not result.purpose_ok
    assert any("authorised" in problem for problem in result.problems)


def test_created_in_the_future_and_expired_proofs() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    issuer = did_key_from_public_key(key.public_key())
    now = datetime(2026, 11, 1, tzinfo=UTC)
    future = sign(
        _credential(issuer, "eddsa-rdfc-2022"),
        private_key=key,
        verification_method=did_key_verification_method_id(key.public_key()),
        cryptosuite="eddsa-rdfc-2022",
        created=now + timedelta(days=1),
    )
    result = verify_proof(future, now=now, resolve=key_resolver())
    assert result.signature_valid
    assert any("future" in problem for problem in result.problems)
    # An expiry inside the signed proof options is honoured
    document = _credential(issuer, "eddsa-rdfc-2022")
    signed = sign(
        document,
        private_key=key,
        verification_method=did_key_verification_method_id(key.public_key()),
        cryptosuite="eddsa-rdfc-2022",
        created=now - timedelta(days=10),
    )
    signed["proof"]["expires"] = "2026-10-01T00:00:00Z"
    result = verify_proof(signed, now=now, resolve=key_resolver())
    assert any("expired" in p for p in result.problems)


def test_proof_set_each_proof_verified_on_its_own() -> None:
    first = ed25519.Ed25519PrivateKey.generate()
    second = ec.generate_private_key(ec.SECP256R1())
    issuer = did_key_from_public_key(first.public_key())
    document = _credential(issuer, "eddsa-rdfc-2022")
    one = sign(
        document,
        private_key=first,
        verification_method=did_key_verification_method_id(first.public_key()),
        cryptosuite="eddsa-rdfc-2022",
    )
    two = sign(
        document,
        private_key=second,
        verification_method=did_key_verification_method_id(second.public_key()),
        cryptosuite="ecdsa-rdfc-2019",
    )
    both = {**document, "proof": [one["proof"], two["proof"]]}
    results = verify_proofs(both, resolve=key_resolver())
    assert [r.signature_valid for r in results] == [True, True]
    assert [r.controller_matches_issuer for r in results] == [True, False]
    assert verify_proof(both, resolve=key_resolver()) == results[1]


def test_no_proof_or_foreign_proof_raises() -> None:
    with pytest.raises(VerificationError):
        verify_proof(_credential("did:example:x", "eddsa-rdfc-2022"), resolve=key_resolver())
    with pytest.raises(VerificationError):
        verify_proof(
            {**_credential("did:example:x", "eddsa-rdfc-2022"), "proof": {"type": "JwtProof2020"}},
            resolve=key_resolver(),
        )


def test_unsupported_cryptosuite_is_reported_unchecked() -> None:
    document = {
        **_credential("did:example:x", "eddsa-rdfc-2022"),
        "proof": {
            "type": "DataIntegrityProof",
            "cryptosuite": "bbs-2023",
            "verificationMethod": "did:example:x#k",
            "proofPurpose": "assertionMethod",
            "proofValue": "u2V0",
        },
    }
    result = verify_proof(document, resolve=key_resolver())
    assert not result.signature_checked
    assert "bbs-2023" in result.problems[0]


def test_signing_refuses_mismatched_keys_and_undefined_terms() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    vm = did_key_verification_method_id(key.public_key())
    with pytest.raises(WalletError):
        sign(
            _credential("x", "ecdsa"),
            private_key=key,
            verification_method=vm,
            cryptosuite="ecdsa-rdfc-2019",
        )
    v1 = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:x",
        "issuanceDate": "2026-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:y"},
        "favouriteColour": "green",
    }
    with pytest.raises(MalformedCredential):
        sign(v1, private_key=key, verification_method=vm, cryptosuite="eddsa-rdfc-2022")
