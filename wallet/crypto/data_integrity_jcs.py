"""JSON Canonicalization Scheme (RFC 8785) and the hash data the ``*-jcs-*`` suites sign.

JCS is the ECMAScript ``JSON.stringify`` of the value with object members sorted by their
names as UTF-16 code units, numbers written the way ECMAScript writes an IEEE 754 double
(RFC 8785 §3.2.2.3), and no whitespace. Python's ``repr`` of a float already gives the
shortest digits that round-trip, as ECMAScript requires; only the layout (where the point
goes, when to switch to an exponent) is ECMAScript's own.

eddsa-jcs-2022 (vc-di-eddsa §3.3) and ecdsa-jcs-2019 (vc-di-ecdsa §3.3) sign
H(JCS(proof configuration)) || H(JCS(unsecured document)).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from cryptography.hazmat.primitives import hashes

from wallet.crypto.data_integrity_hashing import HashData
from wallet.errors import MalformedCredential
from wallet.translation import tr

# ECMAScript writes integers below 10^21 in full and switches to an exponent from there.
_MAX_PLAIN_EXPONENT = 21
# ... and writes 0.000001 in full but 1e-7 with an exponent.
_MIN_PLAIN_EXPONENT = -6
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n",
                  "\r": "\\r", "\t": "\\t"}


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 canonical UTF-8 bytes of a parsed JSON value.

    Raises :class:`MalformedCredential` for what JSON cannot carry canonically: NaN,
    infinities, unpaired surrogates, non-string member names.
    """
    parts: list[str] = []
    _serialize(value, parts)
    try:
        return "".join(parts).encode("utf-8")
    except UnicodeEncodeError:
        raise MalformedCredential(
            tr("The document holds text that is not valid Unicode, so it cannot be "
               "canonicalized.")) from None


def jcs_hash_data(
    document: Mapping[str, Any], proof_config: Mapping[str, Any], algorithm: hashes.HashAlgorithm
) -> HashData:
    """H(JCS(proof configuration)) || H(JCS(document)); JSON has no undefined terms to drop."""
    return HashData(
        data=_digest(canonical_json(proof_config), algorithm)
        + _digest(canonical_json(document), algorithm),
        dropped_terms=(),
    )


def ecmascript_number(number: float) -> str:
    """ECMAScript ``Number.prototype.toString()`` of a finite double (RFC 8785 §3.2.2.3)."""
    if not math.isfinite(number):
        raise MalformedCredential(tr("The document holds a number JSON cannot represent."))
    if number == 0:
        return "0"  # also -0
    if number < 0:
        return "-" + ecmascript_number(-number)
    # digits × 10^(point - len(digits)), with the shortest digits that round-trip
    sign_digits_exponent = Decimal(repr(number)).normalize().as_tuple()
    digits = "".join(str(d) for d in sign_digits_exponent.digits)
    exponent = sign_digits_exponent.exponent
    assert isinstance(exponent, int)  # finite by the check above
    point = exponent + len(digits)
    if len(digits) <= point <= _MAX_PLAIN_EXPONENT:
        return digits + "0" * (point - len(digits))
    if 0 < point <= _MAX_PLAIN_EXPONENT:
        return digits[:point] + "." + digits[point:]
    if _MIN_PLAIN_EXPONENT < point <= 0:
        return "0." + "0" * -point + digits
    shown = point - 1
    mantissa = digits if len(digits) == 1 else digits[0] + "." + digits[1:]
    return f"{mantissa}e{'+' if shown >= 0 else '-'}{abs(shown)}"


def _serialize(value: Any, parts: list[str]) -> None:
    if value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, str):
        parts.append(_string(value))
    elif isinstance(value, int | float):
        # JSON numbers are IEEE 754 doubles (RFC 8785 §3.2.2.3): big integers lose digits.
        try:
            number = float(value)
        except OverflowError:
            number = math.inf  # refused below, as JSON.parse would have made it Infinity
        parts.append(ecmascript_number(number))
    elif isinstance(value, Mapping):
        _serialize_object(value, parts)
    elif isinstance(value, list | tuple):
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(",")
            _serialize(item, parts)
        parts.append("]")
    else:
        raise MalformedCredential(tr("The document holds a value JSON cannot represent."),
                                  details=type(value).__name__)


def _serialize_object(value: Mapping[Any, Any], parts: list[str]) -> None:
    if not all(isinstance(name, str) for name in value):
        raise MalformedCredential(tr("The document holds a value JSON cannot represent."),
                                  details="a member name that is not a string")
    parts.append("{")
    # UTF-16 code units compare as big-endian UTF-16 bytes (RFC 8785 §3.2.3).
    names = sorted(value, key=lambda name: name.encode("utf-16-be", "surrogatepass"))
    for index, name in enumerate(names):
        if index:
            parts.append(",")
        parts.append(_string(name))
        parts.append(":")
        _serialize(value[name], parts)
    parts.append("}")


def _string(text: str) -> str:
    out = ['"']
    for char in text:
        escaped = _SHORT_ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif char < " ":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _digest(data: bytes, algorithm: hashes.HashAlgorithm) -> bytes:
    digest = hashes.Hash(algorithm)
    digest.update(data)
    return digest.finalize()
