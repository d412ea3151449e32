"""Property test: whatever bytes arrive, only WalletError escapes detect/parse.

Random bytes and mutated real vectors (byte flips, truncation, splicing) go to every family
module of this area and to ``wallet.formats.parse_credentials``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import struct
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PilImage

from wallet.errors import WalletError
from wallet.formats import (
    baked,
    ob2,
    parse_credentials,
    presentation,
    sd_jwt_vc,
    vc_jsonld,
    vc_jwt,
)

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
MODULES = (baked, sd_jwt_vc, vc_jwt, ob2, vc_jsonld)


def _b64(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def _seeds() -> list[bytes]:
    seeds = [p.read_bytes() for p in sorted((VECTORS / "w3c").glob("*.json"))]
    ob3 = seeds[1]
    header = _b64(b'{"alg":"EdDSA","typ":"vc+jwt"}')
    jwt = header + b"." + _b64(ob3) + b"." + _b64(b"s" * 64)
    disclosure = _b64(b'["salt","achievement_title","T"]')
    digest = _b64(hashlib.sha256(disclosure).digest()).decode()
    sd_payload = _b64(json.dumps({"vct": "urn:x", "_sd": [digest]}).encode())
    sd_jwt = header + b"." + sd_payload + b"." + _b64(b"s" * 64) + b"~" + disclosure + b"~"
    buffer = io.BytesIO()
    PilImage.new("RGB", (2, 2)).save(buffer, format="PNG")
    png = baked.bake_png(buffer.getvalue(), ob3, ob3=True)
    svg = baked.bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg"/>', jwt)
    vp = json.dumps({"type": ["VerifiablePresentation"],
                     "verifiableCredential": [json.loads(ob3), jwt.decode()]}).encode()
    itxt = b"openbadges\x00\x01\x00\x00\x00" + zlib.compress(b'{"type":"Assertion","badge":{}}')
    plain = buffer.getvalue()
    png_z = plain[:33] + struct.pack(">I", len(itxt)) + b"iTXt" + itxt + struct.pack(
        ">I", zlib.crc32(b"iTXt" + itxt)) + plain[33:]
    return [*seeds, jwt, sd_jwt, png, svg, vp, png_z]


SEEDS = _seeds()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(["flip", "truncate", "splice", "insert"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "truncate":
            del data[at:]
        elif action == "splice":
            other = draw(st.sampled_from(SEEDS))
            start = draw(st.integers(0, len(other)))
            data[at:] = other[start:]
        else:
            data[at:at] = draw(st.sampled_from([b"~", b".", b"{", b"]]>", b"\x00", b'"', b"=="]))
    return bytes(data)


def _feed(raw: bytes) -> None:
    for module in MODULES:
        assert isinstance(module.detect(raw), bool)
        with contextlib.suppress(WalletError):
            module.parse(raw)
    assert isinstance(presentation.detect(raw), bool)
    with contextlib.suppress(WalletError):
        presentation.split(raw)
    with contextlib.suppress(WalletError):
        parse_credentials(raw)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_real_vectors_raise_only_wallet_errors(raw: bytes) -> None:
    _feed(raw)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.binary(max_size=2048),
                 st.binary(max_size=256).map(lambda b: b"\x89PNG\r\n\x1a\n" + b),
                 st.binary(max_size=256).map(lambda b: b"eyJ" + b),
                 st.text(max_size=512).map(str.encode)))
def test_random_bytes_raise_only_wallet_errors(raw: bytes) -> None:
    _feed(raw)


def test_the_seeds_themselves_parse() -> None:
    # The mutations start from inputs that really are credentials (else the property is weak).
    parsed = 0
    for seed in SEEDS:
        try:
            parse_credentials(seed)
            parsed += 1
        except WalletError:
            pass
    assert parsed >= len(SEEDS) - 4  # the three key files and the controller document
