"""Feed one input to every parser of the core; only ``WalletError`` may come out.

Anything else (``KeyError``, ``TypeError``, ``RecursionError``, ``ValueError`` from a library)
propagates and fails the property that called it. A parse that succeeds must hand back a
credential whose view serializes to JSON and renders as text in both languages, as the CLI's
``show`` and the GUI do with it.
"""

from __future__ import annotations

import contextlib
import json

from wallet.errors import WalletError
from wallet.formats import (
    baked,
    edc,
    edc_xml,
    ob2,
    parse_credential,
    parse_credentials,
    presentation,
    sd_jwt_vc,
    vc_jsonld,
    vc_jwt,
)
from wallet.model import Credential
from wallet.share.view_text import render_view

FAMILY_MODULES = (baked, edc, edc_xml, sd_jwt_vc, vc_jwt, ob2, vc_jsonld)


def check_well_formed(credential: Credential) -> None:
    """What every parsed credential must allow: a JSON view, a text rendering, a title."""
    json.dumps(credential.view.to_json())
    for lang in ("cs", "en"):
        assert isinstance(render_view(credential.view, lang), str)
    assert credential.title is None or isinstance(credential.title, str)
    assert isinstance(credential.raw, bytes)
    assert isinstance(credential.signed_bytes, bytes)


def feed_every_parser(raw: bytes) -> list[Credential]:
    """Run every detector and parser on ``raw``; return what ``parse_credentials`` accepted."""
    for module in FAMILY_MODULES:
        assert isinstance(module.detect(raw), bool)
        with contextlib.suppress(WalletError):
            check_well_formed(module.parse(raw))
    assert isinstance(presentation.detect(raw), bool)
    with contextlib.suppress(WalletError):
        presentation.split(raw)
    with contextlib.suppress(WalletError):
        check_well_formed(parse_credential(raw))
    try:
        credentials = parse_credentials(raw)
    except WalletError as exc:
        assert isinstance(exc.message, str) and exc.message
        return []
    for credential in credentials:
        check_well_formed(credential)
    return credentials
