"""The share log and the latest verification status that the credential list shows."""

from __future__ import annotations

from tests.store.conftest import MakeCredential
from wallet.store.repository import CredentialRepository


def test_share_log_keeps_what_was_shared_newest_first(
    repository: CredentialRepository, make_credential: MakeCredential
) -> None:
    # GIVEN two credentials
    first = repository.add(make_credential(1), source="a").id
    second = repository.add(make_credential(2), source="b").id
    # WHEN they are shared twice, once with a named employer
    repository.log_share([second, first, first], form="presentation", recipient="  ACME s.r.o. ")
    repository.log_share([first], form="qr")
    # THEN the log lists both, newest first, ids de-duplicated and the label trimmed
    log = repository.share_log()
    assert [entry.form for entry in log] == ["qr", "presentation"]
    assert log[1].credential_ids == tuple(sorted((first, second)))
    assert log[1].recipient == "ACME s.r.o."
    assert log[0].recipient is None


def test_list_carries_the_latest_verification_status(
    repository: CredentialRepository, make_credential: MakeCredential
) -> None:
    # GIVEN a credential never checked and one checked twice
    unchecked = repository.add(make_credential(1), source="a").id
    checked = repository.add(make_credential(2), source="b").id
    repository.save_verification(checked, status="failed", report_json="{}", mode="offline",
                                 checked_at="2026-01-01T00:00:00Z")
    repository.save_verification(checked, status="verified", report_json="{}", mode="network",
                                 checked_at="2026-02-01T00:00:00Z")
    # THEN the list shows no status for the first and the newest for the second
    statuses = {row.id: row.verification_status for row in repository.list()}
    assert statuses == {unchecked: None, checked: "verified"}
