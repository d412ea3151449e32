"""Reading verifiers' requests: by value and by reference, unsigned and signed, and the ones
Kredo must refuse before anything is sent."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from tests.issuance.scripted_issuer import Request, ScriptedIssuer
from tests.oid4vp.verifier_keys import signed_request, unsigned_request, verifier_certificate
from wallet.base64url import b64url_encode
from wallet.crypto.jwk import jwk_from_public_key
from wallet.crypto.jws import sign_compact_jws
from wallet.did import did_jwk_from_public_key
from wallet.errors import InputTooLarge, NetworkTimeout, PresentationRequestError
from wallet.issuance import NetworkPolicy
from wallet.share.oid4vp.request_reader import ReadingContext, read_request

QUERY = {"credentials": [{"id": "learning", "format": "dc+sd-jwt",
                          "meta": {"vct_values": ["https://example.org/learning"]},
                          "claims": [{"path": ["given_name"]}]}]}
ONLINE = ReadingContext(NetworkPolicy(allowed=True, timeout=2.0))


def _claims(client_id: str, response_uri: str, **extra: Any) -> dict[str, Any]:
    return {"client_id": client_id, "response_type": "vp_token", "response_mode": "direct_post",
            "response_uri": response_uri, "nonce": "n-0S6_WzA2Mj", "state": "s1",
            "dcql_query": QUERY, **extra}


def test_an_unsigned_request_by_value_names_its_address_and_is_not_confirmed() -> None:
    # GIVEN a redirect_uri verifier's link carrying the request itself
    response_uri = "https://verifier.example/answer"
    query = {**_claims(f"redirect_uri:{response_uri}", response_uri)}
    query["dcql_query"] = json.dumps(QUERY)
    link = "openid4vp://?" + urlencode(query)
    # WHEN Kredo reads it (no network: nothing to fetch)
    request = read_request(link, ReadingContext(NetworkPolicy(allowed=False)))
    # THEN the verifier is the address, unconfirmed, and the query is read
    assert request.verifier.prefix == "redirect_uri"
    assert request.verifier.name == response_uri
    assert not request.verifier.confirmed
    assert request.query.credentials[0].vct_values == ("https://example.org/learning",)
    assert (request.nonce, request.state, request.signed) == ("n-0S6_WzA2Mj", "s1", False)


def test_a_signed_x509_san_dns_request_by_reference_is_confirmed_only_under_a_known_ca(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier on localhost whose certificate a test CA issued, serving its request
    certificate = verifier_certificate("localhost")
    base = f"http://localhost:{scripted_issuer.port}"
    token = signed_request(_claims("x509_san_dns:localhost", f"{base}/answer"), certificate)
    scripted_issuer.answer("GET", "/request", 200, token.encode())
    link = "haip-vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                      "request_uri": f"{base}/request"})
    # WHEN Kredo reads it trusting the test CA, and again trusting nothing
    trusted = read_request(link, ReadingContext(ONLINE.policy, anchors=(certificate.ca,)))
    unknown = read_request(link, ONLINE)
    # THEN both are read; only the first confirms who asks, as the certificate says
    assert trusted.verifier.confirmed and trusted.signed
    assert not unknown.verifier.confirmed
    assert trusted.verifier.name == "localhost"
    assert "localhost" in unknown.verifier.assurance


def test_post_sends_the_wallet_metadata_and_a_nonce_the_request_must_repeat(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier that fetches by POST and puts the wallet's nonce in its request
    certificate = verifier_certificate("localhost")
    base = f"http://localhost:{scripted_issuer.port}"

    def answer(request: Request) -> tuple[int, bytes]:
        nonce = request.form()["wallet_nonce"]
        claims = _claims("x509_san_dns:localhost", f"{base}/answer", wallet_nonce=nonce)
        return 200, signed_request(claims, certificate).encode()

    scripted_issuer.on("POST", "/request", answer)
    link = "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                        "request_uri": f"{base}/request",
                                        "request_uri_method": "post"})
    # WHEN Kredo reads it
    request = read_request(link, ONLINE)
    # THEN the request is read, and the verifier got Kredo's metadata
    sent = scripted_issuer.sent("/request")[0].form()
    assert request.verifier.prefix == "x509_san_dns"
    assert "dc+sd-jwt" in json.loads(sent["wallet_metadata"])["vp_formats_supported"]


def test_a_request_that_ignores_the_wallet_nonce_is_refused(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier answering a POST with a request made before (no wallet_nonce)
    certificate = verifier_certificate("localhost")
    base = f"http://localhost:{scripted_issuer.port}"
    token = signed_request(_claims("x509_san_dns:localhost", f"{base}/answer"), certificate)
    scripted_issuer.answer("POST", "/request", 200, token.encode())
    link = "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                        "request_uri": f"{base}/request",
                                        "request_uri_method": "post"})
    # WHEN / THEN Kredo refuses it as a possible replay
    with pytest.raises(PresentationRequestError, match="replayed"):
        read_request(link, ONLINE)


def test_a_tampered_request_object_is_refused() -> None:
    # GIVEN a signed request whose payload was changed after signing (another response_uri)
    certificate = verifier_certificate("localhost")
    token = signed_request(_claims("x509_san_dns:localhost", "http://localhost:1/a"),
                           certificate)
    header, _payload, signature = token.split(".")
    forged = b64url_encode(json.dumps(
        _claims("x509_san_dns:localhost", "http://localhost:2/steal")).encode())
    link = "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                        "request": f"{header}.{forged}.{signature}"})
    # WHEN / THEN it is refused with a sentence saying so
    with pytest.raises(PresentationRequestError, match="altered"):
        read_request(link, ONLINE)


@pytest.mark.parametrize(
    ("client_id", "response_uri", "sentence"),
    [
        ("x509_san_dns:localhost", "http://127.0.0.1:9/answer", "not to localhost"),
        ("x509_san_dns:verifier.example", "http://localhost:9/answer", "not issued for"),
        ("x509_hash:AAAA", "http://localhost:9/answer", "not the one"),
    ],
)
def test_a_certificate_that_does_not_name_the_verifier_is_refused(
    client_id: str, response_uri: str, sentence: str
) -> None:
    # GIVEN a request signed with a certificate for "localhost" that names something else
    certificate = verifier_certificate("localhost")
    token = signed_request(_claims(client_id, response_uri), certificate)
    link = "openid4vp://?" + urlencode({"client_id": client_id, "request": token})
    # WHEN / THEN it is refused
    with pytest.raises(PresentationRequestError, match=sentence):
        read_request(link, ONLINE)


def test_x509_hash_names_the_leaf_certificate() -> None:
    # GIVEN a request whose client identifier is the hash of its signing certificate
    certificate = verifier_certificate("localhost")
    client_id = f"x509_hash:{certificate.leaf_hash}"
    token = signed_request(_claims(client_id, "https://anywhere.example/answer"), certificate)
    # WHEN Kredo reads it trusting the test CA
    request = read_request("openid4vp://?" + urlencode({"client_id": client_id,
                                                         "request": token}),
                           ReadingContext(ONLINE.policy, anchors=(certificate.ca,)))
    # THEN the verifier is named as its certificate's organisation, and confirmed
    assert request.verifier.name == "Example Employer s.r.o."
    assert request.verifier.confirmed


def test_a_did_jwk_verifier_is_checked_offline() -> None:
    # GIVEN a request signed by the key of a did:jwk verifier
    key = ec.generate_private_key(ec.SECP256R1())
    did = did_jwk_from_public_key(key.public_key())
    client_id = f"decentralized_identifier:{did}"
    claims = _claims(client_id, "https://verifier.example/answer")
    token = sign_compact_jws({"typ": "oauth-authz-req+jwt", "kid": f"{did}#0"},
                             json.dumps(claims).encode(), key)
    # WHEN Kredo reads it offline
    request = read_request("openid4vp://?" + urlencode({"client_id": client_id,
                                                         "request": token}),
                           ReadingContext(NetworkPolicy(allowed=False)))
    # THEN the DID's controller signed it
    assert request.verifier.name == did and request.verifier.confirmed


@pytest.mark.parametrize(
    ("link", "sentence"),
    [
        ("openid4vp://?client_id=origin:https://rp.example&response_type=vp_token",
         "web browser"),
        ("openid4vp://?client_id=x509_san_dns:v.example&response_type=vp_token&nonce=n"
         "&response_mode=direct_post&response_uri=https://v.example/a&dcql_query=%7B%7D",
         "must sign"),
        ("openid4vp://?client_id=redirect_uri:https://v.example/a&response_type=vp_token"
         "&nonce=n&response_mode=direct_post&response_uri=https://v.example/a"
         "&presentation_definition=%7B%7D", "presentation_definition"),
        ("openid4vp://?client_id=redirect_uri:https://v.example/a&response_type=vp_token"
         "&response_mode=direct_post&response_uri=https://v.example/a&dcql_query="
         + quote(json.dumps(QUERY)), "nonce"),
        ("openid4vp://?client_id=redirect_uri:https://v.example/a&response_type=vp_token"
         "&nonce=n&response_mode=direct_post&response_uri=https://evil.example/a"
         "&dcql_query=" + quote(json.dumps(QUERY)), "another address"),
        ("openid4vp://?client_id=redirect_uri:http://v.example/a&response_type=vp_token"
         "&nonce=n&response_mode=direct_post&response_uri=http://v.example/a"
         "&dcql_query=" + quote(json.dumps(QUERY)), "not secure"),
        ("openid4vp://?client_id=https://v.example&request_uri=https://v.example/r",
         "know in advance"),
        ("openid4vp://?client_id=redirect_uri:https://v.example/a&response_type=vp_token"
         "&nonce=n&response_mode=direct_post&response_uri=https://v.example/a&dcql_query="
         + quote(json.dumps({"credentials": [{"id": "q", "format": "ldp_vc",
                                              "trusted_authorities": [{"type": "aki"}]}]})),
         "trusted authorities"),
        ("https://wallet.example/?foo=bar", "not a request"),
    ],
)
def test_bad_requests_are_refused_with_a_sentence(link: str, sentence: str) -> None:
    # GIVEN a request breaking one rule WHEN Kredo reads it THEN it says which, offline
    with pytest.raises(PresentationRequestError, match=sentence):
        read_request(link, ReadingContext(NetworkPolicy(allowed=False)))


def test_a_request_uri_answering_garbage_is_refused(scripted_issuer: ScriptedIssuer) -> None:
    # GIVEN a request_uri that answers something that is not a request object
    scripted_issuer.answer("GET", "/request", 200, b"<html>hello</html>")
    link = "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                        "request_uri": f"{scripted_issuer.base}/request"})
    # WHEN / THEN Kredo says so
    with pytest.raises(PresentationRequestError, match="did not answer with a request"):
        read_request(link, ONLINE)


def test_a_slow_request_uri_meets_the_deadline(scripted_issuer: ScriptedIssuer) -> None:
    # GIVEN a request_uri that stalls longer than the learner waits
    def slow(_request: Request) -> tuple[int, bytes]:
        scripted_issuer.stall(5)
        return 200, b"late"

    scripted_issuer.on("GET", "/request", slow)
    link = "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                        "request_uri": f"{scripted_issuer.base}/request"})
    # WHEN / THEN Kredo gives up with a sentence about the verifier
    with pytest.raises(NetworkTimeout, match="verifier's server"):
        read_request(link, ReadingContext(NetworkPolicy(allowed=True, timeout=0.5)))


def test_an_oversized_request_is_abandoned(scripted_issuer: ScriptedIssuer) -> None:
    # GIVEN a request_uri answering a megabyte
    scripted_issuer.answer("GET", "/request", 200, b"e" * (1024 * 1024))
    link = "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                        "request_uri": f"{scripted_issuer.base}/request"})
    # WHEN / THEN Kredo stops reading it
    with pytest.raises(InputTooLarge):
        read_request(link, ONLINE)


def test_an_unsigned_request_object_by_reference_is_allowed_only_for_redirect_uri(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a redirect_uri verifier serving its request as an unsigned JWT
    answer_uri = f"{scripted_issuer.base}/answer"
    client_id = f"redirect_uri:{answer_uri}"
    scripted_issuer.answer("GET", "/request", 200,
                           unsigned_request(_claims(client_id, answer_uri)).encode())
    link = "openid4vp://?" + urlencode({"client_id": client_id,
                                        "request_uri": f"{scripted_issuer.base}/request"})
    # WHEN Kredo reads it THEN it is the unconfirmed redirect_uri verifier
    request = read_request(link, ONLINE)
    assert request.verifier.prefix == "redirect_uri" and not request.signed


def _did_web_verifier(port: int) -> tuple[ec.EllipticCurvePrivateKey, str, dict[str, Any]]:
    """A verifier key and its did:web on the scripted server, with its DID document."""
    key = ec.generate_private_key(ec.SECP256R1())
    did = f"did:web:127.0.0.1%3A{port}"
    method = {"id": f"{did}#key-1", "type": "JsonWebKey2020", "controller": did,
              "publicKeyJwk": jwk_from_public_key(key.public_key())}
    document = {"@context": ["https://www.w3.org/ns/did/v1"], "id": did,
                "verificationMethod": [method], "authentication": [method["id"]],
                "assertionMethod": [method["id"]]}
    return key, did, document


def _did_request_link(did: str, kid: str, key: ec.EllipticCurvePrivateKey) -> str:
    client_id = f"decentralized_identifier:{did}"
    token = sign_compact_jws({"typ": "oauth-authz-req+jwt", "kid": kid},
                             json.dumps(_claims(client_id, "https://v.example/a")).encode(), key)
    return "openid4vp://?" + urlencode({"client_id": client_id, "request": token})


def test_a_did_web_verifier_is_looked_up_only_when_the_learner_allows_it(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier whose did:web document the scripted server publishes
    key, did, document = _did_web_verifier(scripted_issuer.port)
    scripted_issuer.answer("GET", "/.well-known/did.json", 200, document)
    link = _did_request_link(did, f"{did}#key-1", key)
    # WHEN Kredo reads its signed request without permission to look DIDs up online
    # THEN it says the verifier can only be checked online, and fetched nothing
    with pytest.raises(PresentationRequestError, match="only be checked online"):
        read_request(link, ONLINE)
    assert scripted_issuer.sent("/.well-known/did.json") == []
    # AND with permission the DID document's key confirms the verifier, shown as its DID
    request = read_request(link, ReadingContext(ONLINE.policy, did_web_online=True))
    assert (request.verifier.name, request.verifier.confirmed) == (did, True)
    assert did in request.verifier.assurance


def test_a_did_web_request_signed_by_a_key_outside_the_document_is_refused(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a request naming the did:web's key but signed by another key
    _key, did, document = _did_web_verifier(scripted_issuer.port)
    scripted_issuer.answer("GET", "/.well-known/did.json", 200, document)
    impostor = ec.generate_private_key(ec.SECP256R1())
    link = _did_request_link(did, f"{did}#key-1", impostor)
    # WHEN / THEN Kredo refuses it
    with pytest.raises(PresentationRequestError, match="does not match its signature"):
        read_request(link, ReadingContext(ONLINE.policy, did_web_online=True))


@pytest.mark.parametrize("kid_of", [
    lambda did: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257"
                "faiztiGiC2QtKLGpbnnEGta2doK",
    lambda did: f"{did}#no-such-key",
], ids=["another DID", "a key the document lacks"])
def test_a_did_request_whose_kid_is_not_a_key_of_the_did_is_refused(
    scripted_issuer: ScriptedIssuer, kid_of: Any,
) -> None:
    # GIVEN a did:web verifier's request naming a key that is not one of its DID's
    key, did, document = _did_web_verifier(scripted_issuer.port)
    scripted_issuer.answer("GET", "/.well-known/did.json", 200, document)
    link = _did_request_link(did, kid_of(did), key)
    # WHEN / THEN Kredo refuses it with a sentence naming the DID
    with pytest.raises(PresentationRequestError, match="verifier's DID"):
        read_request(link, ReadingContext(ONLINE.policy, did_web_online=True))
