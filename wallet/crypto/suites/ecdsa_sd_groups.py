"""The statements an ecdsa-sd-2023 issuer signed, HMAC-labelled and split by mandatory pointers.

vc-di-ecdsa §3.4.11 canonicalizeAndGroup, as the base proof needs it (§3.6.4
baseProofTransformation):

1. skolemize the document: give every node without an ``@id`` one (``urn:bnid:…``), so that a
   part selected by JSON pointer names the same nodes as the whole;
2. the whole document's statements with the skolem ids turned back into blank nodes,
   canonicalized with RDFC-1.0, and each canonical label ``c14nN`` replaced by
   ``u`` + base64url(HMAC-SHA-256(hmacKey, "c14nN"));
3. the statements of the part the mandatory pointers select (§3.4.13 selectJsonLd), labelled
   the same way: the canonical statements among them are mandatory, the others not.

Which blank-node ids the skolemization picks does not matter: RDFC-1.0 labels by structure.
"""

from __future__ import annotations

import copy
import hmac
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from wallet.base64url import b64url_encode
from wallet.errors import MalformedCredential, WalletError
from wallet.jsonld import offline_document_loader
from wallet.jsonld.canonical_nquads import nquad
from wallet.jsonld.rdfc_hash import canonicalizer
from wallet.translation import tr

SKOLEM_PREFIX = "urn:bnid:"
_ARRAY_INDEX = re.compile(r"\d+")
# What a broken document can make pyld raise besides its own JsonLdError.
_OTHER_FAILURES = (ValueError, TypeError, KeyError, AttributeError, IndexError)


class SelectionNotComparable(MalformedCredential):
    """The selected part has blank nodes the whole document does not (an RDF list): which
    statements are mandatory cannot be told, so the proof is not checked (never forged)."""


@dataclass(frozen=True)
class SignedStatements:
    """Canonical N-Quads lines with HMAC labels, in canonical order, split in two."""

    mandatory: tuple[str, ...]
    non_mandatory: tuple[str, ...]


def hmac_canonical_groups(
    document: Mapping[str, Any], hmac_key: bytes, mandatory_pointers: Sequence[str]
) -> SignedStatements:
    """§3.4.11 with the HMAC label map (§3.4.4 createHmacIdLabelMapFunction); raises
    :class:`MalformedCredential` when the JSON-LD cannot be processed or a pointer does not
    match the document (``ContextNotAvailable`` for a context that is not bundled)."""
    jsonld = _jsonld()
    try:
        expanded = jsonld.expand(dict(document), _options())
        skolemized = _skolemize(expanded, _Labeler())
        compact = jsonld.compact(skolemized, document.get("@context"), _options())
        skolemized_dataset = jsonld.to_rdf(skolemized, _options())
        whole = _deskolemized(skolemized_dataset)
        canonical, labels = _hmac_canonical(jsonld, whole, hmac_key)
        selection = select_json_ld(compact, mandatory_pointers)
        selected: set[str] = set()
        if selection is not None:
            _refuse_unnamed_blank_nodes(skolemized_dataset)
            quads = _deskolemized(jsonld.to_rdf(selection, _options()))
            selected = {nquad(q, lambda label: "_:" + labels[label]) for q in quads}
    except WalletError:
        raise
    except (jsonld.JsonLdError, *_OTHER_FAILURES) as exc:
        raise MalformedCredential(
            tr("The document's JSON-LD could not be processed."),
            details=f"ecdsa-sd-2023 grouping: {type(exc).__name__}: {str(exc)[:200]}",
        ) from None
    return SignedStatements(
        mandatory=tuple(line for line in canonical if line in selected),
        non_mandatory=tuple(line for line in canonical if line not in selected),
    )


