"""What the QR reader tells a person about a half-read multi-part code, in English and in
Czech: counts of frames and parts take the right plural form, and a sentence made in Czech can
be shown again in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.errors import MalformedCredential
from wallet.qr.compact import decode_compact
from wallet.qr.encode import encode_for_qr
from wallet.qr.scan import scan_texts
from wallet.translation import Sentence

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
SYNTHETIC = (VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld").read_bytes()
ENCODING = encode_for_qr(SYNTHETIC)
FRAMES = ENCODING.frames


def _progress_after(count: int) -> str:
    result = scan_texts(FRAMES[:count])
    assert result.credentials == () and result.multipart is not None
    return result.multipart.sentence()


def test_one_frame_is_one_frame_in_english() -> None:
    total = ENCODING.fragments_needed
    assert total > 5
    assert _progress_after(1) == (
        f"1 of {total} parts of the multi-part QR code recovered from 1 frame."
    )
    assert _progress_after(3).endswith("recovered from 3 frames.")


def test_frames_take_the_three_czech_plural_forms(czech: None) -> None:
    assert _progress_after(1).endswith("; přečten 1 snímek.")
    assert _progress_after(3).endswith("; přečteny 3 snímky.")
    assert _progress_after(5).endswith("; přečteno 5 snímků.")
    assert _progress_after(5).startswith("Z vícedílného QR kódu se podařilo obnovit 5 z ")


def test_a_czech_message_can_be_shown_in_english(czech: None) -> None:
    (message,) = scan_texts(FRAMES[:2]).messages
    assert message.startswith("Z vícedílného QR kódu se podařilo obnovit 2 z ")
    assert message.endswith("Naskenujte další snímky kódu (v libovolném pořadí), aby byl úplný.")
    assert isinstance(message, Sentence)
    assert message.localized("en").endswith(
        "recovered from 2 frames. Scan more frames of the code (any order) to finish it."
    )


def test_a_damaged_code_is_explained_in_czech(czech: None) -> None:
    with pytest.raises(MalformedCredential) as caught:
        decode_compact("KR1:ZZZ")
    assert caught.value.message == (
        "Text Base45 v QR kódu je neplatný: skupina na pozici 0 je větší než dva bajty."
    )
