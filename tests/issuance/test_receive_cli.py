"""``kredo receive`` against the real Sphereon issuer and a link on a local server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Kredo
from tests.issuance.sphereon_issuer import SphereonIssuer
from tests.net.local_server import LocalServer
from wallet.net import allow_loopback_http

pytestmark = pytest.mark.network
ASSERTION = Path(__file__).parent / "assets" / "ob2-spec-example-hosted-assertion.json"


@pytest.fixture(autouse=True)
def _loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


def test_receive_with_pin_stores_the_credentials(
    kredo: Kredo, sphereon_issuer: SphereonIssuer
) -> None:
    assert kredo("init", "--passphrase").code == 0
    offer = sphereon_issuer.create_offer("MicroCredentialLdp", "MicroCredentialJwt", pin=True)
    done = kredo("receive", offer["uri"], "--pin", offer["userPin"], "--yes", "--json")
    assert done.code == 0, done.err
    outcome = done.json()
    assert outcome["offer"]["issuer_name"] == "Kredo Test University"  # type: ignore[index]
    assert [i["status"] for i in outcome["imported"]] == ["imported", "imported"]  # type: ignore[index]
    listed = kredo("list", "--json").json()
    assert {row["format"] for row in listed} == {"vc-jsonld", "vc-jwt"}  # type: ignore[union-attr]


def test_receive_shows_the_issuer_before_asking(
    kredo: Kredo, sphereon_issuer: SphereonIssuer
) -> None:
    kredo("init", "--passphrase")
    offer = sphereon_issuer.create_offer("LearningCredentialSdJwt")
    # without a terminal and without --yes, Kredo asks and cannot get an answer
    refused = kredo("receive", offer["uri"])
    assert refused.code == 2
    assert "Issuer: Kredo Test University (127.0.0.1)" in refused.err
    assert "urn:eu.europa.ec.eudi:learning:credential:1 [dc+sd-jwt]" in refused.err
    assert "pass --yes" in refused.err
    assert kredo("list", "--json").json() == []


def test_receive_wrong_pin_and_missing_pin(kredo: Kredo, sphereon_issuer: SphereonIssuer) -> None:
    kredo("init", "--passphrase")
    offer = sphereon_issuer.create_offer("MicroCredentialJwt", pin=True)
    missing = kredo("receive", offer["uri"], "--yes")
    assert missing.code == 2 and "pass it with --pin" in missing.err
    wrong = "0000" if offer["userPin"] != "0000" else "1111"
    refused = kredo("receive", offer["uri"], "--yes", "--pin", wrong)
    assert refused.code == 2
    assert "did not accept the transaction code (PIN)" in refused.err
    assert kredo("list", "--json").json() == []


def test_receive_an_expired_offer(kredo: Kredo, sphereon_issuer: SphereonIssuer) -> None:
    kredo("init", "--passphrase")
    offer = sphereon_issuer.create_offer("MicroCredentialJwt")
    sphereon_issuer.backdate(offer["pre_authorized_code"], 3600)
    done = kredo("receive", offer["uri"], "--yes")
    assert done.code == 2 and "The offer has expired" in done.err


def test_receive_a_link_whose_badge_fails_verification_stores_nothing(
    kredo: Kredo, local_server: LocalServer
) -> None:
    # GIVEN the specification's hosted badge, served from its own address; it expired in 2017
    kredo("init", "--passphrase")
    url = local_server.url("/beths-robotics-badge.json")
    document = json.loads(ASSERTION.read_bytes())
    document["id"] = url
    local_server.serve("/beths-robotics-badge.json", json.dumps(document).encode())
    done = kredo("receive", url, "--yes")
    assert done.code == 1
    assert "Not stored" in done.out
    assert "The badge is served by its issuer's host 127.0.0.1." in done.err
    assert kredo("list", "--json").json() == []


def test_receive_garbage_is_one_sentence(kredo: Kredo) -> None:
    kredo("init", "--passphrase")
    done = kredo("receive", "openid-credential-offer://?credential_offer=%7Bbroken", "--yes")
    assert done.code == 2
    assert done.err.startswith("kredo: The credential offer")
    assert "Traceback" not in done.err
