"""Protected-header rules of a JAdES seal (RFC 7515 §4.1.11, RFC 7797 §3, ETSI TS 119 182-1 §5.1).

Each rule adds one sentence for a person to ``problems``; nothing here raises for a bad
header, because a bad seal is a verification result, not an error.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from wallet.base64url import b64url_decode
from wallet.crypto.jades_parse import b64_decode
from wallet.errors import MalformedCredential
from wallet.translation import tr

SUPPORTED_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}
)
# Critical parameters this verifier implements. ``sigD`` (detached payloads) is deliberately
# absent: an EDC seal always carries its payload, so a detached seal is refused, not guessed.
UNDERSTOOD_CRITICAL = frozenset({"b64", "sigT", "adoTst"})
# JAdES header parameters that ETSI TS 119 182-1 requires to be listed in ``crit``.
JADES_PARAMETERS = frozenset(
    {"sigT", "adoTst", "sigD", "sigX5ts", "x5t#o", "srCms", "sigPl", "srAts", "sigPId"}
)
# Parameters defined by RFC 7515/7516/7518 must never appear in ``crit`` (RFC 7515 §4.1.11).
_JOSE_REGISTERED = frozenset(
    {"alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "enc"}
)


@dataclass(frozen=True)
class HeaderCheck:
    """What the protected header says, and what is wrong with it."""

    algorithm: str | None
    certificates: tuple[x509.Certificate, ...]
    thumbprint_ok: bool
    signing_time: datetime | None
    problems: tuple[str, ...]

    @property
    def signer_certificate(self) -> x509.Certificate | None:
        return self.certificates[0] if self.certificates else None


def check_protected_header(header: Mapping[str, Any]) -> HeaderCheck:
    """Apply the JWS/JAdES header rules; the certificates are needed even when rules fail."""
    problems: list[str] = []
    algorithm = header.get("alg")
    if algorithm not in SUPPORTED_ALGORITHMS:
        problems.append(tr("The seal uses a signature algorithm Kredo does not accept."))
    if header.get("b64") is not False:
        problems.append(
            tr("The seal is not a JAdES seal over an unencoded payload (b64 is not false).")
        )
    problems.extend(_crit_problems(header))
    certificates = _certificates(header, problems)
    thumbprint_ok = _thumbprint_matches(header, certificates, problems)
    signing_time = _signing_time(header, problems)
    return HeaderCheck(
        algorithm=algorithm if isinstance(algorithm, str) else None,
        certificates=certificates,
        thumbprint_ok=thumbprint_ok,
        signing_time=signing_time,
        problems=tuple(problems),
    )


def _crit_problems(header: Mapping[str, Any]) -> list[str]:
    crit = header.get("crit")
    if not isinstance(crit, list) or not crit or not all(isinstance(n, str) for n in crit):
        return [tr("The seal header has no valid list of critical parameters (crit).")]
    problems: list[str] = []
    if len(set(crit)) != len(crit):
        problems.append(tr("The seal header lists a critical parameter twice."))
    for name in crit:
        if name in _JOSE_REGISTERED:
            problems.append(tr(
                "The seal header wrongly marks the standard parameter {name} critical.",
                name=repr(name),
            ))
        elif name not in UNDERSTOOD_CRITICAL:
            problems.append(tr(
                "The seal requires the parameter {name}, which Kredo does not support.",
                name=repr(name),
            ))
        elif name not in header:
            problems.append(tr("The seal header marks {name} critical but does not contain it.",
                               name=repr(name)))
    for name in sorted(JADES_PARAMETERS & header.keys()):
        if name not in crit:
            problems.append(tr("The seal header carries {name} without marking it critical.",
                               name=repr(name)))
    if "b64" in header and "b64" not in crit:
        problems.append(tr("The seal header carries {name} without marking it critical.",
                           name=repr("b64")))
    return problems


def _certificates(header: Mapping[str, Any], problems: list[str]) -> tuple[x509.Certificate, ...]:
    chain = header.get("x5c")
    if not isinstance(chain, list) or not chain:
        problems.append(tr("The seal header does not carry the sealing certificate (x5c)."))
        return ()
    certificates = []
    for entry in chain:
        der = b64_decode(entry, what=tr("The seal's certificate (x5c)"))
        try:
            certificates.append(x509.load_der_x509_certificate(der))
        except ValueError:
            raise MalformedCredential(
                tr("A certificate in the seal header is not valid DER.")
            ) from None
    return tuple(certificates)


def _thumbprint_matches(
    header: Mapping[str, Any], certificates: tuple[x509.Certificate, ...], problems: list[str]
) -> bool:
    """``x5t#S256`` (or the legacy SHA-1 ``x5t``) must name ``x5c[0]``, RFC 7515 §4.1.7-8."""
    if not certificates:
        return False
    der = certificates[0].public_bytes(Encoding.DER)
    checks: list[tuple[str, bytes]] = []
    if "x5t#S256" in header:
        checks.append(("x5t#S256", hashlib.sha256(der).digest()))
    if "x5t" in header:
        checks.append(("x5t", hashlib.sha1(der, usedforsecurity=False).digest()))
    if not checks:
        problems.append(tr("The seal header does not bind the certificate by a thumbprint."))
        return False
    for name, digest in checks:
        claimed = header[name]
        if not isinstance(claimed, str):
            problems.append(tr("The seal header's {name} is not a string.", name=repr(name)))
            return False
        seal_value = tr("The seal's {name}", name=name)
        if not hmac.compare_digest(b64url_decode(claimed, what=seal_value), digest):
            problems.append(
                tr("The certificate in the seal is not the one its thumbprint names."))
            return False
    return True


def _signing_time(header: Mapping[str, Any], problems: list[str]) -> datetime | None:
    """``sigT``: the claimed signing time, ``YYYY-MM-DDThh:mm:ssZ`` (ETSI TS 119 182-1 §5.2.1)."""
    value = header.get("sigT")
    if value is None:
        problems.append(tr("The seal header does not state its signing time (sigT)."))
        return None
    try:
        if not isinstance(value, str) or not value.endswith("Z"):
            raise ValueError(value)
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        problems.append(tr("The seal's signing time (sigT) is not a valid UTC time."))
        return None
