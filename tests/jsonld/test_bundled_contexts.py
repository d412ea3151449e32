"""The bundled contexts are the ones SOURCES.md names, byte for byte, and answer their URLs."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from tests.jsonld.conftest import CONTEXTS, EDC_VECTORS
from wallet.errors import ContextNotAvailable
from wallet.jsonld import bundled_context_urls, load_bundled_context

_ROW = re.compile(r"^\| `(?P<file>[^`]+)` \|.*\| `(?P<sha>[0-9a-f]{64})` \|$")


def _sources_rows() -> dict[str, str]:
    text = (CONTEXTS / "SOURCES.md").read_text(encoding="utf-8")
    return {m["file"]: m["sha"] for m in map(_ROW.match, text.splitlines()) if m}


def _manifest() -> list[dict[str, object]]:
    entries: list[dict[str, object]] = json.loads(
        (CONTEXTS / "manifest.json").read_text(encoding="utf-8")
    )["contexts"]
    return entries


def test_sources_sha256_match_the_bundled_files() -> None:
    rows = _sources_rows()
    # GIVEN every file the manifest bundles
    files = {str(entry["file"]) for entry in _manifest()}
    # THEN SOURCES.md lists exactly those, each with the sha-256 of the file as committed
    assert set(rows) == files
    for name, sha in rows.items():
        assert hashlib.sha256((CONTEXTS / name).read_bytes()).hexdigest() == sha, name


def test_every_bundled_file_is_a_context_document() -> None:
    for entry in _manifest():
        for url in entry["urls"]:  # type: ignore[attr-defined]
            assert "@context" in load_bundled_context(url), url


def test_edc_context_is_the_vector_copy() -> None:
    bundled = (CONTEXTS / "edc-ap-v3.2.jsonld").read_bytes()
    assert bundled == (EDC_VECTORS / "edc-ap-context-v3.2.jsonld").read_bytes()


@pytest.mark.parametrize(
    "url",
    [
        "https://www.w3.org/2018/credentials/v1",
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://w3id.org/security/data-integrity/v1",
        "https://w3id.org/security/data-integrity/v2",
        "https://w3id.org/security/suites/ed25519-2020/v1",
        "https://w3id.org/security/multikey/v1",
        "https://www.w3.org/ns/did/v1",
        "https://www.w3.org/ns/credentials/status/v1",
        "https://w3id.org/vc/status-list/2021/v1",
        "https://w3id.org/vc-revocation-list-2020/v1",
        "http://data.europa.eu/snb/model/context/edc-ap",
        "https://w3id.org/citizenship/v4rc1",
        "https://www.w3.org/ns/credentials/examples/v2",
    ],
)
def test_required_contexts_are_bundled(url: str) -> None:
    assert load_bundled_context(url)["@context"]


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("http://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/v1"),
        ("https://www.w3.org/ns/credentials/v2/", "https://www.w3.org/ns/credentials/v2"),
        ("https://www.w3.org/ns/did/v1#", "https://www.w3.org/ns/did/v1"),
        (
            "https://data.europa.eu/snb/model/context/edc-ap",
            "http://data.europa.eu/snb/model/context/edc-ap",
        ),
    ],
)
def test_alias_urls_serve_the_same_context(variant: str, canonical: str) -> None:
    assert load_bundled_context(variant) == load_bundled_context(canonical)


def test_unknown_url_is_refused_with_the_url_in_the_sentence() -> None:
    url = "https://example.invalid/contexts/not-bundled.jsonld"
    with pytest.raises(ContextNotAvailable) as raised:
        load_bundled_context(url)
    assert url in raised.value.message
    assert url not in bundled_context_urls()


def test_callers_get_independent_copies() -> None:
    # GIVEN a caller (pyld does this) that rewrites the context it was given
    first = load_bundled_context("https://www.w3.org/ns/credentials/v2")
    first["@context"] = "tampered"
    # THEN the next caller still gets the bundled content
    assert load_bundled_context("https://www.w3.org/ns/credentials/v2")["@context"] != "tampered"
