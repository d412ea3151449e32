"""Long-term validation of a seal certificate's path from embedded data only (no network, ever).

The seal certificate is validated *as of a proven time* (the signature timestamp's genTime),
with hard-fail revocation from the OCSP responses and CRLs the seal embeds: an expired seal
certificate is fine if the timestamp proves the seal was made while it was valid and not
revoked. When nothing embedded speaks about a certificate's revocation (normal for a JAdES
B-T seal), the path is checked again without it: if it holds, the result says that revocation
alone is unknown (``revocation_unknown``), which is INDETERMINATE in ETSI EN 319 102-1
(REVOKED_NO_POE / TRY_LATER), never a failure; a revoked certificate or a broken chain still
fails. A seal certificate that has expired since, with no timestamp proving an earlier time,
is INDETERMINATE too (OUT_OF_BOUNDS_NO_POE, ``expired_on``): the seal may have been made while
it was valid, but nothing proves when; its chain is checked as of its last valid moment. The
path is anchored on the caller's trusted CA certificates (a trusted-list
snapshot) when one of them is reached; otherwise on the issuing CA found in the file, which
proves integrity of the chain but not trust — ``anchor_trusted`` says which it was.
pyhanko-certvalidator costs about 300 ms to import, so it is imported on first use.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

import asn1crypto.crl
import asn1crypto.ocsp
import asn1crypto.x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from wallet.crypto.chain_revocation import chain_revocation
from wallet.crypto.revocation_lookup import RevocationLookup
from wallet.crypto.x509_names import issuer_of, subject_of
from wallet.translation import tr

_T = TypeVar("_T")


@dataclass(frozen=True)
class PathResult:
    """The verdict on the seal certificate's chain at ``validated_at``."""

    valid: bool
    validated_at: datetime
    chain_subjects: tuple[str, ...]
    anchor_trusted: bool
    anchor_subject: str | None
    revocation: str
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()
    # The certificate the path ended on, so a caller can ask which list vouches for it.
    anchor: asn1crypto.x509.Certificate | None = None
    # The chain holds in every respect but revocation, which no embedded data speaks about:
    # not valid (nothing proves it was not revoked), not failed either.
    revocation_unknown: bool = False
    # How revocation was decided: "offline" (embedded data), "network" or "cache" (online).
    revocation_mode: str = "offline"
    # A certificate revoked only after the proven time: the sentences saying so.
    revoked_later: tuple[str, ...] = ()
    # The seal certificate expired on this date and no timestamp proves an earlier time
    # (OUT_OF_BOUNDS_NO_POE); then ``revocation_unknown`` is set too: indeterminate.
    expired_on: datetime | None = None


@dataclass(frozen=True)
class RevocationData:
    """Embedded revocation values (``rVals``), already parsed, plus the certificates they carry."""

    ocsp_responses: tuple[asn1crypto.ocsp.OCSPResponse, ...] = ()
    crls: tuple[asn1crypto.crl.CertificateList, ...] = ()

    @property
    def certificates(self) -> tuple[asn1crypto.x509.Certificate, ...]:
        """Responder certificates and their chains (one sample's SHA-256 CA re-issue is here)."""
        found: list[asn1crypto.x509.Certificate] = []
        for response in self.ocsp_responses:
            basic = basic_ocsp_response(response)
            if basic is not None:
                found.extend(basic["certs"] or [])
        return tuple(found)


def to_asn1(certificate: x509.Certificate) -> asn1crypto.x509.Certificate:
    return asn1crypto.x509.Certificate.load(certificate.public_bytes(Encoding.DER))


