"""eddsa-jcs-2022 and ecdsa-jcs-2019 (P-256, P-384): the W3C vectors of the real-world corpus,
fresh keys, and what JCS protects that RDFC-1.0 would not."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.crypto.data_integrity import sign, verify_proof
from wallet.crypto.jwk import PrivateKey
from wallet.did import did_key_from_public_key, did_key_verification_method_id, key_resolver

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "realworld" / "w3c-di"
ECDSA_JCS_VECTORS = ["ecdsa-jcs-2019-p256-signedJCSECDSAP256.json",
                     "ecdsa-jcs-2019-p384-signedJCSECDSAP384.json"]
KEYS: dict[str, tuple[str, Any]] = {
    "eddsa-jcs-2022": ("eddsa-jcs-2022", None),
    "ecdsa-jcs-2019 P-256": ("ecdsa-jcs-2019", ec.SECP256R1()),
    "ecdsa-jcs-2019 P-384": ("ecdsa-jcs-2019", ec.SECP384R1()),
}


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", ECDSA_JCS_VECTORS)
def test_w3c_ecdsa_jcs_vector_signature_valid_but_key_is_not_the_issuers(name: str) -> None:
    # GIVEN the W3C ecdsa-jcs-2019 vector, signed by a did:key that is not its issuer
    # WHEN Kredo verifies it offline
    result = verify_proof(_load(name), resolve=key_resolver())
    # THEN the signature is proven; the only finding is the issuer binding
    assert result.cryptosuite == "ecdsa-jcs-2019"
    assert result.signature_checked
    assert result.signature_valid
    assert result.controller_matches_issuer is False
    assert len(result.problems) == 1


@pytest.mark.parametrize("name", ECDSA_JCS_VECTORS)
def test_w3c_ecdsa_jcs_vector_altered_fails(name: str) -> None:
    document = _load(name)
    document["credentialSubject"]["alumniOf"] = "The School of Forgeries"
    result = verify_proof(document, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


def _signed(label: str, document: dict[str, Any]) -> dict[str, Any]:
    cryptosuite, curve = KEYS[label]
    key: PrivateKey = (ec.generate_private_key(curve) if curve
                       else ed25519.Ed25519PrivateKey.generate())
    document = {**document, "issuer": did_key_from_public_key(key.public_key())}
    return sign(document, private_key=key, cryptosuite=cryptosuite,
                verification_method=did_key_verification_method_id(key.public_key()))


def _credential() -> dict[str, Any]:
    document = _load("eddsa-jcs-2022-signedJCS.json")
    del document["proof"]
    return document


@pytest.mark.parametrize("label", sorted(KEYS))
def test_kredo_signs_and_verifies_with_fresh_keys(label: str) -> None:
    signed = _signed(label, _credential())
    # The proof carries the document's @context, as Create Proof step 2 asks
    assert signed["proof"]["@context"] == signed["@context"]
    result = verify_proof(signed, resolve=key_resolver())
    assert result.ok, result.problems
    assert result.controller_matches_issuer is True


@pytest.mark.parametrize("label", sorted(KEYS))
def test_jcs_protects_members_no_context_defines(label: str) -> None:
    # GIVEN a credential with a member no JSON-LD context defines (RDFC would drop it)
    document = {**_credential(), "undefinedByAnyContext": "5 ECTS"}
    signed = _signed(label, document)
    assert verify_proof(signed, resolve=key_resolver()).ok
    # WHEN that member is changed
    changed = {**copy.deepcopy(signed), "undefinedByAnyContext": "50 ECTS"}
    # THEN the JCS signature no longer holds
    assert not verify_proof(changed, resolve=key_resolver()).signature_valid


@pytest.mark.parametrize("label", sorted(KEYS))
def test_a_proof_context_the_document_does_not_start_with_is_refused(label: str) -> None:
    signed = _signed(label, _credential())
    signed["@context"] = list(reversed(signed["@context"]))
    result = verify_proof(signed, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid
    assert "context" in result.problems[0]
