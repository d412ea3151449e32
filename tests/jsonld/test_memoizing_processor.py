"""The fast path gives what pyld alone gives, byte for byte, on every credential Kredo has.

The fast path is what ``wallet.jsonld`` runs: pyld's processor with processed contexts
remembered across documents (``memoizing_processor``) and the RDFC-1.0 canonicalizer with a
cheaper copy (``rdfc_hash``). The plain path is pyld's own ``JsonLdProcessor`` and
``URDNA2015``, which Kredo used before. Compared on every JSON-LD document in
``tests/assets/vectors`` and ``tests/assets/realworld``, on what a Data Integrity verifier
hashes (the unsecured document and each proof configuration), with SHA-256 and SHA-384, twice
(the second time every context comes from the caches, filled by other documents); and the
verdict of every file there, fast and plain.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from tests.jsonld.conftest import REPO
from wallet.crypto.data_integrity_hashing import proof_configuration, unsecured_document
from wallet.errors import WalletError
from wallet.jsonld import canonicalize_checked, expand, offline_document_loader, processing
from wallet.jsonld.memoizing_processor import (
    MISSING,
    PROCESSED_CONTEXTS_MAX,
    BoundedLru,
    memoizing_processor_class,
)
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions

ASSETS = REPO / "tests" / "assets"
RAW_CONTROL_CHARACTER = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]")
FOLDERS = (ASSETS / "vectors", ASSETS / "realworld")
AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _files() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in folder.rglob("*")
                  if p.is_file() and p.suffix not in {".md", ".nq", ".txt"}
                  and p.parent.name != "rdf-canon" and p.name != "expected.json")


def _jsonld_documents() -> list[tuple[str, dict[str, Any]]]:
    """Every JSON-LD document, and what a Data Integrity verifier canonicalizes in it."""
    documents = []
    for path in _files():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if not isinstance(data, dict) or "@context" not in data:
            continue
        name = str(path.relative_to(ASSETS))
        documents.append((name, data))
        proofs = data.get("proof")
        for n, proof in enumerate(proofs if isinstance(proofs, list) else [proofs]):
            if not isinstance(proof, dict):
                continue
            try:
                unsecured = unsecured_document(data, proof)
            except WalletError:
                continue
            documents.append((f"{name} unsecured #{n}", unsecured))
            documents.append((f"{name} proof configuration #{n}",
                              proof_configuration(proof, unsecured.get("@context"))))
    return documents


DOCUMENTS = _jsonld_documents()


class _PlainRdfc10Sha384(jsonld.URDNA2015):  # type: ignore[misc]
    """pyld's URDNA2015 with only the hash changed: what Kredo ran for P-384 before."""

    def create_hash(self) -> Any:
        return hashlib.new("sha384")


def _plain_canonical(document: dict[str, Any], hash_name: str) -> tuple[str, tuple[str, ...]]:
    dropped: list[str] = []

    def note(term: str | None) -> None:
        dropped.append(term if term is not None else "(unnamed)")

    processor = jsonld.JsonLdProcessor(on_property_dropped=note)
    dataset = processor.to_rdf(document, {"documentLoader": offline_document_loader})
    canonicalizer = jsonld.URDNA2015 if hash_name == "sha256" else _PlainRdfc10Sha384
    nquads = canonicalizer().main(dataset, {"format": "application/n-quads"})
    return nquads, tuple(sorted(set(dropped)))


def _dataset(processor_class: type[Any], document: dict[str, Any]) -> Any:
    dropped: list[str | None] = []
    dataset = processor_class(on_property_dropped=dropped.append).to_rdf(
        document, {"documentLoader": offline_document_loader})
    return dataset, sorted(set(map(str, dropped)))


def _outcome(operation: Callable[[], Any]) -> Any:
    """The result, or the kind of failure: both paths must fail alike where they fail."""
    try:
        return operation()
    except Exception as exc:
        return ("raised", type(exc).__name__)


