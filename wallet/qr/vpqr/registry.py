"""The CBOR-LD number tables (``resources/cborld/registry.json``).

Keyword ids, registered context URLs, URL scheme codes and cryptosuite names. Each table is
split into what Kredo *writes* and what it only *reads*: Kredo writes only numbers the oldest
reader in the field (the DCC wallet's ``@digitalcredentials/cborld`` 4.3.4) understands, and
reads everything the newer ``@digitalbazaar/cborld`` writes too.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from wallet.bundled_resources import resource_path


@dataclass(frozen=True)
class CborldRegistry:
    keyword_ids: dict[str, int]
    first_custom_term_id: int
    # context URL <-> number; ``context_ids_written`` leaves out the read-only numbers.
    context_urls: dict[int, str]
    context_ids_written: dict[str, int]
    url_schemes: dict[str, int]
    url_schemes_written: dict[str, int]
    cryptosuites: dict[int, str]

    @property
    def keyword_names(self) -> dict[int, str]:
        return {number: name for name, number in self.keyword_ids.items()}

    @property
    def scheme_prefixes(self) -> dict[int, str]:
        return {number: prefix for prefix, number in self.url_schemes.items()}


@functools.cache
def cborld_registry() -> CborldRegistry:
    raw: dict[str, Any] = json.loads(
        resource_path("cborld", "registry.json").read_text(encoding="utf-8")
    )
    context_urls = {int(number): url for number, url in raw["contexts"].items()}
    read_only_contexts = set(raw["contexts_read_only"]["ids"])
    read_only_schemes = set(raw["url_schemes_read_only"]["schemes"])
    url_schemes: dict[str, int] = dict(raw["url_schemes"])
    return CborldRegistry(
        keyword_ids=dict(raw["keywords"]),
        first_custom_term_id=int(raw["first_custom_term_id"]),
        context_urls=context_urls,
        context_ids_written={
            url: number for number, url in context_urls.items() if number not in read_only_contexts
        },
        url_schemes=url_schemes,
        url_schemes_written={
            prefix: number
            for prefix, number in url_schemes.items()
            if prefix not in read_only_schemes
        },
        cryptosuites={number: name for name, number in raw["cryptosuites"]["table"].items()},
    )
