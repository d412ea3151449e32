"""Is the authority behind an RFC 3161 timestamp token who it says, and was it fit to stamp?

A token's CMS signature (see :mod:`wallet.crypto.timestamp_token`) proves only that the
holder of the TSA certificate's key signed it. Whether that proves a *time* depends on the
certificate itself, checked here at the token's ``genTime``, from embedded data only:

1. the certificate is meant for timestamps: an extended key usage with ``id-kp-timeStamping``,
   marked critical (RFC 3161 §2.3);
2. its path is valid at ``genTime`` (pyhanko-certvalidator), with revocation from the CRLs and
   OCSP responses the seal embeds, hard-fail; when none speaks about the authority, the path
   still counts and the missing revocation check is said in a note; online, it is asked, and
   an authority whose status stays unknown even then is not proven unrevoked when it stamped,
   so its timestamp proves no time (ETSI EN 319 102-1: no proof of existence) — see
   :attr:`AuthorityPath.proves_time`;
3. the path is anchored on a timestamp authority a trusted list grants (``QTST``) when one is
   reached; otherwise on an authority found in the file (its issuer, or a self-signed
   certificate), which proves the chain is intact but not that anyone vouches for it.
   ``anchor_trusted`` says which, so the report never calls an unknown authority trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

import asn1crypto.x509
from cryptography import x509

from wallet.crypto.x509_path import (
    OnlineRevocation,
    PathAttempt,
    PathProblems,
    RevocationData,
    attempt_path,
    basic_ocsp_response,
    relevant_roots,
    settle_online,
    to_asn1,
)
from wallet.translation import tr

if TYPE_CHECKING:
    from wallet.crypto.timestamp_token import TimestampResult

TIME_STAMPING = "time_stamping"


@dataclass(frozen=True)
class AuthorityPath:
    """The verdict on one timestamp authority's certificate at ``validated_at``."""

    valid: bool
    validated_at: datetime
    chain_subjects: tuple[str, ...]
    anchor_trusted: bool
    revocation: str
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()
    anchor: asn1crypto.x509.Certificate | None = None
    revocation_mode: str = "offline"  # or "network", "cache": decided online
    # Asked online, and still no answer proves the authority's certificate unrevoked.
    revocation_unknown_online: bool = False

    @property
    def proves_time(self) -> bool:
        """Its timestamps may serve as proof of existence (ETSI EN 319 102-1 §5.6.2.3): not
        when its certificate's revocation stayed unknown even online. (Offline, missing data
        is only a note: nothing was asked, so the seal is INDETERMINATE or stated otherwise.)"""
        return not self.revocation_unknown_online


def validate_timestamp_authority(
    authority: asn1crypto.x509.Certificate,
    *,
    moment: datetime,
    other_certificates: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    trusted_authorities: Sequence[x509.Certificate] = (),
    online: OnlineRevocation | None = None,
) -> AuthorityPath:
    """Validate the TSA certificate ``authority`` at ``moment``; never raises for a bad one."""
    problems: list[str] = []
    # 1. Fit for timestamps.
    usage_problem = _time_stamping_usage_problem(authority)
    if usage_problem:
        problems.append(usage_problem)
    pool = _unique([*other_certificates, *revocation.certificates])
    # 2-3. A path to a trusted authority first, then to one found in the file.
    notes: list[str] = []
    relevant = relevant_roots(authority, pool, trusted_authorities)
    if relevant:
        roots = [to_asn1(root) for root in relevant]
        trusted = _validate(authority, roots, pool, revocation, moment, online=online)
        if trusted.valid:
            return _finish(
                trusted,
                moment,
                anchor_trusted=True,
                revocation=revocation,
                authority=authority,
                usage_problems=problems,
            )
        notes.append(tr("No path to a trusted timestamp authority held: {reason}",
                        reason=trusted.problem))
    in_file_roots = _anchors_in_file(authority, pool)
    if not in_file_roots:
        return AuthorityPath(
            valid=False,
            validated_at=moment,
            chain_subjects=(authority.subject.human_friendly,),
            anchor_trusted=False,
            revocation="not established",
            problems=(
                *problems,
                tr("The timestamp does not include the certificate of the authority that "
                   "issued its authority's certificate."),
            ),
            notes=tuple(notes),
        )
    in_file = _validate(authority, in_file_roots, pool, revocation, moment, online=online)
    result = _finish(
        in_file,
        moment,
        anchor_trusted=False,
        revocation=revocation,
        authority=authority,
        usage_problems=problems,
    )
    return replace(result, notes=(*notes, *result.notes))


def _time_stamping_usage_problem(certificate: asn1crypto.x509.Certificate) -> str | None:
    """RFC 3161 §2.3: one extended key usage extension, critical, with id-kp-timeStamping."""
    extensions = [
        extension
        for extension in certificate["tbs_certificate"]["extensions"] or []
        if extension["extn_id"].native == "extended_key_usage"
    ]
    if len(extensions) != 1 or TIME_STAMPING not in (extensions[0]["extn_value"].native or []):
        return tr("The timestamp authority's certificate is not meant for timestamps.")
    if not extensions[0]["critical"].native:
        return tr(
            "The timestamp authority's certificate does not mark its timestamp usage "
            "critical, as timestamp certificates must."
        )
    return None


