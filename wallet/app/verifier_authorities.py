"""The certificate authorities whose verifiers the learner trusts (OpenID4VP ``x509_san_dns``
and ``x509_hash`` verifiers count as confirmed when their chain reaches one of them).

Kredo bundles no list of verifier access-certificate authorities yet, so the learner (or an
administrator) adds the CA certificates they were given — a PEM file with one or more
certificates, or one DER certificate — with ``kredo verifiers add-ca`` or from the consent
dialog. They are kept inside the encrypted wallet as one JSON setting (each certificate's DER
bytes, base64, and when it was added), so they travel with backups; a damaged entry is left
out, never trusted. Both faces read them through :func:`verifier_anchors`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from wallet.errors import TrustMaterialError
from wallet.translation import tr
from wallet.trust.user_trust import SettingsStore

VERIFIER_AUTHORITIES_KEY = "verifier_authorities"
MAX_AUTHORITIES = 100
_PEM_MARK = b"-----BEGIN CERTIFICATE-----"


@dataclass(frozen=True)
class VerifierAuthority:
    """One trusted certificate authority: its name, SHA-256 fingerprint (hex), validity and
    when it was added."""

    name: str
    fingerprint: str
    not_after: datetime
    added_at: str
    certificate: x509.Certificate = field(repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "fingerprint": self.fingerprint,
                "not_after": self.not_after.isoformat(), "added_at": self.added_at}


def verifier_authorities(store: SettingsStore) -> tuple[VerifierAuthority, ...]:
    """The learner's verifier certificate authorities, in the order they were added."""
    found: list[VerifierAuthority] = []
    for item in _items(store.get_setting(VERIFIER_AUTHORITIES_KEY)):
        try:
            certificate = x509.load_der_x509_certificate(base64.b64decode(item["der"]))
        except (KeyError, TypeError, ValueError):
            continue
        found.append(_authority(certificate, str(item.get("added_at", ""))))
    return tuple(found)


def verifier_anchors(store: SettingsStore) -> tuple[x509.Certificate, ...]:
    """The certificates a verifier's chain must reach to count as confirmed."""
    return tuple(a.certificate for a in verifier_authorities(store))


def read_certificates(raw: bytes, *, name: str) -> tuple[x509.Certificate, ...]:
    """The certificates of a PEM file (one or more) or of one DER certificate."""
    try:
        if _PEM_MARK in raw:
            certificates = tuple(x509.load_pem_x509_certificates(raw))
        else:
            certificates = (x509.load_der_x509_certificate(raw),)
    except ValueError:
        raise TrustMaterialError(
            tr("The file {name} holds no certificate Kredo can read (PEM or DER).",
               name=name)) from None
    return certificates


def add_verifier_authorities(store: SettingsStore, raw: bytes, *, name: str,
                             now: datetime | None = None) -> tuple[VerifierAuthority, ...]:
    """Trust the certificates in ``raw`` (from the file ``name``) as verifier certificate
    authorities; those already trusted are left as they are. Returns the ones added."""
    certificates = read_certificates(raw, name=name)
    items = _items(store.get_setting(VERIFIER_AUTHORITIES_KEY))
    known = {a.fingerprint for a in verifier_authorities(store)}
    when = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    added: list[VerifierAuthority] = []
    for certificate in certificates:
        authority = _authority(certificate, when)
        if authority.fingerprint in known:
            continue
        known.add(authority.fingerprint)
        der = certificate.public_bytes(Encoding.DER)
        items.append({"der": base64.b64encode(der).decode("ascii"), "added_at": when})
        added.append(authority)
    if len(items) > MAX_AUTHORITIES:
        raise TrustMaterialError(tr("Kredo keeps at most {n} verifier certificate "
                                    "authorities.", n=MAX_AUTHORITIES))
    store.set_setting(VERIFIER_AUTHORITIES_KEY, json.dumps(items))
    return tuple(added)


def remove_verifier_authority(store: SettingsStore, fingerprint: str) -> VerifierAuthority:
    """Stop trusting the authority whose fingerprint starts with ``fingerprint`` (at least
    eight hex digits, colons allowed)."""
    wanted = fingerprint.replace(":", "").strip().lower()
    chosen = [a for a in verifier_authorities(store)
              if len(wanted) >= 8 and a.fingerprint.startswith(wanted)]
    if len(chosen) != 1:
        raise TrustMaterialError(
            tr("No single trusted verifier certificate authority has the fingerprint "
               "{fingerprint}; give at least its first eight hex digits.",
               fingerprint=fingerprint[:80]))
    (removed,) = chosen
    items = [item for item in _items(store.get_setting(VERIFIER_AUTHORITIES_KEY))
             if _fingerprint_of(item) != removed.fingerprint]
    store.set_setting(VERIFIER_AUTHORITIES_KEY, json.dumps(items))
    return removed


def _authority(certificate: x509.Certificate, added_at: str) -> VerifierAuthority:
    digest = hashlib.sha256(certificate.public_bytes(Encoding.DER)).hexdigest()
    return VerifierAuthority(_name(certificate), digest, certificate.not_valid_after_utc,
                             added_at, certificate)


def _name(certificate: x509.Certificate) -> str:
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        values = certificate.subject.get_attributes_for_oid(oid)
        if values and isinstance(values[0].value, str):
            return values[0].value[:200]
    return certificate.subject.rfc4514_string()[:200]


def _fingerprint_of(item: dict[str, Any]) -> str | None:
    try:
        return hashlib.sha256(base64.b64decode(item["der"])).hexdigest()
    except (KeyError, TypeError, ValueError):
        return None


def _items(setting: str | None) -> list[dict[str, Any]]:
    if not setting:
        return []
    try:
        loaded = json.loads(setting)
    except ValueError:
        return []
    return [item for item in loaded if isinstance(item, dict)] if isinstance(loaded, list) \
        else []
