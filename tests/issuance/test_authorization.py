"""The authorization code flow: PKCE, the request, the loopback redirect, and the whole flow
against a scripted authorization server (the Sphereon server has no authorization code flow).
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from html import escape
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tests.issuance.scripted_issuer import Request, ScriptedIssuer, scripted_issuer
from tests.issuance.test_misbehaving_issuers import keys, repository, serve_issuer
from wallet.base64url import b64url_decode
from wallet.errors import IssuanceError, UserCancelled
from wallet.issuance import BrowserSignIn, NetworkPolicy, preview_offer, redeem_offer
from wallet.issuance.authorization import Pkce, authorization_request
from wallet.issuance.loopback_redirect import LoopbackRedirect
from wallet.issuance.metadata import AuthorizationServerMetadata, CredentialConfiguration
from wallet.issuance.proof_keys import KeyProvider
from wallet.net import allow_loopback_http
from wallet.translation import current_language, set_language, tr

__all__ = ["keys", "repository", "scripted_issuer"]
SERVER = AuthorizationServerMetadata(
    issuer="https://as.example",
    token_endpoint="https://as.example/token",
    authorization_endpoint="https://as.example/authorize",
    code_challenge_methods=("S256",),
)
DEGREE = CredentialConfiguration(id="Degree", format="jwt_vc_json", scope="degree")


def test_pkce_matches_rfc_7636_appendix_b() -> None:
    pkce = Pkce.from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
    assert pkce.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    assert pkce.method == "S256"
    assert "dBjft" not in repr(pkce)  # the verifier is a secret


def test_generated_pkce_is_fresh_and_well_formed() -> None:
    first, second = Pkce.generate(), Pkce.generate()
    assert first.verifier != second.verifier and len(first.verifier) == 43
    assert Pkce.from_verifier(first.verifier).challenge == first.challenge
    with pytest.raises(ValueError, match="43-128"):
        Pkce.from_verifier("short")


def test_authorization_request_carries_pkce_state_and_details() -> None:
    request = authorization_request(
        SERVER, [DEGREE], credential_issuer="https://issuer.example",
        redirect_uri="http://127.0.0.1:5000/callback", issuer_state="st-1",
    )
    parts = urlsplit(request.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://as.example/authorize"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["response_type"] == "code"
    assert query["code_challenge"] == request.pkce.challenge
    assert query["code_challenge_method"] == "S256"
    assert query["state"] == request.state and len(request.state) >= 22
    assert query["redirect_uri"] == "http://127.0.0.1:5000/callback"
    assert query["issuer_state"] == "st-1" and query["scope"] == "degree"
    assert json.loads(query["authorization_details"]) == [{
        "type": "openid_credential",
        "credential_configuration_id": "Degree",
        "locations": ["https://issuer.example"],
    }]
    assert request.pkce.verifier not in request.url


@pytest.mark.parametrize(
    ("server", "sentence"),
    [
        (AuthorizationServerMetadata("https://as.example", "https://as.example/t"),
         "no authorization endpoint"),
        (AuthorizationServerMetadata("https://as.example", "https://as.example/t",
                                     "https://as.example/a", code_challenge_methods=("plain",)),
         "PKCE with S256"),
    ],
)
def test_servers_kredo_cannot_sign_in_at(
    server: AuthorizationServerMetadata, sentence: str
) -> None:
    with pytest.raises(IssuanceError, match=sentence):
        authorization_request(server, [DEGREE], credential_issuer="https://i.example",
                              redirect_uri="http://127.0.0.1:1/callback")


# --- the loopback redirect ----------------------------------------------------------------


def _browser_visits(url: str, delay: float = 0.05) -> threading.Thread:
    def visit() -> None:
        time.sleep(delay)
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
        except urllib.error.HTTPError:
            pass

    thread = threading.Thread(target=visit, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def receiver() -> Iterator[LoopbackRedirect]:
    with LoopbackRedirect() as listening:
        yield listening


def test_redirect_with_the_right_state_gives_the_code(receiver: LoopbackRedirect) -> None:
    assert receiver.redirect_uri.startswith("http://127.0.0.1:")
    _browser_visits(receiver.redirect_uri.replace("/callback", "/favicon.ico"))
    _browser_visits(f"{receiver.redirect_uri}?code=abc&state=s-1", delay=0.2)
    assert receiver.wait_for_code("s-1", timeout=5) == "abc"


@pytest.mark.parametrize(
    ("query", "error", "sentence"),
    [
        ("code=abc&state=other", IssuanceError, "does not belong"),
        ("error=access_denied&state=s-1", UserCancelled, "Cancelled"),
        ("error=server_error&state=s-1", IssuanceError, "refused the sign-in"),
        ("state=s-1", IssuanceError, "without an authorization code"),
    ],
)
def test_bad_redirects(
    receiver: LoopbackRedirect, query: str, error: type[Exception], sentence: str
) -> None:
    _browser_visits(f"{receiver.redirect_uri}?{query}")
    with pytest.raises(error, match=sentence):
        receiver.wait_for_code("s-1", timeout=5)


def test_no_redirect_times_out_and_cancel_stops_waiting(receiver: LoopbackRedirect) -> None:
    started = time.monotonic()
    with pytest.raises(IssuanceError, match=r"not finished within 0\.5 seconds"):
        receiver.wait_for_code("s", timeout=0.5)
    assert time.monotonic() - started < 2
    with pytest.raises(UserCancelled):
        receiver.wait_for_code("s", timeout=5, cancelled=lambda: True)


# --- the whole flow -----------------------------------------------------------------------


def test_authorization_code_flow_end_to_end(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider
) -> None:
    # GIVEN an issuer whose offer has only an authorization code grant
    serve_issuer(scripted_issuer)
    base = scripted_issuer.base
    scripted_issuer.answer("GET", "/.well-known/oauth-authorization-server", 200, {
        "issuer": base, "token_endpoint": f"{base}/token",
        "authorization_endpoint": f"{base}/authorize",
        "code_challenge_methods_supported": ["S256"],
    })
    offer = {"credential_issuer": base, "credential_configuration_ids": ["Micro"],
             "grants": {"authorization_code": {"issuer_state": "from-offer"}}}
    seen: dict[str, str] = {}

    def browser(url: str) -> bool:
        # the "system browser": the learner signs in, the server redirects with a code
        seen.update({k: v[0] for k, v in parse_qs(urlsplit(url).query).items()})
        _browser_visits(f"{seen['redirect_uri']}?code=the-code&state={seen['state']}")
        return True

    def token(request: Request) -> tuple[int, object]:
        form = request.form()
        verified = Pkce.from_verifier(form["code_verifier"]).challenge == seen["code_challenge"]
        if not verified or form["code"] != "the-code":
            return 400, {"error": "invalid_grant"}
        return 200, {"access_token": "at", "token_type": "Bearer"}

    scripted_issuer.on("POST", "/token", token)
    with allow_loopback_http():
        preview = preview_offer(
            "openid-credential-offer://?credential_offer=" + quote(json.dumps(offer)),
            policy=NetworkPolicy(allowed=True, timeout=5),
        )
        assert preview.flow == "authorization_code" and preview.tx_code is None
        result = redeem_offer(
            preview, keys=keys, policy=NetworkPolicy(allowed=True, timeout=5),
            sign_in=BrowserSignIn(open_url=browser, timeout=5, client_id="kredo-test"),
        )
    # THEN the browser was sent the issuer state, and the code was redeemed with PKCE
    assert seen["issuer_state"] == "from-offer" and seen["client_id"] == "kredo-test"
    (token_request,) = scripted_issuer.sent("/token")
    assert token_request.form()["grant_type"] == "authorization_code"
    assert token_request.form()["redirect_uri"] == seen["redirect_uri"]
    assert len(result.received) == 1
    # AND the proof names the wallet as the client (iss), as 1.0 Appendix F.1 asks
    (credential_request,) = scripted_issuer.sent("/credential")
    proof = credential_request.json()["proofs"]["jwt"][0]
    claims = json.loads(b64url_decode(proof.split(".")[1], what="test"))
    assert claims["iss"] == "kredo-test"


@pytest.mark.parametrize("lang", ["en", "cs"])
def test_the_browser_page_after_sign_in_speaks_the_apps_language(
    receiver: LoopbackRedirect, lang: str
) -> None:
    pages: list[str] = []

    def browser() -> None:
        with urllib.request.urlopen(f"{receiver.redirect_uri}?code=abc&state=s-1",
                                    timeout=5) as response:
            pages.append(response.read().decode("utf-8"))

    # GIVEN the app speaking ``lang`` WHEN the browser comes back with the code
    before = current_language()
    set_language(lang)
    try:
        visit = threading.Thread(target=browser, daemon=True)
        visit.start()
        assert receiver.wait_for_code("s-1", timeout=5) == "abc"
        visit.join(timeout=5)
        expected = tr("The sign-in is finished. You can close this window and return to Kredo.")
    finally:
        set_language(before)
    # THEN the page says in that language that the learner can go back to Kredo
    (page,) = pages
    assert f'lang="{lang}"' in page
    assert escape(expected) in page
