"""The list's issuer names in every language and view kinds: written at import, and filled in
from the stored bytes when a wallet of schema v4 is opened (the v5 upgrade)."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import FAST_KDF, MUNI, OB3, PASSPHRASE
from tests.app.v4_wallet import insert_v4_row, take_back_to_v4
from wallet.app.backups import back_up
from wallet.app.importing import import_paths
from wallet.app.list_fields import UNREADABLE_KIND, describe_stored
from wallet.app.wallet_access import unlock
from wallet.model import CredentialFormat
from wallet.store.backup import restore_backup
from wallet.store.keys import unlock_key
from wallet.store.migrations import LATEST_VERSION, schema_version
from wallet.store.paths import database_path
from wallet.store.repository import CredentialRepository
from wallet.store.vault import open_database
from wallet.store.wallet import init_wallet, open_wallet

EMPLOYMENT = MUNI.parents[1] / "w3c" / "eddsa-rdfc-2022-employ-signedDataInt.json"
JUNK = b'{"id":"urn:uuid:v4-junk","name":"Not a credential any more"}'


def _v4_wallet(home: Path) -> dict[str, int]:
    conn = take_back_to_v4(home, PASSPHRASE)
    ids = {
        "muni": insert_v4_row(conn, MUNI.read_bytes(), CredentialFormat.EDC_JSONLD,
                              title={"cs": "Základy analýzy dat v Pythonu",
                                     "en": "Foundations of Data Analysis in Python"},
                              issuer_name="Masaryk University", ects=4.0),
        "badge": insert_v4_row(conn, OB3.read_bytes(), CredentialFormat.VC_JSONLD,
                               title={"en": "Badge"}, issuer_name="Example Corp", ects=None),
        "junk": insert_v4_row(conn, JUNK, CredentialFormat.VC_JSONLD,
                              title={"en": "Not a credential any more"},
                              issuer_name="Univerzita Karlova", ects=3.0),
    }
    conn.close()
    return ids


def test_a_v4_wallet_opens_with_issuer_names_in_every_language_and_view_kinds(
        home: Path) -> None:
    # GIVEN a wallet written at schema v4: one issuer string per credential, no view kind
    ids = _v4_wallet(home)
    # WHEN today's Kredo opens it
    with unlock(home, lambda: PASSPHRASE) as opened:
        repo = opened.repository
        muni, badge, junk = (repo.get(ids[k]).index for k in ("muni", "badge", "junk"))
        # THEN every row was described from its stored bytes
        assert repo.undescribed_ids() == []
        assert muni.issuer_names is not None
        assert muni.issuer_names.values == {"cs": "Masarykova univerzita",
                                            "en": "Masaryk University"}
        assert (muni.issuer_text("cs"), muni.issuer_text("en")) == (
            "Masarykova univerzita", "Masaryk University")
        assert (muni.view_kind, badge.view_kind) == ("micro-credential", "open-badge")
        # AND a row whose bytes no longer parse keeps its one issuer string, marked unreadable
        assert (junk.view_kind, junk.issuer_text("cs")) == (UNREADABLE_KIND, "Univerzita Karlova")
        # AND nothing else changed: titles, ECTS, search
        assert muni.title is not None and muni.title.values["cs"] == "Základy analýzy dat v Pythonu"
        assert muni.ects == 4.0
        assert [s.id for s in repo.list(search="zaklady")] == [ids["muni"]]
    # AND the schema is the latest; opening again describes nothing more
    conn = open_database(database_path(home), unlock_key(home, passphrase_provider=lambda: (
        PASSPHRASE)))
    assert schema_version(conn) == LATEST_VERSION == 5
    conn.close()
    with unlock(home, lambda: PASSPHRASE) as again:
        assert describe_stored(again.repository) == 0


def test_the_store_alone_upgrades_and_lists_rows_not_yet_described(home: Path) -> None:
    # GIVEN a v4 wallet WHEN the store alone opens it (no parser above it)
    ids = _v4_wallet(home)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as opened:
        repo = opened.repository
        # THEN its rows wait to be described, and the list shows their one issuer string
        assert repo.undescribed_ids() == sorted(ids.values())
        row = next(r for r in repo.list() if r.id == ids["muni"])
        assert (row.index.view_kind, row.index.issuer_text("cs")) == (None, "Masaryk University")


def test_import_stores_names_and_kinds(repository: CredentialRepository) -> None:
    # GIVEN the bilingual Masaryk University EDC, an OB 3.0 badge and an employment VC
    # WHEN imported
    outcomes = list(import_paths(repository, [MUNI, OB3, EMPLOYMENT]))
    rows = {r.id: r.index for r in repository.list()}
    muni, badge, job = (rows[o.id or 0] for o in outcomes)
    # THEN each row carries its view kind and the issuer in each language it gave
    assert (muni.view_kind, badge.view_kind, job.view_kind) == (
        "micro-credential", "open-badge", "generic")
    assert muni.issuer_text("cs") == "Masarykova univerzita"
    assert muni.issuer_text("de") == "Masaryk University"  # no German: English
    assert repository.undescribed_ids() == []


def test_a_backup_keeps_names_and_kinds(repository: CredentialRepository, tmp_path: Path,
                                        home: Path) -> None:
    # GIVEN an imported badge and EDC, backed up
    list(import_paths(repository, [MUNI, OB3]))
    before = sorted((r.index for r in repository.list()), key=repr)
    back_up(repository, tmp_path / "w.kredo-backup", PASSPHRASE)
    # WHEN restored into another wallet
    other_home = tmp_path / "other"
    init_wallet(other_home, passphrase=PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    with open_wallet(other_home, passphrase_provider=lambda: PASSPHRASE) as other:
        # (the store's own restore: nothing described again after it)
        restore_backup(tmp_path / "w.kredo-backup", PASSPHRASE, other.repository)
        assert other.repository.undescribed_ids() == []
        after = sorted((r.index for r in other.repository.list()), key=repr)
    # THEN the list fields came back as they were (names, kinds and all)
    assert {i.view_kind for i in after} == {"micro-credential", "open-badge"}
    assert after == before