def validate_seal_path(
    signer: x509.Certificate,
    *,
    moment: datetime,
    other_certificates: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    trusted_roots: Sequence[x509.Certificate] = (),
    online: OnlineRevocation | None = None,
    time_proven: bool = True,
) -> PathResult:
    """Validate ``signer`` at ``moment``; never raises for a bad chain. With ``online``,
    revocation that no embedded data speaks about is asked of the status services.
    ``time_proven`` false: ``moment`` is the time of checking, as no timestamp proves an
    earlier one; a revocation before it then proves nothing about the seal (REVOKED_NO_POE)."""
    end_entity = to_asn1(signer)
    pool = [*other_certificates, *revocation.certificates]
    if online is not None:
        pool.extend(online.missing_issuers(signer, pool, trusted_roots))
    how = _revocation_source(end_entity, revocation)
    usage_problem = _seal_usage_problem(end_entity)
    notes: tuple[str, ...] = ()
    relevant = relevant_roots(end_entity, pool, trusted_roots)
    if relevant:
        roots = [to_asn1(root) for root in relevant]
        trusted = _validate(end_entity, roots, pool, revocation, moment, online=online,
                            time_proven=time_proven)
        if trusted.valid:
            # Also when it holds but for revocation (indeterminate): a path anchored on the
            # issuing CA instead (in the file, or fetched from caIssuers) would look "fully
            # checked" only because an anchor's own revocation is never asked, hiding just
            # what is unknown (say the CA's CRL that could not be had).
            return _finish(trusted, moment, anchor_trusted=True, how=how, extra=usage_problem)
        # Keep why the trusted path failed: the fallback below proves less, and says so.
        reason = trusted.problem or _seal_problems().no_revocation_data
        notes = (tr("No path to a trusted authority held: {reason}", reason=reason),)
    issuers = [c for c in pool if c.subject == end_entity.issuer and c.ca]
    if not issuers:
        return PathResult(
            valid=False,
            validated_at=moment,
            chain_subjects=(end_entity.subject.human_friendly,),
            anchor_trusted=False,
            anchor_subject=None,
            revocation=how,
            problems=(
                tr("The seal does not include the certificate of the authority that issued it."),
            ),
        )
    in_file = _validate(end_entity, issuers, pool, revocation, moment, online=online,
                        time_proven=time_proven)
    result = _finish(in_file, moment, anchor_trusted=False, how=how, extra=usage_problem)
    return replace(result, notes=(*notes, *result.notes))


def relevant_roots(
    certificate: asn1crypto.x509.Certificate,
    pool: Sequence[asn1crypto.x509.Certificate],
    trusted: Sequence[x509.Certificate],
) -> list[x509.Certificate]:
    """The trusted certificates that could end ``certificate``'s path: itself, or an issuer
    named by it or by a certificate in the file. A trusted list names a hundred TSA units;
    handing them all to the path validator costs more than the whole rest of a seal check.
    (Names are compared as cryptography reads them; a root missed here is only left
    untrusted, never wrongly trusted.)"""
    if not trusted:
        return []
    names = {subject_of(x509.load_der_x509_certificate(certificate.dump()))}
    for candidate in (certificate, *pool):
        names.add(issuer_of(x509.load_der_x509_certificate(candidate.dump())))
    return [root for root in trusted if subject_of(root) in names]


@dataclass(frozen=True)
class PathAttempt:
    """One run of path validation: the chain found (anchor first), or why there is none.

    ``problem`` is the sentence for a person; ``failure`` names the kind of failure (a field
    of :class:`PathProblems`) for code to decide on.
    """

    valid: bool
    chain: tuple[asn1crypto.x509.Certificate, ...]
    problem: str | None
    revocation_checked: bool = True
    failure: str | None = None
    # Set when revocation was decided online: what decided it, and how it was reached.
    revocation_source: str | None = None
    revocation_mode: str = "offline"
    notes: tuple[str, ...] = ()
    revoked_later: tuple[str, ...] = ()
    expired_on: datetime | None = None


@dataclass(frozen=True)
class PathProblems:
    """The sentences a failed validation is told in, per kind of failure."""

    expired: str
    not_yet_valid: str
    revoked: str
    no_revocation_data: str
    no_path: str
    invalid: str


def _seal_problems() -> PathProblems:
    # A function, not a constant: the sentences are made in the language active at the time.
    return PathProblems(
        expired=tr("The seal certificate had expired at the time the seal is checked against."),
        not_yet_valid=tr("The seal certificate was not yet valid at the time the seal is "
                         "checked against."),
        revoked=tr("The seal certificate was revoked before the seal was made."),
        no_revocation_data=tr("The seal lacks the revocation data needed for a certificate in "
                              "its chain."),
        no_path=tr("No certificate chain leads from the seal certificate to its issuing "
                   "authority."),
        invalid=tr("The seal certificate's chain is not valid."),
    )


def _finish(
    attempt: PathAttempt, moment: datetime, *, anchor_trusted: bool, how: str, extra: str | None
) -> PathResult:
    problems = [p for p in (attempt.problem, extra) if p]
    unknown = attempt.valid and not attempt.revocation_checked and not problems
    offline_note = tr("No revocation data for the seal's certificate chain is embedded, so "
                      "whether a certificate in it was revoked could not be checked offline.")
    return PathResult(
        valid=attempt.valid and attempt.revocation_checked and not problems,
        validated_at=moment,
        chain_subjects=tuple(c.subject.human_friendly for c in attempt.chain),
        anchor_trusted=anchor_trusted and attempt.valid,
        anchor_subject=attempt.chain[0].subject.human_friendly if attempt.chain else None,
        revocation=_revocation_text(attempt, unknown, how),
        problems=tuple(problems),
        notes=attempt.notes or ((offline_note,) if unknown else ()),
        anchor=attempt.chain[0] if attempt.chain else None,
        revocation_unknown=unknown,
        revocation_mode=attempt.revocation_mode,
        revoked_later=attempt.revoked_later,
        expired_on=attempt.expired_on if unknown else None,
    )


