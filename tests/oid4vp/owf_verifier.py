"""The OpenWallet Foundation's OpenID4VP verifier (npm ``@openid4vc/openid4vp`` 0.4.x) on
127.0.0.1, wired by ``npm_verifier/server.mjs``.

The npm packages of ``npm_verifier/package.json`` are installed by the interop installer
(``tests/interop/npm_install.py``) into the untracked ``tests/.npm-interop`` folder; without
node and npm the tests are skipped (in CI they fail). Readiness is found by polling; the
server's output goes to a log file that failures quote.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
)

from tests.interop.npm_install import install_packages
from tests.oid4vp.verifier_keys import VerifierCertificate
from wallet.crypto.jwk import PrivateKey

SOURCE = Path(__file__).resolve().parent / "npm_verifier"
# The ELM v3 context, so the verifier expands an enveloped EDC's types offline.
EDC_CONTEXT = (Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc"
               / "edc-ap-context-v3.2.jsonld")
START_TIMEOUT = 30.0


@dataclass(frozen=True)
class Session:
    """One authorization request the verifier made: its link and what it expects."""

    id: str
    link: str
    request_uri: str
    client_id: str
    nonce: str


@dataclass(frozen=True)
class DidSigner:
    """A ``decentralized_identifier`` verifier: its DID, the DID URL it signs as (``kid``),
    and the key it signs with (``signing_key``: another one, to play an impostor). With
    ``web`` the server makes a did:web for the key and serves its DID document itself."""

    did: str
    kid: str
    alg: str
    key: PrivateKey
    signing_key: PrivateKey | None = None
    web: bool = False

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"did": self.did, "kid": self.kid, "alg": self.alg,
                                "key_pem": _pem(self.key), "web": self.web}
        if self.signing_key is not None:
            body["sign_pem"] = _pem(self.signing_key)
        return body


def _pem(key: PrivateKey) -> str:
    return key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()


@dataclass(frozen=True)
class OwfVerifier:
    base: str
    log: Path

    def create(
        self,
        query: dict[str, Any],
        *,
        certificate: VerifierCertificate | None = None,
        response_mode: str = "direct_post",
        enc: str | None = None,
        tamper: bool = False,
        request_uri_method: str = "get",
        x509_hash: bool = False,
        did: DidSigner | None = None,
    ) -> Session:
        """A new request, served by reference: unsigned ``redirect_uri`` client, or
        ``x509_san_dns:localhost`` (``x509_hash:`` with ``x509_hash``) signed with
        ``certificate``'s leaf, or ``decentralized_identifier:`` signed as ``did``. With
        ``request_uri_method`` ``post`` it is signed afresh for each wallet POST, repeating
        its ``wallet_nonce``."""
        body: dict[str, Any] = {"dcql_query": query, "response_mode": response_mode,
                                "tamper": tamper, "request_uri_method": request_uri_method}
        if x509_hash:
            body["client"] = "x509_hash"
        if enc is not None:
            body["enc"] = enc
        if did is not None:
            body["did"] = did.to_json()
        if certificate is not None:
            body["x509"] = {
                "dns": "localhost", "x5c": certificate.x5c,
                "key_pem": certificate.key.private_bytes(
                    Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode(),
            }
        made = self._call("POST", "/sessions", body)
        return Session(made["id"], made["link"], made["request_uri"], made["client_id"],
                       made["nonce"])

    def state(self, session: Session) -> dict[str, Any]:
        """``fetched`` (how often the request object was read) and ``answers`` received."""
        state: dict[str, Any] = self._call("GET", f"/sessions/{session.id}")
        return state

    def post_answer(self, session: Session, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """POST a form to ``session``'s response endpoint, as a wallet (or an attacker) would."""
        request = urllib.request.Request(
            f"{self.base}/responses/{session.id}", method="POST",
            data=urllib.parse.urlencode(form).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            self.base + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            pytest.fail(f"the verifier said {error.code}: {error.read()[:2000]!r}\n"
                        f"{self.log.read_text()[-2000:]}")


def _install() -> Path:
    manifest = json.loads((SOURCE / "package.json").read_text(encoding="utf-8"))
    folder = install_packages("owf-openid4vp", manifest["dependencies"])
    shutil.copyfile(SOURCE / "server.mjs", folder / "server.mjs")
    return folder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_ready(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the OpenID4VP verifier stopped: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])), 1):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"the OpenID4VP verifier did not start: {log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def owf_verifier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OwfVerifier]:
    folder = _install()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("owf-verifier") / "verifier.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [shutil.which("node") or "node", "server.mjs", str(port), str(EDC_CONTEXT)],
            cwd=folder, stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_ready(base, process, log)
        yield OwfVerifier(base=base, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
