"""The facade the verification engine asks, with the bundled material and the EU's real seals."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509

from wallet.crypto.jades import verify_jades_seal
from wallet.trust import TrustDecision, TrustStore, UserTrustedIssuer
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import OverallStatus

EDC_SAMPLE = (
    Path(__file__).resolve().parents[1]
    / "assets"
    / "vectors"
    / "edc"
    / "Sample-MC-Annex1-signed.jsonld"
)
DCC_MEMBER = "did:key:z6MktL8XGbuYv5f7hwf6hVyJkJWynNtNhcsXFYe9NJzjKHkW"


def test_snapshot_age_is_exposed() -> None:
    store = TrustStore.bundled()
    assert store.snapshot_date == datetime(2026, 8, 19, 13, 56, 19, tzinfo=UTC)
    # Fresh when built, but some lists' NextUpdate has passed since: the app must say so.
    assert store.snapshot_outdated(datetime(2026, 12, 7, tzinfo=UTC))


def test_ca_certificates_depend_on_the_time_asked() -> None:
    store = TrustStore.bundled()
    assert store.trusted_ca_certificates(datetime(2015, 1, 1, tzinfo=UTC)) == ()
    in_2019 = store.trusted_ca_certificates(datetime(2019, 8, 1, tzinfo=UTC))
    in_2026 = store.trusted_ca_certificates(datetime(2026, 8, 1, tzinfo=UTC))
    assert 0 < len(in_2019) < len(in_2026) == 358
    sources = {
        store.ca_trust(certificate, datetime(2026, 8, 1, tzinfo=UTC)).source
        for certificate in in_2026
    }
    assert {"EU trusted list (CZ)", "EU trusted list (ES)", "EU trusted list (IS)"} <= sources
    assert len(sources) == 25  # every list that grants seals today
    assert not store.ca_trust(in_2026[0], datetime(2015, 1, 1, tzinfo=UTC)).trusted


def test_issuer_trust_sources() -> None:
    store = TrustStore.bundled(
        user_trusted=[UserTrustedIssuer("NTRCZ-00216224", "Masarykova univerzita"), "bad id"]
    )
    assert store.issuer_trust(DCC_MEMBER) == TrustDecision(
        True, "registry: DCC Registry", "Digital Credentials Consortium"
    )
    assert store.issuer_trust("ntrcz-00216224") == TrustDecision(
        True, "user", "Masarykova univerzita"
    )
    assert store.issuer_trust("did:web:unknown.example") == TrustDecision(False)
    assert store.issuer_trust("bad id") == TrustDecision(False)


def test_user_decision_wins_and_keeps_the_registry_name() -> None:
    store = TrustStore.bundled(user_trusted=[DCC_MEMBER])
    assert store.issuer_trust(DCC_MEMBER) == TrustDecision(
        True, "user", "Digital Credentials Consortium"
    )


def test_eu_sample_seal_ends_on_a_listed_spanish_ca_but_its_time_on_no_listed_authority() -> None:
    # GIVEN the EU's sealed sample: a TEST SEAL certificate issued by a real qualified CA,
    # ANF AC, and timestamps by a test authority (good-tsa of the DSS demo, on no list)
    raw = EDC_SAMPLE.read_bytes()
    store = TrustStore.bundled()
    at = datetime(2023, 9, 27, tzinfo=UTC)
    # WHEN the seal is verified with the anchors valid at its signing time
    result = verify_jades_seal(
        raw,
        trusted_roots=store.trusted_ca_certificates(at),
        trusted_timestamp_authorities=store.trusted_timestamp_authorities(at),
    )
    # THEN the seal holds and its path ends on the Spanish list's CA for seals (granted
    # since 2023-01-31) ...
    assert result.signature_valid
    assert result.path is not None and result.path.anchor_trusted
    assert result.path.anchor is not None
    anchor = x509.load_der_x509_certificate(result.path.anchor.dump())
    assert store.ca_trust(anchor, at) == TrustDecision(
        True, "EU trusted list (ES)", "ANF AUTORIDAD DE CERTIFICACIÓN ASOCIACIÓN ANF AC"
    )
    assert not store.ca_trust(anchor, datetime(2023, 1, 30, tzinfo=UTC)).trusted
    # ... but no trusted list vouches for the authority of its timestamps
    assert result.timestamps and not any(t.authority_trusted for t in result.timestamps)


@pytest.mark.parametrize(
    "sample", ["Sample-MC-Annex1-signed.jsonld", "Sample-CertOfPart-signed.jsonld"]
)
def test_eu_sealed_samples_keep_their_verdict_with_the_eu_wide_snapshot(sample: str) -> None:
    # GIVEN the EU's sealed samples and every list the LOTL pins
    raw = (EDC_SAMPLE.parent / sample).read_bytes()
    # WHEN they are verified with the bundled trust material
    report = verify_file_bytes(raw, options=VerifyOptions(trust=TrustStore.bundled()))
    # THEN the seal's CA is found on the Spanish list, but the time of sealing rests on a test
    # timestamp authority no list names: partially verified, as with the Czech list alone
    issuer = report.check("issuer")
    assert issuer is not None
    assert "on the EU trusted list (ES), but the time of sealing" in issuer.message
    assert report.issuer is not None and not report.issuer.trusted
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_the_eu_sample_presentation_seal_ends_on_a_listed_ca_at_its_proven_time() -> None:
    # GIVEN the Commission's minimal JAdES B-LTA (an ANF test seal of 2022)
    raw = (EDC_SAMPLE.parent / "jades-baseline-lta-minimal-vp.json").read_bytes()
    store = TrustStore.bundled()
    # WHEN it is verified with the anchors the lists grant at each moment asked
    result = verify_jades_seal(
        raw,
        trusted_roots=store.trusted_ca_certificates,
        trusted_timestamp_authorities=store.trusted_timestamp_authorities,
    )
    # THEN its path ends on ANF's CA for seals at the time the timestamp proves, and none of
    # its timestamp authorities is listed
    assert result.valid and result.path is not None and result.path.anchor is not None
    assert result.path.validated_at == datetime(2022, 8, 19, 11, 10, 46, tzinfo=UTC)
    anchor = x509.load_der_x509_certificate(result.path.anchor.dump())
    assert store.ca_trust(anchor, result.path.validated_at).source == "EU trusted list (ES)"
    assert not any(t.authority_trusted for t in result.timestamps)


def test_verifying_with_the_eu_wide_anchors_prints_no_library_warning(tmp_path: Path) -> None:
    # GIVEN the EU lists' CAs, some with names longer than X.520 allows (cryptography warns)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KREDO_", "PYTHONWARN"))}
    env["KREDO_HOME"] = str(tmp_path / "home")
    # WHEN a sealed credential is verified from the command line
    child = subprocess.run(
        [sys.executable, "-c", "import sys; from wallet.cli import main; sys.exit(main())",
         "verify", "--file", str(EDC_SAMPLE)],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )
    # THEN the verdict is printed and nothing else reaches the terminal
    assert child.returncode == 3, child.stderr
    assert child.stdout.startswith("PARTIALLY VERIFIED")
    assert child.stderr == ""
