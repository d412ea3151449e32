"""Read a JAdES seal (JWS JSON serialization) from raw bytes, keeping the signed strings exact.

A JAdES B-LTA seal signs ``ASCII(protected) + "." + payload`` with ``b64: false``: the
payload is *not* base64url-encoded, so the signed bytes are the UTF-8 of the ``payload``
JSON string after JSON unescaping (``\\r\\n`` in the file means the bytes CR LF were signed).
Nothing here re-serializes anything; every string is kept as the file holds it.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

from wallet.base64url import b64url_decode
from wallet.errors import MalformedCredential
from wallet.json_input import load_json_object
from wallet.translation import tr

_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")
# The unprotected ETSI values we read; others are tolerated but ignored.
ETSIU_NAMES = ("sigTst", "xVals", "rVals", "arcTst")


# ``what`` below names a part of the seal as the subject of a sentence: a ``tr()`` noun
# phrase such as ``tr("The seal's signature")``.


def b64_decode(text: object, *, what: str) -> bytes:
    """Standard base64 (used for ``x5c`` and ETSI ``val`` entries, RFC 7515 §4.1.6)."""
    if not isinstance(text, str) or not _BASE64.fullmatch(text):
        raise MalformedCredential(tr("{what} is not valid base64 text.", what=what))
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error:
        raise MalformedCredential(tr("{what} is not valid base64 text.", what=what)) from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise MalformedCredential(
                tr("The seal header repeats the parameter {name}.", name=repr(key)))
        result[key] = value
    return result


def _decode_json_b64url(text: str, *, what: str) -> dict[str, Any]:
    """A base64url part of the seal as a JSON object, read by the one JSON reader (bounded
    depth, no NaN, no lone surrogates), refusing a header parameter given twice."""
    return load_json_object(b64url_decode(text, what=what), what=what,
                            object_pairs_hook=_unique_keys)


@dataclass(frozen=True)
class JadesSeal:
    """One JAdES signature over one payload, exactly as received.

    ``protected_b64``, ``signature_b64`` and ``etsi_u_b64`` are the base64url strings of the
    file: the signature and the archive timestamp are computed over these very characters.
    """

    payload: bytes
    protected_b64: str
    protected: dict[str, Any]
    signature_b64: str
    signature: bytes
    etsi_u_b64: tuple[str, ...]
    etsi_u_names: tuple[str, ...]
    etsi_u: dict[str, Any]

    @classmethod
    def from_bytes(cls, raw: bytes) -> JadesSeal:
        """Parse a general or flattened JWS JSON serialization with exactly one signature."""
        document = load_json_object(raw, what=tr("The sealed credential"))
        payload = document.get("payload")
        if "signatures" in document:
            signatures = document["signatures"]
            if not isinstance(signatures, list) or not signatures:
                raise MalformedCredential(tr("The seal's 'signatures' is not a non-empty list."))
            if len(signatures) != 1:
                raise MalformedCredential(tr("The credential carries more than one seal."))
            entry = signatures[0]
            if not isinstance(entry, dict):
                raise MalformedCredential(
                    tr("The seal's signature entry is not a JSON object."))
        elif "protected" in document and "signature" in document:
            entry = document
        else:
            raise MalformedCredential(
                tr("The file is not a JAdES seal (no JWS signature found)."))
        if not isinstance(payload, str) or not payload:
            raise MalformedCredential(tr("The seal carries no payload string."))
        protected_b64 = entry.get("protected")
        signature_b64 = entry.get("signature")
        if not isinstance(protected_b64, str) or not isinstance(signature_b64, str):
            raise MalformedCredential(
                tr("The seal lacks its protected header or its signature."))
        protected = _decode_json_b64url(protected_b64, what=tr("The seal's protected header"))
        signature = b64url_decode(signature_b64, what=tr("The seal's signature"))
        etsi_u_b64, etsi_u_names, etsi_u = _read_etsi_u(entry.get("header"))
        return cls(
            # The signing input is the UTF-8 of the unescaped JSON string: proven on a
            # sample whose payload holds escaped CR LF (see tests/crypto/test_jades_parse.py).
            payload=payload.encode("utf-8"),
            protected_b64=protected_b64,
            protected=protected,
            signature_b64=signature_b64,
            signature=signature,
            etsi_u_b64=etsi_u_b64,
            etsi_u_names=etsi_u_names,
            etsi_u=etsi_u,
        )

    @property
    def signing_input(self) -> bytes:
        """RFC 7797 §3 with ``b64: false``: ``ASCII(protected) "." payload``."""
        return self.protected_b64.encode("ascii") + b"." + self.payload

    def archive_timestamp_input(self) -> bytes | None:
        """What ``arcTst`` covers (ETSI TS 119 182-1 §5.3.6.3.1): payload, protected header and
        signature joined by dots, then a dot and every ``etsiU`` entry before the archive
        timestamp, concatenated exactly as they appear. ``None`` without an ``arcTst``."""
        if "arcTst" not in self.etsi_u_names:
            return None
        before = self.etsi_u_b64[: self.etsi_u_names.index("arcTst")]
        return b".".join(
            (
                self.payload,
                self.protected_b64.encode("ascii"),
                self.signature_b64.encode("ascii"),
                "".join(before).encode("ascii"),
            )
        )


def _read_etsi_u(header: object) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, Any]]:
    """``header.etsiU``: a list of base64url JSON objects, each holding one ETSI value."""
    if header is None:
        return (), (), {}
    if not isinstance(header, dict):
        raise MalformedCredential(tr("The seal's unprotected header is not a JSON object."))
    entries = header.get("etsiU", [])
    if not isinstance(entries, list) or not all(isinstance(item, str) for item in entries):
        raise MalformedCredential(
            tr("The seal's 'etsiU' is not a list of base64url strings."))
    values: dict[str, Any] = {}
    names: list[str] = []
    for item in entries:
        decoded = _decode_json_b64url(item, what=tr("The seal's unprotected 'etsiU' entry"))
        if len(decoded) != 1:
            raise MalformedCredential(
                tr("An 'etsiU' entry of the seal holds more than one value."))
        ((name, value),) = decoded.items()
        if name in values and name in ETSIU_NAMES:
            # Several archive timestamps would each cover a different prefix; we read one.
            raise MalformedCredential(
                tr("The seal repeats the unprotected value {name}.", name=repr(name)))
        values[name] = value
        names.append(name)
    return tuple(entries), tuple(names), values


def token_values(container: object, *, what: str) -> tuple[bytes, ...]:
    """DER of every ``tstTokens[].val`` in a JAdES timestamp container (``sigTst`` ...).

    ``what`` is the container's name in the seal (``sigTst``), not a sentence.
    """
    if not isinstance(container, dict) or not isinstance(container.get("tstTokens"), list):
        raise MalformedCredential(
            tr("The seal's {name} holds no timestamp token list.", name=what))
    tokens = container["tstTokens"]
    if not tokens:
        raise MalformedCredential(
            tr("The seal's {name} holds an empty timestamp token list.", name=what))
    result = []
    for token in tokens:
        if not isinstance(token, dict):
            raise MalformedCredential(
                tr("A timestamp token in the seal's {name} is not an object.", name=what))
        result.append(
            b64_decode(token.get("val"), what=tr("The seal's {name} token", name=what)))
    return tuple(result)
