"""Put a credential or presentation into QR codes: one code where it fits, else an animation.

``encode_for_qr(data)`` decides, with the formats of ``docs/qr-format.md``:

- one code: ``KR1:`` + Base45(zlib(data)) (``wallet.qr.compact``), when it has at most
  ``max_frame_chars`` characters;
- otherwise BC-UR fountain frames ``UR:BYTES/<n>-<count>/<bytewords>`` carrying the CBOR byte
  string of the same zlib stream, each at most ``max_frame_chars`` characters. The animation
  holds every fragment once and as many mixed frames again (plus a few), so a reader that
  misses frames still finishes within one loop.

Rendering (PNG, SVG, GIF, APNG, module matrix) lives in ``wallet.qr.render``.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

import cbor2

from wallet.errors import QrPayloadTooLarge, SharingError
from wallet.qr.compact import encode_compact
from wallet.qr.fountain import MIN_FRAGMENT_LEN, FountainEncoder
from wallet.qr.ur import multi_part_ur
from wallet.qr.zlib_stream import compress
from wallet.translation import grouped, tr, tr_n

UR_TYPE = "bytes"
# Characters a QR code holds in alphanumeric mode at error correction level M.
QR_VERSION_25_M_CHARS = 1451
QR_VERSION_40_M_CHARS = 3391
# Version 25 (117 modules) still scans from a phone screen or a printed page at arm's length.
DEFAULT_MAX_FRAME_CHARS = QR_VERSION_25_M_CHARS
MIN_FRAME_CHARS = 120
# An animation longer than this is no way to hand over a credential (~7 minutes at 5 fps).
MAX_FRAMES = 2000
# Mixed frames after the pure ones: as many as there are fragments, plus a few for short codes.
EXTRA_FRAMES_MIN = 4


class QrScheme(enum.StrEnum):
    """Whose format the frames are written in: Kredo's (``KR1:`` or BC-UR frames) or the
    Digital Credentials Consortium's ``VP1-`` VPQR, which other wallets read too."""

    KREDO = "kredo"
    VPQR = "vpqr"


@dataclass(frozen=True)
class QrEncoding:
    frames: tuple[str, ...]
    single: bool
    payload_bytes: int  # the original credential or presentation
    compressed_bytes: int  # its zlib stream
    fragments_needed: int  # frames a reader needs at the very least (1 for a single code)
    bytes_per_frame: int  # compressed bytes each frame carries
    max_frame_chars: int
    scheme: QrScheme = QrScheme.KREDO

    @property
    def frame_chars(self) -> int:
        return max(len(frame) for frame in self.frames)

    def summary(self) -> str:
        """One honest sentence about the capacity used."""
        if self.scheme is QrScheme.VPQR:
            return tr(
                "1 QR code in the VPQR format: {size} bytes of JSON as {compressed} bytes of "
                "CBOR-LD, {chars} characters of VP1- text.",
                size=grouped(self.payload_bytes),
                compressed=grouped(self.compressed_bytes),
                chars=grouped(self.frame_chars),
            )
        if self.single:
            return tr(
                "1 QR code: {size} bytes compressed to {compressed}, {chars} characters.",
                size=grouped(self.payload_bytes),
                compressed=grouped(self.compressed_bytes),
                chars=grouped(self.frame_chars),
            )
        return tr_n(
            "Animated QR code: {n} frame needed ({loop} in the loop, so missed frames are "
            "made up), {frame_bytes} bytes per frame, {chars} characters per frame; {size} "
            "bytes compressed to {compressed}.",
            "Animated QR code: {n} frames needed ({loop} in the loop, so missed frames are "
            "made up), {frame_bytes} bytes per frame, {chars} characters per frame; {size} "
            "bytes compressed to {compressed}.",
            self.fragments_needed,
            loop=grouped(len(self.frames)),
            frame_bytes=grouped(self.bytes_per_frame),
            chars=grouped(self.frame_chars),
            size=grouped(self.payload_bytes),
            compressed=grouped(self.compressed_bytes),
        )


def encode_for_qr(data: bytes, *, max_frame_chars: int | None = None) -> QrEncoding:
    limit = frame_limit(max_frame_chars)
    if not data:
        raise SharingError(tr("There is nothing to put into a QR code."))
    compressed = compress(data)
    compact = encode_compact(data)
    if len(compact) <= limit:
        return QrEncoding(
            frames=(compact,),
            single=True,
            payload_bytes=len(data),
            compressed_bytes=len(compressed),
            fragments_needed=1,
            bytes_per_frame=len(compressed),
            max_frame_chars=limit,
        )
    return _multi_part(data, compressed, limit)


def frame_limit(max_frame_chars: int | None) -> int:
    """The most characters one code may hold: the default, or the one asked for when it is
    within what a QR code at error correction level M can carry."""
    limit = DEFAULT_MAX_FRAME_CHARS if max_frame_chars is None else max_frame_chars
    if not MIN_FRAME_CHARS <= limit <= QR_VERSION_40_M_CHARS:
        raise SharingError(
            tr(
                "A QR frame must hold between {low} and {high} characters (asked: {asked}).",
                low=MIN_FRAME_CHARS,
                high=QR_VERSION_40_M_CHARS,
                asked=limit,
            )
        )
    return limit


def _multi_part(data: bytes, compressed: bytes, limit: int) -> QrEncoding:
    message = cbor2.dumps(compressed)
    # Bytewords take 2 characters per byte; a frame adds its header, CBOR framing and CRC.
    max_fragment = (limit - _overhead_chars(max_seq=999)) // 2
    while True:
        if max_fragment < MIN_FRAGMENT_LEN:  # cannot happen above MIN_FRAME_CHARS; never loop
            raise SharingError(
                tr("QR frames of {chars} characters are too small for this.", chars=limit)
            )
        encoder = FountainEncoder(message, max_fragment)
        total = _loop_length(encoder.seq_len)
        if total > MAX_FRAMES:
            raise QrPayloadTooLarge(
                tr(
                    "This needs {total} QR frames; Kredo makes at most {most}. "
                    "Share the file or a presentation instead.",
                    total=grouped(total),
                    most=grouped(MAX_FRAMES),
                )
            )
        frames = tuple(multi_part_ur(UR_TYPE, encoder.part(n)).upper() for n in range(1, total + 1))
        longest = max(len(frame) for frame in frames)
        if longest <= limit:
            return QrEncoding(
                frames=frames,
                single=False,
                payload_bytes=len(data),
                compressed_bytes=len(compressed),
                fragments_needed=encoder.seq_len,
                bytes_per_frame=encoder.fragment_len,
                max_frame_chars=limit,
            )
        max_fragment = encoder.fragment_len - math.ceil((longest - limit) / 2)


def _loop_length(seq_len: int) -> int:
    return 2 * seq_len + EXTRA_FRAMES_MIN


def _overhead_chars(*, max_seq: int) -> int:
    """A first guess at a frame's characters that are not fragment data; the loop in
    ``_multi_part`` shrinks the fragment when a real frame turns out longer."""
    header = len(f"UR:{UR_TYPE}/{max_seq}-{max_seq}/")
    cbor = 1 + 3 + 3 + 5 + 5 + 3  # array, seqNum, seqLen, messageLen, checksum, bstr head
    crc = 4
    return header + 2 * (cbor + crc)
