"""Credential, nonce and deferred credential requests (OpenID4VCI 1.0 §7-9, draft 13 §7-9).

Request bodies by protocol:

* 1.0: ``credential_configuration_id`` (or the ``credential_identifier`` the token answer
  assigned) and ``proofs: {"jwt": [...]}``.
* draft 13: ``format`` with ``credential_definition`` / ``vct`` / ``doctype``, and
  ``proof: {"proof_type": "jwt", "jwt": ...}``.

Answers: 1.0 ``credentials: [{"credential": …}]``, draft 14 ``credentials: [...]``, draft 13
``credential``, or ``transaction_id`` for deferred issuance. A credential that is a string
(JWT, SD-JWT) is kept as its UTF-8 bytes; a JSON-LD credential (``ldp_vc``) arrives as an
object inside the answer and is serialized once, here (its Data Integrity proof covers the
canonical RDF form, not the bytes).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wallet.errors import IssuanceError
from wallet.issuance.issuer_http import JsonAnswer, NetworkPolicy, OAuthError, host_of, post_json
from wallet.issuance.metadata import CredentialConfiguration, IssuerMetadata
from wallet.issuance.token import AccessToken
from wallet.limits import MAX_INPUT_BYTES
from wallet.translation import tr

MAX_CREDENTIALS_PER_ANSWER = 100
MAX_ID_CHARS = 4096
_PROOF_ERRORS = frozenset({"invalid_proof", "invalid_nonce"})


class ProofRejected(IssuanceError):
    """The issuer refused the proof of possession, often for a stale nonce; ``c_nonce`` is
    the fresh one it sent, if any (draft 13)."""

    def __init__(self, message: str, *, details: str | None, c_nonce: str | None) -> None:
        super().__init__(message, details=details)
        self.c_nonce = c_nonce


@dataclass(frozen=True)
class CredentialAnswer:
    credentials: tuple[bytes, ...] = ()
    transaction_id: str | None = None  # deferred: ask again later with this id
    interval: int | None = None  # seconds to wait before asking again
    notification_id: str | None = None
    c_nonce: str | None = None  # draft 13: the nonce for the next proof


def credential_request_body(
    metadata: IssuerMetadata,
    configuration: CredentialConfiguration,
    *,
    proofs: Sequence[str],
    credential_identifier: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any]
    if metadata.protocol == "1.0":
        body = (
            {"credential_identifier": credential_identifier}
            if credential_identifier is not None
            else {"credential_configuration_id": configuration.id}
        )
        if proofs:
            body["proofs"] = {"jwt": list(proofs)}
        return body
    body = {"format": configuration.format}
    if configuration.credential_definition is not None:
        body["credential_definition"] = dict(configuration.credential_definition)
    if configuration.vct is not None:
        body["vct"] = configuration.vct
    if configuration.doctype is not None:
        body["doctype"] = configuration.doctype
    if proofs:
        body["proof"] = {"proof_type": "jwt", "jwt": proofs[0]}
    return body


def request_nonce(endpoint: str, *, policy: NetworkPolicy) -> str:
    """A fresh ``c_nonce`` from the nonce endpoint (1.0 §7)."""
    answer = post_json(endpoint, None, policy=policy, what=tr("The issuer's nonce answer"))
    if answer.error is not None:
        raise IssuanceError(
            tr(
                "The issuer {host} did not give a nonce for the key proof.",
                host=host_of(endpoint),
            ),
            details=answer.error.details,
        )
    nonce = (answer.document or {}).get("c_nonce")
    if not isinstance(nonce, str) or not nonce or len(nonce) > MAX_ID_CHARS:
        raise IssuanceError(
            tr("The issuer {host} answered without a nonce.", host=host_of(endpoint))
        )
    return nonce


def request_credential(
    endpoint: str, body: Mapping[str, Any], *, token: AccessToken, policy: NetworkPolicy
) -> CredentialAnswer:
    answer = post_json(
        endpoint, body, policy=policy, what=tr("The issuer's credential answer"),
        headers=token.authorization_header, max_bytes=MAX_INPUT_BYTES,
    )
    return _answer(answer, endpoint)


def request_deferred(
    endpoint: str, transaction_id: str, *, token: AccessToken, policy: NetworkPolicy
) -> CredentialAnswer:
    """Ask for a deferred credential; still pending is an answer with ``transaction_id``."""
    answer = post_json(
        endpoint, {"transaction_id": transaction_id}, policy=policy,
        what=tr("The issuer's deferred credential answer"), headers=token.authorization_header,
        max_bytes=MAX_INPUT_BYTES,
    )
    if answer.error is not None and answer.error.code == "issuance_pending":  # draft 13
        return CredentialAnswer(transaction_id=transaction_id, interval=_interval(None))
    parsed = _answer(answer, endpoint)
    if not parsed.credentials and parsed.transaction_id is None:
        # 1.0 §9.2: 202 with only ``interval`` means "not yet".
        return CredentialAnswer(transaction_id=transaction_id, interval=parsed.interval)
    return parsed


def _answer(answer: JsonAnswer, endpoint: str) -> CredentialAnswer:
    host = host_of(endpoint)
    if answer.error is not None:
        raise credential_error(answer.error, host)
    document = answer.document or {}
    credentials = _credentials(document, host)
    transaction_id = document.get("transaction_id")
    if transaction_id is not None and (
        not isinstance(transaction_id, str) or not transaction_id
        or len(transaction_id) > MAX_ID_CHARS
    ):
        raise IssuanceError(
            tr("The issuer {host} gave an invalid deferred issuance id.", host=host)
        )
    if not credentials and transaction_id is None and answer.status != 202:
        raise IssuanceError(tr("The issuer {host} answered without a credential.", host=host))
    notification_id = document.get("notification_id")
    nonce = document.get("c_nonce")
    return CredentialAnswer(
        credentials=credentials,
        transaction_id=transaction_id,
        interval=_interval(document.get("interval")),
        notification_id=notification_id if isinstance(notification_id, str) else None,
        c_nonce=nonce if isinstance(nonce, str) and nonce else None,
    )


def _credentials(document: Mapping[str, Any], host: str) -> tuple[bytes, ...]:
    if "credentials" in document:
        entries = document["credentials"]
        if not isinstance(entries, list) or len(entries) > MAX_CREDENTIALS_PER_ANSWER:
            raise IssuanceError(
                tr("The issuer {host} sent a malformed list of credentials.", host=host)
            )
        # 1.0: objects with ``credential``; draft 14: the credentials themselves.
        values = [
            e["credential"] if isinstance(e, Mapping) and "credential" in e else e for e in entries
        ]
    elif "credential" in document:
        values = [document["credential"]]
    else:
        return ()
    return tuple(_credential_bytes(value, host) for value in values)


def _credential_bytes(value: Any, host: str) -> bytes:
    if isinstance(value, str) and value.strip():
        return value.strip().encode("utf-8")
    if isinstance(value, Mapping) and value:
        return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")
    raise IssuanceError(
        tr("The issuer {host} sent an empty or malformed credential.", host=host)
    )


def _interval(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 3600:
        return value
    return 5  # 1.0 §9.2 default


def credential_error(error: OAuthError, host: str) -> IssuanceError:
    """1.0 §8.3.1.2 (and draft 13 §7.3.1.2) in the learner's words."""
    if error.code in _PROOF_ERRORS:
        return ProofRejected(
            tr("The issuer {host} did not accept Kredo's proof of holding the key.", host=host),
            details=error.details,
            c_nonce=error.c_nonce,
        )
    if error.code in ("unknown_credential_configuration", "unsupported_credential_type",
                      "unsupported_credential_format", "unknown_credential_identifier"):
        return IssuanceError(
            tr("The issuer {host} cannot issue the credential it offered.", host=host),
            details=error.details,
        )
    if error.code == "invalid_token":
        return IssuanceError(
            tr(
                "The issuer {host} no longer accepts the wallet's access; start again from the "
                "offer.",
                host=host,
            ),
            details=error.details,
        )
    if error.code == "credential_request_denied":
        return IssuanceError(tr("The issuer {host} declined to issue the credential.", host=host),
                             details=error.details)
    if error.code == "invalid_transaction_id":
        return IssuanceError(
            tr("The issuer {host} no longer knows the deferred credential.", host=host),
            details=error.details,
        )
    return IssuanceError(tr("The issuer {host} refused to issue the credential.", host=host),
                         details=error.details)

