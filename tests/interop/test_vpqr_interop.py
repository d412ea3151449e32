"""VP1- codes in both directions between Kredo and the npm VPQR libraries.

JS → Kredo: ``@digitalcredentials/vpqr`` 2.2.1 (the DCC wallet) and ``@digitalbazaar/vpqr``
6.0.0 (its 0x0501 form with base32, and its CBOR-LD 1.0 default with base45) encode OB 3.0
credentials and Kredo presentations; Kredo decodes each to the same document and its proofs
verify. Kredo → JS: both libraries decode Kredo's codes to the same document, and Kredo's
text is the DCC library's text, character for character.

The packages are installed once per set of versions (``npm_install.py``); all jobs of one
direction go to one node process. Without node and npm the tests are skipped with the reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.interop.vpqr_node import VpqrNode
from tests.share.presentation_credentials import Issuer, credential
from tests.share.test_vpqr_roundtrip import FRESH, fresh_ob3
from wallet.did import did_key_from_public_key
from wallet.formats import parse_credential
from wallet.qr.vpqr import decode_vpqr, encode_vpqr
from wallet.share.presentation import build_presentation
from wallet.verify.engine import verify_credential, verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus

pytestmark = pytest.mark.slow

W3C = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
CHALLENGE, DOMAIN = "7f1c2a9e-kredo-vpqr", "https://employer.example.cz"
HOLDER_KEY = ed25519.Ed25519PrivateKey.generate()
ISSUER = Issuer(holder=did_key_from_public_key(HOLDER_KEY.public_key()))
# How each library is asked to encode.
ENCODERS = {
    "dcc": {"lib": "dcc"},
    "db-legacy-B": {"lib": "db", "format": "legacy-singleton", "multibase": "B"},
    "db-cborld10-R": {"lib": "db", "format": "cbor-ld-1.0", "registryEntryId": 1, "multibase": "R"},
}
# @digitalbazaar/cborld 8.1.0 cannot apply the property-scoped "@context": null that VC 2.0
# puts on verifiableCredential, so it fails on VC 2.0 presentations that carry credentials.
DB_CANNOT_READ = {"kredo-vp-vc2-ob3"}
# Presentations as `kredo present` makes them, of a VC 2.0 badge and of a VC 1.1 credential.
PRESENTATIONS = {"kredo-vp-vc2-ob3": ISSUER.ob3, "kredo-vp-vc1": ISSUER.vc11}


def _documents() -> dict[str, dict[str, Any]]:
    documents = {
        "1edtech-ob3": json.loads((W3C / "1edtech-obv3-ldp-signed-credential.json").read_text()),
        **{f"fresh-{label}": fresh_ob3(label) for label in sorted(FRESH)},
    }
    for name, issue in PRESENTATIONS.items():
        documents[name] = build_presentation(
            [credential(issue())], holder_key=HOLDER_KEY, challenge=CHALLENGE, domain=DOMAIN
        )
    return documents


@pytest.fixture(scope="module")
def documents() -> dict[str, dict[str, Any]]:
    return _documents()


@pytest.fixture(scope="module")
def node() -> VpqrNode:
    return VpqrNode()


@pytest.fixture(scope="module")
def js_codes(node: VpqrNode, documents: dict[str, dict[str, Any]]) -> dict[tuple[str, str], Any]:
    """What each library writes for each document: ``{(document, encoder): result}``."""
    keys = [(name, encoder) for name in documents for encoder in ENCODERS]
    jobs = [{"op": "encode", "doc": documents[name], **ENCODERS[encoder]} for name, encoder in keys]
    return dict(zip(keys, node.run(jobs), strict=True))


@pytest.fixture(scope="module")
def js_readings(node: VpqrNode, documents: dict[str, dict[str, Any]]) -> dict[tuple[str, str], Any]:
    """What each library reads from Kredo's code of each document."""
    keys = [(name, lib) for name in documents for lib in ("dcc", "db")]
    texts = {name: encode_vpqr(document) for name, document in documents.items()}
    jobs = [{"op": "decode", "lib": lib, "text": texts[name]} for name, lib in keys]
    return dict(zip(keys, node.run(jobs), strict=True))


def _assert_verifies(document: dict[str, Any]) -> None:
    raw = json.dumps(document).encode()
    if "VerifiablePresentation" in document["type"]:
        report = verify_file_bytes(raw, options=VerifyOptions(challenge=CHALLENGE, domain=DOMAIN))
        holder = report.check("holder")
        assert holder is not None and holder.status is CheckStatus.OK
        signatures = [carried.check("signature") for carried in report.credentials]
    else:
        controller = json.loads((W3C / "1edtech-obv3-ldp-controller-document.json").read_text())
        options = VerifyOptions(documents={controller["id"]: controller})
        signatures = [verify_credential(parse_credential(raw), options=options).check("signature")]
    assert [check.status if check else None for check in signatures] == [CheckStatus.OK] * len(
        signatures
    )


NAMES = ["1edtech-ob3", *(f"fresh-{label}" for label in sorted(FRESH)), *PRESENTATIONS]
CASES = [(name, encoder) for name in NAMES for encoder in ENCODERS]


@pytest.mark.parametrize(("name", "encoder"), CASES)
def test_kredo_reads_what_the_npm_libraries_write(
    js_codes: dict[tuple[str, str], Any],
    documents: dict[str, dict[str, Any]],
    name: str,
    encoder: str,
) -> None:
    result = js_codes[name, encoder]
    if encoder.startswith("db") and name in DB_CANNOT_READ:
        assert "error" in result  # see DB_CANNOT_READ; Kredo's own codes cover this document
        return
    # GIVEN a VP1- code written by the JavaScript library
    assert "text" in result, result
    # WHEN Kredo decodes it THEN it has the original document, whose proofs verify
    decoded = decode_vpqr(result["text"])
    assert decoded == documents[name]
    _assert_verifies(decoded)


@pytest.mark.parametrize("name", NAMES)
def test_kredo_writes_the_dcc_wallets_text(
    js_codes: dict[tuple[str, str], Any], documents: dict[str, dict[str, Any]], name: str
) -> None:
    assert encode_vpqr(documents[name]) == js_codes[name, "dcc"]["text"]


@pytest.mark.parametrize(("name", "lib"), [(n, lib) for n in NAMES for lib in ("dcc", "db")])
def test_npm_libraries_read_what_kredo_writes(
    js_readings: dict[tuple[str, str], Any],
    documents: dict[str, dict[str, Any]],
    name: str,
    lib: str,
) -> None:
    result = js_readings[name, lib]
    if lib == "db" and name in DB_CANNOT_READ:
        assert "null" in result.get("error", ""), result
        return
    # GIVEN Kredo's VP1- code WHEN the library decodes it THEN it has the original document
    assert "doc" in result, result
    assert result["doc"] == documents[name]
