"""Going online, when allowed: an issuer's did:web key document is fetched and used."""

from __future__ import annotations

import json
from urllib.parse import quote

from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.net.local_server import LocalServer, local_server  # noqa: F401 - fixture
from tests.verify.test_verify_tampering import _ob3
from wallet.crypto.data_integrity import sign
from wallet.crypto.multikey import multikey_from_public_key
from wallet.net import allow_loopback_http
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode, CheckStatus


def _publish_issuer(server: LocalServer) -> tuple[str, ed25519.Ed25519PrivateKey]:
    key = ed25519.Ed25519PrivateKey.generate()
    did = "did:web:" + quote(f"127.0.0.1:{server.port}", safe="") + ":issuers:muni"
    document = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [
            {
                "id": did + "#key-1",
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": multikey_from_public_key(key.public_key()),
            }
        ],
        "assertionMethod": [did + "#key-1"],
    }
    server.serve(
        "/issuers/muni/did.json",
        json.dumps(document).encode(),
        headers={"Content-Type": "application/did+json"},
    )
    return did, key


def test_did_web_issuer_verified_online_and_skipped_offline(local_server: LocalServer) -> None:  # noqa: F811
    did, key = _publish_issuer(local_server)
    signed = sign(
        _ob3(did),
        private_key=key,
        cryptosuite="eddsa-rdfc-2022",
        verification_method=did + "#key-1",
    )
    raw = json.dumps(signed).encode()
    with allow_loopback_http():
        # Offline: nothing is fetched, and the signature is skipped, never passed.
        offline = verify_file_bytes(raw)
        assert offline.check("signature").status is CheckStatus.SKIPPED  # type: ignore[union-attr]
        assert local_server.requests == []
        # Online: the DID document is fetched once and the signature verifies.
        online = verify_file_bytes(raw, options=VerifyOptions(online=True))
    signature = online.check("signature")
    assert signature is not None and signature.status is CheckStatus.OK
    assert signature.mode is CheckMode.NETWORK
    assert [r[0] for r in local_server.requests] == ["/issuers/muni/did.json"]
    assert online.issuer is not None and online.issuer.domain is not None
