"""European Digital Credentials (ELM v3): sealed (JAdES), unsealed JSON-LD, upload wrapper.

Three shapes reach a learner:

* a **sealed** file, JAdES in the JWS JSON serialization:
  ``{"payload": "<credential JSON as a string>", "signatures": [{"protected": ..., ...}]}``.
  The seal signs ``protected + "." + payload`` over the payload string exactly as it is
  (``b64: false``), so that string is kept byte-exact in ``extras["payload"]`` and the file
  bytes in ``raw``; the seal verifier re-reads ``raw`` and never trusts a re-serialisation;
* an **unsealed** ELM v3 ``.jsonld`` (``type`` has ``EuropeanDigitalCredential`` or the
  ``@context`` is the EDC application profile);
* the EDC issuer's **upload wrapper** ``{"credential": {...}}``: ``inner`` holds the
  credential's bytes exactly as they stand inside the file.

A sealed *presentation* (the EU seal library seals ``VerifiablePresentation``s too) is not
a credential: it raises :class:`NotACredential` with a sentence saying so.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

from wallet.base64url import b64url_decode
from wallet.errors import MalformedCredential, NotACredential
from wallet.formats.elm_view import view_from_elm
from wallet.json_input import decode_text, load_json_object, looks_like_json_object
from wallet.json_values import as_list
from wallet.model import Credential, CredentialFormat
from wallet.translation import tr, tr_n

EDC_TYPE = "EuropeanDigitalCredential"
EDC_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"
_EDC_MARKERS = (EDC_TYPE.encode(), EDC_CONTEXT.encode())
# JAdES header parameters (ETSI TS 119 182-1) that no plain JWS carries.
_JADES_HEADER_KEYS = frozenset({"sigT", "sigD", "adoTst", "x5t#S256", "srCms", "sigPl", "sigPSt"})


def detect(raw: bytes) -> bool:
    """A sealed EDC, an unsealed EDC or an upload wrapper around one. Never raises."""
    if not looks_like_json_object(raw) or not any(
        marker in raw for marker in (*_EDC_MARKERS, b'"payload"')
    ):
        return False
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False
    if not isinstance(document, dict):
        return False
    return _is_sealed(document) or is_edc(document) or is_edc(_wrapped(document))


def parse(raw: bytes) -> Credential:
    """Parse one EDC file; raises only :class:`wallet.errors.WalletError` subclasses."""
    document = load_json_object(raw)
    if "payload" in document and "signatures" in document:
        return _parse_sealed(raw, document)
    if is_edc(document):
        return Credential(
            raw=raw,
            format=CredentialFormat.EDC_JSONLD,
            document=document,
            view=view_from_elm(document),
            media_type="application/ld+json",
        )
    inner = _wrapped(document)
    if is_edc(inner):
        return Credential(
            raw=raw,
            format=CredentialFormat.EDC_JSONLD,
            document=inner,
            view=view_from_elm(inner),
            media_type="application/ld+json",
            inner=_member_bytes(raw, "credential"),
        )
    raise NotACredential(tr("This JSON file is not a European Digital Credential."))


def is_edc(document: Any) -> bool:
    """An ELM v3 credential object: the EDC type or the EDC application-profile context."""
    if not isinstance(document, Mapping):
        return False
    return EDC_TYPE in as_list(document.get("type")) or EDC_CONTEXT in as_list(
        document.get("@context")
    )


def _wrapped(document: Mapping[str, Any]) -> Any:
    return document.get("credential") if set(document) == {"credential"} else None


# --- sealed -------------------------------------------------------------------------------


def _is_sealed(document: Mapping[str, Any]) -> bool:
    """JWS JSON serialization whose header is JAdES or whose payload is an EDC."""
    signatures = document.get("signatures")
    if not isinstance(signatures, list) or not signatures or "payload" not in document:
        return False
    payload = document["payload"]
    if isinstance(payload, str) and any(marker.decode() in payload for marker in _EDC_MARKERS):
        return True
    try:
        header = _protected_header(signatures[0])
    except MalformedCredential:
        return False
    return bool(_JADES_HEADER_KEYS & set(header))


def _parse_sealed(raw: bytes, envelope: Mapping[str, Any]) -> Credential:
    signatures = envelope["signatures"]
    if not isinstance(signatures, list) or not signatures:
        raise MalformedCredential(
            tr("The sealed credential carries no seal (its signature list is empty).")
        )
    header = _protected_header(signatures[0])
    payload = envelope["payload"]
    if not isinstance(payload, str):
        raise MalformedCredential(
            tr("The sealed credential's payload is not a text string, so the seal cannot "
               "cover it."),
            details=f"payload is a JSON {type(payload).__name__}",
        )
    payload_is_base64url = header.get("b64", True) is not False
    payload_bytes = (
        _b64url_decode(payload, what=tr("payload"))
        if payload_is_base64url
        else payload.encode("utf-8")
    )
    document = load_json_object(payload_bytes, what=tr("The sealed credential's payload"))
    if "VerifiablePresentation" in as_list(document.get("type")):
        count = len(as_list(document.get("verifiableCredential")))
        if count == 0:
            raise NotACredential(
                tr("This is a sealed presentation with no credentials in it."),
                details="JAdES-sealed VerifiablePresentation, verifiableCredential empty",
            )
        raise NotACredential(
            tr_n(
                "This is a sealed presentation of {n} credential; Kredo imports sealed "
                "credentials one file at a time, not from inside a sealed presentation.",
                "This is a sealed presentation of {n} credentials; Kredo imports sealed "
                "credentials one file at a time, not from inside a sealed presentation.",
                count,
            ),
            details="JAdES-sealed VerifiablePresentation",
        )
    if not is_edc(document):
        raise NotACredential(
            tr("This sealed file does not carry a European Digital Credential.")
        )
    return Credential(
        raw=raw,
        format=CredentialFormat.EDC_SEALED,
        document=document,
        view=view_from_elm(document),
        extras={
            "payload": payload,
            "payload_is_base64url": payload_is_base64url,
            "protected_header": header,
            "x5c": _certificates(header),
            "signature_count": len(signatures),
        },
    )


def _protected_header(signature: Any) -> dict[str, Any]:
    protected = signature.get("protected") if isinstance(signature, Mapping) else None
    if not isinstance(protected, str):
        raise MalformedCredential(tr("The seal has no protected header."))
    header = load_json_object(
        _b64url_decode(protected, what=tr("seal header")), what=tr("The seal header")
    )
    return header


def _certificates(header: Mapping[str, Any]) -> tuple[bytes, ...]:
    """DER certificates of ``x5c`` (standard base64, RFC 7515 §4.1.6), signer first."""
    chain = header.get("x5c")
    if not isinstance(chain, list):
        return ()
    certificates = []
    for entry in chain:
        if not isinstance(entry, str):
            raise MalformedCredential(
                tr("The seal's certificate chain (x5c) holds something other than text.")
            )
        try:
            certificates.append(base64.b64decode(entry, validate=True))
        except (binascii.Error, ValueError):
            raise MalformedCredential(
                tr("A certificate in the seal (x5c) is not valid base64.")
            ) from None
    return tuple(certificates)


def _b64url_decode(text: str, *, what: str) -> bytes:
    """``what`` names the part in sentences (a ``tr()`` sentence such as ``tr("payload")``).

    Tolerant: the seal check reads these parts strictly, and says so if they are spelt oddly.
    """
    try:
        return b64url_decode(text, tolerant=True)
    except MalformedCredential:
        raise MalformedCredential(
            tr("The sealed credential's {what} is not valid base64url.", what=what)
        ) from None


# --- upload wrapper -----------------------------------------------------------------------


def _member_bytes(raw: bytes, key: str) -> bytes:
    """The bytes of a top-level member's value exactly as written in the file.

    Walks the top-level object member by member with the standard decoder (which reports
    where each value ends), so nothing is re-serialised.
    """
    text = decode_text(raw)
    decoder = json.JSONDecoder()
    position = _skip_space(text, text.index("{") + 1)
    while position < len(text) and text[position] != "}":
        if text[position] == ",":
            position = _skip_space(text, position + 1)
        name, position = decoder.raw_decode(text, position)
        position = _skip_space(text, position)
        if text[position] != ":":  # pragma: no cover - the file was already parsed as JSON
            break
        start = _skip_space(text, position + 1)
        _, end = decoder.raw_decode(text, start)
        if name == key:
            return text[start:end].encode("utf-8")
        position = _skip_space(text, end)
    raise MalformedCredential(  # pragma: no cover
        tr("The upload file has no {member} member.", member=repr(key))
    )


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position
