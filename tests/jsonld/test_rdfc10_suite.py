"""The whole W3C RDFC-1.0 test suite against Kredo's canonicalizer.

Every entry of the suite's manifest (tests/assets/vectors/rdf-canon/manifest.jsonld, copied
unchanged with its inputs and results): the evaluation tests must give the expected N-Quads
byte for byte (test060 is the escaping of canonical N-Quads, where pyld's own writer differs),
the map tests the expected issued identifiers, and the negative test (a
poisoned dataset, a clique of blank nodes) must be refused quickly instead of running for
hours, as RDFC-1.0's "Dataset Poisoning" section asks.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyld import jsonld

from tests.jsonld.conftest import W3C_VECTORS
from tests.jsonld.nquads_reader import read_nquads
from wallet.jsonld import canonicalize
from wallet.jsonld.rdfc_hash import RdfcPoisonedDataset, canonicalizer

SUITE = W3C_VECTORS.parent / "rdf-canon"
HASHES = {"SHA256": "sha256", "SHA384": "sha384"}


def _entries(kind: str) -> list[dict[str, Any]]:
    manifest = json.loads((SUITE / "manifest.jsonld").read_text(encoding="utf-8"))
    return [entry for entry in manifest["entries"] if entry["type"] == kind]


def _run(entry: dict[str, Any]) -> Any:
    canonicalizer_class = canonicalizer(jsonld, HASHES[entry.get("hashAlgorithm", "SHA256")])
    given = (SUITE / entry["action"].split("/")[-1]).read_text(encoding="utf-8")
    canon = canonicalizer_class()
    nquads = canon.main(read_nquads(given), {"format": "application/n-quads"})
    return canon, nquads


def test_the_suite_is_all_there() -> None:
    # GIVEN the manifest: 64 evaluation tests, 21 map tests, one negative test
    assert len(_entries("rdfc:RDFC10EvalTest")) == 64
    assert len(_entries("rdfc:RDFC10MapTest")) == 21
    assert len(_entries("rdfc:RDFC10NegativeEvalTest")) == 1


@pytest.mark.parametrize("entry", _entries("rdfc:RDFC10EvalTest"), ids=lambda e: e["id"])
def test_canonical_n_quads(entry: dict[str, Any]) -> None:
    # WHEN the test's input is canonicalized
    _, nquads = _run(entry)
    # THEN the output is the suite's, byte for byte
    expected = (SUITE / entry["result"].split("/")[-1]).read_text(encoding="utf-8")
    assert nquads == expected


@pytest.mark.parametrize("entry", _entries("rdfc:RDFC10MapTest"), ids=lambda e: e["id"])
def test_issued_identifiers(entry: dict[str, Any]) -> None:
    # WHEN the test's input is canonicalized
    canon, _ = _run(entry)
    # THEN each input blank node got the canonical label the suite expects
    expected = json.loads((SUITE / entry["result"].split("/")[-1]).read_text(encoding="utf-8"))
    issued = {old.removeprefix("_:"): new.removeprefix("_:")
              for old, new in canon.canonical_issuer.existing.items()}
    assert issued == expected


@pytest.mark.parametrize("entry", _entries("rdfc:RDFC10NegativeEvalTest"),
                         ids=lambda e: e["id"])
def test_poisoned_dataset_is_refused(entry: dict[str, Any]) -> None:
    # GIVEN a clique of blank nodes, which pyld alone canonicalizes for hours
    # WHEN it is canonicalized THEN the canonicalizer gives up at the deep-iteration limit
    with pytest.raises(RdfcPoisonedDataset):
        _run(entry)


def test_control_characters_in_a_credential_are_written_as_the_reference_writes_them() -> None:
    # GIVEN a JSON-LD literal holding backspace, form feed, a vertical tab, DEL and U+0001
    document = {"@context": {"@vocab": "urn:ex:"}, "@id": "urn:ex:s",
                "p": "a\b\f\u000b\u007f\u0001z"}
    # WHEN it is canonicalized
    nquads = canonicalize(document)
    # THEN the literal is escaped as RDFC-1.0 and rdf-canonize 5 (jsonld.canonize) write it
    assert nquads == '<urn:ex:s> <urn:ex:p> "a\\b\\f\\u000B\\u007F\\u0001z" .\n'
