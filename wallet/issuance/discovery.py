"""Where metadata lives, and fetching it (OpenID4VCI 1.0 §12.2.2, RFC 8414 §3, OIDC Discovery).

For an issuer ``https://host/path``, 1.0 inserts the well-known segment after the host
(``https://host/.well-known/openid-credential-issuer/path``) while draft 13 appended it
(``https://host/path/.well-known/openid-credential-issuer``); both are tried, 1.0 first.
Authorization servers are looked up at RFC 8414's ``oauth-authorization-server`` and then at
OpenID Connect's ``openid-configuration``.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from wallet.errors import (
    IssuanceError,
    NetworkError,
    NetworkNotAllowed,
    NetworkTimeout,
    WalletError,
)
from wallet.issuance.issuer_http import NetworkPolicy, get_json, host_of
from wallet.issuance.metadata import AuthorizationServerMetadata, IssuerMetadata
from wallet.translation import tr

ISSUER_WELL_KNOWN = "/.well-known/openid-credential-issuer"
OAUTH_WELL_KNOWN = "/.well-known/oauth-authorization-server"
OPENID_WELL_KNOWN = "/.well-known/openid-configuration"


def well_known_urls(identifier: str, suffix: str) -> list[str]:
    """The inserted form first, then the appended one (equal when there is no path)."""
    parts = urlsplit(identifier)
    path = parts.path.rstrip("/")
    inserted = urlunsplit((parts.scheme, parts.netloc, suffix + path, "", ""))
    appended = urlunsplit((parts.scheme, parts.netloc, path + suffix, "", ""))
    return [inserted] if inserted == appended else [inserted, appended]


def fetch_issuer_metadata(credential_issuer: str, *, policy: NetworkPolicy) -> IssuerMetadata:
    document = _first_answer(
        well_known_urls(credential_issuer, ISSUER_WELL_KNOWN),
        policy=policy,
        what=tr("The issuer's metadata"),
    )
    return IssuerMetadata.from_json(document, expected_issuer=credential_issuer)


def fetch_authorization_server_metadata(
    server: str, *, policy: NetworkPolicy
) -> AuthorizationServerMetadata:
    urls = well_known_urls(server, OAUTH_WELL_KNOWN)
    urls += [u for u in well_known_urls(server, OPENID_WELL_KNOWN) if u not in urls]
    document = _first_answer(
        urls, policy=policy, what=tr("The authorization server's metadata")
    )
    return AuthorizationServerMetadata.from_json(document, expected_issuer=server)


def _first_answer(urls: list[str], *, policy: NetworkPolicy, what: str) -> dict[str, object]:
    """The first URL that answers with a JSON object; a timeout or refusal stops at once."""
    last: WalletError | None = None
    for url in urls:
        try:
            return get_json(url, policy=policy, what=what)
        except (NetworkNotAllowed, NetworkTimeout):
            raise  # a slow server: trying the next address would double the wait
        except NetworkError as exc:
            last = exc
        except IssuanceError as exc:
            last = exc
    assert last is not None  # urls is never empty
    raise IssuanceError(
        tr(
            "{what} could not be read from {host}: {reason}",
            what=what,
            host=host_of(urls[0]),
            reason=last.message,
        ),
        details=last.details,
    )
