"""How the ``signature`` check verifies each format; each function returns its evidence.

The evidence carries the check's status and sentence, who signed (for the issuer check) and
what else the signature showed (JWT time claims for validity, a seal's timing for issuer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cryptography import x509

from wallet.crypto.data_integrity import verify_proof
from wallet.crypto.data_integrity_result import ProofVerification
from wallet.crypto.finding import Finding
from wallet.crypto.jades import Anchors, SealVerification, verify_jades_seal
from wallet.crypto.jws import discover_verification_key
from wallet.crypto.jws_compact import CompactJws
from wallet.crypto.jwt_vc import verify_vc_jwt
from wallet.crypto.sd_jwt import verify_sd_jwt
from wallet.crypto.timestamp_token import TimestampResult
from wallet.crypto.xades import verify_xades_seal
from wallet.did import key_resolver
from wallet.did.did_ebsi import resolve_did_ebsi
from wallet.did.did_web import resolve_did_web
from wallet.did.resolver import resolve_verification_method
from wallet.errors import (
    MalformedCredential,
    NetworkError,
    NetworkNotAllowed,
    VerificationError,
    WalletError,
)
from wallet.json_input import load_json_object
from wallet.json_values import id_of
from wallet.model import Credential
from wallet.net import fetch
from wallet.status.revocation_cache import MemoryRevocationCache
from wallet.status.revocation_fetch import OnlineRevocationLookup
from wallet.translation import tr, tr_n
from wallet.trust import eu_trusted_list
from wallet.verify.checks.base import CheckContext
from wallet.verify.checks.evidence import SignerEvidence
from wallet.verify.checks.unchecked_proof import unchecked_signature, unsupported_proof
from wallet.verify.jwt_issuer_metadata import is_https_issuer, issuer_key
from wallet.verify.report import CheckMode, CheckStatus, IssuerInfo
from wallet.verify.sentences import first_sentences

if TYPE_CHECKING:
    from wallet.trust import TrustStore


def _issuer_id(document: Any) -> str | None:
    return id_of(document.get("issuer")) if isinstance(document, Mapping) else None


def _issuer_name(document: Any) -> str | None:
    if isinstance(document, Mapping) and isinstance(document.get("issuer"), Mapping):
        name = document["issuer"].get("name")
        if isinstance(name, str):
            return name
    return None


def verify_edc_seal(credential: Credential, context: CheckContext) -> SignerEvidence:
    """The JAdES seal of a European Digital Credential (JSON-LD)."""
    roots, authorities = _seal_anchors(context)
    seal = verify_jades_seal(
        credential.raw,
        trusted_roots=roots,
        trusted_timestamp_authorities=authorities,
        now=context.now,
        revocation_lookup=_revocation_lookup(context),
    )
    return _seal_finding(seal, context)


def _revocation_lookup(context: CheckContext) -> OnlineRevocationLookup | None:
    """OCSP and CRL look-ups, only when the person allowed going online."""
    if not context.options.online:
        return None
    cache = context.options.revocation_cache or MemoryRevocationCache()
    return OnlineRevocationLookup(cache, now=context.options.current_time)


def verify_edc_xml_seal(credential: Credential, context: CheckContext) -> SignerEvidence:
    """The XAdES seal of a legacy Europass XML credential (or of the presentation around it,
    when that seal is the only one that covers it)."""
    return verify_xml_seal(credential.raw, context)


def verify_xml_seal(raw: bytes, context: CheckContext) -> SignerEvidence:
    """The enveloped XAdES seal of a Europass XML document: a credential or a presentation."""
    roots, authorities = _seal_anchors(context)
    seal = verify_xades_seal(
        raw,
        trusted_roots=roots,
        trusted_timestamp_authorities=authorities,
        now=context.now,
        revocation_lookup=_revocation_lookup(context),
    )
    return _seal_finding(seal, context)


def _seal_anchors(context: CheckContext) -> tuple[Anchors, Anchors]:
    """Seal CAs and timestamp authorities the trust material grants at a given moment."""
    trust = context.options.trust
    fixed_roots = context.options.trusted_roots

    def seal_roots(moment: datetime) -> tuple[x509.Certificate, ...]:
        listed = trust.trusted_ca_certificates(moment) if trust is not None else ()
        return (*fixed_roots, *listed)

    def timestamp_authorities(moment: datetime) -> tuple[x509.Certificate, ...]:
        return trust.trusted_timestamp_authorities(moment) if trust is not None else ()

    return seal_roots, timestamp_authorities


def _seal_finding(seal: SealVerification, context: CheckContext) -> SignerEvidence:
    trust = context.options.trust
    ca_source = _seal_ca_source(seal, trust)
    # The path was checked at the time the signature timestamp proves; if no trusted list
    # vouches for that timestamp's authority, the time (and so the seal) is not confirmed.
    time_vouched = any(t.kind == "sigTst" and t.authority_trusted for t in seal.timestamps)
    listed = seal.valid and ca_source is not None
    trusted_source = ca_source if listed and time_vouched else None
    subject = seal.seal_subject
    signer = IssuerInfo(
        name=subject.organisation if subject else None,
        identifier=subject.organisation_identifier if subject else None,
        country=subject.country if subject else None,
        trusted=trusted_source is not None,
        trust_source=trusted_source,
    )
    status, message = _seal_verdict(seal, signer.name or tr("an unnamed issuer"))
    note = (
        tr(
            "The seal's certificate authority is on the {source}, but the time of sealing is "
            "proven only by a timestamp authority on no trusted list Kredo has.",
            source=ca_source,
        )
        if listed and not time_vouched
        else None
    )
    if seal.revocation_unknown and seal.path is not None and seal.path.expired_on:
        note = tr(
            "Sealed by {issuer}, but who issued this credential is not confirmed: nothing "
            "proves the seal was made while its certificate was valid.",
            issuer=signer.name or tr("an unnamed issuer"),
        )
    elif seal.revocation_unknown:
        note = tr(
            "Sealed by {issuer}, but who issued this credential is confirmed only once the "
            "seal certificate's revocation status can be checked.",
            issuer=signer.name or tr("an unnamed issuer"),
        )
    return SignerEvidence(
        status,
        message,
        signer,
        mode=_seal_mode(seal),
        details=_seal_details(seal, trust, ca_source),
        issuer_note=note,
    )


def _seal_mode(seal: SealVerification) -> CheckMode:
    """Offline, unless revocation was decided online (or from the wallet's cache)."""
    modes = {seal.path.revocation_mode} if seal.path is not None else set()
    modes.update(t.authority.revocation_mode for t in seal.timestamps if t.authority)
    if "network" in modes:
        return CheckMode.NETWORK
    return CheckMode.CACHE if "cache" in modes else CheckMode.OFFLINE


def _seal_verdict(seal: SealVerification, issuer: str) -> tuple[CheckStatus, str]:
    """The signature check's status and sentence for a seal; a certificate revoked only
    after the proven time does not undo it (EN 319 102-1 §5.6.2.4), and the sentence says so."""
    status, message = _seal_verdict_alone(seal, issuer)
    if status is not CheckStatus.FAILED and seal.path is not None and seal.path.revoked_later:
        message = " ".join((message, *seal.path.revoked_later))
    return status, message


def _seal_verdict_alone(seal: SealVerification, issuer: str) -> tuple[CheckStatus, str]:
    """The signature check's status and sentence for a seal."""
    if not seal.signature_valid:
        return CheckStatus.FAILED, (
            seal.problems[0] if seal.problems else tr("The seal does not match the credential.")
        )
    if seal.revocation_unknown:
        # ETSI EN 319 102-1: INDETERMINATE (revocation unknown), not FAILED: the seal holds.
        return CheckStatus.SKIPPED, _revocation_unknown(seal, issuer)
    if not seal.valid:
        return CheckStatus.FAILED, (
            first_sentences(seal.problems) or tr("The seal's certificate could not be validated.")
        )
    message = _intact_seal(seal, issuer)
    untrusted = seal.untrusted_timestamp_authorities
    if untrusted:
        # Never a silent ok: the time rests on authorities nobody Kredo trusts vouches for.
        return CheckStatus.WARNING, tr_n(
            # The same English for one authority or several; Czech says which.
            "{seal}, according to timestamps by {authorities}, which no trusted list Kredo "
            "has names as a timestamp authority.",
            "{seal}, according to timestamps by {authorities}, which no trusted list Kredo "
            "has names as a timestamp authority.",
            len(untrusted),
            seal=message,
            authorities=", ".join(untrusted),
        )
    if seal.timestamps:
        return CheckStatus.OK, tr(
            "{seal}, as timestamps by authorities on a trusted list prove.", seal=message
        )
    return CheckStatus.OK, tr("{seal}.", seal=message)


def _revocation_unknown(seal: SealVerification, issuer: str) -> str:
    """INDETERMINATE: offline (REVOKED_NO_POE), or online without a usable answer (TRY_LATER),
    or a certificate expired since with no proven time of sealing (OUT_OF_BOUNDS_NO_POE)."""
    if seal.path is not None and seal.path.expired_on is not None:
        return tr(
            "The seal of {issuer} is intact, but its certificate expired on {date} and no "
            "timestamp proves that it was sealed before then, so whether the seal was made "
            "while the certificate was valid could not be checked.",
            issuer=issuer,
            date=f"{seal.path.expired_on:%Y-%m-%d}",
        )
    if seal.path is not None and seal.path.revocation_mode == "offline":
        return tr(
            "The seal of {issuer} is intact; whether its certificate was revoked could not be "
            "checked offline.",
            issuer=issuer,
        )
    reason = seal.path.notes[0] if seal.path is not None and seal.path.notes else ""
    return tr(
        "The seal of {issuer} is intact; whether its certificate was revoked could not be "
        "checked online. {reason}",
        issuer=issuer, reason=reason,
    ).strip()


def _seal_details(
    seal: SealVerification, trust: TrustStore | None, ca_source: str | None
) -> dict[str, Any]:
    subject = seal.seal_subject
    return {
        "algorithm": seal.algorithm,
        "signing_time": seal.signing_time.isoformat() if seal.signing_time else None,
        "proven_signing_time": (
            seal.proven_signing_time.isoformat() if seal.proven_signing_time else None
        ),
        "timestamps": [_timestamp_details(t, trust) for t in seal.timestamps],
        "certificate_chain": list(seal.path.chain_subjects) if seal.path else [],
        "chain_valid_at": seal.path.validated_at.isoformat() if seal.path else None,
        "revocation": seal.path.revocation if seal.path else None,
        "certificate_authority_trusted_by": ca_source,
        "qualified_eseal": seal.qc.qualified_eseal,
        "qscd": seal.qc.qscd,
        "seal_subject": subject.distinguished_name if subject else None,
        "certificate_sha256": subject.sha256 if subject else None,
        "certificate_not_before": _iso(subject.not_before) if subject else None,
        "certificate_not_after": _iso(subject.not_after) if subject else None,
        "certificate_issuer": subject.issuer_name if subject else None,
        "notes": list(seal.notes),
        "problems": list(seal.problems),
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _intact_seal(seal: SealVerification, issuer: str) -> str:
    """What holds for a valid seal, without the closing stop (the caller says how it is timed).

    One sentence per kind of seal and per proof of time: Czech inflects them differently.
    """
    when = seal.proven_signing_time
    if when is None:
        # No timestamp proves when it was sealed: the certificate was checked as of now.
        if seal.qc.qualified_eseal:
            return tr(
                "The qualified electronic seal of {issuer} is intact and its certificate is "
                "valid now; no timestamp proves when it was sealed",
                issuer=issuer,
            )
        return tr(
            "The electronic seal of {issuer} is intact and its certificate is valid now; no "
            "timestamp proves when it was sealed",
            issuer=issuer,
        )
    if seal.qc.qualified_eseal:
        return tr(
            "The qualified electronic seal of {issuer} is intact and its certificate was valid "
            "when it was sealed ({date})",
            issuer=issuer,
            date=f"{when:%Y-%m-%d}",
        )
    return tr(
        "The electronic seal of {issuer} is intact and its certificate was valid when it was "
        "sealed ({date})",
        issuer=issuer,
        date=f"{when:%Y-%m-%d}",
    )


def _seal_ca_source(seal: SealVerification, trust: TrustStore | None) -> str | None:
    """Which list vouches for the CA the seal's path ended on (``None``: nobody trusted)."""
    path = seal.path
    if path is None or not path.valid or not path.anchor_trusted:
        return None
    if trust is not None and path.anchor is not None and seal.proven_signing_time is not None:
        anchor = x509.load_der_x509_certificate(path.anchor.dump())
        decision = trust.ca_trust(anchor, seal.proven_signing_time)
        if decision.trusted and decision.source:
            return decision.source
    return eu_trusted_list()


def _timestamp_details(token: TimestampResult, trust: TrustStore | None) -> dict[str, Any]:
    authority = token.authority
    source = None
    if token.authority_trusted and token.signer is not None and token.gen_time is not None:
        source = eu_trusted_list()
        if trust is not None:
            decision = trust.timestamp_authority_trust(
                x509.load_der_x509_certificate(token.signer.dump()), token.gen_time
            )
            if decision.trusted and decision.source:
                source = decision.source
    return {
        "kind": token.kind,
        "valid": token.valid,
        "time": token.gen_time.isoformat() if token.gen_time else None,
        "authority": token.tsa_name,
        "authority_chain": list(authority.chain_subjects) if authority else [],
        "authority_revocation": authority.revocation if authority else None,
        "authority_trusted_by": source,
        "authority_notes": list(authority.notes) if authority else [],
    }


def _key_documents(
    vm_ids: list[str], context: CheckContext
) -> tuple[dict[str, Mapping[str, Any]], CheckMode]:
    """Controller documents for the keys named, fetched only when the user allowed going online.

    did:key and did:jwk need nothing; did:web, did:ebsi (from the EBSI DID Registry) and
    https key documents are fetched through ``wallet.net`` and then resolved like any
    caller-supplied document.
    """
    documents = dict(context.options.documents)
    mode = CheckMode.OFFLINE
    for vm_id in vm_ids:
        base = vm_id.partition("#")[0]
        if base in documents or not context.options.online:
            continue
        if base.startswith("did:web:"):
            documents[base] = resolve_did_web(base, allowed=True)
            mode = CheckMode.NETWORK
        elif base.startswith("did:ebsi:"):
            documents[base] = resolve_did_ebsi(
                base, allowed=True, registry=context.options.ebsi_registry
            )
            mode = CheckMode.NETWORK
        elif base.startswith("https://"):
            fetched = fetch(
                base,
                allowed=True,
                max_bytes=256 * 1024,
                accept="application/ld+json, application/json",
            )
            documents[base] = load_json_object(
                fetched.body, what=tr("The issuer's key document")
            )
            mode = CheckMode.NETWORK
    return documents, mode


def _proof_methods(document: Any) -> list[str]:
    proofs = document.get("proof") if isinstance(document, Mapping) else None
    items = proofs if isinstance(proofs, list) else [proofs]
    return [
        p["verificationMethod"]
        for p in items
        if isinstance(p, Mapping) and isinstance(p.get("verificationMethod"), str)
    ]


def verify_data_integrity(credential: Credential, context: CheckContext) -> SignerEvidence:
    document = credential.document
    issuer = _issuer_id(document)
    signer = IssuerInfo(identifier=issuer, name=_issuer_name(document), domain=_domain_of(issuer))
    unsupported = unsupported_proof(document, signer)
    if unsupported is not None:
        return unsupported
    try:
        documents, mode = _key_documents(_proof_methods(document), context)
        result = verify_proof(document, resolve=key_resolver(documents), now=context.now)
    except NetworkNotAllowed as exc:
        return SignerEvidence(CheckStatus.SKIPPED, exc.message, signer)
    except NetworkError as exc:
        return SignerEvidence(CheckStatus.SKIPPED, exc.message, signer, mode=CheckMode.NETWORK)
    return replace(_data_integrity_finding(result, document, signer, issuer), mode=mode)


def _data_integrity_finding(
    result: ProofVerification,
    document: Mapping[str, Any],
    signer: IssuerInfo,
    issuer: str | None,
) -> SignerEvidence:
    details = {
        "cryptosuite": result.cryptosuite,
        "verification_method": result.verification_method,
        "controller": result.controller,
        "problems": list(result.problems),
    }
    if not result.signature_checked:
        return unchecked_signature(result, document, signer, details)
    if not result.signature_valid:
        return SignerEvidence(
            CheckStatus.FAILED,
            tr(
                "The signature does not match the credential: it was altered after signing, "
                "or signed by another key."
            ),
            signer,
            details=details,
        )
    if result.controller_matches_issuer is False:
        return SignerEvidence(
            CheckStatus.FAILED,
            tr(
                "The signature is mathematically valid, but the signing key belongs to "
                "{controller}, not to the issuer {issuer}.",
                controller=result.controller,
                issuer=issuer,
            ),
            signer,
            details=details,
        )
    if not result.ok:
        return SignerEvidence(
            CheckStatus.FAILED, first_sentences(result.problems), signer, details=details
        )
    return SignerEvidence(
        CheckStatus.OK,
        tr(
            "The {algorithm} signature by the issuer's key is valid.",
            algorithm=result.cryptosuite,
        ),
        signer,
        details=details,
    )


def _domain_of(identifier: str | None) -> str | None:
    if not identifier:
        return None
    if identifier.startswith("did:web:"):
        return identifier.split(":")[2].replace("%3A", ":")
    if identifier.startswith(("https://", "http://")):
        return identifier.split("/")[2]
    return None


@dataclass(frozen=True)
class _JwtKey:
    key: Any
    controller: str | None  # who the key belongs to, when its source says so
    mode: CheckMode = CheckMode.OFFLINE


def _jwt_key(token: str, issuer: str | None, context: CheckContext) -> _JwtKey:
    """The issuer's key for a JWT: kid → DID URL, iss as a DID, JWT VC Issuer Metadata at an
    https iss (only online), or a key in the header."""
    jws = CompactJws.from_text(token.split("~", 1)[0], what=tr("The token"))
    kid = jws.header.get("kid")
    kid = kid if isinstance(kid, str) and kid else None
    vm_id: str | None = None
    if kid is not None and (kid.startswith("did:") or (kid.startswith("#") and issuer
                                                         and issuer.startswith("did:"))):
        vm_id = f"{issuer}{kid}" if kid.startswith("#") else kid
    elif kid is None and issuer and issuer.startswith("did:"):
        vm_id = issuer
    if vm_id is not None:
        documents, mode = _key_documents([vm_id], context)
        try:
            method = resolve_verification_method(vm_id, documents=documents)
        except MalformedCredential as exc:
            # A key Kredo cannot read (a curve it does not verify, a broken published
            # document) proves nothing about the credential: it could not be checked.
            raise VerificationError(
                tr("The signature could not be checked: {reason}", reason=exc.message),
                details=exc.details,
            ) from None
        return _JwtKey(method.public_key, method.controller, mode)
    found = discover_verification_key(jws.header)
    if found is None and issuer and is_https_issuer(issuer):
        # The key is in the issuer's published metadata: looked up only with consent.
        published = issuer_key(issuer, kid, allowed=context.options.online)
        return _JwtKey(published.key, issuer,
                       CheckMode.NETWORK if published.fetched else CheckMode.CACHE)
    if found is None:
        # No key found is ETSI's NO_SIGNING_CERTIFICATE_FOUND: indeterminate, not forged.
        raise VerificationError(
            tr("The signature could not be checked: the token names no key to check it with.")
        )
    return _JwtKey(found.key, None)


def verify_jwt(credential: Credential, context: CheckContext) -> SignerEvidence:
    token = credential.signed_bytes.decode("utf-8").strip()
    payload = CompactJws.from_text(token, what=tr("The token")).payload_object()
    issuer = (
        payload.get("iss")
        if isinstance(payload.get("iss"), str)
        else _issuer_id(payload.get("vc", payload))
    )
    signer = IssuerInfo(
        identifier=issuer, domain=_domain_of(issuer), name=_issuer_name(payload.get("vc", payload))
    )
    try:
        found = _jwt_key(token, issuer, context)
    except (NetworkError, VerificationError) as exc:
        # Not allowed offline, the issuer's server failed, a DID method Kredo cannot resolve
        # or no key named: nothing proven either way.
        return _key_unavailable(exc, signer)
    result = verify_vc_jwt(token, found.key, now=context.now)
    details = {
        "version": result.version,
        "alg": result.header.get("alg"),
        "claims": list(result.claims.messages),
    }
    return replace(_jose_finding(
        signer,
        found.controller,
        issuer_signed=(result.signature,),
        then=(result.claims,),
        time=result.time,
        details=details,
        ok_message=tr(
            "The {algorithm} signature by the issuer's key is valid.",
            algorithm=result.header.get("alg"),
        ),
    ), mode=found.mode)


def verify_sd_jwt_vc(credential: Credential, context: CheckContext) -> SignerEvidence:
    token = credential.signed_bytes.decode("utf-8").strip()
    payload = CompactJws.from_text(token.split("~", 1)[0], what=tr("The token")).payload_object()
    issuer = payload.get("iss") if isinstance(payload.get("iss"), str) else None
    signer = IssuerInfo(identifier=issuer, domain=_domain_of(issuer))
    try:
        found = _jwt_key(token, issuer, context)
    except (NetworkError, VerificationError) as exc:
        # Not allowed offline, the issuer's server failed, a DID method Kredo cannot resolve
        # or no key named: nothing proven either way.
        return _key_unavailable(exc, signer)
    result = verify_sd_jwt(
        token,
        found.key,
        now=context.now,
        expected_nonce=context.options.challenge,
        expected_audience=context.options.domain,
    )
    details = {
        "disclosures": list(result.disclosures.messages),
        "key_binding": list(result.key_binding.messages),
    }
    return replace(_jose_finding(
        signer,
        found.controller,
        issuer_signed=(result.signature, result.disclosures, result.type_check),
        then=(result.key_binding,),
        time=result.time,
        details=details,
        ok_message=tr("The issuer's signature and every disclosed claim are valid."),
    ), mode=found.mode)


def _key_unavailable(exc: WalletError, signer: IssuerInfo) -> SignerEvidence:
    """No key to check with: could not be checked (how far it went online, said by mode)."""
    online = isinstance(exc, NetworkError) and not isinstance(exc, NetworkNotAllowed)
    return SignerEvidence(CheckStatus.SKIPPED, exc.message, signer,
                          mode=CheckMode.NETWORK if online else CheckMode.OFFLINE)


def _first_failure(findings: tuple[Finding, ...]) -> str | None:
    return next((first_sentences(f.messages) for f in findings if f.failed), None)


def _jose_finding(
    signer: IssuerInfo,
    controller: str | None,
    *,
    issuer_signed: tuple[Finding, ...],
    then: tuple[Finding, ...],
    time: Finding,
    details: dict[str, Any],
    ok_message: str,
) -> SignerEvidence:
    """One verdict from a JOSE verification: what the issuer signed, then the key's owner
    (the reference verifiers' rule: the key's controller is the issuer), then the rest."""
    problem = _first_failure(issuer_signed)
    issuer = signer.identifier
    if problem is None and controller is not None and issuer is not None and controller != issuer:
        problem = tr(
            "The signature is valid, but the key belongs to {controller}, not to the issuer "
            "{issuer}.",
            controller=controller,
            issuer=issuer,
        )
    problem = problem or _first_failure(then)
    return SignerEvidence(
        CheckStatus.FAILED if problem else CheckStatus.OK,
        problem or ok_message,
        signer,
        details=details,
        time_problems=time.messages if time.failed else (),
    )
