"""Baked badges: a credential inside a PNG (iTXt chunk) or an SVG (``openbadges`` element).

Open Badges 3.0 §5.3 (Baking): PNG iTXt keyword ``openbadgecredential``; SVG
``<openbadges:credential>`` holding the JSON in CDATA or a JWT in its ``verify`` attribute.
Open Badges 2.0 uses the keyword ``openbadges`` and ``<openbadges:assertion>``.

The image is untrusted input: PNG chunks are walked by hand with every declared length
checked against the bytes that remain and against ``MAX_PNG_CHUNK_BYTES``; a compressed iTXt
inflates to at most ``MAX_INFLATED_BYTES``; SVG is parsed by lxml with entities, DTD loading
and network off, and any entity declaration is refused before parsing. ``raw`` stays the image
bytes; ``inner`` is the credential found in it, parsed by the module of its own format.
"""

from __future__ import annotations

import dataclasses
import struct
import zlib
from collections.abc import Iterator

from lxml import etree

from wallet.crypto.jws_compact import looks_like_compact_jws
from wallet.errors import InputTooLarge, MalformedCredential, NotACredential, WalletError
from wallet.formats import ob2, vc_jsonld, vc_jwt
from wallet.inflate import InflateFailure, inflate
from wallet.limits import MAX_INPUT_BYTES, MAX_PNG_CHUNK_BYTES
from wallet.model import Credential, Image
from wallet.translation import tr

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OB3_KEYWORD = b"openbadgecredential"
OB2_KEYWORD = b"openbadges"
OB3_SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
_BADGE_KEYWORDS = (OB3_KEYWORD, OB2_KEYWORD)
_SVG_ELEMENT_NAMES = ("credential", "assertion")


@dataclasses.dataclass(frozen=True)
class _Chunk:
    kind: bytes
    data: bytes
    start: int  # offset of the length field
    end: int  # offset after the CRC


# --- detect / parse ---------------------------------------------------------------------


def detect(raw: bytes) -> bool:
    if raw.startswith(PNG_SIGNATURE):
        return True
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return (head.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE svg"))
            and b"<svg" in raw[:65536]
            and (b"openbadges" in raw or b"imsglobal.org/ob/" in raw))


def parse(raw: bytes) -> Credential:
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLarge(tr("The image is larger than Kredo reads for one badge."))
    if raw.startswith(PNG_SIGNATURE):
        inner, media_type = extract_from_png(raw), "image/png"
    else:
        inner, media_type = extract_from_svg(raw), "image/svg+xml"
    credential = _parse_inner(inner)
    badge = Image(media_type=media_type, data=raw, role="badge")
    view = dataclasses.replace(credential.view, images=(badge, *credential.view.images))
    return Credential(
        raw=raw,
        format=credential.format,
        document=credential.document,
        view=view,
        media_type=media_type,
        inner=inner,
        extras={**credential.extras, "inner_media_type": credential.media_type},
    )


def _parse_inner(inner: bytes) -> Credential:
    # Imported directly, not through the registry: the registry imports this module.
    for module in (ob2, vc_jwt, vc_jsonld):
        if module.detect(inner):
            credential: Credential = module.parse(inner)
            return credential
    if inner.strip().startswith((b"http://", b"https://")):
        raise NotACredential(
            tr("This badge image only points to its assertion on the web; Kredo does not fetch it.")
        )
    raise NotACredential(tr("The badge image carries something that is not a credential."))


# --- PNG --------------------------------------------------------------------------------


def _chunks(png: bytes) -> Iterator[_Chunk]:
    if not png.startswith(PNG_SIGNATURE):
        raise MalformedCredential(tr("The file is not a PNG image."))
    offset = len(PNG_SIGNATURE)
    while True:
        if len(png) - offset < 12:
            raise MalformedCredential(tr("The PNG image is truncated (a chunk header is cut off)."))
        (length,) = struct.unpack_from(">I", png, offset)
        kind = png[offset + 4: offset + 8]
        if length > MAX_PNG_CHUNK_BYTES:
            raise InputTooLarge(
                tr("The PNG image declares a chunk larger than Kredo reads."),
                details=f"declared {length} bytes",
            )
        end = offset + 12 + length
        if end > len(png):
            raise MalformedCredential(
                tr("The PNG image is truncated (a chunk is longer than the file)."),
                details=f"declared {length} bytes, {len(png) - offset - 12} remain",
            )
        data = png[offset + 8: offset + 8 + length]
        yield _Chunk(kind, data, offset, end)
        if kind == b"IEND":
            return
        offset = end


def _check_crc(png: bytes, chunk: _Chunk) -> None:
    (crc,) = struct.unpack_from(">I", png, chunk.end - 4)
    if zlib.crc32(chunk.kind + chunk.data) != crc:
        raise MalformedCredential(tr("The PNG chunk holding the badge is damaged (bad checksum)."))


def _badge_text(chunk: _Chunk) -> bytes | None:
    """The credential text of an ``iTXt``/``tEXt`` badge chunk, or ``None`` for other chunks."""
    keyword, sep, rest = chunk.data.partition(b"\x00")
    if not sep or keyword not in _BADGE_KEYWORDS:
        return None
    if chunk.kind == b"tEXt":
        return rest
    if len(rest) < 2:
        raise MalformedCredential(tr("The PNG badge chunk is truncated."))
    compressed, method = rest[0], rest[1]
    fields = rest[2:].split(b"\x00", 2)
    if len(fields) != 3:
        raise MalformedCredential(tr("The PNG badge chunk is malformed (missing separators)."))
    text = fields[2]
    if compressed == 0:
        return text
    if compressed != 1 or method != 0:
        raise MalformedCredential(tr("The PNG badge chunk uses an unknown compression."))
    return _inflate(text)