def select_json_ld(
    document: Mapping[str, Any], pointers: Sequence[str]
) -> dict[str, Any] | None:
    """§3.4.13 selectJsonLd: the part of a compact document the JSON pointers (RFC 6901)
    name, with the ``@context``, and the ``id`` and ``type`` of every object on the way."""
    if not pointers:
        return None
    selection: dict[str, Any] = {"@context": copy.deepcopy(document.get("@context"))}
    _init_selection(selection, document)
    arrays: list[list[Any]] = []
    for pointer in pointers:
        paths = _parse_pointer(pointer)
        if not paths:
            return copy.deepcopy(dict(document))
        _select_paths(document, pointer, paths, selection, arrays)
    for array in arrays:
        array[:] = [item for item in array if item is not _HOLE]
    return selection


# --- skolemization (§3.4.7–3.4.9) --------------------------------------------------------


class _Labeler:
    def __init__(self) -> None:
        self.random = str(uuid.uuid4())
        self.count = 0

    def next_id(self) -> str:
        label = f"{SKOLEM_PREFIX}_{self.random}_{self.count}"
        self.count += 1
        return label


def _skolemize(expanded: list[Any], labeler: _Labeler) -> list[Any]:
    """skolemizeExpandedJsonLd: every node object gets an ``@id``; a blank node id keeps its
    name inside the skolem IRI (it may be shared)."""
    skolemized: list[Any] = []
    for element in expanded:
        if not isinstance(element, dict) or "@value" in element:
            skolemized.append(copy.deepcopy(element))
            continue
        node = {
            key: _skolemize(value, labeler) if isinstance(value, list)
            else _skolemize([value], labeler)[0]
            for key, value in element.items()
        }
        node_id = node.get("@id")
        if "@list" in node or "@set" in node:
            pass  # a list or set object is no node: it cannot carry an @id
        elif node_id is None:
            node["@id"] = labeler.next_id()
        elif isinstance(node_id, str) and node_id.startswith("_:"):
            node["@id"] = SKOLEM_PREFIX + node_id[2:]
        skolemized.append(node)
    return skolemized


