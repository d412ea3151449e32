"""JSON-LD → compressed CBOR-LD, written the way the DCC wallet's reader expects.

The walk mirrors the reference (``@digitalcredentials/cborld`` 4.3.4 and
``@digitalbazaar/cborld`` 8.x agree on it for the documents Kredo writes): per object,
apply its ``@context``, then the contexts its types bring, then visit the keys in sorted
order; each key becomes its term number, each value goes through the codec its term's
``@type`` selects (``value_codecs``). Anything the readers could not turn back into the same
document is refused with a :class:`SharingError` that names the culprit, rather than written.
"""

from __future__ import annotations

from typing import Any

from wallet.errors import FormatError, SharingError
from wallet.qr.vpqr.active_context import (
    ActiveContext,
    ContextLoader,
    ContextProcessingFailed,
    TermDefinition,
    utf16_order,
)
from wallet.qr.vpqr.registry import cborld_registry
from wallet.qr.vpqr.value_codecs import (
    CRYPTOSUITE_STRING,
    MULTIBASE,
    XSD_DATE,
    XSD_DATETIME,
    compress_date,
    compress_datetime,
    compress_multibase,
    compress_url,
)
from wallet.translation import tr

CONTEXT_KEY = 0
CONTEXTS_KEY = 1
_MAX_DEPTH = 64
_INT_RANGE = range(-(2**64), 2**64)


def compress_document(document: dict[str, Any]) -> dict[int, Any]:
    """The compressed CBOR-LD tree (term numbers as keys) of one JSON-LD object."""
    if not isinstance(document, dict):
        raise FormatError(
            tr("Only a JSON object (a credential or presentation) can go into a VP1- QR code.")
        )
    compressor = _Compressor()
    try:
        return compressor.object(document, ActiveContext(compressor.loader), depth=0)
    except ContextProcessingFailed as exc:
        raise SharingError(exc.message, details=exc.context_url) from None


