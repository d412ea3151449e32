"""VP1- codes: Kredo writes what the DCC wallet writes, reads what both npm libraries write,
and a credential comes back key for key, so its proof still verifies."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.crypto.data_integrity import sign
from wallet.did.did_key import did_key_from_public_key, did_key_verification_method_id
from wallet.formats import parse_credential
from wallet.qr.vpqr import decode_cborld, decode_vpqr, encode_cborld, encode_vpqr
from wallet.verify.engine import verify_credential, verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, VerificationReport

ASSETS = Path(__file__).resolve().parents[1] / "assets"
VPQR = ASSETS / "vpqr"
W3C = ASSETS / "vectors" / "w3c"
OB3_VECTOR = W3C / "1edtech-obv3-ldp-signed-credential.json"
OB3_CONTROLLER = W3C / "1edtech-obv3-ldp-controller-document.json"
CHALLENGE, DOMAIN = "kredo-vpqr-test", "verifier.example"

SOURCES = {
    "ob3-1edtech": OB3_VECTOR,
    "vp-ob3-vc1": VPQR / "vp-ob3-vc1.json",
    "vp-ob3-vc2": VPQR / "vp-ob3-vc2.json",
}
REFERENCE_CODES = sorted(path.name for path in VPQR.glob("*.txt"))
DCC_CODES = [name for name in REFERENCE_CODES if ".dcc-vpqr-" in name]
QR_ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]*")


def _json(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _source_of(code_name: str) -> dict[str, Any]:
    return _json(SOURCES[code_name.split(".", maxsplit=1)[0]])


def _signature(report: VerificationReport) -> CheckStatus:
    check = report.check("signature")
    assert check is not None
    return check.status


def _verify_ob3_vector(document: dict[str, Any]) -> VerificationReport:
    controller = _json(OB3_CONTROLLER)
    options = VerifyOptions(documents={controller["id"]: controller})
    return verify_credential(parse_credential(json.dumps(document).encode()), options=options)


def test_reference_codes_cover_every_source() -> None:
    assert {name.split(".")[0] for name in REFERENCE_CODES} == set(SOURCES)
    assert len(DCC_CODES) == 3


@pytest.mark.parametrize("name", DCC_CODES)
def test_kredo_writes_exactly_what_the_dcc_wallet_writes(name: str) -> None:
    # GIVEN a document and the code @digitalcredentials/vpqr 2.2.1 made of it
    expected = (VPQR / name).read_text(encoding="ascii")
    # WHEN Kredo encodes the same document THEN the text is identical, character for character
    assert encode_vpqr(_source_of(name)) == expected


@pytest.mark.parametrize("name", REFERENCE_CODES)
def test_kredo_reads_every_reference_code(name: str) -> None:
    # GIVEN a code written by either npm library, in any of its forms (0x0501, 0xcb1d, B, R)
    text = (VPQR / name).read_text(encoding="ascii")
    # THEN Kredo decodes it to exactly the document it was made from
    assert decode_vpqr(text) == _source_of(name)


def test_1edtech_ob3_vector_still_verifies_after_the_round_trip() -> None:
    original = _json(OB3_VECTOR)
    assert _signature(_verify_ob3_vector(original)) is CheckStatus.OK
    # WHEN it goes into a VP1- code and back
    text = encode_vpqr(original)
    decoded = decode_vpqr(text)
    # THEN nothing changed and the eddsa-rdfc-2022 proof verifies
    assert decoded == original
    assert _signature(_verify_ob3_vector(decoded)) is CheckStatus.OK
    # AND the text uses only QR alphanumeric characters and is much smaller than the JSON
    assert QR_ALPHANUMERIC.fullmatch(text)
    compact_json = json.dumps(original, separators=(",", ":")).encode()
    assert len(encode_cborld(original)) < 0.7 * len(compact_json)


def test_a_changed_byte_inside_the_code_breaks_the_signature() -> None:
    # GIVEN the DCC wallet's code for the 1EdTech credential, with one letter of the name changed
    text = (VPQR / "ob3-1edtech.dcc-vpqr-2.2.1.txt").read_text(encoding="ascii")
    cborld = base64.b32decode(text[len("VP1-B") :] + "=" * (-(len(text) - 5) % 8))
    assert cborld.count(b"Teamwork Badge") == 1
    tampered = cborld.replace(b"Teamwork Badge", b"Teamwork Bodge")
    # WHEN it is decoded THEN it still reads, but the proof no longer verifies
    decoded = decode_cborld(tampered)
    assert decoded["name"] == "Teamwork Bodge"
    assert _signature(_verify_ob3_vector(decoded)) is CheckStatus.FAILED


def _ed25519() -> Any:
    return ed25519.Ed25519PrivateKey.generate()


def _p256() -> Any:
    return ec.generate_private_key(ec.SECP256R1())


# (VC context, OB context, extra contexts, cryptosuite, key maker)
FRESH = {
    "vc2-ob3.0.3-eddsa": (
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        [],
        "eddsa-rdfc-2022",
        _ed25519,
    ),
    "vc2-ob3.0.2-ecdsa-p256": (
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        [],
        "ecdsa-rdfc-2019",
        _p256,
    ),
    "vc1-ob3.0.0-ed25519signature2020": (
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        ["https://w3id.org/security/suites/ed25519-2020/v1"],
        "Ed25519Signature2020",
        _ed25519,
    ),
    "vc1-ob3.0.1-eddsa": (
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        ["https://w3id.org/security/data-integrity/v2"],
        "eddsa-rdfc-2022",
        _ed25519,
    ),
}


def fresh_ob3(label: str) -> dict[str, Any]:
    """An OB 3.0 credential signed now with a new key, exercising every value codec."""
    vc_context, ob_context, extra, suite, make_key = FRESH[label]
    key = make_key()
    issuer = did_key_from_public_key(key.public_key())
    v2 = vc_context.endswith("/v2")
    credential = {
        "@context": [vc_context, ob_context, *extra],
        "id": "urn:uuid:2f5c0e0e-6a4b-4f0b-9a57-3c3b7f6c1a01",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer,
            "type": ["Profile"],
            "name": "Masarykova univerzita",
            "url": "https://www.muni.cz/",
        },
        ("validFrom" if v2 else "issuanceDate"): "2026-01-15T10:00:00Z",
        ("validUntil" if v2 else "expirationDate"): "2031-01-15T10:00:00.250Z",
        "name": "Základy datové analýzy",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://www.muni.cz/achievements/zda",
                "type": ["Achievement"],
                "name": "Základy datové analýzy",
                "description": "Mikrocertifikát, 4 ECTS, úroveň EQF 6.",
                "criteria": {"narrative": "Závěrečný projekt hodnocený dvěma vyučujícími."},
                "achievementType": "Certificate",
                "creditsAvailable": 4,
                "image": {"id": "https://www.muni.cz/badge.png", "type": "Image"},
            },
        },
    }
    return sign(
        credential,
        private_key=key,
        verification_method=did_key_verification_method_id(key.public_key()),
        cryptosuite=suite,
    )


@pytest.mark.parametrize("label", sorted(FRESH))
def test_freshly_signed_ob3_credential_round_trips_and_verifies(label: str) -> None:
    # GIVEN an OB 3.0 credential signed a moment ago with a new did:key
    credential = fresh_ob3(label)
    # WHEN it is encoded for a QR code and decoded again
    decoded = decode_vpqr(encode_vpqr(credential))
    # THEN it is the same JSON-LD, and every check that passed before passes now
    assert decoded == credential
    before = verify_credential(parse_credential(json.dumps(credential).encode()))
    after = verify_credential(parse_credential(json.dumps(decoded).encode()))
    assert _signature(after) is CheckStatus.OK
    assert [(c.id, c.status) for c in after.checks] == [(c.id, c.status) for c in before.checks]


@pytest.mark.parametrize("name", ["vp-ob3-vc1.json", "vp-ob3-vc2.json"])
def test_presentation_keeps_holder_proof_and_credential_proof(name: str) -> None:
    # GIVEN a signed presentation (holder proof with challenge and domain) of a signed badge
    presentation = _json(VPQR / name)
    # WHEN it goes through a VP1- code
    decoded = decode_vpqr(encode_vpqr(presentation))
    # THEN the holder proof and the credential's own proof both verify
    assert decoded == presentation
    report = verify_file_bytes(
        json.dumps(decoded).encode(), options=VerifyOptions(challenge=CHALLENGE, domain=DOMAIN)
    )
    holder = report.check("holder")
    assert holder is not None and holder.status is CheckStatus.OK
    assert [_signature(carried) for carried in report.credentials] == [CheckStatus.OK]


def test_presentation_with_the_wrong_challenge_is_still_refused_after_decoding() -> None:
    decoded = decode_vpqr((VPQR / "vp-ob3-vc2.dcc-vpqr-2.2.1.txt").read_text(encoding="ascii"))
    report = verify_file_bytes(
        json.dumps(decoded).encode(), options=VerifyOptions(challenge="another", domain=DOMAIN)
    )
    holder = report.check("holder")
    assert holder is not None and holder.status is CheckStatus.FAILED
