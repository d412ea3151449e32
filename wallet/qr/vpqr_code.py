"""A JSON-LD credential or presentation as one VPQR (``VP1-``) code, the form other wallets
read (the DCC Learner Credential Wallet among them), when it fits one code.

``encode_vpqr_for_qr(data)`` gives a :class:`QrEncoding` of one frame, or raises a
:class:`SharingError` whose sentence says why VPQR cannot carry this credential (not JSON-LD,
a context Kredo does not bundle, a property no context defines, too large for one code). The
caller then falls back to Kredo's own codes (:func:`wallet.qr.encode.encode_for_qr`).
"""

from __future__ import annotations

from wallet.errors import FormatError, QrPayloadTooLarge, SharingError
from wallet.json_input import load_json, looks_like_json_object
from wallet.qr.encode import QrEncoding, QrScheme, frame_limit
from wallet.qr.vpqr import encode_vpqr
from wallet.qr.vpqr.qr_text import cborld_from_vpqr_text
from wallet.translation import grouped, tr

# Characters a QR code of version 30 (137 modules) holds in alphanumeric mode at level M.
QR_VERSION_30_M_CHARS = 1994
# One code that every VPQR wallet reads is worth a denser code than Kredo's own (version 25),
# which can fall back to an animation: a signed presentation of one Open Badge takes about
# 1,750 characters. Denser than version 30, phones struggle with a code on a laptop screen.
DEFAULT_MAX_VPQR_CHARS = QR_VERSION_30_M_CHARS


def encode_vpqr_for_qr(data: bytes, *, max_frame_chars: int | None = None) -> QrEncoding:
    """One ``VP1-`` code of at most ``max_frame_chars`` characters (default
    :data:`DEFAULT_MAX_VPQR_CHARS`), or a :class:`SharingError` saying why not."""
    limit = frame_limit(DEFAULT_MAX_VPQR_CHARS if max_frame_chars is None else max_frame_chars)
    if not looks_like_json_object(data):
        raise SharingError(tr("VPQR carries only JSON-LD credentials; this one is not JSON."))
    try:
        document = load_json(data, what=tr("The credential"))
    except FormatError as exc:
        raise SharingError(exc.message, details=exc.details) from None
    if not isinstance(document, dict) or "@context" not in document:
        raise SharingError(
            tr("VPQR carries only JSON-LD credentials; this one names no JSON-LD context.")
        )
    try:
        text = encode_vpqr(document)
    except FormatError as exc:
        raise SharingError(exc.message, details=exc.details) from None
    if len(text) > limit:
        raise QrPayloadTooLarge(
            tr(
                "As VPQR it takes {chars} characters, more than one easily scanned QR code "
                "holds ({most}).",
                chars=grouped(len(text)),
                most=grouped(limit),
            )
        )
    cborld = cborld_from_vpqr_text(text)
    return QrEncoding(
        frames=(text,),
        single=True,
        payload_bytes=len(data),
        compressed_bytes=len(cborld),
        fragments_needed=1,
        bytes_per_frame=len(cborld),
        max_frame_chars=limit,
        scheme=QrScheme.VPQR,
    )