class _Compressor:
    def __init__(self) -> None:
        self.loader = ContextLoader()
        registry = cborld_registry()
        self._context_ids = registry.context_ids_written
        self._keywords = frozenset(registry.keyword_ids)
        # Keywords whose numbers collide with registered context numbers would be read back
        # as URLs by the newer reader; such type values stay text.
        self._unsafe_keyword_values = frozenset(
            name for name, number in registry.keyword_ids.items() if number in registry.context_urls
        )

    def object(self, node: dict[str, Any], active: ActiveContext, *, depth: int) -> dict[int, Any]:
        if depth > _MAX_DEPTH:
            raise SharingError(tr("The document nests too deeply for a VP1- QR code."))
        if not all(isinstance(key, str) for key in node):
            raise FormatError(
                tr("The document has a property name that is not text, so it is not JSON.")
            )
        out: dict[int, Any] = {}
        if "@context" in node:
            contexts = node["@context"]
            out.update(self._encode_contexts(contexts))
            active = active.with_embedded(contexts)

        # Type values are written with the term numbers known *before* the type-scoped
        # contexts load: the reader must expand them to find those contexts.
        type_id_limit = self.loader.next_term_id
        types: list[Any] = []
        for type_term in active.type_terms:
            value = node.get(type_term)
            types.extend(value if isinstance(value, list) else [value])
        active = active.with_type_scopes(types)

        for key in sorted(node, key=utf16_order):
            if key == "@context":
                continue
            definition = active.definition(key)
            number = self.loader.id_for_term(key)
            if number is None or (definition is None and key not in self._keywords):
                raise SharingError(
                    tr(
                        "The property {term} has no definition in the document's JSON-LD "
                        "contexts, so CBOR-LD cannot give it a number and the DCC wallet could "
                        "not read the code.",
                        term=repr(key[:80]),
                    ),
                    details=f"undefined term: {key[:200]}",
                )
            if key.startswith("@") and key not in ("@id", "@type"):
                # The DCC reader has no term definition for other keywords and stops.
                raise SharingError(
                    tr(
                        "The document uses the JSON-LD keyword {keyword} (a value object "
                        "or similar), which the DCC wallet's VP1- reader cannot read.",
                        keyword=repr(key[:40]),
                    ),
                    details=f"keyword: {key[:100]}",
                )
            value = node[key]
            plural = isinstance(value, list)
            values = value if plural else [value]
            value_active = active.for_property(key)
            encoded = [
                self._value(
                    item,
                    term=key,
                    definition=definition,
                    active=value_active,
                    type_id_limit=type_id_limit,
                    depth=depth,
                )
                for item in values
            ]
            out[number + 1 if plural else number] = encoded if plural else encoded[0]
        return out

    def _encode_contexts(self, contexts: Any) -> dict[int, Any]:
        if isinstance(contexts, list):
            return {CONTEXTS_KEY: [self._encode_context(item) for item in contexts]}
        return {CONTEXT_KEY: self._encode_context(contexts)}

    def _encode_context(self, context: Any) -> Any:
        if isinstance(context, str) and context:
            return self._context_ids.get(context, context)
        if isinstance(context, dict):
            return _plain_json(context, depth=0)
        raise SharingError(tr("The document's @context holds a value that is not a context."))

    def _value(
        self,
        value: Any,
        *,
        term: str,
        definition: TermDefinition | None,
        active: ActiveContext,
        type_id_limit: int,
        depth: int,
    ) -> Any:
        if value is None:
            return None
        iri = definition.iri if definition is not None else None
        if term == "@id" or iri == "@id":
            return compress_url(_text(value, term)) or value
        if term == "@type" or iri == "@type":
            return self._vocab(_text(value, term), type_id_limit)
        if isinstance(value, dict):
            return self.object(value, active, depth=depth + 1)
        if isinstance(value, list):
            raise SharingError(
                tr(
                    "The property {term} holds a list inside a list, which CBOR-LD "
                    "readers cannot rebuild.",
                    term=repr(term[:80]),
                )
            )
        _check_scalar(value, term)
        return self._typed(value, term, definition.value_type if definition is not None else None)

    def _typed(self, value: Any, term: str, value_type: str | None) -> Any:
        """A scalar compressed as its term's ``@type`` says (as it is when no form fits)."""
        if value_type == "@id":
            return compress_url(_text(value, term)) or value
        if value_type == "@vocab":
            return self._vocab(_text(value, term), self.loader.next_term_id)
        if value_type == MULTIBASE:
            compressed_bytes = compress_multibase(value) if isinstance(value, str) else None
            return value if compressed_bytes is None else compressed_bytes
        if value_type == XSD_DATE:
            compressed_date = compress_date(_text(value, term))
            return value if compressed_date is None else compressed_date
        if value_type == XSD_DATETIME:
            compressed_time = compress_datetime(_text(value, term))
            return value if compressed_time is None else compressed_time
        if value_type == CRYPTOSUITE_STRING:
            return _text(value, term)
        return value

    def _vocab(self, value: str, id_limit: int) -> Any:
        number = self.loader.id_for_term(value)
        if number is not None and number < id_limit and value not in self._unsafe_keyword_values:
            return number
        return compress_url(value) or value


def _text(value: Any, term: str) -> str:
    if not isinstance(value, str):
        raise SharingError(
            tr(
                "The property {term} must hold text (an identifier, type or date) "
                "to be compressed.",
                term=repr(term[:80]),
            )
        )
    return value


def _check_scalar(value: Any, term: str) -> None:
    if isinstance(value, (bool, str, float)):
        return
    if isinstance(value, int):
        if value not in _INT_RANGE:
            raise SharingError(
                tr(
                    "The property {term} holds a number too large for CBOR-LD.",
                    term=repr(term[:80]),
                )
            )
        return
    raise FormatError(
        tr(
            "The property {term} holds a {kind}, which is not JSON.",
            term=repr(term[:80]),
            kind=type(value).__name__,
        )
    )


def _plain_json(value: Any, *, depth: int) -> Any:
    """An inline context, checked to be plain JSON (it is written as it is)."""
    if depth > _MAX_DEPTH:
        raise SharingError(tr("An inline @context nests too deeply for a VP1- QR code."))
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise FormatError(tr("An inline @context has a key that is not text."))
        return {key: _plain_json(item, depth=depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_json(item, depth=depth + 1) for item in value]
    if value is None or isinstance(value, (str, bool, float)):
        return value
    if isinstance(value, int) and value in _INT_RANGE:
        return value
    raise FormatError(tr("An inline @context holds a value that is not JSON."))
