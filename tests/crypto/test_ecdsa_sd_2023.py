"""ecdsa-sd-2023 on the W3C vectors: derived proofs verify, and so do the issuer's base proofs."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wallet.crypto.data_integrity import verify_proof
from wallet.did import key_resolver

ASSETS = Path(__file__).resolve().parents[1] / "assets"
DERIVED = ASSETS / "realworld" / "w3c-di" / "ecdsa-sd-2023-derivedRevealDocument.json"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_w3c_derived_proof_signature_valid_but_key_is_not_the_issuers() -> None:
    # GIVEN the W3C windsurf credential, disclosed selectively, signed by a did:key
    # WHEN Kredo verifies the derived proof offline
    result = verify_proof(_load(DERIVED), resolve=key_resolver())
    # THEN base signature and every disclosed statement hold; only the binding fails
    assert result.cryptosuite == "ecdsa-sd-2023"
    assert result.signature_checked
    assert result.signature_valid
    assert result.controller_matches_issuer is False


def test_w3c_derived_proof_with_a_changed_sail_fails() -> None:
    document = copy.deepcopy(_load(DERIVED))
    document["credentialSubject"]["sails"][0]["size"] = 9.9
    result = verify_proof(document, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


def test_w3c_derived_proof_with_a_hidden_statement_dropped_fails() -> None:
    # GIVEN the holder removes one disclosed board after deriving
    document = copy.deepcopy(_load(DERIVED))
    document["credentialSubject"]["boards"].pop()
    result = verify_proof(document, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


W3C = ASSETS / "vectors" / "w3c"
BASES = [W3C / "jcs-sd" / "ecdsa-sd-2023-prc-addSignedSDBase.json",
         W3C / "jcs-sd" / "ecdsa-sd-2023-employ-addSignedSDBase.json"]


@pytest.mark.parametrize("path", BASES, ids=["prc", "employ"])
def test_a_w3c_base_proof_is_checked_for_the_holder(path: Path) -> None:
    # GIVEN the issuer's base proof from the W3C vectors (mandatory pointer /issuer)
    # WHEN Kredo checks it, as for a holder importing it
    result = verify_proof(_load(path), resolve=key_resolver())
    # THEN the issuer's base signature and all 20 statement signatures hold (the did:key is
    # the vectors' key, not the issuer's: that is the binding, not the signature)
    assert result.cryptosuite == "ecdsa-sd-2023"
    assert result.signature_checked
    assert result.signature_valid, result.problems


@pytest.mark.parametrize(("where", "change"), [
    ("mandatory", lambda d: d["issuer"].update(image="data:image/png;base64,AAAA")),
    ("non-mandatory", lambda d: d["credentialSubject"].update(givenName="JOHANA")),
    ("dropped", lambda d: d["credentialSubject"].pop("gender")),
])
def test_a_changed_base_document_fails(where: str, change: Callable[[dict[str, Any]], Any]) -> None:
    # GIVEN the prc base credential changed in a mandatory statement, an optional one, or
    # with a statement dropped
    document = copy.deepcopy(_load(BASES[0]))
    change(document)
    # WHEN checked, THEN the signature is proven not to cover it
    result = verify_proof(document, resolve=key_resolver())
    assert result.signature_checked, where
    assert not result.signature_valid, where


def test_a_base_proof_whose_mandatory_pointer_no_longer_matches_fails() -> None:
    # GIVEN the issuer removed from a base credential whose mandatory pointer is /issuer
    document = copy.deepcopy(_load(BASES[0]))
    document["issuer"] = document["issuer"]["id"]
    # THEN the pointer no longer selects what was signed: proven changed
    result = verify_proof(document, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid



def test_a_base_document_with_a_list_is_not_checked_and_not_called_forged() -> None:
    # GIVEN a base credential that holds an RDF list (an @list term), whose statements JSON-LD
    # labels anew in every selection, so the mandatory ones cannot be told apart
    document = copy.deepcopy(_load(BASES[0]))
    document["@context"] = [*document["@context"], {
        "steps": {"@id": "https://kredo.example/vocabulary#steps", "@container": "@list"}}]
    document["credentialSubject"]["steps"] = ["apply", "interview"]
    # WHEN checked
    result = verify_proof(document, resolve=key_resolver())
    # THEN nothing is proven either way: not checked, with the reason
    assert not result.signature_checked
    assert "list" in result.problems[0]
