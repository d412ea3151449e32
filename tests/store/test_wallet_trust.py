"""A wallet's trust: imported issuer registries and chosen issuers reach every verification."""

from __future__ import annotations

import json

import pytest

from tests.robustness.corpus import ob3_document, signers
from wallet.app.trust_settings import (
    USER_REGISTRIES_KEY,
    import_registry,
    imported_registries,
    remove_registry,
    wallet_verify_options,
)
from wallet.errors import TrustMaterialError
from wallet.formats import parse_credential
from wallet.store.repository import CredentialRepository
from wallet.verify.engine import verify_credential
from wallet.verify.report import CheckResult, CheckStatus, VerificationReport


@pytest.fixture(scope="module")
def signed() -> tuple[str, bytes]:
    """An Open Badge 3.0 credential signed here by a did:key issuer on no bundled list."""
    keys = signers()
    return keys.ed_did, keys.data_integrity(ob3_document(keys.ed_did, 1), "eddsa-rdfc-2022")


def _report(repository: CredentialRepository, raw: bytes) -> VerificationReport:
    return verify_credential(parse_credential(raw),
                             options=wallet_verify_options(repository, online=False))


def _issuer_check(repository: CredentialRepository, raw: bytes) -> CheckResult:
    check = _report(repository, raw).check("issuer")
    assert check is not None
    return check


def _registry_for(did: str) -> bytes:
    return json.dumps({"meta": {"created": "2026-01-05T10:00:00Z"},
                       "registry": {did: {"name": "Example University", "location": "Brno"}}}
                      ).encode()


def test_an_imported_registry_makes_its_issuers_trusted(
    repository: CredentialRepository, signed: tuple[str, bytes]
) -> None:
    did, raw = signed
    before = _issuer_check(repository, raw)
    assert before.status is not CheckStatus.OK

    imported = import_registry(repository, _registry_for(did), name="Moravian universities",
                               source="registry.json")
    assert imported.issuers == 1
    assert _issuer_check(repository, raw).status is CheckStatus.OK
    report = _report(repository, raw)
    assert report.issuer is not None and report.issuer.trusted
    assert report.issuer.trust_source == "registry: Moravian universities"

    remove_registry(repository, "Moravian universities")
    assert imported_registries(repository) == ()
    assert _issuer_check(repository, raw).status is before.status


def test_importing_a_name_again_replaces_it(repository: CredentialRepository) -> None:
    import_registry(repository, _registry_for("did:web:one.example"), name="Net", source="a")
    import_registry(repository, _registry_for("did:web:two.example"), name="Net", source="b")
    (only,) = imported_registries(repository)
    assert only.source == "b" and set(only.registry.entries) == {"did:web:two.example"}


@pytest.mark.parametrize("raw", [
    b"{not json",
    b'{"registry": []}',
    b'{"registry": {"https://not-a-did.example": {"name": "X"}}}',
    b'{"registry": {}}',
    b"[]",
])
def test_a_bad_registry_file_is_refused_and_nothing_changes(
    repository: CredentialRepository, raw: bytes
) -> None:
    import_registry(repository, _registry_for("did:web:kept.example"), name="Kept", source="k")
    saved = repository.get_setting(USER_REGISTRIES_KEY)
    with pytest.raises(TrustMaterialError):
        import_registry(repository, raw, name="Bad", source="bad.json")
    assert repository.get_setting(USER_REGISTRIES_KEY) == saved


def test_a_damaged_setting_trusts_nothing(repository: CredentialRepository) -> None:
    repository.set_setting(USER_REGISTRIES_KEY, '[{"name": "X", "document": {"registry": 5}}, 7')
    assert imported_registries(repository) == ()
    repository.set_setting(USER_REGISTRIES_KEY, '[{"name": "X", "source": "s", "document": 5}]')
    assert imported_registries(repository) == ()
