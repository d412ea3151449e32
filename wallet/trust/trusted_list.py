"""Read an ETSI TS 119 612 trusted list (a national TL or the EU List of Trusted Lists).

A trusted list says, per trust service provider (TSP), which services a supervisory body has
granted qualified status, since when, and for what: a ``CA/QC`` service with ``ForeSeals``
issues qualified certificates for electronic seals, the kind that seals European Digital
Credentials. History matters: a seal made in 2021 is judged by the status its CA had in
2021, so every status period is kept, not only the current one.

:func:`parse_trusted_list` builds a :class:`TrustedList` from the bytes as published and
checks the list's own signature (:mod:`wallet.crypto.xml_signature`); whether the signer is
the operator pinned for that territory is decided by :meth:`TrustedList.signed_by` or
:func:`load_pinned_trusted_list`.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from wallet.crypto.xml_signature import XmlSignatureResult, verify_enveloped_signature
from wallet.errors import MalformedCredential, TrustMaterialError
from wallet.translation import tr
from wallet.xml_input import TSL_ADDITIONAL_NS, TSL_NS, TSL_SIE_NS, parse_xml

_T = f"{{{TSL_NS}}}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

CA_QC = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC"
# A qualified time-stamping service: its digital identity is the TSA (TSU) certificate.
TSA_QTST = "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST"
FOR_ESEALS = "ForeSeals"
FOR_ESIGNATURES = "ForeSignatures"
# Statuses under which a service was trusted: ``granted`` under eIDAS, and the Directive
# 1999/93/EC statuses it replaced (ETSI TS 119 612 Annex J maps them to ``granted``).
TRUSTED_STATUSES = frozenset(
    {"granted", "undersupervision", "accredited", "supervisionincessation"}
)


@dataclass(frozen=True)
class LangText:
    """A name in one language, as the list gives it."""

    lang: str
    text: str


@dataclass(frozen=True)
class StatusPeriod:
    """One stretch of a service's history: what it was, from ``start`` until ``end``.

    ``end`` is ``None`` for the current status. Short names (``granted``, ``ForeSeals``,
    ``QCQSCDStatusAsInCert``) are the last segment of the ETSI URIs. ``additional_service_info``
    keeps the list's order; ``qualifiers`` are a set, kept sorted.
    """

    status: str
    start: datetime
    end: datetime | None
    service_type: str
    additional_service_info: tuple[str, ...]
    qualifiers: tuple[str, ...]

    def covers(self, moment: datetime) -> bool:
        return self.start <= moment and (self.end is None or moment < self.end)

    @property
    def trusted_for_seals(self) -> bool:
        return (
            self.status in TRUSTED_STATUSES
            and self.service_type == CA_QC
            and FOR_ESEALS in self.additional_service_info
        )

    @property
    def trusted_for_timestamps(self) -> bool:
        return self.status in TRUSTED_STATUSES and self.service_type == TSA_QTST


@dataclass(frozen=True)
class TrustService:
    """One service of one TSP, with its current status first-class and its full history."""

    territory: str
    tsp_names: tuple[LangText, ...]
    service_names: tuple[LangText, ...]
    service_type: str
    status: str
    status_start: datetime
    additional_service_info: tuple[str, ...]
    qualifiers: tuple[str, ...]
    certificates: tuple[x509.Certificate, ...]
    history: tuple[StatusPeriod, ...]  # oldest first; the last one is the current status
    # Certificates of its digital identity that are not valid DER: a few lists publish some
    # (BG, FR, NO in 2026). They cannot anchor anything Kredo checks, so they are counted,
    # not kept, and the rest of the list stays usable.
    unreadable_certificates: int = 0

    @property
    def tsp_name(self) -> str:
        return _preferred(self.tsp_names)

    @property
    def service_name(self) -> str:
        return _preferred(self.service_names)

    def period_at(self, moment: datetime) -> StatusPeriod | None:
        """The status the service had at ``moment``; ``None`` before it was ever listed."""
        for period in self.history:
            if period.covers(moment):
                return period
        return None

    def trusted_for_seals_at(self, moment: datetime) -> bool:
        period = self.period_at(moment)
        return period is not None and period.trusted_for_seals

    @property
    def ever_trusted_for_seals(self) -> bool:
        return any(period.trusted_for_seals for period in self.history)

    @property
    def ever_trusted_for_timestamps(self) -> bool:
        return any(period.trusted_for_timestamps for period in self.history)


@dataclass(frozen=True)
class TslPointer:
    """Where another list lives and which certificates may sign it (from the LOTL)."""

    territory: str | None
    location: str
    mime_type: str | None
    certificates: tuple[x509.Certificate, ...]


@dataclass(frozen=True)
class TrustedList:
    """A parsed trusted list and the result of checking its own signature."""

    territory: str
    tsl_type: str
    sequence_number: int
    issue_date: datetime
    next_update: datetime | None
    operator_names: tuple[LangText, ...]
    services: tuple[TrustService, ...]
    pointers: tuple[TslPointer, ...]
    signature: XmlSignatureResult

    @property
    def operator_name(self) -> str:
        return _preferred(self.operator_names)

    def signed_by(self, pinned: Iterable[x509.Certificate]) -> bool:
        """Signature valid *and* made with one of the certificates pinned for this list."""
        signer = self.signature.signer
        if not self.signature.valid or signer is None:
            return False
        der = signer.public_bytes(Encoding.DER)
        return any(der == certificate.public_bytes(Encoding.DER) for certificate in pinned)

    @property
    def unreadable_certificates(self) -> int:
        """How many service certificates of the list could not be read (and were left out)."""
        return sum(service.unreadable_certificates for service in self.services)

    def ca_qc_services(self) -> tuple[TrustService, ...]:
        return tuple(service for service in self.services if service.service_type == CA_QC)

    def timestamp_services(self) -> tuple[TrustService, ...]:
        """Qualified time-stamping services (``TSA/QTST``), whatever their status now."""
        return tuple(service for service in self.services if service.service_type == TSA_QTST)

    def pointer_for(self, territory: str) -> tuple[TslPointer, ...]:
        return tuple(pointer for pointer in self.pointers if pointer.territory == territory)


def parse_trusted_list(raw: bytes) -> TrustedList:
    """Parse a trusted list as published and check its signature (reported, never raised).

    Raises :class:`TrustMaterialError` for bytes that are not a trusted list.
    """
    try:
        tree = parse_xml(raw)
    except MalformedCredential as exc:
        raise TrustMaterialError(exc.message, details=exc.details) from None
    root = tree.getroot()
    if root.tag != f"{_T}TrustServiceStatusList":
        raise TrustMaterialError(
            tr("The file is not an ETSI trusted list."), details=f"root element {root.tag!r}"
        )
    scheme = _required(root, f"{_T}SchemeInformation")
    territory = _text(_required(scheme, f"{_T}SchemeTerritory"))
    services: list[TrustService] = []
    for tsp in root.iterfind(f"{_T}TrustServiceProviderList/{_T}TrustServiceProvider"):
        tsp_names = _names(tsp.find(f"{_T}TSPInformation/{_T}TSPName"))
        for service in tsp.iterfind(f"{_T}TSPServices/{_T}TSPService"):
            services.append(_service(territory, tsp_names, service))
    next_update = scheme.find(f"{_T}NextUpdate/{_T}dateTime")
    return TrustedList(
        territory=territory,
        tsl_type=_text(_required(scheme, f"{_T}TSLType")),
        sequence_number=_integer(_required(scheme, f"{_T}TSLSequenceNumber")),
        issue_date=_datetime(_required(scheme, f"{_T}ListIssueDateTime")),
        next_update=_datetime(next_update) if next_update is not None else None,
        operator_names=_names(scheme.find(f"{_T}SchemeOperatorName")),
        services=tuple(services),
        pointers=tuple(
            _pointer(pointer)
            for pointer in scheme.iterfind(f"{_T}PointersToOtherTSL/{_T}OtherTSLPointer")
        ),
        signature=verify_enveloped_signature(tree),
    )


def load_pinned_trusted_list(raw: bytes, pinned: Sequence[x509.Certificate]) -> TrustedList:
    """Parse a list and insist that it is intact and signed with a pinned certificate.

    This is how trust material is admitted: a list whose signature fails, or that someone
    other than the territory's known operator signed, raises :class:`TrustMaterialError`.
    """
    trusted_list = parse_trusted_list(raw)
    if not trusted_list.signature.valid:
        raise TrustMaterialError(
            tr("The trusted list's signature is not valid."),
            details="; ".join(trusted_list.signature.problems),
        )
    if not trusted_list.signed_by(pinned):
        raise TrustMaterialError(
            tr("The trusted list is not signed by the certificate known for its operator."),
            details=f"territory {trusted_list.territory}",
        )
    return trusted_list


# --- pieces -------------------------------------------------------------------------------


def _service(
    territory: str, tsp_names: tuple[LangText, ...], element: etree._Element
) -> TrustService:
    information = _required(element, f"{_T}ServiceInformation")
    current = _period_fields(information)
    earlier = [
        _period_fields(instance)
        for instance in element.iterfind(f"{_T}ServiceHistory/{_T}ServiceHistoryInstance")
    ]
    ordered = sorted([*earlier, current], key=lambda fields: fields[1])
    periods = tuple(
        StatusPeriod(
            status=status,
            start=start,
            end=ordered[index + 1][1] if index + 1 < len(ordered) else None,
            service_type=service_type,
            additional_service_info=asi,
            qualifiers=qualifiers,
        )
        for index, (status, start, service_type, asi, qualifiers) in enumerate(ordered)
    )
    status, start, service_type, asi, qualifiers = current
    certificates, unreadable = _readable_certificates(
        information.iterfind(f"{_T}ServiceDigitalIdentity/{_T}DigitalId/{_T}X509Certificate")
    )
    return TrustService(
        territory=territory,
        tsp_names=tsp_names,
        service_names=_names(information.find(f"{_T}ServiceName")),
        service_type=service_type,
        status=status,
        status_start=start,
        additional_service_info=asi,
        qualifiers=qualifiers,
        certificates=certificates,
        history=periods,
        unreadable_certificates=unreadable,
    )


_PeriodFields = tuple[str, datetime, str, tuple[str, ...], tuple[str, ...]]


def _period_fields(element: etree._Element) -> _PeriodFields:
    extensions = element.find(f"{_T}ServiceInformationExtensions")
    asi: list[str] = []
    qualifiers: list[str] = []
    if extensions is not None:
        for uri in extensions.iterfind(f"{_T}Extension/{_T}AdditionalServiceInformation/{_T}URI"):
            _add_once(asi, _short(_text(uri)))
        for qualifier in extensions.iter(f"{{{TSL_SIE_NS}}}Qualifier"):
            _add_once(qualifiers, _short(qualifier.get("uri", "")))
    return (
        _short(_text(_required(element, f"{_T}ServiceStatus"))),
        _datetime(_required(element, f"{_T}StatusStartingTime")),
        _text(_required(element, f"{_T}ServiceTypeIdentifier")),
        tuple(asi),
        tuple(sorted(qualifiers)),
    )


def _pointer(element: etree._Element) -> TslPointer:
    territory = None
    mime_type = None
    for other in element.iterfind(f"{_T}AdditionalInformation/{_T}OtherInformation"):
        found = other.find(f"{_T}SchemeTerritory")
        if found is not None:
            territory = _text(found)
        mime = other.find(f"{{{TSL_ADDITIONAL_NS}}}MimeType")
        if mime is not None:
            mime_type = _text(mime)
    return TslPointer(
        territory=territory,
        location=_text(_required(element, f"{_T}TSLLocation")),
        mime_type=mime_type,
        # An unreadable certificate cannot be anyone's signing certificate: dropping it pins
        # nothing more.
        certificates=_readable_certificates(
            element.iterfind(
                f"{_T}ServiceDigitalIdentities/{_T}ServiceDigitalIdentity"
                f"/{_T}DigitalId/{_T}X509Certificate"
            )
        )[0],
    )


def _readable_certificates(
    elements: Iterable[etree._Element],
) -> tuple[tuple[x509.Certificate, ...], int]:
    """The certificates that can be read, and how many could not."""
    certificates = []
    unreadable = 0
    for element in elements:
        try:
            der = base64.b64decode("".join(_text(element).split()), validate=True)
            certificates.append(x509.load_der_x509_certificate(der))
        except (binascii.Error, ValueError):
            unreadable += 1
    return tuple(certificates), unreadable


def _names(element: etree._Element | None) -> tuple[LangText, ...]:
    if element is None:
        return ()
    return tuple(
        LangText(lang=name.get(_XML_LANG, ""), text=_text(name))
        for name in element.iterfind(f"{_T}Name")
    )


def _preferred(names: Sequence[LangText]) -> str:
    for name in names:
        if name.lang == "en":
            return name.text
    return names[0].text if names else ""


def _required(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.find(tag)
    if found is None:
        raise TrustMaterialError(
            tr("The trusted list is missing a required part."), details=tag.rsplit("}", 1)[-1]
        )
    return found


def _text(element: etree._Element) -> str:
    return (element.text or "").strip()


def _short(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _add_once(values: list[str], value: str) -> None:
    if value and value not in values:
        values.append(value)


def _integer(element: etree._Element) -> int:
    try:
        return int(_text(element))
    except ValueError as error:
        raise TrustMaterialError(
            tr("The trusted list has a malformed number."), details=_text(element)
        ) from error


def _datetime(element: etree._Element) -> datetime:
    value = _text(element)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise TrustMaterialError(
            tr("The trusted list has a malformed date."), details=value
        ) from error
    if moment.tzinfo is None:
        raise TrustMaterialError(
            tr("The trusted list has a date without a time zone."), details=value
        )
    return moment
