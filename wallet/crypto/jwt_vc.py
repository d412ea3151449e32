"""VC-JWT checks: VC Data Model 1.1 JWTs (``vc`` claim) and VC 2.0 JOSE (``vc+jwt``).

Three independent answers, each with sentences: is the signature valid, do the JWT claims
agree with the credential they wrap (VC DM 1.1 §6.3.1: ``iss``/``issuer``, ``nbf``/
``issuanceDate``, ``exp``/``expirationDate``, ``jti``/``id``, ``sub``/
``credentialSubject.id``; VC-JOSE-COSE maps the same claims onto ``validFrom``/``validUntil``),
and is the credential valid at ``now`` (with a small clock-skew allowance, because the issuer's
clock and the learner's are never exactly equal). An Open Badges 3.0 JWT is a VC-JWT whose
credential has the OB 3.0 types.

:func:`check_jwt_times` is shared with SD-JWT VC and Open Badges 2.0 verification.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from wallet.crypto.finding import Finding
from wallet.crypto.jwk import PublicKey
from wallet.crypto.jws import SUPPORTED_ALGS, JwsFailure, verify_compact_jws
from wallet.crypto.jws_compact import CompactJws
from wallet.dates import parse_numeric_date, parse_xsd_datetime
from wallet.json_input import load_json_object
from wallet.json_values import as_list
from wallet.translation import tr

CLOCK_SKEW = timedelta(seconds=60)

# ``typ`` values a VC-JWT may carry; anything else (``kb+jwt``, ``dc+sd-jwt`` ...) is a token
# of another kind presented as a credential, which must not be accepted.
VC_1_1_TYPES = frozenset({"JWT", "jwt", "application/jwt"})
VC_2_0_TYPES = frozenset({"vc+jwt", "application/vc+jwt", "vc+ld+jwt", "application/vc+ld+jwt"})
OPEN_BADGE_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})
VC_2_0_CONTEXT = "https://www.w3.org/ns/credentials/v2"

# What a set of JWT times belongs to: each has its own sentences (Czech nouns have genders).
TimedThing = Literal["credential", "presentation", "badge"]


@dataclass(frozen=True)
class VcJwtVerification:
    """Signature, claim consistency and time validity of one VC-JWT, kept apart."""

    version: str  # "1.1", "2.0", or "unknown" when the token carries no credential
    header: Mapping[str, Any]
    payload: Mapping[str, Any]
    credential: Mapping[str, Any]
    signature: Finding
    claims: Finding
    time: Finding
    signature_failure: JwsFailure | None = None

    @property
    def valid(self) -> bool:
        return self.signature.passed and self.claims.passed and self.time.passed

    @property
    def is_open_badge(self) -> bool:
        return bool(OPEN_BADGE_TYPES & set(as_list(self.credential.get("type"))))


def verify_vc_jwt(
    token: str,
    key: PublicKey,
    *,
    now: datetime,
    allowed_algs: Collection[str] = SUPPORTED_ALGS,
    clock_skew: timedelta = CLOCK_SKEW,
) -> VcJwtVerification:
    """Verify a VC-JWT with the issuer's ``key``; raises only for text that is not a JWS/JWT."""
    # 1. Structure: a compact JWS whose payload is a JSON object (a JWT claims set).
    jws = CompactJws.from_text(token)
    payload = load_json_object(jws.payload, what=tr("The token's payload"))

    # 2. Signature over the exact compact bytes.
    outcome = verify_compact_jws(jws, key, allowed_algs=allowed_algs)
    signature = Finding.of(outcome.valid, outcome.message)

    # 3. Which data model, and do the JWT claims agree with the credential?
    version, credential = _credential_of(payload)
    problems = list(_typ_problems(jws.header.get("typ"), version))
    if version == "1.1":
        problems += _claim_problems(payload, credential, "issuanceDate", "expirationDate")
    elif version == "2.0":
        problems += _claim_problems(payload, credential, "validFrom", "validUntil")
    else:
        problems.append(tr("The token carries no verifiable credential."))
    claims = Finding.from_problems(
        problems, tr("The token's claims agree with the credential it carries.")
    )

    # 4. Time: JWT claims and the credential's own dates, all at ``now``.
    time = check_jwt_times(
        payload,
        now,
        clock_skew=clock_skew,
        not_before_dates=_dates(credential, "issuanceDate", "validFrom"),
        expiry_dates=_dates(credential, "expirationDate", "validUntil"),
    )
    return VcJwtVerification(
        version=version,
        header=jws.header,
        payload=payload,
        credential=credential,
        signature=signature,
        claims=claims,
        time=time,
        signature_failure=outcome.failure,
    )


