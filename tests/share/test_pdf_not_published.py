"""A credential whose issuer publishes no revocation status: its PDF says "not published" for
that check, never OK (there is nothing to confirm), in English and in Czech."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.share.pdf_reading import pdf_text
from wallet.formats import parse_credential
from wallet.share.annex_labels import label
from wallet.share.pdf import credential_pdf
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions

W3C = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
OB3 = W3C / "1edtech-obv3-ldp-signed-credential.json"
OB3_CONTROLLER = json.loads((W3C / "1edtech-obv3-ldp-controller-document.json").read_text())


def no_qr(raw: bytes) -> bytes | None:
    return None


@pytest.mark.parametrize(("lang", "words"), [("en", "not published"), ("cs", "nezveřejněno")])
def test_the_status_check_reads_not_published(lang: str, words: str) -> None:
    # GIVEN the 1EdTech OB 3.0 credential (no credentialStatus), verified with its key document
    raw = OB3.read_bytes()
    credential = parse_credential(raw)
    report = verify_credential(
        credential, options=VerifyOptions(documents={OB3_CONTROLLER["id"]: OB3_CONTROLLER})
    )
    status = report.check("status")
    assert status is not None and status.status.value == "ok"
    # WHEN its PDF is made in that language
    text = pdf_text(credential_pdf(credential, raw, lang=lang, report=report, qr_renderer=no_qr))
    # THEN the revocation line says "not published", and not OK
    revocation = label("check_status", lang)
    assert f"{revocation}: {words}" in text
    assert f"{revocation}: {label('result_ok', lang)}" not in text
    # AND the checks that did confirm something still read OK
    assert f"{label('check_signature', lang)}: {label('result_ok', lang)}" in text
