"""Every published W3C / 1EdTech Data Integrity vector, checked as the reference verifier does.

The W3C vectors' signatures are valid but their keys are not the issuer's (the reference
verifier rejects them for that alone); the 1EdTech OB 3.0 vector, given its controller
document, passes every check.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from wallet.crypto.data_integrity import sign, verify_proof
from wallet.crypto.multikey import private_key_from_multikey
from wallet.did import key_resolver

W3C = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
OB3 = "1edtech-obv3-ldp-signed-credential.json"
W3C_SIGNED = [
    "eddsa-rdfc-2022-signedDataInt.json",
    "eddsa-rdfc-2022-employ-signedDataInt.json",
    "ed25519signature2020-signedEdSig.json",
    # JSON Canonicalization (RFC 8785) instead of RDFC-1.0; the proof carries its @context.
    "jcs-sd/eddsa-jcs-2022-signedJCS.json",
    "ecdsa-rdfc-2019-p256-signedECDSAP256.json",
    "ecdsa-rdfc-2019-p256-employ-signedECDSAP256.json",
    "ecdsa-rdfc-2019-p384-signedECDSAP384.json",
    # Three blank nodes: labelled by RDFC-1.0 with SHA-384, as vc-di-ecdsa requires for P-384.
    "ecdsa-rdfc-2019-p384-employ-signedECDSAP384.json",
    # Selectively disclosed by the holder: the issuer's base signature covers the mandatory
    # statements, the holder's ephemeral key each disclosed one.
    "jcs-sd/ecdsa-sd-2023-employ-derivedRevealDocument.json",
    "jcs-sd/ecdsa-sd-2023-prc-derivedRevealDocument.json",
    # The issuer's base proofs they were derived from: HMAC-labelled statements, split by the
    # mandatory pointer /issuer, each non-mandatory one signed by the ephemeral key.
    "jcs-sd/ecdsa-sd-2023-employ-addSignedSDBase.json",
    "jcs-sd/ecdsa-sd-2023-prc-addSignedSDBase.json",
]
EDDSA_SIGNED = W3C_SIGNED[:4]
ECDSA_KEYS = {
    "ecdsa-rdfc-2019-p256-signedECDSAP256.json": "p256KeyPair.json",
    "ecdsa-rdfc-2019-p384-signedECDSAP384.json": "p384KeyPair.json",
    "ecdsa-rdfc-2019-p384-employ-signedECDSAP384.json": "p384KeyPair.json",
}


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((W3C / name).read_text(encoding="utf-8"))
    return data


def _controller_documents() -> dict[str, dict[str, Any]]:
    document = _load("1edtech-obv3-ldp-controller-document.json")
    return {document["id"]: document}


def _secret(pair_file: str) -> Any:
    pair = _load(pair_file)
    return private_key_from_multikey(pair.get("secretKeyMultibase") or pair["privateKeyMultibase"])


def test_vector_list_covers_every_signed_file() -> None:
    # jcs-sd/ holds the suites beyond RDFC (a folder of its own: tests/formats parses the top)
    signed = {p.relative_to(W3C).as_posix() for p in [*W3C.glob("*.json"), *W3C.glob("jcs-sd/*")]
              if "proof" in _load(p.relative_to(W3C).as_posix())}
    assert signed == {*W3C_SIGNED, OB3}


@pytest.mark.parametrize("name", W3C_SIGNED)
def test_w3c_vector_signature_valid_but_key_is_not_the_issuers(name: str) -> None:
    result = verify_proof(_load(name), resolve=key_resolver())
    # THEN the mathematics holds, the purpose is right ...
    assert result.signature_checked
    assert result.signature_valid
    assert result.purpose_ok
    # ... and the one finding is the reference verifier's: issuer ≠ key controller
    assert result.controller_matches_issuer is False
    assert len(result.problems) == 1
    assert "not to" in result.problems[0]
    assert not result.ok


def test_ob3_vector_with_its_controller_document_is_fully_good() -> None:
    result = verify_proof(_load(OB3), resolve=key_resolver(_controller_documents()))
    assert result.cryptosuite == "eddsa-rdfc-2022"
    assert result.controller == "https://example.edu/issuers/565049"
    assert result.signature_valid
    assert result.controller_matches_issuer is True
    assert result.problems == ()
    assert result.ok


def test_ob3_vector_without_controller_document_is_unchecked_not_forged() -> None:
    result = verify_proof(_load(OB3), resolve=key_resolver())
    assert not result.signature_checked
    assert not result.signature_valid
    assert "online" in result.problems[0]


@pytest.mark.parametrize("name", EDDSA_SIGNED)
def test_resigning_eddsa_vectors_reproduces_the_published_proof(name: str) -> None:
    # GIVEN the vector without its proof, and the published Ed25519 key pair
    document = _load(name)
    published = document.pop("proof")
    # WHEN Kredo signs it with the same method, suite and creation time
    signed = sign(
        document,
        private_key=_secret("eddsa-keyPair.json"),
        verification_method=published["verificationMethod"],
        cryptosuite=published.get("cryptosuite") or published["type"],
        created=published["created"],
    )
    # THEN the proof is byte-identical (Ed25519 is deterministic)
    assert signed["proof"] == published


@pytest.mark.parametrize(("name", "pair"), sorted(ECDSA_KEYS.items()))
def test_resigning_ecdsa_vectors_verifies(name: str, pair: str) -> None:
    document = _load(name)
    published = document.pop("proof")
    signed = sign(
        document,
        private_key=_secret(pair),
        verification_method=published["verificationMethod"],
        cryptosuite="ecdsa-rdfc-2019",
        created=published["created"],
    )
    # ECDSA is randomized: a different value, equally valid
    assert signed["proof"]["proofValue"] != published["proofValue"]
    assert verify_proof(signed, resolve=key_resolver()).signature_valid


def _tamper_claim(document: dict[str, Any]) -> None:
    subject = document["credentialSubject"]
    key = next(k for k in subject if k not in ("id", "type"))
    subject[key] = "Someone Else"


def _truncate_proof_value(document: dict[str, Any]) -> None:
    document["proof"]["proofValue"] = document["proof"]["proofValue"][:-4]


def _swap_to_other_ed25519_key(document: dict[str, Any]) -> None:
    other = "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
    document["proof"]["verificationMethod"] = f"{other}#{other[8:]}"


def _swap_to_p256_key(document: dict[str, Any]) -> None:
    public = _load("p256KeyPair.json")["publicKeyMultibase"]
    document["proof"]["verificationMethod"] = f"did:key:{public}#{public}"


def _change_proof_type(document: dict[str, Any]) -> None:
    proof = document["proof"]
    if proof["type"] == "DataIntegrityProof":
        proof["type"] = "Ed25519Signature2020"
        del proof["cryptosuite"]
    else:
        proof["type"] = "DataIntegrityProof"
        proof["cryptosuite"] = "eddsa-rdfc-2022"


def _change_created(document: dict[str, Any]) -> None:
    document["proof"]["created"] = "2023-02-24T23:36:39Z"


TAMPERINGS = {
    "claim": _tamper_claim,
    "truncated-proofValue": _truncate_proof_value,
    "other-ed25519-key": _swap_to_other_ed25519_key,
    "p256-key": _swap_to_p256_key,
    "proof-type": _change_proof_type,
    "created": _change_created,
}


@pytest.mark.parametrize("tamper", sorted(TAMPERINGS))
@pytest.mark.parametrize("name", EDDSA_SIGNED)
def test_tampered_eddsa_vectors_fail(name: str, tamper: str) -> None:
    document = copy.deepcopy(_load(name))
    TAMPERINGS[tamper](document)
    result = verify_proof(document, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid
    assert not result.ok
    assert result.problems


@pytest.mark.parametrize("tamper", ["claim", "truncated-proofValue", "created"])
@pytest.mark.parametrize("name", W3C_SIGNED[4:])
def test_tampered_ecdsa_vectors_fail(name: str, tamper: str) -> None:
    document = copy.deepcopy(_load(name))
    TAMPERINGS[tamper](document)
    result = verify_proof(document, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


def test_tampered_ob3_vector_fails_even_with_its_controller_document() -> None:
    document = _load(OB3)
    document["credentialSubject"]["achievement"]["name"] = "Leadership"
    result = verify_proof(document, resolve=key_resolver(_controller_documents()))
    assert result.signature_checked
    assert not result.signature_valid
    assert result.controller_matches_issuer is True
