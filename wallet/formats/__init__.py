"""Detect and parse every credential format into one :class:`wallet.model.Credential`.

Each family module has ``detect(raw) -> bool`` (cheap, never raises) and
``parse(raw) -> Credential`` (raises only :class:`wallet.errors.WalletError`). Containers that
carry several credentials (a Verifiable Presentation) have ``split(raw) -> list[bytes]``.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

from wallet.errors import InputTooLarge, NotACredential
from wallet.json_input import load_json
from wallet.limits import MAX_CREDENTIALS_PER_PRESENTATION, MAX_INPUT_BYTES
from wallet.model import Credential
from wallet.translation import tr

# Order matters: the most specific detector first.
_FAMILY_MODULES = (
    "wallet.formats.baked",  # PNG / SVG baked badges (OB2, OB3)
    "wallet.formats.edc",  # EDC sealed (JAdES), unsealed JSON-LD, upload wrapper
    "wallet.formats.edc_xml",  # legacy europassCredential XML
    "wallet.formats.europass_presentation",  # Europass XML verifiablePresentation
    "wallet.formats.sd_jwt_vc",  # header.payload.sig~disclosures~
    "wallet.formats.vc_jwt",  # VC-JWT, OB3 JWT
    "wallet.formats.ob2",  # Open Badges 2.0 assertion (JSON or JWS)
    "wallet.formats.vc_jsonld",  # W3C VC 1.1 / 2.0 JSON-LD, OB 3.0
)
_PRESENTATION_MODULE = "wallet.formats.presentation"


@cache
def _families() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(name) for name in _FAMILY_MODULES)


def check_size(raw: bytes) -> None:
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLarge(tr(
            "The file is {size} MB; Kredo reads credentials of up to {limit} MB.",
            size=f"{len(raw) / (1024 * 1024):.0f}", limit=MAX_INPUT_BYTES // (1024 * 1024),
        ))


def parse_credential(raw: bytes) -> Credential:
    """Parse one credential (not a presentation)."""
    check_size(raw)
    if not raw.strip():
        raise NotACredential(tr("The file is empty."))
    for module in _families():
        if module.detect(raw):
            credential: Credential = module.parse(raw)
            return credential
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        # JSON no detector recognised: say precisely what is wrong when it is broken.
        load_json(raw)
    raise NotACredential(tr(
        "This is not a credential Kredo can read (expected a European Digital Credential, "
        "Open Badge, W3C Verifiable Credential, VC-JWT or SD-JWT VC)."
    ))


def parse_credentials(raw: bytes) -> list[Credential]:
    """Parse a credential, or every credential inside a Verifiable Presentation."""
    check_size(raw)
    presentation = importlib.import_module(_PRESENTATION_MODULE)
    if presentation.detect(raw):
        parts: list[bytes] = presentation.split(raw)
        if len(parts) > MAX_CREDENTIALS_PER_PRESENTATION:
            raise InputTooLarge(presentation.too_many_credentials(len(parts)))
        if not parts:
            raise NotACredential(tr("The presentation carries no credentials."))
        return [parse_credential(part) for part in parts]
    return [parse_credential(raw)]

