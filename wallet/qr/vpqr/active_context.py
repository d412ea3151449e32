"""Which JSON-LD term definitions are in force where, and the term numbers CBOR-LD gives them.

CBOR-LD replaces every term with a number. The numbers are not in any table: both sides
derive them from the contexts the document names, in the order the contexts are first met
while walking the document (keys sorted, children in order). Each new context adds its terms,
sorted, with the next free even number (odd = the same term with an array value), starting
at 100; JSON-LD keywords have fixed numbers below that. So the encoder and the decoder must
load contexts at exactly the same moments, which is what this module does for both.

The scoping rules follow JSON-LD 1.1 as ``@digitalbazaar/cborld`` implements them:
embedded contexts propagate, type-scoped contexts do not (they are reverted when the walk
enters a property), property-scoped contexts do. A property-scoped ``"@context": null``
(VC 2.0 uses one on ``verifiableCredential``) resets to the empty context. Contexts come only
from the bundled set (``wallet.jsonld``); nothing is fetched.

Failures raise :class:`ContextProcessingFailed`, which never leaves ``wallet.qr.vpqr``:
the encoder turns it into a ``SharingError``, the decoder into a ``FormatError``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wallet.errors import ContextNotAvailable
from wallet.jsonld import load_bundled_context
from wallet.qr.vpqr.registry import cborld_registry
from wallet.translation import tr

# Work budget: how many term definitions may be copied while scoping, in total, for one
# document. An OB 3.0 presentation needs about 50,000; hostile payloads with huge embedded
# contexts could otherwise make the walk quadratic.
MAX_SCOPING_WORK = 5_000_000
_MAX_CURIE_DEPTH = 16


class ContextProcessingFailed(Exception):
    """A context could not be loaded or applied (internal to ``wallet.qr.vpqr``)."""

    def __init__(self, message: str, *, context_url: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.context_url = context_url


def utf16_order(text: str) -> bytes:
    """Sort key matching JavaScript's default string order (UTF-16 code units)."""
    return text.encode("utf-16-be", "surrogatepass")


@dataclass(frozen=True)
class TermDefinition:
    """One term as a context defines it (CURIEs in ``@id``/``@type`` already expanded)."""

    body: dict[str, Any]
    protected: bool
    propagate: bool

    @property
    def iri(self) -> Any:
        return self.body.get("@id")

    @property
    def value_type(self) -> str | None:
        value = self.body.get("@type")
        return value if isinstance(value, str) else None

    @property
    def has_scoped_context(self) -> bool:
        return "@context" in self.body


@dataclass(frozen=True)
class _LoadedContext:
    context: dict[str, Any]
    terms: dict[str, dict[str, Any]]
    protected: bool


