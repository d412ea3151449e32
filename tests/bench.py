"""``make bench``: speed figures on generated data (never timed tests). Prints a table.

Verification throughput per format on 200 freshly signed credentials each, and the median
time of one full EDC seal verification (signature, three timestamps, path at signing time).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.crypto.data_integrity import sign
from wallet.crypto.jws import sign_compact_jws
from wallet.did.did_key import did_key_from_public_key, did_key_verification_method_id
from wallet.formats import parse_credential
from wallet.verify.engine import verify_credential
from wallet.verify.report import CheckStatus

EDC_SAMPLE = (
    Path(__file__).resolve().parent
    / "assets"
    / "vectors"
    / "edc"
    / ("Sample-MC-Annex1-signed.jsonld")
)
COUNT = 200


def _ob3(issuer: str, n: int) -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Bench University"},
        "validFrom": "2026-01-15T10:00:00Z",
        "name": f"Micro-credential {n}",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"urn:uuid:10000000-0000-4000-8000-{n:012d}",
                "type": ["Achievement"],
                "name": f"Micro-credential {n}",
                "criteria": {"narrative": "Assessed project."},
            },
        },
    }


def _data_integrity(suite: str) -> list[bytes]:
    key = (
        ed25519.Ed25519PrivateKey.generate()
        if suite == "eddsa-rdfc-2022"
        else ec.generate_private_key(ec.SECP256R1())
    )
    issuer = did_key_from_public_key(key.public_key())
    vm = did_key_verification_method_id(key.public_key())
    return [
        json.dumps(
            sign(_ob3(issuer, n), private_key=key, cryptosuite=suite, verification_method=vm)
        ).encode()
        for n in range(COUNT)
    ]


def _vc_jwt() -> list[bytes]:
    key = ed25519.Ed25519PrivateKey.generate()
    issuer = did_key_from_public_key(key.public_key())
    kid = did_key_verification_method_id(key.public_key())
    tokens = []
    for n in range(COUNT):
        vc = _ob3(issuer, n)
        vc["@context"][0] = "https://www.w3.org/2018/credentials/v1"
        vc["issuanceDate"] = vc.pop("validFrom")
        payload = {
            "iss": issuer,
            "jti": vc["id"],
            "nbf": int(datetime(2026, 1, 15, 10, tzinfo=UTC).timestamp()),
            "vc": vc,
        }
        tokens.append(
            sign_compact_jws(
                {"alg": "EdDSA", "typ": "JWT", "kid": kid}, json.dumps(payload).encode(), key
            ).encode()
        )
    return tokens


def _throughput(raws: list[bytes]) -> tuple[float, float]:
    credentials = [parse_credential(raw) for raw in raws]
    verify_credential(credentials[0])  # warm caches (contexts, imports)
    started = time.perf_counter()
    for credential in credentials:
        report = verify_credential(credential)
        # The EU sample's seal holds with a warning: its timestamp authority is a test TSA.
        signature = report.check("signature")
        assert signature is not None
        assert signature.status in (CheckStatus.OK, CheckStatus.WARNING), signature.message
    elapsed = time.perf_counter() - started
    return len(credentials) / elapsed, elapsed / len(credentials) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows: list[tuple[str, float, float]] = []
    cases: list[tuple[str, Callable[[], list[bytes]]]] = [
        ("OB3 eddsa-rdfc-2022", lambda: _data_integrity("eddsa-rdfc-2022")),
        ("OB3 ecdsa-rdfc-2019 (P-256)", lambda: _data_integrity("ecdsa-rdfc-2019")),
        ("VC-JWT (EdDSA)", _vc_jwt),
        ("EDC sealed 150 KB", lambda: [EDC_SAMPLE.read_bytes()] * COUNT),
    ]
    for name, make in cases:
        per_second, ms_each = _throughput(make())
        rows.append((name, per_second, ms_each))
    edc = parse_credential(EDC_SAMPLE.read_bytes())
    times = []
    for _ in range(30):
        started = time.perf_counter()
        verify_credential(edc)
        times.append((time.perf_counter() - started) * 1000)
    median_edc = statistics.median(times)
    if args.json:
        json.dump(
            {
                "verify": [
                    {"format": n, "per_second": round(p, 1), "ms_each": round(m, 2)}
                    for n, p, m in rows
                ],
                "edc_full_verify_median_ms": round(median_edc, 2),
            },
            sys.stdout,
            indent=2,
        )
        print()
        return 0
    print(f"{'verification (' + str(COUNT) + ' each)':<32}{'per second':>12}{'ms each':>10}")
    for name, per_second, ms_each in rows:
        print(f"{name:<32}{per_second:>12.1f}{ms_each:>10.2f}")
    print(f"{'EDC full verification, median':<32}{'':>12}{median_edc:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
