"""Every stream of a PDF sized before pdfium decodes any of them: the decompression-bomb guard.

pdfium unpacks a stream whole before anyone can ask how large it is: a 1 MB PDF whose
attached file inflates to 1 GiB took 2.1 GB of memory, and an inline image of 10 × 10 pixels
whose data inflates to 1 GiB 2.4 GB. So :func:`check_pdf_streams` reads the file first, the
way pdfium's recovery does (every ``stream`` keyword, the object dictionary before it), and:

1. refuses an encrypted PDF: its streams cannot be sized without decrypting them;
2. runs every filter it can decode with a cap on the output, per stream and for the whole file;
3. checks the size every image declares (in the PDF, and for JPEG and JPEG 2000 in the image's
   own header, which is what pdfium allocates by) before any pixel is decoded;
4. does the same for the inline images inside every decoded content stream.

A stream whose dictionary cannot be read is still sized if it holds a zlib stream. Only the
amount of output is looked at; what a stream means is pdfium's business.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from wallet.errors import InputTooLarge, MalformedCredential
from wallet.limits import (
    MAX_INPUT_BYTES,
    MAX_PDF_DECODED_BYTES,
    MAX_PDF_IMAGE_PIXELS,
    MAX_PDF_STREAM_BYTES,
)
from wallet.qr import pdf_filters
from wallet.qr.image_headers import DeclaredSize, jpeg_size, jpx_size
from wallet.qr.pdf_filters import OutputTooLarge
from wallet.qr.pdf_syntax import (
    Name,
    PdfObject,
    PdfSyntaxError,
    Reference,
    parse_object,
    skip_space,
)
from wallet.translation import grouped, tr, tr_n

Buffer = bytes | memoryview

MAX_OBJECTS = 250_000  # a 100-page report has ~20,000; a credential PDF a few hundred
MAX_STREAMS = 20_000
MAX_INLINE_IMAGES = 20_000
_MIB = 1024 * 1024
_WS = rb"[\x00\t\n\x0c\r ]"
_OBJECT = re.compile(
    rb"(?<![0-9])(\d{1,10})" + _WS + rb"+\d{1,5}" + _WS + rb"+obj(?![A-Za-z0-9])")
_STREAM = re.compile(rb"(?<![A-Za-z])stream(?![A-Za-z])")
_TRAILER = re.compile(rb"(?<![A-Za-z])trailer(?![A-Za-z])")
_INLINE_IMAGE = re.compile(rb"(?<![^\x00\t\n\x0c\r \]\)>])BI(?=[\x00\t\n\x0c\r /%])")
_INLINE_DATA = re.compile(rb"ID[\x00\t\n\x0c\r ]")
# Where a JPEG's frame header or a JPEG 2000 SIZ marker must be found (past any metadata).
_CODEC_HEADER_WINDOW = 4 * _MIB
_SAMPLES_PER_PIXEL = 3  # JPEG and JPEG 2000 decode every component: allow colour, not 200 planes
# Inline-image keys (ISO 32000-1 table 93) by their full names.
_INLINE_KEYS = {"W": "Width", "H": "Height", "F": "Filter", "DP": "DecodeParms"}
# Streams that are data, not drawing: inline images are not looked for in them.
_NOT_CONTENT = frozenset({"EmbeddedFile", "Metadata", "XRef", "ObjStm"})


def check_pdf_streams(data: bytes) -> None:
    """Raise :class:`InputTooLarge` (or :class:`MalformedCredential`) unless every stream of
    the PDF ``data`` decodes within Kredo's caps (``wallet.limits``)."""
    _Document(data).check()


@dataclass(frozen=True)
class _Stream:
    dictionary: dict[str, PdfObject] | None  # None: no readable dictionary before it
    body: bytes


