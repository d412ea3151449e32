"""Who is asking: the verifier's identity as its client identifier and signature prove it.

OpenID4VP 1.0 §5.9 names the verifier by a client identifier whose prefix says how the wallet
checks it. Kredo checks, for each prefix it accepts:

- ``redirect_uri:`` — nobody vouches for it: the request must be unsigned, and the answer goes
  only to the address named (``response_uri`` must equal the identifier). Never confirmed.
- ``x509_san_dns:`` — the request object is signed by the leaf certificate of its ``x5c``
  chain; the leaf names the identifier as a DNS subject alternative name; each certificate is
  issued by the next; the answer goes only to that host. Confirmed when the chain reaches a
  certificate authority the caller trusts (``anchors``).
- ``x509_hash:`` — the same chain, the identifier being the SHA-256 of the leaf certificate.
- ``decentralized_identifier:`` — signed by a key of that DID (``kid`` a DID URL of it):
  did:key and did:jwk offline, did:web online. Confirmed: the DID's controller signed.

``origin:`` belongs to the browser's Digital Credentials API and must be refused outside it;
``verifier_attestation:``, ``openid_federation:`` and pre-registered verifiers are refused with
a sentence saying so (docs/openid4vp.md).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from wallet.crypto.jwk import PublicKey
from wallet.crypto.jws import discover_verification_key, verify_compact_jws
from wallet.crypto.jws_compact import CompactJws
from wallet.did.resolver import resolve_verification_method
from wallet.errors import PresentationRequestError, WalletError
from wallet.translation import tr

REDIRECT_URI = "redirect_uri"
X509_SAN_DNS = "x509_san_dns"
X509_HASH = "x509_hash"
DECENTRALIZED_IDENTIFIER = "decentralized_identifier"
ACCEPTED_PREFIXES = (REDIRECT_URI, X509_SAN_DNS, X509_HASH, DECENTRALIZED_IDENTIFIER)
_REFUSED_PREFIXES = frozenset({"origin", "verifier_attestation", "openid_federation"})
MAX_CHAIN = 5
# The ``details`` of the refusal of a did:web verifier Kredo was not allowed to look up, so a
# face can say that the DID document was not consulted and offer to look it up.
DID_WEB_NOT_CONSULTED = "did:web document not consulted"

# A DID and its controller document, fetched online for did:web (the caller's choice).
DidDocumentSource = Callable[[str], dict[str, Any]]


@dataclass(frozen=True)
class VerifierIdentity:
    """The verifier as Kredo knows it: its client identifier, the name its certificate or DID
    gives, whether Kredo could confirm it, and a sentence that says how."""

    client_id: str
    prefix: str
    name: str  # DNS name, certificate subject or DID: what the evidence says
    confirmed: bool
    assurance: str
    certificates: tuple[x509.Certificate, ...] = field(default=(), repr=False, compare=False)


def split_client_id(client_id: str) -> tuple[str, str]:
    """(prefix, value); refuses prefixes Kredo does not accept, naming why."""
    prefix, separator, value = client_id.partition(":")
    if not separator or (prefix not in ACCEPTED_PREFIXES and prefix not in _REFUSED_PREFIXES):
        if client_id.startswith(("https:", "http:", "did:")) or not separator:
            raise PresentationRequestError(
                tr("The verifier is one Kredo does not know in advance ({client}); Kredo "
                   "answers only verifiers that identify themselves by certificate, DID or "
                   "address.", client=client_id[:80]),
                details="pre-registered client identifier",
            )
        raise PresentationRequestError(
            tr("The verifier identifies itself in a way Kredo does not support ({prefix}).",
               prefix=prefix[:40]),
        )
    if prefix == "origin":
        raise PresentationRequestError(
            tr("The request claims to come from a web browser (origin), which a request "
               "reaching Kredo by link cannot; Kredo refuses it."),
        )
    if prefix in _REFUSED_PREFIXES:
        raise PresentationRequestError(
            tr("The verifier identifies itself in a way Kredo does not support ({prefix}).",
               prefix=prefix),
        )
    if not value:
        raise PresentationRequestError(tr("The verifier's client identifier is empty."))
    return prefix, value


def unsigned_identity(client_id: str) -> VerifierIdentity:
    """The identity of an unsigned request: only ``redirect_uri`` may be unsigned."""
    prefix, value = split_client_id(client_id)
    if prefix != REDIRECT_URI:
        raise PresentationRequestError(
            tr("The request is not signed, but a verifier that names itself by certificate "
               "or DID must sign it; Kredo refuses it."),
            details=f"unsigned request with {prefix}",
        )
    return VerifierIdentity(
        client_id=client_id, prefix=prefix, name=value, confirmed=False,
        assurance=tr("Nobody vouches for this verifier: it only names the address the answer "
                     "goes to."),
    )


def signed_identity(
    client_id: str,
    request: CompactJws,
    *,
    anchors: Sequence[x509.Certificate] = (),
    did_documents: DidDocumentSource | None = None,
    now: datetime | None = None,
) -> VerifierIdentity:
    """Check the signature of a request object against the client identifier's prefix."""
    prefix, value = split_client_id(client_id)
    if prefix == REDIRECT_URI:
        raise PresentationRequestError(
            tr("The request is signed although its verifier names itself only by an "
               "address, which OpenID4VP forbids; Kredo refuses it."),
        )
    if prefix == DECENTRALIZED_IDENTIFIER:
        return _did_identity(client_id, value, request, did_documents)
    return _x509_identity(client_id, prefix, value, request, anchors=anchors,
                          now=now or datetime.now(UTC))


# --- x509_san_dns and x509_hash -----------------------------------------------------------


