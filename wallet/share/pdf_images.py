"""Which picture of a credential goes into its PDF, and reading it safely.

An EDC carries official page images (one per language); a badge carries its badge image.
Only images inside the credential are used (never fetched from a URL), and a raster image
is decoded only when its declared size is sane, so a crafted image cannot exhaust memory.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from io import BytesIO

from fpdf.enums import ResourceAccessPolicy
from PIL import Image as PilImage

from wallet.model import Image, MicroCredentialView, normalise_language

log = logging.getLogger(__name__)

MAX_IMAGE_PIXELS = 40_000_000  # a 300 dpi A4 page is about 8.7 million pixels
MAX_IMAGE_BYTES = 8 * 1024 * 1024
# fpdf2 would otherwise follow links inside an SVG to local files and web servers.
NO_RESOURCE_ACCESS = ResourceAccessPolicy.NONE
_RASTER_TYPES = {"image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp"}


@dataclass(frozen=True)
class DrawableImage:
    role: str  # "page" | "badge"
    source: PilImage.Image | BytesIO  # a decoded raster, or SVG bytes for fpdf2
    pixel_size: tuple[int, int]


def choose_image(view: MicroCredentialView, lang: str) -> Image | None:
    """The EDC page in ``lang`` (else English, else any page), else the badge image."""
    inline = [i for i in view.images if i.data]
    pages = sorted((i for i in inline if i.role == "page"), key=lambda i: i.page or 0)
    wanted = normalise_language(lang)
    for language in (wanted, "en", None):
        for page in pages:
            if language is None or (
                page.language and normalise_language(page.language) == language
            ):
                return page
    return next((i for i in inline if i.role == "badge"), None)


def load_drawable(image: Image) -> DrawableImage | None:
    """A decoded image ready for the PDF, or ``None`` (logged) when it cannot be drawn."""
    data = image.data
    if not data or len(data) > MAX_IMAGE_BYTES:
        log.info("image skipped: %s bytes", len(data) if data else 0)
        return None
    media_type = image.media_type.lower()
    if media_type == "image/svg+xml":
        return _svg(data, image.role)
    if media_type not in _RASTER_TYPES:
        log.info("image skipped: media type %s", media_type)
        return None
    try:
        with PilImage.open(BytesIO(data)) as probe:
            width, height = probe.size
            if width <= 0 or height <= 0 or width * height > MAX_IMAGE_PIXELS:
                log.info("image skipped: %dx%d pixels", width, height)
                return None
            probe.load()
            raster = probe.convert("RGBA" if probe.mode in ("RGBA", "LA", "P") else "RGB")
    except (OSError, ValueError, PilImage.DecompressionBombError) as exc:
        log.info("image skipped: %s", type(exc).__name__)
        return None
    return DrawableImage(role=image.role, source=raster, pixel_size=(width, height))


def _svg(data: bytes, role: str) -> DrawableImage | None:
    # fpdf2 parses SVG with defusedxml (no entities, no external references) and draws it as
    # vectors; its size comes from the width/height or viewBox it declares.
    from fpdf.svg import SVGObject  # noqa: PLC0415 - only badges in SVG need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # fpdf2 warns about SVGs without a viewBox
            svg = SVGObject(data, resource_access_policy=NO_RESOURCE_ACCESS)
        width, height = svg.width, svg.height
        if not width or not height:
            box = svg.viewbox
            if box is None:
                return None
            width, height = box[2], box[3]
    except Exception as exc:
        log.info("SVG image skipped: %s", type(exc).__name__)
        return None
    if width <= 0 or height <= 0:
        return None
    return DrawableImage(role=role, source=BytesIO(data), pixel_size=(int(width), int(height)))
