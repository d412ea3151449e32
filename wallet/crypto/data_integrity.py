"""Verify and create W3C Data Integrity proofs, alone, in proof sets and in proof chains.

Suites: ``eddsa-rdfc-2022``, ``eddsa-jcs-2022`` and ``Ed25519Signature2020`` (W3C
vc-di-eddsa), ``ecdsa-rdfc-2019`` and ``ecdsa-jcs-2019`` with P-256 and P-384, and
``ecdsa-sd-2023`` base and derived proofs (verify only; W3C vc-di-ecdsa). The numbered steps
follow the specs' "Verify Proof" and "Create Proof" algorithms (§3.2.2 / §3.2.1 in both), with
the proof-purpose and controller checks of VC Data Integrity §4 and the reference verifier's
issuer rule.

Verification never raises for a bad proof: it returns a :class:`ProofVerification`. It raises
only when the document carries no Data Integrity proof at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from wallet.crypto.data_integrity_chains import chain_input_document, matching_proofs
from wallet.crypto.data_integrity_checks import (
    challenge_and_domain_problems,
    controller_problems,
    purpose_problems,
    time_problems,
)
from wallet.crypto.data_integrity_hashing import (
    HashData,
    hash_data,
    proof_configuration,
    unsecured_document,
)
from wallet.crypto.data_integrity_jcs import jcs_hash_data
from wallet.crypto.data_integrity_result import ProofVerification
from wallet.crypto.jwk import PrivateKey, PublicKey
from wallet.crypto.multibase import BASE58BTC, multibase_decode, multibase_encode
from wallet.crypto.suites import (
    DATA_INTEGRITY_PROOF_TYPES,
    Cryptosuite,
    SuiteIdentity,
    selective_suite_for_proof,
    suite_for_proof,
    suite_named,
)
from wallet.crypto.suites.ecdsa_sd import (
    BaseProofNotForVerifiers,
    DerivedProofValue,
    derived_proof_holds,
)
from wallet.crypto.suites.ecdsa_sd_base import BaseProofValue, base_proof_holds
from wallet.crypto.suites.ecdsa_sd_groups import SelectionNotComparable
from wallet.crypto.verification_method import KeyResolver, ResolvedVerificationMethod
from wallet.errors import (
    ContextNotAvailable,
    MalformedCredential,
    NetworkError,
    VerificationError,
    WalletError,
)
from wallet.json_values import as_list
from wallet.translation import tr

ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"

__all__ = [
    "ProofOptions",
    "ProofVerification",
    "add_proof",
    "sign",
    "verify_proof",
    "verify_proofs",
]


def verify_proof(
    document: Mapping[str, Any],
    *,
    resolve: KeyResolver,
    purpose: str = "assertionMethod",
    challenge: str | None = None,
    domain: str | None = None,
    now: datetime | None = None,
) -> ProofVerification:
    """Check the document's proof; with several proofs, the first one that is not ok.

    ``resolve`` turns a verification method id into a key: the DID layer supplies it
    (:func:`wallet.did.key_resolver`), so this module needs no DID method of its own.
    """
    results = verify_proofs(
        document, resolve=resolve, purpose=purpose, challenge=challenge, domain=domain, now=now
    )
    return next((result for result in results if not result.ok), results[0])


def verify_proofs(
    document: Mapping[str, Any],
    *,
    resolve: KeyResolver,
    purpose: str = "assertionMethod",
    challenge: str | None = None,
    domain: str | None = None,
    now: datetime | None = None,
) -> tuple[ProofVerification, ...]:
    """Check every Data Integrity proof: each of a set over the document alone, each of a
    chain over the document with the proofs its ``previousProof`` names (VC Data Integrity
    §4.4)."""
    proofs = _data_integrity_proofs(document)
    all_proofs = [p for p in as_list(document.get("proof")) if isinstance(p, Mapping)]
    moment = now or datetime.now(UTC)
    return tuple(
        _verify_one(
            document,
            proof,
            all_proofs,
            purpose=purpose,
            challenge=challenge,
            domain=domain,
            resolve=resolve,
            now=moment,
        )
        for proof in proofs
    )


def sign(
    document: Mapping[str, Any],
    *,
    private_key: PrivateKey,
    verification_method: str,
    cryptosuite: str,
    purpose: str = "assertionMethod",
    challenge: str | None = None,
    domain: str | None = None,
    created: datetime | str | None = None,
) -> dict[str, Any]:
    """A new document: ``document`` plus a proof made with ``private_key`` (Create Proof)."""
    if "proof" in document:
        raise WalletError(
            tr("The document already carries a proof; Kredo signs unsigned documents."))
    options = ProofOptions(verification_method=verification_method, purpose=purpose,
                           challenge=challenge, domain=domain, created=created)
    proof = _create_proof(document, [], private_key, cryptosuite, options)
    return {**document, "proof": proof}


@dataclass(frozen=True)
class ProofOptions:
    """What a new proof says besides its suite: key, purpose, and the optional fields."""

    verification_method: str
    purpose: str = "assertionMethod"
    challenge: str | None = None
    domain: str | None = None
    created: datetime | str | None = None
    # An id lets a later proof of a chain name this one in its previousProof.
    proof_id: str | None = None
    previous_proof: str | tuple[str, ...] | None = None


def add_proof(
    document: Mapping[str, Any],
    *,
    private_key: PrivateKey,
    cryptosuite: str,
    options: ProofOptions,
) -> dict[str, Any]:
    """A new document: ``document``'s proofs plus one more (VC Data Integrity §4.2, "Add Proof
    Set/Chain"). With ``options.previous_proof`` the new proof signs the document together
    with the proofs it names (a chain); without, the document alone (a set)."""
    existing = [p for p in as_list(document.get("proof")) if isinstance(p, Mapping)]
    previous = matching_proofs({"previousProof": _previous_value(options)}, existing)
    proof = _create_proof(document, previous, private_key, cryptosuite, options)
    return {**document, "proof": [*(dict(p) for p in existing), proof]}


def _previous_value(options: ProofOptions) -> str | list[str] | None:
    previous = options.previous_proof
    return list(previous) if isinstance(previous, tuple) else previous


def _create_proof(
    document: Mapping[str, Any],
    previous: list[Mapping[str, Any]],
    private_key: PrivateKey,
    cryptosuite: str,
    options: ProofOptions,
) -> dict[str, Any]:
    suite = suite_named(cryptosuite)
    if suite is None:
        raise WalletError(tr("Kredo cannot sign with the cryptosuite {suite}.",
                             suite=repr(cryptosuite[:60])))
    if not suite.key_is_suitable(private_key.public_key()):
        raise WalletError(tr("That key cannot be used with {suite}.", suite=suite.name))
    context = document.get("@context")
    if suite.cryptosuite is None and ED25519_2020_CONTEXT not in as_list(context):
        raise WalletError(tr("Signing with {suite} needs the {context} context.",
                             suite=suite.name, context=ED25519_2020_CONTEXT))

    # 1. Proof options: type, cryptosuite, created, method, purpose (+ challenge, domain,
    #    id and previousProof for sets and chains).
    proof: dict[str, Any] = {"type": suite.proof_type}
    if options.proof_id is not None:
        proof["id"] = options.proof_id
    if suite.cryptosuite is not None:
        proof["cryptosuite"] = suite.cryptosuite
    proof["created"] = _format_datetime(options.created or datetime.now(UTC))
    proof["verificationMethod"] = options.verification_method
    proof["proofPurpose"] = options.purpose
    for name, value in (("challenge", options.challenge), ("domain", options.domain),
                        ("previousProof", _previous_value(options))):
        if value is not None:
            proof[name] = value
    # 2. The JCS suites carry the document's @context in the proof (vc-di-eddsa §3.3.1 step 2).
    if suite.canonicalization == "jcs" and context is not None:
        proof["@context"] = context
    # 3.–4. Canonicalize document and configuration; hash both with the suite's hash.
    unsecured = chain_input_document(document, previous)
    hashed = _suite_hash_data(unsecured, proof, suite, private_key.public_key())
    if hashed.dropped_terms:
        raise MalformedCredential(
            tr("The document has properties no JSON-LD context defines, so a signature "
               "would not protect them."),
            details=f"undefined terms: {', '.join(hashed.dropped_terms)[:300]}",
        )
    # 5. Sign the hash data; proofValue is base58btc multibase.
    proof["proofValue"] = multibase_encode(suite.sign_data(private_key, hashed.data), BASE58BTC)
    return proof


def _suite_hash_data(
    unsecured: Mapping[str, Any], proof: Mapping[str, Any], suite: Cryptosuite, key: PublicKey
) -> HashData:
    """The suite's hash data: RDFC signs the proof under the document's @context (§3.2.5),
    JCS the proof options exactly as they stand (§3.3.5)."""
    algorithm = suite.hash_algorithm(key)
    if suite.canonicalization == "jcs":
        options = {name: value for name, value in proof.items() if name != "proofValue"}
        return jcs_hash_data(unsecured, options, algorithm)
    config = proof_configuration(proof, unsecured.get("@context"))
    return hash_data(unsecured, config, algorithm)


class _Stopped(Exception):
    """Internal: a step ended the check, with its sentence. ``checked`` is False when the
    signature cannot be computed offline (shown as skipped, never as forged)."""

    def __init__(
        self, message: str, *, checked: bool, method: ResolvedVerificationMethod | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.checked = checked
        self.method = method


def _verify_one(
    document: Mapping[str, Any],
    proof: Mapping[str, Any],
    all_proofs: list[Mapping[str, Any]],
    *,
    purpose: str,
    challenge: str | None,
    domain: str | None,
    resolve: KeyResolver,
    now: datetime,
) -> ProofVerification:
    vm_id = _method_id(proof)
    suite = suite_for_proof(proof)
    selective = selective_suite_for_proof(proof)
    known = suite or selective
    suite_label = known.name if known else str(proof.get("cryptosuite") or proof.get("type"))[:60]

    def outcome(
        problems: list[str],
        *,
        checked: bool,
        valid: bool,
        method: ResolvedVerificationMethod | None = None,
        matches: bool | None = None,
    ) -> ProofVerification:
        purpose_found = purpose_problems(proof, purpose, method)
        return ProofVerification(
            cryptosuite=suite_label,
            verification_method=vm_id,
            controller=method.controller if method else None,
            signature_checked=checked,
            signature_valid=valid,
            controller_matches_issuer=matches,
            purpose_ok=not purpose_found,
            problems=tuple(
                problems
                + purpose_found
                + time_problems(proof, now)
                + challenge_and_domain_problems(proof, challenge, domain)
            ),
        )

    # 1. The proof must name a cryptosuite Kredo implements.
    try:
        if selective is not None:
            previous = _previous_proofs(proof, all_proofs)
            method = _verification_method(vm_id, selective, resolve)
            valid, hashed = _selective_holds(document, proof, previous, method)
        elif suite is not None:
            signature = _signature_value(proof)
            previous = _previous_proofs(proof, all_proofs)
            method = _verification_method(vm_id, suite, resolve)
            hashed = _hash_data(document, proof, previous, suite, method)
            # 7. Verify the signature over the hash data.
            valid = suite.verify_signature(method.public_key, signature, hashed.data)
        else:
            unknown = tr("The proof uses the cryptosuite {suite}, which Kredo cannot check.",
                         suite=repr(suite_label))
            return outcome([unknown], checked=False, valid=False)
    except _Stopped as stop:
        return outcome([stop.message], checked=stop.checked, valid=False, method=stop.method)
    problems = _signature_problems(valid, hashed)
    # 8. The key's controller must be the issuer (holder) the document names.
    matches, controller_found = controller_problems(document, method)
    if valid:
        problems.extend(controller_found)
    return outcome(problems, checked=True, valid=valid, method=method, matches=matches)


def _signature_problems(valid: bool, hashed: HashData) -> list[str]:
    problems: list[str] = []
    if not valid:
        problems.append(
            tr("The signature does not match the document: it was changed or forged."))
    if hashed.dropped_terms:
        problems.append(tr(
            "Some properties are not defined by any JSON-LD context, so the signature "
            "does not protect them: {terms}.",
            terms=", ".join(hashed.dropped_terms)[:200],
        ))
    return problems


def _method_id(proof: Mapping[str, Any]) -> str:
    vm_id = proof.get("verificationMethod")
    if isinstance(vm_id, Mapping):  # an embedded method is named by its id
        vm_id = vm_id.get("id")
    return vm_id if isinstance(vm_id, str) else ""


def _signature_value(proof: Mapping[str, Any]) -> bytes:
    """2. proofValue: base58btc multibase of the signature bytes."""
    proof_value = proof.get("proofValue")
    if not isinstance(proof_value, str) or not proof_value.startswith(BASE58BTC):
        raise _Stopped(
            tr("The proof's signature value is missing or not base58btc encoded."), checked=True
        )
    try:
        return multibase_decode(proof_value, what=tr("The proof's signature value"))
    except MalformedCredential as exc:
        raise _Stopped(exc.message, checked=True) from None


def _verification_method(
    vm_id: str, suite: SuiteIdentity, resolve: KeyResolver
) -> ResolvedVerificationMethod:
    """3. The verification method, resolved to a public key (offline) that fits the suite."""
    try:
        method = resolve(vm_id)
    except (NetworkError, VerificationError) as exc:
        raise _Stopped(exc.message, checked=False) from None
    except WalletError as exc:
        raise _Stopped(exc.message, checked=True) from None
    if method.id != vm_id and vm_id.partition("#")[2]:
        raise _Stopped(
            tr("The proof's key id does not match the key it resolves to."),
            checked=True,
            method=method,
        )
    if not suite.key_is_suitable(method.public_key):
        raise _Stopped(
            tr("The signing key is not of a type {suite} uses.", suite=suite.name),
            checked=True,
            method=method,
        )
    return method


def _previous_proofs(
    proof: Mapping[str, Any], all_proofs: list[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """A chained proof needs the proofs it names; one that is missing cut the chain."""
    try:
        return matching_proofs(proof, all_proofs)
    except MalformedCredential as exc:
        raise _Stopped(exc.message, checked=True) from None


def _hash_data(
    document: Mapping[str, Any],
    proof: Mapping[str, Any],
    previous: list[Mapping[str, Any]],
    suite: Cryptosuite,
    method: ResolvedVerificationMethod,
) -> HashData:
    """4. Unsecured document (with the previous proofs of a chain) and proof configuration
    under the signed @context; 5. canonicalize both (RDFC-1.0 or JCS) and 6. hash:
    H(config) || H(document)."""
    try:
        unsecured = chain_input_document(unsecured_document(document, proof), previous)
        return _suite_hash_data(unsecured, proof, suite, method.public_key)
    except ContextNotAvailable as exc:
        raise _Stopped(exc.message, checked=False, method=method) from None
    except WalletError as exc:
        raise _Stopped(exc.message, checked=True, method=method) from None


def _selective_holds(
    document: Mapping[str, Any],
    proof: Mapping[str, Any],
    previous: list[Mapping[str, Any]],
    method: ResolvedVerificationMethod,
) -> tuple[bool, HashData]:
    """ecdsa-sd-2023 (vc-di-ecdsa §3.6.7): the derived proof over what the holder disclosed,
    or the issuer's base proof over the whole document (the holder's copy)."""
    value: DerivedProofValue | BaseProofValue
    try:
        try:
            value = DerivedProofValue.from_proof_value(proof.get("proofValue"))
        except BaseProofNotForVerifiers:
            value = BaseProofValue.from_proof_value(proof.get("proofValue"))
    except MalformedCredential as exc:
        raise _Stopped(exc.message, checked=True, method=method) from None
    try:
        unsecured = chain_input_document(unsecured_document(document, proof), previous)
        config = proof_configuration(proof, unsecured.get("@context"))
        if isinstance(value, BaseProofValue):
            valid = base_proof_holds(unsecured, config, value, method.public_key)
        else:
            valid = derived_proof_holds(unsecured, config, value, method.public_key)
    except (ContextNotAvailable, SelectionNotComparable) as exc:
        raise _Stopped(exc.message, checked=False, method=method) from None
    except WalletError as exc:
        raise _Stopped(exc.message, checked=True, method=method) from None
    return valid, HashData(data=b"", dropped_terms=())


def _data_integrity_proofs(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    raw = document.get("proof")
    proofs = [p for p in as_list(raw) if isinstance(p, Mapping)]
    if not proofs:
        raise VerificationError(tr("The document carries no proof to verify."))
    data_integrity = [p for p in proofs if p.get("type") in DATA_INTEGRITY_PROOF_TYPES]
    if not data_integrity:
        raise VerificationError(
            tr("The document's proof is not a Data Integrity proof."),
            details=f"proof types: {', '.join(str(p.get('type'))[:60] for p in proofs)}",
        )
    return data_integrity


def _format_datetime(value: datetime | str) -> str:
    if isinstance(value, str):
        return value
    moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
