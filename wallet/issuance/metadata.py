"""Issuer and authorization server metadata, read strictly (OpenID4VCI 1.0 §12.2, RFC 8414).

OpenID4VCI draft 13 and 1.0 differ where a wallet notices: 1.0 moved a configuration's
``display`` into ``credential_metadata``, replaced ``batch_credential_endpoint`` by
``batch_credential_issuance`` (several copies, one proof each), added the ``nonce_endpoint``,
and changed the credential request (``credential_configuration_id`` and ``proofs`` instead of
``format`` plus type and ``proof``). :attr:`IssuerMetadata.protocol` records which of the two
the issuer speaks: ``"1.0"`` when any 1.0-only member is present, else ``"draft-13"``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from wallet.errors import IssuanceError
from wallet.issuance.offer import checked_issuer_url
from wallet.translation import tr

Protocol = Literal["1.0", "draft-13"]
MAX_CONFIGURATIONS = 500
MAX_DISPLAYS = 50
PRE_AUTHORIZED_ANONYMOUS = "pre-authorized_grant_anonymous_access_supported"


@dataclass(frozen=True)
class Display:
    """One language's display of an issuer or a credential: name and logo."""

    name: str | None
    locale: str | None = None
    logo_uri: str | None = None
    logo_alt_text: str | None = None
    description: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "locale": self.locale,
            "logo_uri": self.logo_uri,
            "logo_alt_text": self.logo_alt_text,
        }


def pick_display(displays: tuple[Display, ...], language: str = "en") -> Display | None:
    """The display in ``language`` (``cs`` matches ``cs-CZ``), else one without a locale,
    else the first."""
    if not displays:
        return None
    wanted = language.lower().split("-")[0]
    for display in displays:
        if display.locale and display.locale.lower().split("-")[0] == wanted:
            return display
    return next((d for d in displays if d.locale is None), displays[0])


@dataclass(frozen=True)
class CredentialConfiguration:
    id: str
    format: str
    scope: str | None = None
    binding_methods: tuple[str, ...] = ()
    # proof type → allowed signing algorithms (an empty tuple: the issuer named none)
    proof_types: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    credential_definition: Mapping[str, Any] | None = None
    vct: str | None = None
    doctype: str | None = None
    display: tuple[Display, ...] = ()

    @property
    def types(self) -> tuple[str, ...]:
        """What the credential is, for the learner: its VC types, ``vct`` or ``doctype``."""
        if self.credential_definition is not None:
            types = self.credential_definition.get("type")
            if isinstance(types, list):
                named = tuple(t for t in types if isinstance(t, str))
                specific = tuple(t for t in named if t != "VerifiableCredential")
                return specific or named
        if self.vct:
            return (self.vct,)
        if self.doctype:
            return (self.doctype,)
        return ()

    @property
    def needs_proof(self) -> bool:
        return bool(self.binding_methods) or bool(self.proof_types)


