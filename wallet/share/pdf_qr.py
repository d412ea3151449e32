"""The verification QR code of the credential PDF: the whole credential in one code, or none.

A PDF page shows one still picture, so only a single code makes sense there; a credential
that needs an animated code travels as the PDF's attachment instead.
"""

from __future__ import annotations

from wallet.errors import QrPayloadTooLarge
from wallet.qr.encode import encode_for_qr
from wallet.qr.render import qr_png


def single_qr_png(raw: bytes) -> bytes | None:
    """A PNG of one QR code carrying ``raw`` (Kredo's compact form), or ``None`` when it
    does not fit one code."""
    try:
        encoding = encode_for_qr(raw)
    except QrPayloadTooLarge:
        return None
    if not encoding.single:
        return None
    return qr_png(encoding.frames[0])
