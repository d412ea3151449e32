"""PDF stream filters (ISO 32000-1 §7.4) decoded with a cap on their output.

:mod:`wallet.qr.pdf_streams` runs every stream of a PDF through these before pdfium sees the
file, so a stream that would unpack to gigabytes is found at the cap, in bounded memory. Like
pdfium, a decoder stops at its end-of-data marker or at the first damage and keeps what came
before; only the amount of output matters here, never its meaning.

Image codecs (DCT, JPX, JBIG2, CCITT) are not decoded: an image's size is bounded by the
dimensions it declares (see :mod:`wallet.qr.image_headers`).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib

# Filter names and their abbreviations (the short ones appear in inline images).
FLATE = frozenset({"FlateDecode", "Fl"})
LZW = frozenset({"LZWDecode", "LZW"})
RUN_LENGTH = frozenset({"RunLengthDecode", "RL"})
ASCII_HEX = frozenset({"ASCIIHexDecode", "AHx"})
ASCII_85 = frozenset({"ASCII85Decode", "A85"})
DCT = frozenset({"DCTDecode", "DCT"})
JPX = frozenset({"JPXDecode"})
CRYPT = frozenset({"Crypt"})
# pdfium hands a stream whose last filter is one of these to its image decoders line by line,
# so their output is bounded by the image's declared size, not by this module.
SCANLINE_IMAGE = FLATE | RUN_LENGTH
DECODED_HERE = FLATE | LZW | RUN_LENGTH | ASCII_HEX | ASCII_85

_CHUNK = 64 * 1024
_LZW_TABLE = 4096  # 12-bit codes
_HEX_END = re.compile(rb"[^0-9A-Fa-f\x00\t\n\x0c\r ]")
_HEX_NOISE = re.compile(rb"[\x00\t\n\x0c\r ]+")
_A85_END = re.compile(rb"[^!-uz]")
_A85_TERMINATOR = re.compile(rb"~>")


Buffer = bytes | memoryview


class OutputTooLarge(Exception):
    """A decoder passed its cap."""


def decode(name: str, data: Buffer, limit: int, *, early_change: int = 1) -> bytes:
    """``data`` through the filter ``name``; raises :class:`OutputTooLarge` past ``limit``."""
    if name in FLATE:
        return inflate(data, limit)
    if name in LZW:
        return lzw_decode(data, limit, early_change=early_change)
    if name in RUN_LENGTH:
        return run_length_decode(data, limit)
    if name in ASCII_HEX:
        return _checked(hex_decode(data), limit)
    if name in ASCII_85:
        return _checked(a85_decode(data), limit)
    raise ValueError(f"{name} is not decoded here")


def inflate(data: Buffer, limit: int) -> bytes:
    """A zlib stream (pdfium reads no raw deflate), fed in chunks so damage keeps the output
    before it."""
    inflater = zlib.decompressobj()
    out = bytearray()
    position = 0
    pending: Buffer = b""
    try:
        while not inflater.eof:
            if not pending:
                if position >= len(data):
                    break
                pending = data[position:position + _CHUNK]
                position += _CHUNK
            before = len(pending)
            piece = inflater.decompress(pending, limit + 1 - len(out))
            pending = inflater.unconsumed_tail
            out += piece
            if len(out) > limit:
                raise OutputTooLarge
            if not piece and len(pending) == before:
                break
    except zlib.error:
        pass
    return bytes(out)


def lzw_decode(data: Buffer, limit: int, *, early_change: int = 1) -> bytes:
    """LZW as PDF uses it: 9- to 12-bit codes, 256 clears the table, 257 ends the data."""
    out = bytearray()
    table: list[bytes] = [bytes([i]) for i in range(256)] + [b"", b""]
    width, buffer, held = 9, 0, 0
    previous: bytes | None = None
    for byte in data:
        buffer = (buffer << 8) | byte
        held += 8
        while held >= width:
            held -= width
            code = buffer >> held
            buffer &= (1 << held) - 1
            if code == 256:
                del table[258:]
                width, previous = 9, None
                continue
            if code == 257:
                return bytes(out)
            if code < len(table):
                entry = table[code]
                if previous is not None and len(table) < _LZW_TABLE:
                    table.append(previous + entry[:1])
            elif code == len(table) and previous is not None:
                entry = previous + previous[:1]
                table.append(entry)
            else:
                return bytes(out)  # damage: stop, as pdfium does
            out += entry
            if len(out) > limit:
                raise OutputTooLarge
            previous = entry
            if len(table) + early_change >= 1 << width and width < 12:
                width += 1
    return bytes(out)


def run_length_decode(data: Buffer, limit: int) -> bytes:
    out = bytearray()
    position, end = 0, len(data)
    while position < end:
        length = data[position]
        if length == 128:
            break
        if length < 128:
            out += data[position + 1:position + 2 + length]
            position += length + 2
        elif position + 1 < end:
            out += bytes((data[position + 1],)) * (257 - length)
            position += 2
        else:
            break
        if len(out) > limit:
            raise OutputTooLarge
    return bytes(out)


def hex_decode(data: Buffer) -> bytes:
    end = _HEX_END.search(data)
    digits = _HEX_NOISE.sub(b"", data[:end.start()] if end else data)
    if len(digits) % 2:
        digits += b"0"
    return binascii.unhexlify(digits)


def a85_decode(data: Buffer) -> bytes:
    end = _A85_TERMINATOR.search(data)
    body = _HEX_NOISE.sub(b"", data if end is None else data[:end.start()])
    bad = _A85_END.search(body)
    valid = body[:bad.start()] if bad else body
    try:
        return base64.a85decode(valid)
    except ValueError:  # a damaged last group: keep the whole groups before it
        try:
            return base64.a85decode(valid[:len(valid) - len(valid) % 5])
        except ValueError:
            return b""


def _checked(out: bytes, limit: int) -> bytes:
    if len(out) > limit:
        raise OutputTooLarge
    return out
