"""Verification throughput per format on freshly signed credentials, and one full EDC check.

Each format gets ``count`` credentials signed with fresh keys (different ids, so no cache
can help); the EU sealed sample is verified ``count`` times. A signature that does not hold
stops the benchmark: a fast wrong answer is no figure.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime

from tests.benchmarks.report import Figure
from tests.robustness.corpus import (
    NOW,
    SD_JWT_AUDIENCE,
    SD_JWT_NONCE,
    VECTORS,
    ob3_document,
    sd_jwt_claims,
    signers,
)
from wallet.formats import parse_credential
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus

EDC_SAMPLE = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
SECTION = "verification"


def data_integrity(suite: str, count: int) -> list[bytes]:
    keys = signers()
    issuer = keys.ed_did if suite == "eddsa-rdfc-2022" else keys.p256_did
    return [keys.data_integrity(ob3_document(issuer, n), suite) for n in range(count)]


def vc_jwt(count: int) -> list[bytes]:
    keys = signers()
    tokens = []
    for n in range(count):
        vc = ob3_document(keys.ed_did, n)
        vc["@context"][0] = "https://www.w3.org/2018/credentials/v1"
        vc["issuanceDate"] = vc.pop("validFrom")
        vc.pop("validUntil")
        payload = {"iss": keys.ed_did, "jti": vc["id"], "vc": vc,
                   "nbf": int(datetime(2025, 1, 15, 10, tzinfo=UTC).timestamp())}
        kid = f"{keys.ed_did}#{keys.ed_did.split(':')[-1]}"
        tokens.append(keys.vc_jwt(payload, {"alg": "EdDSA", "typ": "JWT", "kid": kid}))
    return tokens


def sd_jwt_vc(count: int) -> list[bytes]:
    """EUDI learning credentials (8 disclosures) presented with a key-binding JWT."""
    keys = signers()
    clear, disclosed = sd_jwt_claims(keys.p256_did)
    tokens = []
    for n in range(count):
        tokens.append(keys.sd_jwt({**clear, "jti": f"urn:uuid:bench-{n}"},
                                  {**disclosed, "achievement_title": f"Course {n}"}))
    return tokens


def _throughput(raws: list[bytes], options: VerifyOptions) -> tuple[float, float]:
    credentials = [parse_credential(raw) for raw in raws]
    verify_credential(credentials[0], options=options)  # warm caches (contexts, imports)
    started = time.perf_counter()
    for credential in credentials:
        report = verify_credential(credential, options=options)
        signature = report.check("signature")
        assert signature is not None
        # The EU sample's seal holds with a warning: its timestamp authority is a test TSA.
        assert signature.status in (CheckStatus.OK, CheckStatus.WARNING), signature.message
    elapsed = time.perf_counter() - started
    return len(credentials) / elapsed, elapsed / len(credentials) * 1000


def measure(count: int = 200) -> list[Figure]:
    at_now = VerifyOptions(now=NOW, challenge=SD_JWT_NONCE, domain=SD_JWT_AUDIENCE)
    default = VerifyOptions()
    cases: list[tuple[str, Callable[[], list[bytes]], VerifyOptions]] = [
        ("OB3 eddsa-rdfc-2022", lambda: data_integrity("eddsa-rdfc-2022", count), at_now),
        ("OB3 ecdsa-rdfc-2019 (P-256)", lambda: data_integrity("ecdsa-rdfc-2019", count),
         at_now),
        ("VC-JWT (EdDSA)", lambda: vc_jwt(count), default),
        ("SD-JWT VC (ES256, 8 disclosures, key binding)", lambda: sd_jwt_vc(count), at_now),
        ("EDC sealed 150 KB (JAdES B-LTA)", lambda: [EDC_SAMPLE.read_bytes()] * count, default),
    ]
    figures = []
    for name, make, options in cases:
        per_second, ms_each = _throughput(make(), options)
        figures.append(Figure(SECTION, f"{name}: per second", per_second, "/s",
                              higher_is_better=True))
        figures.append(Figure(SECTION, f"{name}: each", ms_each, "ms"))
    edc = parse_credential(EDC_SAMPLE.read_bytes())
    times = []
    for _ in range(30):
        started = time.perf_counter()
        verify_credential(edc)
        times.append((time.perf_counter() - started) * 1000)
    figures.append(Figure(SECTION, "EDC full verification, median of 30", statistics.median(times),
                          "ms", target=30))
    return figures

