"""Hypothesis strategies that damage real inputs in the ways files really get damaged.

* ``byte_mutations``: flips, truncation, splicing two seeds, inserting syntax characters.
* ``json_mutations``: parse a JSON document and damage one spot of its *structure* — a value
  of the wrong type, a missing member, a list where an object was, a date that is no date —
  then serialize it again. Byte flips mostly break the JSON syntax and stop at the first
  ``json.loads``; structural damage reaches the code that reads the fields.
* ``fuzz_settings``: the example budget; ``KREDO_FUZZ_SCALE`` multiplies it (``make fuzz``),
  and a scaled run is randomized so each long run explores new inputs.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCALE = float(os.environ.get("KREDO_FUZZ_SCALE", "1"))

# Strings that mean something to one parser or another.
TRICKY_STRINGS = (
    "", " ", "urn:", "did:", "did:key:", "did:key:z6Mk", "did:jwk:e30", "did:web:", "data:,",
    "data:application/vc+jwt,", "#", "#key-1", "http://", "https://", "ftp://x", "..", "~",
    "a.b.c", "e30.e30.", "e30..", "2025-13-45", "2025-02-30T25:61:61Z", "9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z", "-1", "1e999", "NaN", "P1Y", "PT125H", "P", "\u0000", "\ud7ff",
    "Č" * 300, "x" * 5000, "en", "cs", "@none", "@value", "@id", "@type", "sha-256", "md5",
    "none", "HS256", "EdDSA", "ES256", "RS256", "z", "u", "AAAA", "====", "-_-_",
)


def fuzz_settings(examples: int, **overrides: Any) -> settings:
    """Bounded and derandomized in CI; ``KREDO_FUZZ_SCALE=50`` for a long, random run."""
    base: dict[str, Any] = {
        "max_examples": max(1, int(examples * SCALE)),
        "deadline": None,
        "derandomize": SCALE <= 1,
        "database": None,
        "suppress_health_check": list(HealthCheck),
        "print_blob": True,
    }
    base.update(overrides)
    return settings(**base)


def _leaf() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.sampled_from([0, -1, 1, 2**31, 2**63, 10**30, 1.5, -0.0, 1e308, 4e9]),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=24),
        st.sampled_from(TRICKY_STRINGS),
    )


JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    _leaf(),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=8), st.sampled_from(
            ["@value", "@language", "@id", "type", "id", "name", "en", "cs", "_sd", "..."])),
            children, max_size=4),
    ),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = (), out: list[tuple[Any, ...]] | None = None,
           limit: int = 4000) -> list[tuple[Any, ...]]:
    """Every path into ``node`` (keys and indices), breadth limited to ``limit`` paths."""
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    out.append(prefix)
    if isinstance(node, dict):
        for key, value in node.items():
            _paths(value, (*prefix, key), out, limit)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _paths(value, (*prefix, index), out, limit)
    return out


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def _swap_type(value: Any) -> Any:
    """The same content in the neighbouring shape a sloppy issuer might produce."""
    if isinstance(value, str):
        return [value] if len(value) % 2 else {"@value": value, "@language": "en"}
    if isinstance(value, list):
        return value[0] if value else {}
    if isinstance(value, dict):
        return [value, copy.deepcopy(value)]
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    return value


MUTATIONS = ("replace", "delete", "swap_type", "duplicate", "empty", "nest")


@st.composite
def json_document_mutations(draw: st.DrawFn, document: Any, rounds: int = 3) -> Any:
    """A damaged deep copy of ``document``; one to ``rounds`` structural changes."""
    doc = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, rounds))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(MUTATIONS))
        if not path:  # the root itself
            if action in ("replace", "delete"):
                doc = draw(JSON_VALUES)
            elif action == "swap_type":
                doc = _swap_type(doc)
            continue
        parent, last = _get(doc, path[:-1]), path[-1]
        current = parent[last]
        if action == "replace":
            parent[last] = draw(JSON_VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "swap_type":
            parent[last] = _swap_type(current)
        elif action == "duplicate":
            parent[last] = [current, copy.deepcopy(current)]
        elif action == "empty":
            parent[last] = type(current)() if isinstance(current, str | list | dict) else None
        else:  # nest: deep nesting, the classic recursion bomb in a small place
            nested: Any = current
            for _ in range(draw(st.integers(1, 200))):
                nested = [nested]
            parent[last] = nested
    return doc


def json_mutations(raw: bytes, rounds: int = 3) -> st.SearchStrategy[bytes]:
    """``raw`` (JSON) parsed, structurally damaged and serialized again."""
    document = json.loads(raw)
    return json_document_mutations(document, rounds).map(
        lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8"))


@st.composite
def byte_mutations(draw: st.DrawFn, seeds: tuple[bytes, ...], max_actions: int = 4) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, max_actions))):
        if not data:
            break
        action = draw(st.sampled_from(["flip", "truncate", "splice", "insert", "repeat"]))
        at = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "truncate":
            del data[at:]
        elif action == "splice":
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(0, len(other)))
            data[at:] = other[start:]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from(
                [b"~", b".", b"{", b"}", b"[", b"]]>", b"\x00", b'"', b"==", b"\\u0000",
                 b"\xff\xfe", b"<!ENTITY x SYSTEM 'file:///etc/passwd'>", b"&x;", b",", b":"]))
        else:
            end = min(len(data), at + draw(st.integers(1, 64)))
            data[at:at] = data[at:end] * draw(st.integers(1, 50))
    return bytes(data)


def mapped_json_text(text: str, rounds: int = 3,
                     encode: Callable[[Any], str] | None = None) -> st.SearchStrategy[str]:
    """Like :func:`json_mutations` for JSON held in a string (a JWT part, a seal payload)."""
    document = json.loads(text)
    dump = encode or (lambda d: json.dumps(d, ensure_ascii=False))
    return json_document_mutations(document, rounds).map(dump)
