"""``kredo verifiers`` and ``kredo respond`` against the real ``@openid4vc/openid4vp``
verifier on 127.0.0.1: certificate authorities kept in the wallet confirm x509 verifiers;
``respond`` prints the trusted-authority sentence and the credentials it cannot offer
because they are not bound to a key of the wallet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import Encoding

from tests.cli.conftest import Kredo, kredo
from tests.oid4vp.owf_verifier import OwfVerifier, owf_verifier
from tests.oid4vp.verifier_keys import verifier_certificate
from tests.oid4vp.wallet_credentials import Issuer, vc11_jwt
from tests.share.presentation_credentials import SEALED_EDC
from wallet.did.did_key import resolve_did_key

__all__ = ["kredo", "owf_verifier"]

pytestmark = pytest.mark.slow

OTHER_HOLDER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
LEARNING = {"id": "learning", "format": "dc+sd-jwt",
            "meta": {"vct_values": ["urn:eu.europa.ec.eudi:learning:credential:1"]},
            "claims": [{"path": ["given_name"]}]}
VC = {"id": "vc", "format": "jwt_vc_json", "meta": {"type_values": [["VerifiableCredential"]]}}
BADGE = {"id": "badge", "format": "ldp_vc", "meta": {"type_values": [[
    "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"]]}}
EDC = {"id": "edc", "format": "ldp_vc", "meta": {"type_values": [[
    "http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential"]]}}


@pytest.fixture
def wallet(kredo: Kredo, tmp_path: Path) -> Kredo:
    """The learner's SD-JWT VC and VC-JWT, a badge issued to someone else, and the EU's sealed
    sample EDC (about a person named, not a key)."""
    assert kredo("init", "--passphrase").code == 0
    profiles: Any = kredo("holder", "list", "--json").json()
    did = profiles[0]["did"]
    key = resolve_did_key(did).public_key
    assert isinstance(key, ed25519.Ed25519PublicKey)
    issuer = Issuer(holder=did)
    (tmp_path / "learning.sd-jwt").write_bytes(issuer.sd_jwt(cnf_key=key))
    (tmp_path / "course.jwt").write_bytes(vc11_jwt(issuer))
    (tmp_path / "other-badge.json").write_text(json.dumps(Issuer(holder=OTHER_HOLDER).ob3()),
                                               encoding="utf-8")
    for path in (tmp_path / "learning.sd-jwt", tmp_path / "course.jwt",
                 tmp_path / "other-badge.json", SEALED_EDC):
        assert kredo("import", str(path)).code == 0, path
    return kredo


def test_a_ca_kept_in_the_wallet_confirms_x509_verifiers_until_it_is_removed(
    wallet: Kredo, owf_verifier: OwfVerifier, tmp_path: Path,
) -> None:
    # GIVEN a verifier signing as x509_san_dns:localhost under a test CA
    certificate = verifier_certificate("localhost")
    before = owf_verifier.create({"credentials": [LEARNING]}, certificate=certificate)
    # WHEN the learner answers before trusting the CA THEN the verifier is not confirmed
    sent: Any = wallet("respond", before.link, "--yes", "--json").json()
    assert sent["verifier"]["confirmed"] is False
    # WHEN they add the CA to the wallet (PEM) and list it
    ca_file = tmp_path / "verifier-ca.pem"
    ca_file.write_bytes(certificate.ca.public_bytes(Encoding.PEM))
    added = wallet("verifiers", "add-ca", str(ca_file))
    assert added.code == 0, added.err
    assert "Kredo Test Verifier CA" in added.out
    listed: Any = wallet("verifiers", "list", "--json").json()
    (authority,) = listed
    assert authority["name"] == "Kredo Test Verifier CA"
    assert wallet("verifiers", "add-ca", str(ca_file)).out.startswith("These certificate")
    # THEN the next answer goes to a confirmed verifier, without --verifier-ca, and is accepted
    after = owf_verifier.create({"credentials": [LEARNING]}, certificate=certificate)
    result = wallet("respond", after.link, "--yes", "--json")
    assert result.code == 0, result.err
    assert result.json()["verifier"]["confirmed"] is True  # type: ignore[index]
    assert owf_verifier.state(after)["answers"][0]["accepted"]
    # WHEN the CA is removed by the start of its fingerprint THEN verifiers are not confirmed
    assert wallet("verifiers", "remove", authority["fingerprint"][:12]).code == 0
    assert wallet("verifiers", "list", "--json").json() == []
    removed = owf_verifier.create({"credentials": [LEARNING]}, certificate=certificate)
    sent = wallet("respond", removed.link, "--yes", "--json").json()
    assert sent["verifier"]["confirmed"] is False
    # AND a file that holds no certificate is refused with a sentence
    (tmp_path / "not-a-ca.pem").write_text("hello", encoding="utf-8")
    refused = wallet("verifiers", "add-ca", str(tmp_path / "not-a-ca.pem"))
    assert refused.code != 0 and "no certificate Kredo can read" in refused.err


def test_respond_prints_that_kredo_cannot_tell_about_the_verifiers_authority(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN a verifier accepting VC-JWTs vouched for by an OpenID Federation
    query = {**VC, "trusted_authorities": [
        {"type": "openid_federation", "values": ["https://federation.example.eu"]}]}
    session = owf_verifier.create({"credentials": [query]})
    # WHEN the learner answers
    result = wallet("respond", session.link, "--yes")
    # THEN the request as printed says, under the credential, that Kredo cannot tell and
    # that the verifier will check
    lines = result.err.splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("  1. #"))
    assert "cannot tell" in lines[number + 1] and "OpenID Federation" in lines[number + 1]
    # AND the verifier did check: its dcql library finds no federation vouching for the
    # issuer and refuses the answer, which Kredo reports as a sentence
    (answer,) = owf_verifier.state(session)["answers"]
    assert not answer["accepted"]
    assert result.code == 1 and "did not accept" in result.err


def test_credentials_not_bound_to_the_wallet_are_not_offered_when_binding_is_required(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN a verifier asking for a badge and an EDC, holder binding required (the default)
    session = owf_verifier.create({"credentials": [BADGE, EDC]})
    # WHEN the learner answers
    result = wallet("respond", session.link, "--yes")
    # THEN Kredo lists both as not offered, saying why, refuses, and sends nothing
    assert result.code != 0
    assert "issued to another holder" in result.err and OTHER_HOLDER[:30] in result.err
    assert "not bound to any holder key" in result.err
    assert "does not hold" in result.err
    assert owf_verifier.state(session)["answers"] == []
    # GIVEN the same verifier not requiring holder binding for the badge
    unbound = owf_verifier.create({"credentials": [
        {**BADGE, "require_cryptographic_holder_binding": False}]})
    # WHEN the learner answers THEN the badge goes, and the verifier accepts it unbound
    result = wallet("respond", unbound.link, "--yes")
    assert result.code == 0, result.err
    (answer,) = owf_verifier.state(unbound)["answers"]
    assert answer["accepted"], answer.get("error")
    (presented,) = answer["checked"]["presented"]["badge"]
    assert presented["cryptographic_holder_binding"] is False


def test_a_badge_issued_to_a_second_profile_is_presented_by_that_profile(
    wallet: Kredo, owf_verifier: OwfVerifier, tmp_path: Path,
) -> None:
    # GIVEN a badge issued to the learner's second holder profile, not the default one
    assert wallet("holder", "add", "work").code == 0
    profiles: Any = wallet("holder", "list", "--json").json()
    work = next(p["did"] for p in profiles if p["label"] == "work")
    path = tmp_path / "work-badge.json"
    path.write_text(json.dumps(Issuer(holder=work).ob3()), encoding="utf-8")
    assert wallet("import", str(path)).code == 0
    # WHEN a verifier asks for a badge with holder binding
    session = owf_verifier.create({"credentials": [BADGE]})
    result = wallet("respond", session.link, "--yes")
    # THEN that badge is offered (the other holder's is not) and signed by the work profile,
    # so the verifier finds the presentation bound to the badge's subject
    assert result.code == 0, result.err
    (answer,) = owf_verifier.state(session)["answers"]
    assert answer["accepted"], answer.get("error")
    (presented,) = answer["checked"]["presented"]["badge"]
    assert presented["cryptographic_holder_binding"] is True
    (vp,) = json.loads(answer["form"]["vp_token"])["badge"]
    assert vp["holder"] == work