def test_the_comparison_covers_the_credentials() -> None:
    # GIVEN the vectors and the real-world files: dozens of documents, with their proofs
    assert len(DOCUMENTS) > 60
    assert sum("proof configuration" in name for name, _ in DOCUMENTS) > 20


def test_rdf_datasets_are_pylds() -> None:
    fast_processor = memoizing_processor_class(jsonld)
    for round_ in ("cold", "warm"):
        for name, document in DOCUMENTS:
            # WHEN the document becomes RDF through the memoizing processor and pyld's own
            fast = _outcome(lambda d=document: _dataset(fast_processor, d))
            plain = _outcome(lambda d=document: _dataset(jsonld.JsonLdProcessor, d))
            # THEN the datasets and the dropped terms are the same (or both fail alike)
            assert fast == plain, (round_, name)


@pytest.mark.parametrize("hash_name", ["sha256", "sha384"])
def test_canonical_n_quads_are_pylds(hash_name: Any) -> None:
    written_differently = []
    for round_ in ("cold", "warm"):
        for name, document in DOCUMENTS:
            # WHEN the document is canonicalized by the fast path and by pyld alone
            fast = _outcome(lambda d=document: canonicalize_checked(d, hash_name=hash_name))
            plain = _outcome(lambda d=document: _plain_canonical(d, hash_name))
            # THEN the N-Quads and the dropped terms are the same (or both fail)
            if isinstance(plain, tuple) and plain[0] == "raised":
                assert isinstance(fast, tuple), (round_, name, plain)
                continue
            assert not isinstance(fast, tuple), (round_, name, fast)
            assert fast.dropped_terms == plain[1], (round_, name)
            if RAW_CONTROL_CHARACTER.search(plain[0]):
                # pyld writes control characters raw; RDFC-1.0 escapes them (test_rdfc10_suite)
                assert not RAW_CONTROL_CHARACTER.search(fast.nquads), name
                written_differently.append(name)
                continue
            assert fast.nquads == plain[0], (round_, name)
    # only JSON-LD test-suite documents hold control characters, no credential does
    assert all("jsonld-api" in name for name in written_differently)


def test_expansion_is_pylds() -> None:
    for round_ in ("cold", "warm"):
        for name, document in DOCUMENTS:
            fast = _outcome(lambda d=document: expand(d))
            plain = _outcome(lambda d=document: jsonld.JsonLdProcessor().expand(
                d, {"documentLoader": offline_document_loader}))
            if isinstance(plain, tuple):
                assert isinstance(fast, tuple), (round_, name, plain)
                continue
            assert fast == plain, (round_, name)


def test_the_input_document_is_left_as_it_was() -> None:
    for name, document in DOCUMENTS:
        before = json.dumps(document, sort_keys=True)
        _outcome(lambda d=document: canonicalize_checked(d))
        assert json.dumps(document, sort_keys=True) == before, name


def test_the_installed_pyld_gets_the_memoizing_processor() -> None:
    # GIVEN the pyld Kredo installs THEN its methods are the ones the subclass was written for
    # (a pyld that changed them would silently get the plain, slow processor)
    assert memoizing_processor_class(jsonld) is not jsonld.JsonLdProcessor
    assert issubclass(memoizing_processor_class(jsonld), jsonld.JsonLdProcessor)


def test_an_lru_forgets_the_least_recently_used_entry_first() -> None:
    # GIVEN a cache of three entries, the first one read again
    cache = BoundedLru(3)
    for n in range(3):
        cache.put((n,), f"value {n}")
    assert cache.get((0,)) == "value 0"
    # WHEN a fourth entry comes
    cache.put((3,), "value 3")
    # THEN the size holds and the entry unused the longest (1) is the one gone
    assert len(cache) == 3
    assert cache.get((1,)) is MISSING
    assert [cache.get((n,)) for n in (0, 2, 3)] == ["value 0", "value 2", "value 3"]


