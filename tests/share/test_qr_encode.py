"""encode_for_qr: one code where it fits, fountain frames where not, and honest figures."""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

import pytest

from wallet.errors import QrPayloadTooLarge, SharingError
from wallet.qr.base45 import ALPHABET
from wallet.qr.compact import decode_compact
from wallet.qr.encode import (
    DEFAULT_MAX_FRAME_CHARS,
    MAX_FRAMES,
    QR_VERSION_40_M_CHARS,
    encode_for_qr,
)
from wallet.qr.scan import scan_texts

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
OB3 = (VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json").read_bytes()
SEALED = (VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld").read_bytes()
QR_ALPHANUMERIC = set(ALPHABET)


def test_a_small_credential_is_one_compact_code() -> None:
    encoding = encode_for_qr(OB3)
    assert encoding.single and len(encoding.frames) == 1
    assert encoding.frames[0].startswith("KR1:")
    assert set(encoding.frames[0]) <= QR_ALPHANUMERIC
    assert decode_compact(encoding.frames[0]) == OB3
    assert (encoding.payload_bytes, encoding.compressed_bytes) == (
        len(OB3),
        len(zlib.compress(OB3, 9)),
    )
    assert encoding.fragments_needed == 1
    assert encoding.summary() == (
        f"1 QR code: 1,471 bytes compressed to {encoding.compressed_bytes:,}, "
        f"{encoding.frame_chars:,} characters."
    )


def test_the_sealed_edc_needs_an_animation_within_the_frame_limit() -> None:
    encoding = encode_for_qr(SEALED)
    assert not encoding.single
    assert encoding.frame_chars <= DEFAULT_MAX_FRAME_CHARS
    assert all(set(frame) <= QR_ALPHANUMERIC for frame in encoding.frames)
    assert all(frame.startswith("UR:BYTES/") for frame in encoding.frames)
    # Every fragment once, then as many mixed frames again (and a few more).
    assert len(encoding.frames) == 2 * encoding.fragments_needed + 4
    assert encoding.fragments_needed * encoding.bytes_per_frame >= encoding.compressed_bytes
    assert f"{encoding.fragments_needed} frames needed" in encoding.summary()
    assert f"{encoding.bytes_per_frame:,} bytes per frame" in encoding.summary()


def test_pure_frames_alone_are_enough() -> None:
    encoding = encode_for_qr(SEALED)
    result = scan_texts(encoding.frames[: encoding.fragments_needed])
    assert [found.raw for found in result.credentials] == [SEALED]


@pytest.mark.parametrize("limit", [200, 600, 1451, 3391])
def test_every_frame_respects_the_asked_limit(limit: int) -> None:
    encoding = encode_for_qr(OB3 * 4, max_frame_chars=limit)
    assert encoding.frame_chars <= limit
    assert encoding.max_frame_chars == limit
    assert scan_texts(encoding.frames).credentials[0].raw == OB3 * 4


def test_smaller_frames_mean_more_of_them() -> None:
    large = encode_for_qr(SEALED, max_frame_chars=QR_VERSION_40_M_CHARS)
    small = encode_for_qr(SEALED, max_frame_chars=800)
    assert small.fragments_needed > large.fragments_needed
    assert small.bytes_per_frame < large.bytes_per_frame


@pytest.mark.parametrize("limit", [50, 4000])
def test_a_frame_limit_outside_what_a_qr_code_holds(limit: int) -> None:
    with pytest.raises(SharingError, match="between 120 and 3391 characters"):
        encode_for_qr(OB3, max_frame_chars=limit)


def test_nothing_to_encode() -> None:
    with pytest.raises(SharingError, match="nothing"):
        encode_for_qr(b"")


def test_a_file_needing_too_many_frames_is_refused_with_a_sentence() -> None:
    # Random bytes do not compress: 300 KB in 120-character frames needs far too many.
    noise = hashlib.shake_256(b"noise").digest(300_000)
    with pytest.raises(QrPayloadTooLarge, match=f"at most {MAX_FRAMES:,}"):
        encode_for_qr(noise, max_frame_chars=120)
