"""A certificate chain's revocation, decided online at the proven time.

Path validation (:mod:`wallet.crypto.x509_path`) finds a chain that holds in every respect but
revocation when the file embeds no revocation data. With the person's leave to go online,
each certificate below the anchor that names a status service is asked about here (one that
names none is not, as offline): the lookup fetches (or finds cached) its OCSP responses
and CRLs (the CRLs again when the OCSP answer cannot be used),
:mod:`wallet.crypto.revocation_status` validates them (and
:mod:`wallet.crypto.ocsp_responder` a delegated responder's own standing). One
certificate revoked before the proven time fails the chain; one whose status stays unknown
leaves it INDETERMINATE, with the reason; a revocation after the proven time is said in a note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

import asn1crypto.x509
from cryptography import x509

from wallet.crypto.ocsp_responder import with_responder_checked
from wallet.crypto.revocation_lookup import FetchedRevocation, RevocationLookup
from wallet.crypto.revocation_status import (
    CertificateStatus,
    Standing,
    certificate_status,
    unknown,
)
from wallet.translation import tr


@dataclass(frozen=True)
class ChainRevocation:
    """``good``: every certificate below the anchor was not revoked at the proven time;
    ``revoked``: ``problem`` says which was, and when; ``unknown``: ``reason`` says why not
    decided. ``source`` names what decided it, for the report."""

    standing: Standing
    source: str | None = None
    problem: str | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()
    from_cache: bool = False


def chain_revocation(
    chain: Sequence[asn1crypto.x509.Certificate],
    lookup: RevocationLookup,
    *,
    moment: datetime,
    now: datetime,
) -> ChainRevocation:
    """Ask about each certificate of ``chain`` (anchor first) below the anchor."""
    notes: list[str] = []
    sources: list[str] = []
    cached = True
    for issuer_asn1, subject_asn1 in pairwise(chain):
        issuer = x509.load_der_x509_certificate(issuer_asn1.dump())
        certificate = x509.load_der_x509_certificate(subject_asn1.dump())
        if not declares_status_service(subject_asn1):
            # As offline (pyhanko-certvalidator's hard-fail: check if declared), a certificate
            # that names no OCSP responder and no CRL is not asked about.
            continue
        fetched = lookup.status_data(certificate, issuer)
        found = certificate_status(certificate, issuer, fetched, moment=moment, now=now)
        found = with_responder_checked(found, issuer, lookup, now=now)
        if found.standing == "unknown" and fetched.ocsp_responses and not fetched.crls:
            found, fetched = crl_second_chance(found, certificate, issuer, lookup,
                                               moment=moment, now=now)
        cached = cached and fetched.from_cache
        name = _name(subject_asn1)
        if found.standing == "unknown":
            return ChainRevocation("unknown", reason=tr(
                "Whether the certificate of {name} was revoked could not be checked online: "
                "{reason}", name=name, reason=found.reason or ""))
        when = f"{found.revoked_at:%Y-%m-%d %H:%M} UTC" if found.revoked_at else ""
        if found.standing == "revoked":
            return ChainRevocation("revoked", problem=tr(
                "The certificate of {name} was revoked on {date}, before the time it is checked "
                "at ({moment}).", name=name, date=when, moment=f"{moment:%Y-%m-%d %H:%M} UTC"))
        if found.revoked_at is not None:
            notes.append(tr(
                "The certificate of {name} was revoked on {date}, after the time it is checked "
                "at ({moment}), so it was still valid then.",
                name=name, date=when, moment=f"{moment:%Y-%m-%d %H:%M} UTC"))
        sources.append(found.source or "")
    how = " and ".join(dict.fromkeys(s for s in sources if s)) or "not needed"
    where = "from the wallet's cache" if cached else "fetched online"
    return ChainRevocation("good", source=f"{how}, {where}", notes=tuple(notes),
                           from_cache=cached)


def crl_second_chance(
    unusable: CertificateStatus,
    certificate: x509.Certificate,
    issuer: x509.Certificate,
    lookup: RevocationLookup,
    *,
    moment: datetime,
    now: datetime,
) -> tuple[CertificateStatus, FetchedRevocation]:
    """The OCSP answer could not be used (bad signature, a responder not proven unrevoked,
    status unknown, out of date): the certificate's CRL decides instead, if it can. Still
    unknown, the OCSP answer's reason is kept first, then the CRL's."""
    crls = lookup.crl_data(certificate)
    if not crls.crls and not crls.problems:
        return unusable, crls
    found = certificate_status(certificate, issuer, crls, moment=moment, now=now)
    if found.standing != "unknown":
        return found, crls
    return unknown(" ".join(r for r in (unusable.reason, found.reason) if r)), crls


def declares_status_service(certificate: asn1crypto.x509.Certificate) -> bool:
    """The certificate names an OCSP responder or a CRL distribution point."""
    return bool(certificate.ocsp_urls or certificate.crl_distribution_points)


def _name(certificate: asn1crypto.x509.Certificate) -> str:
    parts = certificate.subject.native
    common = parts.get("common_name") if isinstance(parts, dict) else None
    return str(common or certificate.subject.human_friendly)