def _deskolemized(dataset: Mapping[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The dataset's quads with every ``urn:bnid:`` IRI a blank node again, graph names
    written into the quads (as canonicalization expects them)."""
    quads: list[dict[str, Any]] = []
    for graph, triples in dataset.items():
        for triple in triples:
            quad = {position: _deskolemized_term(term) for position, term in triple.items()}
            if graph != "@default":
                kind = "blank node" if graph.startswith("_:") else "IRI"
                quad["name"] = _deskolemized_term({"type": kind, "value": graph})
            quads.append(quad)
    return quads


def _deskolemized_term(term: dict[str, Any]) -> dict[str, Any]:
    value = term.get("value")
    if term.get("type") == "IRI" and isinstance(value, str) and value.startswith(SKOLEM_PREFIX):
        return {"type": "blank node", "value": "_:" + value[len(SKOLEM_PREFIX):]}
    return term


# --- canonicalization with HMAC labels (§3.4.2, §3.4.4) ------------------------------------


def _hmac_canonical(
    jsonld: Any, quads: list[dict[str, Any]], hmac_key: bytes
) -> tuple[list[str], dict[str, str]]:
    """The canonical statements with HMAC labels, sorted, and the map from each input blank
    node label to its HMAC label (without ``_:``)."""
    dataset: dict[str, list[dict[str, Any]]] = {}
    for quad in quads:
        graph = quad.get("name", {}).get("value", "@default")
        dataset.setdefault(graph, []).append({k: v for k, v in quad.items() if k != "name"})
    rdfc = canonicalizer(jsonld, "sha256")()
    rdfc.main(dataset, {"format": "application/n-quads"})
    canonical_ids: dict[str, str] = dict(rdfc.canonical_issuer.existing)
    labels = {
        input_label: "u" + b64url_encode(
            hmac.digest(hmac_key, c14n_label.removeprefix("_:").encode(), "sha256"))
        for input_label, c14n_label in canonical_ids.items()
    }
    lines = sorted(nquad(q, lambda label: "_:" + labels[label]) for q in quads)
    return lines, labels


def _refuse_unnamed_blank_nodes(dataset: Mapping[str, list[dict[str, Any]]]) -> None:
    """Skolemization names every node; a blank node left is one JSON-LD made (an RDF list),
    which the selection would name differently: mandatory statements cannot be told apart."""
    for graph, triples in dataset.items():
        terms = [term for triple in triples for term in triple.values()]
        if graph.startswith("_:") or any(t.get("type") == "blank node" for t in terms):
            raise SelectionNotComparable(
                tr("Kredo cannot tell which statements of this selective-disclosure proof are "
                   "mandatory (the document holds a list), so it was not checked."),
                details="a blank node JSON-LD generated (an RDF list)",
            )


# --- selection (§3.4.13) ------------------------------------------------------------------


class _Hole:
    """A place in a selected array no pointer filled (removed at the end)."""


_HOLE = _Hole()


def _parse_pointer(pointer: str) -> list[str | int]:
    if not isinstance(pointer, str) or (pointer and not pointer.startswith("/")):
        raise _no_match(pointer)
    paths: list[str | int] = []
    for path in pointer.split("/")[1:]:
        if "~" in path:
            paths.append(path.replace("~1", "/").replace("~0", "~"))
        else:
            paths.append(int(path) if _ARRAY_INDEX.fullmatch(path) else path)
    return paths


def _select_paths(
    document: Mapping[str, Any],
    pointer: str,
    paths: list[str | int],
    selection: dict[str, Any],
    arrays: list[list[Any]],
) -> None:
    value: Any = document
    selected_parent: Any = selection
    selected: Any = selection
    for path in paths:
        selected_parent = selected
        value = _child(value, path, pointer)
        selected = _child_or_none(selected_parent, path)
        if selected is None:
            if isinstance(value, list):
                selected = []
                arrays.append(selected)
            else:
                selected = _init_selection({}, value)
            _put(selected_parent, path, selected)
    if isinstance(value, list):
        selected = copy.deepcopy(value)
    elif isinstance(value, dict):
        selected = {**selected, **copy.deepcopy(value)}
    else:
        selected = value
    _put(selected_parent, paths[-1], selected)


def _init_selection(selection: dict[str, Any], source: Any) -> dict[str, Any]:
    if isinstance(source, dict):
        node_id = source.get("id")
        if isinstance(node_id, str) and node_id and not node_id.startswith("_:"):
            selection["id"] = node_id
        if source.get("type"):
            selection["type"] = copy.deepcopy(source["type"])
    return selection


def _child(parent: Any, path: str | int, pointer: str) -> Any:
    if isinstance(parent, list) and isinstance(path, int) and path < len(parent):
        return parent[path]
    if isinstance(parent, dict) and str(path) in parent:
        return parent[str(path)]
    raise _no_match(pointer)


def _child_or_none(parent: Any, path: str | int) -> Any:
    if isinstance(parent, list):
        found = parent[path] if isinstance(path, int) and path < len(parent) else None
        return None if found is _HOLE else found
    return parent.get(str(path)) if isinstance(parent, dict) else None


def _put(parent: Any, path: str | int, value: Any) -> None:
    if isinstance(parent, list) and isinstance(path, int):
        parent.extend([_HOLE] * (path + 1 - len(parent)))
        parent[path] = value
    elif isinstance(parent, dict):
        parent[str(path)] = value


def _no_match(pointer: object) -> MalformedCredential:
    return MalformedCredential(
        tr("A mandatory pointer of the selective-disclosure proof does not match the "
           "document."),
        details=f"pointer {str(pointer)[:200]!r}",
    )


@cache
def _jsonld() -> Any:
    from pyld import jsonld  # noqa: PLC0415  (imported on first use, as wallet.jsonld does)

    return jsonld


def _options() -> dict[str, Any]:
    return {"documentLoader": offline_document_loader}
