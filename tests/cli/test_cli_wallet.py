"""The `kredo` command contract: init, import, list, show, tag, delete, backup, restore."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli.conftest import VECTORS, Kredo

EU_MC = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
CZ = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"


def test_commands_before_init_say_what_to_do(kredo: Kredo) -> None:
    result = kredo("list")
    assert result.code == 2
    assert "kredo init" in result.err
    assert result.err.count("\n") == 1  # one sentence, no traceback


def test_import_list_show_round_trip(kredo: Kredo) -> None:
    assert kredo("init", "--passphrase").code == 0
    # WHEN three real credentials of three formats are imported
    result = kredo("import", str(EU_MC), str(OB3), str(CZ), "--json")
    assert result.code == 0, result.err
    outcomes = result.json()
    assert [o["status"] for o in outcomes] == ["imported"] * 3
    assert {o["format"] for o in outcomes} == {"edc-jades", "vc-jsonld", "edc-jsonld"}
    # THEN they are listed, and importing again reports duplicates with the same ids
    listed = kredo("list", "--json").json()
    assert len(listed) == 3
    again = kredo("import", str(EU_MC), "--json").json()
    assert again[0]["status"] == "duplicate"
    assert again[0]["id"] == outcomes[0]["id"]
    # AND show prints the Annex I view of the EU micro-credential
    shown = kredo("show", str(outcomes[0]["id"]), "--json")
    assert shown.code == 0
    view = shown.json()["view"]
    assert view["ects"] == 2
    assert shown.json()["content_hash"] == hashlib.sha256(EU_MC.read_bytes()).hexdigest()
    text = kredo("show", str(outcomes[0]["id"])).out
    assert "Learning outcomes" in text and "Awarding body" in text


def test_search_ignores_diacritics(kredo: Kredo) -> None:
    kredo("init", "--passphrase")
    kredo("import", str(CZ), str(OB3))
    # The synthetic Czech credential is issued by "Masarykova univerzita"; search without háčky.
    hits = kredo("list", "--json", "--search", "masarykova").json()
    assert len(hits) == 1
    assert kredo("list", "--json", "--search", "no-such-word-anywhere").json() == []


def test_tag_untag_delete(kredo: Kredo) -> None:
    kredo("init", "--passphrase")
    ident = str(kredo("import", str(OB3), "--json").json()[0]["id"])
    assert kredo("tag", ident, "work", "badges").code == 0
    assert [r["id"] for r in kredo("list", "--json", "--tag", "work").json()] == [int(ident)]
    assert kredo("untag", ident, "work").code == 0
    assert kredo("list", "--json", "--tag", "work").json() == []
    assert kredo("delete", ident).code == 0
    assert kredo("list", "--json").json() == []
    missing = kredo("show", ident)
    assert missing.code == 2 and missing.err.strip()


def test_backup_and_restore_into_a_new_wallet(
    kredo: Kredo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kredo("init", "--passphrase")
    kredo("import", str(EU_MC), str(OB3))
    kredo("tag", "1", "eu")
    monkeypatch.setenv("KREDO_BACKUP_PASSPHRASE", "backup passphrase 42")
    backup = tmp_path / "kredo.backup"
    assert kredo("backup", "--out", str(backup)).code == 0
    assert EU_MC.read_bytes()[:200] not in backup.read_bytes()
    # a second wallet in another folder
    other = tmp_path / "other"
    from wallet.cli import main

    assert main(["--home", str(other), "init", "--passphrase"]) == 0
    assert main(["--home", str(other), "restore", str(backup)]) == 0
    assert main(["--home", str(other), "restore", str(backup)]) == 0  # all duplicates now
    import io

    out = io.StringIO()
    main(["--home", str(other), "list", "--json", "--tag", "eu"], out=out)
    assert '"id": 1' in out.getvalue()


def test_wrong_passphrase_exit_2_and_database_unchanged(
    kredo: Kredo, monkeypatch: pytest.MonkeyPatch
) -> None:
    kredo("init", "--passphrase")
    kredo("import", str(OB3))
    db = kredo.home / "wallet.db"  # type: ignore[attr-defined]
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    monkeypatch.setenv("KREDO_PASSPHRASE", "not the passphrase")
    result = kredo("list")
    assert result.code == 2
    assert "passphrase" in result.err.lower()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
