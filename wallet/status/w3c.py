"""W3C status entries: BitstringStatusListEntry (Bitstring Status List v1.0), and the two
community drafts still met in the wild, StatusList2021Entry and RevocationList2020Status.

The numbered steps follow Bitstring Status List v1.0 §3.2 "Validate Algorithm"; the older
drafts are the same algorithm with other names, a plain base64url list, and (for
RevocationList2020) revocation as the only purpose.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from wallet.inflate import GZIP
from wallet.json_values import as_list
from wallet.status.bitstring import (
    check_minimum_length,
    decode_encoded_list,
    inflate_status_list,
    read_entry,
)
from wallet.status.list_credential import VerifiedStatusList
from wallet.status.outcome import StatusListError, StatusState
from wallet.translation import tr

# statusSize above 8 bits has no use the spec describes; it bounds statusMessage too.
MAX_STATUS_SIZE = 8
MAX_INDEX_DIGITS = 12
MAX_STATUS_MESSAGE_CHARS = 200


@dataclass(frozen=True)
class W3cStatusKind:
    """How one W3C status entry type names its parts."""

    entry_type: str
    list_credential_type: str
    list_type: str
    index_key: str
    list_key: str
    multibase_list: bool
    enforce_minimum_length: bool
    fixed_purpose: str | None = None


W3C_STATUS_KINDS: Mapping[str, W3cStatusKind] = {
    kind.entry_type: kind
    for kind in (
        W3cStatusKind(
            "BitstringStatusListEntry", "BitstringStatusListCredential", "BitstringStatusList",
            "statusListIndex", "statusListCredential",
            multibase_list=True, enforce_minimum_length=True,
        ),
        W3cStatusKind(
            "StatusList2021Entry", "StatusList2021Credential", "StatusList2021",
            "statusListIndex", "statusListCredential",
            multibase_list=False, enforce_minimum_length=False,
        ),
        W3cStatusKind(
            "RevocationList2020Status", "RevocationList2020Credential", "RevocationList2020",
            "revocationListIndex", "revocationListCredential",
            multibase_list=False, enforce_minimum_length=False, fixed_purpose="revocation",
        ),
    )
}


@dataclass(frozen=True)
class W3cEntry:
    kind: W3cStatusKind
    purpose: str
    index: int
    list_url: str
    size: int
    messages: Mapping[int, str]


@dataclass(frozen=True)
class EntryReading:
    """The value found for an entry, and what it means."""

    state: StatusState
    message: str
    warnings: tuple[str, ...] = ()


def parse_w3c_entry(entry: Mapping[str, Any], kind: W3cStatusKind) -> W3cEntry:
    """The entry's fields, checked; a broken entry is a failed status."""
    purpose = kind.fixed_purpose or entry.get("statusPurpose")
    if not isinstance(purpose, str) or not purpose:
        raise _failed(tr("The credential's status entry does not say what it is for."))
    list_url = entry.get(kind.list_key)
    if not isinstance(list_url, str) or not list_url:
        raise _failed(tr("The credential's status entry does not name a status list."))
    index = _non_negative_integer(entry.get(kind.index_key))
    if index is None:
        raise _failed(tr("The credential's status entry has no valid position in the list."))
    size = 1
    messages: dict[int, str] = {}
    if kind.entry_type == "BitstringStatusListEntry":
        size = _status_size(entry.get("statusSize", 1))
        messages = _status_messages(entry.get("statusMessage"), size)
    return W3cEntry(kind, purpose, index, list_url, size, messages)


def read_w3c_status(
    entry: W3cEntry,
    status_list: VerifiedStatusList,
    *,
    credential_issuer: str | None,
    inflate_list: Callable[[bytes], bytes] | None = None,
) -> EntryReading:
    """Steps 3–10 of the validate algorithm, on a list whose signature already held."""
    kind = entry.kind
    credential = status_list.credential
    # 2b. The list must be the kind of list the entry points to.
    if kind.list_credential_type not in as_list(credential.get("type")):
        raise _failed(
            tr("The issuer's status list is not a {type}.", type=kind.list_credential_type)
        )
    subject = _subject(credential)
    if kind.list_type not in as_list(subject.get("type")):
        raise _failed(tr("The issuer's status list does not hold a {type}.", type=kind.list_type))
    # 3. The list's purpose must be the entry's purpose.
    if kind.fixed_purpose is None:
        list_purposes = [p for p in as_list(subject.get("statusPurpose")) if isinstance(p, str)]
        if entry.purpose not in list_purposes:
            raise _failed(_purpose_mismatch(entry.purpose, list_purposes))
    # 4.–5. Expand the bitstring: base64url (multibase for Bitstring), then GZIP, capped.
    compressed = decode_encoded_list(subject.get("encodedList"), multibase=kind.multibase_list)
    bits = (inflate_list or _gunzip)(compressed)
    # 6.–7. statusSize and the minimum list length (Bitstring only).
    if kind.enforce_minimum_length:
        check_minimum_length(bits, entry.size)
    # 8.–9. The value at the entry's position, first bit the most significant of byte 0.
    value = read_entry(bits, entry.index, entry.size, msb_first=True)
    warnings: tuple[str, ...] = ()
    if credential_issuer and status_list.issuer and status_list.issuer != credential_issuer:
        warnings = (
            tr("The status list was published by someone other than the credential's issuer."),
        )
    # 10. What the value means for this purpose.
    return EntryReading(*_meaning(entry, value), warnings=warnings)