def _inflate(data: bytes) -> bytes:
    result = inflate(data)
    if result.failure is InflateFailure.DAMAGED:
        raise MalformedCredential(tr("The compressed badge text in the PNG is damaged."))
    if result.failure is InflateFailure.TOO_LARGE:
        raise InputTooLarge(tr("The compressed badge text in the PNG inflates past Kredo's limit."))
    if result.failure is InflateFailure.TRUNCATED:
        raise MalformedCredential(tr("The compressed badge text in the PNG is truncated."))
    return result.data


def extract_from_png(png: bytes) -> bytes:
    """The credential bytes baked into a PNG."""
    found: bytes | None = None
    for chunk in _chunks(png):
        if chunk.kind not in (b"iTXt", b"tEXt"):
            continue
        text = _badge_text(chunk)
        if text is None:
            continue
        _check_crc(png, chunk)
        if found is not None:
            raise MalformedCredential(tr("The PNG image carries more than one badge."))
        found = text
    if found is None:
        raise NotACredential(tr("This PNG image carries no Open Badge."))
    return found


def bake_png(png: bytes, credential: bytes, *, ob3: bool) -> bytes:
    """``png`` with ``credential`` in an uncompressed iTXt chunk right after IHDR.

    An existing badge chunk is replaced (a PNG may carry only one).
    """
    keyword = OB3_KEYWORD if ob3 else OB2_KEYWORD
    try:
        credential.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedCredential(tr("A credential to bake must be UTF-8 text.")) from None
    data = keyword + b"\x00\x00\x00\x00\x00" + credential
    if len(data) > MAX_PNG_CHUNK_BYTES:
        raise InputTooLarge(tr("The credential is too large to bake into a PNG image."))
    new_chunk = struct.pack(">I", len(data)) + b"iTXt" + data + struct.pack(
        ">I", zlib.crc32(b"iTXt" + data))
    out = bytearray(PNG_SIGNATURE)
    for chunk in _chunks(png):
        if chunk.kind in (b"iTXt", b"tEXt") and _is_badge_chunk(chunk):
            continue
        out += png[chunk.start: chunk.end]
        if chunk.kind == b"IHDR":
            out += new_chunk
    return bytes(out)


def _is_badge_chunk(chunk: _Chunk) -> bool:
    return chunk.data.partition(b"\x00")[0] in _BADGE_KEYWORDS


# --- SVG --------------------------------------------------------------------------------


def _safe_svg_root(svg: bytes) -> etree._Element:
    if len(svg) > MAX_INPUT_BYTES:
        raise InputTooLarge(tr("The SVG image is larger than Kredo reads for one badge."))
    if b"<!ENTITY" in svg:
        # Entities are how billion-laughs and external-entity attacks start; badges need none.
        raise MalformedCredential(tr("The SVG image declares XML entities, which Kredo refuses."))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=False)
    try:
        root = etree.fromstring(svg, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedCredential(tr("The SVG image is not well-formed XML."),
                                  details=str(exc)[:200]) from None
    if root is None:
        raise MalformedCredential(tr("The SVG image is empty."))
    return root


def extract_from_svg(svg: bytes) -> bytes:
    """The credential bytes baked into an SVG (CDATA text, else the ``verify`` attribute)."""
    root = _safe_svg_root(svg)
    found: list[bytes] = []
    for element in root.iter(etree.Element):
        qname = etree.QName(element)
        namespace = qname.namespace or ""
        if qname.localname not in _SVG_ELEMENT_NAMES or not (
            "openbadges" in namespace or "imsglobal" in namespace
        ):
            continue
        text = (element.text or "").strip()
        value = text or (element.get("verify") or "").strip()
        if value:
            found.append(value.encode("utf-8"))
    if not found:
        raise NotACredential(tr("This SVG image carries no Open Badge."))
    if len(found) > 1:
        raise MalformedCredential(tr("The SVG image carries more than one badge."))
    return found[0]


def bake_svg(svg: bytes, credential: bytes) -> bytes:
    """``svg`` with an OB 3.0 ``<openbadges:credential>`` as the first child of the root.

    A JWT goes into the ``verify`` attribute, JSON into CDATA (OB 3.0 §5.3.2).
    """
    root = _safe_svg_root(svg)
    try:
        text = credential.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise MalformedCredential(tr("A credential to bake must be UTF-8 text.")) from None
    for old in root.findall(f"{{{OB3_SVG_NAMESPACE}}}credential"):
        root.remove(old)
    element = etree.Element(etree.QName(OB3_SVG_NAMESPACE, "credential"),
                            nsmap={"openbadges": OB3_SVG_NAMESPACE})
    if looks_like_compact_jws(credential):
        element.set("verify", text)
    elif "]]>" in text:
        element.text = text  # cannot be CDATA; lxml escapes it instead
    else:
        element.text = etree.CDATA(text)
    root.insert(0, element)
    try:
        out: bytes = etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8")
    except (ValueError, etree.LxmlError) as exc:  # pragma: no cover - defensive
        raise WalletError(tr("The badge could not be written into the SVG image."),
                          details=str(exc)) from None
    return out
