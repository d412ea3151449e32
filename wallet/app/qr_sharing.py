"""Credentials and presentations as QR codes, in the most widely readable form that fits.

By default (:func:`choose_qr_encoding`): the DCC's VPQR (``VP1-``) when the credential is
JSON-LD that fits one code, since other wallets read it; else Kredo's single ``KR1:`` code;
else Kredo's animated frames. The choice carries who can read it, an estimate of the scanning
time of an animation, and the figures for experts. The frames come from :mod:`wallet.qr.encode`
and :mod:`wallet.qr.vpqr_code` and are drawn by :mod:`wallet.qr.render`; this module decides
what goes in (a credential of the wallet, a credential file, a freshly signed presentation),
in which kind of image, and logs what the wallet shared. The one path of ``kredo qr`` and the
share wizard's QR code.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from pathlib import Path

from wallet.app.presenting import PresentationRequest, SignedPresentation, sign_presentation
from wallet.app.share_forms import ShareForm
from wallet.errors import QrPayloadTooLarge, SharingError
from wallet.export.file_output import write_file
from wallet.file_input import read_limited
from wallet.formats import parse_credentials
from wallet.qr.encode import QrEncoding, QrScheme, encode_for_qr
from wallet.qr.render import FRAME_MS, frames_apng, frames_gif, qr_png, qr_svg
from wallet.qr.vpqr_code import encode_vpqr_for_qr
from wallet.store.repository import CredentialRepository
from wallet.translation import grouped, tr, tr_n


class QrImageFormat(enum.StrEnum):
    PNG = "png"
    SVG = "svg"
    GIF = "gif"
    APNG = "apng"

    @property
    def animated(self) -> bool:
        return self in (QrImageFormat.GIF, QrImageFormat.APNG)


class QrEncodingChoice(enum.StrEnum):
    """What the learner asked for: the best that fits, or one scheme by name."""

    AUTO = "auto"
    VPQR = "vpqr"
    KREDO = "kredo"


class QrKind(enum.StrEnum):
    """The code that was made, from the most widely readable to the least."""

    VPQR = "vpqr"
    KREDO_SINGLE = "kredo-single"
    KREDO_ANIMATED = "kredo-animated"


FRAMES_PER_SECOND = 1000 / FRAME_MS  # the rate of the animated images and of the GUI


@dataclass(frozen=True)
class ScanEstimate:
    """How long a phone needs in front of an animated code.

    Assumption: the code plays at :data:`FRAMES_PER_SECOND` and the scanner catches every
    frame it is shown, so it needs ``frames_needed`` frames (the fountain code's fragments);
    a scanner that misses frames makes them up from the mixed frames of the same loop, so
    one full loop is the most it should take.
    """

    frames_needed: int
    frames_in_loop: int
    frames_per_second: float

    @property
    def seconds(self) -> int:
        return max(1, math.ceil(self.frames_needed / self.frames_per_second))

    @property
    def loop_seconds(self) -> int:
        return max(1, math.ceil(self.frames_in_loop / self.frames_per_second))

    def sentence(self) -> str:
        return tr_n(
            "Expect about {n} second of steady scanning: the code shows {rate} frames a "
            "second and a phone that catches every frame needs {needed} of them. One that "
            "misses some keeps reading for up to one full loop ({loop} s).",
            "Expect about {n} seconds of steady scanning: the code shows {rate} frames a "
            "second and a phone that catches every frame needs {needed} of them. One that "
            "misses some keeps reading for up to one full loop ({loop} s).",
            self.seconds,
            rate=grouped(round(self.frames_per_second)),
            needed=grouped(self.frames_needed),
            loop=grouped(self.loop_seconds),
        )


@dataclass(frozen=True)
class QrChoice:
    """The code chosen for a credential or presentation, and what to tell the learner."""

    encoding: QrEncoding
    vpqr_refusal: str | None = None  # why VPQR was not used, when it was tried

    @property
    def kind(self) -> QrKind:
        if self.encoding.scheme is QrScheme.VPQR:
            return QrKind.VPQR
        return QrKind.KREDO_SINGLE if self.encoding.single else QrKind.KREDO_ANIMATED

    def readers(self) -> str:
        """Who can scan this code, honestly."""
        if self.kind is QrKind.VPQR:
            return tr(
                "Any wallet that reads DCC VPQR codes (such as the DCC Learner Credential "
                "Wallet) can scan this code, and so can Kredo."
            )
        if self.kind is QrKind.KREDO_SINGLE:
            return tr("Only Kredo can read this code.")
        return tr("Only Kredo can read this animated code.")

    def scan_estimate(self) -> ScanEstimate | None:
        if self.encoding.single:
            return None
        return ScanEstimate(self.encoding.fragments_needed, len(self.encoding.frames),
                            FRAMES_PER_SECOND)

    def explanation(self) -> str:
        """The plain-words text: who can read it, why no other wallet can, how long it takes."""
        parts = [self.readers()]
        if self.kind is not QrKind.VPQR and self.vpqr_refusal is not None:
            parts.append(tr("This credential cannot be written in the VPQR form that other "
                            "wallets read."))
        estimate = self.scan_estimate()
        if estimate is not None:
            parts.append(estimate.sentence())
        return " ".join(parts)

    def expert_details(self) -> str:
        """The technical figures (frames, bytes per frame, compression) and why VPQR was not
        used, for experts."""
        if self.kind is QrKind.VPQR or self.vpqr_refusal is None:
            return self.encoding.summary()
        return self.encoding.summary() + " " + tr("VPQR: {reason}", reason=self.vpqr_refusal)


def choose_qr_encoding(
    data: bytes,
    *,
    encoding: QrEncodingChoice = QrEncodingChoice.AUTO,
    max_frame_chars: int | None = None,
) -> QrChoice:
    """VPQR where it fits one code, else Kredo's single code, else Kredo's animation; or the
    scheme asked for (VPQR that cannot be written raises its reason as a SharingError)."""
    if encoding is QrEncodingChoice.KREDO:
        return QrChoice(encode_for_qr(data, max_frame_chars=max_frame_chars))
    try:
        return QrChoice(encode_vpqr_for_qr(data, max_frame_chars=max_frame_chars))
    except SharingError as exc:
        if encoding is QrEncodingChoice.VPQR:
            raise
        refusal = exc.message
    return QrChoice(encode_for_qr(data, max_frame_chars=max_frame_chars), refusal)


@dataclass(frozen=True)
class QrImage:
    """An image file of a QR code (or of all the frames of an animated one)."""

    choice: QrChoice
    image_format: QrImageFormat
    data: bytes

    @property
    def encoding(self) -> QrEncoding:
        return self.choice.encoding


@dataclass(frozen=True)
class PresentationQr:
    presentation: SignedPresentation
    choice: QrChoice

    @property
    def encoding(self) -> QrEncoding:
        return self.choice.encoding


def stored_credential_qr_image(
    repository: CredentialRepository,
    credential_id: int,
    save_to: Path,
    *,
    image_format: QrImageFormat | None = None,
    max_frame_chars: int | None = None,
    encoding: QrEncodingChoice = QrEncodingChoice.AUTO,
) -> QrImage:
    """Credential ``credential_id`` as a QR image written to ``save_to`` and logged as shared
    (only once written): exactly as stored in Kredo's codes, key for key in VPQR.
    ``image_format`` None: as the file name says."""
    raw = repository.get(credential_id).raw
    choice = choose_qr_encoding(raw, encoding=encoding, max_frame_chars=max_frame_chars)
    image = _image(choice, image_format, save_to)
    write_file(save_to, image.data)
    repository.log_share([credential_id], form=ShareForm.QR)
    return image


def credential_file_qr_image(
    path: Path,
    save_to: Path,
    *,
    image_format: QrImageFormat | None = None,
    max_frame_chars: int | None = None,
    encoding: QrEncodingChoice = QrEncodingChoice.AUTO,
) -> QrImage:
    """The credential or presentation file ``path`` as a QR image written to ``save_to``.
    Anything else is refused: a QR code from Kredo always carries a credential."""
    raw = read_limited(path)
    parse_credentials(raw)  # raises, in one sentence, for what is no credential
    choice = choose_qr_encoding(raw, encoding=encoding, max_frame_chars=max_frame_chars)
    image = _image(choice, image_format, save_to)
    write_file(save_to, image.data)
    return image


def presentation_qr(
    repository: CredentialRepository,
    request: PresentationRequest,
    *,
    recipient: str | None = None,
    max_frame_chars: int | None = None,
    encoding: QrEncodingChoice = QrEncodingChoice.AUTO,
) -> PresentationQr:
    """A signed presentation as QR frames to show on screen, logged as shared by QR."""
    presentation = sign_presentation(repository, request)
    choice = choose_qr_encoding(presentation.data, encoding=encoding,
                                max_frame_chars=max_frame_chars)
    repository.log_share(presentation.credential_ids, form=ShareForm.QR, recipient=recipient)
    return PresentationQr(presentation, choice)


def image_format_for(
    encoding: QrEncoding, *, asked: QrImageFormat | None, file_name: str
) -> QrImageFormat:
    """The format asked for, else the one the file name ends in; a code of several frames
    in a ``.png`` file is an animated PNG (APNG), which is still a ``.png``."""
    if asked is not None:
        return asked
    suffix = file_name.rpartition(".")[2].lower() if "." in file_name else ""
    try:
        named = QrImageFormat(suffix)
    except ValueError:
        raise SharingError(
            tr(
                "Say which image to write ({formats}): “{name}” does not tell.",
                formats=", ".join(QrImageFormat),
                name=file_name,
            )
        ) from None
    if named is QrImageFormat.PNG and not encoding.single:
        return QrImageFormat.APNG
    return named


def qr_image(encoding: QrEncoding, image_format: QrImageFormat) -> bytes:
    """The image file's bytes; a still image of a code that needs several frames is refused
    (it would show a part of the credential that no reader can use)."""
    if not image_format.animated and not encoding.single:
        raise QrPayloadTooLarge(
            tr_n(
                "This needs {n} QR frame, which a still {format} cannot show; write an "
                "animation (GIF or APNG) instead.",
                "This needs {n} QR frames, which a still {format} cannot show; write an "
                "animation (GIF or APNG) instead.",
                encoding.fragments_needed,
                format=image_format.value.upper(),
            )
        )
    if image_format is QrImageFormat.PNG:
        return qr_png(encoding.frames[0])
    if image_format is QrImageFormat.SVG:
        return qr_svg(encoding.frames[0])
    if image_format is QrImageFormat.GIF:
        return frames_gif(encoding.frames)
    return frames_apng(encoding.frames)


def _image(choice: QrChoice, asked: QrImageFormat | None, save_to: Path) -> QrImage:
    encoding = choice.encoding
    image_format = image_format_for(encoding, asked=asked, file_name=save_to.name)
    return QrImage(choice, image_format, qr_image(encoding, image_format))
