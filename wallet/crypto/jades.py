"""Verify the JAdES B-LTA seal of a European Digital Credential (ETSI TS 119 182-1).

Generic JOSE libraries refuse these seals (``b64: false``, ``crit`` with ``sigT`` and
``adoTst``), so Kredo checks them itself, in the order of the standard:

1. read the JWS JSON serialization, keeping the signed strings exactly as received;
2. check the protected header (algorithm, ``b64``, ``crit``, thumbprint of ``x5c[0]``, ``sigT``);
3. check the signature over ``ASCII(protected) "." payload`` with the key of ``x5c[0]``;
4. check the timestamps: ``adoTst`` over the payload, ``sigTst`` over the signature,
   ``arcTst`` over everything before it (imprint and the authority's CMS signature), and
   each authority's own certificate path at the token's time;
5. validate the seal certificate's path *at the signature timestamp's time*, from the
   certificates, OCSP responses and CRLs the seal embeds (never the network);
6. report the certificate's QC statements and the sealing organisation.

A bad seal is a result with ``problems``, never an exception; only input that is not a
JAdES seal at all raises a :class:`wallet.errors.MalformedCredential`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import asn1crypto.x509
from cryptography import x509

from wallet.crypto.jades_header import HeaderCheck, check_protected_header
from wallet.crypto.jades_parse import JadesSeal, token_values
from wallet.crypto.jades_signature import verify_jws_signature
from wallet.crypto.jades_validation_data import read_validation_data
from wallet.crypto.qc_statements import QcInfo, read_qc_statements
from wallet.crypto.revocation_lookup import RevocationLookup
from wallet.crypto.timestamp_authority import AuthorityPath, with_authority_path
from wallet.crypto.timestamp_token import TimestampResult, verify_timestamp_token
from wallet.crypto.x509_path import (
    OnlineRevocation,
    PathResult,
    RevocationData,
    to_asn1,
    validate_seal_path,
)
from wallet.crypto.x509_subject import SealSubject, seal_subject
from wallet.translation import tr

# sigT is claimed with one-second precision, the timestamp is requested right after signing.
_CLOCK_TOLERANCE = timedelta(seconds=1)

# Trust anchors, fixed or chosen by the moment they are needed at (a trusted list's
# services were granted for periods: what counts is the status at the proven time).
Anchors = Sequence[x509.Certificate] | Callable[[datetime], Sequence[x509.Certificate]]


@dataclass(frozen=True)
class SealVerification:
    """Everything checked about one seal, step by step; ``problems`` are sentences for a person.

    ``notes`` hold facts that are not failures but matter to the issuer check, such as the path
    being anchored on an authority found in the file rather than a trusted one.
    """

    algorithm: str | None
    header_problems: tuple[str, ...]
    thumbprint_ok: bool
    signature_valid: bool
    signing_time: datetime | None
    proven_signing_time: datetime | None
    timestamps: tuple[TimestampResult, ...]
    path: PathResult | None
    qc: QcInfo
    seal_subject: SealSubject | None
    problems: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def valid(self) -> bool:
        """The seal is intact and its certificate chain held at the proven time."""
        return (
            not self.problems and self.signature_valid and self.path is not None and self.path.valid
        )

    @property
    def revocation_unknown(self) -> bool:
        """Intact, its chain held at the proven time, but whether a certificate in it was
        revoked could not be checked offline: INDETERMINATE, neither valid nor failed."""
        return (
            not self.problems
            and self.signature_valid
            and self.path is not None
            and self.path.revocation_unknown
        )

    @property
    def untrusted_timestamp_authorities(self) -> tuple[str, ...]:
        """Authorities whose tokens hold but whom no trusted list Kredo has vouches for."""
        names = [
            t.tsa_name or tr("an unnamed authority")
            for t in self.timestamps
            if t.valid and not t.authority_trusted
        ]
        return tuple(dict.fromkeys(names))


def verify_jades_seal(
    raw: bytes,
    *,
    trusted_roots: Anchors = (),
    trusted_timestamp_authorities: Anchors = (),
    now: datetime | None = None,
    revocation_lookup: RevocationLookup | None = None,
) -> SealVerification:
    """Verify the seal in ``raw`` (the file's bytes as received).

    ``trusted_roots`` are CA certificates the caller trusts for seals and
    ``trusted_timestamp_authorities`` the timestamp authorities it trusts (e.g. from a
    trusted-list snapshot), each fixed or as a function of the time they must hold at;
    ``now`` is the validation time used only when no valid signature timestamp proves an
    earlier one. ``revocation_lookup`` (only when the person allowed going online) supplies
    OCSP responses and CRLs the seal does not embed.
    """
    online = online_revocation(revocation_lookup, now)
    # 1. Read the serialization.
    seal = JadesSeal.from_bytes(raw)
    # 2. Header rules.
    header = check_protected_header(seal.protected)
    problems = list(header.problems)
    notes: list[str] = []
    signer = header.signer_certificate
    # 3. Signature over the exact bytes.
    signature_valid = _signature_valid(seal, header)
    if not signature_valid:
        problems.append(
            tr("The seal's signature does not match the credential: it was altered or damaged.")
        )
    # 4. Timestamps.
    embedded = read_validation_data(seal.etsi_u)
    problems.extend(embedded.problems)
    extra = [to_asn1(cert) for cert in header.certificates[1:]]
    extra.extend(embedded.certificates)
    timestamps = _timestamps_and_authorities(
        seal, extra, embedded.revocation, trusted_timestamp_authorities, online
    )
    token_certs = [c for t in timestamps for c in t.certificates]
    problems.extend(p for t in timestamps for p in t.problems)
    proven = proven_signing_time(timestamps)
    problems.extend(time_order_problems(header.signing_time, timestamps, notes))
    # 5. Path at the proven time (or now, when nothing proves an earlier time).
    path = None
    if signer is not None:
        path = seal_path_at_proven_time(
            signer, proven=proven, now=now, certificates=[*extra, *token_certs],
            revocation=embedded.revocation, trusted_roots=trusted_roots,
            problems=problems, notes=notes, online=online,
        )
    # 6. What the certificate claims and whom it names.
    return SealVerification(
        algorithm=header.algorithm,
        header_problems=header.problems,
        thumbprint_ok=header.thumbprint_ok,
        signature_valid=signature_valid,
        signing_time=header.signing_time,
        proven_signing_time=proven,
        timestamps=timestamps,
        path=path,
        qc=read_qc_statements(signer) if signer is not None else QcInfo(),
        seal_subject=seal_subject(signer) if signer is not None else None,
        problems=tuple(dict.fromkeys(problems)),
        notes=tuple(notes),
    )


def _signature_valid(seal: JadesSeal, header: HeaderCheck) -> bool:
    signer = header.signer_certificate
    if signer is None or header.algorithm is None:
        return False
    return verify_jws_signature(
        header.algorithm, signer.public_key(), seal.signing_input, seal.signature
    )


def _timestamps_and_authorities(
    seal: JadesSeal,
    extra: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    trusted: Anchors,
    online: OnlineRevocation | None,
) -> tuple[TimestampResult, ...]:
    """Each timestamp checked, with its authority's path validated against ``trusted``."""
    timestamps = _check_timestamps(seal, extra)
    token_certs = [c for t in timestamps for c in t.certificates]
    authority_paths: dict[tuple[bytes, datetime], AuthorityPath] = {}
    return tuple(
        with_authority_path(
            t, [*extra, *token_certs], revocation, trusted, authority_paths, online=online)
        for t in timestamps
    )


def _check_timestamps(
    seal: JadesSeal, extra: Sequence[asn1crypto.x509.Certificate]
) -> tuple[TimestampResult, ...]:
    """``adoTst`` (protected), then ``sigTst`` and ``arcTst`` (unprotected), each over its bytes."""
    jobs: list[tuple[str, object, bytes]] = []
    if "adoTst" in seal.protected:
        jobs.append(("adoTst", seal.protected["adoTst"], seal.payload))
    if "sigTst" in seal.etsi_u:
        jobs.append(("sigTst", seal.etsi_u["sigTst"], seal.signature_b64.encode("ascii")))
    archive_input = seal.archive_timestamp_input()
    if archive_input is not None:
        jobs.append(("arcTst", seal.etsi_u["arcTst"], archive_input))
    results = []
    for kind, container, message in jobs:
        for token in token_values(container, what=kind):
            results.append(verify_timestamp_token(kind, token, message, extra_certificates=extra))
    return tuple(results)


def online_revocation(
    lookup: RevocationLookup | None, now: datetime | None
) -> OnlineRevocation | None:
    """The online look-up with the time of checking, or None when going online is not allowed."""
    return OnlineRevocation(lookup, now or datetime.now(UTC)) if lookup is not None else None


def anchors_at(anchors: Anchors, moment: datetime) -> Sequence[x509.Certificate]:
    return anchors(moment) if callable(anchors) else anchors


def seal_path_at_proven_time(
    signer: x509.Certificate,
    *,
    proven: datetime | None,
    now: datetime | None,
    certificates: Sequence[asn1crypto.x509.Certificate],
    revocation: RevocationData,
    trusted_roots: Anchors,
    problems: list[str],
    notes: list[str],
    online: OnlineRevocation | None = None,
) -> PathResult:
    """The seal certificate's path at the proven signing time (or now, when nothing proves an
    earlier time); what it finds is added to ``problems`` and ``notes``. JAdES and XAdES."""
    moment = proven or now or datetime.now(UTC)
    if proven is None:
        notes.append(
            tr("No valid signature timestamp: the certificate was checked at the current time.")
        )
    path = validate_seal_path(
        signer,
        moment=moment,
        other_certificates=certificates,
        revocation=revocation,
        trusted_roots=anchors_at(trusted_roots, moment),
        online=online,
        time_proven=proven is not None,
    )
    problems.extend(path.problems)
    notes.extend(path.notes)
    if (path.valid or path.revocation_unknown) and not path.anchor_trusted:
        notes.append(tr(
            "The seal's certificate authority is not among the trusted ones; "
            "the chain was checked up to the authority named in the file."
        ))
    return path


def proven_signing_time(timestamps: Sequence[TimestampResult]) -> datetime | None:
    """The earliest valid ``sigTst``: the latest moment the signature provably existed by.
    A token whose authority's revocation stayed unknown online proves no time."""
    times = [t.gen_time for t in timestamps if t.kind == "sigTst" and t.valid and t.gen_time
             and (t.authority is None or t.authority.proves_time)]
    return min(times) if times else None


def time_order_problems(
    claimed: datetime | None, timestamps: Sequence[TimestampResult], notes: list[str]
) -> list[str]:
    """Content before signature before archive (ETSI TS 119 182-1 §5.3.4 and §5.3.6)."""
    kinds = {t.kind for t in timestamps}
    if "sigTst" not in kinds:
        # A B-B seal: nothing wrong is proven; its chain is judged now (EN 319 102-1 §5.6.2),
        # and an expired certificate makes it INDETERMINATE there, never FAILED here.
        notes.append(
            tr("The seal has no signature timestamp, so its signing time is not proven."))
        return []
    if "arcTst" not in kinds:
        notes.append(tr("The seal has no archive timestamp (it is not a B-LTA seal)."))
    problems: list[str] = []

    def times(kind: str) -> list[datetime]:
        return [t.gen_time for t in timestamps if t.kind == kind and t.valid and t.gen_time]

    content, signature, archive = times("adoTst"), times("sigTst"), times("arcTst")
    if content and signature and max(content) > min(signature) + _CLOCK_TOLERANCE:
        problems.append(
            tr("The seal's content timestamp is later than its signature timestamp."))
    if signature and archive and max(signature) > min(archive) + _CLOCK_TOLERANCE:
        problems.append(
            tr("The seal's archive timestamp is earlier than its signature timestamp."))
    if claimed and signature and min(signature) + _CLOCK_TOLERANCE < claimed:
        problems.append(
            tr("The seal claims a signing time later than its signature timestamp."))
    return problems
