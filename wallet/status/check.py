"""Check every status entry of a credential: the one entry point of :mod:`wallet.status`.

Offline, nothing is fetched and every entry is ``unknown`` (never ``ok``). Online, each
list is fetched once per call, however many entries point to it, and its own signature is
checked before a single bit is read. Bad input never raises: each entry gets an outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from wallet import net
from wallet.net import Fetcher
from wallet.status import onedtech, token_status_list
from wallet.status.list_credential import (
    VerifiedStatusList,
    fetch_document,
    fetch_status_list,
    issuer_id,
)
from wallet.status.outcome import StatusListError, StatusMode, StatusOutcome, StatusState
from wallet.status.w3c import W3C_STATUS_KINDS, parse_w3c_entry, read_w3c_status
from wallet.translation import tr

MAX_ENTRIES = 16
IETF_STATUS_LIST = "IETF Token Status List"


def check_status_entries(
    credential_document: Mapping[str, Any],
    *,
    online: bool,
    now: datetime,
    fetch: Fetcher = net.fetch,
    timeout: float = net.DEFAULT_TIMEOUT,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[StatusOutcome, ...]:
    """One outcome per status entry of ``credential_document`` (empty when it has none).

    ``credential_document`` is the credential as JSON (a VC-JWT's payload works too: its
    ``vc`` claim is read). ``documents`` are controller documents known offline, passed to
    Data Integrity verification of the lists.
    """
    credential = _credential_of(credential_document)
    issuer = issuer_id(credential) or _string(credential_document.get("iss"))
    credential_id = _string(credential.get("id")) or _string(credential_document.get("jti"))
    mode = StatusMode.NETWORK if online else StatusMode.OFFLINE
    lists: dict[str, VerifiedStatusList | StatusListError] = {}

    def status_list(url: str) -> VerifiedStatusList:
        if url not in lists:
            try:
                lists[url] = fetch_status_list(
                    url, fetch=fetch, online=online, now=now, timeout=timeout,
                    documents=documents,
                )
            except StatusListError as exc:
                lists[url] = exc
        found = lists[url]
        if isinstance(found, StatusListError):
            raise found
        return found

    def body_of(url: str, accept: str) -> bytes:
        return fetch_document(url, fetch=fetch, online=online, timeout=timeout, accept=accept)[0]

    outcomes = []
    for entry_type, entry in _entries(credential_document, credential)[:MAX_ENTRIES]:
        outcomes.append(
            _check_one(
                entry_type, entry, online=online, mode=mode, now=now, issuer=issuer,
                credential_id=credential_id, status_list=status_list, body_of=body_of,
            )
        )
    return tuple(outcomes)


def _check_one(
    entry_type: str,
    entry: Mapping[str, Any],
    *,
    online: bool,
    mode: StatusMode,
    now: datetime,
    issuer: str | None,
    credential_id: str | None,
    status_list: Callable[[str], VerifiedStatusList],
    body_of: Callable[[str, str], bytes],
) -> StatusOutcome:
    purpose = _purpose_of(entry_type, entry)
    list_url = _list_url_of(entry_type, entry)

    def outcome(state: StatusState, message: str, warnings: tuple[str, ...] = ()) -> StatusOutcome:
        return StatusOutcome(
            entry_type=entry_type, purpose=purpose, state=state, message=message,
            list_url=list_url, mode=mode, warnings=warnings,
        )

    try:
        if entry_type in W3C_STATUS_KINDS:
            parsed = parse_w3c_entry(entry, W3C_STATUS_KINDS[entry_type])
            if not online:
                return outcome(StatusState.UNKNOWN, _offline_message())
            reading = read_w3c_status(
                parsed, status_list(parsed.list_url), credential_issuer=issuer
            )
            return outcome(reading.state, reading.message, reading.warnings)
        if entry_type == onedtech.ENTRY_TYPE:
            url = onedtech.revocation_list_url(entry)
            if not online:
                return outcome(StatusState.UNKNOWN, _offline_message())
            return outcome(
                *onedtech.read_revocation_list(
                    body_of(url, onedtech.ACCEPT),
                    credential_id=credential_id,
                    credential_issuer=issuer,
                )
            )
        if entry_type == IETF_STATUS_LIST:
            idx, uri = token_status_list.token_status_reference(entry)
            if not online:
                return outcome(StatusState.UNKNOWN, _offline_message())
            return outcome(
                *token_status_list.read_token_status(
                    body_of(uri, token_status_list.ACCEPT),
                    idx=idx, uri=uri, now=now, credential_issuer=issuer,
                )
            )
    except StatusListError as exc:
        return outcome(exc.state, exc.message)
    return outcome(
        StatusState.UNKNOWN,
        tr(
            "The credential's status uses the method {method}, which Kredo cannot check.",
            method=repr(entry_type[:60]),
        ),
    )


def _offline_message() -> str:
    return tr("The status was not checked: it needs the issuer's status list online.")


def _credential_of(document: Mapping[str, Any]) -> Mapping[str, Any]:
    vc = document.get("vc")
    return vc if isinstance(vc, Mapping) else document


def _entries(
    document: Mapping[str, Any], credential: Mapping[str, Any]
) -> list[tuple[str, Mapping[str, Any]]]:
    """W3C ``credentialStatus`` entries (one or a list) and an SD-JWT VC ``status``."""
    found: list[tuple[str, Mapping[str, Any]]] = []
    raw = credential.get("credentialStatus")
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, Mapping):
            entry_type = item.get("type")
            types = entry_type if isinstance(entry_type, list) else [entry_type]
            name = next((t for t in types if isinstance(t, str)), "unnamed")
            found.append((name, item))
    for holder in (document, credential) if credential is not document else (document,):
        status = holder.get("status")
        if isinstance(status, Mapping) and isinstance(status.get("status_list"), Mapping):
            found.append((IETF_STATUS_LIST, status["status_list"]))
    return found


def _purpose_of(entry_type: str, entry: Mapping[str, Any]) -> str:
    if entry_type in {"RevocationList2020Status", onedtech.ENTRY_TYPE}:
        return "revocation"
    if entry_type == IETF_STATUS_LIST:
        return "revocation and suspension"
    purpose = entry.get("statusPurpose")
    return purpose[:60] if isinstance(purpose, str) else "unknown"


def _list_url_of(entry_type: str, entry: Mapping[str, Any]) -> str | None:
    key = {
        "RevocationList2020Status": "revocationListCredential",
        onedtech.ENTRY_TYPE: "id",
        IETF_STATUS_LIST: "uri",
    }.get(entry_type, "statusListCredential")
    return _string(entry.get(key))


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
