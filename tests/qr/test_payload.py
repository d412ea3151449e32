"""Every kind of QR text is named, and only credentials are decoded; nothing is fetched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.errors import FormatError
from wallet.qr.compact import encode_compact
from wallet.qr.encode import encode_for_qr
from wallet.qr.payload import identify_payload

W3C = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
OB3 = (W3C / "1edtech-obv3-ldp-signed-credential.json").read_bytes()
RFC_SD_JWT = (
    (
        Path(__file__).resolve().parents[1]
        / "assets"
        / "crypto"
        / "jose"
        / "rfc9901-a3-sd-jwt-vc.txt"
    )
    .read_text(encoding="ascii")
    .strip()
)
JWT = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxIn0.c2lnbmF0dXJl"


def test_kredo_compact_carries_the_exact_bytes() -> None:
    payload = identify_payload(encode_compact(OB3))
    assert (payload.kind, payload.credential) == ("kredo-compact", OB3)


def test_vpqr_is_decoded_by_the_vpqr_codec() -> None:
    from wallet.qr.vpqr import encode_vpqr

    document = json.loads(OB3)
    payload = identify_payload(encode_vpqr(document))
    assert payload.kind == "vpqr"
    assert payload.credential is not None
    assert json.loads(payload.credential) == document


def test_a_multi_part_frame_is_only_named() -> None:
    frame = encode_for_qr(OB3 * 3, max_frame_chars=400).frames[0]
    payload = identify_payload(frame)
    assert (payload.kind, payload.credential) == ("ur-part", None)


def test_bare_json_and_jwt_credentials() -> None:
    assert identify_payload(OB3.decode()).credential == OB3
    assert identify_payload(f"  {JWT}\n").kind == "jwt"
    sd_jwt = identify_payload(RFC_SD_JWT)
    assert (sd_jwt.kind, sd_jwt.credential) == ("jwt", RFC_SD_JWT.encode())


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("https://verify.muni.cz/c/123", "url", "did not open it"),
        (
            "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Fo%2F1",
            "openid4vci-offer",
            "did not contact the issuer",
        ),
        ("WIFI:S:cafe;T:WPA;P:secret;;", "unknown", "not a credential"),
    ],
)
def test_links_and_offers_are_described_not_followed(text: str, kind: str, words: str) -> None:
    payload = identify_payload(text)
    assert (payload.kind, payload.credential) == (kind, None)
    assert words in payload.sentence()


def test_a_damaged_kredo_code_raises_its_sentence() -> None:
    with pytest.raises(FormatError, match="Base45"):
        identify_payload(encode_compact(OB3)[:-1] + "a")
