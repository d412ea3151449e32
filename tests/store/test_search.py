"""Full-text search: Czech without diacritics, prefix while typing, user text never breaks FTS."""

from __future__ import annotations

import pytest
from conftest import MakeCredential

from wallet.store.repository import CredentialRepository


@pytest.fixture
def filled(repository: CredentialRepository, make_credential: MakeCredential) -> dict[str, int]:
    ids = {
        "basics": repository.add(make_credential(
            1, title_cs="Základy programování v Pythonu", title_en="Python basics",
            outcomes=("Student umí psát skripty",)), source="t").id,
        "admissions": repository.add(make_credential(
            2, title_cs="Zpracování přihlášek ke studiu", title_en="Processing applications",
            issuer="Univerzita Karlova", description="Kurz pro studijní referentky"),
            source="t").id,
        "welding": repository.add(make_credential(
            3, title_cs="Svařování", title_en="Welding", learner="Petr Černý",
            issuer="Vysoké učení technické v Brně"), source="t").id,
    }
    return ids


def _found(repository: CredentialRepository, text: str) -> list[int]:
    return [s.id for s in repository.list(search=text)]


def test_without_diacritics_finds_czech_with_them(repository: CredentialRepository,
                                                   filled: dict[str, int]) -> None:
    assert _found(repository, "zaklady") == [filled["basics"]]
    assert _found(repository, "prihlasek") == [filled["admissions"]]
    assert _found(repository, "svarovani") == [filled["welding"]]
    assert _found(repository, "cerny") == [filled["welding"]]  # learner name
    assert _found(repository, "ucení brne") == [filled["welding"]]  # issuer, mixed


def test_prefix_on_last_word_for_instant_search(repository: CredentialRepository,
                                                filled: dict[str, int]) -> None:
    assert _found(repository, "prihl") == [filled["admissions"]]
    assert _found(repository, "programovani pyth") == [filled["basics"]]
    # only the last word is a prefix
    assert _found(repository, "zakl programovani") == []


def test_description_and_outcomes_are_searched(repository: CredentialRepository,
                                               filled: dict[str, int]) -> None:
    assert _found(repository, "referentky") == [filled["admissions"]]
    assert _found(repository, "skripty") == [filled["basics"]]


@pytest.mark.parametrize("text", ['"', 'zaklady"', "AND", "OR NOT", "title:zaklady", "(*",
                                  "NEAR(a b)", "^zaklady", "-", "a\"b\"c", "'; DROP TABLE x",
                                  "*", "zaklady*", "\x00", "zaklady -programovani"])
def test_fts_syntax_in_user_text_is_harmless(repository: CredentialRepository,
                                             filled: dict[str, int], text: str) -> None:
    results = repository.list(search=text)
    assert isinstance(results, list)
    assert repository.count() == 3


def test_operators_are_searched_as_words(repository: CredentialRepository,
                                         filled: dict[str, int]) -> None:
    assert _found(repository, "title:zaklady") == []  # no column filter injected
    assert _found(repository, "zaklady*") == [filled["basics"]]


def test_empty_search_lists_everything(repository: CredentialRepository,
                                       filled: dict[str, int]) -> None:
    assert len(repository.list(search="   ")) == 3
    assert len(repository.list(search="!!!")) == 3
