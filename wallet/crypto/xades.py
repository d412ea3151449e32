"""Verify the enveloped XAdES seal of a legacy Europass XML credential (ETSI EN 319 132-1).

The steps mirror :mod:`wallet.crypto.jades`, and the result is the same
:class:`~wallet.crypto.jades.SealVerification`, so the report treats both seals alike:

1. the XMLDSig signature (:mod:`wallet.crypto.xml_signature`, credential profile): every
   reference digest, including the one over ``SignedProperties``, the signature value over
   the canonical ``SignedInfo``, and ``SigningCertificate(V2)`` naming the signer;
2. the embedded validation data: ``CertificateValues`` and ``RevocationValues`` (CRLs, OCSP);
3. the timestamps: ``SignatureTimeStamp`` over the canonical ``ds:SignatureValue`` element
   (EN 319 132-1 §5.3.4), ``AllDataObjectsTimeStamp`` over the referenced content (§5.2.8.1),
   each with its authority's own path at its time; an ``ArchiveTimeStamp`` is reported as
   not checked;
4. the seal certificate's path at the proven time (or now, when no timestamp proves one);
5. the QC statements and the sealing organisation.

A seal that does not verify is a result with ``problems``; only bytes that are not XML raise.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import asn1crypto.crl
import asn1crypto.ocsp
import asn1crypto.x509
from cryptography import x509
from lxml import etree

from wallet.crypto.jades import (
    Anchors,
    SealVerification,
    online_revocation,
    proven_signing_time,
    seal_path_at_proven_time,
    time_order_problems,
)
from wallet.crypto.jades_validation_data import EmbeddedKind, damaged_value
from wallet.crypto.qc_statements import QcInfo, read_qc_statements
from wallet.crypto.revocation_lookup import RevocationLookup
from wallet.crypto.timestamp_authority import AuthorityPath, with_authority_path
from wallet.crypto.timestamp_token import TimestampResult, verify_timestamp_token
from wallet.crypto.x509_path import RevocationData, to_asn1
from wallet.crypto.x509_subject import seal_subject
from wallet.crypto.xml_signature import XML_CREDENTIAL, canonical_form, verify_enveloped_signature
from wallet.translation import tr
from wallet.xml_input import XADES_NS, XML_DSIG_NS, parse_xml

_DS = f"{{{XML_DSIG_NS}}}"
_X = f"{{{XADES_NS}}}"
_XADES_141 = "{http://uri.etsi.org/01903/v1.4.1#}"


def verify_xades_seal(
    raw: bytes,
    *,
    trusted_roots: Anchors = (),
    trusted_timestamp_authorities: Anchors = (),
    now: datetime | None = None,
    revocation_lookup: RevocationLookup | None = None,
) -> SealVerification:
    """Verify the XAdES seal in ``raw`` (the file's bytes as received); with
    ``revocation_lookup`` (online allowed) missing revocation data is fetched."""
    online = online_revocation(revocation_lookup, now)
    tree = parse_xml(raw, what=tr("The credential"))
    # 1. The XMLDSig signature, over exactly these bytes.
    xml = verify_enveloped_signature(tree, profile=XML_CREDENTIAL)
    problems = list(xml.problems)
    notes: list[str] = []
    signer = xml.signer
    if xml.signature is None or signer is None or not xml.valid:
        return _unverified(xml.problems, signer, xml.signing_time)
    signature = xml.signature
    # 2. Embedded validation data.
    certificates = [to_asn1(c) for c in xml.certificates[1:]]
    certificates.extend(_certificates(signature, problems))
    revocation = _revocation(signature, problems)
    # 3. Timestamps, each with its authority's path.
    timestamps = _timestamps(signature, xml.content, certificates, notes)
    token_certificates = [c for t in timestamps for c in t.certificates]
    done: dict[tuple[bytes, datetime], AuthorityPath] = {}
    timestamps = tuple(
        with_authority_path(
            t,
            [*certificates, *token_certificates],
            revocation,
            trusted_timestamp_authorities,
            done,
            online=online,
        )
        for t in timestamps
    )
    problems.extend(p for t in timestamps for p in t.problems)
    proven = proven_signing_time(timestamps)
    if any(t.kind == "sigTst" for t in timestamps):
        problems.extend(time_order_problems(xml.signing_time, timestamps, notes))
    # 4. The seal certificate's path at the proven time.
    path = seal_path_at_proven_time(
        signer, proven=proven, now=now, certificates=[*certificates, *token_certificates],
        revocation=revocation, trusted_roots=trusted_roots, problems=problems, notes=notes,
        online=online,
    )
    # 5. What the certificate claims and whom it names.
    return SealVerification(
        algorithm=_algorithm(signature),
        header_problems=(),
        thumbprint_ok=True,  # SigningCertificate(V2) was checked with the signature
        signature_valid=True,
        signing_time=xml.signing_time,
        proven_signing_time=proven,
        timestamps=timestamps,
        path=path,
        qc=read_qc_statements(signer),
        seal_subject=seal_subject(signer),
        problems=tuple(dict.fromkeys(problems)),
        notes=tuple(notes),
    )


def _unverified(
    problems: Sequence[str], certificate: x509.Certificate | None, signing_time: datetime | None
) -> SealVerification:
    """The signature itself failed: nothing after it can prove anything."""
    return SealVerification(
        algorithm=None,
        header_problems=(),
        thumbprint_ok=False,
        signature_valid=False,
        signing_time=signing_time,
        proven_signing_time=None,
        timestamps=(),
        path=None,
        qc=read_qc_statements(certificate) if certificate is not None else QcInfo(),
        seal_subject=seal_subject(certificate) if certificate is not None else None,
        problems=tuple(problems) or (tr("The credential's seal could not be checked."),),
        notes=(),
    )


def _algorithm(signature: etree._Element) -> str | None:
    method = signature.find(f"{_DS}SignedInfo/{_DS}SignatureMethod")
    uri = method.get("Algorithm", "") if method is not None else ""
    return uri.rsplit("#", 1)[-1] or None


def _timestamps(
    signature: etree._Element,
    content: Sequence[bytes],
    certificates: Sequence[asn1crypto.x509.Certificate],
    notes: list[str],
) -> tuple[TimestampResult, ...]:
    results: list[TimestampResult] = []
    value = signature.find(f"{_DS}SignatureValue")
    for stamp in signature.iterfind(f".//{_X}SignatureTimeStamp"):
        message = canonical_form(value, _c14n_algorithm(stamp)) if value is not None else None
        results.extend(_tokens("sigTst", stamp, message, certificates))
    for stamp in signature.iterfind(f".//{_X}AllDataObjectsTimeStamp"):
        results.extend(_tokens("adoTst", stamp, b"".join(content), certificates))
    if signature.find(f".//{_XADES_141}ArchiveTimeStamp") is not None:
        notes.append(tr("The seal's archive timestamp was not checked."))
    return tuple(results)


def _tokens(
    kind: str,
    stamp: etree._Element,
    message: bytes | None,
    certificates: Sequence[asn1crypto.x509.Certificate],
) -> list[TimestampResult]:
    results = []
    for encapsulated in stamp.iterfind(f"{_X}EncapsulatedTimeStamp"):
        token = _b64(encapsulated.text)
        if token is None or message is None:
            results.append(
                TimestampResult(
                    kind,
                    False,
                    False,
                    None,
                    None,
                    (tr("A timestamp of the seal is damaged or uses an unknown "
                        "canonicalization."),),
                )
            )
            continue
        results.append(
            verify_timestamp_token(kind, token, message, extra_certificates=certificates)
        )
    return results


def _c14n_algorithm(stamp: etree._Element) -> str | None:
    method = stamp.find(f"{_DS}CanonicalizationMethod")
    return method.get("Algorithm") if method is not None else None


def _certificates(
    signature: etree._Element, problems: list[str]
) -> list[asn1crypto.x509.Certificate]:
    found = []
    for element in signature.iterfind(f".//{_X}CertificateValues/{_X}EncapsulatedX509Certificate"):
        loaded = _load(element.text, asn1crypto.x509.Certificate, "certificate", problems)
        if loaded is not None:
            found.append(loaded)
    return found


def _revocation(signature: etree._Element, problems: list[str]) -> RevocationData:
    crls = [
        _load(e.text, asn1crypto.crl.CertificateList, "CRL", problems)
        for e in signature.iterfind(
            f".//{_X}RevocationValues/{_X}CRLValues/{_X}EncapsulatedCRLValue"
        )
    ]
    responses = [
        _load(e.text, asn1crypto.ocsp.OCSPResponse, "OCSP response", problems)
        for e in signature.iterfind(
            f".//{_X}RevocationValues/{_X}OCSPValues/{_X}EncapsulatedOCSPValue"
        )
    ]
    return RevocationData(
        ocsp_responses=tuple(r for r in responses if r is not None),
        crls=tuple(c for c in crls if c is not None),
    )


def _load(text: str | None, kind: Any, what: EmbeddedKind, problems: list[str]) -> Any:
    der = _b64(text)
    try:
        if der is None:
            raise ValueError(what)
        value = kind.load(der, strict=True)
        value.native  # noqa: B018 - asn1crypto parses lazily: surface damage here
    except (ValueError, TypeError, KeyError):
        problems.append(damaged_value(what))
        return None
    return value


def _b64(text: str | None) -> bytes | None:
    try:
        return base64.b64decode("".join((text or "").split()), validate=True) or None
    except (binascii.Error, ValueError):
        return None
