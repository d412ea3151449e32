"""The real Sphereon OpenID4VCI issuer (npm ``@sphereon/oid4vci-issuer-server`` 0.20.1) on
127.0.0.1, for the tests of :mod:`wallet.issuance`.

The npm packages are installed once into the pytest cache, in a folder named after the hash
of ``sphereon_issuer/package.json`` (so a version change installs afresh; no lock file is
written). ``server.mjs`` supplies the callbacks a deployment supplies (keys, signing, proof
checks). The server's output (it prints transaction codes) goes to a file in a temporary
folder; readiness is found by polling its metadata. Without node and npm, or when npm
cannot install, the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SOURCE = Path(__file__).resolve().parent / "sphereon_issuer"
PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
INSTALL_TIMEOUT = 600
START_TIMEOUT = 30.0


@dataclass
class SphereonIssuer:
    base: str
    log: Path

    def create_offer(
        self,
        *configuration_ids: str,
        pin: bool = False,
        by_reference: bool = False,
    ) -> dict[str, Any]:
        """POST /webapp/credential-offers: ``uri``, and ``userPin`` when a PIN was asked."""
        grant: dict[str, Any] = {"pre-authorized_code": secrets.token_urlsafe(16)}
        if pin:
            grant["tx_code"] = {"input_mode": "numeric", "length": 4}
        body = {
            "credential_configuration_ids": list(configuration_ids),
            "offerMode": "REFERENCE" if by_reference else "VALUE",
            "grants": {PRE_AUTHORIZED_GRANT: grant},
        }
        answer = self._post("/webapp/credential-offers", body)
        answer["pre_authorized_code"] = grant["pre-authorized_code"]
        return answer

    def backdate(self, pre_authorized_code: str, seconds: int) -> None:
        """Age an offer, so the issuer's own expiry check sees it as old."""
        self._post("/test/backdate", {"pre_authorized_code": pre_authorized_code,
                                      "seconds": seconds})

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.base + path, data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
        return json.loads(raw) if raw else {}


def _install(cache: Path) -> Path:
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        pytest.skip("node and npm are needed to run the Sphereon OpenID4VCI issuer; not found")
    package = (SOURCE / "package.json").read_bytes()
    folder = cache / f"sphereon-issuer-{hashlib.sha256(package).hexdigest()[:16]}"
    marker = folder / "node_modules" / ".kredo-installed"
    if not marker.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_bytes(package)
        done = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"],
            cwd=folder, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"npm could not install the Sphereon issuer: {done.stderr[-500:]}")
        marker.write_text("ok")
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
            pytest.fail(f"the Sphereon issuer stopped: {log.read_text()[-2000:]}")
        try:
            url = base + "/.well-known/openid-credential-issuer"
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"the Sphereon issuer did not start: {log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def sphereon_issuer(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SphereonIssuer]:
    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    cache_root = Path(cache.mkdir("npm")) if cache is not None else tmp_path_factory.mktemp("npm")
    folder = _install(cache_root)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("sphereon") / "issuer.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [shutil.which("node") or "node", "server.mjs", str(port)],
            cwd=folder, stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_ready(base, process, log)
        yield SphereonIssuer(base=base, log=log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