def check_jwt_times(
    claims: Mapping[str, Any],
    now: datetime,
    *,
    clock_skew: timedelta = CLOCK_SKEW,
    not_before_dates: Mapping[str, Any] | None = None,
    expiry_dates: Mapping[str, Any] | None = None,
    what: TimedThing = "credential",
) -> Finding:
    """``exp``/``nbf``/``iat`` (RFC 7519 §4.1.4-6) plus optional ISO dates, at ``now`` ± skew.

    A date that cannot be read fails the check: a credential whose validity cannot be
    established is not shown as valid.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    problems: list[str] = []
    not_before: dict[str, datetime | None] = {
        "nbf": _numeric_date(claims, "nbf"),
        "iat": _numeric_date(claims, "iat"),
    }
    expiry: dict[str, datetime | None] = {"exp": _numeric_date(claims, "exp")}
    for source, target in ((not_before_dates, not_before), (expiry_dates, expiry)):
        for name, value in (source or {}).items():
            target[name] = parse_xsd_datetime(value)
    for name, maybe_when in {**not_before, **expiry}.items():
        if maybe_when is None and _has_date(claims, name, not_before_dates, expiry_dates):
            problems.append(_unreadable_date(what, name))
    for name, when in not_before.items():
        if when is not None and when > now + clock_skew:
            if name == "iat":
                problems.append(_issued_in_future(what, _show(when)))
            else:
                problems.append(_not_yet_valid(what, _show(when)))
    for when in expiry.values():
        if when is not None and when <= now - clock_skew:
            problems.append(_expired(what, _show(when)))
            break
    # ``nbf`` and the credential's own start date usually agree: say each sentence once.
    unique = dict.fromkeys(problems)
    return Finding.from_problems(unique, _within_validity(what))


def _unreadable_date(what: TimedThing, name: str) -> str:
    if what == "presentation":
        return tr("The presentation's date “{name}” cannot be read.", name=name)
    if what == "badge":
        return tr("The badge's date “{name}” cannot be read.", name=name)
    return tr("The credential's date “{name}” cannot be read.", name=name)


def _issued_in_future(what: TimedThing, when: str) -> str:
    if what == "presentation":
        return tr("The presentation claims to be issued in the future ({when}).", when=when)
    if what == "badge":
        return tr("The badge claims to be issued in the future ({when}).", when=when)
    return tr("The credential claims to be issued in the future ({when}).", when=when)


def _not_yet_valid(what: TimedThing, when: str) -> str:
    if what == "presentation":
        return tr("The presentation is not valid before {when}.", when=when)
    if what == "badge":
        return tr("The badge is not valid before {when}.", when=when)
    return tr("The credential is not valid before {when}.", when=when)


def _expired(what: TimedThing, when: str) -> str:
    if what == "presentation":
        return tr("The presentation expired on {when}.", when=when)
    if what == "badge":
        return tr("The badge expired on {when}.", when=when)
    return tr("The credential expired on {when}.", when=when)


def _within_validity(what: TimedThing) -> str:
    if what == "presentation":
        return tr("The presentation is within its validity period.")
    if what == "badge":
        return tr("The badge is within its validity period.")
    return tr("The credential is within its validity period.")


# --- internals ------------------------------------------------------------------------


def _credential_of(payload: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    vc = payload.get("vc")
    if isinstance(vc, dict):
        return "1.1", vc
    context = as_list(payload.get("@context"))
    if VC_2_0_CONTEXT in context or ("type" in payload and "credentialSubject" in payload):
        return "2.0", payload
    return "unknown", {}


def _typ_problems(typ: Any, version: str) -> list[str]:
    if typ is None:
        return []
    allowed = VC_1_1_TYPES | (VC_2_0_TYPES if version == "2.0" else frozenset())
    if not isinstance(typ, str) or typ not in allowed:
        return [tr("The token declares itself as something other than a verifiable credential.")]
    return []


def _claim_problems(
    payload: Mapping[str, Any], credential: Mapping[str, Any], start_name: str, end_name: str
) -> list[str]:
    problems: list[str] = []
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    iss, jti = payload.get("iss"), payload.get("jti")
    if iss is not None and issuer_id is not None and iss != issuer_id:
        problems.append(tr("The token's “{claim}” differs from the credential's issuer.",
                           claim="iss"))
    if jti is not None and credential.get("id") is not None and jti != credential.get("id"):
        problems.append(tr("The token's “{claim}” differs from the credential's identifier.",
                           claim="jti"))
    sub = payload.get("sub")
    subjects = as_list(credential.get("credentialSubject"))
    subject_ids = [s["id"] for s in subjects if isinstance(s, dict) and "id" in s]
    if sub is not None and subject_ids and sub not in subject_ids:
        problems.append(tr("The token's “{claim}” differs from the credential's subject.",
                           claim="sub"))
    for claim, name in (("nbf", start_name), ("exp", end_name)):
        jwt_when, vc_when = _numeric_date(payload, claim), parse_xsd_datetime(credential.get(name))
        # Compare whole seconds: NumericDate carries no fractions in practice.
        if (
            jwt_when is not None
            and vc_when is not None
            and int(jwt_when.timestamp()) != int(vc_when.timestamp())
        ):
            problems.append(tr("The token's “{claim}” differs from the credential's {name}.",
                               claim=claim, name=name))
    return problems


def _dates(credential: Mapping[str, Any], *names: str) -> dict[str, Any]:
    return {name: credential[name] for name in names if name in credential}


def _has_date(claims: Mapping[str, Any], name: str, *extra: Mapping[str, Any] | None) -> bool:
    return name in claims or any(source is not None and name in source for source in extra)


def _numeric_date(claims: Mapping[str, Any], name: str) -> datetime | None:
    return parse_numeric_date(claims.get(name))


def _show(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
