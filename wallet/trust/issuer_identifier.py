"""The identifiers an issuer can be trusted by, in one canonical spelling.

Three kinds name an issuer in the credentials Kredo reads: a DID (W3C VCs, Open Badges 3.0,
SD-JWT VC), an https origin (Open Badges 2.0 hosted issuers, did:web look-alikes) and the
organisation identifier of an eSeal certificate (ETSI EN 319 412-1 §5.1.4, such as
``NTRCZ-00216224`` or ``VATES-A00000000``), which is what an EDC seal names. Comparing them
needs one spelling: a DID without its fragment, an origin in lower case without a path, an
organisation identifier with its scheme and country in capitals.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from wallet.errors import FormatError
from wallet.translation import tr

IdentifierKind = Literal["did", "https", "eseal"]

_DID = re.compile(r"^did:[a-z0-9]+:[A-Za-z0-9._:%\-]+$")
# 3-letter scheme (VAT, NTR, PSD, LEI ...), 2-letter country (or XG/XX), hyphen, reference.
_ESEAL = re.compile(r"^([A-Za-z]{3})([A-Za-z]{2})-(\S.*)$")
_MAX_LENGTH = 2048


def identifier_kind(value: str) -> IdentifierKind:
    return _classify(value.strip())[0]


def normalise_issuer_identifier(value: str) -> str:
    """The canonical spelling of ``value``; raises :class:`FormatError` if it names no issuer."""
    return _classify(value.strip())[1]


def _classify(value: str) -> tuple[IdentifierKind, str]:
    if not value or len(value) > _MAX_LENGTH:
        raise FormatError(_not_an_identifier())
    if value.startswith("did:"):
        did = value.split("#", 1)[0].split("?", 1)[0]
        if _DID.match(did):
            return "did", did
    elif value.lower().startswith("https://"):
        parts = urlsplit(value)
        if parts.hostname and not parts.username and not parts.password:
            port = f":{parts.port}" if parts.port and parts.port != 443 else ""
            return "https", f"https://{parts.hostname.lower()}{port}"
    else:
        match = _ESEAL.match(value)
        if match:
            scheme, country, reference = match.groups()
            return "eseal", f"{scheme.upper()}{country.upper()}-{reference}"
    raise FormatError(
        _not_an_identifier(),
        details="expected a DID, an https origin or an eSeal organisation identifier",
    )


def _not_an_identifier() -> str:
    return tr("That is not an issuer identifier Kredo understands.")
