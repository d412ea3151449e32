"""The repository: add/get exactly, duplicates, tags, collections, notes, keys, settings."""

from __future__ import annotations

import os

import pytest
from conftest import MakeCredential

from wallet.errors import CredentialNotFound, StoreError
from wallet.model import CredentialFormat
from wallet.store.repository import CredentialRepository


def test_add_then_get_returns_exact_bytes_and_index(
        repository: CredentialRepository, make_credential: MakeCredential) -> None:
    credential = make_credential(1)
    result = repository.add(credential, source="file:test.json")
    stored = repository.get(result.id)
    assert not result.duplicate
    assert stored.raw == credential.raw
    assert stored.content_hash == credential.content_hash
    assert stored.format is CredentialFormat.VC_JSONLD
    assert stored.source == "file:test.json"
    assert stored.index.title is not None
    assert stored.index.title.values == {"cs": "Základy programování",
                                         "en": "Programming basics"}
    assert stored.index.issuer_name == "Masarykova univerzita"
    assert stored.index.subject_name == "Jana Nováková"
    assert stored.index.issued == "2025-06-01T12:00:00+00:00"
    assert stored.index.ects == 2.0
    assert stored.index.eqf_level == 6
    assert credential.raw.decode() not in repr(stored)  # rows never print contents


def test_same_bytes_twice_is_one_credential(repository: CredentialRepository,
                                            make_credential: MakeCredential) -> None:
    first = repository.add(make_credential(1), source="a")
    again = repository.add(make_credential(1), source="b")
    assert again.duplicate
    assert again.id == first.id
    assert repository.count() == 1


def test_missing_id_is_credential_not_found(repository: CredentialRepository) -> None:
    with pytest.raises(CredentialNotFound):
        repository.get(12345)
    with pytest.raises(CredentialNotFound):
        repository.delete(12345)


def test_tags_notes_and_delete(repository: CredentialRepository,
                               make_credential: MakeCredential) -> None:
    a = repository.add(make_credential(1), source="t").id
    b = repository.add(make_credential(2), source="t").id
    repository.tag(a, ["work", "  Python  "])
    repository.tag(b, ["work"])
    repository.set_note(a, "for the CV")
    assert repository.get(a).tags == ("Python", "work")
    assert repository.get(a).note == "for the CV"
    assert [s.id for s in repository.list(tag="work")] == [a, b]
    assert repository.all_tags() == ["Python", "work"]
    repository.untag(a, ["Python"])
    assert repository.all_tags() == ["work"]
    repository.delete(b)
    assert repository.ids() == [a]
    assert [s.tags for s in repository.list()] == [("work",)]
    with pytest.raises(StoreError):
        repository.tag(a, ["   "])


def test_collections_keep_their_members_in_order(repository: CredentialRepository,
                                     make_credential: MakeCredential) -> None:
    a = repository.add(make_credential(1, ects=2.0), source="t").id
    b = repository.add(make_credential(2, ects=3.5), source="t").id
    c = repository.add(make_credential(3, ects=None), source="t").id
    stack = repository.create_collection("Data science")
    repository.add_to_collection(stack, [a, b, c])
    [collection] = repository.collections()
    assert collection.credential_ids == (a, b, c)
    assert [s.id for s in repository.list(collection=stack)] == [a, b, c]
    assert repository.get(a).collections == ("Data science",)
    repository.remove_from_collection(stack, [b])
    repository.rename_collection(stack, "Stack")
    assert [(x.name, x.credential_ids) for x in repository.collections()] == [("Stack", (a, c))]
    with pytest.raises(StoreError, match="already exists"):
        repository.create_collection("Stack")
    repository.delete(a)  # deleting a credential removes it from its collections
    assert repository.collections()[0].credential_ids == (c,)
    repository.delete_collection(stack)
    assert repository.collections() == []
    assert repository.count() == 2


def test_holder_keys_settings_and_verification_cache(
        repository: CredentialRepository, make_credential: MakeCredential) -> None:
    key_id = repository.add_holder_key("did:key:z6Mk1", b"\x01" * 32, "Ed25519", "laptop")
    assert repository.add_holder_key("did:key:z6Mk1", b"\x02" * 32, "Ed25519") == key_id
    # (a new wallet also holds its own first holder profile, made by init_wallet)
    [key] = [k for k in repository.holder_keys() if k.did == "did:key:z6Mk1"]
    assert (key.did, key.private_key, key.key_type, key.label) == (
        "did:key:z6Mk1", b"\x01" * 32, "Ed25519", "laptop")
    assert "\\x01" not in repr(key)
    repository.set_setting("online", "false")
    repository.set_setting("online", "true")
    assert repository.get_setting("online") == "true"
    assert repository.get_setting("absent", "x") == "x"
    cid = repository.add(make_credential(1), source="t").id
    assert repository.latest_verification(cid) is None
    repository.save_verification(cid, status="failed", report_json="{}", mode="offline",
                                 checked_at="2026-01-01T00:00:00+00:00")
    repository.save_verification(cid, status="verified", report_json='{"a":1}', mode="network",
                                 checked_at="2026-02-01T00:00:00+00:00")
    latest = repository.latest_verification(cid)
    assert latest is not None
    assert (latest.status, latest.mode) == ("verified", "network")


def test_list_paging(repository: CredentialRepository, make_credential: MakeCredential) -> None:
    ids = [repository.add(make_credential(n), source="t").id for n in range(5)]
    assert [s.id for s in repository.list(limit=2, offset=1)] == ids[1:3]
    assert repository.count() == 5


def test_a_file_name_the_os_gave_as_bytes_is_stored_escaped(
        repository: CredentialRepository, make_credential: MakeCredential) -> None:
    # GIVEN a source path holding a cp1250 byte (as os.fsdecode hands it: a lone surrogate)
    # and a tag typed on a command line that was not UTF-8
    source = os.fsdecode(b"/media/usb/zkou\x9aka.json")
    # WHEN it is stored (SQLite refused such text with UnicodeEncodeError, stopping an import)
    stored = repository.add(make_credential(), source=source)
    repository.tag(stored.id, [os.fsdecode(b"ro\xe8n\xedk")])
    # THEN the bytes read as \xNN escapes
    assert repository.get(stored.id).source == "/media/usb/zkou\\x9aka.json"
    assert repository.get(stored.id).tags == ("ro\\xe8n\\xedk",)
