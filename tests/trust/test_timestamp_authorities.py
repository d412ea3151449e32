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

from tests.trust.conftest import BUNDLED, CZ_TL, IS_TL
from wallet.trust import TrustDecision, TrustStore, bundled_snapshot
from wallet.trust.snapshot import TrustAnchor, TrustSnapshot
from wallet.trust.trusted_list import CA_QC, TSA_QTST, StatusPeriod
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus

ROOT = Path(__file__).resolve().parents[2]
EDC_SAMPLE = ROOT / "tests" / "assets" / "vectors" / "edc" / "Sample-MC-Annex1-signed.jsonld"
TSL = "{http://uri.etsi.org/02231/v2#}"


def _qtst_certificates_read_independently(path: Path) -> set[str]:
    """SHA-256 of every certificate of every QTST service, read with plain XPath."""
    tree = etree.parse(str(path))  # pinned test assets without a DOCTYPE
    found = set()
    for service in tree.iter(f"{TSL}TSPService"):
        info = service.find(f"{TSL}ServiceInformation")
        if info.findtext(f"{TSL}ServiceTypeIdentifier") != TSA_QTST:
            continue
        for element in info.iter(f"{TSL}X509Certificate"):
            der = base64.b64decode("".join(element.text.split()))
            found.add(hashlib.sha256(der).hexdigest())
    return found


def test_bundled_snapshot_holds_the_qualified_timestamp_authorities_of_the_lists() -> None:
    snapshot = bundled_snapshot()

    icelandic = {a.sha256 for a in snapshot.timestamp_authorities if a.territory == "IS"}
    czech = {a.sha256 for a in snapshot.timestamp_authorities if a.territory == "CZ"}

    # Iceland's four units, exactly as its list of 2026 names them
    assert icelandic == _qtst_certificates_read_independently(IS_TL)
    assert len(icelandic) == 4
    # Every Czech unit of 2019 is still named in 2026, among many issued since
    assert _qtst_certificates_read_independently(CZ_TL) < czech
    assert len(czech) == 473
    assert {a.tsp_name for a in snapshot.timestamp_authorities if a.territory == "CZ"} >= {
        "First certification authority, a.s.",
        "The Czech Post, s.p.",
    }


def test_timestamp_authorities_depend_on_the_time_asked() -> None:
    store = TrustStore.bundled()
    czech = [a for a in bundled_snapshot().timestamp_authorities if a.territory == "CZ"]
    in_2019 = [a for a in czech if a.trusted_for_timestamps_at(datetime(2019, 8, 1, tzinfo=UTC))]
    in_2015 = [a for a in czech if a.trusted_for_timestamps_at(datetime(2015, 1, 1, tzinfo=UTC))]

    # Accredited Czech TSUs of 2015 were withdrawn on 2016-06-30 when eIDAS took over; the 2019
    # ones are the granted QTST units (I.CA TSS/TSU 4 and 6, ...).
    assert in_2019 and in_2015
    assert not {a.sha256 for a in in_2019} & {a.sha256 for a in in_2015}
    unit = next(
        a.certificate
        for a in in_2019
        if "I.CA Time Stamping Authority TSS/TSU 6" in a.certificate.subject.rfc4514_string()
    )
    decision = store.timestamp_authority_trust(unit, datetime(2019, 8, 1, tzinfo=UTC))
    assert decision.trusted and decision.source == "EU trusted list (CZ)"
    assert unit in store.trusted_timestamp_authorities(datetime(2019, 8, 1, tzinfo=UTC))
    assert store.timestamp_authority_trust(
        unit, datetime(2015, 1, 1, tzinfo=UTC)
    ) == TrustDecision(False)


def test_a_snapshot_written_before_timestamp_authorities_still_loads() -> None:
    document = json.loads(BUNDLED.read_text(encoding="utf-8"))
    del document["timestamp_authorities"]

    older = TrustSnapshot.from_json(json.dumps(document).encode())

    assert older.timestamp_authorities == ()
    assert len(older.anchors) == 434


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
