"""Kredo answering a real OpenID4VP 1.0 verifier: the OpenWallet Foundation's
``@openid4vc/openid4vp`` in a Node server on 127.0.0.1 (``npm_verifier/server.mjs``). The
library makes the requests (unsigned ``redirect_uri`` and signed ``x509_san_dns`` request
objects, by reference) and parses the answers; ``@sd-jwt/sd-jwt-vc`` checks each SD-JWT VC
and its KB-JWT, ``jose`` each VP-JWT, and the ``dcql`` library the answer against the query.
Kredo answers through ``kredo respond --yes``, as a learner's script would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import qrcode
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import Encoding
from PIL import Image

from tests.cli.conftest import Kredo, kredo
from tests.oid4vp.owf_verifier import OwfVerifier, owf_verifier
from tests.oid4vp.verifier_keys import VerifierCertificate, verifier_certificate
from tests.oid4vp.wallet_credentials import LEARNING_VCT, Issuer, vc11_jwt
from wallet.app.scanning import read_codes
from wallet.did.did_key import resolve_did_key

__all__ = ["kredo", "owf_verifier"]

LEARNING = {"id": "learning", "format": "dc+sd-jwt", "meta": {"vct_values": [LEARNING_VCT]},
            "claims": [{"path": ["given_name"]}, {"path": ["ects"]}]}
VC = {"id": "vc", "format": "jwt_vc_json",
      "meta": {"type_values": [["VerifiableCredential"]]}}


@pytest.fixture
def wallet(kredo: Kredo, tmp_path: Path) -> Kredo:
    """A wallet holding an SD-JWT VC bound to the learner's key and a VC 1.1 JWT about them."""
    assert kredo("init", "--passphrase").code == 0
    profiles: Any = kredo("holder", "list", "--json").json()
    did = profiles[0]["did"]
    key = resolve_did_key(did).public_key
    assert isinstance(key, ed25519.Ed25519PublicKey)
    issuer = Issuer(holder=did)
    (tmp_path / "learning.sd-jwt").write_bytes(issuer.sd_jwt(cnf_key=key))
    (tmp_path / "course.jwt").write_bytes(vc11_jwt(issuer))
    for name in ("learning.sd-jwt", "course.jwt"):
        assert kredo("import", str(tmp_path / name)).code == 0, name
    return kredo


@pytest.fixture(scope="module")
def certificate() -> VerifierCertificate:
    return verifier_certificate("localhost")


def _ca_file(certificate: VerifierCertificate, tmp_path: Path) -> str:
    path = tmp_path / "verifier-ca.pem"
    path.write_bytes(certificate.ca.public_bytes(Encoding.PEM))
    return str(path)


