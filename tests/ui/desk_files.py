"""Files an employer receives, for the verification desk's tests: real vectors, tampered copies,
and credentials and presentations signed here with fresh keys (times of today, so holder
proofs and key-binding JWTs are fresh)."""

from __future__ import annotations

import io
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PIL import Image

from tests.robustness.corpus import (
    ob2_assertion,
    ob3_document,
    sd_jwt_claims,
    signers,
    vc_jwt_payload,
)
from tests.ui.conftest import VECTORS
from wallet.crypto.jws import sign_compact_jws
from wallet.crypto.sd_jwt import present
from wallet.did.did_key import did_key_verification_method_id
from wallet.formats import baked

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
EDC_XML = VECTORS / "edc" / "edc-v1-xml-credential-xades-signed.xml"
CHALLENGE, DOMAIN = "job-4711", "hr.example.cz"
SD_SHOWN = ("achievement_title", "given_name", "family_name", "ects_points")


def tampered_copy(source: Path, folder: Path, old: bytes, new: bytes) -> Path:
    """``source`` with one signed value changed (the change must be there to make)."""
    data = source.read_bytes()
    assert old in data, f"{old!r} not in {source.name}"
    copy = folder / f"tampered-{source.name}"
    copy.write_bytes(data.replace(old, new, 1))
    return copy


def ob3_signed(title: str = "Základy kryptografie") -> bytes:
    keys = signers()
    return keys.data_integrity(ob3_document(keys.ed_did, 1, title=title), "eddsa-rdfc-2022")


def vc_jwt() -> bytes:
    keys = signers()
    return keys.vc_jwt(vc_jwt_payload(keys.ed_did))


def ob2_signed() -> bytes:
    return signers().ob2_signed(ob2_assertion())


def baked_png() -> bytes:
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), (30, 90, 160)).save(picture, format="PNG")
    return baked.bake_png(picture.getvalue(), ob3_signed(), ob3=True)


def sd_jwt_with_key_binding() -> bytes:
    """An EUDI learning credential presented with only ``SD_SHOWN``, bound to the challenge
    and domain: issuing authority, EQF level, outcomes and date are withheld."""
    keys = signers()
    clear, disclosed = sd_jwt_claims(keys.p256_did)
    token = keys.sd_jwt(clear, disclosed, with_key_binding=False).decode("ascii")
    return present(token, list(SD_SHOWN), holder_key=keys.holder_key, nonce=CHALLENGE,
                   audience=DOMAIN, now=datetime.now(UTC)).encode("ascii")


def jwt_presentation() -> bytes:
    """A VP-JWT signed by its holder for the challenge and domain, carrying a VC-JWT."""
    keys = signers()
    holder = keys.ed_did
    payload: dict[str, Any] = {
        "iss": holder, "nonce": CHALLENGE, "aud": DOMAIN, "iat": int(time.time()),
        "vp": {"@context": ["https://www.w3.org/ns/credentials/v2"],
               "type": ["VerifiablePresentation"], "holder": holder,
               "verifiableCredential": [vc_jwt().decode()]},
    }
    header = {"typ": "JWT", "kid": did_key_verification_method_id(keys.ed_key.public_key())}
    return sign_compact_jws(header, json.dumps(payload).encode(), keys.ed_key).encode()


def enveloped_presentation() -> bytes:
    """An unsigned VP carrying a VC-JWT as an ``EnvelopedVerifiableCredential``."""
    return json.dumps({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [{
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["EnvelopedVerifiableCredential"],
            "id": "data:application/vc+jwt," + vc_jwt().decode()}],
    }).encode()
