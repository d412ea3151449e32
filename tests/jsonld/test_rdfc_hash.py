"""RDFC-1.0 with the hash its user chooses: SHA-256 as before, SHA-384 for P-384 proofs.

Checked on the W3C's own vectors: the RDFC-1.0 test suite's diamond (test020, SHA-256; test075,
the same input with SHA-384) and vc-di-ecdsa's published canonical forms of the "employ"
credential (P-256 with SHA-256, P-384 with SHA-384)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from tests.jsonld.conftest import W3C_VECTORS, jsonld_vectors, load
from wallet.jsonld import canonicalize_checked, offline_document_loader
from wallet.jsonld.rdfc_hash import canonicalizer

RDF_CANON = W3C_VECTORS.parent / "rdf-canon"


def _rdfc10(nquads_in: str, hash_name: Any) -> str:
    dataset = jsonld.JsonLdProcessor.parse_nquads(nquads_in)
    result: str = canonicalizer(jsonld, hash_name)().main(
        dataset, {"format": "application/n-quads"})
    return result


@pytest.mark.parametrize(("test", "hash_name"), [("test020", "sha256"), ("test075", "sha384")])
def test_rdf_canon_suite_diamond(test: str, hash_name: str) -> None:
    # GIVEN the W3C RDFC-1.0 test's input and expected output
    given = (RDF_CANON / f"{test}-in.nq").read_text(encoding="utf-8")
    expected = (RDF_CANON / f"{test}-rdfc10.nq").read_text(encoding="utf-8")
    # THEN canonicalizing with the test's hash gives exactly that output
    assert _rdfc10(given, hash_name) == expected


def test_the_hash_decides_the_labels_of_the_diamond() -> None:
    # test020 and test075 have the same input; only the hash differs, and so do the labels
    given = (RDF_CANON / "test020-in.nq").read_text(encoding="utf-8")
    assert given == (RDF_CANON / "test075-in.nq").read_text(encoding="utf-8")
    assert _rdfc10(given, "sha256") != _rdfc10(given, "sha384")


@pytest.mark.parametrize(("credential", "canonical", "hash_name"), [
    ("ecdsa-rdfc-2019-p256-employ-signedECDSAP256.json",
     "ecdsa-rdfc-2019-p256-employ-canonDocECDSAP256.txt", "sha256"),
    ("ecdsa-rdfc-2019-p384-employ-signedECDSAP384.json",
     "ecdsa-rdfc-2019-p384-employ-canonDocECDSAP384.txt", "sha384"),
])
def test_vc_di_ecdsa_published_canonical_documents(
        credential: str, canonical: str, hash_name: Any) -> None:
    # GIVEN a W3C vc-di-ecdsa credential with three blank nodes, without its proof
    document = load(W3C_VECTORS / credential)
    del document["proof"]
    # THEN its canonical form is the one the specification's vectors publish
    expected = (W3C_VECTORS / canonical).read_text(encoding="utf-8")
    assert canonicalize_checked(document, hash_name=hash_name).nquads == expected


@pytest.mark.parametrize("path", jsonld_vectors(), ids=lambda p: p.name)
def test_sha256_is_pylds_own_rdfc10(path: Path) -> None:
    # GIVEN any vector (with and without its proof)
    document = load(path)
    for variant in (document, {k: v for k, v in document.items() if k != "proof"}):
        # THEN the default canonical form is byte for byte what pyld's normalize() writes
        pyld_own = jsonld.normalize(variant, {"algorithm": "URDNA2015",
                                              "format": "application/n-quads",
                                              "documentLoader": offline_document_loader})
        assert canonicalize_checked(variant).nquads == pyld_own


def test_only_sha256_and_sha384() -> None:
    with pytest.raises(ValueError, match="SHA-256 or SHA-384"):
        canonicalize_checked(load(jsonld_vectors()[0]), hash_name="sha1")  # type: ignore[arg-type]
