"""pyld's JSON-LD processor, remembering what does not change from one document to the next.

Context processing (JSON-LD 1.1 API §4.1) is a function of the active context, the local
context and a few flags. pyld caches its result per resolved context and active context id,
but a type-scoped context (``propagate: false``) starts from a fresh copy of the active
context with a fresh id, so pyld misses its own cache and processes the Open Badges and VC
scoped contexts again for every node of every credential: about half of the time of a
verification went there.

The processor here remembers, in bounded LRU caches:

- each processed context, under the id of the active context it started from (pyld's
  ``_uuid``, given once to a context that is then frozen and never changed), the content
  of the local context and the document loader that serves the URLs in it. A hit hands back
  the same frozen context pyld made the first time; pyld itself shares processed contexts
  between documents in the same way on its own cache hits, so nothing it does relies on
  getting a fresh one;
- the content key of each scoped context found in the term definitions of those contexts.

It also copies the input document with a JSON-only copy instead of ``copy.deepcopy`` (pyld
copies it so as not to change the caller's document; the result is the same).

What is not remembered (pyld computes it as before): anything on an active context that is
still mutable (no stable id), the internal calls pyld makes while defining scoped terms, a
local context that is not JSON, and any call that raises.
"""

from __future__ import annotations

import copy
import inspect
import json
import threading
from collections import OrderedDict
from functools import cache
from typing import Any

# Each credential shape needs a handful of processed contexts (the top-level contexts, each
# type-scoped and property-scoped context on each active context), and the bundled contexts
# hold a few hundred scoped contexts; the limits cover every format Kredo reads many times
# over and keep the memory bounded.
PROCESSED_CONTEXTS_MAX = 4096
SCOPED_CONTEXTS_MAX = 4096

MISSING = object()  # what BoundedLru.get answers for a key it does not hold


# The pyld methods overridden below, with the parameters they were written against (pyld 3.3).
_OVERRIDDEN = {
    "expand": ["self", "input_", "options"],
    "_process_context": ["self", "active_ctx", "local_ctx", "options", "override_protected",
                         "propagate", "validate_scoped", "cycles"],
}


@cache
def memoizing_processor_class(pyld_jsonld: Any) -> type[Any]:
    """A ``JsonLdProcessor`` subclass with the caches above; ``pyld_jsonld`` is pyld's
    processor module, which the caller imports. Should a pyld release change the methods it
    overrides, pyld's own class is used instead: slower, never wrong."""
    from frozendict import frozendict  # noqa: PLC0415  (pyld's own dependency, loaded with it)

    base = pyld_jsonld.JsonLdProcessor
    for name, parameters in _OVERRIDDEN.items():
        if list(inspect.signature(getattr(base, name)).parameters) != parameters:
            plain: type[Any] = base
            return plain

    processed = BoundedLru(PROCESSED_CONTEXTS_MAX)
    # The scoped contexts inside the term definitions of processed contexts, by identity, with
    # their content key: pyld hands the same objects back for every document and never
    # changes them (they are part of the frozen contexts it shares), so their key is made
    # once instead of serializing them again at every use.
    scoped_keys = BoundedLru(SCOPED_CONTEXTS_MAX)

    def frozen_as_dict(value: Any) -> dict[str, Any]:
        if isinstance(value, frozendict):
            return dict(value)
        raise TypeError(type(value).__name__)

    def content_key(local_ctx: Any) -> str | None:
        if type(local_ctx) is dict:
            known = scoped_keys.get((id(local_ctx),))
            if known is not MISSING and known[0] is local_ctx:
                key: str = known[1]
                return key
        try:
            return json.dumps(local_ctx, sort_keys=True, default=frozen_as_dict)
        except (TypeError, ValueError):
            return None

    def remember_scoped_contexts(context: Any) -> None:
        for definition in context["mappings"].values():
            scoped = definition.get("@context") if isinstance(definition, dict) else None
            if type(scoped) is dict and scoped_keys.get((id(scoped),)) is MISSING:
                key = content_key(scoped)
                if key is not None:
                    # the object itself is held, so its id is not reused while remembered
                    scoped_keys.put((id(scoped),), (scoped, key))

    class MemoizingJsonLdProcessor(pyld_jsonld.JsonLdProcessor):  # type: ignore[misc]
        processed_contexts = processed

        def expand(self, input_: Any, options: Any) -> Any:
            if type(input_) is dict:
                input_ = _CopiedAsJson(input_)
            return super().expand(input_, options)

        def _process_context(  # noqa: PLR0917  (pyld's signature)
            self,
            active_ctx: Any,
            local_ctx: Any,
            options: dict[str, Any],
            override_protected: bool = False,
            propagate: bool = True,
            validate_scoped: bool = True,
            cycles: set[str] | None = None,
        ) -> Any:
            key = None
            if cycles is None and isinstance(active_ctx, frozendict) and "_uuid" in active_ctx:
                local_key = content_key(local_ctx)
                if local_key is not None:
                    key = (
                        active_ctx["_uuid"],
                        local_key,
                        override_protected,
                        propagate,
                        validate_scoped,
                        options.get("base"),
                        options.get("processingMode"),
                        # a context URL means what the loader serves for it
                        options.get("documentLoader"),
                    )
                    remembered = processed.get(key)
                    if remembered is not MISSING:
                        return remembered
            result = super()._process_context(
                active_ctx,
                local_ctx,
                options,
                override_protected=override_protected,
                propagate=propagate,
                validate_scoped=validate_scoped,
                cycles=cycles,
            )
            # Only a frozen result is safe to share: pyld may still change a mutable one.
            if key is not None and isinstance(result, frozendict):
                processed.put(key, result)
                remember_scoped_contexts(result)
            return result

    return MemoizingJsonLdProcessor


class BoundedLru:
    """A least-recently-used map holding at most ``size`` entries; ``get`` answers
    ``MISSING`` for a key it does not hold. Safe to share between threads (the GUI verifies
    on worker threads)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple[Any, ...]) -> Any:
        with self._lock:
            value = self._entries.get(key, MISSING)
            if value is not MISSING:
                self._entries.move_to_end(key)
            return value

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            if len(self._entries) > self.size:
                self._entries.popitem(last=False)


class _CopiedAsJson(dict):  # type: ignore[type-arg]
    """The input document, which pyld deep-copies before expanding: copied here with a copy
    that knows JSON (dicts, lists and immutable scalars), about five times faster."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        copied: dict[str, Any] = {key: _json_copy(value) for key, value in self.items()}
        return copied


def _json_copy(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {key: _json_copy(item) for key, item in value.items()}
    if kind is list:
        return [_json_copy(item) for item in value]
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    return copy.deepcopy(value)  # not plain JSON: pyld's own way
