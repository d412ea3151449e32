"""The holder proof of a presentation sent as a JWT (VC 1.1 ``vp`` claim, VC 2.0 ``vp+jwt``).

Steps: (1) decode the JWS, (2) find the holder's key from ``kid`` (a DID URL, or a fragment
of the holder's DID) or ``iss``, (3) verify the signature (RFC 7515 §5.2), (4) the key must
belong to the holder the presentation names, (5) ``nonce`` must be the verifier's challenge and
``aud`` its domain when expected, (6) ``exp``/``nbf``/``iat`` must hold now.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wallet.crypto.jws import verify_compact_jws
from wallet.crypto.jws_compact import CompactJws
from wallet.crypto.jwt_vc import check_jwt_times
from wallet.crypto.verification_method import ResolvedVerificationMethod
from wallet.did.online import needs_online_document, resolve_online_did
from wallet.did.resolver import resolve_verification_method
from wallet.errors import NetworkError, NetworkNotAllowed, VerificationError, WalletError
from wallet.json_input import load_json_object
from wallet.translation import tr
from wallet.verify.checks.base import CheckContext
from wallet.verify.report import CheckMode, CheckStatus
from wallet.verify.sentences import first_sentences


@dataclass(frozen=True)
class HolderFinding:
    status: CheckStatus
    message: str
    mode: CheckMode = CheckMode.OFFLINE
    details: dict[str, Any] = field(default_factory=dict)


def verify_presentation_jwt(token: str, context: CheckContext) -> HolderFinding:
    # 1. Decode; a token that cannot be read cannot prove anything.
    try:
        jws = CompactJws.from_text(token)
        payload = load_json_object(jws.payload, what=tr("The presentation token's payload"))
    except WalletError as exc:
        return HolderFinding(CheckStatus.FAILED, exc.message)
    claim = payload.get("vp")
    vp: Mapping[str, Any] = claim if isinstance(claim, Mapping) else payload
    holder = _holder_of(vp) or _string(payload.get("iss"))
    details: dict[str, Any] = {"holder": holder, "alg": jws.alg}
    # 2. The holder's key.
    found = _holder_key(jws.header, holder, context, details)
    if isinstance(found, HolderFinding):
        return found
    method, mode = found
    details["verification_method"] = method.id
    # 3.-4. The signature over the exact token, by a key of the holder's for authentication.
    problem = _key_problem(jws, method, holder)
    if problem is not None:
        return HolderFinding(CheckStatus.FAILED, problem, mode, details)
    # 5. The verifier's request: nonce (challenge) and audience (domain).
    problems = _request_problems(payload, context)
    # 6. Time claims.
    times = check_jwt_times(payload, context.now, what="presentation")
    if times.failed:
        problems.extend(times.messages)
    if problems:
        return HolderFinding(CheckStatus.FAILED, first_sentences(problems), mode, details)
    return HolderFinding(
        CheckStatus.OK,
        tr(
            "The holder {holder} signed this presentation token, and it is unchanged.",
            holder=method.controller,
        ),
        mode,
        details,
    )


def _holder_key(
    header: Mapping[str, Any], holder: str | None, context: CheckContext, details: dict[str, Any]
) -> tuple[ResolvedVerificationMethod, CheckMode] | HolderFinding:
    """The holder's key and how it was found, or the finding that it could not be."""
    vm_id = _key_id(header, holder)
    if vm_id is None:
        return HolderFinding(
            CheckStatus.FAILED, tr("The presentation token names no holder key."), details=details
        )
    mode = CheckMode.OFFLINE
    try:
        documents = dict(context.options.documents)
        base = vm_id.partition("#")[0]
        if needs_online_document(base) and base not in documents:
            documents[base] = resolve_online_did(
                base, allowed=context.options.online, ebsi_registry=context.options.ebsi_registry)
            mode = CheckMode.NETWORK if context.options.online else CheckMode.CACHE
        return resolve_verification_method(vm_id, documents=documents), mode
    except NetworkNotAllowed as exc:
        return HolderFinding(CheckStatus.SKIPPED, exc.message, details=details)
    except (NetworkError, VerificationError) as exc:
        return HolderFinding(CheckStatus.SKIPPED, exc.message, CheckMode.NETWORK, details)
    except WalletError as exc:
        return HolderFinding(CheckStatus.FAILED, exc.message, mode, details)


def _key_problem(
    jws: CompactJws, method: ResolvedVerificationMethod, holder: str | None
) -> str | None:
    """Why the signature does not prove the holder made the token (``None``: it does)."""
    outcome = verify_compact_jws(jws, method.public_key)
    if not outcome.valid:
        return tr("The holder's signature is not valid. {reason}", reason=outcome.message)
    if holder is not None and method.controller != holder:
        return tr(
            "The presentation is signed by a key of {controller}, not by its holder {holder}.",
            controller=method.controller,
            holder=holder,
        )
    if not method.authorises("authentication"):
        return tr("The holder's key is not authorised for authentication.")
    return None


def _request_problems(payload: Mapping[str, Any], context: CheckContext) -> list[str]:
    problems: list[str] = []
    challenge, domain = context.options.challenge, context.options.domain
    if challenge is not None and payload.get("nonce") != challenge:
        problems.append(tr("The presentation does not answer the challenge you issued."))
    if domain is not None:
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if domain not in audiences:
            problems.append(tr("The presentation was made for a different verifier (aud)."))
    return problems


def _holder_of(vp: Mapping[str, Any]) -> str | None:
    holder = vp.get("holder")
    if isinstance(holder, Mapping):
        holder = holder.get("id")
    return _string(holder)


def _key_id(header: Mapping[str, Any], holder: str | None) -> str | None:
    kid = _string(header.get("kid"))
    if kid is not None:
        return f"{holder}{kid}" if kid.startswith("#") and holder else kid
    if holder is not None and holder.startswith("did:"):
        return holder
    return None


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
