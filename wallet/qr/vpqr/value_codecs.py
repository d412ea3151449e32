"""CBOR-LD's value codecs: URLs, DIDs, multibase strings and xsd dates as compact CBOR.

Writing follows ``@digitalcredentials/cborld`` 4.3.4 (the DCC wallet's reader) so its output
is byte for byte what that library writes, with one rule on top: a value is compressed only
when it comes back unchanged. Where the JavaScript codec would lose something (a ``did:key``
with two ``#``, base64 with stray characters, a time with an offset) the value stays a plain
string, which every reader passes through.

Reading follows ``@digitalbazaar/cborld`` 8.x, which reads everything 4.3.4 writes plus
``data:`` URLs and base64url multibase. Decoding errors raise :class:`MalformedCredential`.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from wallet.crypto.multibase import base58btc_decode, base58btc_encode
from wallet.errors import MalformedCredential, WalletError
from wallet.qr.vpqr.registry import cborld_registry
from wallet.translation import tr

XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
MULTIBASE = "https://w3id.org/security#multibase"
CRYPTOSUITE_STRING = "https://w3id.org/security#cryptosuiteString"

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DATE_TEXT = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATETIME_TEXT = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z")
# What the DCC reader's uuid library (8.3.2) accepts; anything else stays text.
_UUID_TEXT = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    r"|00000000-0000-0000-0000-000000000000"
)
_HOST_TEXT = re.compile(r"[A-Za-z0-9._~%-]+")
_BASE64_TEXT = re.compile(r"[A-Za-z0-9+/]*={0,2}")
_MULTIBASE_BYTES = {0x7A: "z", 0x75: "u", 0x4D: "M"}


# --- writing ------------------------------------------------------------------------------


def compress_url(value: str) -> list[Any] | None:
    """``[scheme number, rest]`` for http(s), urn:uuid, did:key and did:v1:nym; else None."""
    schemes = cborld_registry().url_schemes_written
    # The reference picks the codec by everything before the last colon, so
    # "https://host:8080/x" or "did:key:z…:x" stay text; so do they here.
    scheme = value.rpartition(":")[0]
    if scheme in ("http", "https"):
        return _compress_http(value, schemes)
    if scheme == "urn:uuid":
        rest = value[len("urn:uuid:") :]
        if _UUID_TEXT.fullmatch(rest):
            return [schemes["urn:uuid:"], bytes.fromhex(rest.replace("-", ""))]
        return [schemes["urn:uuid:"], rest]
    if scheme in ("did:key", "did:v1:nym"):
        return _compress_did(value, scheme + ":", schemes)
    return None


def _compress_http(value: str, schemes: dict[str, int]) -> list[Any] | None:
    for prefix in ("https://", "http://"):
        if value.startswith(prefix):
            rest = value[len(prefix) :]
            authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
            host = authority.rpartition("@")[2]
            if not _HOST_TEXT.fullmatch(host) or any(c.isspace() for c in value):
                return None
            return [schemes[prefix], rest]
    return None


def _compress_did(value: str, prefix: str, schemes: dict[str, int]) -> list[Any] | None:
    suffix = value[len(prefix) :]
    if suffix.count("#") > 1:
        return None  # the reference would silently drop everything after the second '#'
    authority, hash_sign, fragment = suffix.partition("#")
    parts: list[Any] = [schemes[prefix], _base58_or_text(authority)]
    if hash_sign:
        parts.append(_base58_or_text(fragment))
    return parts


def _base58_or_text(text: str) -> bytes | str:
    if text.startswith("z"):
        decoded = _base58(text[1:])
        if decoded is not None:
            return decoded
    return text


def _base58(text: str) -> bytes | None:
    try:
        return base58btc_decode(text)
    except WalletError:
        return None


def compress_multibase(value: str) -> bytes | None:
    """The multibase prefix byte and the decoded bytes, for ``z`` (base58btc) and ``M``."""
    if value.startswith("z"):
        decoded = _base58(value[1:])
        return None if decoded is None else b"z" + decoded
    if value.startswith("M"):
        body = value[1:]
        if not _BASE64_TEXT.fullmatch(body) or len(body) % 4:
            return None
        try:
            raw = base64.b64decode(body, validate=True)
        except binascii.Error:
            return None
        return b"M" + raw if base64.b64encode(raw).decode("ascii") == body else None
    # ``u`` (base64url) is left as text: the DCC reader cannot expand it.
    return None


def compress_date(value: str) -> int | None:
    """Seconds since 1970 for ``YYYY-MM-DD`` (UTC midnight), else None."""
    match = _DATE_TEXT.fullmatch(value)
    if not match:
        return None
    try:
        day = date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    seconds = int((datetime(day.year, day.month, day.day, tzinfo=UTC) - _EPOCH).total_seconds())
    # Dates before 1970 would need a negative integer, which the DCC reader cannot write.
    return seconds if seconds >= 0 else None


def compress_datetime(value: str) -> int | list[int] | None:
    """Seconds (or ``[seconds, milliseconds]``) for ``…T…Z`` times that round-trip exactly."""
    match = _DATETIME_TEXT.fullmatch(value)
    if not match:
        return None
    year, month, day, hour, minute, second, millis = match.groups()
    try:
        moment = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second), tzinfo=UTC
        )
    except ValueError:
        return None
    seconds = int((moment - _EPOCH).total_seconds())
    if seconds < 0:
        return None
    if millis is None:
        return seconds
    return [seconds, int(millis)]


# --- reading ------------------------------------------------------------------------------


def expand_url(value: list[Any]) -> str:
    """A URL from its ``[scheme number, …]`` form."""
    schemes = cborld_registry().scheme_prefixes
    number = value[0] if value else None
    prefix = schemes.get(number) if type(number) is int else None
    if prefix is None:
        raise damaged(
            tr(
                "it holds a compressed URL with the unknown scheme number {number}",
                number=repr(number),
            )
        )
    rest = value[1:]
    if prefix in ("http://", "https://"):
        if len(rest) == 1 and isinstance(rest[0], str):
            return prefix + rest[0]
    elif prefix == "urn:uuid:":
        if len(rest) == 1 and isinstance(rest[0], str):
            return prefix + rest[0]
        if len(rest) == 1 and isinstance(rest[0], bytes) and len(rest[0]) == 16:
            hex_text = rest[0].hex()
            return prefix + "-".join(
                (hex_text[:8], hex_text[8:12], hex_text[12:16], hex_text[16:20], hex_text[20:])
            )
    elif prefix == "data:":
        if len(rest) == 1 and isinstance(rest[0], str):
            return prefix + rest[0]
        if len(rest) == 2 and isinstance(rest[0], str) and isinstance(rest[1], bytes):
            return f"{prefix}{rest[0]};base64,{base64.b64encode(rest[1]).decode('ascii')}"
    elif 1 <= len(rest) <= 2 and all(isinstance(part, (str, bytes)) for part in rest):
        parts = [part if isinstance(part, str) else "z" + base58btc_encode(part) for part in rest]
        return prefix + "#".join(parts)
    raise damaged(
        tr("it holds a compressed {prefix} URL in a form no encoder writes", prefix=prefix)
    )


def expand_multibase(value: bytes) -> str:
    prefix = _MULTIBASE_BYTES.get(value[0]) if value else None
    if prefix is None:
        raise damaged(tr("it holds a multibase value with an unknown base"))
    body = value[1:]
    if prefix == "z":
        return "z" + base58btc_encode(body)
    if prefix == "u":
        return "u" + base64.urlsafe_b64encode(body).rstrip(b"=").decode("ascii")
    return "M" + base64.b64encode(body).decode("ascii")


def expand_date(seconds: int) -> str:
    moment = _moment(seconds * 1000)
    return f"{moment.year:04d}-{moment:%m-%d}"


def expand_datetime(value: int | list[Any]) -> str:
    if isinstance(value, int):
        return _iso(_moment(value * 1000), with_millis=False)
    seconds, millis = value
    moment = _moment(seconds * 1000 + millis)
    return _iso(moment, with_millis=True)


def is_compressed_datetime(value: Any) -> bool:
    if type(value) is int:
        return True
    return isinstance(value, list) and len(value) == 2 and all(type(part) is int for part in value)


def _moment(milliseconds: int) -> datetime:
    try:
        return _EPOCH + timedelta(milliseconds=milliseconds)
    except OverflowError:
        raise damaged(tr("it holds a date outside the years 1 to 9999")) from None


def _iso(moment: datetime, *, with_millis: bool) -> str:
    text = f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}"
    if with_millis or moment.microsecond:
        text += f".{moment.microsecond // 1000:03d}"
    return text + "Z"


def damaged(reason: str) -> MalformedCredential:
    """``reason`` completes the sentence: ``tr("it nests too deeply")``."""
    return MalformedCredential(
        tr("This VP1- QR code is damaged or not CBOR-LD: {reason}.", reason=reason)
    )
