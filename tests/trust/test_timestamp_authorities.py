"""Qualified timestamp authorities (``TSA/QTST``) in the snapshot, and what they change in a
seal's verdict: a seal whose time rests on an unlisted authority is never fully verified."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID
from lxml import etree

from tests.trust.conftest import CZ_TL
from wallet.trust import TrustDecision, TrustStore, bundled_snapshot
from wallet.trust.snapshot import TrustAnchor, TrustSnapshot
from wallet.trust.trusted_list import CA_QC, TSA_QTST, StatusPeriod
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "resources" / "trust" / "eu-qualified-eseal-cas.json"
EDC_SAMPLE = ROOT / "tests" / "assets" / "vectors" / "edc" / "Sample-MC-Annex1-signed.jsonld"
TSL = "{http://uri.etsi.org/02231/v2#}"


def _qtst_certificates_read_independently() -> set[str]:
    """SHA-256 of every certificate of every QTST service, read with plain XPath."""
    tree = etree.parse(str(CZ_TL))  # a pinned test asset without a DOCTYPE
    found = set()
    for service in tree.iter(f"{TSL}TSPService"):
        info = service.find(f"{TSL}ServiceInformation")
        if info.findtext(f"{TSL}ServiceTypeIdentifier") != TSA_QTST:
            continue
        for element in info.iter(f"{TSL}X509Certificate"):
            der = base64.b64decode("".join(element.text.split()))
            found.add(hashlib.sha256(der).hexdigest())
    return found


def test_bundled_snapshot_holds_the_qualified_timestamp_authorities_of_the_list() -> None:
    snapshot = bundled_snapshot()

    listed = {anchor.sha256 for anchor in snapshot.timestamp_authorities}

    assert listed == _qtst_certificates_read_independently()
    assert len(snapshot.timestamp_authorities) == 104
    assert {a.tsp_name for a in snapshot.timestamp_authorities} >= {
        "First certification authority, a.s.",
        "The Czech Post, s.p.",
    }
    # The seal anchors are untouched: ten CAs, none of them a timestamp authority.
    assert len(snapshot.anchors) == 10
    assert not listed & {anchor.sha256 for anchor in snapshot.anchors}


def test_timestamp_authorities_depend_on_the_time_asked() -> None:
    store = TrustStore.bundled()

    in_2019 = store.trusted_timestamp_authorities(datetime(2019, 8, 1, tzinfo=UTC))
    in_2015 = store.trusted_timestamp_authorities(datetime(2015, 1, 1, tzinfo=UTC))

    # Accredited TSUs of 2015 were withdrawn on 2016-06-30 when eIDAS took over; the 2019
    # ones are the granted QTST units (I.CA TSS/TSU 4 and 6, ...).
    assert in_2019 and in_2015
    assert not set(in_2019) & set(in_2015)
    names_2019 = {c.subject.rfc4514_string() for c in in_2019}
    assert any("I.CA Time Stamping Authority TSS/TSU 6" in name for name in names_2019)
    decision = store.timestamp_authority_trust(in_2019[0], datetime(2019, 8, 1, tzinfo=UTC))
    assert decision.trusted and decision.source == "EU trusted list (CZ)"
    assert store.timestamp_authority_trust(
        in_2019[0], datetime(2015, 1, 1, tzinfo=UTC)
    ) == TrustDecision(False)


def test_a_snapshot_written_before_timestamp_authorities_still_loads() -> None:
    document = json.loads(BUNDLED.read_text(encoding="utf-8"))
    del document["timestamp_authorities"]

    older = TrustSnapshot.from_json(json.dumps(document).encode())

    assert older.timestamp_authorities == ()
    assert len(older.anchors) == 10


# --- what listing changes in a real seal's verdict ------------------------------------------


def _sample_certificate(common_name: str) -> x509.Certificate:
    document = json.loads(EDC_SAMPLE.read_bytes())
    text = document["signatures"][0]["header"]["etsiU"][1]
    x_vals = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))["xVals"]
    for value in x_vals:
        certificate = x509.load_der_x509_certificate(base64.b64decode(value["x509Cert"]["val"]))
        names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        if [n.value for n in names] == [common_name]:
            return certificate
    raise AssertionError(common_name)


def _anchor(territory: str, certificate: x509.Certificate, service_type: str) -> TrustAnchor:
    extra = ("ForeSeals",) if service_type == CA_QC else ()
    return TrustAnchor(
        territory=territory,
        tsp_name=f"Test TSP {territory}",
        service_name="test service",
        certificate=certificate,
        history=(
            StatusPeriod(
                "granted", datetime(2020, 1, 1, tzinfo=UTC), None, service_type, extra, ()
            ),
        ),
    )


def _store(*, seal_ca: bool, tsa: bool) -> TrustStore:
    # GIVEN a snapshot that lists the sample's (test) seal CA and/or its (test) TSA, as a
    # real list would list a qualified CA and a qualified timestamp service
    snapshot = TrustSnapshot(
        snapshot_date=datetime(2026, 1, 1, tzinfo=UTC),
        sources=(),
        anchors=(
            (_anchor("ES", _sample_certificate("ANF AC Qualified Certificates for eSeal"), CA_QC),)
            if seal_ca
            else ()
        ),
        timestamp_authorities=(
            (_anchor("LU", _sample_certificate("good-tsa"), TSA_QTST),) if tsa else ()
        ),
    )
    return TrustStore(snapshot)


def test_seal_with_listed_ca_and_listed_timestamp_authority_is_verified() -> None:
    report = verify_file_bytes(
        EDC_SAMPLE.read_bytes(), options=VerifyOptions(trust=_store(seal_ca=True, tsa=True))
    )

    signature = report.check("signature")
    issuer = report.check("issuer")
    assert signature is not None and signature.status is CheckStatus.OK
    assert "timestamps by authorities on a trusted list" in signature.message
    assert signature.details["certificate_authority_trusted_by"] == "EU trusted list (ES)"
    assert {t["authority_trusted_by"] for t in signature.details["timestamps"]} == {
        "EU trusted list (LU)"
    }
    assert issuer is not None and issuer.status is CheckStatus.OK
    assert "EU trusted list (ES)" in issuer.message
    assert report.status is OverallStatus.VERIFIED


def test_listed_ca_with_unlisted_timestamp_authority_is_not_verified() -> None:
    report = verify_file_bytes(
        EDC_SAMPLE.read_bytes(), options=VerifyOptions(trust=_store(seal_ca=True, tsa=False))
    )

    signature = report.check("signature")
    issuer = report.check("issuer")
    assert signature is not None and signature.status is CheckStatus.WARNING
    assert "good-tsa (Nowina Solutions, LU), which no trusted list" in signature.message
    assert issuer is not None and issuer.status is CheckStatus.WARNING
    assert "on the EU trusted list (ES), but the time of sealing" in issuer.message
    assert report.issuer is not None and not report.issuer.trusted
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


@pytest.mark.parametrize("tsa", [True, False])
def test_unlisted_ca_stays_unverified_whatever_the_timestamp_authority(tsa: bool) -> None:
    report = verify_file_bytes(
        EDC_SAMPLE.read_bytes(), options=VerifyOptions(trust=_store(seal_ca=False, tsa=tsa))
    )

    signature = report.check("signature")
    assert signature is not None
    assert signature.status is (CheckStatus.OK if tsa else CheckStatus.WARNING)
    assert report.check("issuer").status is CheckStatus.WARNING  # type: ignore[union-attr]
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
