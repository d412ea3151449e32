"""Open Badges 2.0 assertions: hosted JSON and signed JWS."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from wallet.crypto.jws_compact import CompactJws
from wallet.errors import NotACredential, WalletError
from wallet.formats import ob2, vc_jsonld, vc_jwt
from wallet.model import CredentialFormat

# Shaped after the hosted assertion example of the Open Badges 2.0 specification.
HOSTED: dict[str, Any] = {
    "@context": "https://w3id.org/openbadges/v2",
    "type": "Assertion",
    "id": "https://example.org/beths-robotics-badge.json",
    "recipient": {"type": "email", "hashed": False, "identity": "beth@example.org"},
    "image": "https://example.org/beths-robot-badge.png",
    "evidence": "https://example.org/beths-robot-work.html",
    "issuedOn": "2016-12-31T23:59:59Z",
    "expires": "2030-12-31T23:59:59Z",
    "badge": {
        "type": "BadgeClass",
        "id": "https://example.org/robotics-badge.json",
        "name": "Awesome Robotics Badge",
        "description": "For doing awesome things with robots that people think is pretty great.",
        "image": "https://example.org/robotics-badge.png",
        "criteria": {"narrative": "Build a robot that climbs stairs."},
        "issuer": {"type": "Profile", "id": "https://example.org/organization.json",
                   "name": "An Example Badge Issuer", "url": "https://example.org",
                   "email": "steved@example.org"},
        "alignment": [{"targetName": "EQF 4", "targetFramework": "EQF", "targetCode": "4"}],
    },
    "verification": {"type": "hosted"},
}


def test_hosted_assertion_maps_badge_issuer_and_dates() -> None:
    raw = json.dumps(HOSTED, indent=2).encode()
    assert ob2.detect(raw)
    assert not vc_jsonld.detect(raw)
    credential = ob2.parse(raw)
    assert credential.raw == raw
    assert credential.format is CredentialFormat.OB2
    view = credential.view
    assert credential.title == "Awesome Robotics Badge"
    assert view.issuer is not None and view.issuer.email == "steved@example.org"
    assert view.issuer.identifier == "https://example.org/organization.json"
    assert view.issued == datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert view.valid_until is not None and view.valid_until.year == 2030
    assert view.learner_identifier == "beth@example.org"
    assert view.assessment is not None and "stairs" in view.assessment.pick("en")
    assert view.eqf_level == 4
    assert [i.url for i in view.images] == ["https://example.org/beths-robot-badge.png",
                                            "https://example.org/robotics-badge.png"]


def test_badge_given_only_as_url_and_hashed_recipient_show_nothing_invented() -> None:
    hashed = "sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5"
    doc = {**HOSTED, "badge": "https://example.org/robotics-badge.json",
           "recipient": {"type": "email", "hashed": True, "salt": "s", "identity": hashed}}
    view = ob2.parse(json.dumps(doc).encode()).view
    assert view.title is None and view.issuer is None and view.learner_identifier is None


def test_signed_assertion_is_a_jws_over_the_assertion() -> None:
    # GIVEN an assertion signed with RS256 as OB 2.0 "signed" verification describes
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    doc = {**HOSTED, "verification": {"type": "signed",
                                      "creator": "https://example.org/public-key.pem"}}

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = b64(json.dumps({"alg": "RS256"}).encode())
    signing_input = f"{header}.{b64(json.dumps(doc).encode())}"
    token = signing_input + "." + b64(
        key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256()))
    # WHEN parsed
    assert ob2.detect(token.encode()) and not vc_jwt.detect(token.encode())
    credential = ob2.parse(token.encode())
    # THEN the payload is the assertion and the signature covers the parsed signing input
    assert credential.document == doc
    assert credential.media_type == "application/jwt"
    jws = CompactJws.from_text(token)
    key.public_key().verify(jws.signature, jws.signing_input, padding.PKCS1v15(), hashes.SHA256())


@pytest.mark.parametrize("raw", [
    b'{"type": "BadgeClass", "name": "x"}',
    b'{"type": "Assertion"}',
    b'{"type": "Assertion", "badge": ',
])
def test_non_assertions_raise_typed_errors(raw: bytes) -> None:
    assert not ob2.detect(raw)
    with pytest.raises(WalletError):
        ob2.parse(raw)
    if raw.endswith(b"}"):
        with pytest.raises(NotACredential):
            ob2.parse(raw)


EDUBADGES = (Path(__file__).resolve().parents[1] / "assets" / "realworld" / "edubadges"
             / "educredentials-ob3-microcredential-ects-unsigned.json")


def test_a_quality_assurance_alignment_is_not_a_learning_outcome() -> None:
    # GIVEN an OB 2.0 badge aligned, as edubadges' badges are, to an accreditation decision
    # (the real alignment objects of an educredentials example) and to a learning standard
    real = json.loads(EDUBADGES.read_text(encoding="utf-8"))
    edubadges_alignments = real["credentialSubject"]["achievement"]["alignment"]
    standard = {"targetName": "Build a stair-climbing robot",
                "targetFramework": "Robotics curriculum", "targetCode": "R-1"}
    assertion = {**HOSTED, "badge": {**HOSTED["badge"],
                                     "alignment": [*edubadges_alignments, standard]}}
    # WHEN it is read
    view = ob2.parse(json.dumps(assertion).encode()).view
    # THEN only the standard is shown as learnt; the EQF level is still read as the level
    assert [o.pick("en") for o in view.learning_outcomes] == ["Build a stair-climbing robot"]
    assert view.eqf_level == 4
    # AND the accreditation decision is shown as what it is: quality assurance
    assert view.quality_assurance is not None
    quality = view.quality_assurance.pick("en")
    assert quality is not None and quality.startswith("M Psychological Assessment")
    assert "Build a stair-climbing robot" not in quality
