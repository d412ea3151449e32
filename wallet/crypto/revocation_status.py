"""One certificate's revocation status at a proven time, from OCSP responses and CRLs fetched
online (ETSI EN 319 102-1 §5.2.5 and §5.6.2.4, RFC 6960, RFC 5280 §6.3).

A status service speaks about the present: its answer proves the certificate was *not*
revoked at the proven time only if it was issued at or after that time, and it is used only
while it is current (``nextUpdate`` not passed). A revocation dated after the proven time does
not undo a seal made before it: the certificate still counts as good at that time, and the
result says when it was revoked. Anything that does not prove either way is ``unknown`` with
the reason in a sentence (INDETERMINATE, never failed).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from wallet.crypto.revocation_lookup import FetchedRevocation
from wallet.translation import tr

# Clocks of status services and of this computer may differ a little.
TOLERANCE = timedelta(minutes=5)

Standing = Literal["good", "revoked", "unknown"]


@dataclass(frozen=True)
class CertificateStatus:
    """``good`` at the proven time (``revoked_at`` set when it was revoked only later),
    ``revoked`` before it, or ``unknown`` (``reason`` says why); ``source`` names the kind of
    answer that decided it."""

    standing: Standing
    source: str | None = None
    revoked_at: datetime | None = None
    reason: str | None = None
    # An OCSP answer signed by a delegated responder without ``id-pkix-ocsp-nocheck``: it
    # counts only once that responder is shown unrevoked when it answered (``produced_at``).
    delegated_responder: x509.Certificate | None = None
    produced_at: datetime | None = None


def unknown(reason: str) -> CertificateStatus:
    return CertificateStatus("unknown", reason=reason)


def certificate_status(
    certificate: x509.Certificate,
    issuer: x509.Certificate,
    fetched: FetchedRevocation,
    *,
    moment: datetime,
    now: datetime,
) -> CertificateStatus:
    """OCSP answers first (RFC 6960), then CRLs; the first that decides wins."""
    # Imported here: both modules use the helpers above.
    from wallet.crypto.crl_status import crl_answer  # noqa: PLC0415
    from wallet.crypto.ocsp_status import ocsp_answer  # noqa: PLC0415

    reasons: list[str] = []
    for der in fetched.ocsp_responses:
        found = ocsp_answer(der, certificate, issuer, moment=moment, now=now)
        if found.standing != "unknown":
            return found
        reasons.append(found.reason or "")
    for der in fetched.crls:
        found = crl_answer(der, certificate, issuer, moment=moment, now=now)
        if found.standing != "unknown":
            return found
        reasons.append(found.reason or "")
    reasons.extend(fetched.problems)
    reasons = [r for r in reasons if r]
    if reasons:
        return unknown(reasons[0])
    return unknown(tr("The certificate names no OCSP responder or CRL to ask."))


def judged_at(
    *,
    this_update: datetime,
    next_update: datetime | None,
    revoked_at: datetime | None,
    certificate: x509.Certificate,
    covers_expired: bool,
    moment: datetime,
    now: datetime,
    source: str,
) -> CertificateStatus:
    """The common rules of time for one OCSP single response or one CRL."""
    if this_update > now + TOLERANCE:
        return unknown(tr("The revocation answer is dated in the future; it was not used."))
    if next_update is not None and next_update < now - TOLERANCE:
        return unknown(tr("The revocation answer is out of date; no current one was found."))
    if revoked_at is not None:
        standing: Standing = "revoked" if revoked_at <= moment else "good"
        return CertificateStatus(standing, source, revoked_at=revoked_at)
    if this_update < moment - TOLERANCE:
        return unknown(tr(
            "The revocation answer is older than the time the seal is checked at, so it "
            "cannot speak for that time."))
    if certificate.not_valid_after_utc < this_update and not covers_expired:
        return unknown(tr(
            "The certificate has expired since, and the revocation service no longer speaks "
            "for expired certificates."))
    return CertificateStatus("good", source)


def key_hash(certificate: x509.Certificate, algorithm: str = "sha1") -> bytes:
    """The hash of the subject public key's bits (RFC 6960 §4.1.1 ``issuerKeyHash``)."""
    import asn1crypto.keys  # noqa: PLC0415 - only this helper needs it

    spki = certificate.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    bits = asn1crypto.keys.PublicKeyInfo.load(spki)["public_key"].contents[1:]
    return hashlib.new(algorithm, bits).digest()


def signed_by(
    public_key: object, signature: bytes, data: bytes, algorithm: hashes.HashAlgorithm | None
) -> bool:
    """Whether ``signature`` over ``data`` verifies with ``public_key`` (RSA PKCS#1 v1.5,
    ECDSA, EdDSA: what status services sign with)."""
    try:
        if isinstance(public_key, rsa.RSAPublicKey) and algorithm is not None:
            public_key.verify(signature, data, padding.PKCS1v15(), algorithm)
        elif isinstance(public_key, ec.EllipticCurvePublicKey) and algorithm is not None:
            public_key.verify(signature, data, ec.ECDSA(algorithm))
        elif isinstance(public_key, (ed25519.Ed25519PublicKey, ed448.Ed448PublicKey)):
            public_key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):
        return False
    return True
