"""What a scanned QR text is: a credential in one of the forms Kredo reads, one frame of a
multi-part code, or something to name and leave alone (a web address, an OpenID4VCI offer).

Nothing here opens the network: a URL or an offer is described, never fetched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

from wallet.errors import MalformedCredential
from wallet.qr.compact import PREFIX as COMPACT_PREFIX
from wallet.qr.compact import decode_compact
from wallet.qr.ur import is_ur
from wallet.translation import tr

PayloadKind = Literal[
    "kredo-compact",
    "vpqr",
    "ur-part",
    "json-credential",
    "jwt",
    "url",
    "openid4vci-offer",
    "unknown",
]

VPQR_PREFIX = "VP1-"
OFFER_SCHEME = "openid-credential-offer://"
# A compact JWS, optionally an SD-JWT: disclosures and a key-binding JWT after "~".
_JWT = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(~[A-Za-z0-9_.~-]*)?$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def describe(kind: PayloadKind) -> str:
    """What a payload of ``kind`` is, as the object of "The QR code holds …"."""
    if kind == "kredo-compact":
        return tr("a credential in a Kredo QR code")
    if kind == "vpqr":
        return tr("a credential in a VPQR (VP1-) code")
    if kind == "ur-part":
        return tr("one frame of a multi-part QR code")
    if kind == "json-credential":
        return tr("a JSON credential written directly into the QR code")
    if kind == "jwt":
        return tr("a JWT credential written directly into the QR code")
    if kind == "url":
        return tr("a web address")
    if kind == "openid4vci-offer":
        return tr("an OpenID4VCI credential offer")
    return tr("text that is not a credential")


@dataclass(frozen=True)
class ScannedPayload:
    kind: PayloadKind
    text: str
    credential: bytes | None = None  # the credential or presentation bytes, where it carries one

    @property
    def description(self) -> str:
        return describe(self.kind)

    def sentence(self) -> str:
        """What Kredo tells a person about a payload it does not verify."""
        if self.kind == "url":
            return tr("The QR code holds a web address; Kredo did not open it: {address}",
                      address=self.text)
        if self.kind == "openid4vci-offer":
            return tr(
                "The QR code holds an OpenID4VCI credential offer (an issuer offering to send "
                "a credential to a wallet); Kredo did not contact the issuer."
            )
        if self.kind == "unknown":
            return tr("The QR code holds text that is not a credential Kredo knows.")
        return tr("The QR code holds {what}.", what=self.description)


def identify_payload(text: str) -> ScannedPayload:
    """Names the payload and, for the kinds that carry a credential, decodes it.

    A damaged Kredo or VPQR code raises its ``WalletError`` (a clear sentence); a frame of a
    multi-part code is only named: ``MultiPartAssembler`` collects frames.
    """
    stripped = text.strip()
    if stripped.startswith(COMPACT_PREFIX):
        return ScannedPayload("kredo-compact", stripped, decode_compact(stripped))
    if stripped.startswith(VPQR_PREFIX):
        return ScannedPayload("vpqr", stripped, _decode_vpqr(stripped))
    if is_ur(stripped):
        return ScannedPayload("ur-part", stripped)
    if stripped.lower().startswith(OFFER_SCHEME):
        return ScannedPayload("openid4vci-offer", stripped)
    if _URL.match(stripped):
        return ScannedPayload("url", stripped)
    if stripped.startswith("{"):
        return ScannedPayload("json-credential", stripped, stripped.encode("utf-8"))
    if _JWT.match(stripped):
        return ScannedPayload("jwt", stripped, stripped.encode("ascii"))
    return ScannedPayload("unknown", stripped)


def _decode_vpqr(text: str) -> bytes:
    # Imported when needed: CBOR-LD and its contexts load only for VPQR codes.
    from wallet.qr.vpqr import decode_vpqr  # noqa: PLC0415

    document = decode_vpqr(text)
    if not isinstance(document, dict):
        raise MalformedCredential(
            tr("The VPQR code does not hold a credential or presentation.")
        )
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
