"""Verifiable Presentations: find the credentials inside, as bytes each format module reads.

A VP (JSON-LD) carries credentials as objects, as JWT strings, or as
``EnvelopedVerifiableCredential`` objects whose ``id`` is a ``data:`` URL (VC 2.0 §4.13); a
VP-JWT carries them in ``vp.verifiableCredential``. JSON objects are re-serialised compactly
(their Data Integrity proofs sign the canonical RDF, not the bytes); JWTs and enveloped
credentials are returned as the exact bytes that were signed.

The Commission's Europass XML presentations are presentations too: ``detect`` and ``split``
hand them to :mod:`wallet.formats.europass_presentation`.
"""

from __future__ import annotations

import json
from typing import Any

from wallet.crypto.jws_compact import CompactJws, peek_payload_object
from wallet.errors import InputTooLarge, MalformedCredential, NotACredential, WalletError
from wallet.formats import europass_presentation
from wallet.formats.vc_view_values import decode_data_url
from wallet.json_input import load_json_object, looks_like_json_object
from wallet.json_values import as_list
from wallet.limits import MAX_CREDENTIALS_PER_PRESENTATION
from wallet.translation import tr, tr_n

_VP_TYPE = "VerifiablePresentation"
_ENVELOPED_TYPES = frozenset({"EnvelopedVerifiableCredential"})


def _is_vp(obj: dict[str, Any]) -> bool:
    return _VP_TYPE in {t for t in as_list(obj.get("type")) if isinstance(t, str)}


def detect(raw: bytes) -> bool:
    if europass_presentation.detect(raw):
        return True
    if looks_like_json_object(raw):
        try:
            return _is_vp(load_json_object(raw))
        except WalletError:
            return False
    payload = peek_payload_object(raw)
    if payload is None:
        return False
    vp = payload.get("vp")
    return (isinstance(vp, dict) and _is_vp(vp)) or _is_vp(payload)


def split(raw: bytes) -> list[bytes]:
    """The bytes of every credential the presentation carries, in order."""
    if europass_presentation.detect(raw):
        return europass_presentation.split(raw)
    if looks_like_json_object(raw):
        presentation = load_json_object(raw, what=tr("The presentation"))
    else:
        payload = CompactJws.from_text(raw, what=tr("The presentation token")).payload_object(
            what=tr("The presentation token payload"))
        vp = payload.get("vp")
        presentation = vp if isinstance(vp, dict) else payload
    if not _is_vp(presentation):
        raise NotACredential(tr("This is not a Verifiable Presentation."))
    items = as_list(presentation.get("verifiableCredential"))
    if len(items) > MAX_CREDENTIALS_PER_PRESENTATION:
        raise InputTooLarge(too_many_credentials(len(items)))
    return [_credential_bytes(item, index) for index, item in enumerate(items, start=1)]


def _credential_bytes(item: Any, index: int) -> bytes:
    if isinstance(item, str):
        return item.strip().encode("utf-8")
    if not isinstance(item, dict):
        raise MalformedCredential(tr(
            "Credential {index} in the presentation is neither an object nor a token.",
            index=index,
        ))
    types = {t for t in as_list(item.get("type")) if isinstance(t, str)}
    if types & _ENVELOPED_TYPES:
        url = item.get("id")
        decoded = decode_data_url(url) if isinstance(url, str) else None
        if decoded is None:
            raise MalformedCredential(tr(
                "Enveloped credential {index} in the presentation has no valid data: URL.",
                index=index,
            ))
        return decoded[1]
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def too_many_credentials(count: int) -> str:
    """The sentence for a presentation above ``MAX_CREDENTIALS_PER_PRESENTATION``."""
    return tr_n(
        "The presentation carries {n} credential; Kredo reads up to {limit}.",
        "The presentation carries {n} credentials; Kredo reads up to {limit}.",
        count, limit=MAX_CREDENTIALS_PER_PRESENTATION,
    )