def _anchors_in_file(
    authority: asn1crypto.x509.Certificate, pool: Sequence[asn1crypto.x509.Certificate]
) -> list[asn1crypto.x509.Certificate]:
    """The authority itself when self-signed, its issuing CA, and self-signed CAs in the file."""
    if authority.self_signed in ("yes", "maybe") and authority.subject == authority.issuer:
        return [authority]
    return [
        c
        for c in pool
        if c.ca and (c.subject == authority.issuer or c.self_signed in ("yes", "maybe"))
    ]


def _validate(
    authority: asn1crypto.x509.Certificate,
    roots: Sequence[asn1crypto.x509.Certificate],
    pool: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    moment: datetime,
    *,
    online: OnlineRevocation | None,
) -> PathAttempt:
    attempt = attempt_path(authority, roots, pool, revocation, moment, mode="hard-fail",
                           problems=_authority_problems())
    if attempt.failure == "no_revocation_data":
        # Nothing embedded speaks about the authority: the chain still holds, said in a note.
        again = attempt_path(authority, roots, pool, revocation, moment, mode="soft-fail",
                             problems=_authority_problems())
        if again.valid:
            return settle_online(again.chain, online, moment)
        return again
    return attempt


def _authority_problems() -> PathProblems:
    # A function, not a constant: the sentences are made in the language active at the time.
    return PathProblems(
        expired=tr("The timestamp authority's certificate had expired when it stamped."),
        not_yet_valid=tr(
            "The timestamp authority's certificate was not yet valid when it stamped."),
        revoked=tr("The timestamp authority's certificate was revoked before it stamped."),
        no_revocation_data=tr("The seal lacks the revocation data needed for a certificate in "
                              "the timestamp authority's chain."),
        no_path=tr("No certificate chain leads from the timestamp authority to its issuer."),
        invalid=tr("The timestamp authority's certificate chain is not valid."),
    )


def _finish(
    attempt: PathAttempt,
    moment: datetime,
    *,
    anchor_trusted: bool,
    revocation: RevocationData,
    authority: asn1crypto.x509.Certificate,
    usage_problems: list[str],
) -> AuthorityPath:
    problems = list(usage_problems)
    if attempt.problem:
        problems.append(attempt.problem)
    notes: tuple[str, ...] = ()
    how = "not established"
    if attempt.valid:
        how = attempt.revocation_source or _revocation_source(
            authority, attempt.chain, revocation, attempt.revocation_checked)
        notes = attempt.notes
        if not attempt.revocation_checked and attempt.revocation_mode != "offline":
            notes = (*notes, tr(
                "So this timestamp does not prove when the seal was made: the seal is checked "
                "at the current time instead."))
        if not attempt.revocation_checked and not notes:
            notes = (tr(
                "No usable revocation data for the timestamp authority's certificate is "
                "embedded, so its revocation was not checked."
            ),)
    return AuthorityPath(
        valid=attempt.valid and not problems,
        validated_at=moment,
        chain_subjects=tuple(c.subject.human_friendly for c in attempt.chain)
        or (authority.subject.human_friendly,),
        anchor_trusted=anchor_trusted and attempt.valid,
        revocation=how,
        problems=tuple(problems),
        notes=notes,
        anchor=attempt.chain[0] if attempt.chain else None,
        revocation_mode=attempt.revocation_mode,
        revocation_unknown_online=(attempt.valid and not attempt.revocation_checked
                                   and attempt.revocation_mode != "offline"),
    )


def _revocation_source(
    authority: asn1crypto.x509.Certificate,
    chain: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    checked: bool,
) -> str:
    """Name what the authority's revocation status rests on, for the report."""
    if chain and chain[0].dump() == authority.dump():
        return "not needed: the authority's certificate is itself the anchor"
    if not checked:
        return "none embedded"
    for crl in revocation.crls:
        if crl.issuer == authority.issuer:
            return "embedded CRL"
    for response in revocation.ocsp_responses:
        basic = basic_ocsp_response(response)
        responses = basic["tbs_response_data"]["responses"] if basic is not None else []
        if any(r["cert_id"]["serial_number"].native == authority.serial_number for r in responses):
            return "embedded OCSP response"
    if not authority.crl_distribution_points and not authority.ocsp_urls:
        return "not needed: the certificate names no revocation service"
    return "none embedded"


def _unique(
    certificates: Sequence[asn1crypto.x509.Certificate],
) -> list[asn1crypto.x509.Certificate]:
    seen: dict[bytes, asn1crypto.x509.Certificate] = {}
    for certificate in certificates:
        seen.setdefault(certificate.dump(), certificate)
    return list(seen.values())


def with_authority_path(
    token: TimestampResult,
    pool: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    trusted: Callable[[datetime], Sequence[x509.Certificate]] | Sequence[x509.Certificate],
    done: dict[tuple[bytes, datetime], AuthorityPath],
    *,
    online: OnlineRevocation | None = None,
) -> TimestampResult:
    """Check the token's authority at its ``genTime``, once its CMS signature is known good.

    ``done`` remembers verdicts within one seal: a B-LTA seal's signature and archive
    timestamps often come from the same authority in the same second.
    """
    if token.signer is None or token.gen_time is None or not token.signature_ok:
        return token
    key = (token.signer.dump(), token.gen_time)
    if key not in done:
        done[key] = validate_timestamp_authority(
            token.signer,
            moment=token.gen_time,
            other_certificates=pool,
            revocation=revocation,
            trusted_authorities=trusted(token.gen_time) if callable(trusted) else trusted,
            online=online,
        )
    authority = done[key]
    return replace(token, authority=authority, problems=(*token.problems, *authority.problems))
