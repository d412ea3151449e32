"""The text in the QR code: ``VP1-`` + a multibase prefix + the CBOR-LD bytes.

Kredo writes ``B`` (RFC 4648 base32, upper case, no padding), the only form
``@digitalcredentials/vpqr`` 2.2.1 (the DCC wallet) reads; all its characters are in the
QR alphanumeric set. It reads ``B`` and also ``R`` (RFC 9285 base45), the default of
``@digitalbazaar/vpqr`` 6.0.0.
"""

from __future__ import annotations

import base64
import binascii
import re

from wallet.errors import FormatError, InputTooLarge
from wallet.qr.base45 import b45decode
from wallet.translation import tr

VPQR_PREFIX = "VP1-"
BASE32_UPPER = "B"
BASE45 = "R"
# Kredo reads VP1- text from QR codes (at most 4,296 characters) and from files; this cap
# keeps the CBOR-LD under envelope.MAX_CBORLD_BYTES.
MAX_VPQR_TEXT_CHARS = 110_000
_BASE32_TEXT = re.compile(r"[A-Z2-7]*")


def vpqr_text(cborld: bytes) -> str:
    encoded = base64.b32encode(cborld).decode("ascii").rstrip("=")
    return f"{VPQR_PREFIX}{BASE32_UPPER}{encoded}"


def looks_like_vpqr(text: str) -> bool:
    return text.lstrip().startswith(VPQR_PREFIX)


def cborld_from_vpqr_text(text: str) -> bytes:
    if not isinstance(text, str):
        raise FormatError(tr("A VP1- QR code's content must be text."))
    # Base45 uses the space character, so only line breaks around the text are dropped.
    text = text.lstrip().rstrip("\r\n")
    if len(text) > MAX_VPQR_TEXT_CHARS:
        raise InputTooLarge(
            tr(
                "The VP1- text is {chars} characters long; Kredo reads at most {most}.",
                chars=len(text),
                most=MAX_VPQR_TEXT_CHARS,
            )
        )
    if not text.startswith(VPQR_PREFIX):
        raise FormatError(
            tr("This is not a VP1- QR code: the text does not start with 'VP1-'.")
        )
    body = text[len(VPQR_PREFIX) :]
    base, encoded = body[:1], body[1:]
    if base == BASE32_UPPER:
        return _base32(encoded)
    if base == BASE45:
        return b45decode(encoded)
    raise FormatError(
        tr(
            "This VP1- QR code uses an encoding Kredo does not read "
            "(expected 'B' for base32 or 'R' for base45 after 'VP1-')."
        ),
        details=f"multibase prefix {base!r}",
    )


def _base32(encoded: str) -> bytes:
    if not _BASE32_TEXT.fullmatch(encoded) or len(encoded) % 8 in (1, 3, 6):
        raise FormatError(tr("This VP1- QR code's base32 text is damaged."))
    try:
        return base64.b32decode(encoded + "=" * (-len(encoded) % 8))
    except binascii.Error:
        raise FormatError(tr("This VP1- QR code's base32 text is damaged.")) from None
