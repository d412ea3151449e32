"""QC statements and the sealing organisation, read from the sample seal certificates."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from wallet.crypto.qc_statements import QC_STATEMENTS_OID, PdsLocation, QcInfo, read_qc_statements
from wallet.crypto.x509_subject import ORGANIZATION_IDENTIFIER, seal_subject

EDC = Path(__file__).resolve().parent.parent / "assets" / "vectors" / "edc"


def _seal_certificate(name: str) -> x509.Certificate:
    document = json.loads((EDC / name).read_bytes())
    protected = document["signatures"][0]["protected"]
    header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
    return x509.load_der_x509_certificate(base64.b64decode(header["x5c"][0]))


def _self_made(
    extensions: list[x509.ExtensionType], subject: list[x509.NameAttribute]
) -> x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(subject)
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=1))
    )
    for extension in extensions:
        builder = builder.add_extension(extension, critical=False)
    return builder.sign(key, hashes.SHA256())


@pytest.mark.parametrize(
    ("name", "pds"),
    [
        ("Sample-MC-Annex1-signed.jsonld", ()),
        ("jades-baseline-lta-minimal-vp.json", (PdsLocation("https://anf.es/en/", "en"),)),
    ],
)
def test_sample_seal_certificates_claim_a_qualified_eseal(
    name: str, pds: tuple[PdsLocation, ...]
) -> None:
    qc = read_qc_statements(_seal_certificate(name))

    assert qc.present and not qc.unreadable
    assert qc.qualified
    assert qc.types == ("eseal",)
    assert qc.qualified_eseal
    assert qc.retention_years == 15
    assert qc.pds == pds
    # These test certificates do not claim a qualified signature creation device.
    assert not qc.qscd


def test_certificate_without_qc_statements_claims_nothing() -> None:
    cert = _self_made([], [x509.NameAttribute(NameOID.COMMON_NAME, "plain")])

    assert read_qc_statements(cert) == QcInfo()
    assert not read_qc_statements(cert).qualified_eseal


def test_qscd_and_esign_type_are_told_apart_from_eseal() -> None:
    # GIVEN QcCompliance, QcSSCD and QcType esign, DER-encoded by hand (EN 319 412-5 §4)
    compliance = bytes.fromhex("3008060604008e460101")
    qscd = bytes.fromhex("3008060604008e460104")
    esign = bytes.fromhex("060704008e46010601")  # id-etsi-qct-esign
    qc_type = bytes.fromhex("060604008e460106") + b"\x30" + bytes([len(esign)]) + esign
    body = compliance + qscd + b"\x30" + bytes([len(qc_type)]) + qc_type
    der = b"\x30" + bytes([len(body)]) + body
    cert = _self_made(
        [x509.UnrecognizedExtension(QC_STATEMENTS_OID, der)],
        [x509.NameAttribute(NameOID.COMMON_NAME, "signer")],
    )

    qc = read_qc_statements(cert)

    assert qc.qualified and qc.qscd
    assert qc.types == ("esign",)
    assert not qc.qualified_eseal


def test_damaged_qc_statements_are_reported_unreadable() -> None:
    cert = _self_made(
        [x509.UnrecognizedExtension(QC_STATEMENTS_OID, b"\x30\x05\x06\x03\x2a\x03")],
        [x509.NameAttribute(NameOID.COMMON_NAME, "broken")],
    )

    assert read_qc_statements(cert) == QcInfo(present=True, unreadable=True)


def test_seal_subject_of_the_eu_sample() -> None:
    subject = seal_subject(_seal_certificate("Sample-MC-Annex1-signed.jsonld"))

    assert subject.organisation == "ORGANIZACION TEST"
    assert subject.organisation_identifier == "VATES-A00000000"
    assert subject.identifier_scheme == "VAT"
    assert subject.country == "ES"
    assert subject.common_name == "TEST SEAL"


def test_seal_subject_of_a_czech_university_style_certificate() -> None:
    # GIVEN a seal subject as a Czech public university's would read (NTR = trade register)
    cert = _self_made(
        [],
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Masarykova univerzita"),
            x509.NameAttribute(ORGANIZATION_IDENTIFIER, "NTRCZ-00216224"),
        ],
    )

    subject = seal_subject(cert)

    assert subject.organisation == "Masarykova univerzita"
    assert subject.organisation_identifier == "NTRCZ-00216224"
    assert subject.identifier_scheme == "NTR"
    assert subject.country == "CZ"
    assert subject.common_name is None
