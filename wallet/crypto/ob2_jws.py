"""Open Badges 2.0 signed assertions: a compact JWS (RS256) over the assertion JSON.

The issuer publishes its public key at ``verification.creator``; fetching it needs the
network, so the caller supplies the PEM (from the user, a cache or an opt-in download).
As with every verifier here, a bad signature is a result; only text that is not a JWS
raises :class:`MalformedCredential`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from wallet.crypto.finding import Finding
from wallet.crypto.jwk import MIN_RSA_BITS
from wallet.crypto.jws import JwsFailure, verify_compact_jws
from wallet.crypto.jws_compact import CompactJws
from wallet.crypto.jwt_vc import CLOCK_SKEW, check_jwt_times
from wallet.errors import MalformedCredential
from wallet.json_input import load_json_object
from wallet.json_values import as_list
from wallet.translation import tr

# Open Badges 2.0 §Signed Badges: "RS256" is the one algorithm the specification names.
OB2_ALGS = frozenset({"RS256"})
_SIGNED_TYPES = frozenset({"SignedBadge", "signed"})


@dataclass(frozen=True)
class Ob2Verification:
    header: Mapping[str, Any]
    assertion: Mapping[str, Any]
    signature: Finding
    claims: Finding
    time: Finding
    signature_failure: JwsFailure | None = None

    @property
    def creator(self) -> str | None:
        """The URL where the issuer says its public key is hosted (not fetched here)."""
        verification = self.assertion.get("verification")
        creator = verification.get("creator") if isinstance(verification, dict) else None
        return creator if isinstance(creator, str) else None

    @property
    def valid(self) -> bool:
        return self.signature.passed and self.claims.passed and self.time.passed


def load_issuer_public_key_pem(pem: bytes | str) -> rsa.RSAPublicKey:
    """An issuer's RSA public key from PEM; anything else is a clear error."""
    data = pem.encode("ascii", "replace") if isinstance(pem, str) else pem
    try:
        key = load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise MalformedCredential(
            tr("The issuer's public key is not a readable PEM key.")) from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise MalformedCredential(
            tr("The issuer's public key is not an RSA key (Open Badges 2.0)."))
    if key.key_size < MIN_RSA_BITS:
        raise MalformedCredential(
            tr("The issuer's RSA key is too short to be trusted ({bits} bits).",
               bits=key.key_size)
        )
    return key


def verify_ob2_signed_assertion(
    token: str,
    issuer_public_key_pem: bytes | str,
    *,
    now: datetime,
    clock_skew: timedelta = CLOCK_SKEW,
) -> Ob2Verification:
    """Verify a signed OB 2.0 assertion with the issuer's PEM public key."""
    # 1. A compact JWS whose payload is the assertion object.
    jws = CompactJws.from_text(token)
    assertion = load_json_object(jws.payload, what=tr("The badge assertion"))

    # 2. RS256 signature with the issuer's key.
    key = load_issuer_public_key_pem(issuer_public_key_pem)
    outcome = verify_compact_jws(jws, key, allowed_algs=OB2_ALGS)
    signature = Finding.of(outcome.valid, outcome.message)

    # 3. The payload must be an assertion that says it is verified by signature.
    problems: list[str] = []
    if "Assertion" not in as_list(assertion.get("type")):
        problems.append(tr("The signed data is not an Open Badges assertion."))
    verification = assertion.get("verification")
    kind = verification.get("type") if isinstance(verification, dict) else None
    if kind not in _SIGNED_TYPES:
        problems.append(tr("The assertion does not say it is verified by signature."))
    claims = Finding.from_problems(
        problems, tr("The signed data is a signed badge assertion."))

    # 4. issuedOn / expires at ``now``.
    time = check_jwt_times(
        {},
        now,
        clock_skew=clock_skew,
        not_before_dates={k: assertion[k] for k in ("issuedOn",) if k in assertion},
        expiry_dates={k: assertion[k] for k in ("expires",) if k in assertion},
        what="badge",
    )
    return Ob2Verification(
        header=jws.header,
        assertion=assertion,
        signature=signature,
        claims=claims,
        time=time,
        signature_failure=outcome.failure,
    )
