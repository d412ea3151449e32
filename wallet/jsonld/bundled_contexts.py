"""The JSON-LD contexts shipped in ``resources/contexts/`` and the URLs they answer.

``resources/contexts/manifest.json`` (maintained with ``packaging/update_contexts.py``) maps
each bundled file to its URLs. Files are read through ``importlib.resources`` from the
top-level ``resources`` folder; when Kredo runs from a source checkout where ``resources`` is
not importable, the same folder is found next to the ``wallet`` package.

URLs are matched after light normalisation, because documents in the wild cite the same
context as ``http://`` or ``https://`` and with a stray trailing ``/`` or ``#``.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib.resources.abc import Traversable
from typing import Any

from wallet.bundled_resources import resource_path
from wallet.errors import ContextNotAvailable
from wallet.translation import tr

_MANIFEST = "manifest.json"


def normalize_context_url(url: str) -> str:
    """The lookup key for a context URL: https, no trailing ``#`` or ``/``, no whitespace."""
    key = url.strip()
    if key.startswith("http://"):
        key = "https://" + key[len("http://") :]
    return key.rstrip("#/")


@functools.cache
def _contexts_dir() -> Traversable:
    return resource_path("contexts")


@functools.cache
def _url_to_file() -> dict[str, str]:
    manifest = json.loads(_contexts_dir().joinpath(_MANIFEST).read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for entry in manifest["contexts"]:
        for url in entry["urls"]:
            table[normalize_context_url(url)] = entry["file"]
    return table


@functools.cache
def _parsed_file(name: str) -> dict[str, Any]:
    # Parsed once per process; callers get copies because pyld rewrites contexts in place.
    document: dict[str, Any] = json.loads(
        _contexts_dir().joinpath(name).read_text(encoding="utf-8")
    )
    return document


def bundled_context_urls() -> frozenset[str]:
    """Every context URL Kredo can serve offline (normalised form)."""
    return frozenset(_url_to_file())


def bundled_file_for(url: str) -> str | None:
    """The bundled file name serving ``url``, or None."""
    return _url_to_file().get(normalize_context_url(url))


def load_bundled_context(url: str) -> dict[str, Any]:
    """A fresh copy of the bundled context document for ``url``.

    Raises :class:`ContextNotAvailable` for any URL that is not bundled: Kredo never fetches
    contexts, because a context fetched at verification time can change what was signed.
    """
    name = bundled_file_for(url)
    if name is None:
        raise ContextNotAvailable(
            tr(
                "The JSON-LD context {url} is not bundled with Kredo, and Kredo never "
                "downloads contexts.",
                url=url[:200],
            ),
            details=f"context url: {url[:500]}",
        )
    return copy.deepcopy(_parsed_file(name))