def _x509_identity(
    client_id: str, prefix: str, value: str, request: CompactJws, *,
    anchors: Sequence[x509.Certificate], now: datetime,
) -> VerifierIdentity:
    try:
        found = discover_verification_key({"x5c": request.header.get("x5c")})
    except WalletError:
        found = None
    if found is None or not found.certificates:
        raise PresentationRequestError(
            tr("The request names its verifier by certificate but carries no readable "
               "certificate chain."), details="x5c",
        )
    chain = found.certificates
    leaf = chain[0]
    _check_signature(request, found.key)
    if prefix == X509_SAN_DNS and value.lower() not in _dns_names(leaf):
        raise PresentationRequestError(
            tr("The verifier's certificate is not issued for {name}, the name the request "
               "gives; Kredo refuses it.", name=value[:100]),
        )
    if prefix == X509_HASH and not _hash_matches(value, leaf):
        raise PresentationRequestError(
            tr("The verifier's certificate is not the one its client identifier names; "
               "Kredo refuses it."),
        )
    _check_chain(chain, now)
    name = value if prefix == X509_SAN_DNS else _subject_name(leaf)
    return _x509_verdict(VerifierIdentity(client_id, prefix, name, False, "", chain),
                         anchors, now)


def with_anchors(identity: VerifierIdentity, anchors: Sequence[x509.Certificate],
                 now: datetime | None = None) -> VerifierIdentity:
    """``identity`` judged again against ``anchors`` (the learner trusted another certificate
    authority since the request was read); the chain was checked when it was read, so
    nothing is fetched. Other kinds of verifier are returned as they are."""
    if identity.prefix not in (X509_SAN_DNS, X509_HASH) or not identity.certificates:
        return identity
    return _x509_verdict(identity, anchors, now or datetime.now(UTC))


def _x509_verdict(identity: VerifierIdentity, anchors: Sequence[x509.Certificate],
                  now: datetime) -> VerifierIdentity:
    name = identity.name
    confirmed = _reaches_anchor(identity.certificates, anchors, now)
    assurance = (
        tr("The request is signed with a certificate for {name} from a certificate authority "
           "Kredo trusts.", name=name)
        if confirmed else
        tr("The request is signed with a certificate for {name}, but Kredo does not know the "
           "authority that issued it, so who runs {name} is not confirmed.", name=name)
    )
    return replace(identity, confirmed=confirmed, assurance=assurance)


def _check_signature(request: CompactJws, key: PublicKey) -> None:
    outcome = verify_compact_jws(request, key)
    if not outcome.valid:
        raise PresentationRequestError(
            tr("The verifier's request does not match its signature: it was altered or signed "
               "by someone else. Kredo refuses it."),
            details=outcome.message,
        )


def _dns_names(certificate: x509.Certificate) -> set[str]:
    try:
        extension = certificate.extensions.get_extension_for_class(
            x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return set()
    return {name.lower() for name in extension.value.get_values_for_type(x509.DNSName)}


def _hash_matches(value: str, leaf: x509.Certificate) -> bool:
    digest = hashlib.sha256(leaf.public_bytes(Encoding.DER)).digest()
    return value == base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _check_chain(chain: Sequence[x509.Certificate], now: datetime) -> None:
    if len(chain) > MAX_CHAIN:
        raise PresentationRequestError(tr("The verifier's certificate chain is too long."))
    for certificate in chain:
        if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
            raise PresentationRequestError(
                tr("A certificate of the verifier is expired or not yet valid; Kredo refuses "
                   "the request."),
                details=certificate.subject.rfc4514_string()[:200],
            )
    for child, parent in itertools.pairwise(chain):
        if not _issued_by(child, parent):
            raise PresentationRequestError(
                tr("The verifier's certificates do not form a chain; Kredo refuses the "
                   "request."),
            )


def _reaches_anchor(chain: Sequence[x509.Certificate], anchors: Sequence[x509.Certificate],
                    now: datetime) -> bool:
    last = chain[-1]
    for anchor in anchors:
        if not anchor.not_valid_before_utc <= now <= anchor.not_valid_after_utc:
            continue
        if last == anchor or _issued_by(last, anchor):
            return True
    return False


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _subject_name(certificate: x509.Certificate) -> str:
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        values = certificate.subject.get_attributes_for_oid(oid)
        if values and isinstance(values[0].value, str):
            return values[0].value[:200]
    return certificate.subject.rfc4514_string()[:200]


# --- decentralized_identifier -------------------------------------------------------------


def _did_identity(
    client_id: str, did: str, request: CompactJws, did_documents: DidDocumentSource | None
) -> VerifierIdentity:
    kid = request.header.get("kid")
    if not isinstance(kid, str) or kid.partition("#")[0] != did:
        raise PresentationRequestError(
            tr("The request is not signed with a key of the verifier's DID {did}; Kredo "
               "refuses it.", did=did[:100]),
        )
    documents = None
    if did.startswith("did:web:"):
        if did_documents is None:
            raise PresentationRequestError(
                tr("The verifier's DID {did} can only be checked online, and Kredo is not "
                   "allowed to go online for it.", did=did[:100]),
                details=DID_WEB_NOT_CONSULTED)
        documents = {did: did_documents(did)}
    try:
        method = resolve_verification_method(kid, documents=documents)
    except WalletError as exc:
        raise PresentationRequestError(
            tr("The key of the verifier's DID {did} could not be found; Kredo refuses the "
               "request.", did=did[:100]), details=exc.message,
        ) from None
    _check_signature(request, method.public_key)
    return VerifierIdentity(
        client_id=client_id, prefix=DECENTRALIZED_IDENTIFIER, name=did, confirmed=True,
        assurance=tr("The request is signed by the controller of {did}.", did=did[:100]),
    )
