"""Checks around a Data Integrity signature: purpose, time, challenge, domain, controller.

Each returns the problem sentences it found (empty when all is well), so the verification
algorithm reads as a list of steps and a new check touches no other.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from wallet.crypto.verification_method import ResolvedVerificationMethod
from wallet.dates import parse_xsd_datetime
from wallet.translation import tr

# Clocks disagree; a proof "created" a few minutes ahead of ours is not suspicious.
MAX_CLOCK_SKEW = timedelta(minutes=5)


parse_datetime = parse_xsd_datetime


def purpose_problems(
    proof: Mapping[str, Any], purpose: str, method: ResolvedVerificationMethod | None
) -> list[str]:
    stated = proof.get("proofPurpose")
    if stated != purpose:
        return [tr("The proof is made for {stated}, but {required} is required.",
                   stated=repr(str(stated)[:60]), required=repr(purpose))]
    if method is not None and not method.authorises(purpose):
        return [tr("The key's controller has not authorised this key for {purpose}.",
                   purpose=purpose)]
    return []


def time_problems(proof: Mapping[str, Any], now: datetime) -> list[str]:
    problems: list[str] = []
    if "created" in proof:
        created = parse_datetime(proof["created"])
        if created is None:
            problems.append(tr("The proof's creation time is not a valid date and time."))
        elif created > now + MAX_CLOCK_SKEW:
            problems.append(tr("The proof claims to have been created in the future."))
    if "expires" in proof:
        expires = parse_datetime(proof["expires"])
        if expires is None:
            problems.append(tr("The proof's expiry time is not a valid date and time."))
        elif expires < now:
            problems.append(tr("The proof has expired."))
    return problems


def challenge_and_domain_problems(
    proof: Mapping[str, Any], challenge: str | None, domain: str | None
) -> list[str]:
    problems: list[str] = []
    if challenge is not None and proof.get("challenge") != challenge:
        problems.append(tr("The proof does not answer the challenge this verifier issued."))
    if domain is not None:
        stated = proof.get("domain")
        domains = stated if isinstance(stated, list) else [stated]
        if domain not in domains:
            problems.append(
                tr("The proof was made for a different domain than this verifier."))
    return problems


def expected_signer(document: Mapping[str, Any]) -> str | None:
    """Issuer id of a credential, or holder id of a presentation."""
    types = document.get("type")
    is_presentation = "VerifiablePresentation" in (types if isinstance(types, list) else [types])
    party = document.get("holder" if is_presentation else "issuer")
    if isinstance(party, Mapping):
        party = party.get("id")
    return party if isinstance(party, str) else None


def controller_problems(
    document: Mapping[str, Any], method: ResolvedVerificationMethod
) -> tuple[bool | None, list[str]]:
    signer = expected_signer(document)
    if signer is None:
        return None, []
    if signer == method.controller:
        return True, []
    return False, [tr(
        "The signature is valid, but the signing key belongs to {controller}, not to {signer} "
        "named in the document.",
        controller=method.controller[:200], signer=signer[:200],
    )]