def _revocation_text(attempt: PathAttempt, unknown: bool, how: str) -> str:
    """What the chain's revocation status rests on, for the report's details."""
    if unknown and attempt.expired_on is not None:
        return "not checked: the certificate has expired"
    if unknown:
        return "not available online" if attempt.revocation_mode != "offline" else (
            "not available offline")
    if not attempt.valid:
        return "not established"
    return attempt.revocation_source or how


def _validate(
    end_entity: asn1crypto.x509.Certificate,
    roots: Sequence[asn1crypto.x509.Certificate],
    pool: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    moment: datetime,
    *,
    online: OnlineRevocation | None,
    time_proven: bool = True,
) -> PathAttempt:
    attempt = attempt_path(end_entity, roots, pool, revocation, moment, mode="hard-fail",
                           problems=_seal_problems())
    if attempt.failure == "expired" and not time_proven:
        return _expired_since(end_entity, roots, pool, revocation, moment=moment,
                              expired=attempt)
    if attempt.failure != "no_revocation_data":
        return attempt
    # Nothing embedded speaks about revocation: does the chain hold otherwise? Soft-fail still
    # fails a certificate that the data present shows revoked.
    again = attempt_path(end_entity, roots, pool, revocation, moment, mode="soft-fail",
                         problems=_seal_problems())
    if again.failure == "no_revocation_data":
        # The data present is not fresh for ``moment`` (a stale OCSP response): it proves
        # neither way, so the chain is judged without it.
        again = attempt_path(end_entity, roots, pool, RevocationData(), moment,
                             mode="soft-fail", problems=_seal_problems())
    if again.valid:
        return settle_online(again.chain, online, moment, time_proven=time_proven)
    return again


def _expired_since(
    end_entity: asn1crypto.x509.Certificate,
    roots: Sequence[asn1crypto.x509.Certificate],
    pool: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    *,
    moment: datetime,
    expired: PathAttempt,
) -> PathAttempt:
    """ETSI EN 319 102-1 §5.2.7: a signing certificate expired at the time of checking, and
    no proof of existence of the signature before then: OUT_OF_BOUNDS_NO_POE, indeterminate.

    The chain is checked as of the certificate's last valid moment, the latest time the seal
    could have been made; if it did not hold even then, that failure stands. Revocation stays
    unknown: without a proven time a revocation could not be weighed against the sealing
    anyway, so nothing is asked online.
    """
    last_valid: datetime = end_entity["tbs_certificate"]["validity"]["not_after"].native
    if last_valid >= moment:
        return expired  # another certificate of the chain expired: no seal-time question
    then = attempt_path(end_entity, roots, pool, revocation, last_valid, mode="soft-fail",
                        problems=_seal_problems())
    if then.failure == "no_revocation_data":
        then = attempt_path(end_entity, roots, pool, RevocationData(), last_valid,
                            mode="soft-fail", problems=_seal_problems())
    if then.failure == "expired":
        return expired
    if not then.valid:
        return then
    note = tr(
        "The seal certificate expired on {date}, and no timestamp proves that the seal was "
        "made before then.",
        date=f"{last_valid:%Y-%m-%d}",
    )
    return PathAttempt(True, then.chain, None, revocation_checked=False, notes=(note,),
                       expired_on=last_valid)


@dataclass(frozen=True)
class OnlineRevocation:
    """The person allowed going online: ``lookup`` fetches, ``now`` is the time of checking
    (a status answer must be current then)."""

    lookup: RevocationLookup
    now: datetime

    def missing_issuers(
        self,
        certificate: x509.Certificate,
        pool: Sequence[asn1crypto.x509.Certificate],
        trusted: Sequence[x509.Certificate],
    ) -> list[asn1crypto.x509.Certificate]:
        """The issuer's certificate from the ``caIssuers`` address, when neither the file nor
        the trust material holds it (RFC 5280 §4.2.2.1)."""
        wanted = to_asn1(certificate).issuer
        if any(c.subject == wanted for c in pool) or any(
            to_asn1(root).subject == wanted for root in trusted
        ):
            return []
        found = []
        for der in self.lookup.issuer_certificates(certificate):
            try:
                loaded = asn1crypto.x509.Certificate.load(der, strict=True)
                loaded.native  # noqa: B018 - surface damage now
            except (ValueError, TypeError, KeyError):
                continue
            found.append(loaded)
        return found


