"""The long-term validation data a JAdES B-LT/B-LTA seal embeds (ETSI TS 119 182-1 §5.3.5).

``xVals`` carry certificates, ``rVals`` carry CRLs and OCSP responses. Entries are DER in
standard base64. Damaged DER is reported as a problem and skipped rather than raised, so a
seal with one broken value still gets a verdict on everything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import asn1crypto.crl
import asn1crypto.ocsp
import asn1crypto.x509

from wallet.crypto.jades_parse import b64_decode
from wallet.crypto.x509_path import RevocationData
from wallet.errors import MalformedCredential


@dataclass(frozen=True)
class EmbeddedValidationData:
    certificates: tuple[asn1crypto.x509.Certificate, ...]
    revocation: RevocationData
    problems: tuple[str, ...]


def read_validation_data(etsi_u: Mapping[str, Any]) -> EmbeddedValidationData:
    problems: list[str] = []
    certificates = tuple(_certificates(etsi_u.get("xVals", []), problems))
    r_vals = etsi_u.get("rVals", {})
    if not isinstance(r_vals, dict):
        raise MalformedCredential("The seal's revocation values (rVals) are not a JSON object.")
    ocsp = tuple(
        _loaded(r_vals.get("ocspVals", []), asn1crypto.ocsp.OCSPResponse, "OCSP response", problems)
    )
    crls = tuple(
        _loaded(r_vals.get("crlVals", []), asn1crypto.crl.CertificateList, "CRL", problems)
    )
    return EmbeddedValidationData(certificates, RevocationData(ocsp, crls), tuple(problems))


def _certificates(x_vals: object, problems: list[str]) -> list[asn1crypto.x509.Certificate]:
    if not isinstance(x_vals, list):
        raise MalformedCredential("The seal's certificate values (xVals) are not a list.")
    entries = []
    for item in x_vals:
        if not isinstance(item, dict):
            raise MalformedCredential("A certificate value (xVals) of the seal is not an object.")
        if "x509Cert" in item:  # ``otherCert`` (attribute certificates) has no use here
            entries.append(item["x509Cert"])
    return _loaded(entries, asn1crypto.x509.Certificate, "certificate", problems)


def _loaded(entries: object, kind: Any, what: str, problems: list[str]) -> list[Any]:
    if not isinstance(entries, list):
        raise MalformedCredential(f"The seal's embedded {what} list is not a list.")
    loaded = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise MalformedCredential(f"An embedded {what} of the seal is not an object.")
        der = b64_decode(entry.get("val"), what=f"embedded {what}")
        try:
            value = kind.load(der, strict=True)
            value.native  # noqa: B018 - asn1crypto parses lazily: surface damage here, not later
        except (ValueError, TypeError, KeyError):
            problems.append(f"An embedded {what} in the seal is damaged and was ignored.")
            continue
        loaded.append(value)
    return loaded
