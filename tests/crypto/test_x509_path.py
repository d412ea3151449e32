"""Seal certificate paths from embedded data: valid at the proven time, and only then."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509

from wallet.crypto.jades_header import check_protected_header
from wallet.crypto.jades_parse import JadesSeal
from wallet.crypto.jades_validation_data import EmbeddedValidationData, read_validation_data
from wallet.crypto.x509_path import PathResult, RevocationData, validate_seal_path

EDC = Path(__file__).resolve().parent.parent / "assets" / "vectors" / "edc"
# The signature timestamps' genTime of the two samples (see test_jades.py).
MC_PROVEN = datetime(2023, 9, 27, 11, 54, 20, tzinfo=UTC)
MINIMAL_PROVEN = datetime(2022, 8, 19, 11, 10, 46, tzinfo=UTC)


def _sample(name: str) -> tuple[x509.Certificate, EmbeddedValidationData]:
    seal = JadesSeal.from_bytes((EDC / name).read_bytes())
    signer = check_protected_header(seal.protected).signer_certificate
    assert signer is not None
    return signer, read_validation_data(seal.etsi_u)


def _validate(
    name: str,
    moment: datetime,
    *,
    revocation: RevocationData | None = None,
    trusted_roots: tuple[x509.Certificate, ...] = (),
) -> PathResult:
    signer, embedded = _sample(name)
    return validate_seal_path(
        signer,
        moment=moment,
        other_certificates=embedded.certificates,
        revocation=embedded.revocation if revocation is None else revocation,
        trusted_roots=trusted_roots,
    )


def test_expired_seal_certificate_is_valid_at_the_proven_signing_time() -> None:
    signer, _ = _sample("Sample-MC-Annex1-signed.jsonld")
    assert signer.not_valid_after_utc < datetime(2025, 6, 1, tzinfo=UTC)  # expired in 2025

    result = _validate("Sample-MC-Annex1-signed.jsonld", MC_PROVEN)

    assert result.valid
    assert result.problems == ()
    assert result.revocation == "embedded OCSP response"
    assert result.validated_at == MC_PROVEN


@pytest.mark.parametrize(
    ("moment", "fragment"),
    [
        # After expiry: no embedded data can help without a timestamp proving an earlier time.
        (datetime(2026, 1, 1, tzinfo=UTC), "had expired"),
        # Before the certificate existed.
        (datetime(2020, 1, 1, tzinfo=UTC), "not yet valid"),
    ],
)
def test_other_moments_fail_with_the_reason(moment: datetime, fragment: str) -> None:
    result = _validate("Sample-MC-Annex1-signed.jsonld", moment)

    assert not result.valid
    assert fragment in " ".join(result.problems)
    assert result.revocation == "not established"


def test_without_embedded_revocation_data_revocation_alone_is_unknown() -> None:
    # GIVEN the real sample's seal certificate with its revocation data taken away, as in a
    # JAdES B-T seal (no rVals: normal at that level)
    # WHEN its path is validated at the proven signing time
    result = _validate("Sample-MC-Annex1-signed.jsonld", MC_PROVEN, revocation=RevocationData())

    # THEN it is not valid, but nothing is wrong with it: only revocation is unknown
    # (ETSI EN 319 102-1: INDETERMINATE, never a failure)
    assert not result.valid
    assert result.revocation_unknown
    assert result.problems == ()
    assert result.revocation == "not available offline"
    assert "could not be checked offline" in " ".join(result.notes)
    assert result.chain_subjects  # the chain itself was built and held


def test_a_stale_ocsp_response_leaves_revocation_unknown_not_failed() -> None:
    # GIVEN the sample's embedded OCSP response (valid 7 days), long stale by mid-2024
    # WHEN the path is validated then, before the certificate expired
    result = _validate("Sample-MC-Annex1-signed.jsonld", datetime(2024, 6, 1, tzinfo=UTC))

    # THEN revocation is unknown at that moment (not fresh), which proves nothing wrong
    assert not result.valid
    assert result.revocation_unknown and result.problems == ()


def test_revocation_unknown_never_hides_an_expired_certificate() -> None:
    # GIVEN no revocation data, and a moment after the seal certificate expired
    result = _validate(
        "Sample-MC-Annex1-signed.jsonld", datetime(2026, 1, 1, tzinfo=UTC),
        revocation=RevocationData(),
    )

    # THEN the expiry is proven and reported, not softened into "unknown"
    assert not result.valid and not result.revocation_unknown
    assert "had expired" in " ".join(result.problems)


def test_without_the_issuing_ca_in_the_file_no_path_is_built() -> None:
    signer, embedded = _sample("Sample-MC-Annex1-signed.jsonld")

    result = validate_seal_path(
        signer, moment=MC_PROVEN, other_certificates=(), revocation=RevocationData()
    )

    assert not result.valid
    assert result.problems == (
        "The seal does not include the certificate of the authority that issued it.",
    )
    assert embedded.certificates  # the real sample does carry it


def _embedded_ca(name: str, common_name: str, *, in_ocsp: bool = False) -> x509.Certificate:
    _, embedded = _sample(name)
    pool = embedded.revocation.certificates if in_ocsp else embedded.certificates
    der = next(c.dump() for c in pool if c.subject.native["common_name"] == common_name)
    return x509.load_der_x509_certificate(der)


def test_a_trusted_root_without_revocation_data_for_the_intermediate_is_indeterminate() -> None:
    # GIVEN the minimal sample, whose xVals carry the ANF Global Root CA but whose rVals hold
    # no revocation data for the intermediate "ANF Assured ID CA1"
    root = _embedded_ca("jades-baseline-lta-minimal-vp.json", "ANF Global Root CA")

    result = _validate("jades-baseline-lta-minimal-vp.json", MINIMAL_PROVEN, trusted_roots=(root,))

    # THEN the path to the trusted root holds but for the intermediate's revocation: that is
    # unknown (indeterminate), not hidden by anchoring on the issuer in the file instead,
    # whose own revocation would then never be asked
    assert not result.valid and result.revocation_unknown
    assert result.anchor_trusted
    assert result.problems == ()
    assert result.revocation == "not available offline"


def test_a_trusted_issuing_ca_as_a_trusted_list_names_it_is_reached() -> None:
    # GIVEN trust in the intermediate's SHA-256 re-issue, found in the OCSP response
    issuing = _embedded_ca("jades-baseline-lta-minimal-vp.json", "ANF Assured ID CA1", in_ocsp=True)
    assert issuing.signature_hash_algorithm is not None
    assert issuing.signature_hash_algorithm.name == "sha256"

    result = _validate(
        "jades-baseline-lta-minimal-vp.json", MINIMAL_PROVEN, trusted_roots=(issuing,)
    )

    assert result.valid
    assert result.anchor_trusted
    assert result.notes == ()
    assert "Nombre Servicio Sellado TEST" in result.chain_subjects[-1]


def test_without_trusted_roots_the_anchor_is_the_issuer_in_the_file_and_untrusted() -> None:
    result = _validate("jades-baseline-lta-minimal-vp.json", MINIMAL_PROVEN)

    assert result.valid
    assert not result.anchor_trusted
    assert result.anchor_subject is not None and "ANF Assured ID CA1" in result.anchor_subject