def settle_online(
    chain: Sequence[asn1crypto.x509.Certificate],
    online: OnlineRevocation | None,
    moment: datetime,
    *,
    time_proven: bool = True,
) -> PathAttempt:
    """A chain that holds but for revocation: decided online when allowed, else left unknown.

    Revoked before ``moment`` fails it only when ``moment`` is proven; when it is merely the
    time of checking, nothing shows the seal was made before the revocation (ETSI EN 319 102-1
    REVOKED_NO_POE): unknown, never failed."""
    if online is None:
        return PathAttempt(True, tuple(chain), None, revocation_checked=False)
    decided = chain_revocation(chain, online.lookup, moment=moment, now=online.now)
    mode = "cache" if decided.from_cache else "network"
    if decided.standing == "revoked" and not time_proven:
        return PathAttempt(True, tuple(chain), None, revocation_checked=False,
                           revocation_mode=mode, notes=(tr(
                               "{problem} No timestamp proves that the seal was made before "
                               "then.", problem=decided.problem or ""),))
    if decided.standing == "revoked":
        return PathAttempt(False, (), decided.problem, failure="revoked", revocation_mode=mode)
    if decided.standing == "unknown":
        return PathAttempt(True, tuple(chain), None, revocation_checked=False,
                           revocation_mode="network", notes=(decided.reason or "",))
    return PathAttempt(True, tuple(chain), None, revocation_source=decided.source,
                       revocation_mode=mode, notes=decided.notes,
                       revoked_later=decided.notes)


def attempt_path(
    end_entity: asn1crypto.x509.Certificate,
    roots: Sequence[asn1crypto.x509.Certificate],
    pool: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    moment: datetime,
    *,
    mode: str,
    problems: PathProblems,
) -> PathAttempt:
    """Validate ``end_entity``'s path at ``moment`` from embedded data only (no fetching)."""
    # Lazy: about 300 ms to import, paid only when a seal is actually verified.
    from pyhanko_certvalidator import (  # noqa: PLC0415
        CertificateValidator,
        ValidationContext,
        errors,
    )

    context = ValidationContext(
        trust_roots=list(roots),
        other_certs=list(pool),
        crls=list(revocation.crls),
        ocsps=list(revocation.ocsp_responses),
        moment=moment,
        revocation_mode=mode,
        allow_fetching=False,
    )
    validator = CertificateValidator(end_entity, validation_context=context)
    try:
        path = run_to_completion(validator.async_validate_path())
    except errors.ExpiredError:
        failure = "expired"
    except errors.NotYetValidError:
        failure = "not_yet_valid"
    except errors.RevokedError:
        failure = "revoked"
    except errors.InsufficientRevinfoError:
        failure = "no_revocation_data"
    except errors.PathBuildingError:
        failure = "no_path"
    except errors.PathValidationError:
        failure = "invalid"
    else:
        return PathAttempt(True, tuple(path), None)
    return PathAttempt(False, (), getattr(problems, failure), failure=failure)


def run_to_completion(coroutine: Coroutine[Any, Any, _T]) -> _T:
    """pyhanko-certvalidator is async only; run it to completion even inside a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _seal_usage_problem(certificate: asn1crypto.x509.Certificate) -> str | None:
    """A seal certificate must allow signing: digitalSignature or nonRepudiation.

    RFC 5280 §4.2.1.3; EN 319 412-3 asks for nonRepudiation on seals, older ones use either.
    """
    usage = certificate.key_usage_value
    if usage is None:
        return None
    if {"digital_signature", "non_repudiation"} & set(usage.native):
        return None
    return tr("The seal certificate is not meant for signing (its key usage forbids it).")


def basic_ocsp_response(response: asn1crypto.ocsp.OCSPResponse) -> Any:
    if response["response_status"].native != "successful":
        return None
    return response["response_bytes"]["response"].parsed


def _revocation_source(end_entity: asn1crypto.x509.Certificate, revocation: RevocationData) -> str:
    """Name the embedded data that speaks about the seal certificate, for the report."""
    for response in revocation.ocsp_responses:
        basic = basic_ocsp_response(response)
        if basic is None:
            continue
        for single in basic["tbs_response_data"]["responses"]:
            if single["cert_id"]["serial_number"].native == end_entity.serial_number:
                return "embedded OCSP response"
    for crl in revocation.crls:
        if crl.issuer == end_entity.issuer:
            return "embedded CRL"
    return "none embedded"
