"""Credentials and presentations as QR codes: one code where it fits, else an animated one.

The frames come from :mod:`wallet.qr.encode` and are drawn by :mod:`wallet.qr.render`; this
module decides what goes in (a credential of the wallet, a credential file, a freshly signed
presentation), in which kind of image, and logs what the wallet shared. The one path of
``kredo qr`` and the share wizard's QR code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from wallet.app.presenting import PresentationRequest, SignedPresentation, sign_presentation
from wallet.app.share_forms import ShareForm
from wallet.errors import QrPayloadTooLarge, SharingError
from wallet.export.file_output import write_file
from wallet.file_input import read_limited
from wallet.formats import parse_credentials
from wallet.qr.encode import QrEncoding, encode_for_qr
from wallet.qr.render import frames_apng, frames_gif, qr_png, qr_svg
from wallet.store.repository import CredentialRepository
from wallet.translation import tr, tr_n


class QrImageFormat(enum.StrEnum):
    PNG = "png"
    SVG = "svg"
    GIF = "gif"
    APNG = "apng"

    @property
    def animated(self) -> bool:
        return self in (QrImageFormat.GIF, QrImageFormat.APNG)


@dataclass(frozen=True)
class QrImage:
    """An image file of a QR code (or of all the frames of an animated one)."""

    encoding: QrEncoding
    image_format: QrImageFormat
    data: bytes


@dataclass(frozen=True)
class PresentationQr:
    presentation: SignedPresentation
    encoding: QrEncoding


def stored_credential_qr_image(
    repository: CredentialRepository,
    credential_id: int,
    save_to: Path,
    *,
    image_format: QrImageFormat | None = None,
    max_frame_chars: int | None = None,
) -> QrImage:
    """Credential ``credential_id``, exactly as stored, as a QR image written to ``save_to``
    and logged as shared (only once written). ``image_format`` None: as the file name says."""
    raw = repository.get(credential_id).raw
    image = _image(encode_for_qr(raw, max_frame_chars=max_frame_chars), image_format, save_to)
    write_file(save_to, image.data)
    repository.log_share([credential_id], form=ShareForm.QR)
    return image


def credential_file_qr_image(
    path: Path,
    save_to: Path,
    *,
    image_format: QrImageFormat | None = None,
    max_frame_chars: int | None = None,
) -> QrImage:
    """The credential or presentation file ``path`` as a QR image written to ``save_to``.
    Anything else is refused: a QR code from Kredo always carries a credential."""
    raw = read_limited(path)
    parse_credentials(raw)  # raises, in one sentence, for what is no credential
    image = _image(encode_for_qr(raw, max_frame_chars=max_frame_chars), image_format, save_to)
    write_file(save_to, image.data)
    return image


def presentation_qr(
    repository: CredentialRepository,
    request: PresentationRequest,
    *,
    recipient: str | None = None,
    max_frame_chars: int | None = None,
) -> PresentationQr:
    """A signed presentation as QR frames to show on screen, logged as shared by QR."""
    presentation = sign_presentation(repository, request)
    encoding = encode_for_qr(presentation.data, max_frame_chars=max_frame_chars)
    repository.log_share(presentation.credential_ids, form=ShareForm.QR, recipient=recipient)
    return PresentationQr(presentation, encoding)


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


def _image(encoding: QrEncoding, asked: QrImageFormat | None, save_to: Path) -> QrImage:
    image_format = image_format_for(encoding, asked=asked, file_name=save_to.name)
    return QrImage(encoding, image_format, qr_image(encoding, image_format))
