"""Every credential format: credential → QR picture(s) → zxing-cpp → verify gives the verdict
the file itself gets, check by check. Large ones travel as multi-part codes, with a fifth of
the frames lost and the rest shuffled; tampered credentials fail through the QR as in files."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.qr.pictures import code
from wallet.crypto.jws import sign_compact_jws
from wallet.did.did_key import did_key_from_public_key, did_key_verification_method_id
from wallet.formats import parse_credential
from wallet.qr.decode import decode_image, decode_image_bytes
from wallet.qr.encode import encode_for_qr
from wallet.qr.render import frames_apng
from wallet.qr.scan import scan_texts
from wallet.share.presentation import build_presentation, presentation_bytes
from wallet.verify.engine import verify_file_bytes
from wallet.verify.report import VerificationReport

ASSETS = Path(__file__).resolve().parents[1] / "assets"
VECTORS = ASSETS / "vectors"
FILES = [
    VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json",
    VECTORS / "w3c" / "eddsa-rdfc-2022-signedDataInt.json",
    VECTORS / "w3c" / "ecdsa-rdfc-2019-p384-signedECDSAP384.json",
    VECTORS / "w3c" / "ed25519signature2020-signedEdSig.json",
    VECTORS / "edc" / "elm-v3.2-credential-sample-minimal.jsonld",
    VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld",
    VECTORS / "edc" / "Sample-CertOfPart-signed.jsonld",
    VECTORS / "edc" / "edc-v1-xml-credential-xades-signed.xml",
    ASSETS / "crypto" / "jose" / "rfc9901-a3-sd-jwt-vc.txt",
]


def verdict(report: VerificationReport) -> tuple[object, ...]:
    return (
        report.format,
        report.status,
        tuple((check.id, check.status) for check in report.checks),
        tuple(verdict(inner) for inner in report.credentials),
    )


def through_pictures(raw: bytes, *, drop: float = 0.0, seed: int = 0) -> bytes:
    """Encode, draw every frame, lose ``drop`` of them, shuffle, read them back with zxing."""
    encoding = encode_for_qr(raw)
    frames = list(encoding.frames)
    rng = random.Random(seed)
    rng.shuffle(frames)
    kept = frames[: len(frames) - int(len(frames) * drop)]
    texts = [text for frame in kept for text in decode_image(code(frame, scale=2))]
    assert len(texts) == len(kept)
    result = scan_texts(texts)
    assert result.messages == ()
    (found,) = result.credentials
    return found.raw


def fresh_vc_jwt() -> bytes:
    key = ed25519.Ed25519PrivateKey.generate()
    issuer = did_key_from_public_key(key.public_key())
    payload = {
        "iss": issuer,
        "jti": "urn:uuid:8a3c3f0e-1d2b-4c5d-9e6f-7a8b9c0d1e2f",
        "sub": "did:example:learner",
        "nbf": int(datetime(2026, 1, 15, tzinfo=UTC).timestamp()),
        "vc": {
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": ["VerifiableCredential"],
            "issuer": {"id": issuer, "name": "Masarykova univerzita"},
            "issuanceDate": "2026-01-15T00:00:00Z",
            "credentialSubject": {"id": "did:example:learner", "ects": 4},
        },
    }
    header = {"alg": "EdDSA", "typ": "JWT", "kid": did_key_verification_method_id(key.public_key())}
    return sign_compact_jws(header, json.dumps(payload).encode(), key).encode("ascii")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_vector_through_qr_gets_the_files_verdict(path: Path) -> None:
    raw = path.read_bytes().strip() if path.suffix == ".txt" else path.read_bytes()
    back = through_pictures(raw)
    assert back == raw
    assert verdict(verify_file_bytes(back)) == verdict(verify_file_bytes(raw))


def test_fresh_vc_jwt_verifies_through_its_qr_code() -> None:
    token = fresh_vc_jwt()
    assert encode_for_qr(token).single
    report = verify_file_bytes(through_pictures(token))
    assert report.check("signature").status.value == "ok"  # type: ignore[union-attr]
    assert verdict(report) == verdict(verify_file_bytes(token))


def test_a_signed_presentation_through_qr() -> None:
    holder = ed25519.Ed25519PrivateKey.generate()
    credentials = [
        parse_credential((VECTORS / "w3c" / "eddsa-rdfc-2022-signedDataInt.json").read_bytes()),
        parse_credential(fresh_vc_jwt()),
    ]
    vp = presentation_bytes(build_presentation(credentials, holder_key=holder, challenge="c-42"))
    back = through_pictures(vp)
    assert back == vp
    assert verdict(verify_file_bytes(back)) == verdict(verify_file_bytes(vp))


@pytest.mark.slow
def test_sealed_edc_as_an_animation_with_a_fifth_of_the_frames_lost() -> None:
    # GIVEN the 150 KB sealed EU sample, which needs an animated code
    raw = (VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld").read_bytes()
    encoding = encode_for_qr(raw)
    assert not encoding.single and encoding.fragments_needed > 50
    # WHEN a reader sees its APNG with 20 % of the frames missed and in a shuffled order
    frames = [text for text in decode_image_bytes(frames_apng(encoding.frames, scale=2))]
    assert frames == list(encoding.frames)
    random.Random(2026).shuffle(frames)
    result = scan_texts(frames[: len(frames) * 4 // 5])
    # THEN the exact sealed bytes come back, with the file's verdict (seal intact)
    (found,) = result.credentials
    assert found.raw == raw
    report = verify_file_bytes(found.raw)
    assert verdict(report) == verdict(verify_file_bytes(raw))
    assert report.check("signature").status.value == "warning"  # type: ignore[union-attr]


def test_a_tampered_credential_fails_through_qr_as_its_file_does() -> None:
    original = (VECTORS / "w3c" / "eddsa-rdfc-2022-signedDataInt.json").read_bytes()
    tampered = original.replace(b"Alumni", b"Alumnx")
    assert tampered != original
    report = verify_file_bytes(through_pictures(tampered))
    assert report.status.value == "failed"
    assert verdict(report) == verdict(verify_file_bytes(tampered))
