"""Baked badges: PNG iTXt and SVG round trips, and hostile images refused within bounds."""

from __future__ import annotations

import io
import json
import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image as PilImage

from wallet.errors import InputTooLarge, MalformedCredential, NotACredential, WalletError
from wallet.formats import baked
from wallet.model import CredentialFormat

OB3 = (Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
       / "1edtech-obv3-ldp-signed-credential.json").read_bytes()
SVG = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
       b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<circle cx="5" cy="5" r="4"/></svg>')


def png_image() -> bytes:
    buffer = io.BytesIO()
    PilImage.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def with_chunk(png: bytes, extra: bytes) -> bytes:
    """``extra`` inserted right after IHDR (signature 8 + IHDR 25 bytes)."""
    return png[:33] + extra + png[33:]


def test_png_round_trip_keeps_the_credential_bytes_and_the_image() -> None:
    # GIVEN a real PNG made with Pillow and the 1EdTech OB 3.0 vector
    png = png_image()
    # WHEN the credential is baked in and read back
    baked_png = baked.bake_png(png, OB3, ob3=True)
    assert baked.detect(baked_png)
    credential = baked.parse(baked_png)
    # THEN the inner bytes are the credential's, raw is the image, and the image still decodes
    assert credential.inner == OB3
    assert credential.signed_bytes == OB3
    assert credential.raw == baked_png
    assert credential.format is CredentialFormat.VC_JSONLD
    assert credential.title == "Teamwork Badge"
    assert credential.view.images[0].role == "badge"
    assert credential.view.images[0].data == baked_png
    assert PilImage.open(io.BytesIO(baked_png)).size == (8, 8)
    # AND baking again replaces the badge instead of adding a second one
    assert baked.parse(baked.bake_png(baked_png, OB3, ob3=True)).inner == OB3


def test_ob2_keyword_and_compressed_itxt_are_read() -> None:
    assertion = json.dumps({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
                            "recipient": {"hashed": False, "identity": "a@b.c"},
                            "badge": {"name": "Compressed"}}).encode()
    data = b"openbadges\x00\x01\x00\x00\x00" + zlib.compress(assertion)
    credential = baked.parse(with_chunk(png_image(), chunk(b"iTXt", data)))
    assert credential.format is CredentialFormat.OB2
    assert credential.inner == assertion
    assert credential.title == "Compressed"


def test_svg_round_trip_with_json_in_cdata_and_jwt_in_verify() -> None:
    baked_svg = baked.bake_svg(SVG, OB3.strip())
    assert baked.detect(baked_svg)
    credential = baked.parse(baked_svg)
    assert credential.inner == OB3.strip()
    assert credential.media_type == "image/svg+xml"
    assert credential.title == "Teamwork Badge"
    assert b"<![CDATA[" in baked_svg
    token = b"eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln"
    assert baked.extract_from_svg(baked.bake_svg(SVG, token)) == token


def test_a_png_without_a_badge_is_not_a_credential() -> None:
    with pytest.raises(NotACredential):
        baked.parse(png_image())


def test_a_png_declaring_a_2_gb_chunk_is_refused_at_once() -> None:
    png = png_image()
    hostile = png[:33] + struct.pack(">I", 2 * 1024**3) + b"iTXt" + b"x" * 64
    started = time.monotonic()
    with pytest.raises(InputTooLarge):
        baked.parse(hostile)
    assert time.monotonic() - started < 1


def test_a_chunk_longer_than_the_file_is_malformed() -> None:
    png = png_image()
    with pytest.raises(MalformedCredential, match="truncated"):
        baked.parse(png[:33] + struct.pack(">I", 1000) + b"iTXt" + b"x" * 10)
    with pytest.raises(MalformedCredential, match="truncated"):
        baked.parse(baked.bake_png(png, OB3, ob3=True)[:60])


def test_a_deflate_bomb_in_itxt_stops_at_the_inflate_cap() -> None:
    bomb = zlib.compress(b"\x00" * (17 * 1024 * 1024), 9)  # ~17 KB that inflate to 17 MB
    data = b"openbadgecredential\x00\x01\x00\x00\x00" + bomb
    with pytest.raises(InputTooLarge):
        baked.parse(with_chunk(png_image(), chunk(b"iTXt", data)))


def test_a_damaged_badge_chunk_checksum_is_malformed() -> None:
    good = chunk(b"iTXt", b"openbadgecredential\x00\x00\x00\x00\x00" + OB3)
    bad = good[:-1] + bytes([good[-1] ^ 1])
    with pytest.raises(MalformedCredential, match="checksum"):
        baked.parse(with_chunk(png_image(), bad))


@pytest.mark.parametrize("svg", [
    # external entity
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential '
    b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">&xxe;</openbadges:credential></svg>',
    # billion laughs
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode()
               for i in range(9))
    + b']><svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential '
      b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">&j;</openbadges:credential></svg>',
])
def test_svg_entities_are_refused_before_parsing(svg: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(MalformedCredential, match="entities"):
        baked.parse(svg)
    assert time.monotonic() - started < 1


def test_broken_svg_raises_typed_errors() -> None:
    with pytest.raises(WalletError):
        baked.parse(b'<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential')
    hosted = (b'<svg xmlns="http://www.w3.org/2000/svg"><openbadges:assertion '
              b'xmlns:openbadges="http://openbadges.org" verify="https://x.example/a.json"/></svg>')
    with pytest.raises(NotACredential, match="does not fetch"):
        baked.parse(hosted)