@dataclass(frozen=True)
class IssuerMetadata:
    credential_issuer: str
    credential_endpoint: str
    configurations: Mapping[str, CredentialConfiguration]
    protocol: Protocol = "1.0"
    nonce_endpoint: str | None = None
    deferred_credential_endpoint: str | None = None
    notification_endpoint: str | None = None
    batch_credential_endpoint: str | None = None
    batch_size: int | None = None
    authorization_servers: tuple[str, ...] = ()
    token_endpoint: str | None = None  # not in 1.0, but some issuers publish it here
    display: tuple[Display, ...] = ()

    @classmethod
    def from_json(cls, document: Mapping[str, Any], *, expected_issuer: str) -> IssuerMetadata:
        # 1.0 §12.2.3: the metadata's issuer must be the one the offer named.
        issuer = document.get("credential_issuer")
        if issuer != expected_issuer and not (
            isinstance(issuer, str) and issuer.rstrip("/") == expected_issuer.rstrip("/")
        ):
            raise IssuanceError(
                tr("The issuer's metadata names a different issuer than the offer."),
                details=f"offer {expected_issuer[:200]!r}, metadata {str(issuer)[:200]!r}",
            )
        raw_configurations = document.get("credential_configurations_supported")
        if not isinstance(raw_configurations, Mapping) or not raw_configurations:
            if "credentials_supported" in document:
                raise IssuanceError(
                    tr(
                        "The issuer follows an old draft of OpenID4VCI (before draft 13), "
                        "which Kredo does not support."
                    ),
                )
            raise IssuanceError(tr("The issuer's metadata lists no credentials it can issue."))
        if len(raw_configurations) > MAX_CONFIGURATIONS:
            raise IssuanceError(tr("The issuer's metadata lists too many credential kinds."))
        configurations = {
            key: _configuration(key, value) for key, value in raw_configurations.items()
        }
        batch = document.get("batch_credential_issuance")
        batch_size = None
        if batch is not None:
            size = batch.get("batch_size") if isinstance(batch, Mapping) else None
            if isinstance(size, bool) or not isinstance(size, int) or size < 1:
                raise IssuanceError(
                    tr("The issuer's batch issuance size is not a positive number.")
                )
            batch_size = size
        one_point_zero = (
            "nonce_endpoint" in document
            or batch is not None
            or any(isinstance(v, Mapping) and "credential_metadata" in v
                   for v in raw_configurations.values())
        )
        servers = document.get("authorization_servers")
        if servers is None and isinstance(document.get("authorization_server"), str):
            servers = [document["authorization_server"]]  # draft 11 spelling
        if servers is not None and (
            not isinstance(servers, list) or not servers or len(servers) > 20
        ):
            raise IssuanceError(tr("The issuer's list of authorization servers is invalid."))
        return cls(
            credential_issuer=expected_issuer,
            credential_endpoint=_url(document.get("credential_endpoint"), "credential_endpoint"),
            configurations=configurations,
            protocol="1.0" if one_point_zero else "draft-13",
            nonce_endpoint=_optional_url(document, "nonce_endpoint"),
            deferred_credential_endpoint=_optional_url(document, "deferred_credential_endpoint"),
            notification_endpoint=_optional_url(document, "notification_endpoint"),
            batch_credential_endpoint=_optional_url(document, "batch_credential_endpoint"),
            batch_size=batch_size,
            authorization_servers=tuple(
                _url(s, "authorization_server") for s in (servers or [])
            ),
            token_endpoint=_optional_url(document, "token_endpoint"),
            display=_displays(document.get("display")),
        )

    def configuration(self, configuration_id: str) -> CredentialConfiguration:
        found = self.configurations.get(configuration_id)
        if found is None:
            raise IssuanceError(
                tr("The offer names a credential the issuer's metadata does not describe."),
                details=f"configuration {configuration_id[:100]!r}",
            )
        return found


@dataclass(frozen=True)
class AuthorizationServerMetadata:
    issuer: str
    token_endpoint: str | None
    authorization_endpoint: str | None = None
    pushed_authorization_request_endpoint: str | None = None
    code_challenge_methods: tuple[str, ...] = ()
    pre_authorized_anonymous: bool = True

    @classmethod
    def from_json(
        cls, document: Mapping[str, Any], *, expected_issuer: str
    ) -> AuthorizationServerMetadata:
        issuer = document.get("issuer")
        # RFC 8414 §3.3: the issuer in the metadata must be the one it was looked up for.
        if not isinstance(issuer, str) or issuer.rstrip("/") != expected_issuer.rstrip("/"):
            raise IssuanceError(
                tr("The authorization server's metadata names a different server."),
                details=f"expected {expected_issuer[:200]!r}, got {str(issuer)[:200]!r}",
            )
        methods = document.get("code_challenge_methods_supported", [])
        anonymous = document.get(PRE_AUTHORIZED_ANONYMOUS, True)
        return cls(
            issuer=issuer,
            token_endpoint=_optional_url(document, "token_endpoint"),
            authorization_endpoint=_optional_url(document, "authorization_endpoint"),
            pushed_authorization_request_endpoint=_optional_url(
                document, "pushed_authorization_request_endpoint"
            ),
            code_challenge_methods=tuple(m for m in methods if isinstance(m, str))
            if isinstance(methods, list) else (),
            pre_authorized_anonymous=anonymous is not False,
        )


