"""The facade the verification engine asks, with the bundled material and a real EDC seal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from wallet.crypto.jades import verify_jades_seal
from wallet.trust import TrustDecision, TrustStore, UserTrustedIssuer

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
    assert store.snapshot_date == datetime(2019, 8, 23, 8, 0, tzinfo=UTC)
    assert store.snapshot_outdated(datetime(2026, 11, 1, tzinfo=UTC))


def test_ca_certificates_depend_on_the_time_asked() -> None:
    store = TrustStore.bundled()
    assert store.trusted_ca_certificates(datetime(2015, 1, 1, tzinfo=UTC)) == ()
    certificates = store.trusted_ca_certificates(datetime(2019, 8, 1, tzinfo=UTC))
    assert len(certificates) == 10
    decision = store.ca_trust(certificates[0], datetime(2019, 8, 1, tzinfo=UTC))
    assert decision == TrustDecision(True, "EU trusted list (CZ)", decision.name)
    assert decision.name in {
        "First certification authority, a.s.",
        "The Czech Post, s.p.",
        "eIdentity a.s.",
        "National Registers Authority",
    }
    assert not store.ca_trust(certificates[0], datetime(2015, 1, 1, tzinfo=UTC)).trusted


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


def test_eu_sample_seal_is_intact_but_its_test_ca_is_not_on_the_snapshot() -> None:
    # GIVEN the EU's sealed sample (a TEST CA, on no trusted list) and the bundled anchors
    raw = EDC_SAMPLE.read_bytes()
    store = TrustStore.bundled()
    at = datetime(2023, 9, 27, tzinfo=UTC)
    # WHEN the seal is verified with the anchors valid at its signing time
    result = verify_jades_seal(raw, trusted_roots=store.trusted_ca_certificates(at))
    # THEN the seal holds, but its path does not end on a trusted-list CA
    assert result.signature_valid
    assert result.path is not None and not result.path.anchor_trusted