def test_an_unsigned_redirect_uri_request_gets_an_sd_jwt_the_verifier_accepts(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN the verifier asks, unsigned and by reference, for two claims of a learning credential
    session = owf_verifier.create({"credentials": [LEARNING]})
    # WHEN the learner answers with --yes
    result = wallet("respond", session.link, "--yes", "--json")
    # THEN the verifier's library accepted the SD-JWT VC, its KB-JWT (nonce, aud, sd_hash)
    # and the DCQL result, and got exactly the claims asked for
    assert result.code == 0, result.err
    state = owf_verifier.state(session)
    (answer,) = state["answers"]
    assert answer["accepted"], answer.get("error")
    (presented,) = answer["checked"]["presented"]["learning"]
    assert presented["claims"]["given_name"] == "Jana" and presented["claims"]["ects"] == 4
    assert "family_name" not in presented["claims"]
    assert state["fetched"] == 1
    sent: Any = result.json()
    assert sent["verifier"]["client_id"] == session.client_id
    assert not sent["verifier"]["confirmed"]


def test_a_signed_x509_request_gets_an_sd_jwt_and_a_vp_jwt_the_verifier_accepts(
    wallet: Kredo, owf_verifier: OwfVerifier, certificate: VerifierCertificate, tmp_path: Path,
) -> None:
    # GIVEN a verifier signing its request with a leaf for "localhost" from a test CA
    session = owf_verifier.create({"credentials": [LEARNING, VC]}, certificate=certificate)
    # WHEN the learner, trusting that CA, answers
    result = wallet("respond", session.link, "--yes", "--json",
                    "--verifier-ca", _ca_file(certificate, tmp_path))
    # THEN Kredo confirmed the verifier, and the verifier accepted both presentations
    assert result.code == 0, result.err
    sent: Any = result.json()
    assert sent["verifier"] == {"client_id": "x509_san_dns:localhost", "name": "localhost",
                                "confirmed": True}
    (answer,) = owf_verifier.state(session)["answers"]
    assert answer["accepted"], answer.get("error")
    (vp,) = answer["checked"]["presented"]["vc"]
    assert vp["credential_format"] == "jwt_vc_json"
    assert vp["claims"]["credentialSubject"]["name"] == "Jana Nováková"


@pytest.mark.parametrize("enc", ["A128GCM", "A256GCM"])
def test_an_encrypted_answer_is_decrypted_and_accepted_by_the_verifier(
    wallet: Kredo, owf_verifier: OwfVerifier, certificate: VerifierCertificate, enc: str,
) -> None:
    # GIVEN a signed request asking for direct_post.jwt to the verifier's P-256 key
    session = owf_verifier.create({"credentials": [LEARNING]}, certificate=certificate,
                                  response_mode="direct_post.jwt", enc=enc)
    # WHEN the learner answers
    result = wallet("respond", session.link, "--yes")
    # THEN only a JWE went, and the library decrypted and accepted it
    assert result.code == 0, result.err
    (answer,) = owf_verifier.state(session)["answers"]
    assert answer["accepted"], answer.get("error")
    assert set(answer["form"]) == {"response"}
    assert answer["checked"]["mode"] == "Encrypted"


def test_an_answer_replayed_to_another_request_fails_on_the_nonce(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN an answer Kredo made for one request
    first = owf_verifier.create({"credentials": [LEARNING]})
    assert wallet("respond", first.link, "--yes").code == 0
    (answer,) = owf_verifier.state(first)["answers"]
    # WHEN someone replays its vp_token to a second request (another nonce)
    second = owf_verifier.create({"credentials": [LEARNING]})
    status, body = owf_verifier.post_answer(
        second, {"vp_token": answer["form"]["vp_token"], "state": second.id})
    # THEN the verifier rejects it: the KB-JWT's nonce is not the second request's
    assert status == 400
    assert "nonce" in body["error_description"].lower()
    assert not owf_verifier.state(second)["answers"][0]["accepted"]


def test_a_tampered_request_object_is_refused_and_nothing_is_sent(
    wallet: Kredo, owf_verifier: OwfVerifier, certificate: VerifierCertificate, tmp_path: Path,
) -> None:
    # GIVEN a signed request object whose response_uri was changed after signing
    session = owf_verifier.create({"credentials": [LEARNING]}, certificate=certificate,
                                  tamper=True)
    # WHEN the learner tries to answer it
    result = wallet("respond", session.link, "--yes",
                    "--verifier-ca", _ca_file(certificate, tmp_path))
    # THEN Kredo refuses with a sentence, and the verifier got nothing
    assert result.code != 0 and "does not match its signature" in result.err
    state = owf_verifier.state(session)
    assert state["fetched"] == 1 and state["answers"] == []
    assert "Nothing has been shared" in wallet("history").out


def test_a_request_for_a_credential_the_wallet_lacks_sends_nothing(
    wallet: Kredo, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN the verifier asks for a diploma the learner does not hold
    diploma = {**LEARNING, "id": "diploma", "meta": {"vct_values": ["urn:example:diploma"]}}
    session = owf_verifier.create({"credentials": [diploma]})
    # WHEN / THEN Kredo says so, and nothing goes to the verifier
    result = wallet("respond", session.link, "--yes")
    assert result.code == 2 and "does not hold" in result.err
    assert owf_verifier.state(session)["answers"] == []


def test_the_verifiers_qr_code_read_from_a_picture_leads_to_an_accepted_answer(
    wallet: Kredo, owf_verifier: OwfVerifier, tmp_path: Path,
) -> None:
    # GIVEN the verifier's request shown as a QR code on another screen (cross-device)
    session = owf_verifier.create({"credentials": [LEARNING]})
    picture = tmp_path / "verifier-qr.png"
    qrcode.make(session.link).save(picture)
    # WHEN Kredo reads the picture and answers the link it found
    with Image.open(picture) as image:
        (link,) = read_codes(image)
    assert link == session.link
    result = wallet("respond", link, "--yes")
    # THEN the verifier accepted the answer
    assert result.code == 0, result.err
    (answer,) = owf_verifier.state(session)["answers"]
    assert answer["accepted"], answer.get("error")


def test_a_request_uri_posted_with_wallet_metadata_gets_an_accepted_answer(
    wallet: Kredo, owf_verifier: OwfVerifier, certificate: VerifierCertificate, tmp_path: Path,
) -> None:
    # GIVEN a signed request by reference with request_uri_method=post
    session = owf_verifier.create({"credentials": [LEARNING]}, certificate=certificate,
                                  request_uri_method="post")
    # WHEN the learner answers
    result = wallet("respond", session.link, "--yes",
                    "--verifier-ca", _ca_file(certificate, tmp_path))
    # THEN the library's wallet-metadata schema took Kredo's metadata, the request object
    # repeated Kredo's wallet_nonce (Kredo checks it), and the answer was accepted
    assert result.code == 0, result.err
    state = owf_verifier.state(session)
    (posted,) = state["wallet_posts"]
    assert posted["metadataValid"], posted["metadataError"]
    assert posted["form"]["wallet_nonce"]
    (answer,) = state["answers"]
    assert answer["accepted"], answer.get("error")


def test_an_x509_hash_request_gets_an_accepted_answer_naming_the_certificates_organisation(
    wallet: Kredo, owf_verifier: OwfVerifier, certificate: VerifierCertificate, tmp_path: Path,
) -> None:
    # GIVEN a request whose client identifier is the library's x509_hash of the signing leaf
    session = owf_verifier.create({"credentials": [LEARNING]}, certificate=certificate,
                                  x509_hash=True)
    assert session.client_id == f"x509_hash:{certificate.leaf_hash}"
    # WHEN the learner, trusting the test CA, answers
    result = wallet("respond", session.link, "--yes", "--json",
                    "--verifier-ca", _ca_file(certificate, tmp_path))
    # THEN Kredo confirmed the verifier by the certificate, and the verifier accepted
    assert result.code == 0, result.err
    sent: Any = result.json()
    assert sent["verifier"]["name"] == "Example Employer s.r.o."
    assert sent["verifier"]["confirmed"]
    (answer,) = owf_verifier.state(session)["answers"]
    assert answer["accepted"], answer.get("error")
