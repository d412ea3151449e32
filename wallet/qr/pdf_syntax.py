"""Just enough of PDF's object syntax (ISO 32000-1 §7.3) to read the dictionaries of streams.

Used by :mod:`wallet.qr.pdf_streams` to size every stream before pdfium decodes one. It reads
one object at a given offset: names, numbers, strings, arrays, dictionaries and references;
anything it cannot read raises :class:`PdfSyntaxError`, and the caller decides what that means.
Recursion is bounded (pdfium itself stops at 64 levels).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

MAX_NESTING = 64
_SKIP = re.compile(rb"(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*")
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_REGULAR = re.compile(rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]*")
_REFERENCE = re.compile(
    rb"[\x00\t\n\x0c\r ]+(\d{1,10})[\x00\t\n\x0c\r ]+R(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STRING_SPECIAL = re.compile(rb"[()\\]")


class PdfSyntaxError(ValueError):
    """The bytes at that offset are not a PDF object this reader understands."""


class Name(str):
    """A PDF name (``/FlateDecode``), without its slash."""

    __slots__ = ()


@dataclass(frozen=True)
class Reference:
    number: int
    generation: int


PdfObject: TypeAlias = (bool | int | float | bytes | Name | Reference | list["PdfObject"]
                        | dict[str, "PdfObject"] | None)


def skip_space(data: bytes, position: int) -> int:
    """The offset of the next token after white space and comments."""
    match = _SKIP.match(data, position)
    return match.end() if match else position


def parse_object(data: bytes, position: int) -> tuple[PdfObject, int]:
    """The object starting at ``position`` (after white space) and the offset just past it."""
    return _Parser(data).value(skip_space(data, position), 0)


class _Parser:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def value(self, at: int, depth: int) -> tuple[PdfObject, int]:
        if depth > MAX_NESTING:
            raise PdfSyntaxError("nested too deeply")
        data = self.data
        if at >= len(data):
            raise PdfSyntaxError("end of data")
        if data[at:at + 2] == b"<<":
            return self.dictionary(at + 2, depth)
        lead = data[at]
        if lead == ord("["):
            return self.array(at + 1, depth)
        opener = _STRING_OPENERS.get(lead)
        if opener is not None:
            return opener(self, at + 1)
        number = _NUMBER.match(data, at)
        if number:
            return self.number_or_reference(number)
        word = _REGULAR.match(data, at)
        token = word.group() if word else b""
        if token in _KEYWORDS:
            return _KEYWORDS[token], at + len(token)
        raise PdfSyntaxError(f"unexpected {data[at:at + 8]!r}")

    def number_or_reference(self, number: re.Match[bytes]) -> tuple[PdfObject, int]:
        text = number.group()
        if b"." in text:
            return float(text), number.end()
        if len(text.lstrip(b"+-")) > 18:
            raise PdfSyntaxError("number too long")
        reference = _REFERENCE.match(self.data, number.end())
        if reference and text.isdigit():
            return Reference(int(text), int(reference.group(1))), reference.end()
        return int(text), number.end()

    def dictionary(self, at: int, depth: int) -> tuple[dict[str, PdfObject], int]:
        entries: dict[str, PdfObject] = {}
        data = self.data
        while True:
            at = skip_space(data, at)
            if data[at:at + 2] == b">>":
                return entries, at + 2
            if data[at:at + 1] != b"/":
                raise PdfSyntaxError("dictionary key is not a name")
            key, at = self.name(at + 1)
            value, at = self.value(skip_space(data, at), depth + 1)
            entries[key] = value

    def array(self, at: int, depth: int) -> tuple[list[PdfObject], int]:
        items: list[PdfObject] = []
        data = self.data
        while True:
            at = skip_space(data, at)
            if data[at:at + 1] == b"]":
                return items, at + 1
            item, at = self.value(at, depth + 1)
            items.append(item)

    def name(self, at: int) -> tuple[Name, int]:
        word = _REGULAR.match(self.data, at)
        raw = word.group() if word else b""
        text = _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
        return Name(text.decode("latin-1")), at + len(raw)

    def literal_string(self, at: int) -> tuple[bytes, int]:
        # Only the extent matters here (the values of strings never size a stream).
        data, level, start = self.data, 1, at
        while (special := _STRING_SPECIAL.search(data, at)) is not None:
            at = special.end()
            byte = special.group()
            if byte == b"\\":  # the next byte is taken literally
                at += 1
            elif byte == b"(":
                level += 1
            else:
                level -= 1
                if level == 0:
                    return data[start:at - 1], at
        raise PdfSyntaxError("unterminated string")

    def hex_string(self, at: int) -> tuple[bytes, int]:
        end = self.data.find(b">", at)
        if end < 0:
            raise PdfSyntaxError("unterminated hex string")
        return self.data[at:end], end + 1


# What a value starting with this byte is read as (names and the two kinds of string).
_STRING_OPENERS: dict[int, Callable[[_Parser, int], tuple[PdfObject, int]]] = {
    ord("/"): _Parser.name,
    ord("("): _Parser.literal_string,
    ord("<"): _Parser.hex_string,
}
_KEYWORDS: dict[bytes, PdfObject] = {b"true": True, b"false": False, b"null": None}