class ContextLoader:
    """Loads contexts once per document and hands out term numbers in first-seen order."""

    def __init__(self) -> None:
        registry = cborld_registry()
        self._keywords = frozenset(registry.keyword_ids)
        self.term_ids: dict[str, int] = dict(registry.keyword_ids)
        self.terms_by_id: dict[int, str] = registry.keyword_names
        self._next_id = registry.first_custom_term_id
        self._by_url: dict[str, _LoadedContext] = {}
        # Inline context objects are keyed by identity, like the reference does; the tuple
        # keeps the object alive so its id() cannot be reused.
        self._by_identity: dict[int, tuple[object, _LoadedContext]] = {}
        self._work = 0

    @property
    def next_term_id(self) -> int:
        """The number the next new term will get (every number below it is taken)."""
        return self._next_id

    def id_for_term(self, term: str) -> int | None:
        return self.term_ids.get(term)

    def term_for_id(self, number: int) -> tuple[str, bool] | None:
        """``(term, plural)`` for a term number, or None when no loaded context defines it."""
        plural = number & 1 == 1
        term = self.terms_by_id.get(number - 1 if plural else number)
        return None if term is None else (term, plural)

    def charge(self, amount: int) -> None:
        self._work += amount
        if self._work > MAX_SCOPING_WORK:
            raise ContextProcessingFailed(
                tr("The document's contexts are too complex to process for a QR code.")
            )

    def load(self, context: Any) -> _LoadedContext:
        if isinstance(context, str):
            cached = self._by_url.get(context)
            if cached is not None:
                return cached
            return self._add(self._fetch(context), url=context)
        if isinstance(context, dict):
            known = self._by_identity.get(id(context))
            if known is not None:
                return known[1]
            return self._add(context, url=None)
        raise ContextProcessingFailed(
            tr("A JSON-LD context is neither a URL nor an object."),
        )

    def _fetch(self, url: str) -> dict[str, Any]:
        try:
            document = load_bundled_context(url)
        except ContextNotAvailable:
            raise ContextProcessingFailed(
                tr(
                    "The JSON-LD context {url} is not one Kredo has offline, "
                    "so it cannot be used in a VP1- QR code.",
                    url=url[:200],
                ),
                context_url=url,
            ) from None
        inner = document.get("@context")
        if not isinstance(inner, dict):
            raise ContextProcessingFailed(
                tr("The JSON-LD context {url} is not a single context object.", url=url[:200]),
                context_url=url,
            )
        return inner

    def _add(self, context: dict[str, Any], *, url: str | None) -> _LoadedContext:
        source = context
        import_url = context.get("@import")
        if import_url:
            if not isinstance(import_url, str):
                raise ContextProcessingFailed(tr("A JSON-LD context's @import is not a URL."))
            imported = self._by_url.get(import_url) or self._add(
                self._fetch(import_url), url=import_url
            )
            context = {**imported.context, **context}

        terms: dict[str, dict[str, Any]] = {}
        for key in sorted(context, key=utf16_order):
            if key in self._keywords:
                continue  # a keyword: fixed number, no definition
            definition = context[key]
            if definition is None:
                continue
            if isinstance(definition, str):
                body: dict[str, Any] = {"@id": definition}
            elif isinstance(definition, dict):
                body = copy.deepcopy(definition)
            else:
                raise ContextProcessingFailed(
                    tr(
                        "The JSON-LD context defines the term {term} in a form "
                        "CBOR-LD does not accept.",
                        term=repr(key[:80]),
                    )
                )
            terms[key] = body
            if key not in self.term_ids:
                self.term_ids[key] = self._next_id
                self.terms_by_id[self._next_id] = key
                self._next_id += 2
        self.charge(len(terms))
        entry = _LoadedContext(
            context=context, terms=terms, protected=bool(context.get("@protected"))
        )
        if url is not None:
            self._by_url[url] = entry
        else:
            self._by_identity[id(source)] = (source, entry)
        return entry


class ActiveContext:
    """The term definitions in force at one place in the document."""

    def __init__(
        self,
        loader: ContextLoader,
        terms: dict[str, TermDefinition] | None = None,
        previous: ActiveContext | None = None,
    ) -> None:
        self.loader = loader
        self.terms: dict[str, TermDefinition] = terms if terms is not None else {}
        self.previous = previous
        self.type_terms: tuple[str, ...] = (
            "@type",
            *(term for term, definition in self.terms.items() if definition.iri == "@type"),
        )
        self._all_propagate = all(definition.propagate for definition in self.terms.values())

    def definition(self, term: str) -> TermDefinition | None:
        return self.terms.get(term)

    def with_embedded(self, contexts: Any) -> ActiveContext:
        """After an object's own ``@context`` (None: the object has none)."""
        if contexts is None:
            return self
        terms = _apply_contexts(
            self.loader, self.terms, _as_list(contexts), property_scope=False, type_scope=False
        )
        return ActiveContext(self.loader, terms, previous=self)

    def with_type_scopes(self, object_types: Iterable[Any]) -> ActiveContext:
        """After the contexts the object's types bring (sorted, per JSON-LD)."""
        names = sorted({t for t in object_types if isinstance(t, str)}, key=utf16_order)
        terms = self.terms
        changed = False
        for name in names:
            definition = terms.get(name)
            if definition is None or not definition.has_scoped_context:
                continue
            terms = _apply_contexts(
                self.loader,
                terms,
                _as_list(definition.body["@context"]),
                property_scope=False,
                type_scope=True,
            )
            changed = True
        return ActiveContext(self.loader, terms, previous=self) if changed else self

    def for_property(self, term: str) -> ActiveContext:
        """The context for the values of ``term``: type scopes reverted, its own scope added."""
        definition = self.terms.get(term)
        has_scope = definition is not None and definition.has_scoped_context
        if self._all_propagate and not has_scope:
            return self
        terms = self._reverted_terms()
        if has_scope:
            assert definition is not None
            terms = _apply_contexts(
                self.loader,
                terms,
                _as_list(definition.body["@context"]),
                property_scope=True,
                type_scope=False,
            )
        return ActiveContext(self.loader, terms, previous=self)

    def _reverted_terms(self) -> dict[str, TermDefinition]:
        self.loader.charge(len(self.terms))
        kept: dict[str, TermDefinition] = {}
        dropped: list[str] = []
        for term, definition in self.terms.items():
            if definition.propagate:
                kept[term] = definition
            else:
                dropped.append(term)
        for term in dropped:
            scope = self.previous
            while scope is not None:
                earlier = scope.terms.get(term)
                if earlier is None:
                    break
                if earlier.propagate:
                    kept[term] = earlier
                    break
                scope = scope.previous
        return kept


