"""The link a verifier shows (QR code, button, pasted text) read into its request parameters.

OpenID4VP 1.0 §5: an authorization request travels as URL query parameters, under a custom
scheme (``openid4vp://``, HAIP's ``haip-vp://``) or an https address of the wallet. It carries
the request itself (by value: plain parameters, or a signed request object in ``request``) or
a ``request_uri`` to fetch it from (by reference, §5.7; ``request_uri_method`` ``get`` or
``post``, §5.10). Reading a link opens no connection.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import parse_qs, urlsplit

from wallet.errors import PresentationRequestError
from wallet.translation import tr

REQUEST_SCHEMES = frozenset({"openid4vp", "haip-vp"})
MAX_LINK_CHARS = 32 * 1024  # a request by value with its query fits; a QR holds far less
MAX_PARAMETER_CHARS = 16 * 1024
_BY_REFERENCE_METHODS = frozenset({"get", "post"})


@dataclass(frozen=True)
class RequestLink:
    """A request link's parameters: ``request_uri`` (by reference), ``request`` (a signed
    request object by value) or neither (plain parameters by value)."""

    client_id: str | None
    request_uri: str | None
    request_uri_method: str  # "get" or "post"
    request: str | None
    parameters: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def by_reference(self) -> bool:
        return self.request_uri is not None


def is_request_link(text: str) -> bool:
    """A verifier's request: a request scheme, or an https link naming a client and a request."""
    try:
        parts = urlsplit(text.strip()[:MAX_LINK_CHARS])
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme in REQUEST_SCHEMES:
        return True
    query = parse_qs(parts.query)
    return scheme == "https" and "client_id" in query and (
        "request_uri" in query or "request" in query or "response_type" in query
    )


def parse_request_link(text: str) -> RequestLink:
    """The parameters of a request link; raises :class:`PresentationRequestError` for text
    that is not one, or that breaks OpenID4VP's rules on which parameters go together."""
    link = text.strip()
    if not link or len(link) > MAX_LINK_CHARS:
        raise PresentationRequestError(tr("The verifier's link is empty or too long."))
    if not is_request_link(link):
        raise PresentationRequestError(
            tr("This is not a request from a verifier (an OpenID4VP link)."),
            details=link[:80],
        )
    parameters = _single_parameters(urlsplit(link).query)
    request_uri = parameters.pop("request_uri", None)
    request = parameters.pop("request", None)
    method_given = parameters.pop("request_uri_method", None)
    method = (method_given or "get").lower()
    client_id = parameters.get("client_id")
    if request_uri is not None and request is not None:
        raise PresentationRequestError(
            tr("The verifier's link carries both a request and an address to fetch one from.")
        )
    if method not in _BY_REFERENCE_METHODS or (request_uri is None and method_given):
        raise PresentationRequestError(
            tr("The verifier's link asks for its request in a way OpenID4VP does not define."),
            details=f"request_uri_method {method[:20]!r}",
        )
    if not client_id:
        raise PresentationRequestError(tr("The verifier's link does not say who is asking."),
                                       details="no client_id")
    if request_uri is None and request is None and "response_type" not in parameters:
        raise PresentationRequestError(
            tr("The verifier's link holds no request."), details="no request, request_uri or "
            "response_type")
    return RequestLink(client_id=client_id, request_uri=request_uri, request_uri_method=method,
                       request=request, parameters=MappingProxyType(parameters))


def _single_parameters(query: str) -> dict[str, str]:
    """Each parameter once (RFC 6749 §3.1: a repeated parameter is an error)."""
    found: dict[str, str] = {}
    try:
        pairs = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query),
                         max_num_fields=64)
    except ValueError:
        raise PresentationRequestError(tr("The verifier's link is not well formed.")) from None
    for name, values in pairs.items():
        if len(values) != 1:
            raise PresentationRequestError(
                tr("The verifier's link repeats the parameter {name}.", name=name[:40])
            )
        if len(values[0]) > MAX_PARAMETER_CHARS:
            raise PresentationRequestError(
                tr("The parameter {name} of the verifier's link is too long.", name=name[:40])
            )
        found[name] = values[0]
    return found
