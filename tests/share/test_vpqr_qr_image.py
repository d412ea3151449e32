"""A VP1- code through a real QR image: drawn with ``qrcode`` in alphanumeric mode, read
back with zxing-cpp, decoded, verified."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import qrcode
import qrcode.constants
import qrcode.util
import zxingcpp
from PIL import Image

from wallet.qr.vpqr import decode_vpqr, encode_vpqr
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus

VPQR = Path(__file__).resolve().parents[1] / "assets" / "vpqr"
CHALLENGE, DOMAIN = "kredo-vpqr-test", "verifier.example"


def _qr_image(text: str) -> tuple[Image.Image, int]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=3, border=4)
    segment = qrcode.util.QRData(text.encode("ascii"), mode=qrcode.util.MODE_ALPHA_NUM)
    code.add_data(segment)
    code.make(fit=True)
    image = code.make_image().get_image().convert("L")
    return image, int(code.version)


def _read(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("name", ["vp-ob3-vc1.json", "vp-ob3-vc2.json"])
def test_presentation_through_a_qr_image_verifies(name: str) -> None:
    presentation: dict[str, Any] = json.loads((VPQR / name).read_text(encoding="utf-8"))
    # GIVEN the presentation as one alphanumeric QR code at error correction level M
    text = encode_vpqr(presentation)
    image, version = _qr_image(text)
    assert version <= 40
    # WHEN a scanner reads the image
    scanned = _read(image)
    # THEN it finds exactly the text, which decodes to the presentation, which verifies
    assert scanned == [text]
    decoded = decode_vpqr(scanned[0])
    assert decoded == presentation
    report = verify_file_bytes(
        json.dumps(decoded).encode(), options=VerifyOptions(challenge=CHALLENGE, domain=DOMAIN)
    )
    holder = report.check("holder")
    assert holder is not None and holder.status is CheckStatus.OK
    signatures = [carried.check("signature") for carried in report.credentials]
    assert [check.status if check else None for check in signatures] == [CheckStatus.OK]


def test_dcc_wallet_code_scans_from_an_image() -> None:
    text = (VPQR / "ob3-1edtech.dcc-vpqr-2.2.1.txt").read_text(encoding="ascii")
    image, _ = _qr_image(text)
    assert _read(image) == [text]
    assert decode_vpqr(_read(image)[0])["name"] == "Teamwork Badge"
