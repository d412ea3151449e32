"""The timestamp authorities' own certificates: the EU samples' real TSAs, then generated ones
for what the samples cannot show (a missing or non-critical timeStamping usage, revocation,
expiry, a listed authority)."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asn1crypto.crl
import asn1crypto.x509
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from wallet.crypto.jades import verify_jades_seal
from wallet.crypto.timestamp_authority import validate_timestamp_authority
from wallet.crypto.x509_path import RevocationData

EDC = Path(__file__).resolve().parent.parent / "assets" / "vectors" / "edc"
MC = "Sample-MC-Annex1-signed.jsonld"
CERT_OF_PART = "Sample-CertOfPart-signed.jsonld"
MINIMAL = "jades-baseline-lta-minimal-vp.json"
NOWINA_ROOT = "Common Name: root-ca, Organization: Nowina Solutions, Organizational Unit: PKI-TEST"
GOOD_TSA = "Common Name: good-tsa, Organization: Nowina Solutions, Organizational Unit: PKI-TEST"


def _x_vals(name: str) -> list[x509.Certificate]:
    document = json.loads((EDC / name).read_bytes())
    text = document["signatures"][0]["header"]["etsiU"][1]
    x_vals = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))["xVals"]
    return [x509.load_der_x509_certificate(base64.b64decode(v["x509Cert"]["val"])) for v in x_vals]


def _named(name: str, prefix: str) -> x509.Certificate:
    (found,) = [c for c in _x_vals(name) if _asn1(c).subject.human_friendly.startswith(prefix)]
    return found


def _asn1(certificate: x509.Certificate) -> asn1crypto.x509.Certificate:
    return asn1crypto.x509.Certificate.load(certificate.public_bytes(Encoding.DER))


# --- the real samples -------------------------------------------------------------------


@pytest.mark.parametrize("name", [MC, CERT_OF_PART])
def test_sample_tsa_chain_holds_at_each_token_time_from_the_embedded_crl(name: str) -> None:
    result = verify_jades_seal((EDC / name).read_bytes())

    assert result.valid
    for token in result.timestamps:
        authority = token.authority
        assert authority is not None, token.kind
        assert authority.valid and authority.problems == ()
        assert authority.validated_at == token.gen_time
        assert [s.split(", Country")[0] for s in authority.chain_subjects] == [
            NOWINA_ROOT,
            GOOD_TSA,
        ]
        assert authority.revocation == "embedded CRL"
        # Anchored on the test root found in the file: intact, but nobody vouches for it.
        assert not authority.anchor_trusted
        assert not token.authority_trusted
    assert result.untrusted_timestamp_authorities == ("good-tsa (Nowina Solutions, LU)",)


def test_self_signed_sample_tsa_is_its_own_anchor_and_untrusted() -> None:
    result = verify_jades_seal((EDC / MINIMAL).read_bytes())

    assert result.valid
    for token in result.timestamps:
        authority = token.authority
        assert authority is not None and authority.valid
        assert authority.revocation == (
            "not needed: the authority's certificate is itself the anchor"
        )
        assert len(authority.chain_subjects) == 1
    assert result.untrusted_timestamp_authorities == ("self-signed-tsa (DSS TEST PKI, BE)",)


@pytest.mark.parametrize("trusted", ["good-tsa", "root-ca"])
def test_a_listed_authority_or_its_root_makes_the_time_trusted(trusted: str) -> None:
    # GIVEN a trusted list naming the sample's TSA certificate (as QTST services do), or its CA
    listed = _named(MC, f"Common Name: {trusted},")

    result = verify_jades_seal((EDC / MC).read_bytes(), trusted_timestamp_authorities=[listed])

    assert result.valid
    assert all(t.authority_trusted for t in result.timestamps)
    assert result.untrusted_timestamp_authorities == ()


def test_trusted_authorities_are_chosen_by_the_token_time() -> None:
    # GIVEN a caller whose list granted the TSA only from 2024 (after the 2023 tokens)
    listed = _named(MC, "Common Name: good-tsa,")
    asked: list[datetime] = []

    def granted_at(moment: datetime) -> list[x509.Certificate]:
        asked.append(moment)
        return [listed] if moment >= datetime(2024, 1, 1, tzinfo=UTC) else []

    result = verify_jades_seal((EDC / MC).read_bytes(), trusted_timestamp_authorities=granted_at)

    assert result.valid
    assert not any(t.authority_trusted for t in result.timestamps)
    assert {m.date().isoformat() for m in asked} == {"2023-09-27"}


def test_the_sample_tsa_checked_after_its_certificate_expired_fails() -> None:
    # GIVEN the real good-tsa certificate (valid until 2023-12-13) and the seal's own data
    from wallet.crypto.jades_parse import JadesSeal
    from wallet.crypto.jades_validation_data import read_validation_data

    embedded = read_validation_data(JadesSeal.from_bytes((EDC / MC).read_bytes()).etsi_u)
    tsa = _asn1(_named(MC, "Common Name: good-tsa,"))

    def at(moment: datetime):  # type: ignore[no-untyped-def]
        return validate_timestamp_authority(
            tsa,
            moment=moment,
            other_certificates=embedded.certificates,
            revocation=embedded.revocation,
        )

    # THEN it holds at the tokens' time, and fails for a token claiming a 2024 time
    assert at(datetime(2023, 9, 27, 11, 54, 20, tzinfo=UTC)).valid
    late = at(datetime(2024, 6, 1, tzinfo=UTC))
    assert not late.valid
    assert late.problems == ("The timestamp authority's certificate had expired when it stamped.",)


# --- generated authorities ----------------------------------------------------------------

GEN_TIME = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kredo Test PKI"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CZ"),
        ]
    )


class _Pki:
    def __init__(self) -> None:
        self.root_key = ec.generate_private_key(ec.SECP256R1())
        self.root = (
            self._builder(_name("Test Root"), _name("Test Root"), self.root_key.public_key())
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
            .sign(self.root_key, hashes.SHA256())
        )

    @staticmethod
    def _builder(
        subject: x509.Name,
        issuer: x509.Name,
        public_key: ec.EllipticCurvePublicKey,
        *,
        not_before: datetime = datetime(2025, 1, 1, tzinfo=UTC),
        not_after: datetime = datetime(2028, 1, 1, tzinfo=UTC),
    ) -> x509.CertificateBuilder:
        return (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before)
            .not_valid_after(not_after)
        )

    def tsa(
        self,
        *,
        usages: list[x509.ObjectIdentifier] | None = None,
        critical: bool = True,
        not_after: datetime = datetime(2028, 1, 1, tzinfo=UTC),
        crl_url: str | None = "http://crl.kredo.test/root.crl",
    ) -> x509.Certificate:
        key = ec.generate_private_key(ec.SECP256R1())
        builder = self._builder(
            _name("Test TSA"), self.root.subject, key.public_key(), not_after=not_after
        ).add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        if crl_url is not None:  # never fetched: validation uses embedded data only
            builder = builder.add_extension(
                x509.CRLDistributionPoints(
                    [
                        x509.DistributionPoint(
                            [x509.UniformResourceIdentifier(crl_url)], None, None, None
                        )
                    ]
                ),
                critical=False,
            )
        if usages is not None:
            builder = builder.add_extension(x509.ExtendedKeyUsage(usages), critical=critical)
        return builder.sign(self.root_key, hashes.SHA256())

    def crl(self, *revoked: x509.Certificate) -> asn1crypto.crl.CertificateList:
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.root.subject)
            .last_update(GEN_TIME - timedelta(days=1))
            .next_update(GEN_TIME + timedelta(days=6))
        )
        for certificate in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(certificate.serial_number)
                .revocation_date(GEN_TIME - timedelta(hours=1))
                .build()
            )
        der = builder.sign(self.root_key, hashes.SHA256()).public_bytes(Encoding.DER)
        return asn1crypto.crl.CertificateList.load(der)


TIME_STAMPING = [ExtendedKeyUsageOID.TIME_STAMPING]


def _check(pki: _Pki, tsa: x509.Certificate, *crls: asn1crypto.crl.CertificateList, **kw: Any):  # type: ignore[no-untyped-def]
    return validate_timestamp_authority(
        _asn1(tsa),
        moment=kw.pop("moment", GEN_TIME),
        other_certificates=[_asn1(pki.root)],
        revocation=RevocationData(crls=tuple(crls)),
        **kw,
    )


def test_generated_tsa_with_crl_is_valid_and_untrusted_until_listed() -> None:
    pki = _Pki()
    tsa = pki.tsa(usages=TIME_STAMPING)

    in_file = _check(pki, tsa, pki.crl())
    listed = _check(pki, tsa, pki.crl(), trusted_authorities=[tsa])

    assert in_file.valid and not in_file.anchor_trusted
    assert in_file.revocation == "embedded CRL"
    assert listed.valid and listed.anchor_trusted


def test_a_revoked_tsa_fails() -> None:
    pki = _Pki()
    tsa = pki.tsa(usages=TIME_STAMPING)

    result = _check(pki, tsa, pki.crl(tsa), trusted_authorities=[pki.root])

    assert not result.valid
    assert result.problems == (
        "The timestamp authority's certificate was revoked before it stamped.",
    )


def test_an_expired_tsa_fails() -> None:
    pki = _Pki()
    tsa = pki.tsa(usages=TIME_STAMPING, not_after=GEN_TIME - timedelta(days=1))

    result = _check(pki, tsa, pki.crl())

    assert not result.valid
    assert "had expired when it stamped" in result.problems[0]


@pytest.mark.parametrize(
    ("usages", "critical", "problem"),
    [
        (None, True, "is not meant for timestamps"),
        ([ExtendedKeyUsageOID.CODE_SIGNING], True, "is not meant for timestamps"),
        (TIME_STAMPING, False, "does not mark its timestamp usage critical"),
    ],
    ids=["no-eku", "code-signing-eku", "non-critical-eku"],
)
def test_a_tsa_certificate_must_carry_a_critical_time_stamping_usage(
    usages: list[x509.ObjectIdentifier] | None, critical: bool, problem: str
) -> None:
    pki = _Pki()
    tsa = pki.tsa(usages=usages, critical=critical)

    # Even when a list names it: the certificate itself is not fit to stamp.
    result = _check(pki, tsa, pki.crl(), trusted_authorities=[tsa])

    assert not result.valid
    assert any(problem in p for p in result.problems)


def test_without_revocation_data_the_chain_counts_and_a_note_says_so() -> None:
    pki = _Pki()
    tsa = pki.tsa(usages=TIME_STAMPING)

    result = _check(pki, tsa)

    assert result.valid
    assert result.revocation == "none embedded"
    assert result.notes == (
        "No usable revocation data for the timestamp authority's certificate is embedded, "
        "so its revocation was not checked.",
    )


def test_a_tsa_naming_no_revocation_service_needs_none() -> None:
    pki = _Pki()
    tsa = pki.tsa(usages=TIME_STAMPING, crl_url=None)

    result = _check(pki, tsa)

    assert result.valid
    assert result.revocation == "not needed: the certificate names no revocation service"
    assert result.notes == ()


def test_a_tsa_from_another_pki_has_no_anchor_in_the_file() -> None:
    pki, other = _Pki(), _Pki()
    tsa = other.tsa(usages=TIME_STAMPING)

    result = _check(pki, tsa)

    assert not result.valid
    assert not result.anchor_trusted