# --- members ----------------------------------------------------------------------------


def _configuration(key: object, value: Any) -> CredentialConfiguration:
    if not isinstance(key, str) or not key or not isinstance(value, Mapping):
        raise IssuanceError(tr("A credential kind in the issuer's metadata is malformed."))
    fmt = value.get("format")
    if not isinstance(fmt, str) or not fmt:
        raise IssuanceError(
            tr("A credential kind in the issuer's metadata has no format."),
            details=f"configuration {key[:100]!r}",
        )
    metadata = value.get("credential_metadata")
    display = metadata.get("display") if isinstance(metadata, Mapping) else value.get("display")
    definition = value.get("credential_definition")
    return CredentialConfiguration(
        id=key,
        format=fmt,
        scope=_text(value.get("scope")),
        binding_methods=_strings(value.get("cryptographic_binding_methods_supported")),
        proof_types=_proof_types(value.get("proof_types_supported"), key),
        credential_definition=definition if isinstance(definition, Mapping) else None,
        vct=_text(value.get("vct")),
        doctype=_text(value.get("doctype")),
        display=_displays(display),
    )


def _proof_types(value: Any, key: str) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise IssuanceError(
            tr("The issuer's supported proof types are malformed."),
            details=f"configuration {key[:100]!r}",
        )
    found: dict[str, tuple[str, ...]] = {}
    for name, spec in value.items():
        if not isinstance(name, str):
            continue
        algs = spec.get("proof_signing_alg_values_supported") if isinstance(spec, Mapping) else None
        found[name] = _strings(algs)
    return found


def _displays(value: Any) -> tuple[Display, ...]:
    if not isinstance(value, list):
        return ()
    displays = []
    for entry in value[:MAX_DISPLAYS]:
        if not isinstance(entry, Mapping):
            continue
        logo = entry.get("logo")
        logo_uri = logo_alt = None
        if isinstance(logo, Mapping):
            # 1.0 and draft 13 say ``uri``; drafts before said ``url``.
            candidate = logo.get("uri", logo.get("url"))
            logo_uri = candidate if isinstance(candidate, str) and _is_web_or_data(candidate) \
                else None
            logo_alt = _text(logo.get("alt_text"))
        displays.append(
            Display(
                name=_text(entry.get("name")),
                locale=_text(entry.get("locale")),
                logo_uri=logo_uri,
                logo_alt_text=logo_alt,
                description=_text(entry.get("description")),
            )
        )
    return tuple(displays)


def _is_web_or_data(uri: str) -> bool:
    return len(uri) <= 8192 and uri.split(":", 1)[0].lower() in ("https", "http", "data")


def _url(value: Any, member: str) -> str:
    return checked_issuer_url(value, what=_address_name(member))


def _address_name(member: str) -> str:
    """The metadata member holding an address, named as the subject of a sentence."""
    name = _ADDRESS_NAMES.get(member)
    return name() if name else tr("The issuer's address {member}", member=member)


# Made when asked, in the language active then (never at import).
_ADDRESS_NAMES: dict[str, Callable[[], str]] = {
    "credential_endpoint": lambda: tr("The issuer's credential endpoint"),
    "authorization_server": lambda: tr("The issuer's authorization server"),
    "nonce_endpoint": lambda: tr("The issuer's nonce endpoint"),
    "deferred_credential_endpoint": lambda: tr("The issuer's deferred credential endpoint"),
    "notification_endpoint": lambda: tr("The issuer's notification endpoint"),
    "batch_credential_endpoint": lambda: tr("The issuer's batch credential endpoint"),
    "token_endpoint": lambda: tr("The issuer's token endpoint"),
    "authorization_endpoint": lambda: tr("The issuer's authorization endpoint"),
    "pushed_authorization_request_endpoint": lambda: tr(
        "The issuer's pushed authorization request endpoint"
    ),
}


def _optional_url(document: Mapping[str, Any], name: str) -> str | None:
    value = document.get(name)
    if value is None:
        return None
    return _url(value, name)


def _text(value: Any, limit: int = 500) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str))[:50]
