"""Validate one CRL about one certificate (RFC 5280 §6.3, without delta or indirect CRLs).

1. the CRL is issued by the certificate's issuer and signed with its key;
2. its scope covers the certificate (issuing distribution point: only CA or only end-entity
   certificates; indirect CRLs, partial reasons and delta CRLs are not used);
3. the serial number is looked up, and times judged by
   :func:`wallet.crypto.revocation_status.judged_at`.
"""

from __future__ import annotations

from datetime import datetime

from cryptography import x509

from wallet.crypto.revocation_status import CertificateStatus, judged_at, unknown
from wallet.translation import tr

CRL = "CRL"
# id-ce-expiredCertsOnCRL (X.509 §9.5.2.7): the CRL keeps revoked certificates past expiry.
_EXPIRED_CERTS_ON_CRL = x509.ObjectIdentifier("2.5.29.60")


def crl_answer(
    der: bytes,
    certificate: x509.Certificate,
    issuer: x509.Certificate,
    *,
    moment: datetime,
    now: datetime,
) -> CertificateStatus:
    try:
        crl = x509.load_der_x509_crl(der)
        crl.extensions  # noqa: B018 - parse the extensions now, not halfway through
    except ValueError:
        return unknown(tr("The certificate authority's CRL is not a readable CRL."))
    # 1. Whose list.
    if crl.issuer != certificate.issuer or crl.issuer != issuer.subject:
        return unknown(tr("The CRL comes from another authority than the certificate's."))
    if not _signature_valid(crl, issuer):
        return unknown(tr("The CRL's signature does not verify."))
    # 2. Which certificates it speaks for.
    scope_problem = _scope_problem(crl, certificate)
    if scope_problem is not None:
        return unknown(scope_problem)
    # 3. The serial number, at the proven time.
    entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
    return judged_at(
        this_update=crl.last_update_utc,
        next_update=crl.next_update_utc,
        revoked_at=entry.revocation_date_utc if entry is not None else None,
        certificate=certificate,
        covers_expired=_has(crl, _EXPIRED_CERTS_ON_CRL),
        moment=moment,
        now=now,
        source=CRL,
    )


def _signature_valid(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    try:
        return crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _scope_problem(
    crl: x509.CertificateRevocationList, certificate: x509.Certificate
) -> str | None:
    if _has(crl, x509.oid.ExtensionOID.DELTA_CRL_INDICATOR):
        return tr("The CRL is a delta CRL, which Kredo does not use on its own.")
    try:
        point = crl.extensions.get_extension_for_class(x509.IssuingDistributionPoint).value
    except x509.ExtensionNotFound:
        return None
    if point.indirect_crl or point.only_some_reasons or point.only_contains_attribute_certs:
        return tr("The CRL covers only some certificates or reasons, which Kredo does not use.")
    is_ca = _is_ca(certificate)
    if (point.only_contains_ca_certs and not is_ca) or (point.only_contains_user_certs and is_ca):
        return tr("The CRL does not cover this kind of certificate.")
    return None


def _is_ca(certificate: x509.Certificate) -> bool:
    try:
        return certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False


def _has(crl: x509.CertificateRevocationList, oid: x509.ObjectIdentifier) -> bool:
    try:
        crl.extensions.get_extension_for_oid(oid)
    except x509.ExtensionNotFound:
        return False
    return True
