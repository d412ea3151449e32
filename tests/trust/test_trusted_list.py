"""Real trusted lists: the Czech list of 2019 (signature, services, history, pointers) and the
Icelandic list of 2026 (the current list version)."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from tests.trust.conftest import CZ_EXTRACT, IS_TL
from wallet.errors import TrustMaterialError
from wallet.trust.trusted_list import (
    CA_QC,
    load_pinned_trusted_list,
    parse_trusted_list,
)


def _sha256(certificate) -> str:  # type: ignore[no-untyped-def]
    return hashlib.sha256(certificate.public_bytes(Encoding.DER)).hexdigest()


def _as_extract_row(service) -> dict[str, object]:  # type: ignore[no-untyped-def]
    certificate = service.certificates[0]
    return {
        "tsp_en": service.tsp_name,
        "tsp_cs": next(n.text for n in service.tsp_names if n.lang == "cs"),
        "service_name": service.service_name,
        "service_type": service.service_type,
        "status": service.status,
        "status_start": service.status_start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "additional_service_info": list(service.additional_service_info),
        "qualifiers": list(service.qualifiers),
        "ca_subject": certificate.subject.rfc4514_string(),
        "not_before": certificate.not_valid_before_utc.isoformat(),
        "not_after": certificate.not_valid_after_utc.isoformat(),
        "sha256": _sha256(certificate),
    }


@pytest.mark.filterwarnings("ignore:Attribute's length:UserWarning")
def test_ca_qc_services_equal_the_published_extract(cz_tl_bytes: bytes) -> None:
    # GIVEN the real CZ list and the extract derived from it independently
    expected = json.loads(CZ_EXTRACT.read_text(encoding="utf-8"))["services"]
    # WHEN it is parsed
    trusted_list = parse_trusted_list(cz_tl_bytes)
    # THEN the 19 CA/QC services match field by field, 10 of them for seals
    rows = [_as_extract_row(service) for service in trusted_list.ca_qc_services()]
    assert rows == expected
    assert len(rows) == 19
    assert sum("ForeSeals" in row["additional_service_info"] for row in rows) == 10  # type: ignore[operator]


def test_scheme_information(cz_tl_bytes: bytes) -> None:
    trusted_list = parse_trusted_list(cz_tl_bytes)
    assert trusted_list.territory == "CZ"
    assert trusted_list.sequence_number == 77
    assert trusted_list.issue_date == datetime(2019, 8, 23, 8, 0, tzinfo=UTC)
    assert trusted_list.next_update == datetime(2020, 2, 23, tzinfo=UTC)
    assert trusted_list.operator_name == "Ministry of the Interior of the Czech Republic"
    assert len(trusted_list.services) == 133


def test_signature_verifies_and_names_the_operator(cz_tl_bytes: bytes) -> None:
    signature = parse_trusted_list(cz_tl_bytes).signature
    assert signature.valid, signature.problems
    assert signature.signer is not None
    # The signer is the Ministry's official, as the XAdES SigningCertificate digest says.
    assert _sha256(signature.signer) == (
        "bfc775333e35ed10816ffcd1605cd7a78bbfe1294825e5471ffbe4fbfee55099"
    )
    assert signature.signing_time == datetime(2019, 8, 23, 8, 4, 1, 928000, tzinfo=UTC)


def test_one_byte_changed_in_a_service_name_breaks_the_signature(cz_tl_bytes: bytes) -> None:
    # GIVEN the list with "(1) I.CA" turned into "(1) I.CB" in one service name
    target = b"<Name xml:lang=\"en\">(1) I.CA - issuing qualified certificates</Name>"
    assert target in cz_tl_bytes
    tampered = cz_tl_bytes.replace(target, target.replace(b"I.CA", b"I.CB"), 1)
    # WHEN it is parsed
    trusted_list = parse_trusted_list(tampered)
    # THEN it still parses, the change is visible, and the signature fails
    assert trusted_list.services[0].service_name.startswith("(1) I.CB")
    assert not trusted_list.signature.valid
    assert trusted_list.signature.problems == ("The list was changed after it was signed.",)


def test_changed_signature_value_fails(cz_tl_bytes: bytes) -> None:
    start = cz_tl_bytes.index(b"<ds:SignatureValue") + 200
    flipped = b"A" if cz_tl_bytes[start:start + 1] != b"A" else b"B"
    tampered = cz_tl_bytes[:start] + flipped + cz_tl_bytes[start + 1:]
    signature = parse_trusted_list(tampered).signature
    assert not signature.valid
    assert signature.problems == ("The list's signature does not match its contents.",)


def test_removed_signature_is_reported_not_raised(cz_tl_bytes: bytes) -> None:
    start = cz_tl_bytes.index(b"<ds:Signature ")
    end = cz_tl_bytes.index(b"</ds:Signature>") + len(b"</ds:Signature>")
    unsigned = cz_tl_bytes[:start] + cz_tl_bytes[end:]
    signature = parse_trusted_list(unsigned).signature
    assert not signature.valid and signature.signer is None


def test_pinning_accepts_the_signer_and_refuses_anyone_else(cz_tl_bytes: bytes) -> None:
    trusted_list = parse_trusted_list(cz_tl_bytes)
    signer = trusted_list.signature.signer
    assert signer is not None
    assert load_pinned_trusted_list(cz_tl_bytes, [signer]).territory == "CZ"
    # The LOTL signers the list itself names are real certificates, but not this list's signer.
    other = trusted_list.pointers[0].certificates
    with pytest.raises(TrustMaterialError, match="not signed by the certificate known"):
        load_pinned_trusted_list(cz_tl_bytes, other)


def test_pinning_refuses_a_tampered_list_even_with_the_right_pin(cz_tl_bytes: bytes) -> None:
    signer = parse_trusted_list(cz_tl_bytes).signature.signer
    assert signer is not None
    tampered = cz_tl_bytes.replace(b"<TSLSequenceNumber>77<", b"<TSLSequenceNumber>78<", 1)
    with pytest.raises(TrustMaterialError, match="signature is not valid"):
        load_pinned_trusted_list(tampered, [signer])


def test_status_history_is_kept_for_signing_time_decisions(cz_tl_bytes: bytes) -> None:
    # GIVEN service (78) of I.CA: accredited (Directive), then granted for signatures only,
    # then from 2017-08-16 also for seals
    service = next(
        s for s in parse_trusted_list(cz_tl_bytes).services if s.service_name.startswith("(78)")
    )
    assert service.service_type == CA_QC
    assert [p.status for p in service.history] == ["accredited", "granted", "granted"]
    assert service.history[-1].end is None
    assert service.history[0].end == service.history[1].start
    # THEN seals are trusted only from the day ForeSeals was granted
    assert not service.trusted_for_seals_at(datetime(2017, 8, 16, 12, 14, tzinfo=UTC))
    assert service.trusted_for_seals_at(datetime(2017, 8, 16, 12, 15, tzinfo=UTC))
    assert service.trusted_for_seals_at(datetime(2030, 1, 1, tzinfo=UTC))
    assert service.period_at(datetime(2010, 1, 1, tzinfo=UTC)) is None


def test_withdrawn_services_are_read_with_their_status(cz_tl_bytes: bytes) -> None:
    statuses = {s.status for s in parse_trusted_list(cz_tl_bytes).services}
    assert statuses == {"granted", "withdrawn"}


def test_pointer_to_the_eu_lotl(cz_tl_bytes: bytes) -> None:
    (pointer,) = parse_trusted_list(cz_tl_bytes).pointer_for("EU")
    assert pointer.location == "https://ec.europa.eu/tools/lotl/eu-lotl.xml"
    assert pointer.mime_type == "application/vnd.etsi.tsl+xml"
    assert len(pointer.certificates) == 8


def test_doctype_is_refused(cz_tl_bytes: bytes) -> None:
    header_end = cz_tl_bytes.index(b"?>") + 2
    hostile = (
        cz_tl_bytes[:header_end]
        + b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        + cz_tl_bytes[header_end:]
    )
    with pytest.raises(TrustMaterialError, match="document type"):
        parse_trusted_list(hostile)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"<html/>", "not an ETSI trusted list"),
        (b"<TrustServiceStatusList", "not well-formed"),
        (
            b'<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#"/>',
            "missing a required part",
        ),
    ],
)
def test_not_a_trusted_list(raw: bytes, message: str) -> None:
    with pytest.raises(TrustMaterialError, match=message):
        parse_trusted_list(raw)


def test_a_certificate_that_cannot_be_read_is_counted_and_the_list_stays_readable() -> None:
    # GIVEN the real Icelandic list of 2026 with the certificate of its "Signet TSA 2025" unit
    # replaced by base64 that is no DER certificate (BG, FR and NO publish a few such)
    raw = IS_TL.read_bytes()
    start = raw.index(b"<X509Certificate>", raw.index(b"Signet TSA 2025")) + len(
        b"<X509Certificate>"
    )
    end = raw.index(b"</X509Certificate>", start)
    damaged = raw[:start] + base64.b64encode(b"not a certificate") + raw[end:]
    # WHEN it is parsed
    trusted_list = parse_trusted_list(damaged)
    # THEN that service keeps no certificate, says one was unreadable, and nothing else changes
    service = next(s for s in trusted_list.services if s.service_name == "Signet TSA 2025")
    assert service.certificates == () and service.unreadable_certificates == 1
    assert trusted_list.unreadable_certificates == 1
    assert len(trusted_list.services) == len(parse_trusted_list(raw).services)
    # AND the change is caught by the signature, as any other
    assert trusted_list.signature.problems == ("The list was changed after it was signed.",)


def test_a_version_6_list_of_2026_is_read() -> None:
    # GIVEN the Icelandic list of 2026 (TSLVersionIdentifier 6, ETSI TS 119 612 v2.3.1)
    trusted_list = parse_trusted_list(IS_TL.read_bytes())
    assert b"<TSLVersionIdentifier>6</TSLVersionIdentifier>" in IS_TL.read_bytes()
    # THEN its scheme, signature and qualified services are read as before
    assert (trusted_list.territory, trusted_list.sequence_number) == ("IS", 39)
    assert trusted_list.issue_date == datetime(2026, 3, 2, 11, 18, 9, tzinfo=UTC)
    assert trusted_list.signature.valid, trusted_list.signature.problems
    assert trusted_list.unreadable_certificates == 0
    (seal_ca,) = [s for s in trusted_list.ca_qc_services() if s.ever_trusted_for_seals]
    assert seal_ca.tsp_name == "Audkenni ehf."
    assert seal_ca.trusted_for_seals_at(datetime(2026, 8, 1, tzinfo=UTC))
    assert len(trusted_list.timestamp_services()) == 4
