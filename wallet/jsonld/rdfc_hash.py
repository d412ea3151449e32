"""RDFC-1.0 with the hash algorithm its user chooses.

RDFC-1.0 (W3C RDF Dataset Canonicalization, §4.2 "hash algorithm") labels blank nodes by
hashing the quads around them. Its default is SHA-256, and the specification that uses it may
choose another: vc-di-ecdsa §2.2 requires SHA-384 for P-384 keys. The choice changes which
blank node becomes ``_:c14n0``, so the canonical form itself (not only the hash of it) differs
as soon as a document has two blank nodes.

pyld's ``URDNA2015`` (RDFC-1.0) always hashes with SHA-256, but takes the hash from one method,
``create_hash``, which its own ``URGNA2012`` overrides with SHA-1; the subclass here overrides
it the same way. With SHA-256 it is pyld's class unchanged.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any, Literal

RdfcHash = Literal["sha256", "sha384"]
RDFC_HASHES: frozenset[str] = frozenset({"sha256", "sha384"})


@cache
def canonicalizer(pyld_jsonld: Any, hash_name: RdfcHash) -> type[Any]:
    """An RDFC-1.0 canonicalizer class (pyld's ``URDNA2015`` interface) hashing with
    ``hash_name``; ``pyld_jsonld`` is pyld's processor module, which the caller imports."""
    if hash_name not in RDFC_HASHES:
        raise ValueError(f"RDFC-1.0 is used here with SHA-256 or SHA-384, not {hash_name!r}")

    class Rdfc10(pyld_jsonld.URDNA2015):  # type: ignore[misc]
        def create_hash(self) -> Any:
            return hashlib.new(hash_name)

    Rdfc10.__name__ = Rdfc10.__qualname__ = f"Rdfc10{hash_name.upper()}"
    return Rdfc10
