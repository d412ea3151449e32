"""``search_ids``: the same matches in the same order as ``list(search=...)``, ids only."""

from __future__ import annotations

import pytest
from conftest import MakeCredential

from wallet.store.repository import CredentialRepository


@pytest.fixture
def filled(repository: CredentialRepository, make_credential: MakeCredential) -> list[int]:
    specs = [("Základy programování", "Masarykova univerzita", "Jana Nováková"),
             ("Základy kryptografie", "Univerzita Karlova", "Petr Černý"),
             ("Svařování", "Vysoké učení technické v Brně", "Jana Svobodová"),
             ("Datová analýza", "Masarykova univerzita", "Eva Dvořáková")]
    return [repository.add(make_credential(n, title_cs=title, title_en=f"Course {n}",
                                           issuer=issuer, learner=learner), source="t").id
            for n, (title, issuer, learner) in enumerate(specs)]


@pytest.mark.parametrize("text", ["zaklady", "Základy", "univerzita", "masaryk", "jana",
                                  "novakova", "brne svar", "course", "xyzzy", '"', "AND", "*"])
def test_same_matches_and_order_as_the_list(repository: CredentialRepository,
                                            filled: list[int], text: str) -> None:
    assert repository.search_ids(text) == [s.id for s in repository.list(search=text)]


def test_nothing_searchable_means_every_credential(repository: CredentialRepository,
                                                  filled: list[int]) -> None:
    # Like list(): a query of punctuation alone does not filter.
    assert repository.search_ids("  -- ") == filled
    assert repository.search_ids("zaklady")  # and a real one does
    assert len(repository.search_ids("zaklady")) == 2
