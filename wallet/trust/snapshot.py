"""The bundled, dated snapshot of qualified eSeal CA anchors taken from EU trusted lists,
and of the qualified timestamp authorities (``TSA/QTST``) that prove when a seal was made.

Kredo verifies offline, so the CAs it trusts for EDC seals are a file in
``resources/trust/``, rebuilt deliberately by ``packaging/update_trust.py`` from trusted lists
whose signatures were checked against pinned certificates. Each anchor keeps its whole
status history, so a seal is judged by what its CA was *when it sealed*.

The file says when it was made, from which lists, which EU List of Trusted Lists (LOTL)
vouched for their signers, and which territories it lacks and why;
:meth:`TrustSnapshot.outdated` tells the app when to warn that the snapshot is old (past a
list's ``NextUpdate``, or marked outdated by whoever built it).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from wallet.crypto.x509_names import LONG_NAME_WARNING, subject_of
from wallet.errors import MalformedCredential, TrustMaterialError
from wallet.json_input import load_json_object
from wallet.translation import tr
from wallet.trust.trusted_list import StatusPeriod, TrustedList, TrustService

SNAPSHOT_FORMAT = "kredo-trust-snapshot/1"

# Some CAs on EU trusted lists have names whose attributes exceed the X.520 upper bounds
# (an organisation name of 66-99 characters). ``cryptography`` warns each time such a name is
# read; the names are fine, and the warning would only reach the user's terminal. Names read
# here and while building paths go through ``wallet.crypto.x509_names``; this filter covers the
# app's other reads, for as long as nobody resets the warning filters.
warnings.filterwarnings("ignore", message=LONG_NAME_WARNING, category=UserWarning)


@dataclass(frozen=True)
class SnapshotSource:
    """One trusted list the snapshot was built from, and how its signature was judged."""

    territory: str
    sequence_number: int
    issue_date: datetime
    next_update: datetime | None
    location: str  # where the operator publishes the list
    retrieved_from: str  # where this copy came from (the URL, or a repository and commit)
    signature: str  # how the signature was checked, in one sentence
    signer_sha256: str | None
    # Service certificates the list publishes in a form that cannot be read (left out).
    unreadable_certificates: int = 0


@dataclass(frozen=True)
class LeftOutList:
    """A territory the LOTL names whose list is not in the snapshot, and why."""

    territory: str
    reason: str


@dataclass(frozen=True)
class TrustAnchor:
    """A CA certificate a trusted list names as a qualified service, with its history."""

    territory: str
    tsp_name: str
    service_name: str
    certificate: x509.Certificate
    history: tuple[StatusPeriod, ...]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.certificate.public_bytes(Encoding.DER)).hexdigest()

    def trusted_for_seals_at(self, moment: datetime) -> bool:
        """Was this CA a granted qualified CA for seals at ``moment``?

        After the snapshot's last known status the latest one is assumed to hold; the
        snapshot's age is reported separately so the user knows how stale that is.
        """
        return any(
            period.covers(moment) and period.trusted_for_seals for period in self.history
        )

    def trusted_for_timestamps_at(self, moment: datetime) -> bool:
        """Was this a granted qualified timestamp authority at ``moment``?"""
        return any(
            period.covers(moment) and period.trusted_for_timestamps for period in self.history
        )


@dataclass(frozen=True)
class TrustSnapshot:
    """Anchors with their sources; build with :func:`build_snapshot` or :meth:`from_json`."""

    snapshot_date: datetime
    sources: tuple[SnapshotSource, ...]
    anchors: tuple[TrustAnchor, ...]
    outdated_note: str | None = None
    # Qualified timestamp authorities (their TSU certificates, as the lists name them).
    timestamp_authorities: tuple[TrustAnchor, ...] = ()
    # The EU LOTL whose pointers pinned the lists' signers (None: the lists were pinned
    # some other way, as in snapshots written before the LOTL was kept).
    lotl: SnapshotSource | None = None
    left_out: tuple[LeftOutList, ...] = ()

    def outdated(self, now: datetime) -> bool:
        """True when the app must say the trust material is old."""
        if self.outdated_note:
            return True
        lists = (*self.sources, self.lotl) if self.lotl is not None else self.sources
        return any(
            source.next_update is not None and now > source.next_update for source in lists
        )

    def certificates_at(self, moment: datetime) -> tuple[x509.Certificate, ...]:
        return tuple(
            anchor.certificate for anchor in self.anchors if anchor.trusted_for_seals_at(moment)
        )

    def timestamp_authorities_at(self, moment: datetime) -> tuple[x509.Certificate, ...]:
        return tuple(
            anchor.certificate
            for anchor in self.timestamp_authorities
            if anchor.trusted_for_timestamps_at(moment)
        )

    @classmethod
    def from_json(cls, raw: bytes) -> TrustSnapshot:
        try:
            document = load_json_object(raw, what=tr("The trust snapshot"))
        except MalformedCredential as exc:
            raise TrustMaterialError(exc.message, details=exc.details) from None
        try:
            if document.get("format") != SNAPSHOT_FORMAT:
                raise ValueError(f"format {document.get('format')!r}")
            return cls(
                snapshot_date=_moment(document["snapshot_date"]),
                outdated_note=_optional_text(document.get("outdated_note")),
                sources=tuple(_source_from_json(item) for item in document["sources"]),
                anchors=tuple(_anchor_from_json(item) for item in document["anchors"]),
                # Optional: snapshots written before timestamp authorities, the LOTL and
                # the left-out territories were kept lack them.
                timestamp_authorities=tuple(
                    _anchor_from_json(item)
                    for item in document.get("timestamp_authorities", [])
                ),
                lotl=(
                    _source_from_json(document["lotl"])
                    if document.get("lotl") is not None
                    else None
                ),
                left_out=tuple(
                    LeftOutList(territory=_text(item["territory"]), reason=_text(item["reason"]))
                    for item in document.get("left_out", [])
                ),
            )
        except (KeyError, TypeError, ValueError, binascii.Error) as error:
            raise TrustMaterialError(
                tr("The trust snapshot is damaged or of an unknown kind."), details=str(error)
            ) from error

    def to_json(self) -> str:
        document = {
            "format": SNAPSHOT_FORMAT,
            "snapshot_date": _iso(self.snapshot_date),
            "outdated_note": self.outdated_note,
            "lotl": _source_to_json(self.lotl) if self.lotl is not None else None,
            "sources": [_source_to_json(source) for source in self.sources],
            "left_out": [
                {"territory": item.territory, "reason": item.reason} for item in self.left_out
            ],
            "anchors": [_anchor_to_json(anchor) for anchor in self.anchors],
            "timestamp_authorities": [
                _anchor_to_json(anchor) for anchor in self.timestamp_authorities
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def seal_anchors(trusted_list: TrustedList) -> tuple[TrustAnchor, ...]:
    """Every certificate of every service that was ever a qualified CA for seals."""
    anchors: list[TrustAnchor] = []
    for service in trusted_list.ca_qc_services():
        if service.ever_trusted_for_seals:
            anchors.extend(_anchors_of(service))
    return tuple(anchors)


def timestamp_anchors(trusted_list: TrustedList) -> tuple[TrustAnchor, ...]:
    """Every certificate of every service that was ever a qualified timestamp authority."""
    anchors: list[TrustAnchor] = []
    for service in trusted_list.timestamp_services():
        if service.ever_trusted_for_timestamps:
            anchors.extend(_anchors_of(service))
    return tuple(anchors)


def build_snapshot(
    lists: Iterable[tuple[TrustedList, SnapshotSource]],
    *,
    snapshot_date: datetime,
    outdated_note: str | None = None,
    lotl: SnapshotSource | None = None,
    left_out: Iterable[LeftOutList] = (),
) -> TrustSnapshot:
    """Collect the seal and timestamp anchors of lists the caller checked against their pins."""
    sources: list[SnapshotSource] = []
    anchors: list[TrustAnchor] = []
    authorities: list[TrustAnchor] = []
    for trusted_list, source in lists:
        sources.append(source)
        anchors.extend(seal_anchors(trusted_list))
        authorities.extend(timestamp_anchors(trusted_list))
    return TrustSnapshot(
        snapshot_date=snapshot_date,
        sources=tuple(sources),
        anchors=tuple(anchors),
        outdated_note=outdated_note,
        timestamp_authorities=tuple(authorities),
        lotl=lotl,
        left_out=tuple(left_out),
    )


def source_of(
    trusted_list: TrustedList, *, location: str, retrieved_from: str, signature: str
) -> SnapshotSource:
    signer = trusted_list.signature.signer
    return SnapshotSource(
        territory=trusted_list.territory,
        sequence_number=trusted_list.sequence_number,
        issue_date=trusted_list.issue_date,
        next_update=trusted_list.next_update,
        location=location,
        retrieved_from=retrieved_from,
        signature=signature,
        signer_sha256=(
            hashlib.sha256(signer.public_bytes(Encoding.DER)).hexdigest() if signer else None
        ),
        unreadable_certificates=trusted_list.unreadable_certificates,
    )


def _anchors_of(service: TrustService) -> Iterable[TrustAnchor]:
    for certificate in service.certificates:
        yield TrustAnchor(
            territory=service.territory,
            tsp_name=service.tsp_name,
            service_name=service.service_name,
            certificate=certificate,
            history=service.history,
        )


# --- JSON ---------------------------------------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError("date is not a string")
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("date without time zone")
    return moment


def _optional_text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _texts(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError("expected a list")
    return tuple(_text(value) for value in values)


def _source_to_json(source: SnapshotSource) -> dict[str, Any]:
    return {
        "territory": source.territory,
        "sequence_number": source.sequence_number,
        "issue_date": _iso(source.issue_date),
        "next_update": _iso(source.next_update) if source.next_update else None,
        "location": source.location,
        "retrieved_from": source.retrieved_from,
        "signature": source.signature,
        "signer_sha256": source.signer_sha256,
        "unreadable_certificates": source.unreadable_certificates,
    }


def _source_from_json(item: Any) -> SnapshotSource:
    next_update = item["next_update"]
    sequence = item["sequence_number"]
    unreadable = item.get("unreadable_certificates", 0)
    if not isinstance(sequence, int) or not isinstance(unreadable, int):
        raise TypeError("sequence_number or unreadable_certificates is not a number")
    return SnapshotSource(
        territory=_text(item["territory"]),
        sequence_number=sequence,
        issue_date=_moment(item["issue_date"]),
        next_update=_moment(next_update) if next_update is not None else None,
        location=_text(item["location"]),
        retrieved_from=_text(item["retrieved_from"]),
        signature=_text(item["signature"]),
        signer_sha256=_optional_text(item.get("signer_sha256")),
        unreadable_certificates=unreadable,
    )


def _anchor_to_json(anchor: TrustAnchor) -> dict[str, Any]:
    certificate = anchor.certificate
    subject = subject_of(certificate).rfc4514_string()
    return {
        "territory": anchor.territory,
        "tsp_name": anchor.tsp_name,
        "service_name": anchor.service_name,
        "subject": subject,
        "not_before": _iso(certificate.not_valid_before_utc),
        "not_after": _iso(certificate.not_valid_after_utc),
        "sha256": anchor.sha256,
        "der_base64": base64.b64encode(certificate.public_bytes(Encoding.DER)).decode("ascii"),
        "status_history": [
            {
                "status": period.status,
                "from": _iso(period.start),
                "until": _iso(period.end) if period.end else None,
                "service_type": period.service_type,
                "additional_service_info": list(period.additional_service_info),
                "qualifiers": list(period.qualifiers),
            }
            for period in anchor.history
        ],
    }


def _anchor_from_json(item: Any) -> TrustAnchor:
    der = base64.b64decode(_text(item["der_base64"]), validate=True)
    if hashlib.sha256(der).hexdigest() != item["sha256"]:
        # The hash is the reviewable pin; a certificate that does not match it is not ours.
        raise ValueError("certificate does not match its sha256")
    history = tuple(
        StatusPeriod(
            status=_text(period["status"]),
            start=_moment(period["from"]),
            end=_moment(period["until"]) if period["until"] is not None else None,
            service_type=_text(period["service_type"]),
            additional_service_info=_texts(period["additional_service_info"]),
            qualifiers=_texts(period["qualifiers"]),
        )
        for period in item["status_history"]
    )
    return TrustAnchor(
        territory=_text(item["territory"]),
        tsp_name=_text(item["tsp_name"]),
        service_name=_text(item["service_name"]),
        certificate=x509.load_der_x509_certificate(der),
        history=history,
    )

