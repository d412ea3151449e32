"""The long-term validation data a JAdES B-LT/B-LTA seal embeds (ETSI TS 119 182-1 §5.3.5).

``xVals`` carry certificates, ``rVals`` carry CRLs and OCSP responses. Entries are DER in
standard base64. Damaged DER is reported as a problem and skipped rather than raised, so a
seal with one broken value still gets a verdict on everything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import asn1crypto.crl
import asn1crypto.ocsp
import asn1crypto.x509

from wallet.crypto.jades_parse import b64_decode
from wallet.crypto.x509_path import RevocationData
from wallet.errors import MalformedCredential
from wallet.translation import tr

# The kinds of embedded value; each has its own sentences (Czech nouns have genders).
EmbeddedKind = Literal["certificate", "CRL", "OCSP response"]


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
        raise MalformedCredential(
            tr("The seal's revocation values (rVals) are not a JSON object."))
    ocsp = tuple(
        _loaded(r_vals.get("ocspVals", []), asn1crypto.ocsp.OCSPResponse, "OCSP response", problems)
    )
    crls = tuple(
        _loaded(r_vals.get("crlVals", []), asn1crypto.crl.CertificateList, "CRL", problems)
    )
    return EmbeddedValidationData(certificates, RevocationData(ocsp, crls), tuple(problems))


def _certificates(x_vals: object, problems: list[str]) -> list[asn1crypto.x509.Certificate]:
    if not isinstance(x_vals, list):
        raise MalformedCredential(tr("The seal's certificate values (xVals) are not a list."))
    entries = []
    for item in x_vals:
        if not isinstance(item, dict):
            raise MalformedCredential(
                tr("A certificate value (xVals) of the seal is not an object."))
        if "x509Cert" in item:  # ``otherCert`` (attribute certificates) has no use here
            entries.append(item["x509Cert"])
    return _loaded(entries, asn1crypto.x509.Certificate, "certificate", problems)


def _loaded(entries: object, kind: Any, what: EmbeddedKind, problems: list[str]) -> list[Any]:
    if not isinstance(entries, list):
        raise MalformedCredential(_not_a_list(what))
    loaded = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise MalformedCredential(_not_an_object(what))
        der = b64_decode(entry.get("val"), what=_embedded_value(what))
        try:
            value = kind.load(der, strict=True)
            value.native  # noqa: B018 - asn1crypto parses lazily: surface damage here, not later
        except (ValueError, TypeError, KeyError):
            problems.append(damaged_value(what))
            continue
        loaded.append(value)
    return loaded


def damaged_value(what: EmbeddedKind) -> str:
    """The sentence for an embedded value that does not parse (JAdES and XAdES alike)."""
    if what == "CRL":
        return tr("An embedded CRL in the seal is damaged and was ignored.")
    if what == "OCSP response":
        return tr("An embedded OCSP response in the seal is damaged and was ignored.")
    return tr("An embedded certificate in the seal is damaged and was ignored.")


def _not_a_list(what: EmbeddedKind) -> str:
    if what == "CRL":
        return tr("The seal's embedded CRL list is not a list.")
    if what == "OCSP response":
        return tr("The seal's embedded OCSP response list is not a list.")
    return tr("The seal's embedded certificate list is not a list.")


def _not_an_object(what: EmbeddedKind) -> str:
    if what == "CRL":
        return tr("An embedded CRL of the seal is not an object.")
    if what == "OCSP response":
        return tr("An embedded OCSP response of the seal is not an object.")
    return tr("An embedded certificate of the seal is not an object.")


def _embedded_value(what: EmbeddedKind) -> str:
    if what == "CRL":
        return tr("The seal's embedded CRL")
    if what == "OCSP response":
        return tr("The seal's embedded OCSP response")
    return tr("The seal's embedded certificate")
