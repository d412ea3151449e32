"""Receiving credentials from the real Sphereon OpenID4VCI issuer running on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.issuance.sphereon_issuer import SphereonIssuer
from wallet.app.receiving import store_received
from wallet.base64url import b64url_decode, b64url_encode
from wallet.crypto.jwk import jwk_from_public_key
from wallet.errors import (
    IssuanceError,
    NetworkNotAllowed,
    OfferExpired,
    TransactionCodeRejected,
)
from wallet.formats import parse_credential
from wallet.issuance import (
    NetworkPolicy,
    preview_offer,
    redeem_offer,
    wallet_key_provider,
)
from wallet.issuance.proof_keys import P256_KEY_TYPE
from wallet.net import allow_loopback_http
from wallet.share.holder import HolderProfiles
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import init_wallet, open_wallet
from wallet.verify.engine import verify_credential
from wallet.verify.report import CheckStatus, OverallStatus

pytestmark = pytest.mark.network
POLICY = NetworkPolicy(allowed=True, timeout=10)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CredentialRepository]:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    home = tmp_path / "wallet"
    init_wallet(home, passphrase=PASSPHRASE, use_keyring=False)
    with allow_loopback_http(), open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as w:
        yield w.repository


def _claims(raw: bytes) -> dict[str, object]:
    issuer_jwt = raw.decode().split("~")[0]
    return json.loads(b64url_decode(issuer_jwt.split(".")[1], what="test"))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("configuration", "issuer_format", "stored_format"),
    [
        ("MicroCredentialJwt", "jwt_vc_json", "vc-jwt"),
        ("LearningCredentialSdJwt", "dc+sd-jwt", "sd-jwt-vc"),
        ("MicroCredentialLdp", "ldp_vc", "vc-jsonld"),
    ],
)
def test_each_format_is_received_verified_and_stored_as_sent(
    sphereon_issuer: SphereonIssuer,
    repository: CredentialRepository,
    configuration: str,
    issuer_format: str,
    stored_format: str,
) -> None:
    # GIVEN an offer without a PIN for one credential
    offer = sphereon_issuer.create_offer(configuration)
    # WHEN Kredo previews it
    preview = preview_offer(offer["uri"], policy=POLICY)
    # THEN the learner sees the issuer's name, logo and what is offered
    assert preview.issuer_name == "Kredo Test University"
    assert preview.issuer_logo_uri == f"{sphereon_issuer.base}/logo.png"
    assert preview.tx_code is None
    assert [c.format for c in preview.credentials] == [issuer_format]
    assert preview.metadata.protocol == "1.0"
    assert preview_offer(offer["uri"], policy=POLICY, language="cs").issuer_name == (
        "Testovací univerzita Kredo"
    )
    # WHEN it is redeemed
    result = redeem_offer(preview, keys=wallet_key_provider(repository), policy=POLICY)
    # THEN one credential came, its signature is valid, and nothing is stored yet
    assert len(result.received) == 1 and not result.pending
    item = result.received[0]
    assert item.credential is not None and item.report is not None
    assert item.credential.format.value == stored_format
    assert item.report.check("signature").status is CheckStatus.OK  # type: ignore[union-attr]
    assert item.report.status is not OverallStatus.FAILED
    assert repository.count() == 0
    # WHEN the learner confirms
    outcomes = store_received(repository, result.received, source="openid4vci:test")
    # THEN it is stored exactly as received
    assert [o.status for o in outcomes] == ["imported"]
    assert repository.get(outcomes[0].id or 0).raw == item.raw


def test_credentials_are_bound_to_the_wallets_own_keys(
    sphereon_issuer: SphereonIssuer, repository: CredentialRepository
) -> None:
    # GIVEN one offer for all three formats (the SD-JWT kind accepts only ES256 JWK proofs)
    offer = sphereon_issuer.create_offer(
        "MicroCredentialJwt", "LearningCredentialSdJwt", "MicroCredentialLdp"
    )
    preview = preview_offer(offer["uri"], policy=POLICY)
    result = redeem_offer(preview, keys=wallet_key_provider(repository), policy=POLICY)
    by_kind = {r.configuration_id: r.raw for r in result.received}
    assert set(by_kind) == {"MicroCredentialJwt", "LearningCredentialSdJwt", "MicroCredentialLdp"}
    holder_did = HolderProfiles(repository).default().did
    # THEN the JWT and the Data Integrity credential name the learner's Ed25519 did:key
    assert _claims(by_kind["MicroCredentialJwt"])["sub"] == holder_did
    document = json.loads(by_kind["MicroCredentialLdp"])
    assert document["credentialSubject"]["id"] == holder_did
    # AND the SD-JWT is bound to the wallet's P-256 key, made for it inside the wallet
    p256_rows = [k for k in repository.holder_keys() if k.key_type == P256_KEY_TYPE]
    assert len(p256_rows) == 1
    provider = wallet_key_provider(repository)
    p256 = provider("ES256", "jwk").private_key
    assert _claims(by_kind["LearningCredentialSdJwt"])["cnf"] == {
        "jwk": jwk_from_public_key(p256.public_key())
    }
    # AND a second ES256 issuance reuses that key instead of making another
    second = sphereon_issuer.create_offer("LearningCredentialSdJwt")
    again = redeem_offer(
        preview_offer(second["uri"], policy=POLICY), keys=provider, policy=POLICY
    )
    assert _claims(again.received[0].raw)["cnf"] == _claims(by_kind["LearningCredentialSdJwt"])[
        "cnf"
    ]
    assert len([k for k in repository.holder_keys() if k.key_type == P256_KEY_TYPE]) == 1


def test_offer_with_a_pin_needs_the_right_pin(
    sphereon_issuer: SphereonIssuer, repository: CredentialRepository
) -> None:
    offer = sphereon_issuer.create_offer("MicroCredentialJwt", pin=True)
    preview = preview_offer(offer["uri"], policy=POLICY)
    # THEN the preview says a 4-digit numeric PIN is needed
    assert preview.tx_code is not None
    assert (preview.tx_code.input_mode, preview.tx_code.length) == ("numeric", 4)
    keys = wallet_key_provider(repository)
    # WHEN no PIN is given, nothing is asked of the issuer and the learner is told
    with pytest.raises(IssuanceError, match="transaction code"):
        redeem_offer(preview, keys=keys, policy=POLICY)
    # WHEN a PIN of the wrong shape is typed, it is refused before sending
    with pytest.raises(IssuanceError, match="4 characters"):
        redeem_offer(preview, keys=keys, policy=POLICY, tx_code="12345")
    # WHEN a wrong PIN is sent, the issuer refuses it and Kredo says so
    wrong = "0000" if offer["userPin"] != "0000" else "1111"
    with pytest.raises(TransactionCodeRejected, match="did not accept the transaction code"):
        redeem_offer(preview, keys=keys, policy=POLICY, tx_code=wrong)
    # WHEN the right PIN is sent, the credential comes
    result = redeem_offer(preview, keys=keys, policy=POLICY, tx_code=offer["userPin"])
    assert len(result.received) == 1
    assert result.received[0].report is not None
    assert repository.count() == 0


def test_expired_offer_is_refused_with_advice(
    sphereon_issuer: SphereonIssuer, repository: CredentialRepository
) -> None:
    offer = sphereon_issuer.create_offer("MicroCredentialJwt")
    preview = preview_offer(offer["uri"], policy=POLICY)
    # GIVEN the offer is an hour old (the issuer's limit is 5 minutes)
    sphereon_issuer.backdate(offer["pre_authorized_code"], 3600)
    with pytest.raises(OfferExpired, match=r"expired\. Ask the issuer for a new one"):
        redeem_offer(preview, keys=wallet_key_provider(repository), policy=POLICY)
    assert repository.count() == 0


def test_offer_by_reference_is_fetched_from_the_issuer(
    sphereon_issuer: SphereonIssuer, repository: CredentialRepository
) -> None:
    offer = sphereon_issuer.create_offer("MicroCredentialLdp", by_reference=True)
    assert "credential_offer_uri=" in offer["uri"]
    preview = preview_offer(offer["uri"], policy=POLICY)
    assert preview.offer.credential_configuration_ids == ("MicroCredentialLdp",)
    result = redeem_offer(preview, keys=wallet_key_provider(repository), policy=POLICY)
    assert len(result.received) == 1


def test_nothing_is_fetched_while_offline(sphereon_issuer: SphereonIssuer) -> None:
    offer = sphereon_issuer.create_offer("MicroCredentialJwt")
    with allow_loopback_http(), pytest.raises(NetworkNotAllowed):
        preview_offer(offer["uri"], policy=NetworkPolicy(allowed=False))


def test_a_tampered_received_credential_fails_verification(
    sphereon_issuer: SphereonIssuer, repository: CredentialRepository
) -> None:
    # GIVEN a credential as the issuer sent it
    offer = sphereon_issuer.create_offer("MicroCredentialJwt")
    result = redeem_offer(
        preview_offer(offer["uri"], policy=POLICY),
        keys=wallet_key_provider(repository),
        policy=POLICY,
    )
    raw = result.received[0].raw.decode()
    header, payload, signature = raw.split(".")
    # WHEN one claim is changed (the name) without re-signing
    claims = json.loads(b64url_decode(payload, what="test"))
    claims["vc"]["name"] = "Pokročilá kryptografie"
    forged = ".".join((header, b64url_encode(json.dumps(claims).encode()), signature))
    # THEN verification fails on the signature
    report = verify_credential(parse_credential(forged.encode()))
    assert report.status is OverallStatus.FAILED
    assert report.check("signature").status is CheckStatus.FAILED  # type: ignore[union-attr]
