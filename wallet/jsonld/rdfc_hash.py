"""RDFC-1.0 with the hash algorithm its user chooses.

RDFC-1.0 (W3C RDF Dataset Canonicalization, §4.2 "hash algorithm") labels blank nodes by
hashing the quads around them. Its default is SHA-256, and the specification that uses it may
choose another: vc-di-ecdsa §2.2 requires SHA-384 for P-384 keys. The choice changes which
blank node becomes ``_:c14n0``, so the canonical form itself (not only the hash of it) differs
as soon as a document has two blank nodes.

pyld's ``URDNA2015`` (RDFC-1.0) always hashes with SHA-256, but takes the hash from one method,
``create_hash``, which its own ``URGNA2012`` overrides with SHA-1; the subclass here overrides
it the same way. With SHA-256 it is pyld's algorithm unchanged (one copy made cheaper), with
one addition: the limit on deep iterations that guards against poisoned datasets (below).
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any, Literal


class RdfcPoisonedDataset(ValueError):
    """The dataset's blank nodes are tied so that canonicalizing it would take too long."""


RdfcHash = Literal["sha256", "sha384"]
MAX_WORK_FACTOR = 3
RDFC_HASHES: frozenset[str] = frozenset({"sha256", "sha384"})


@cache
def canonicalizer(pyld_jsonld: Any, hash_name: RdfcHash) -> type[Any]:
    """An RDFC-1.0 canonicalizer class (pyld's ``URDNA2015`` interface) hashing with
    ``hash_name``; ``pyld_jsonld`` is pyld's processor module, which the caller imports."""
    if hash_name not in RDFC_HASHES:
        raise ValueError(f"RDFC-1.0 is used here with SHA-256 or SHA-384, not {hash_name!r}")

    class Rdfc10(pyld_jsonld.URDNA2015):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.deep_iterations_left: int | None = None

        def create_hash(self) -> Any:
            return hashlib.new(hash_name)

        def hash_n_degree_quads(self, id_: str, issuer: Any) -> Any:
            # RDFC-1.0 §4.4 step 6 and "Dataset Poisoning": the N-degree hashing tries every
            # permutation of tied blank nodes, which a crafted document (a clique of blank
            # nodes) makes run for hours. With n blank nodes still tied when step 6 starts,
            # allow n³ deep iterations (rdf-canonize's "maxWorkFactor 3"; the reference
            # verifier's default allows n), which every case of the W3C suite stays within,
            # the suite's "poison" graphs included, then give up.
            if self.deep_iterations_left is None:
                tied = sum(len(ids) for ids in self.hash_to_blank_nodes.values())
                self.deep_iterations_left = tied**MAX_WORK_FACTOR
            if self.deep_iterations_left <= 0:
                raise RdfcPoisonedDataset(
                    "RDFC-1.0: too many deep iterations (blank nodes tied beyond reason)"
                )
            self.deep_iterations_left -= 1
            return super().hash_n_degree_quads(id_, issuer)

        def modify_first_degree_component(self, id_: str, component: Any, key: str) -> Any:
            # pyld deep-copies the component; it is a flat dict of strings, so a shallow copy
            # is the same copy (and a tenth of the time spent canonicalizing went there).
            del key
            if component["type"] != "blank node":
                return component
            return {**component, "value": "_:a" if component["value"] == id_ else "_:z"}

    Rdfc10.__name__ = Rdfc10.__qualname__ = f"Rdfc10{hash_name.upper()}"
    return Rdfc10
