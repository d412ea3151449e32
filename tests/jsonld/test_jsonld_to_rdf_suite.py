"""The fast path against pyld alone on the W3C JSON-LD 1.1 "toRdf" test suite.

The suite's inputs and contexts (tests/assets/vectors/jsonld-api/) exercise what credentials
rarely do: scoped, protected, propagated, imported and nested contexts, @graph containers,
lists, @json literals, relative IRIs. Each case is turned into RDF by Kredo's memoizing
processor and by pyld's own ``JsonLdProcessor``, with the same options and a loader serving the
suite's files (nothing else, never the network): the N-Quads must be the same, or both must
fail alike. The whole suite runs twice through the memoizing processor, so the second time
contexts come from its caches, filled by earlier cases.

pyld does not pass every case of the suite; this compares the fast path with pyld, not pyld
with the suite.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from tests.jsonld.conftest import W3C_VECTORS
from wallet.jsonld.memoizing_processor import memoizing_processor_class

SUITE = W3C_VECTORS.parent / "jsonld-api"
BASE = "https://w3c.github.io/json-ld-api/tests/"


def _suite_loader(url: str, options: Any = None) -> dict[str, Any]:
    del options
    name = url.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0]
    if not name.startswith(BASE + "toRdf/"):
        raise ValueError(f"not a file of the suite: {url}")
    path = SUITE / "toRdf" / name[len(BASE + "toRdf/"):]
    return {"contextUrl": None, "documentUrl": url, "contentType": "application/ld+json",
            "document": json.loads(path.read_text(encoding="utf-8"))}


def _cases() -> list[dict[str, Any]]:
    manifest = json.loads((SUITE / "toRdf-manifest.jsonld").read_text(encoding="utf-8"))
    return [entry for entry in manifest["sequence"]
            if (SUITE / entry["input"]).is_file()]


def _options(entry: dict[str, Any]) -> dict[str, Any]:
    given = entry.get("option", {})
    options: dict[str, Any] = {"documentLoader": _suite_loader,
                               "format": "application/n-quads",
                               "base": given.get("base", BASE + entry["input"])}
    if "processingMode" in given:
        options["processingMode"] = given["processingMode"]
    if "expandContext" in given:
        options["expandContext"] = BASE + given["expandContext"]
    for name in ("produceGeneralizedRdf", "rdfDirection"):
        if name in given:
            options[name] = given[name]
    return options


def _to_rdf(processor_class: type[Any], entry: dict[str, Any]) -> Any:
    try:
        result = processor_class().to_rdf(BASE + entry["input"], _options(entry))
    except (jsonld.JsonLdError, ValueError, TypeError, KeyError, AttributeError,
            IndexError, RecursionError) as exc:
        return ("raised", type(exc).__name__, getattr(exc, "code", None))
    return result


CASES = _cases()


def test_the_suite_is_there() -> None:
    assert len(CASES) > 450


def test_every_case_gives_pylds_n_quads() -> None:
    fast = memoizing_processor_class(jsonld)
    plain = {entry["@id"]: _to_rdf(jsonld.JsonLdProcessor, entry) for entry in CASES}
    assert sum(not isinstance(result, tuple) for result in plain.values()) > 300
    for round_ in ("cold", "warm"):
        for entry in CASES:
            # WHEN the case is turned into RDF by the fast path
            result = _to_rdf(fast, entry)
            # THEN it is what pyld alone gives, or the same failure
            assert result == plain[entry["@id"]], (round_, entry["@id"], entry["name"])


@pytest.mark.parametrize("name", ["c013-in.jsonld", "c031-in.jsonld", "pr20-in.jsonld"])
def test_scoped_context_cases_are_in_the_comparison(name: str) -> None:
    # GIVEN cases with type-scoped, property-scoped and protected contexts
    assert any(entry["input"] == f"toRdf/{name}" for entry in CASES)
    assert (SUITE / "toRdf" / name).is_file()


def test_the_loader_serves_only_the_suite() -> None:
    with pytest.raises(ValueError, match="not a file of the suite"):
        _suite_loader("https://example.org/context.jsonld")
    assert Path(SUITE / "toRdf").is_dir()
