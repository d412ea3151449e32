"""Collect the frames of a multi-part QR code, from any number of images, in any order.

``MultiPartAssembler.add(text)`` takes one ``ur:`` text (a camera frame, a file, a frame of an
animated image); ``progress`` says how far it got; when ``complete``, ``credential()`` gives
the original bytes. A frame of another code is refused with a clear sentence, so two codes
scanned at once never mix.
"""

from __future__ import annotations

from dataclasses import dataclass

import cbor2
from PIL import Image

from wallet.errors import MalformedCredential, SharingError
from wallet.qr.decode import decode_image
from wallet.qr.fountain import FountainDecoder
from wallet.qr.ur import is_ur, parse_ur
from wallet.qr.zlib_stream import inflate, looks_like_zlib
from wallet.translation import tr, tr_n

KREDO_UR_TYPE = "bytes"


@dataclass(frozen=True)
class AssemblyProgress:
    fragments_known: int  # independent pieces recovered (the code is complete at the total)
    fragments_total: int | None  # None before the first frame
    frames_read: int

    @property
    def fraction(self) -> float:
        if not self.fragments_total:
            return 0.0
        return self.fragments_known / self.fragments_total

    def sentence(self) -> str:
        if self.fragments_total is None:
            return tr("No frame of a multi-part QR code has been read yet.")
        return tr_n(
            "{known} of {n} part of the multi-part QR code recovered {frames}.",
            "{known} of {n} parts of the multi-part QR code recovered {frames}.",
            self.fragments_total,
            known=self.fragments_known,
            frames=tr_n("from {n} frame", "from {n} frames", self.frames_read),
        )


class MultiPartAssembler:
    def __init__(self) -> None:
        self._decoder = FountainDecoder()
        self._message: bytes | None = None
        self._frames_read = 0

    @property
    def started(self) -> bool:
        return self._frames_read > 0

    @property
    def complete(self) -> bool:
        return self._message is not None

    @property
    def progress(self) -> AssemblyProgress:
        if self._message is not None:
            total = self._decoder.seq_len or 1
            return AssemblyProgress(total, total, self._frames_read)
        return AssemblyProgress(
            self._decoder.fragments_known, self._decoder.seq_len, self._frames_read
        )

    def add(self, text: str) -> bool:
        """Adds one ``ur:`` frame; True when it brought something new."""
        if not is_ur(text):
            raise SharingError(tr("This QR code is not a frame of a multi-part code."))
        parsed = parse_ur(text)
        if parsed.type != KREDO_UR_TYPE:
            raise SharingError(tr(
                "This multi-part QR code carries '{type}', not a credential.", type=parsed.type
            ))
        if parsed.message is not None:  # a single-part UR: the whole message at once
            new = self._finish(parsed.message)
            self._frames_read += 1
            return new
        assert parsed.part is not None
        new = self._decoder.receive(parsed.part)  # refuses a frame of another code
        self._frames_read += 1
        if self._message is None and self._decoder.complete:
            return self._finish(self._decoder.message())
        return new

    def add_image(self, image: Image.Image) -> bool:
        """Adds every ``ur:`` frame found in one picture (a camera frame or a file)."""
        new = False
        for text in decode_image(image):
            if is_ur(text):
                new = self.add(text) or new
        return new

    def _finish(self, message: bytes) -> bool:
        if self._message is not None:
            if message != self._message:
                raise SharingError(tr(
                    "This QR code belongs to another multi-part code than the one already read."
                ))
            return False
        self._message = message
        return True

    def credential(self) -> bytes:
        """The credential or presentation bytes the code carries (inflated, capped)."""
        if self._message is None:
            raise SharingError(tr(
                "The multi-part QR code is not complete yet: {progress}",
                progress=self.progress.sentence(),
            ))
        return unwrap_message(self._message)


def unwrap_message(message: bytes) -> bytes:
    """A UR ``bytes`` message is a CBOR byte string; Kredo's hold a zlib stream (inflated
    under the cap), other wallets' may hold the file itself."""
    try:
        content = cbor2.loads(message)
    except Exception as exc:  # cbor2 raises several types for broken input
        raise MalformedCredential(tr("The multi-part QR code's content is damaged.")) from exc
    if not isinstance(content, bytes) or cbor2.dumps(content) != message:
        raise MalformedCredential(
            tr("The multi-part QR code does not hold a single byte string.")
        )
    if looks_like_zlib(content):
        return inflate(content)
    return content
