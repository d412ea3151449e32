"""Proof sets and proof chains (VC Data Integrity 1.0 §4.2 and §4.4) on the W3C vectors and on
chains Kredo builds.

The newest W3C vectors (``tests/assets/vectors/w3c/proof-set-chain``) sign with did:key, so
every proof is checked offline; the older copies in the real-world corpus name https keys:
offline they stay unchecked (never "forged"), and with the published keys as controller
documents every proof holds.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.crypto.data_integrity import ProofOptions, add_proof, verify_proofs
from wallet.did import did_key_from_public_key, did_key_verification_method_id, key_resolver

ASSETS = Path(__file__).resolve().parents[1] / "assets"
VECTORS = ASSETS / "vectors" / "w3c" / "proof-set-chain"
CORPUS = ASSETS / "realworld" / "w3c-di"
SIGNED = ["signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json",
          "signedProofChain2.json"]
OLD_CHAIN = "eddsa-rdfc-2022-proof-chain-signedProofChain2.json"
OLD_SET = "eddsa-rdfc-2022-proof-set-signedProofSet1.json"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _published_key_documents(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Controller documents for the vectors' https keys, each holding the Multikey the W3C
    published for it (``multiKeyPairs.json``; the key id's fragment is that key)."""
    published = {pair["publicKeyMultibase"]
                 for pair in _load(VECTORS / "multiKeyPairs.json").values()}
    documents = {}
    for proof in document["proof"] if isinstance(document["proof"], list) else [document["proof"]]:
        method = proof["verificationMethod"]
        controller, _, key = method.partition("#")
        assert key in published
        documents[controller] = {
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": controller,
            "verificationMethod": [{"id": method, "type": "Multikey", "controller": controller,
                                    "publicKeyMultibase": key}],
            "assertionMethod": [method],
        }
    return documents


@pytest.mark.parametrize("name", SIGNED)
def test_every_proof_of_the_w3c_sets_and_chains_is_valid(name: str) -> None:
    # GIVEN a W3C proof set or chain signed with did:key
    document = _load(VECTORS / name)
    # WHEN Kredo verifies every proof
    results = verify_proofs(document, resolve=key_resolver())
    # THEN each signature holds (chained ones over the proofs they endorse); only the
    # reference verifier's issuer rule fails, as for every W3C vector
    assert len(results) == len(as_ids(document["proof"]))
    for result in results:
        assert result.signature_checked
        assert result.signature_valid, result.problems
        assert result.controller_matches_issuer is False


def test_chain2_has_chained_proofs() -> None:
    proofs = _load(VECTORS / "signedProofChain2.json")["proof"]
    assert [("previousProof" in p) for p in proofs] == [False, False, True, True]


@pytest.mark.parametrize("name", [OLD_CHAIN, OLD_SET])
def test_corpus_copies_with_https_keys_are_unchecked_offline_not_forged(name: str) -> None:
    results = verify_proofs(_load(CORPUS / name), resolve=key_resolver())
    for result in results:
        assert not result.signature_checked
        assert not result.signature_valid
        assert "online" in result.problems[0]


@pytest.mark.parametrize("name", [OLD_CHAIN, OLD_SET])
def test_corpus_copies_hold_with_the_published_keys(name: str) -> None:
    # GIVEN the corpus file and the keys the W3C published for its https key ids
    document = _load(CORPUS / name)
    # WHEN those keys are given as controller documents
    results = verify_proofs(document, resolve=key_resolver(_published_key_documents(document)))
    # THEN every proof, chained or not, is mathematically valid
    assert results
    assert all(result.signature_valid for result in results)


def test_altering_an_endorsed_proof_breaks_the_proofs_that_build_on_it() -> None:
    # GIVEN chain 2: proofs 1 and 2 sign the document; 3 endorses 1 and 2; 4 endorses 3
    document = copy.deepcopy(_load(VECTORS / "signedProofChain2.json"))
    # WHEN proof 2's creation time is changed
    document["proof"][1]["created"] = "2024-01-01T00:00:00Z"
    validity = [r.signature_valid for r in verify_proofs(document, resolve=key_resolver())]
    # THEN proof 2 fails, and so does proof 3 that signed over it; 1 and 4 are untouched
    assert validity == [True, False, False, True]


def test_a_chain_whose_earlier_proof_was_removed_is_not_valid() -> None:
    # GIVEN chain 1 with the proof that the last one endorses taken out
    document = copy.deepcopy(_load(VECTORS / "signedProofChain1.json"))
    endorsed = document["proof"][-1]["previousProof"]
    document["proof"] = [p for p in document["proof"] if p.get("id") not in as_ids(endorsed)]
    # WHEN verified
    last = verify_proofs(document, resolve=key_resolver())[-1]
    # THEN the chained proof says the chain was cut; it is not valid
    assert last.signature_checked
    assert not last.signature_valid
    assert "no longer carries" in last.problems[0]


def as_ids(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _key() -> tuple[ed25519.Ed25519PrivateKey, str, str]:
    key = ed25519.Ed25519PrivateKey.generate()
    return (key, did_key_from_public_key(key.public_key()),
            did_key_verification_method_id(key.public_key()))


@pytest.mark.parametrize("cryptosuite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_kredo_builds_a_chain_that_verifies(cryptosuite: str) -> None:
    # GIVEN a credential from an issuer, and a second party who endorses the issuer's proof
    issuer_key, issuer, issuer_method = _key()
    notary_key, _, notary_method = _key()
    credential = _load(VECTORS / "signedProofSet1.json")
    del credential["proof"]
    credential["issuer"] = issuer
    first = add_proof(credential, private_key=issuer_key, cryptosuite=cryptosuite,
                      options=ProofOptions(verification_method=issuer_method,
                                           proof_id="urn:uuid:first"))
    # WHEN the second proof is chained to the first
    chained = add_proof(first, private_key=notary_key, cryptosuite=cryptosuite,
                        options=ProofOptions(verification_method=notary_method,
                                             previous_proof="urn:uuid:first"))
    results = verify_proofs(chained, resolve=key_resolver())
    # THEN both hold; the issuer's proof is the issuer's, the chained one endorses it
    assert chained["proof"][1]["previousProof"] == "urn:uuid:first"
    assert [r.signature_valid for r in results] == [True, True]
    assert results[0].ok
    # AND dropping the endorsed proof leaves the chained one unverifiable
    cut = {**chained, "proof": [chained["proof"][1]]}
    assert not verify_proofs(cut, resolve=key_resolver())[0].signature_valid
