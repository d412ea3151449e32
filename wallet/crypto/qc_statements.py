"""Qualified-certificate statements (RFC 3739 §3.2.6, ETSI EN 319 412-5 §4).

These say whether a certificate claims to be an EU *qualified* certificate, for which kind
of signature (eSeal for an organisation's seal), whether its key lives in a qualified device
(QSCD) and where its PKI disclosure statement is. They are claims by the CA: whether the CA
may make them is decided by a trusted list, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from asn1crypto import core
from cryptography import x509

QC_STATEMENTS_OID = x509.ObjectIdentifier("1.3.6.1.5.5.7.1.3")

_COMPLIANCE = "0.4.0.1862.1.1"
_RETENTION_PERIOD = "0.4.0.1862.1.3"
_QSCD = "0.4.0.1862.1.4"
_PDS = "0.4.0.1862.1.5"
_TYPE = "0.4.0.1862.1.6"
_LEGISLATION = "0.4.0.1862.1.7"
_PKIX_SYNTAX_V2 = "1.3.6.1.5.5.7.11.2"
_QC_TYPES = {
    "0.4.0.1862.1.6.1": "esign",
    "0.4.0.1862.1.6.2": "eseal",
    "0.4.0.1862.1.6.3": "web",
}
_SEMANTICS = {
    "0.4.0.194121.1.1": "natural person",
    "0.4.0.194121.1.2": "legal person",
    "0.4.0.194121.1.3": "eIDAS natural person",
    "0.4.0.194121.1.4": "eIDAS legal person",
}


class _QcStatement(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields: ClassVar = [
        ("statement_id", core.ObjectIdentifier),
        ("statement_info", core.Any, {"optional": True}),
    ]


class _QcStatements(core.SequenceOf):  # type: ignore[misc]  # asn1crypto is untyped
    _child_spec = _QcStatement


class _PdsLocation(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields: ClassVar = [("url", core.IA5String), ("language", core.PrintableString)]


class _PdsLocations(core.SequenceOf):  # type: ignore[misc]  # asn1crypto is untyped
    _child_spec = _PdsLocation


class _QcTypes(core.SequenceOf):  # type: ignore[misc]  # asn1crypto is untyped
    _child_spec = core.ObjectIdentifier


class _Countries(core.SequenceOf):  # type: ignore[misc]  # asn1crypto is untyped
    _child_spec = core.PrintableString


class _SemanticsInformation(core.Sequence):  # type: ignore[misc]  # asn1crypto is untyped
    _fields: ClassVar = [
        ("semantics_identifier", core.ObjectIdentifier, {"optional": True}),
        ("name_registration_authorities", core.Any, {"optional": True}),
    ]


@dataclass(frozen=True)
class PdsLocation:
    url: str
    language: str


@dataclass(frozen=True)
class QcInfo:
    """What the certificate's QC statements claim; all false/empty when it has none."""

    present: bool = False
    qualified: bool = False
    qscd: bool = False
    types: tuple[str, ...] = ()
    pds: tuple[PdsLocation, ...] = ()
    legislation: tuple[str, ...] = ()
    retention_years: int | None = None
    semantics: tuple[str, ...] = ()
    unreadable: bool = False

    @property
    def qualified_eseal(self) -> bool:
        """An EU qualified certificate for electronic seals (type eseal, EN 319 412-5 §4.2.3)."""
        return self.qualified and "eseal" in self.types


def read_qc_statements(certificate: x509.Certificate) -> QcInfo:
    """Read the statements; a damaged extension yields ``unreadable`` rather than an error."""
    try:
        extension = certificate.extensions.get_extension_for_oid(QC_STATEMENTS_OID)
    except x509.ExtensionNotFound:
        return QcInfo()
    raw = extension.value.public_bytes()
    try:
        return _interpret(_QcStatements.load(raw))
    except (ValueError, TypeError, KeyError):
        return QcInfo(present=True, unreadable=True)


def _interpret(statements: _QcStatements) -> QcInfo:
    qualified = qscd = False
    types: list[str] = []
    pds: list[PdsLocation] = []
    legislation: list[str] = []
    semantics: list[str] = []
    retention: int | None = None
    for statement in statements:
        oid = statement["statement_id"].dotted
        info = statement["statement_info"]
        has_info = not isinstance(info, core.Void) and bool(info.dump())
        if oid == _COMPLIANCE:
            qualified = True
        elif oid == _QSCD:
            qscd = True
        elif not has_info:
            continue  # the remaining statements are meaningless without their info
        elif oid == _TYPE:
            for qc_type in _QcTypes.load(info.dump()):
                types.append(_QC_TYPES.get(qc_type.dotted, qc_type.dotted))
        elif oid == _PDS:
            for location in _PdsLocations.load(info.dump()):
                pds.append(PdsLocation(location["url"].native, location["language"].native))
        elif oid == _LEGISLATION:
            legislation.extend(c.native for c in _Countries.load(info.dump()))
        elif oid == _RETENTION_PERIOD:
            retention = core.Integer.load(info.dump()).native
        elif oid == _PKIX_SYNTAX_V2:
            semantics_id = _SemanticsInformation.load(info.dump())["semantics_identifier"]
            if semantics_id.native is not None:
                semantics.append(_SEMANTICS.get(semantics_id.dotted, semantics_id.dotted))
    return QcInfo(
        present=True,
        qualified=qualified,
        qscd=qscd,
        types=tuple(types),
        pds=tuple(pds),
        legislation=tuple(legislation),
        retention_years=retention,
        semantics=tuple(semantics),
    )
