"""A delegated OCSP responder's own revocation (RFC 6960 §4.2.2.2.1).

A CA may hand OCSP signing to a responder certificate it issues for ``id-kp-OCSPSigning``.
Such an answer is only as good as that responder: if its certificate carries
``id-pkix-ocsp-nocheck``, the CA vouches for it for its whole life and nothing more is asked
(:mod:`wallet.crypto.ocsp_status` decides that). Otherwise the responder's own revocation must
be checked, from the CA's CRL or an OCSP answer the CA signed itself (never one from a
delegated responder again, which could vouch for itself). Not proven unrevoked when it
answered: the answer is not enough, and the certificate's status stays unknown with the reason.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from cryptography import x509
from cryptography.x509 import ocsp
from cryptography.x509.oid import NameOID

from wallet.crypto.crl_status import crl_answer
from wallet.crypto.ocsp_status import ocsp_answer
from wallet.crypto.revocation_lookup import FetchedRevocation, RevocationLookup
from wallet.crypto.revocation_status import CertificateStatus, unknown
from wallet.translation import tr


def with_responder_checked(
    found: CertificateStatus,
    issuer: x509.Certificate,
    lookup: RevocationLookup,
    *,
    now: datetime,
) -> CertificateStatus:
    """``found`` as it is when no delegated responder needs checking or the one that answered
    was not revoked when it answered; otherwise unknown, saying why the answer is not enough."""
    responder = found.delegated_responder
    if responder is None or found.produced_at is None:
        return found
    fetched = lookup.status_data(responder, issuer)
    standing = responder_standing(responder, issuer, fetched,
                                  produced_at=found.produced_at, now=now)
    if standing.standing == "unknown" and fetched.ocsp_responses and not fetched.crls:
        # The answer about the responder was no use (from a responder again, say): its CRL.
        crls = lookup.crl_data(responder)
        if crls.crls:
            second = responder_standing(responder, issuer, crls,
                                        produced_at=found.produced_at, now=now)
            standing = second if second.standing != "unknown" else standing
    if standing.standing == "good":
        return replace(found, delegated_responder=None)
    name = _name(responder)
    if standing.standing == "revoked":
        return unknown(tr(
            "The OCSP answer comes from the responder {name}, whose own certificate was "
            "revoked, so the answer was not used.", name=name))
    return unknown(tr(
        "The OCSP answer comes from the responder {name}, whose own revocation could not be "
        "checked: {reason}", name=name, reason=standing.reason or ""))


def responder_standing(
    responder: x509.Certificate,
    issuer: x509.Certificate,
    fetched: FetchedRevocation,
    *,
    produced_at: datetime,
    now: datetime,
) -> CertificateStatus:
    """The responder's status when it produced its answer: from a current CRL of the CA, or
    an OCSP answer the CA signed itself. A current answer speaks up to its own issue time,
    so the responder is judged at that time or ``produced_at``, whichever is earlier."""
    reasons: list[str] = []
    for der in fetched.ocsp_responses:
        moment = min(produced_at, _ocsp_this_update(der) or produced_at)
        found = ocsp_answer(der, responder, issuer, moment=moment, now=now)
        if found.delegated_responder is not None:
            found = unknown(tr("The answer about the responder comes from a responder again."))
        if found.standing != "unknown":
            return found
        reasons.append(found.reason or "")
    for der in fetched.crls:
        moment = min(produced_at, _crl_this_update(der) or produced_at)
        found = crl_answer(der, responder, issuer, moment=moment, now=now)
        if found.standing != "unknown":
            return found
        reasons.append(found.reason or "")
    reasons = [r for r in (*reasons, *fetched.problems) if r]
    if reasons:
        return unknown(reasons[0])
    return unknown(tr("The responder's certificate names no CRL to check it against."))


def _ocsp_this_update(der: bytes) -> datetime | None:
    try:
        response = ocsp.load_der_ocsp_response(der)
        if response.response_status is not ocsp.OCSPResponseStatus.SUCCESSFUL:
            return None
        return min(single.this_update_utc for single in response.responses)
    except ValueError:
        return None


def _crl_this_update(der: bytes) -> datetime | None:
    try:
        return x509.load_der_x509_crl(der).last_update_utc
    except ValueError:
        return None


def _name(certificate: x509.Certificate) -> str:
    common = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(common[0].value) if common else certificate.subject.rfc4514_string()
