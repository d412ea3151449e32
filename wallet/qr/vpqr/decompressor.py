"""Compressed CBOR-LD → JSON-LD, reading what either reference library writes.

The walk is the compressor's, backwards: per map, expand the ``@context`` entries and apply
them, expand the type values (which are needed to find type-scoped contexts), apply those,
then turn every term number back into its term, in sorted term order, because term numbers
are handed out as contexts load. Values go back through the codec their term's ``@type``
selects. The rules for numbers that stand for table entries follow ``@digitalbazaar/cborld``
8.x, which reads both the DCC wallet's legacy form and the newer 1.0 form.

Every problem raises a :class:`FormatError` subclass. The output is capped in size: term
numbers are short and term names long, so a small code could otherwise expand a lot.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from wallet.errors import FormatError, InputTooLarge
from wallet.qr.vpqr.active_context import (
    ActiveContext,
    ContextLoader,
    ContextProcessingFailed,
    TermDefinition,
    utf16_order,
)
from wallet.qr.vpqr.compressor import CONTEXT_KEY, CONTEXTS_KEY
from wallet.qr.vpqr.registry import cborld_registry
from wallet.qr.vpqr.value_codecs import (
    CRYPTOSUITE_STRING,
    MULTIBASE,
    XSD_DATE,
    XSD_DATETIME,
    damaged,
    expand_date,
    expand_datetime,
    expand_multibase,
    expand_url,
    is_compressed_datetime,
)
from wallet.translation import tr

# Decoded text (keys and string values) allowed per code: far above any credential that
# fits a QR code (an OB 3.0 credential is about 2,500 characters of JSON).
MAX_DECODED_CHARS = 4 * 1024 * 1024
_URL = "url"
_NONE = "none"
_NOT_A_SCALAR = object()


@dataclass(frozen=True)
class ReadTables:
    """Which numbers stand for table entries, per value kind, for one envelope format."""

    legacy: bool
    tables: dict[str, dict[int, str]]
    # Kinds whose table numbers are written as bytes (so plain integers stay integers).
    as_bytes: frozenset[str]

    @classmethod
    def for_envelope(cls, *, legacy: bool) -> ReadTables:
        registry = cborld_registry()
        if legacy:
            strings = registry.context_urls
            return cls(
                legacy=True,
                tables={
                    "context": strings,
                    _URL: strings,
                    _NONE: strings,
                    CRYPTOSUITE_STRING: registry.cryptosuites,
                },
                as_bytes=frozenset({_NONE, XSD_DATE, XSD_DATETIME}),
            )
        return cls(
            legacy=False,
            tables={"context": {}, _URL: {}, _NONE: {}},
            as_bytes=frozenset({_NONE, XSD_DATE, XSD_DATETIME, _URL}),
        )


def decompress_document(payload: Any, tables: ReadTables) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise damaged(tr("its payload is not a single CBOR-LD document"))
    decompressor = _Decompressor(tables)
    try:
        return decompressor.object(payload, ActiveContext(decompressor.loader))
    except ContextProcessingFailed as exc:
        raise FormatError(
            exc.message
            if exc.context_url
            else tr("This VP1- code cannot be expanded: {reason}", reason=exc.message),
            details=exc.context_url,
        ) from None


def plain_json_document(payload: Any) -> dict[str, Any]:
    """An uncompressed payload (registry entry 0), checked to be a JSON object."""
    if not isinstance(payload, dict):
        raise damaged(tr("its uncompressed payload is not a JSON object"))
    checked: dict[str, Any] = _Decompressor(ReadTables.for_envelope(legacy=False))._plain(payload)
    return checked


class _Decompressor:
    def __init__(self, tables: ReadTables) -> None:
        self.loader = ContextLoader()
        self.tables = tables
        self._chars = 0

    def _spend(self, text: str) -> str:
        self._chars += len(text)
        if self._chars > MAX_DECODED_CHARS:
            raise InputTooLarge(
                tr(
                    "The VP1- code expands to more than {size} MiB of text; Kredo refuses it.",
                    size=MAX_DECODED_CHARS // (1024 * 1024),
                )
            )
        return text

    def object(self, node: dict[Any, Any], active: ActiveContext) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if CONTEXT_KEY in node and CONTEXTS_KEY in node:
            raise damaged(tr("it holds both a single and a plural @context"))
        if CONTEXT_KEY in node:
            out["@context"] = self._context(node[CONTEXT_KEY])
        elif CONTEXTS_KEY in node:
            contexts = node[CONTEXTS_KEY]
            if not isinstance(contexts, list):
                raise damaged(tr("its plural @context is not a list"))
            out["@context"] = [self._context(item) for item in contexts]
        if "@context" in out:
            active = active.with_embedded(out["@context"])

        active = active.with_type_scopes(self._object_types(node, active))

        entries: list[tuple[str, bool, Any]] = []
        for key, value in node.items():
            if key in (CONTEXT_KEY, CONTEXTS_KEY):
                continue
            if isinstance(key, str):
                entries.append((self._spend(key), False, value))
                continue
            found = self.loader.term_for_id(key)
            if found is None:
                raise damaged(
                    tr("it uses the term number {number}, which its contexts do not define",
                       number=key)
                )
            term, plural = found
            entries.append((self._spend(term), plural, value))
        entries.sort(key=lambda entry: utf16_order(entry[0]))
        for (term, _, _), following in itertools.pairwise(entries):
            if term == following[0]:
                raise damaged(tr("it holds the term {term} twice", term=repr(term[:80])))

        for term, plural, value in entries:
            definition = active.definition(term)
            kind = _value_kind(term, definition)
            value_active = active.for_property(term)
            if plural:
                if not isinstance(value, list):
                    raise damaged(
                        tr("its plural term {term} does not hold a list", term=repr(term[:80]))
                    )
                out[term] = [self._value(item, kind, value_active) for item in value]
            else:
                out[term] = self._value(value, kind, value_active)
        return out

    def _object_types(self, node: dict[Any, Any], active: ActiveContext) -> list[Any]:
        types: list[Any] = []
        for type_term in active.type_terms:
            number = self.loader.id_for_term(type_term)
            raw = node.get(type_term) if number is None else node.get(number)
            if raw is None and number is not None:
                raw = node.get(number + 1)
            if raw is None:
                continue
            for item in raw if isinstance(raw, list) else [raw]:
                if isinstance(item, (str, int, list, bytes)) and not isinstance(item, bool):
                    types.append(self._scalar(item, _URL))
        return types

    def _context(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            url = self.tables.tables["context"].get(value)
            if url is None:
                raise damaged(
                    tr("it names the context number {number}, which no registry lists",
                       number=value)
                )
            return url
        if isinstance(value, str):
            return self._spend(value)
        if isinstance(value, dict):
            return self._plain(value)
        raise damaged(tr("its @context holds something that is not a context"))

    def _plain(self, value: Any) -> Any:
        """Uncompressed JSON (an inline context, a whole uncompressed document), checked."""
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                raise damaged(tr("a JSON object in it has a key that is not text"))
            return {self._spend(key): self._plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._plain(item) for item in value]
        if isinstance(value, bytes):
            raise damaged(tr("it holds raw bytes where JSON needs a value"))
        return self._spend(value) if isinstance(value, str) else value

    def _value(self, value: Any, kind: str, active: ActiveContext) -> Any:
        if value is None:
            return None
        if isinstance(value, dict):
            return self.object(value, active)
        decoded = self._scalar(value, kind)
        if decoded is _NOT_A_SCALAR:
            return [self._value(item, kind, active) for item in value]
        return decoded

    def _scalar(self, value: Any, kind: str) -> Any:
        table = self.tables.tables.get(kind)
        if table is not None:
            found = self._from_table(value, kind, table)
            if found is not None:
                return found
        if kind == _URL:
            return self._url(value)
        if kind == MULTIBASE and isinstance(value, bytes):
            return self._spend(expand_multibase(value))
        if kind == XSD_DATE and isinstance(value, int) and not isinstance(value, bool):
            return expand_date(value)
        if kind == XSD_DATETIME and is_compressed_datetime(value):
            return expand_datetime(value)
        if isinstance(value, list):
            return _NOT_A_SCALAR
        if isinstance(value, bytes):
            raise damaged(tr("it holds raw bytes where JSON needs a value"))
        return self._spend(value) if isinstance(value, str) else value

    def _url(self, value: Any) -> str:
        """An identifier: as text, a compressed URL, or a term's number."""
        if isinstance(value, str):
            return self._spend(value)
        if isinstance(value, list):
            return self._spend(expand_url(value))
        if isinstance(value, int) and not isinstance(value, bool):
            term = self.loader.term_for_id(value)
            if term is None:
                raise damaged(
                    tr("it uses the term number {number}, which its contexts do not define",
                       number=value)
                )
            return self._spend(term[0])
        raise damaged(tr("it holds an identifier that is neither text nor a compressed URL"))

    def _from_table(self, value: Any, kind: str, table: dict[int, str]) -> Any:
        is_int = isinstance(value, int) and not isinstance(value, bool)
        number: int | None = None
        if isinstance(value, bytes) and kind in self.tables.as_bytes:
            number = _unsigned(value)
        elif is_int and kind not in self.tables.as_bytes:
            number = value
        if number is not None:
            hit = table.get(number)
            if hit is not None:
                return hit
            if self.tables.legacy and kind == _URL:
                return None  # the 0x0501 form writes terms as numbers too: the URL codec reads them
            raise damaged(
                tr("it uses the table number {number}, which no registry lists", number=number)
            )
        if isinstance(value, bytes) and kind not in (_NONE, _URL):
            # A JSON integer under a term whose type has a table is written as signed bytes.
            return _signed(value)
        return None


def _value_kind(term: str, definition: TermDefinition | None) -> str:
    iri = definition.iri if definition is not None else None
    value_type = definition.value_type if definition is not None else None
    if term in ("@id", "@type") or iri in ("@id", "@type") or value_type in ("@id", "@vocab"):
        return _URL
    return value_type or _NONE


def _unsigned(value: bytes) -> int:
    if len(value) not in (1, 2, 4):
        raise damaged(tr("it holds a table number of an odd width"))
    return int.from_bytes(value, "big")


def _signed(value: bytes) -> int:
    if len(value) not in (1, 2, 4, 8):
        raise damaged(tr("it holds an integer of an odd width"))
    return int.from_bytes(value, "big", signed=True)
