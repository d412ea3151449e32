"""did:key, did:jwk and supplied controller documents resolve offline; web keys do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.crypto.multikey import multikey_from_public_key
from wallet.did import (
    did_jwk_from_public_key,
    did_key_from_public_key,
    did_key_verification_method_id,
    resolve_verification_method,
)
from wallet.errors import MalformedCredential, NetworkNotAllowed, UnsupportedDidMethod

W3C = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
OB3_VM = "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"


def _pair(name: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((W3C / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("file", ["eddsa-keyPair.json", "p256KeyPair.json", "p384KeyPair.json"])
def test_did_key_of_a_published_key(file: str) -> None:
    public = _pair(file)["publicKeyMultibase"]
    did = f"did:key:{public}"
    method = resolve_verification_method(f"{did}#{public}")
    assert method.id == f"{did}#{public}"
    assert method.controller == did
    assert multikey_from_public_key(method.public_key) == public  # type: ignore[arg-type]
    assert method.authorises("assertionMethod")
    assert method.authorises("authentication")
    assert not method.authorises("keyAgreement")


def test_did_key_without_fragment_is_its_only_key() -> None:
    key = ed25519.Ed25519PrivateKey.generate().public_key()
    did = did_key_from_public_key(key)
    assert resolve_verification_method(did).id == did_key_verification_method_id(key)


def test_did_key_with_a_foreign_fragment_is_malformed() -> None:
    public = _pair("eddsa-keyPair.json")["publicKeyMultibase"]
    other = _pair("p256KeyPair.json")["publicKeyMultibase"]
    with pytest.raises(MalformedCredential):
        resolve_verification_method(f"did:key:{public}#{other}")


def test_did_jwk_round_trip() -> None:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    did = did_jwk_from_public_key(key)
    method = resolve_verification_method(did + "#0")
    assert method.id == did + "#0"
    assert method.controller == did
    assert isinstance(method.public_key, ec.EllipticCurvePublicKey)
    assert method.public_key.public_numbers() == key.public_numbers()
    with pytest.raises(MalformedCredential):
        resolve_verification_method(did + "#1")


def test_supplied_controller_document_resolves_the_ob3_key() -> None:
    document = json.loads(
        (W3C / "1edtech-obv3-ldp-controller-document.json").read_text(encoding="utf-8")
    )
    method = resolve_verification_method(OB3_VM, documents={document["id"]: document})
    assert method.controller == "https://example.edu/issuers/565049"
    assert method.type == "Multikey"
    assert method.relationships == frozenset({"assertionMethod"})
    assert isinstance(method.public_key, ed25519.Ed25519PublicKey)


def test_controller_document_by_reference_and_relative_id() -> None:
    key = ed25519.Ed25519PrivateKey.generate().public_key()
    document = {
        "id": "did:web:school.example",
        "verificationMethod": [
            {
                "id": "#key-1",
                "type": "Multikey",
                "controller": "did:web:school.example",
                "publicKeyMultibase": multikey_from_public_key(key),
            }
        ],
        "authentication": ["did:web:school.example#key-1"],
    }
    method = resolve_verification_method(
        "did:web:school.example#key-1", documents={"did:web:school.example": document}
    )
    assert method.relationships == frozenset({"authentication"})
    with pytest.raises(MalformedCredential):
        resolve_verification_method(
            "did:web:school.example#key-2", documents={"did:web:school.example": document}
        )


@pytest.mark.parametrize("vm", [OB3_VM, "did:web:school.example#key-1", "http://a.example/k"])
def test_web_keys_need_the_network_and_say_so(vm: str) -> None:
    with pytest.raises(NetworkNotAllowed):
        resolve_verification_method(vm)


def test_unsupported_did_method() -> None:
    with pytest.raises(UnsupportedDidMethod, match="did:example"):
        resolve_verification_method("did:example:123#k")


def test_controller_document_for_another_identifier_is_refused() -> None:
    document = {"id": "https://other.example/issuer", "assertionMethod": []}
    with pytest.raises(MalformedCredential):
        resolve_verification_method(OB3_VM, documents={OB3_VM.partition("#")[0]: document})


def test_a_credential_signed_under_an_unsupported_did_method_is_skipped_not_passed() -> None:
    # GIVEN a real eddsa-rdfc-2022 proof whose key is named under did:example
    from datetime import UTC, datetime

    from wallet.crypto.data_integrity import sign
    from wallet.verify.engine import verify_file_bytes
    from wallet.verify.report import CheckStatus

    key = ed25519.Ed25519PrivateKey.generate()
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:university",
        "credentialSubject": {"id": "did:example:learner"},
    }
    signed = sign(
        credential,
        private_key=key,
        verification_method="did:example:university#key-1",
        cryptosuite="eddsa-rdfc-2022",
        created=datetime(2026, 1, 1, tzinfo=UTC),
    )

    report = verify_file_bytes(json.dumps(signed).encode())

    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.SKIPPED
    assert signature.message == "Kredo cannot resolve keys of the DID method did:example."


@pytest.mark.parametrize("point", ["CompressedPoint", "UncompressedPoint"])
def test_a_secp256k1_2019_key_in_hex_is_read(point: str) -> None:
    # GIVEN a controller document whose EcdsaSecp256k1VerificationKey2019 carries its SEC 1
    # point in publicKeyHex (the form did:ethr and early EBSI documents use)
    key = ec.generate_private_key(ec.SECP256K1()).public_key()
    encoded = key.public_bytes(serialization.Encoding.X962,
                               getattr(serialization.PublicFormat, point))
    did = "did:example:k1"
    document = {"id": did, "verificationMethod": [{
        "id": f"{did}#k", "type": "EcdsaSecp256k1VerificationKey2019", "controller": did,
        "publicKeyHex": encoded.hex()}], "assertionMethod": [f"{did}#k"]}
    # WHEN resolved, THEN it is that key, authorised for assertions
    method = resolve_verification_method(f"{did}#k", documents={did: document})
    assert method.public_key == key
    assert method.authorises("assertionMethod")


@pytest.mark.parametrize(("key_type", "value"), [
    ("EcdsaSecp256k1VerificationKey2019", "02" + "ff" * 32),  # not on the curve
    ("JsonWebKey2020", "02" + "11" * 32),  # hex is read only for the 2019 secp256k1 type
])
def test_a_bad_or_foreign_hex_key_is_refused(key_type: str, value: str) -> None:
    did = "did:example:k1"
    document = {"id": did, "verificationMethod": [{
        "id": f"{did}#k", "type": key_type, "controller": did, "publicKeyHex": value}]}
    with pytest.raises(MalformedCredential):
        resolve_verification_method(f"{did}#k", documents={did: document})
