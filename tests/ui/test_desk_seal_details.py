"""The desk's expert details of a real seal show its certificate's fingerprint, validity and
issuing authority under readable labels, in English and in Czech."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from tests.ui.desk_files import SEALED
from ui.desk_checks import DeskCheck
from wallet.verify.engine import verify_file_bytes

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kredo_cs.qm"
FINGERPRINT = "c858624a53802dca996625b4f987c372d55c0979bde9b513b63e7137aa6abf04"


def test_the_seal_certificate_facts_are_in_the_expert_details(qtbot: QtBot) -> None:
    # GIVEN the EU sealed sample's signature check
    signature = verify_file_bytes(SEALED.read_bytes()).check("signature")
    assert signature is not None
    # WHEN the desk shows it
    card = DeskCheck(signature)
    qtbot.addWidget(card)
    text = card.details.text()
    # THEN the expert details name the certificate's fingerprint, validity and issuer
    assert f"Certificate fingerprint (SHA-256): {FINGERPRINT}" in text
    assert "Certificate valid from: 2023-05-11 14:31:15 UTC" in text
    assert "Certificate valid until: 2025-05-10 14:31:15 UTC" in text
    assert "Certificate issued by: CN=ANF AC Qualified Certificates for eSeal" in text
    # AND in Czech, under Czech labels
    translator = QTranslator()
    assert translator.load(str(CATALOGUE))
    QCoreApplication.installTranslator(translator)
    try:
        czech = DeskCheck(signature)
        qtbot.addWidget(czech)
        assert f"Otisk certifikátu (SHA-256): {FINGERPRINT}" in czech.details.text()
        assert "Certifikát platný do: 2025-05-10 14:31:15 UTC" in czech.details.text()
        assert "Certifikát vydal: CN=ANF AC" in czech.details.text()
    finally:
        QCoreApplication.removeTranslator(translator)
