"""Which QR code the wallet makes by default, and what it tells the learner about it: the DCC's
VPQR where the credential fits one code (other wallets read it), else Kredo's single code,
else Kredo's animation with an estimate of the time a phone needs to scan it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from tests.app.share_fixtures import OB3, SEALED_EDC, VECTORS, repository, store
from wallet.app.qr_sharing import (
    FRAMES_PER_SECOND,
    QrEncodingChoice,
    QrKind,
    ScanEstimate,
    choose_qr_encoding,
    stored_credential_qr_image,
)
from wallet.errors import SharingError
from wallet.qr.scan import scan_files
from wallet.qr.vpqr import decode_vpqr
from wallet.store.repository import CredentialRepository
from wallet.verify.engine import verify_file_bytes

__all__ = ["repository"]  # a fixture of share_fixtures, used by name

# A W3C test vector whose `alumniOf` no bundled context defines: fits one code, not VPQR.
UNDEFINED_TERM_VC = VECTORS / "w3c" / "ecdsa-rdfc-2019-p256-signedECDSAP256.json"


def test_a_small_badge_becomes_a_vpqr_code_that_round_trips_through_an_image(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN an Open Badge 3.0 in the wallet, small enough for one VPQR code
    [badge] = store(repository, OB3)
    out = tmp_path / "badge.png"
    # WHEN the learner writes its QR code without choosing an encoding
    image = stored_credential_qr_image(repository, badge, out)
    # THEN the wallet chose VPQR and says so honestly
    assert image.choice.kind is QrKind.VPQR
    assert image.choice.readers() == (
        "Any wallet that reads DCC VPQR codes (such as the DCC Learner Credential Wallet) "
        "can scan this code, and so can Kredo."
    )
    assert image.choice.scan_estimate() is None
    # AND zxing-cpp reads the rendered PNG back to the VP1- text written
    [read] = zxingcpp.read_barcodes(Image.open(out))
    assert read.text == image.encoding.frames[0] and read.text.startswith("VP1-B")
    # AND the project's VPQR reader turns it back into the badge, key for key
    document = decode_vpqr(read.text)
    assert document == json.loads(OB3.read_bytes())
    # AND the badge out of the code gets the same verdict as the stored one
    restored = verify_file_bytes(json.dumps(document).encode())
    assert restored.status == verify_file_bytes(OB3.read_bytes()).status
    # AND Kredo's own scanner knows it as a VPQR code
    [found] = scan_files([out]).credentials
    assert found.kind == "vpqr"


def test_a_credential_vpqr_cannot_carry_gets_kredos_single_code_and_says_only_kredo_reads_it(
) -> None:
    # GIVEN a credential with a property no bundled JSON-LD context defines
    # WHEN its code is chosen
    choice = choose_qr_encoding(UNDEFINED_TERM_VC.read_bytes())
    # THEN it is Kredo's single code, and the plain text says only Kredo can read it
    assert choice.kind is QrKind.KREDO_SINGLE
    assert choice.encoding.frames[0].startswith("KR1:")
    assert choice.explanation() == (
        "Only Kredo can read this code. This credential cannot be written in the VPQR form "
        "that other wallets read."
    )
    # AND the technical reason and the figures are for the expert details only
    assert "alumniOf" not in choice.explanation()
    assert "'alumniOf' has no definition" in choice.expert_details()
    assert choice.expert_details().startswith("1 QR code: 950 bytes compressed to ")


def test_a_sealed_edc_becomes_an_animation_with_an_estimate_of_its_scanning_time() -> None:
    # GIVEN a sealed EDC of 150 kB (a JAdES envelope: no JSON-LD at its top)
    # WHEN its code is chosen
    choice = choose_qr_encoding(SEALED_EDC.read_bytes())
    # THEN it is Kredo's animation, and only Kredo reads it
    assert choice.kind is QrKind.KREDO_ANIMATED
    assert choice.readers() == "Only Kredo can read this animated code."
    # AND the estimate follows from the frames needed at the animation's frame rate
    estimate = choice.scan_estimate()
    assert estimate is not None and FRAMES_PER_SECOND == 5
    assert estimate.frames_needed == choice.encoding.fragments_needed == 83
    assert (estimate.seconds, estimate.loop_seconds) == (17, 34)
    assert "Expect about 17 seconds of steady scanning" in choice.explanation()
    # AND the frame figures are left to the expert details
    assert "bytes per frame" not in choice.explanation()
    assert "686 bytes per frame" in choice.expert_details()


@pytest.mark.parametrize(
    ("needed", "loop", "expected"),
    [
        (80, 164, "Expect about 16 seconds of steady scanning: the code shows 5 frames a "
                  "second and a phone that catches every frame needs 80 of them. One that "
                  "misses some keeps reading for up to one full loop (33 s)."),
        (3, 10, "Expect about 1 second of steady scanning: the code shows 5 frames a second "
                "and a phone that catches every frame needs 3 of them. One that misses some "
                "keeps reading for up to one full loop (2 s)."),
    ],
)
def test_the_scan_estimate_in_plain_words(needed: int, loop: int, expected: str) -> None:
    # GIVEN an animation of `loop` frames of which a phone needs `needed`, at 5 frames a second
    # WHEN the estimate is put in words
    # THEN it rounds up to whole seconds and states its assumption
    assert ScanEstimate(needed, loop, FRAMES_PER_SECOND).sentence() == expected


def test_the_estimate_speaks_czech(czech: None) -> None:
    # GIVEN the interface in Czech WHEN the estimate of 80 frames is put in words
    # THEN the seconds take the Czech plural form
    sentence = ScanEstimate(80, 164, FRAMES_PER_SECOND).sentence()
    assert sentence.startswith("Počítejte asi s 16 sekundami plynulého snímání")


def test_kredos_code_can_be_forced_and_vpqr_forced_says_why_it_cannot_be() -> None:
    # GIVEN a badge that fits VPQR WHEN Kredo's code is asked for by name THEN that is made
    forced = choose_qr_encoding(OB3.read_bytes(), encoding=QrEncodingChoice.KREDO)
    assert forced.kind is QrKind.KREDO_SINGLE and forced.vpqr_refusal is None
    assert forced.explanation() == "Only Kredo can read this code."
    # GIVEN a sealed EDC WHEN VPQR is asked for by name THEN the refusal is a sentence
    with pytest.raises(SharingError, match="VPQR carries only JSON-LD credentials"):
        choose_qr_encoding(SEALED_EDC.read_bytes(), encoding=QrEncodingChoice.VPQR)