def _as_list(contexts: Any) -> list[Any]:
    return list(contexts) if isinstance(contexts, list) else [contexts]


def _apply_contexts(
    loader: ContextLoader,
    active: dict[str, TermDefinition],
    contexts: list[Any],
    *,
    property_scope: bool,
    type_scope: bool,
) -> dict[str, TermDefinition]:
    for context in contexts:
        if context is None:
            # JSON-LD 1.1: a null context empties the active context; protected terms allow
            # that only from a property-scoped context.
            if not property_scope and any(d.protected for d in active.values()):
                raise ContextProcessingFailed(
                    tr("A null JSON-LD context would remove protected terms.")
                )
            active = {}
            continue
        entry = loader.load(context)
        propagate = entry.context.get("@propagate", not type_scope)
        if not isinstance(propagate, bool):
            raise ContextProcessingFailed(
                tr("A JSON-LD context's @propagate is not true or false.")
            )
        fresh = {
            term: TermDefinition(
                body=_resolved_body(term, body, entry.context, active),
                protected=entry.protected,
                propagate=propagate,
            )
            for term, body in entry.terms.items()
        }
        loader.charge(len(fresh) + len(active))
        for term, old in active.items():
            new = fresh.get(term)
            if new is not None:
                if old.protected and not property_scope and new.body != old.body:
                    raise ContextProcessingFailed(
                        tr(
                            "A JSON-LD context redefines the protected term {term}.",
                            term=repr(term[:80]),
                        )
                    )
            elif not (term in entry.context and entry.context[term] is None):
                fresh[term] = old
        active = fresh
    return active


def _resolved_body(
    term: str,
    body: dict[str, Any],
    context: dict[str, Any],
    active: dict[str, TermDefinition],
) -> dict[str, Any]:
    resolved = dict(body)
    if "@id" in resolved:
        resolved["@id"] = _expand_curie(resolved["@id"], context, active)
    else:
        expanded = _expand_curie(term, context, active)
        if isinstance(expanded, str) and ":" in expanded:
            resolved["@id"] = expanded
    if "@type" in resolved:
        resolved["@type"] = _expand_curie(resolved["@type"], context, active)
    if not isinstance(resolved.get("@id"), str):
        raise ContextProcessingFailed(
            tr(
                "The JSON-LD term {term} has no IRI CBOR-LD could determine.",
                term=repr(term[:80]),
            )
        )
    return resolved


def _expand_curie(value: Any, context: dict[str, Any], active: dict[str, TermDefinition]) -> Any:
    for _ in range(_MAX_CURIE_DEPTH):
        if not isinstance(value, str) or ":" not in value:
            return value
        prefix, _, suffix = value.partition(":")
        raw = context.get(prefix)
        if raw is None:
            known = active.get(prefix)
            raw = known.body if known is not None else None
        if raw is None:
            return value
        base = raw if isinstance(raw, str) else raw.get("@id") if isinstance(raw, dict) else None
        if not isinstance(base, str):
            return value
        value = base + suffix
    raise ContextProcessingFailed(
        tr("A JSON-LD context's prefixes refer to each other in a loop.")
    )