def _meaning(entry: W3cEntry, value: int) -> tuple[StatusState, str]:
    purpose = entry.purpose
    if purpose == "message":
        return _message_meaning(entry, value)
    flag = _flag_meaning(purpose, bool(value))
    if flag is not None:
        return flag
    return StatusState.UNKNOWN, tr(
        "The credential's status entry has the purpose {purpose}, which Kredo does not know.",
        purpose=repr(purpose[:40]),
    )


def _flag_meaning(purpose: str, is_set: bool) -> tuple[StatusState, str] | None:
    """Revocation, suspension and refresh: one bit, set or not (``None``: another purpose)."""
    if purpose == "revocation":
        if is_set:
            return StatusState.REVOKED, tr("The issuer has revoked this credential.")
        return StatusState.OK, tr("The issuer has not revoked this credential.")
    if purpose == "suspension":
        if is_set:
            return StatusState.SUSPENDED, tr("The issuer has suspended this credential.")
        return StatusState.OK, tr("The issuer has not suspended this credential.")
    if purpose == "refresh":
        if is_set:
            return StatusState.OK, tr("The issuer offers a newer version of this credential.")
        return StatusState.OK, tr("The issuer offers no newer version of this credential.")
    return None


def _message_meaning(entry: W3cEntry, value: int) -> tuple[StatusState, str]:
    """A status message: the value names one of the messages the credential lists."""
    text = entry.messages.get(value)
    if text is None:
        return StatusState.UNKNOWN, tr(
            "The issuer's status list gives the value {value}, which the credential "
            "does not explain.",
            value=f"{value:#x}",
        )
    return StatusState.OK, tr(
        "The issuer's status message for this credential: {text}", text=text
    )


def _purpose_mismatch(purpose: str, list_purposes: list[str]) -> str:
    """The entry's purpose (``revocation``, ``suspension`` …) is not one the list serves.

    Purposes are the specification's own words (``statusPurpose``), the same in every language.
    """
    if not list_purposes:
        return tr(
            "The credential points to a {purpose} entry, but the issuer's list is for another "
            "purpose.",
            purpose=purpose[:40],
        )
    return tr(
        "The credential points to a {purpose} entry, but the issuer's list is for {purposes}.",
        purpose=purpose[:40],
        purposes=", ".join(list_purposes)[:80],
    )


def _gunzip(data: bytes) -> bytes:
    return inflate_status_list(data, wbits=GZIP)


def _subject(credential: Mapping[str, Any]) -> Mapping[str, Any]:
    subject = credential.get("credentialSubject")
    if isinstance(subject, list) and len(subject) == 1:
        subject = subject[0]
    if not isinstance(subject, Mapping):
        raise _failed(tr("The issuer's status list credential holds no status list."))
    return subject


def _non_negative_integer(value: object) -> int | None:
    # The specs write indexes as strings of digits; integers are accepted too.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value) if len(value) <= MAX_INDEX_DIGITS else None
    return None


def _status_size(value: object) -> int:
    size = _non_negative_integer(value)
    if size is None or not 1 <= size <= MAX_STATUS_SIZE:
        raise _failed(tr("The credential's status entry has an unusable status size."))
    return size


def _status_messages(value: object, size: int) -> dict[int, str]:
    """``statusMessage``: ``[{"status": "0x1", "message": "..."}]`` (§2.1)."""
    if not isinstance(value, list):
        return {}
    found: dict[int, str] = {}
    for item in value[: 2**size]:
        if not isinstance(item, Mapping):
            continue
        status, message = item.get("status"), item.get("message")
        if isinstance(status, str) and isinstance(message, str):
            try:
                found[int(status, 16)] = message[:MAX_STATUS_MESSAGE_CHARS]
            except ValueError:
                continue
    return found


def _failed(message: str) -> StatusListError:
    return StatusListError(StatusState.FAILED, message)
