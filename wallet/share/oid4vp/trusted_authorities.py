"""Does an authority the verifier accepts vouch for a credential's issuer? DCQL's
``trusted_authorities`` (OpenID4VP 1.0 §6.1.1), answered as far as a desktop wallet can tell.

Each kind of authority, and what Kredo can know about it offline:

- ``aki``: the base64url KeyIdentifier of an AuthorityKeyIdentifier (RFC 5280 §4.2.1.1). It
  matches when a certificate in the credential's own chain (a seal's or JWT's ``x5c``)
  carries that identifier; a credential without an X.509 chain cannot match.
- ``etsi_tl``: a trusted list (ETSI TS 119 612) by its address. Kredo has a dated snapshot of
  the EU trusted lists (the LOTL and the member states' lists, with their qualified seal
  CAs): a credential matches when its chain holds a CA on the named list, or a certificate
  that CA issued; the LOTL covers every list it points to. A list Kredo does not have (or a
  LOTL whose snapshot had to leave some countries out, when nothing else matched) cannot be
  judged: **cannot tell**.
- ``openid_federation`` and kinds Kredo does not know: a federation's trust chain can only
  be built online from entity statements Kredo does not fetch: **cannot tell**.

One authority that matches is enough (§6.1: "at least one of the conditions"). The verdict
*cannot tell* is kept apart from *does not match*: the spec asks the wallet only to SHOULD-
filter, and the verifier checks the issuer itself, so a credential Kredo cannot judge stays
on offer with a sentence saying so, and the learner decides (docs/openid4vp.md).
"""

from __future__ import annotations

import base64
import binascii
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import Encoding

from wallet.crypto.x509_names import issuer_of, subject_of
from wallet.model import Credential, CredentialFormat
from wallet.share.oid4vp.dcql import TrustedAuthority
from wallet.translation import tr
from wallet.trust.snapshot import TrustSnapshot

AKI = "aki"
ETSI_TL = "etsi_tl"
OPENID_FEDERATION = "openid_federation"


class AuthorityVerdict(enum.Enum):
    MATCHES = "matches"
    DOES_NOT_MATCH = "does_not_match"
    CANNOT_TELL = "cannot_tell"


@dataclass(frozen=True)
class AuthorityCheck:
    """The verdict over all the query's authorities; ``note`` says why Kredo cannot tell."""

    verdict: AuthorityVerdict
    note: str | None = None


_MATCHES = AuthorityCheck(AuthorityVerdict.MATCHES)
_DOES_NOT_MATCH = AuthorityCheck(AuthorityVerdict.DOES_NOT_MATCH)


def check_authorities(
    authorities: Sequence[TrustedAuthority], credential: Credential,
    trusted_lists: TrustSnapshot | None,
) -> AuthorityCheck:
    """Whether one of ``authorities`` vouches for ``credential``'s issuer (no authorities:
    the verifier did not ask, so it matches)."""
    if not authorities:
        return _MATCHES
    chain = credential_chain(credential)
    checks = [_check(a, chain, trusted_lists) for a in authorities]
    if any(c.verdict is AuthorityVerdict.MATCHES for c in checks):
        return _MATCHES
    return next((c for c in checks if c.verdict is AuthorityVerdict.CANNOT_TELL),
                _DOES_NOT_MATCH)


def credential_chain(credential: Credential) -> tuple[x509.Certificate, ...]:
    """The X.509 certificates the credential carries for its signature (``x5c``), signer
    first; unreadable ones are left out (verification judges them, not matching)."""
    if credential.format is CredentialFormat.EDC_SEALED:
        der = credential.extras.get("x5c") or ()
    elif credential.format in (CredentialFormat.VC_JWT, CredentialFormat.SD_JWT_VC):
        header = credential.extras.get("jws_header") or {}
        der = _decoded(header.get("x5c") if isinstance(header, dict) else None)
    else:
        der = ()
    chain = []
    for item in der:
        try:
            chain.append(x509.load_der_x509_certificate(item))
        except ValueError:
            continue
    return tuple(chain)


