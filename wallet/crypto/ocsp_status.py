"""Validate one OCSP response about one certificate (RFC 6960 §3.2).

1. the response is successful and holds a single response for this certificate's CertID
   (issuer name hash, issuer key hash, serial number);
2. it is signed by the issuing CA itself, or by a responder whose certificate that CA issued
   for ``id-kp-OCSPSigning``, valid when the response was produced; such a delegated
   responder without ``id-pkix-ocsp-nocheck`` is named in the result, so the caller checks
   its own revocation before relying on the answer (RFC 6960 §4.2.2.2.1, see
   :mod:`wallet.crypto.ocsp_responder`);
3. its times and status are judged by :func:`wallet.crypto.revocation_status.judged_at`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID

from wallet.crypto.revocation_status import (
    CertificateStatus,
    judged_at,
    key_hash,
    signed_by,
    unknown,
)
from wallet.translation import tr

OCSP_RESPONSE = "OCSP response"
# id-pkix-ocsp-archive-cutoff (RFC 6960 §4.4.4): the responder keeps status past expiry.
_ARCHIVE_CUTOFF = x509.ObjectIdentifier("1.3.6.1.5.5.7.48.1.6")
# id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): trust this responder for its certificate's life.
NOCHECK = x509.ObjectIdentifier("1.3.6.1.5.5.7.48.1.5")


def ocsp_answer(
    der: bytes,
    certificate: x509.Certificate,
    issuer: x509.Certificate,
    *,
    moment: datetime,
    now: datetime,
) -> CertificateStatus:
    try:
        response = ocsp.load_der_ocsp_response(der)
    except ValueError:
        return unknown(tr("The OCSP responder's answer is not a readable OCSP response."))
    if response.response_status is not ocsp.OCSPResponseStatus.SUCCESSFUL:
        return unknown(tr("The OCSP responder declined to answer."))
    # 1. The single response for this certificate.
    single = next(_matching(response, certificate, issuer), None)
    if single is None:
        return unknown(tr("The OCSP responder answered about a different certificate."))
    # 2. Who signed it.
    signer = _authorised_signer(response, issuer)
    if signer is None:
        return unknown(tr(
            "The OCSP answer is not signed by the certificate authority or a responder it "
            "authorised."))
    # 3. Time and status.
    status = single.certificate_status
    if status is ocsp.OCSPCertStatus.UNKNOWN:
        return unknown(tr("The OCSP responder does not know the certificate."))
    revoked_at = single.revocation_time_utc if status is ocsp.OCSPCertStatus.REVOKED else None
    judged = _judged(single, response, certificate, revoked_at, moment=moment, now=now)
    if signer is issuer or _has_nocheck(signer) or judged.standing == "unknown":
        return judged
    return replace(judged, delegated_responder=signer, produced_at=response.produced_at_utc)


def _judged(
    single: ocsp.OCSPSingleResponse,
    response: ocsp.OCSPResponse,
    certificate: x509.Certificate,
    revoked_at: datetime | None,
    *,
    moment: datetime,
    now: datetime,
) -> CertificateStatus:
    return judged_at(
        this_update=single.this_update_utc,
        next_update=single.next_update_utc,
        revoked_at=revoked_at,
        certificate=certificate,
        covers_expired=_has_archive_cutoff(response),
        moment=moment,
        now=now,
        source=OCSP_RESPONSE,
    )


def _matching(
    response: ocsp.OCSPResponse, certificate: x509.Certificate, issuer: x509.Certificate
) -> Iterator[ocsp.OCSPSingleResponse]:
    name_der = issuer.subject.public_bytes()
    for single in response.responses:
        algorithm = single.hash_algorithm.name
        if single.serial_number != certificate.serial_number:
            continue
        if single.issuer_name_hash != hashlib.new(algorithm, name_der).digest():
            continue
        if single.issuer_key_hash == key_hash(issuer, algorithm):
            yield single


def _authorised_signer(
    response: ocsp.OCSPResponse, issuer: x509.Certificate
) -> x509.Certificate | None:
    """The CA or its delegated responder, when the response's signature verifies with it."""
    signer = _responder_certificate(response, issuer)
    if signer is None:
        return None
    if signed_by(
        signer.public_key(),
        response.signature,
        response.tbs_response_bytes,
        response.signature_hash_algorithm,
    ):
        return signer
    return None


def _has_nocheck(responder: x509.Certificate) -> bool:
    try:
        responder.extensions.get_extension_for_oid(NOCHECK)
    except x509.ExtensionNotFound:
        return False
    return True


def _responder_certificate(
    response: ocsp.OCSPResponse, issuer: x509.Certificate
) -> x509.Certificate | None:
    """The CA itself (RFC 6960 §4.2.2.2 case 1), or a delegated responder it issued (case 3)."""
    if _names(response, issuer):
        return issuer
    for candidate in response.certificates:
        if _names(response, candidate) and _delegated_by(candidate, issuer, response):
            return candidate
    return None


def _names(response: ocsp.OCSPResponse, certificate: x509.Certificate) -> bool:
    if response.responder_name is not None:
        return response.responder_name == certificate.subject
    return response.responder_key_hash == key_hash(certificate)


def _delegated_by(
    responder: x509.Certificate, issuer: x509.Certificate, response: ocsp.OCSPResponse
) -> bool:
    try:
        responder.verify_directly_issued_by(issuer)
        usage = responder.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except (ValueError, TypeError, InvalidSignature, x509.ExtensionNotFound):
        return False
    produced = response.produced_at_utc
    return (
        ExtendedKeyUsageOID.OCSP_SIGNING in usage
        and responder.not_valid_before_utc <= produced <= responder.not_valid_after_utc
    )


def _has_archive_cutoff(response: ocsp.OCSPResponse) -> bool:
    try:
        response.extensions.get_extension_for_oid(_ARCHIVE_CUTOFF)
    except x509.ExtensionNotFound:
        return False
    return True
