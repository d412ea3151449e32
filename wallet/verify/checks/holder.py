"""``holder``: who presents the credentials, and whether they made this presentation for you.

A presentation's holder proof answers three questions: is the presentation unchanged since
the holder signed it (the proof verifies over the whole document, embedded credentials
included), was it signed by a key its ``holder`` controls (for ``authentication``), and was it
made for this verifier's request (the expected ``challenge`` and ``domain``). Steps follow
VC Data Integrity §4.4 "Verify Proof" for JSON-LD presentations, and RFC 7519 with VC-JOSE-COSE
for a presentation sent as a JWT (``vp`` claim, ``nonce`` = challenge, ``aud`` = domain).

A presentation without a proof is not a failure in itself (VC 2.0 allows it), but nothing
then shows who presents or that it is fresh: the check is skipped, which keeps the overall
verdict at "partially verified". When the verifier expects a challenge or a domain, a missing
proof fails, since the request cannot have been answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from wallet.crypto.data_integrity import verify_proof
from wallet.crypto.data_integrity_checks import expected_signer
from wallet.crypto.data_integrity_result import ProofVerification
from wallet.crypto.jws_compact import CompactJws
from wallet.did import key_resolver
from wallet.did.online import needs_online_document, resolve_online_did
from wallet.errors import NetworkError, NetworkNotAllowed, NotACredential, VerificationError
from wallet.json_input import decode_text, load_json_object, looks_like_json_object
from wallet.json_values import as_list
from wallet.translation import tr
from wallet.verify.checks.base import CheckContext
from wallet.verify.checks.holder_jwt import verify_presentation_jwt
from wallet.verify.report import CheckMode, CheckResult, CheckStatus
from wallet.verify.sentences import first_sentences

AUTHENTICATION = "authentication"


@dataclass(frozen=True)
class ReceivedPresentation:
    """A presentation as received: the VP object, and the JWT it came in (VP-JWT) if any."""

    document: Mapping[str, Any]
    token: str | None = None

    @classmethod
    def from_bytes(cls, raw: bytes) -> ReceivedPresentation:
        """A JSON-LD presentation or a VP-JWT; raises a :class:`FormatError` for neither."""
        if looks_like_json_object(raw):
            document = load_json_object(raw, what=tr("The presentation"))
            token = None
        else:
            token = decode_text(raw, what=tr("The presentation token")).strip()
            payload = CompactJws.from_text(token, what=tr("The presentation token")).payload_object(
                what=tr("The presentation token payload")
            )
            vp = payload.get("vp")
            document = vp if isinstance(vp, dict) else payload
        if "VerifiablePresentation" not in as_list(document.get("type")):
            raise NotACredential(tr("This is not a Verifiable Presentation."))
        return cls(document=document, token=token)


class PresentationCheck(Protocol):
    """A check of the presentation itself (its credentials get their own reports)."""

    id: str

    def run(self, presentation: ReceivedPresentation, context: CheckContext) -> CheckResult: ...


class HolderCheck:
    id = "holder"

    def run(self, presentation: ReceivedPresentation, context: CheckContext) -> CheckResult:
        if presentation.token is not None:
            finding = verify_presentation_jwt(presentation.token, context)
            return context.result(
                self.id, finding.status, finding.message, mode=finding.mode, **finding.details
            )
        document = presentation.document
        holder = expected_signer(document)
        # 1. A proof must be there; without one, say honestly what is not known.
        if not _proofs(document):
            return self._unproven(holder, context)
        # 2. The holder's key, resolved offline (did:key, did:jwk, supplied documents), or
        #    fetched for did:web or did:ebsi when the user allowed going online.
        try:
            documents, mode = _holder_documents(document, context)
        except NetworkNotAllowed as exc:
            return context.result(self.id, CheckStatus.SKIPPED, exc.message, holder=holder)
        except NetworkError as exc:
            return context.result(
                self.id, CheckStatus.SKIPPED, exc.message, mode=CheckMode.NETWORK, holder=holder
            )
        # 3. Verify the proof for authentication, with the expected challenge and domain.
        try:
            result = verify_proof(
                document,
                purpose=AUTHENTICATION,
                challenge=context.options.challenge,
                domain=context.options.domain,
                resolve=key_resolver(documents),
                now=context.now,
            )
        except VerificationError as exc:  # a proof of a kind Kredo does not verify
            return context.result(
                self.id,
                CheckStatus.SKIPPED,
                tr("The holder proof cannot be checked. {reason}", reason=exc.message),
                holder=holder,
            )
        return self._judge(result, holder, context, mode)

    def _unproven(self, holder: str | None, context: CheckContext) -> CheckResult:
        challenge = context.options.challenge is not None
        domain = context.options.domain is not None
        if challenge or domain:
            return context.result(
                self.id, CheckStatus.FAILED, _no_proof_for_request(challenge, domain), holder=holder
            )
        return context.result(
            self.id,
            CheckStatus.SKIPPED,
            tr(
                "The presentation is not signed by its holder: nothing shows who presented it, "
                "or that it was made for you. Each credential is still checked on its own."
            ),
            holder=holder,
            # No proof to check is not a proof unchecked: the credentials carry the verdict
            # (partially verified at best), never "could not be checked" (ADR 0010).
            unsigned=True,
        )

    def _judge(
        self,
        result: ProofVerification,
        holder: str | None,
        context: CheckContext,
        mode: CheckMode,
    ) -> CheckResult:
        details: dict[str, Any] = {
            "holder": holder,
            "cryptosuite": result.cryptosuite,
            "verification_method": result.verification_method,
            "controller": result.controller,
            "challenge_expected": context.options.challenge is not None,
            "domain_expected": context.options.domain is not None,
            "problems": list(result.problems),
        }

        def done(status: CheckStatus, message: str) -> CheckResult:
            return context.result(self.id, status, message, mode=mode, **details)

        # 4. Could the signature be computed at all (key and contexts available offline)?
        if not result.signature_checked:
            return done(
                CheckStatus.SKIPPED,
                result.problems[0] if result.problems else tr("The holder proof was not checked."),
            )
        # 5. The signature over the whole presentation, credentials included.
        if not result.signature_valid:
            return done(
                CheckStatus.FAILED,
                tr(
                    "The holder's signature does not match the presentation: it was changed "
                    "after signing (a credential or a claim in it), or signed by another key."
                ),
            )
        # 6. The signing key must belong to the holder the presentation names.
        if result.controller_matches_issuer is False:
            return done(
                CheckStatus.FAILED,
                tr(
                    "The presentation is signed by a key of {controller}, not by its holder "
                    "{holder}.",
                    controller=result.controller,
                    holder=holder,
                ),
            )
        # 7. Purpose, time, challenge and domain.
        if result.problems:
            return done(CheckStatus.FAILED, first_sentences(result.problems))
        if holder is None:
            return done(
                CheckStatus.WARNING,
                tr(
                    "The presentation is signed by {controller} and unchanged, but it names no "
                    "holder, so it does not say who presents it.",
                    controller=result.controller,
                ),
            )
        return done(CheckStatus.OK, _ok_message(holder, context))


def _ok_message(holder: str, context: CheckContext) -> str:
    challenge = context.options.challenge is not None
    domain = context.options.domain is not None
    if challenge and domain:
        return tr(
            "The holder {holder} signed this presentation, and it is unchanged; it answers "
            "your challenge and domain.",
            holder=holder,
        )
    if challenge:
        return tr(
            "The holder {holder} signed this presentation, and it is unchanged; it answers "
            "your challenge.",
            holder=holder,
        )
    if domain:
        return tr(
            "The holder {holder} signed this presentation, and it is unchanged; it answers "
            "your domain.",
            holder=holder,
        )
    return tr(
        "The holder {holder} signed this presentation, and it is unchanged. You gave no "
        "challenge, so it may be a copy of a presentation made for someone else.",
        holder=holder,
    )


def _no_proof_for_request(challenge: bool, domain: bool) -> str:
    """A verifier asked for a challenge and/or a domain, and no proof answers them."""
    if challenge and domain:
        return tr(
            "You expected a challenge and a domain, but the presentation carries no holder "
            "proof, so it does not answer your request."
        )
    if challenge:
        return tr(
            "You expected a challenge, but the presentation carries no holder proof, so it "
            "does not answer your request."
        )
    return tr(
        "You expected a domain, but the presentation carries no holder proof, so it does not "
        "answer your request."
    )


def _proofs(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The proof objects; a ``proof`` that is not an object proves nothing."""
    proofs = document.get("proof")
    return [p for p in (proofs if isinstance(proofs, list) else [proofs]) if isinstance(p, Mapping)]


def _holder_documents(
    document: Mapping[str, Any], context: CheckContext
) -> tuple[dict[str, Mapping[str, Any]], CheckMode]:
    documents = dict(context.options.documents)
    methods = [p.get("verificationMethod") for p in _proofs(document)]
    mode = CheckMode.OFFLINE
    for method in methods:
        base = method.partition("#")[0] if isinstance(method, str) else ""
        if needs_online_document(base) and base not in documents:
            documents[base] = resolve_online_did(
                base, allowed=context.options.online, ebsi_registry=context.options.ebsi_registry)
            mode = CheckMode.NETWORK if context.options.online else CheckMode.CACHE
    return documents, mode