def _decoded(x5c: object) -> tuple[bytes, ...]:
    if not isinstance(x5c, list):
        return ()
    found = []
    for entry in x5c:
        try:
            found.append(base64.b64decode(entry, validate=True))
        except (binascii.Error, ValueError, TypeError):
            continue
    return tuple(found)


def _check(authority: TrustedAuthority, chain: Sequence[x509.Certificate],
           trusted_lists: TrustSnapshot | None) -> AuthorityCheck:
    if authority.type == AKI:
        identifiers = {_aki(c) for c in chain} - {None}
        wanted = {v.rstrip("=") for v in authority.values}
        return _MATCHES if identifiers & wanted else _DOES_NOT_MATCH
    if authority.type == ETSI_TL:
        return _on_trusted_lists(authority.values, chain, trusted_lists)
    if authority.type == OPENID_FEDERATION:
        return AuthorityCheck(AuthorityVerdict.CANNOT_TELL, tr(
            "The verifier accepts issuers of an OpenID Federation ({name}); Kredo cannot check "
            "federations, so it cannot tell whether this credential's issuer belongs to it. "
            "The verifier will check.", name=authority.values[0][:100]))
    return AuthorityCheck(AuthorityVerdict.CANNOT_TELL, tr(
        "The verifier accepts issuers vouched for in a way Kredo does not know ({kind}); Kredo "
        "cannot tell whether this credential's issuer qualifies. The verifier will check.",
        kind=authority.type[:60]))


def _aki(certificate: x509.Certificate) -> str | None:
    try:
        extension = certificate.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)
    except (x509.ExtensionNotFound, ValueError):
        return None
    identifier = extension.value.key_identifier
    if identifier is None:
        return None
    return base64.urlsafe_b64encode(identifier).rstrip(b"=").decode("ascii")


def _on_trusted_lists(lists: Sequence[str], chain: Sequence[x509.Certificate],
                      snapshot: TrustSnapshot | None) -> AuthorityCheck:
    unknown: list[str] = []
    for location in lists:
        territories = _territories(location, snapshot)
        if territories is None or snapshot is None:
            unknown.append(location)
            continue
        anchors = [a.certificate for a in snapshot.anchors
                   if territories == "*" or a.territory in territories]
        if _reaches(chain, anchors):
            return _MATCHES
        if territories == "*" and snapshot.left_out and chain:
            unknown.append(location)
    if unknown:
        return AuthorityCheck(AuthorityVerdict.CANNOT_TELL, tr(
            "The verifier accepts issuers on the trusted list {list}, which Kredo's copy of "
            "the EU trusted lists does not hold in full, so Kredo cannot tell whether this "
            "credential's issuer is on it. The verifier will check.", list=unknown[0][:120]))
    return _DOES_NOT_MATCH


def _territories(location: str, snapshot: TrustSnapshot | None) -> frozenset[str] | str | None:
    """The snapshot territories a trusted list's address covers: ``"*"`` for the LOTL (it
    points to all of them), None for a list the snapshot does not hold."""
    if snapshot is None:
        return None
    wanted = _normalised(location)
    if snapshot.lotl is not None and _normalised(snapshot.lotl.location) == wanted:
        return "*"
    found = frozenset(s.territory for s in snapshot.sources
                      if _normalised(s.location) == wanted)
    return found or None


def _normalised(location: str) -> str:
    return location.strip().rstrip("/").lower()


def _reaches(chain: Sequence[x509.Certificate], anchors: Iterable[x509.Certificate]) -> bool:
    """A certificate of the chain is a listed CA, or was issued by one."""
    anchors = list(anchors)
    listed = {a.public_bytes(Encoding.DER) for a in anchors}
    for certificate in chain:
        if certificate.public_bytes(Encoding.DER) in listed:
            return True
        issuer = issuer_of(certificate)
        if any(subject_of(a) == issuer and _issued_by(certificate, a) for a in anchors):
            return True
    return False


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True
