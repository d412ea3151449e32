"""ecdsa-sd-2023 on the W3C vectors: derived proofs verify, base proofs stay the holder's."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from wallet.crypto.data_integrity import verify_proof
from wallet.did import key_resolver

ASSETS = Path(__file__).resolve().parents[1] / "assets"
DERIVED = ASSETS / "realworld" / "w3c-di" / "ecdsa-sd-2023-derivedRevealDocument.json"
BASE = ASSETS / "realworld" / "w3c-di" / "ecdsa-sd-2023-base-addSignedSDBase.json"


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


def test_w3c_base_proof_is_unchecked_not_forged() -> None:
    result = verify_proof(_load(BASE), resolve=key_resolver())
    assert not result.signature_checked
    assert not result.signature_valid
    assert "holder" in result.problems[0]