def test_the_context_cache_is_bounded() -> None:
    # GIVEN every document canonicalized (above or here)
    for _, document in DOCUMENTS:
        _outcome(lambda d=document: canonicalize_checked(d))
    cache = memoizing_processor_class(jsonld).processed_contexts
    # THEN the cache holds what they needed, within its limit
    assert 0 < len(cache) <= PROCESSED_CONTEXTS_MAX


def test_a_second_credential_of_the_same_kind_processes_no_context() -> None:
    # GIVEN an Open Badges 3.0 credential canonicalized once
    document = json.loads((ASSETS / "vectors" / "w3c" / "1edtech-obv3-ldp-signed-credential.json")
                          .read_text(encoding="utf-8"))
    canonicalize_checked(document)
    cache = memoizing_processor_class(jsonld).processed_contexts
    before = len(cache)
    # WHEN another one, with other values, is canonicalized
    other = json.loads(json.dumps(document))
    other["id"] = "urn:uuid:7f1d6c2e-0a4b-4f3e-9c51-2b8e6d4a9f10"
    other["credentialSubject"]["achievement"]["name"] = "Another achievement"
    canonicalize_checked(other)
    # THEN every context it needed (top-level, type-scoped, property-scoped) was remembered
    assert len(cache) == before


SCOPED = {"p": {"@id": "urn:ex:typed-p"}}


def test_a_context_embedded_and_type_scoped_keeps_each_meaning() -> None:
    # GIVEN one context embedded in a node, then the same context scoped to a type: a
    # type-scoped context does not reach into nested nodes (JSON-LD 1.1 "propagate: false"),
    # an embedded one does
    document = {
        "@context": {"@version": 1.1, "@vocab": "urn:ex:",
                     "T": {"@id": "urn:ex:T", "@context": SCOPED}},
        "@id": "urn:ex:a",
        "first": {"@context": SCOPED, "@id": "urn:ex:b",
                  "n": {"@id": "urn:ex:b2", "p": "inherits"}},
        "second": {"@id": "urn:ex:c", "@type": "T", "n": {"@id": "urn:ex:d", "p": "reverts"}},
    }
    for _ in ("cold", "warm"):
        # WHEN it is canonicalized
        nquads = canonicalize_checked(document).nquads
        # THEN each use kept its own meaning, as with pyld alone
        assert '<urn:ex:b2> <urn:ex:typed-p> "inherits" .' in nquads
        assert '<urn:ex:d> <urn:ex:p> "reverts" .' in nquads
        assert nquads == _plain_canonical(document, "sha256")[0]


@pytest.fixture
def plain_pyld(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Kredo's JSON-LD running on pyld's own processor and canonicalizer, as before."""
    monkeypatch.setattr(processing, "_processor_class", lambda: jsonld.JsonLdProcessor)
    monkeypatch.setattr(processing, "canonicalizer", lambda _module, hash_name: (
        jsonld.URDNA2015 if hash_name == "sha256" else _PlainRdfc10Sha384))
    yield


def _verdicts() -> dict[str, Any]:
    verdicts = {}
    for path in _files():
        raw = path.read_bytes()
        report = _outcome(lambda r=raw: verify_file_bytes(r, options=VerifyOptions(now=AT)))
        if isinstance(report, tuple):
            verdicts[path.name] = report
        else:
            verdicts[path.name] = (report.status, [
                (check.id, check.status, check.message) for check in report.checks])
    return verdicts


@pytest.fixture(scope="module")
def fast_verdicts() -> dict[str, Any]:
    return _verdicts()


def test_every_verdict_is_the_same_as_with_plain_pyld(
    fast_verdicts: dict[str, Any], plain_pyld: None
) -> None:
    # GIVEN every file verified through the fast path (the fixture), WHEN verified again on
    # pyld alone THEN each verdict, check and sentence is the same
    assert len(fast_verdicts) > 50
    assert _verdicts() == fast_verdicts
