"""Who a seal certificate names: the organisation behind an EDC seal.

For a legal person, ETSI EN 319 412-3 §4.2.1 puts the organisation's name in O and its
registration in organizationIdentifier (2.5.4.97), such as ``VATES-A00000000`` (Spanish VAT)
or ``NTRCZ-00216224`` (Czech company register). The "issuer" check compares these with the
credential's issuer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from wallet.crypto.x509_names import issuer_of, subject_of

ORGANIZATION_IDENTIFIER = x509.ObjectIdentifier("2.5.4.97")


@dataclass(frozen=True)
class SealSubject:
    """The sealing organisation as its certificate names it; absent attributes are ``None``.

    With the certificate's own facts an expert compares with what the authority published:
    its SHA-256 fingerprint (hex), its validity period and the name of the authority that
    issued it."""

    organisation: str | None
    organisation_identifier: str | None
    country: str | None
    common_name: str | None
    distinguished_name: str
    sha256: str | None = None
    not_before: datetime | None = None
    not_after: datetime | None = None
    issuer_name: str | None = None

    @property
    def identifier_scheme(self) -> str | None:
        """The 3-letter scheme of ``organisation_identifier`` (``VAT``, ``NTR``, ``PSD`` ...)."""
        value = self.organisation_identifier
        if value and len(value) > 6 and value[5] == "-" and value[:3].isalpha():
            return value[:3]
        return None


def seal_subject(certificate: x509.Certificate) -> SealSubject:
    name = subject_of(certificate)
    return SealSubject(
        organisation=_first(name, NameOID.ORGANIZATION_NAME),
        organisation_identifier=_first(name, ORGANIZATION_IDENTIFIER),
        country=_first(name, NameOID.COUNTRY_NAME),
        common_name=_first(name, NameOID.COMMON_NAME),
        distinguished_name=name.rfc4514_string(),
        sha256=certificate.fingerprint(hashes.SHA256()).hex(),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        issuer_name=issuer_of(certificate).rfc4514_string(),
    )


def _first(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return None
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")
