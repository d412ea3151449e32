"""Kredo answering the real OpenID4VP verifier (``npm_verifier/server.mjs``) with ``ldp_vc``,
sealed EDCs, trusted authorities and ``decentralized_identifier`` verifiers.

The OpenWallet Foundation's library makes the requests (signed by a DID where asked) and
parses the answers; Digital Bazaar's ``@digitalbazaar/vc`` checks each ``ldp_vc``
presentation (holder proof with challenge = nonce and domain = client_id, the credential's own
proof); the ``dcql`` library checks the types as expanded IRIs and the trusted authorities."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from tests.cli.conftest import Kredo, kredo
from tests.oid4vp.owf_verifier import DidSigner, OwfVerifier, owf_verifier
from tests.share.presentation_credentials import SEALED_EDC, Issuer, sealed_edc
from wallet.did import (
    did_jwk_from_public_key,
    did_key_from_public_key,
    did_key_verification_method_id,
)
from wallet.did.did_key import resolve_did_key

__all__ = ["kredo", "owf_verifier"]

pytestmark = pytest.mark.slow

BADGE_IRI = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
EDC_IRI = "http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential"
BADGE = {"id": "badge", "format": "ldp_vc", "meta": {"type_values": [[BADGE_IRI]]},
         "claims": [{"path": ["credentialSubject", "achievement", "name"]}]}
LEARNING = {"id": "learning", "format": "dc+sd-jwt",
            "meta": {"vct_values": ["urn:eu.europa.ec.eudi:learning:credential:1"]},
            "claims": [{"path": ["given_name"]}]}


def _edc_query(**extra: Any) -> dict[str, Any]:
    return {"id": "edc", "format": "ldp_vc", "meta": {"type_values": [[EDC_IRI]]},
            # the EU sample is about another person: no holder binding to prove
            "require_cryptographic_holder_binding": False, **extra}


def _edc_aki() -> str:
    """The base64url AuthorityKeyIdentifier of the sample seal's certificate."""
    (der,) = sealed_edc().extras["x5c"]
    leaf = x509.load_der_x509_certificate(der)
    value = leaf.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert value.key_identifier is not None
    return base64.urlsafe_b64encode(value.key_identifier).rstrip(b"=").decode()


@pytest.fixture
def wallet(kredo: Kredo, tmp_path: Path) -> Kredo:
    """A wallet with an Open Badge 3.0 about the learner, an SD-JWT VC bound to their key,
    and the EU's sealed sample EDC."""
    assert kredo("init", "--passphrase").code == 0
    profiles: Any = kredo("holder", "list", "--json").json()
    did = profiles[0]["did"]
    key = resolve_did_key(did).public_key
    assert isinstance(key, ed25519.Ed25519PublicKey)
    issuer = Issuer(holder=did)
    (tmp_path / "badge.json").write_text(json.dumps(issuer.ob3()), encoding="utf-8")
    (tmp_path / "learning.sd-jwt").write_bytes(issuer.sd_jwt(cnf_key=key))
    for path in (tmp_path / "badge.json", tmp_path / "learning.sd-jwt", SEALED_EDC):
        assert kredo("import", str(path)).code == 0, path
    return kredo


