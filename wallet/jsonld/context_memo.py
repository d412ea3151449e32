"""pyld's JSON-LD processor with processed contexts remembered across documents.

Context processing (JSON-LD 1.1 API §4.1) is a function of the active context, the local
context and a few flags. pyld caches its result per resolved context and active context id,
but a type-scoped context (``propagate: false``) starts from a fresh copy of the active
context with a fresh id, so pyld misses its own cache and processes the Open Badges and VC
scoped contexts again for every node of every credential: about half of the time of a
verification went there.

The processor here remembers each result under the id of the active context it started from
(pyld's ``_uuid``, given once to a context that is then frozen and never changed) and the
content of the local context, in a bounded LRU cache. A hit hands back the same frozen context
pyld made the first time; pyld itself shares processed contexts between documents in the same
way on its own cache hits, so nothing it does relies on getting a fresh one.

What is not remembered (pyld processes it as before): a call on an active context that is
still mutable (no stable id), the internal calls pyld makes while defining scoped terms
(``cycles`` given), a local context that is not JSON, and any call that raises.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from functools import cache
from typing import Any

# Each credential shape needs a handful of entries (the top-level contexts, each type-scoped
# and property-scoped context on each active context); a few thousand cover every format
# Kredo reads many times over, and keep the memory bounded.
PROCESSED_CONTEXTS_MAX = 4096


@cache
def memoizing_processor_class(pyld_jsonld: Any) -> type[Any]:
    """A ``JsonLdProcessor`` subclass whose context processing is memoized; ``pyld_jsonld`` is
    pyld's processor module, which the caller imports."""
    from frozendict import frozendict  # noqa: PLC0415  (pyld's own dependency)

    processed = _Lru(PROCESSED_CONTEXTS_MAX)

    class MemoizingJsonLdProcessor(pyld_jsonld.JsonLdProcessor):  # type: ignore[misc]
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
            if cycles is None and isinstance(active_ctx, frozendict):
                local_key = _content_key(local_ctx)
                if local_key is not None:
                    key = (
                        active_ctx.get("_uuid"),
                        local_key,
                        override_protected,
                        propagate,
                        validate_scoped,
                        options.get("base"),
                        options.get("processingMode"),
                    )
                    remembered = processed.get(key)
                    if remembered is not None:
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
            if key is not None and key[0] is not None and isinstance(result, frozendict):
                processed[key] = result
            return result

    def _content_key(local_ctx: Any) -> str | None:
        try:
            return json.dumps(local_ctx, sort_keys=True, default=_frozen_as_dict)
        except (TypeError, ValueError):
            return None

    def _frozen_as_dict(value: Any) -> dict[str, Any]:
        if isinstance(value, frozendict):
            return dict(value)
        raise TypeError(type(value).__name__)

    MemoizingJsonLdProcessor.processed_contexts = processed  # for tests: the cache's size
    return MemoizingJsonLdProcessor


class _Lru:
    """A least-recently-used map holding at most ``size`` entries."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple[Any, ...]) -> Any:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def __setitem__(self, key: tuple[Any, ...], value: Any) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