class _Document:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.decoded = 0
        self.starts: list[int] = []  # where each "N G obj" begins, in file order
        self.ends: list[int] = []  # just past its "obj"
        self.by_number: dict[int, list[int]] = {}  # object number → indexes into starts
        self.cache: dict[int, PdfObject] = {}
        self.object_streams: list[tuple[bytes, int, int]] = []  # (decoded, /First, /N)
        self.packed: dict[int, list[tuple[int, int]]] | None = None  # number → (which, offset)

    # --- the steps --------------------------------------------------------------------------

    def check(self) -> None:
        self._index_objects()
        streams = list(self._streams())
        self._refuse_encryption(streams)
        # Object streams first: the dictionaries of the others may point into them.
        for stream in streams:
            if stream.dictionary is not None and stream.dictionary.get("Type") == "ObjStm":
                decoded = self._decode(stream.dictionary, stream.body, MAX_PDF_STREAM_BYTES)
                first = self._last_int(stream.dictionary.get("First"))
                count = self._last_int(stream.dictionary.get("N"))
                if decoded is not None and first is not None and count is not None:
                    self.object_streams.append((decoded, first, count))
        for stream in streams:
            if stream.dictionary is None:
                self._sniff(stream.body)
            elif stream.dictionary.get("Type") != "ObjStm":
                self._check(stream.dictionary, stream.body)

    def _index_objects(self) -> None:
        for count, match in enumerate(_OBJECT.finditer(self.data)):
            if count >= MAX_OBJECTS:
                raise InputTooLarge(tr("The PDF has more than {limit} objects; Kredo does not "
                                       "read it.", limit=grouped(MAX_OBJECTS)))
            self.by_number.setdefault(int(match.group(1)), []).append(len(self.starts))
            self.starts.append(match.start())
            self.ends.append(match.end())

    def _streams(self) -> Iterator[_Stream]:
        data = self.data
        for count, match in enumerate(_STREAM.finditer(data)):
            if count >= MAX_STREAMS:
                raise InputTooLarge(tr("The PDF has more than {limit} streams; Kredo does not "
                                       "read it.", limit=grouped(MAX_STREAMS)))
            keyword = match.start()
            dictionary = self._dictionary_before(keyword)
            start = _line_after(data, match.end())
            yield _Stream(dictionary, data[start:self._stream_end(dictionary, start)])

    def _refuse_encryption(self, streams: list[_Stream]) -> None:
        trailers: list[PdfObject] = []
        for match in _TRAILER.finditer(self.data):
            try:
                trailers.append(parse_object(self.data, match.end())[0])
            except PdfSyntaxError:
                continue
        trailers += [s.dictionary for s in streams
                     if s.dictionary is not None and s.dictionary.get("Type") == "XRef"]
        if any(isinstance(t, dict) and "Encrypt" in t for t in trailers):
            raise MalformedCredential(tr(
                "The PDF is encrypted, and Kredo reads only PDFs without protection; save or "
                "print it again without a password."))

    # --- one stream ---------------------------------------------------------------------------

    def _check(self, dictionary: dict[str, PdfObject], body: bytes) -> None:
        if self._is_image(dictionary):
            self._check_image(dictionary, body)
            return
        kind = dictionary.get("Type")
        limit = MAX_INPUT_BYTES if kind == "EmbeddedFile" else MAX_PDF_STREAM_BYTES
        decoded = self._decode(dictionary, body, limit)
        if decoded is not None and kind not in _NOT_CONTENT:
            self._check_inline_images(decoded)

    def _is_image(self, dictionary: dict[str, PdfObject]) -> bool:
        # A soft mask need not say /Subtype /Image; pdfium reads one by its /Width and /Height.
        if dictionary.get("Subtype") == "Image":
            return True
        return "Width" in dictionary and "Height" in dictionary

    def _check_image(self, dictionary: dict[str, PdfObject], body: bytes) -> None:
        width = self._max_int(dictionary.get("Width"))
        height = self._max_int(dictionary.get("Height"))
        if width is None or height is None:
            if any(isinstance(dictionary.get(k), Reference) for k in ("Width", "Height")):
                raise _unknown_image_size()
            # pdfium draws no image without a width and a height; size its data as any stream.
            self._decode(dictionary, body, MAX_PDF_STREAM_BYTES)
            return
        _check_pixels(width, height)
        filters = self._filters(dictionary)
        # pdfium decodes a last Flate or RunLength filter of an image line by line, bounded
        # by the image's size; an image codec at its own header's size (checked below).
        if filters and filters[-1][0] in pdf_filters.SCANLINE_IMAGE:
            filters = filters[:-1]
        encoded, codec = self._run_capped(filters, body, MAX_PDF_STREAM_BYTES)
        if codec is not None:
            _check_codec(codec, encoded)

    def _check_inline_images(self, content: bytes) -> None:
        if b"ID" not in content:
            return
        for count, match in enumerate(_INLINE_IMAGE.finditer(content)):
            if count >= MAX_INLINE_IMAGES:
                raise InputTooLarge(tr("The PDF draws more than {limit} inline images; Kredo "
                                       "does not read it.", limit=grouped(MAX_INLINE_IMAGES)))
            found = _inline_image(content, match.end())
            if found is None:
                continue
            dictionary, data_start = found
            width = self._max_int(dictionary.get("Width"))
            height = self._max_int(dictionary.get("Height"))
            if width is not None and height is not None:
                _check_pixels(width, height)
            # pdfium decodes an inline image's data whole to find where it ends.
            encoded, codec = self._run_capped(self._filters(dictionary),
                                              memoryview(content)[data_start:],
                                              MAX_PDF_STREAM_BYTES)
            if codec is not None:
                _check_codec(codec, encoded)

    def _sniff(self, body: bytes) -> None:
        """A stream without a readable dictionary: size it if it holds zlib streams."""
        try:
            for _ in range(4):
                if not _looks_like_zlib(body):
                    return
                body = pdf_filters.inflate(body, MAX_PDF_STREAM_BYTES)
                self._count(len(body))
        except OutputTooLarge:
            raise _stream_too_large() from None

    # --- filters ---------------------------------------------------------------------------

    def _filters(self, dictionary: dict[str, PdfObject]) -> list[tuple[str, dict[str, PdfObject]]]:
        names = self._resolved(dictionary.get("Filter"))
        params = self._resolved(dictionary.get("DecodeParms"))
        if not isinstance(names, list):
            names = [names]
        if not isinstance(params, list):
            params = [params] * len(names)
        chain = []
        for index, entry in enumerate(names):
            name = self._resolved(entry)
            if not isinstance(name, Name):
                continue
            parms = self._resolved(params[index]) if index < len(params) else None
            chain.append((str(name), parms if isinstance(parms, dict) else {}))
        return chain

    def _decode(self, dictionary: dict[str, PdfObject], body: bytes, limit: int) -> bytes | None:
        """The stream's data as pdfium hands it on, or None when an image codec would still
        have to decode it (nothing else looks inside then)."""
        try:
            decoded, codec = self._run(self._filters(dictionary), body, limit)
        except OutputTooLarge:
            if dictionary.get("Type") == "EmbeddedFile":
                raise InputTooLarge(
                    tr("A file attached to the PDF is larger than Kredo reads (16 MiB).")
                ) from None
            raise _stream_too_large() from None
        return bytes(decoded) if codec is None else None

    def _run_capped(self, filters: list[tuple[str, dict[str, PdfObject]]], body: Buffer,
                    limit: int) -> tuple[Buffer, str | None]:
        try:
            return self._run(filters, body, limit)
        except OutputTooLarge:
            raise _stream_too_large() from None

    def _run(self, filters: list[tuple[str, dict[str, PdfObject]]], body: Buffer,
             limit: int) -> tuple[Buffer, str | None]:
        """``body`` through the filters decoded here, up to the first image codec (pdfium
        hands the data to it as it is then): that data and the codec's name, if any."""
        for name, parms in filters:
            if name in pdf_filters.CRYPT:
                continue
            if name not in pdf_filters.DECODED_HERE:
                return body, name
            early = self._last_int(parms.get("EarlyChange"))
            body = pdf_filters.decode(name, body, limit,
                                      early_change=1 if early is None else early)
            self._count(len(body))
        return body, None

    def _count(self, size: int) -> None:
        self.decoded += size
        if self.decoded > MAX_PDF_DECODED_BYTES:
            raise InputTooLarge(tr(
                "The PDF unpacks to more than {limit} MB in all, so Kredo does not read it (it "
                "may be a decompression bomb).", limit=MAX_PDF_DECODED_BYTES // _MIB))

    # --- objects ---------------------------------------------------------------------------

    def _dictionary_before(self, keyword: int) -> dict[str, PdfObject] | None:
        index = bisect.bisect_right(self.starts, keyword) - 1
        if index < 0:
            return None
        value, end = self._parse(self.ends[index])
        if isinstance(value, dict) and skip_space(self.data, end) == keyword:
            return value
        return None

    def _parse(self, position: int) -> tuple[PdfObject, int]:
        try:
            return parse_object(self.data, position)
        except PdfSyntaxError:
            return None, -1

    def _stream_end(self, dictionary: dict[str, PdfObject] | None, start: int) -> int:
        """Where pdfium ends the data: at /Length if ``endstream`` follows, else at the next
        ``endstream``."""
        data = self.data
        length = self._last_int(dictionary.get("Length")) if dictionary is not None else None
        if length is not None and 0 <= length <= len(data) - start:
            after = data[start + length:start + length + 32].lstrip(b"\x00\t\n\x0c\r ")
            if after.startswith(b"endstream"):
                return start + length
        found = data.find(b"endstream", start)
        return found if found >= 0 else len(data)

    def _values(self, value: PdfObject, depth: int = 0) -> list[PdfObject]:
        """Every value a reference may stand for (an object can be defined more than once)."""
        if not isinstance(value, Reference):
            return [value]
        if depth > 8:
            return []
        found: list[PdfObject] = []
        for index in self.by_number.get(value.number, []):
            position = self.ends[index]
            if position not in self.cache:
                self.cache[position] = self._parse(position)[0]
            found += self._values(self.cache[position], depth + 1)
        for packed in self._packed(value.number):
            found += self._values(packed, depth + 1)
        return found

    def _packed(self, number: int) -> Iterator[PdfObject]:
        """The definitions of object ``number`` inside object streams."""
        if self.packed is None:
            self.packed = {}
            for which, (decoded, first, count) in enumerate(self.object_streams):
                for object_number, offset in _object_stream_index(decoded[:first], count):
                    self.packed.setdefault(object_number, []).append((which, first + offset))
        for which, position in self.packed.get(number, []):
            try:
                yield parse_object(self.object_streams[which][0], position)[0]
            except PdfSyntaxError:
                continue

    def _resolved(self, value: PdfObject) -> PdfObject:
        values = self._values(value)
        return values[-1] if values else None

    def _last_int(self, value: PdfObject) -> int | None:
        resolved = self._resolved(value)
        return resolved if isinstance(resolved, int) and not isinstance(resolved, bool) else None

    def _max_int(self, value: PdfObject) -> int | None:
        numbers = [v for v in self._values(value) if isinstance(v, int | float)
                   and not isinstance(v, bool)]
        return int(max(numbers)) if numbers and max(numbers) > 0 else None


def _line_after(data: bytes, position: int) -> int:
    """Where stream data starts: after the end of the line the keyword is on (as pdfium)."""
    newline = data.find(b"\n", position)
    carriage = data.find(b"\r", position)
    if carriage >= 0 and (newline < 0 or carriage < newline):
        return carriage + (2 if data[carriage + 1:carriage + 2] == b"\n" else 1)
    return newline + 1 if newline >= 0 else len(data)


def _object_stream_index(header: bytes, count: int) -> Iterator[tuple[int, int]]:
    """(object number, offset) pairs from an object stream's header (ISO 32000-1 §7.5.7)."""
    fields = header.split()[:2 * max(count, 0)]
    for index in range(0, len(fields) - 1, 2):
        if fields[index].isdigit() and fields[index + 1].isdigit():
            yield int(fields[index]), int(fields[index + 1])


def _inline_image(content: bytes, position: int) -> tuple[dict[str, PdfObject], int] | None:
    """An inline image's dictionary (keys by their full names) and where its data starts."""
    entries: dict[str, PdfObject] = {}
    for _ in range(64):
        position = skip_space(content, position)
        data = _INLINE_DATA.match(content, position)
        if data:
            return entries, data.end()
        try:
            key, position = parse_object(content, position)
            value, position = parse_object(content, position)
        except PdfSyntaxError:
            return None
        if not isinstance(key, Name):
            return None
        entries[_INLINE_KEYS.get(str(key), str(key))] = value
    return None


def _check_pixels(width: int, height: int) -> None:
    if width * height > MAX_PDF_IMAGE_PIXELS:
        raise InputTooLarge(tr(
            "The PDF holds an image of {width} × {height} pixels; Kredo reads PDF images of at "
            "most {limit} megapixels.",
            width=grouped(width), height=grouped(height), limit=MAX_PDF_IMAGE_PIXELS // 10**6))


def _check_codec(name: str, data: Buffer) -> None:
    """JPEG and JPEG 2000 decode at the size in their own header: check that one too."""
    declared: DeclaredSize | None
    encoded = bytes(data[:_CODEC_HEADER_WINDOW])
    if name in pdf_filters.DCT:
        start = encoded.find(b"\xff\xd8")  # pdfium looks for the start of image as well
        declared = jpeg_size(encoded[start:]) if start >= 0 else None
    elif name in pdf_filters.JPX:
        declared = jpx_size(encoded)
    else:
        return
    if declared is None:
        return  # no frame header: the codec cannot decode it either
    _check_pixels(declared.width, declared.height)
    if declared.samples > MAX_PDF_IMAGE_PIXELS * _SAMPLES_PER_PIXEL:
        raise InputTooLarge(tr_n(
            "The PDF holds an image with {n} colour channel per pixel; Kredo does not read it.",
            "The PDF holds an image with {n} colour channels per pixel; Kredo does not read it.",
            declared.components))


def _looks_like_zlib(data: bytes) -> bool:
    if len(data) < 2:
        return False
    cmf, flg = data[0], data[1]
    return cmf & 0x0F == 8 and cmf >> 4 <= 7 and (cmf * 256 + flg) % 31 == 0


def _stream_too_large() -> InputTooLarge:
    return InputTooLarge(tr(
        "The PDF holds a part that unpacks to more than {limit} MB, so Kredo does not read it "
        "(it may be a decompression bomb).", limit=MAX_PDF_STREAM_BYTES // _MIB))


def _unknown_image_size() -> InputTooLarge:
    return InputTooLarge(tr("The PDF holds an image whose size Kredo cannot tell, so Kredo does "
                            "not read it."))
