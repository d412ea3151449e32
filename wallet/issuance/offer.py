"""Credential offers (OpenID4VCI 1.0 §4.1; draft 13 has the same shape).

An offer arrives as text: ``openid-credential-offer://?credential_offer=<JSON>`` (by value),
``…?credential_offer_uri=<https URL>`` (by reference), or an ``https://`` link of the issuer's
wallet page carrying one of those two parameters. :func:`parse_offer_text` reads the text
without any network access; an offer by reference is fetched later, through
:mod:`wallet.issuance.issuer_http`, once the learner allowed it.

Everything is checked here, so an offer in hand is well-formed: an issuer URL that is https
(plain http only for the loopback interface, which :mod:`wallet.net` still refuses outside
tests), one to 100 credential configuration ids, and grants of known shapes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wallet.errors import IssuanceError, WalletError
from wallet.json_input import load_json
from wallet.translation import tr, tr_n

OFFER_SCHEME = "openid-credential-offer"
PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
AUTHORIZATION_CODE_GRANT = "authorization_code"
MAX_OFFER_CHARS = 64 * 1024
MAX_CONFIGURATIONS = 100
MAX_CODE_CHARS = 4096
MAX_TX_CODE_LENGTH = 64
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class TransactionCodeSpec:
    """What the issuer says about the transaction code (PIN) it sent by another channel."""

    input_mode: str = "numeric"  # "numeric" or "text"
    length: int | None = None
    description: str | None = None

    def check(self, code: str) -> str:
        """The code as typed, or a clear error when it cannot be what the issuer asked for."""
        code = code.strip()
        if not code:
            raise IssuanceError(
                tr("The issuer asks for a transaction code (PIN); none was given.")
            )
        if self.input_mode == "numeric" and not (code.isascii() and code.isdigit()):
            raise IssuanceError(tr("The transaction code (PIN) for this offer has digits only."))
        if self.length is not None and len(code) != self.length:
            raise IssuanceError(
                tr_n(
                    "The transaction code (PIN) for this offer has {n} character.",
                    "The transaction code (PIN) for this offer has {n} characters.",
                    self.length,
                )
            )
        return code


@dataclass(frozen=True)
class PreAuthorizedGrant:
    code: str
    tx_code: TransactionCodeSpec | None = None  # None: no transaction code asked
    authorization_server: str | None = None


@dataclass(frozen=True)
class AuthorizationCodeGrant:
    issuer_state: str | None = None
    authorization_server: str | None = None


@dataclass(frozen=True)
class CredentialOffer:
    """A parsed credential offer; build it with :meth:`from_json` or :func:`parse_offer_text`."""

    credential_issuer: str
    credential_configuration_ids: tuple[str, ...]
    pre_authorized: PreAuthorizedGrant | None = None
    authorization_code: AuthorizationCodeGrant | None = None

    @classmethod
    def from_json(cls, offer: Any) -> CredentialOffer:
        if not isinstance(offer, Mapping):
            raise IssuanceError(tr("The credential offer is not a JSON object."))
        issuer = checked_issuer_url(offer.get("credential_issuer"), what=tr("The offer's issuer"))
        ids = offer.get("credential_configuration_ids")
        if ids is None and "credentials" in offer:
            raise IssuanceError(
                tr(
                    "The offer follows an old draft of OpenID4VCI (before draft 13), "
                    "which Kredo does not support."
                ),
                details="offer has 'credentials' instead of 'credential_configuration_ids'",
            )
        if (
            not isinstance(ids, list)
            or not ids
            or len(ids) > MAX_CONFIGURATIONS
            or not all(isinstance(i, str) and 0 < len(i) <= 200 for i in ids)
            or len(set(ids)) != len(ids)
        ):
            raise IssuanceError(tr("The offer does not say which credentials it offers."))
        grants = offer.get("grants", {})
        if not isinstance(grants, Mapping):
            raise IssuanceError(tr("The offer's grants are not a JSON object."))
        pre_authorized = _pre_authorized(grants.get(PRE_AUTHORIZED_GRANT))
        authorization_code = _authorization_code(grants.get(AUTHORIZATION_CODE_GRANT))
        return cls(
            credential_issuer=issuer,
            credential_configuration_ids=tuple(ids),
            pre_authorized=pre_authorized,
            authorization_code=authorization_code,
        )


@dataclass(frozen=True)
class OfferReference:
    """An offer by reference: the URL the offer itself must be fetched from."""

    uri: str


def parse_offer_text(text: str) -> CredentialOffer | OfferReference:
    """Read an offer from a scanned, pasted or handed-over text; nothing is fetched."""
    if not isinstance(text, str):
        raise IssuanceError(tr("The credential offer is not text."))
    text = text.strip()
    if not text:
        raise IssuanceError(tr("The credential offer is empty."))
    if len(text) > MAX_OFFER_CHARS:
        raise IssuanceError(
            tr(
                "The credential offer is longer than {size} KB, more than Kredo accepts.",
                size=MAX_OFFER_CHARS // 1024,
            )
        )
    try:
        parts = urlsplit(text)
    except ValueError:
        raise IssuanceError(tr("The credential offer is not a valid link.")) from None
    scheme = parts.scheme.lower()
    if scheme not in (OFFER_SCHEME, "https", "http"):
        raise IssuanceError(
            tr(
                "This is not an OpenID4VCI credential offer (it should start with "
                "{scheme}:// or https://).",
                scheme=OFFER_SCHEME,
            )
        )
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=False)
    by_value = query.get("credential_offer")
    by_reference = query.get("credential_offer_uri")
    if by_value and by_reference:
        raise IssuanceError(tr("The credential offer names both an offer and an offer link."))
    if by_value:
        if len(by_value) != 1:
            raise IssuanceError(tr("The credential offer link holds more than one offer."))
        return CredentialOffer.from_json(
            _json(by_value[0].encode("utf-8"), tr("The credential offer"))
        )
    if by_reference:
        if len(by_reference) != 1:
            raise IssuanceError(tr("The credential offer link names more than one offer link."))
        return OfferReference(checked_issuer_url(by_reference[0], what=tr("The offer link")))
    raise IssuanceError(
        tr("The link holds no credential offer (no credential_offer or credential_offer_uri).")
    )


def offer_from_fetched(body: bytes) -> CredentialOffer:
    """The offer document an offer link answered with."""
    return CredentialOffer.from_json(_json(body, tr("The issuer's credential offer")))


def _json(raw: bytes, what: str) -> Any:
    try:
        return load_json(raw, what=what)
    except WalletError as exc:
        raise IssuanceError(exc.message, details=exc.details) from None


def checked_issuer_url(value: object, *, what: str) -> str:
    """An absolute https URL without query or fragment (plain http only on loopback).

    ``what`` names the address as the subject of a sentence (``tr("The offer link")``).
    """
    if not isinstance(value, str) or not value or len(value) > 2048:
        raise IssuanceError(tr("{what} is missing or is not a web address.", what=what))
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise IssuanceError(tr("{what} is not a valid web address.", what=what)) from None
    host = parts.hostname or ""
    secure = parts.scheme == "https" or (parts.scheme == "http" and host in _LOOPBACK_HOSTS)
    if not secure or not host or parts.username is not None or parts.password is not None:
        raise IssuanceError(
            tr("{what} is not a secure (https) web address.", what=what),
            details=f"{value[:200]!r}",
        )
    if parts.fragment:
        raise IssuanceError(
            tr("{what} must not carry a fragment.", what=what), details=f"{value[:200]!r}"
        )
    return value


def _pre_authorized(grant: Any) -> PreAuthorizedGrant | None:
    if grant is None:
        return None
    if not isinstance(grant, Mapping):
        raise IssuanceError(tr("The offer's pre-authorized code grant is not a JSON object."))
    code = grant.get("pre-authorized_code")
    if not isinstance(code, str) or not code or len(code) > MAX_CODE_CHARS:
        raise IssuanceError(tr("The offer's pre-authorized code is missing or invalid."))
    tx_code: TransactionCodeSpec | None = None
    if "tx_code" in grant:
        tx_code = _tx_code(grant["tx_code"])
    elif grant.get("user_pin_required") is True:
        # Draft 11/12 name for the same thing: a numeric PIN of unknown length.
        tx_code = TransactionCodeSpec()
    return PreAuthorizedGrant(
        code=code,
        tx_code=tx_code,
        authorization_server=_optional_url(
            grant.get("authorization_server"),
            tr("The pre-authorized grant's authorization server"),
        ),
    )


def _tx_code(value: Any) -> TransactionCodeSpec:
    if not isinstance(value, Mapping):
        raise IssuanceError(tr("The offer's transaction code description is not a JSON object."))
    mode = value.get("input_mode", "numeric")
    if mode not in ("numeric", "text"):
        raise IssuanceError(tr("The offer asks for a transaction code of an unknown kind."))
    length = value.get("length")
    if length is not None and (
        isinstance(length, bool) or not isinstance(length, int)
        or not 0 < length <= MAX_TX_CODE_LENGTH
    ):
        raise IssuanceError(
            tr("The offer gives an impossible length for the transaction code.")
        )
    description = value.get("description")
    if description is not None and not isinstance(description, str):
        raise IssuanceError(tr("The offer's transaction code description is not text."))
    return TransactionCodeSpec(
        input_mode=mode,
        length=length,
        description=description[:300] if description else None,
    )


def _authorization_code(grant: Any) -> AuthorizationCodeGrant | None:
    if grant is None:
        return None
    if not isinstance(grant, Mapping):
        raise IssuanceError(tr("The offer's authorization code grant is not a JSON object."))
    state = grant.get("issuer_state")
    if state is not None and (not isinstance(state, str) or len(state) > MAX_CODE_CHARS):
        raise IssuanceError(tr("The offer's issuer state is invalid."))
    return AuthorizationCodeGrant(
        issuer_state=state,
        authorization_server=_optional_url(
            grant.get("authorization_server"),
            tr("The authorization grant's authorization server"),
        ),
    )


def _optional_url(value: Any, what: str) -> str | None:
    if value is None:
        return None
    return checked_issuer_url(value, what=what)