def test_an_ldp_vc_badge_goes_in_a_data_integrity_vp_the_verifier_accepts(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN the verifier asks for an Open Badge by its expanded type IRI
    session = owf_verifier.create({"credentials": [BADGE]})
    # WHEN the learner answers
    result = wallet("respond", session.link, "--yes", "--json")
    # THEN Digital Bazaar's verifier accepted the holder's proof (challenge = nonce, domain =
    # client_id) and the badge's own proof, and the dcql library the expanded type
    assert result.code == 0, result.err
    (answer,) = owf_verifier.state(session)["answers"]
    assert answer["accepted"], answer.get("error")
    (presented,) = answer["checked"]["presented"]["badge"]
    assert BADGE_IRI in presented["type"]
    assert presented["cryptographic_holder_binding"]
    (vp,) = json.loads(answer["form"]["vp_token"])["badge"]
    assert vp["proof"]["challenge"] == session.nonce
    assert vp["proof"]["domain"] == session.client_id


def test_a_tampered_or_replayed_ldp_vc_presentation_is_rejected(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN an ldp_vc answer the verifier accepted
    session = owf_verifier.create({"credentials": [BADGE]})
    assert wallet("respond", session.link, "--yes").code == 0
    (answer,) = owf_verifier.state(session)["answers"]
    token = json.loads(answer["form"]["vp_token"])
    # WHEN someone changes the badge's name in it and posts it again
    altered = json.loads(json.dumps(token))
    altered["badge"][0]["verifiableCredential"][0]["credentialSubject"]["achievement"][
        "name"] = "Advanced Quantum Computing"
    status, body = owf_verifier.post_answer(
        session, {"vp_token": json.dumps(altered), "state": session.id})
    # THEN the verifier rejects it: a proof no longer verifies
    assert status == 400, body
    assert "does not verify" in body["error_description"]
    # AND the untouched answer replayed to another request fails on its challenge
    other = owf_verifier.create({"credentials": [BADGE]})
    status, body = owf_verifier.post_answer(
        other, {"vp_token": json.dumps(token), "state": other.id})
    assert status == 400 and "does not verify" in body["error_description"]


def test_a_sealed_edc_goes_enveloped_byte_for_byte_and_matches_its_authority_key(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN the verifier asks for an EDC whose seal chains to a given authority key
    query = _edc_query(trusted_authorities=[{"type": "aki", "values": [_edc_aki()]}])
    session = owf_verifier.create({"credentials": [query]})
    # WHEN the learner answers
    result = wallet("respond", session.link, "--yes")
    # THEN the verifier accepted the holder's proof over the enveloped credential, the
    # dcql library found the EDC type and the authority key, and the envelope holds the
    # sealed file exactly as the university issued it
    assert result.code == 0, result.err
    (answer,) = owf_verifier.state(session)["answers"]
    assert answer["accepted"], answer.get("error")
    (presented,) = answer["checked"]["presented"]["edc"]
    assert EDC_IRI in presented["type"]
    assert answer["checked"]["matches"]["edc"]["valid_credentials"][0][
        "trusted_authorities"]["valid_trusted_authority"]["trusted_authority_index"] == 0
    assert presented["envelope"] == {
        "media_type": "application/jose+json",
        "sha256": hashlib.sha256(SEALED_EDC.read_bytes()).hexdigest()}


def test_an_authority_the_edc_does_not_chain_to_leaves_nothing_to_send(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN the verifier accepts only EDCs sealed under another authority key
    query = _edc_query(trusted_authorities=[{"type": "aki", "values": ["AAECAwQFBgcICQ"]}])
    session = owf_verifier.create({"credentials": [query]})
    # WHEN / THEN Kredo has nothing to offer, says so, and sends nothing
    result = wallet("respond", session.link, "--yes")
    assert result.code == 2 and "does not hold" in result.err
    assert owf_verifier.state(session)["answers"] == []


def _ed25519_did_key() -> DidSigner:
    key = ed25519.Ed25519PrivateKey.generate()
    public = key.public_key()
    return DidSigner(did_key_from_public_key(public), did_key_verification_method_id(public),
                     "EdDSA", key)


def _p256_did_jwk() -> DidSigner:
    key = ec.generate_private_key(ec.SECP256R1())
    did = did_jwk_from_public_key(key.public_key())
    return DidSigner(did, f"{did}#0", "ES256", key)


@pytest.mark.parametrize("make_signer", [_ed25519_did_key, _p256_did_jwk],
                         ids=["did:key", "did:jwk"])
def test_a_did_verifier_is_confirmed_shown_as_its_did_and_accepts_the_answer(
    wallet: Kredo, owf_verifier: OwfVerifier, make_signer: Any,
) -> None:
    # GIVEN a verifier naming itself by a DID and signing its request with the DID's key
    signer: DidSigner = make_signer()
    session = owf_verifier.create({"credentials": [LEARNING]}, did=signer)
    assert session.client_id == f"decentralized_identifier:{signer.did}"
    # WHEN the learner answers (offline resolution: did:key and did:jwk need no network)
    result = wallet("respond", session.link, "--yes", "--json")
    # THEN Kredo showed the verifier as its DID, confirmed, and the verifier accepted
    assert result.code == 0, result.err
    sent: Any = result.json()
    assert sent["verifier"] == {"client_id": session.client_id, "name": signer.did,
                                "confirmed": True}
    (answer,) = owf_verifier.state(session)["answers"]
    assert answer["accepted"], answer.get("error")
    # AND the learner reading the request sees the DID
    shown = wallet("respond", session.link, "--yes")
    assert signer.did in shown.out + shown.err


def test_a_did_request_signed_with_another_key_is_refused_and_nothing_is_sent(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN a request naming a did:key verifier but signed by someone else's key
    genuine = _ed25519_did_key()
    impostor = DidSigner(genuine.did, genuine.kid, "EdDSA", genuine.key,
                         signing_key=ed25519.Ed25519PrivateKey.generate())
    session = owf_verifier.create({"credentials": [LEARNING]}, did=impostor)
    # WHEN / THEN Kredo refuses it with a sentence and the verifier gets nothing
    result = wallet("respond", session.link, "--yes")
    assert result.code != 0 and "does not match its signature" in result.err
    assert owf_verifier.state(session)["answers"] == []


def test_a_did_web_verifier_is_looked_up_only_with_permission_and_then_accepted(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN a did:web verifier whose DID document the verifier's server publishes
    signer = DidSigner("", "", "ES256", ec.generate_private_key(ec.SECP256R1()), web=True)
    offline = owf_verifier.create({"credentials": [LEARNING]}, did=signer)
    did = offline.client_id.removeprefix("decentralized_identifier:")
    assert did.startswith("did:web:127.0.0.1")
    # WHEN the learner answers without --online
    # THEN Kredo says the DID can only be checked online; nothing was looked up or sent
    refused = wallet("respond", offline.link, "--yes")
    assert refused.code != 0 and "only be checked online" in refused.err
    state = owf_verifier.state(offline)
    assert (state["did_fetched"], state["answers"]) == (0, [])
    # AND with --online Kredo reads the DID document, confirms the verifier as its DID, and
    # the verifier accepts the answer
    online = owf_verifier.create({"credentials": [LEARNING]}, did=signer)
    result = wallet("respond", online.link, "--yes", "--json", "--online")
    assert result.code == 0, result.err
    sent: Any = result.json()
    assert sent["verifier"]["name"].startswith("did:web:127.0.0.1")
    assert sent["verifier"]["confirmed"]
    state = owf_verifier.state(online)
    assert state["did_fetched"] == 1
    assert state["answers"][0]["accepted"], state["answers"][0].get("error")
