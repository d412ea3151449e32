"""Multi-part codes are put together from pictures in any order, with progress, and a frame
of another code is refused with a sentence."""

from __future__ import annotations

import random
from pathlib import Path

import cbor2
import pytest

from tests.qr.pictures import code
from wallet.errors import FormatError, QrPayloadTooLarge, SharingError
from wallet.limits import MAX_INFLATED_BYTES
from wallet.qr.assemble import MultiPartAssembler
from wallet.qr.encode import encode_for_qr
from wallet.qr.fountain import FountainEncoder
from wallet.qr.ur import multi_part_ur, single_part_ur
from wallet.qr.zlib_stream import compress

SYNTHETIC = (
    Path(__file__).resolve().parents[1]
    / "assets"
    / "vectors"
    / "cz"
    / "synthetic-muni-mc-unsigned.jsonld"
).read_bytes()


def test_pictures_in_any_order_with_progress() -> None:
    encoding = encode_for_qr(SYNTHETIC)
    assert not encoding.single
    pictures = [code(frame, scale=3) for frame in encoding.frames]
    random.Random(7).shuffle(pictures)
    assembler = MultiPartAssembler()
    assert assembler.progress.fragments_total is None
    seen = []
    for picture in pictures:
        assembler.add_image(picture)
        seen.append(assembler.progress.fragments_known)
        if assembler.complete:
            break
    assert seen == sorted(seen)  # progress only grows
    assert assembler.progress.fragments_total == encoding.fragments_needed
    assert assembler.progress.fraction == 1.0
    assert assembler.credential() == SYNTHETIC


def test_a_frame_of_another_code_is_refused_and_does_not_spoil_the_first() -> None:
    first = encode_for_qr(SYNTHETIC)
    other = encode_for_qr(SYNTHETIC.replace(b"Masaryk", b"Mendel"))
    assembler = MultiPartAssembler()
    assembler.add(first.frames[0])
    with pytest.raises(SharingError, match="different multi-part code"):
        assembler.add(other.frames[1])
    for frame in first.frames[1:]:
        assembler.add(frame)
    assert assembler.credential() == SYNTHETIC
    with pytest.raises(SharingError, match="different multi-part code"):
        assembler.add(other.frames[0])


def test_not_complete_says_how_far_it_got() -> None:
    encoding = encode_for_qr(SYNTHETIC)
    assembler = MultiPartAssembler()
    assembler.add(encoding.frames[0])
    with pytest.raises(SharingError, match=f"1 of {encoding.fragments_needed} parts"):
        assembler.credential()


def test_a_ur_of_another_type_is_not_a_credential() -> None:
    with pytest.raises(SharingError, match="carries 'crypto-psbt'"):
        MultiPartAssembler().add(single_part_ur("crypto-psbt", cbor2.dumps(b"psbt")))


def test_another_wallets_single_part_ur_with_the_plain_file() -> None:
    assembler = MultiPartAssembler()
    assembler.add(single_part_ur("bytes", cbor2.dumps(SYNTHETIC)).upper())
    assert assembler.credential() == SYNTHETIC


def test_a_multi_part_bomb_is_refused_after_reassembly() -> None:
    # GIVEN frames whose zlib stream (~17 KB) inflates to 17 MiB
    stream = compress(b"\0" * (MAX_INFLATED_BYTES + 1024 * 1024))
    encoder = FountainEncoder(cbor2.dumps(stream), 1000)
    assembler = MultiPartAssembler()
    for n in range(1, encoder.seq_len + 1):
        assembler.add(multi_part_ur("bytes", encoder.part(n)))
    assert assembler.complete
    # WHEN the credential is asked for THEN the cap refuses it
    with pytest.raises(QrPayloadTooLarge, match="more than 16 MiB"):
        assembler.credential()


def test_a_ur_whose_content_is_not_a_byte_string() -> None:
    assembler = MultiPartAssembler()
    assembler.add(single_part_ur("bytes", cbor2.dumps({"not": "bytes"})))
    with pytest.raises(FormatError, match="single byte string"):
        assembler.credential()
