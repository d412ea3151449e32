"""User-trusted issuers kept in one JSON setting."""

from __future__ import annotations

import json

import pytest

from wallet.errors import FormatError
from wallet.trust.user_trust import (
    TRUSTED_ISSUERS_KEY,
    UserTrustedIssuer,
    add_trusted_issuer,
    list_trusted_issuers,
    remove_trusted_issuer,
    trusted_issuers,
    with_issuer_added,
    with_issuer_removed,
)


class DictSettings:
    """The repository's settings interface over a dict (the real one is SQL, same contract)."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self.values.get(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.values[key] = value


def test_empty_settings_trust_nobody() -> None:
    assert trusted_issuers({}) == ()


def test_add_list_remove_round_trip() -> None:
    settings: dict[str, str] = {}
    settings[TRUSTED_ISSUERS_KEY] = with_issuer_added(
        settings, "NTRCZ-00216224", "Masarykova univerzita"
    )
    settings[TRUSTED_ISSUERS_KEY] = with_issuer_added(settings, "https://Example.org/path")
    assert trusted_issuers(settings) == (
        UserTrustedIssuer("NTRCZ-00216224", "Masarykova univerzita"),
        UserTrustedIssuer("https://example.org", None),
    )
    settings[TRUSTED_ISSUERS_KEY] = with_issuer_removed(settings, "ntrcz-00216224")
    assert trusted_issuers(settings) == (UserTrustedIssuer("https://example.org", None),)


def test_adding_again_renames_and_does_not_duplicate() -> None:
    settings = {TRUSTED_ISSUERS_KEY: with_issuer_added({}, "did:web:example.org", "Old")}
    settings[TRUSTED_ISSUERS_KEY] = with_issuer_added(settings, "did:web:example.org#k", "New")
    assert trusted_issuers(settings) == (UserTrustedIssuer("did:web:example.org", "New"),)


def test_store_functions_write_one_setting() -> None:
    store = DictSettings()
    add_trusted_issuer(store, "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
    add_trusted_issuer(store, "VATES-A00000000", "Organización test")
    assert [i.identifier for i in list_trusted_issuers(store)] == [
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "VATES-A00000000",
    ]
    remove_trusted_issuer(store, "VATES-A00000000")
    assert json.loads(store.values[TRUSTED_ISSUERS_KEY]) == [
        {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "name": None}
    ]


@pytest.mark.parametrize("value", ["", "hello world", "http://example.org", "did:", "ftp://x"])
def test_text_that_names_no_issuer_is_refused(value: str) -> None:
    with pytest.raises(FormatError):
        with_issuer_added({}, value)


@pytest.mark.parametrize(
    "stored",
    ["not json", '{"id": "did:web:x"}', '[{"id": 5}, {"id": "hello world"}, 7]'],
)
def test_damaged_setting_trusts_nobody(stored: str) -> None:
    assert trusted_issuers({TRUSTED_ISSUERS_KEY: stored}) == ()


def test_plain_strings_in_the_setting_are_read() -> None:
    stored = json.dumps(["did:web:example.org", {"id": "NTRCZ-00216224", "name": "MU"}])
    assert [i.identifier for i in trusted_issuers({TRUSTED_ISSUERS_KEY: stored})] == [
        "did:web:example.org",
        "NTRCZ-00216224",
    ]
